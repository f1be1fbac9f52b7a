// morph_az.mjs — the reference side of tests/tools/morph_az.sh: Russian words analysed by az.js
// (OpenCorpora's dictionary, the same one dyad reads) with their tags mapped to Universal
// Dependencies the way dyad maps them, compared with dyad's analyses of the same words.
//
//   node tests/tools/morph_az.mjs self-check
//       the az half alone: az loads, and hand-checked words map to the expected UD analyses
//   node tests/tools/morph_az.mjs words TOKENS.jsonl WORDS.txt COUNTS.tsv
//       the distinct Cyrillic words among the word tokens of `dyad tokens --json`, one per
//       paragraph (so that each opens its own sentence) and with their token counts
//   node tests/tools/morph_az.mjs compare COUNTS.tsv MORPH.jsonl RECORDED
//       az's analyses of each word against dyad's (`dyad tokens --morph --json` of WORDS.txt);
//       prints the agreement, the dictionary's coverage and the differences by kind; exits 1
//       when a figure falls below the floor in RECORDED
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const CYRILLIC = /[\u0400-\u04ff]/;
// az's predictors take time that grows fast with the length of an unknown word: longer words
// are left out of the comparison (and counted)
const MAXLEN = 40;

// ---- OpenCorpora -> Universal Dependencies: the one place this mapping is written ---------------
// The plain OpenCorpora -> UD table, with dyad's own choices where its Russian analyser
// (src/morph/ru_tags.c, ru.c) goes further, each marked "dyad:" below.

const POS = {
  // dyad: adjectives carry Degree=Pos unless Supr says otherwise
  NOUN: ['NOUN'], ADJF: ['ADJ', 'Degree=Pos'], ADJS: ['ADJ', 'Variant=Short', 'Degree=Pos'],
  COMP: ['ADJ', 'Degree=Cmp'], VERB: ['VERB', 'VerbForm=Fin'], INFN: ['VERB', 'VerbForm=Inf'],
  PRTF: ['VERB', 'VerbForm=Part'], PRTS: ['VERB', 'VerbForm=Part', 'Variant=Short'],
  GRND: ['VERB', 'VerbForm=Conv'], NUMR: ['NUM'], ADVB: ['ADV'], NPRO: ['PRON'], PRED: ['ADV'],
  PREP: ['ADP'], CONJ: ['CCONJ'], PRCL: ['PART'], INTJ: ['INTJ'],
  // what az's parsers other than the dictionary give (not Russian words)
  LATN: ['X'], PNCT: ['PUNCT'], NUMB: ['NUM'], ROMN: ['NUM'], UNKN: ['X'],
};
const GRAMMEME = {
  nomn: 'Case=Nom', gent: 'Case=Gen', gen1: 'Case=Gen', datv: 'Case=Dat', accs: 'Case=Acc',
  acc2: 'Case=Acc', ablt: 'Case=Ins', loct: 'Case=Loc', loc1: 'Case=Loc', loc2: 'Case=Loc',
  voct: 'Case=Voc',
  gen2: 'Case=Par', // dyad: the partitive ("чаю") keeps its own case (the table: Gen)
  masc: 'Gender=Masc', femn: 'Gender=Fem', neut: 'Gender=Neut',
  sing: 'Number=Sing', plur: 'Number=Plur',
  anim: 'Animacy=Anim', inan: 'Animacy=Inan',
  perf: 'Aspect=Perf', impf: 'Aspect=Imp',
  past: 'Tense=Past', pres: 'Tense=Pres', futr: 'Tense=Fut',
  actv: 'Voice=Act', pssv: 'Voice=Pass',
  indc: 'Mood=Ind', impr: 'Mood=Imp',
  '1per': 'Person=1', '2per': 'Person=2', '3per': 'Person=3',
  Supr: 'Degree=Sup',
  Name: 'NameType=Giv', Surn: 'NameType=Sur', Patr: 'NameType=Pat', Geox: 'NameType=Geo',
  Orgn: 'NameType=Com', Abbr: 'Abbr=Yes',
};
// a noun with one of these is a proper noun; dyad: initials (Init) and Trad too
const PROPER = new Set(['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Init', 'Trad']);
// dyad: conjunctions are subordinating but for these coordinating ones (the table: all CCONJ)
const COORDINATING = new Set(['и', 'а', 'но', 'или', 'либо', 'да', 'ни', 'зато', 'однако', 'также', 'тоже', 'то']);

// One az tag (its grammemes in tag order), the reading's lemma and the az parser that gave it as
// {upos, feats}: feats in UD's
// order (sorted by feature name), at most one value per feature (a grammeme's before the part of
// speech's own, then the first in tag order), "_" when there are none.
export function toUD(grammemes, lemma, parser) {
  let upos = 'X', pos = null;
  const feats = new Map();
  const set = (kv) => {
    const [k, v] = kv.split('=');
    if (!feats.has(k)) feats.set(k, v);
  };
  for (const g of grammemes) if (POS[g]) pos = g;
  for (const g of grammemes) if (GRAMMEME[g]) set(GRAMMEME[g]);
  if (pos) {
    upos = POS[pos][0];
    POS[pos].slice(1).forEach(set);
  }
  if (upos === 'NOUN' && grammemes.some((g) => PROPER.has(g))) upos = 'PROPN';
  // dyad: an abbreviation az only predicts (its Abbr parser: "ЕАЭС", "ГКНБ") is a name
  if (upos === 'NOUN' && parser === 'Abbr') upos = 'PROPN';
  if (pos === 'ADJF' && grammemes.includes('Apro')) {
    upos = 'DET'; // dyad: pronominal adjectives (этот, свой, какой) are determiners, without Degree
    if (feats.get('Degree') === 'Pos') feats.delete('Degree');
  }
  if (pos === 'CONJ' && !COORDINATING.has(lemma)) upos = 'SCONJ';
  if (pos === 'PRCL' && (lemma === 'не' || lemma === 'ни')) set('Polarity=Neg'); // dyad
  if (upos === 'VERB' && !feats.has('Voice') && /с[яь]$/.test(lemma)) set('Voice=Mid'); // dyad: -ся
  const keys = [...feats.keys()].sort();
  return { upos, feats: keys.length ? keys.map((k) => `${k}=${feats.get(k)}`).join('|') : '_' };
}

// ---- az --------------------------------------------------------------------------------------

export function loadAz() {
  const dir = path.join(root, 'node_modules/az');
  if (!fs.existsSync(path.join(dir, 'dicts/words.dawg'))) {
    console.log('az is not installed (node_modules/az/dicts; npm ci installs it)');
    process.exit(1);
  }
  const Az = createRequire(import.meta.url)(dir);
  return new Promise((resolve, reject) =>
    Az.Morph.init(path.join(dir, 'dicts'), (err) => (err ? reject(err) : resolve(Az))));
}

// az's analyses of a word, best first, in UD: [{lemma, upos, feats}], one per az parse as dyad
// gives them (two parses can map to the same UD reading: transitivity, "Infr", "Sgtm" have no UD
// feature). `known` is whether the dictionary itself has the form.
export function azAnalyses(Az, word) {
  const out = [];
  let known = false;
  // forceParse: a word no parser reads gets az's own fallback, itself in lower case, UNKN (X)
  for (const p of Az.Morph(word, { forceParse: true })) {
    if (p.parser === 'Dictionary' && !p.typosCnt && !p.stutterCnt) known = true;
    // the normal form as az writes it (its toString: with the known prefix of "авиаудар", both
    // halves of "польско-германский"); the form itself when az cannot normalise the parse
    let norm;
    try {
      norm = p.normalize();
    } catch (e) {
      norm = null;
    }
    const lemma = String((norm && String(norm)) || p || word).toLowerCase();
    const { upos, feats } = toUD([...p.tag.stat, ...p.tag.flex], lemma, p.parser);
    out.push({ lemma, upos, feats });
  }
  return { analyses: out, known };
}

const show = (as) => (as.length ? as.map((a) => `${a.lemma} ${a.upos} ${a.feats}`).join('; ') : '(none)');

// ---- the modes ---------------------------------------------------------------------------------

// Hand-checked: what az 0.2.3's dictionary says of these words, in UD.
const SELF_CHECK = {
  'заявил': ['заявить VERB Aspect=Perf|Gender=Masc|Mood=Ind|Number=Sing|Tense=Past|VerbForm=Fin'],
  'сказав': ['сказать VERB Aspect=Perf|Tense=Past|VerbForm=Conv'],
  'Москвы': ['москва PROPN Animacy=Inan|Case=Gen|Gender=Fem|NameType=Geo|Number=Sing'],
  'Сергеевич': ['сергей PROPN Animacy=Anim|Case=Nom|Gender=Masc|NameType=Pat|Number=Sing'],
  'по-прежнему': ['по-прежнему ADV _'],
  'в': ['в ADP _', 'век NOUN Abbr=Yes|Animacy=Inan|Case=Nom|Gender=Masc|Number=Sing'],
  'лучше': ['хороший ADJ Degree=Cmp', 'лучше PART _'],
  'стали': ['стать VERB Aspect=Perf|Mood=Ind|Number=Plur|Tense=Past|VerbForm=Fin',
            'сталь NOUN Animacy=Inan|Case=Nom|Gender=Fem|Number=Plur'],
  'ООН': ['оон PROPN Abbr=Yes|Animacy=Inan|Case=Gen|Gender=Fem|NameType=Com|Number=Sing',
          'он PRON Case=Nom|Gender=Masc|Number=Sing|Person=3'],
  'сделанный': ['сделать VERB Aspect=Perf|Case=Nom|Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part|Voice=Pass'],
  // dyad's own choices beyond the table
  'новый': ['новый ADJ Case=Nom|Degree=Pos|Gender=Masc|Number=Sing'],
  'этот': ['этот DET Animacy=Inan|Case=Acc|Gender=Masc|Number=Sing'],
  'не': ['не PART Polarity=Neg'],
  'чтобы': ['чтобы SCONJ _'],
  'собираются': ['собираться VERB Aspect=Imp|Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin|Voice=Mid'],
  'ЕАЭС': ['еаэс PROPN Abbr=Yes|Animacy=Inan|Case=Nom|Gender=Masc|Number=Sing'],
  'Тху': ['тху X _'],
};

async function selfCheck() {
  const Az = await loadAz();
  let bad = 0;
  for (const [word, want] of Object.entries(SELF_CHECK)) {
    const got = azAnalyses(Az, word).analyses.map((a) => `${a.lemma} ${a.upos} ${a.feats}`);
    want.forEach((w, i) => {
      if (got[i] !== w) {
        console.log(`az self-check: ${word}: analysis ${i + 1} is "${got[i]}", expected "${w}"`);
        bad++;
      }
    });
  }
  const edge = ['', '-', 'ъ', 'Ё', 'ёлка', 'а'.repeat(MAXLEN), '\u0301'];
  for (const w of edge) azAnalyses(Az, w); // must not throw
  if (bad) process.exit(1);
  console.log(`az self-check: ${Object.keys(SELF_CHECK).length} words map as expected`);
}

function words(tokensFile, wordsFile, countsFile) {
  const counts = new Map();
  for (const line of fs.readFileSync(tokensFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    for (const t of JSON.parse(line).tokens || []) {
      if (t.kind === 'word' && CYRILLIC.test(t.text)) counts.set(t.text, (counts.get(t.text) || 0) + 1);
    }
  }
  const ws = [...counts.keys()].sort();
  fs.writeFileSync(wordsFile, ws.map((w) => `${w}\n\n`).join(''));
  fs.writeFileSync(countsFile, ws.map((w) => `${w}\t${counts.get(w)}\n`).join(''));
  console.log(`${ws.length} distinct Cyrillic words in ${[...counts.values()].reduce((a, b) => a + b, 0)} tokens`);
}

// dyad's readings of a token: its "analyses", or the single reading its own fields give.
function dyadAnalyses(t) {
  const norm = (f) => (f === undefined || f === null || f === '' ? '_' : f);
  if (Array.isArray(t.analyses) && t.analyses.length)
    return t.analyses.map((a) => ({ lemma: String(a.lemma), upos: String(a.upos), feats: norm(a.feats) }));
  if (t.lemma !== undefined) return [{ lemma: String(t.lemma), upos: String(t.upos), feats: norm(t.feats) }];
  return [];
}

// What kind of difference lies between az's readings and dyad's (null when they agree).
function differenceKind(az, dy) {
  const same = (a, b) => a.lemma === b.lemma && a.upos === b.upos && a.feats === b.feats;
  if (az.length === dy.length && az.every((a, i) => same(a, dy[i]))) return null;
  if (!dy.length) return 'dyad gives no analysis';
  if (!az.length) return 'az gives no analysis';
  const [a, d] = [az[0], dy[0]];
  if (!same(a, d)) {
    if (a.upos !== d.upos) return 'first analysis: part of speech';
    if (a.lemma !== d.lemma) {
      if (a.lemma.replace(/ё/g, 'е') === d.lemma.replace(/ё/g, 'е')) return 'first analysis: lemma (ё/е only)';
      return 'first analysis: lemma';
    }
    return 'first analysis: features';
  }
  const key = (x) => `${x.lemma} ${x.upos} ${x.feats}`;
  const sa = az.map(key).sort().join('\n'), sd = dy.map(key).sort().join('\n');
  if (sa === sd) return 'same analyses, another order';
  if (dy.length < az.length) return 'dyad has fewer analyses';
  if (dy.length > az.length) return 'dyad has more analyses';
  return 'same count, other later analyses';
}

async function compare(countsFile, morphFile, recordedFile) {
  const Az = await loadAz();
  const counts = new Map();
  for (const line of fs.readFileSync(countsFile, 'utf8').split('\n')) {
    const [w, n] = line.split('\t');
    if (w) counts.set(w, Number(n));
  }
  const dyad = new Map();
  let lineno = 0;
  for (const line of fs.readFileSync(morphFile, 'utf8').split('\n')) {
    lineno++;
    if (!line.trim()) continue;
    let s;
    try {
      s = JSON.parse(line);
    } catch (e) {
      console.log(`${morphFile}:${lineno}: not JSON: ${e.message}`);
      process.exit(1);
    }
    for (const t of s.tokens || []) if (t.kind === 'word' && !dyad.has(t.text)) dyad.set(t.text, dyadAnalyses(t));
  }
  const kinds = new Map();
  let agree = 0, tokens = 0, tokensAgree = 0, tokensKnown = 0;
  let long = 0;
  for (const [w, n] of counts) {
    if ([...w].length > MAXLEN) {
      long++;
      continue;
    }
    const az = azAnalyses(Az, w);
    const dy = dyad.get(w) || [];
    const kind = differenceKind(az.analyses, dy);
    tokens += n;
    if (az.known) tokensKnown += n;
    if (kind === null) {
      agree++;
      tokensAgree += n;
      continue;
    }
    if (!kinds.has(kind)) kinds.set(kind, []);
    kinds.get(kind).push({ w, n, az: az.analyses, dy });
  }
  const words = counts.size - long;
  if (long) console.log(`${long} words longer than ${MAXLEN} letters left out`);
  const agreement = words ? agree / words : 0, coverage = tokens ? tokensKnown / tokens : 0;
  for (const [kind, list] of [...kinds].sort((a, b) => b[1].length - a[1].length)) {
    list.sort((a, b) => b.n - a.n);
    console.log(`\n${kind}: ${list.length} words`);
    for (const x of list.slice(0, 8)) {
      console.log(`  ${x.w} (${x.n}×)\n    az:   ${show(x.az)}\n    dyad: ${show(x.dy)}`);
    }
  }
  const figures = { agreement, coverage };
  const floor = {};
  for (const line of fs.readFileSync(recordedFile, 'utf8').split('\n')) {
    const p = line.replace(/#.*/, '').trim().split(/\s+/);
    if (p.length === 2 && p[0] in figures) floor[p[0]] = Number(p[1]);
  }
  const low = Object.keys(floor).filter((k) => figures[k] + 0.0005 < floor[k]);
  for (const k of low) console.log(`${k} ${figures[k].toFixed(4)} fell below the recorded ${floor[k].toFixed(4)}`);
  console.log(`\nagreement with az: ${agree}/${words} words ${(100 * agreement).toFixed(2)}% ` +
    `(${(100 * (tokens ? tokensAgree / tokens : 0)).toFixed(2)}% of ${tokens} tokens); ` +
    `in the dictionary: ${(100 * coverage).toFixed(2)}% of Cyrillic tokens`);
  process.exit(low.length ? 1 : 0);
}

// run as a program (imported, it only lends toUD)
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const [mode, ...args] = process.argv.slice(2);
  const modes = { 'self-check': [selfCheck, 0], words: [words, 3], compare: [compare, 3] };
  if (!modes[mode] || args.length !== modes[mode][1]) {
    console.log('usage: morph_az.mjs self-check | words TOKENS WORDS COUNTS | compare COUNTS MORPH RECORDED');
    process.exit(2);
  }
  Promise.resolve(modes[mode][0](...args)).catch((e) => {
    console.log(`morph_az: ${e.stack || e}`);
    process.exit(1);
  });
}
