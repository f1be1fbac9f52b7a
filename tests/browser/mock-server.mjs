#!/usr/bin/env node
// A stand-in for `dyad serve` while the pages are written: serves web/ under the same paths and
// answers the JSON API of docs/api.md from tests/browser/fixture.json. Plain node, no packages.
//
//   node tests/browser/mock-server.mjs [PORT]     (default 8099, bound to 127.0.0.1)

import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, dirname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const webDir = join(here, '..', '..', 'web');
const fixture = JSON.parse(readFileSync(join(here, 'fixture.json'), 'utf8'));
const port = Number(process.argv[2] || 8099);

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json; charset=utf-8',
};

class HttpError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

const bad = (msg) => new HttpError(400, msg);
const cps = (s) => Array.from(s || '');
const fold = (s) => String(s || '').toLowerCase().replace(/ё/g, 'е');
const actorOf = (code) => (code.startsWith('IGO') ? code : code.slice(0, 3));
const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))
  && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Check the query against the allowed names and the limits of docs/api.md. */
function params(url, allowed) {
  const out = {};
  let n = 0;
  for (const [key, value] of url.searchParams) {
    n += 1;
    if (n > 16) throw bad('too many parameters');
    if (!allowed.includes(key)) throw bad(`unknown parameter: ${key}`);
    if (Buffer.byteLength(value) > 256) throw bad(`${key}: too long`);
    out[key] = value;
  }
  for (const key of ['since', 'until']) if (key in out && !isDate(out[key]) && !/^\d{4}(-\d{2})?$/.test(out[key])) throw bad(`${key}: not a date (YYYY-MM-DD): ${out[key]}`);
  for (const key of ['type', 'quad', 'outlet', 'language', 'actor', 'a', 'b']) if (key in out && !out[key]) throw bad(`${key}: empty`);
  if ('quad' in out && !/^[1-4]$/.test(out.quad)) throw bad(`quad: expected 1 to 4, not '${out.quad}'`);
  for (const key of ['limit', 'offset']) {
    if (!(key in out)) continue;
    if (!/^\d+$/.test(out[key])) throw bad(`${key}: not a number: ${out[key]}`);
    const v = Number(out[key]);
    if (key === 'limit' && (v < 1 || v > 500)) throw bad(`limit: out of range (1..500): ${v}`);
    out[key] = v;
  }
  return out;
}

/** An actor given as a code, an English or Russian name, or a person's name → its code. */
function resolve(text, what) {
  const t = fold(text).trim();
  for (const a of fixture.actors) {
    if (fold(a.code) === t || fold(a.name_en) === t || fold(a.name_ru) === t) return a.code;
  }
  for (const e of fixture.events) {
    if (fold(e.source) === t) return e.source;
    if (fold(e.target) === t) return e.target;
    if (fold(e.source_person) === t) return e.source;
    if (fold(e.target_person) === t) return e.target;
  }
  throw bad(`${what}: unknown actor: ${text}`);
}

const matches = (eventCode, eventActor, code) => eventCode === code || eventActor === code;
const publicEvent = ({ source_actor, target_actor, ...rest }) => rest;
const actorEvents = (code) => fixture.events.filter((e) => e.source_actor === code || e.target_actor === code).length;

/** The filters every view obeys: dates (a bound may be a year or month), type, QuadClass, outlet, language. */
const SCOPE = ['since', 'until', 'type', 'cameo', 'quad', 'outlet', 'language', 'count', 'names'];
function inScope(list, q) {
  return list.filter((e) => (!q.since || (e.date || '') >= q.since)
    && (!q.until || (e.date || '').slice(0, q.until.length) <= q.until)
    && (!q.type || e.type === q.type.toUpperCase()) && (!q.cameo || e.cameo.startsWith(q.cameo))
    && (!q.quad || e.quad === Number(q.quad)) && (!q.outlet || e.outlet === q.outlet)
    && (!q.language || (e.language || '') === q.language));
}

function types(q) {
  let list = inScope(fixture.events, q);
  if (q.actor) {
    const c = resolve(q.actor, 'actor');
    list = list.filter((e) => matches(e.source, e.source_actor, c) || matches(e.target, e.target_actor, c));
  }
  if (q.a || q.b) {
    if (!q.a || !q.b) throw bad('a and b go together');
    const a = actorOf(resolve(q.a, 'a'));
    const b = actorOf(resolve(q.b, 'b'));
    list = list.filter((e) => (e.source_actor === a && e.target_actor === b) || (e.source_actor === b && e.target_actor === a));
  }
  const m = new Map();
  for (const e of list) {
    if (!m.has(e.type)) m.set(e.type, { type: e.type, quad: e.quad, events: 0, mentions: 0 });
    m.get(e.type).events += 1;
    m.get(e.type).mentions += 1;
  }
  return { types: [...m.values()].sort((x, y) => y.events - x.events || (x.type < y.type ? -1 : 1)) };
}

function events(q) {
  let list = inScope(fixture.events, q);
  if (q.actor && isPerson(q.actor)) {
    list = list.filter((e) => e.source_person === q.actor || e.target_person === q.actor);
  } else if (q.actor) {
    const c = resolve(q.actor, 'actor');
    list = list.filter((e) => matches(e.source, e.source_actor, c) || matches(e.target, e.target_actor, c));
  }
  if (q.a || q.b) {
    if (!q.a || !q.b) throw bad('a and b go together');
    const a = actorOf(resolve(q.a, 'a'));
    const b = actorOf(resolve(q.b, 'b'));
    list = list.filter((e) => (e.source_actor === a && e.target_actor === b) || (e.source_actor === b && e.target_actor === a));
  }
  const limit = q.limit || 50;
  // the mock's keyset is the position after the page (the server's is the last event's date and id)
  const start = (q.offset || 0) + (q.after ? Number(q.after.split(',')[1]) : 0);
  const page = list.slice(start, start + limit).map(publicEvent);
  const more = start + limit < list.length;
  return { events: page, limit, offset: q.offset || 0, next: more ? (q.offset || 0) + limit : null,
    after: more ? `,${start + limit}` : null };
}

function isoWeek(date) {
  // strftime('%Y-W%W'): week of the year, Monday first, days before the first Monday in week 00
  const d = new Date(`${date}T00:00:00Z`);
  const jan1 = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const yday = Math.round((d - jan1) / 86400000);
  const wday = (d.getUTCDay() + 6) % 7;
  const week = Math.floor((yday + 7 - wday) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function timeline(q) {
  if (!q.a || !q.b) throw bad('a and b are required');
  const by = q.by || 'month';
  const key = { day: (d) => d, week: isoWeek, month: (d) => d.slice(0, 7), year: (d) => d.slice(0, 4) }[by];
  if (!key) throw bad(`bad period '${by}' (expected day, week, month or year)`);
  const a = actorOf(resolve(q.a, 'a'));
  const b = actorOf(resolve(q.b, 'b'));
  const groups = new Map();
  for (const e of inScope(fixture.events, q)) {
    if (!e.date) continue;
    const ab = e.source_actor === a && e.target_actor === b;
    const ba = e.source_actor === b && e.target_actor === a;
    if (!ab && !ba) continue;
    const k = key(e.date);
    if (!groups.has(k)) {
      groups.set(k, { period: k, ab_q1: 0, ab_q2: 0, ab_q3: 0, ab_q4: 0, ba_q1: 0, ba_q2: 0, ba_q3: 0, ba_q4: 0, events: 0, sum: 0 });
    }
    const g = groups.get(k);
    g[`${ab ? 'ab' : 'ba'}_q${e.quad}`] += 1;
    g.events += 1;
    g.sum += e.goldstein;
  }
  const periods = [...groups.values()].sort((x, y) => (x.period < y.period ? -1 : 1)).map(({ sum, ...g }) => ({
    ...g, goldstein: Math.round((sum / g.events) * 100) / 100,
  }));
  return { a, b, by, periods };
}

function actors(q) {
  const limit = q.limit || 20;
  const withCounts = fixture.actors.map((a) => ({ ...a, events: actorEvents(a.code) }));
  if (!q.q) {
    return { actors: withCounts.filter((a) => a.events > 0).sort((x, y) => y.events - x.events || (x.code < y.code ? -1 : 1)).slice(0, limit) };
  }
  const t = fold(q.q).trim();
  const people = new Map();
  for (const e of fixture.events) {
    for (const p of [e.source_person, e.target_person]) {
      if (p && fold(p).split(/[\s-]+/).some((w) => w.startsWith(t))) people.set(p, (people.get(p) || 0) + 1);
    }
  }
  return {
    actors: [...withCounts.filter((a) => fold(a.code).startsWith(t) || fold(a.name_en).startsWith(t) || fold(a.name_ru).startsWith(t)),
      ...[...people].map(([p, n]) => ({ code: p, kind: 'person', name_en: p, name_ru: null, events: n }))].slice(0, limit),
  };
}

const round2 = (v) => Math.round(v * 100) / 100;

const isPerson = (text) => fixture.events.some((e) => e.source_person === text || e.target_person === text);

function profile(codeIn, q) {
  if (isPerson(codeIn)) {
    const own = inScope(fixture.events, q).filter((e) => e.source_person === codeIn || e.target_person === codeIn);
    const first = own[0] || {};
    return {
      actor: { code: codeIn, kind: 'person', name_en: codeIn, name_ru: null },
      resolved: { kind: 'person', side: first.source_person === codeIn ? first.source_actor : first.target_actor, code: null, person: codeIn, side_name: null },
      partners: [], years: [], people: [],
    };
  }
  let code;
  try { code = resolve(codeIn, 'actor'); } catch { throw new HttpError(404, `unknown actor '${codeIn}'`); }
  const actor = fixture.actors.find((a) => a.code === actorOf(code));
  if (!actor) throw new HttpError(404, `unknown actor '${codeIn}'`);
  const mine = inScope(fixture.events, q).filter((e) => e.source_actor === actor.code || e.target_actor === actor.code);
  const partners = new Map();
  const years = new Map();
  const people = new Map();
  const add = (map, key, init, e) => {
    if (!map.has(key)) map.set(key, { ...init, events: 0, cooperation: 0, conflict: 0, sum: 0 });
    const r = map.get(key);
    r.events += 1;
    if (e.quad <= 2) r.cooperation += 1; else r.conflict += 1;
    r.sum += e.goldstein;
  };
  for (const e of mine) {
    const other = e.source_actor === actor.code ? e.target_actor : e.source_actor;
    const o = fixture.actors.find((a) => a.code === other);
    add(partners, other, { partner: other, name: o ? o.name_en : other }, e);
    add(years, e.date.slice(0, 4), { year: e.date.slice(0, 4) }, e);
    const person = e.source_actor === actor.code ? e.target_person : e.source_person;
    const side = e.source_actor === actor.code ? e.target : e.source;
    if (person) {
      if (!people.has(person)) people.set(person, { person, side, events: 0 });
      people.get(person).events += 1;
    }
  }
  const done = (map) => [...map.values()].map(({ sum, ...r }) => ({ ...r, goldstein: round2(sum / r.events) }));
  return {
    actor,
    resolved: { kind: actor.kind === 'igo' ? 'organisation' : 'country', side: actor.code, code: null, person: null, side_name: actor.name_en },
    partners: done(partners).sort((x, y) => y.events - x.events),
    years: done(years).sort((x, y) => (x.year < y.year ? -1 : 1)),
    people: [...people.values()].sort((x, y) => y.events - x.events),
  };
}

function network(q) {
  const list = inScope(fixture.events, q).filter((e) => e.source_actor !== e.target_actor);
  const edges = new Map();
  const nodes = new Map();
  for (const e of list) {
    const k = `${e.source_actor}>${e.target_actor}`;
    if (!edges.has(k)) edges.set(k, { source: e.source_actor, target: e.target_actor, events: 0, cooperation: 0, conflict: 0, sum: 0 });
    const r = edges.get(k);
    r.events += 1;
    if (e.quad <= 2) r.cooperation += 1; else r.conflict += 1;
    r.sum += e.goldstein;
    for (const c of [e.source_actor, e.target_actor]) {
      const a = fixture.actors.find((x) => x.code === c);
      if (!nodes.has(c)) nodes.set(c, { id: c, name: a ? a.name_en : c, events: 0 });
      nodes.get(c).events += 1;
    }
  }
  return {
    nodes: [...nodes.values()].sort((x, y) => y.events - x.events),
    edges: [...edges.values()].map(({ sum, ...r }) => ({ ...r, goldstein: round2(sum / r.events) })).sort((x, y) => y.events - x.events),
  };
}

function search(q) {
  const words = (q.q || '').match(/"[^"]*"|\S+/g);
  if (!words) throw bad('q: empty query');
  const terms = words.map((w) => fold(w.replace(/"/g, ''))).filter(Boolean);
  const sentences = [];
  for (const d of fixture.documents) {
    const body = cps(d.doc.body);
    for (const s of d.sentences) sentences.push({ d: d.doc, text: body.slice(s.start, s.end).join('') });
  }
  const seen = new Set(sentences.map((s) => s.text));
  for (const e of fixture.events) {
    if (seen.has(e.evidence)) continue;
    seen.add(e.evidence);
    sentences.push({ d: { id: e.doc, date: e.date, outlet: e.outlet, title: e.title }, text: e.evidence });
  }
  const results = [];
  for (const s of sentences) {
    const lower = fold(s.text);
    const marks = [];
    let all = true;
    for (const term of terms) {
      // a crude stem: the first letters of the term, then to the end of the word
      const stem = term.length > 5 ? term.slice(0, term.length - 2) : term;
      let found = false;
      let from = 0;
      for (;;) {
        const i = lower.indexOf(stem, from);
        if (i < 0) break;
        let j = i + stem.length;
        while (j < lower.length && /[\p{L}\p{N}]/u.test(lower[j])) j += 1;
        marks.push([cps(s.text.slice(0, i)).length, cps(s.text.slice(0, j)).length]);
        found = true;
        from = j;
      }
      if (!found) all = false;
    }
    if (all) {
      marks.sort((x, y) => x[0] - y[0]);
      results.push({ date: s.d.date, outlet: s.d.outlet, title: s.d.title, sentence: s.text, marks, doc: s.d.id });
    }
  }
  return { results: results.slice(0, q.limit || 20) };
}

function doc(id) {
  const d = fixture.documents.find((x) => x.doc.id === id);
  if (!d) throw new HttpError(404, `no such document: ${id}`);
  return d;
}

function route(url) {
  const path = url.pathname;
  if (path === '/api/stats') {
    params(url, []);
    const docs = new Set(fixture.events.map((e) => e.doc));
    const count = (key) => {
      const m = new Map();
      for (const x of fixture.events) m.set(x[key], (m.get(x[key]) || 0) + 1);
      return [...m].sort((x, y) => y[1] - x[1]);
    };
    const dates = fixture.events.map((e) => e.date).sort();
    return {
      stats: [
        { what: 'documents', value: docs.size },
        { what: 'syndicated copies', value: 0 },
        { what: 'sentences', value: fixture.documents.reduce((n, d) => n + d.sentences.length, 0) + docs.size - fixture.documents.length },
        { what: 'actor mentions', value: fixture.documents.reduce((n, d) => n + d.mentions.length, 0) },
        { what: 'events', value: fixture.events.length },
        { what: 'first date', value: dates[0] },
        { what: 'last date', value: dates[dates.length - 1] },
        { what: 'language ru', value: 6 },
        { what: 'language en', value: 5 },
        ...count('outlet').map(([k, v]) => ({ what: `outlet ${k}`, value: v })),
        ...count('type').map(([k, v]) => ({ what: `type ${k}`, value: v })),
      ],
    };
  }
  if (path === '/api/events') return events(params(url, ['actor', 'a', 'b', 'limit', 'offset', 'after', ...SCOPE]));
  if (path === '/api/timeline') return timeline(params(url, ['a', 'b', 'by', ...SCOPE]));
  if (path === '/api/types') return types(params(url, ['actor', 'a', 'b', ...SCOPE]));
  if (path === '/api/actors') return actors(params(url, ['q', 'limit']));
  if (path.startsWith('/api/actors/')) return profile(decodeURIComponent(path.slice(12)), params(url, SCOPE));
  if (path === '/api/network') return network(params(url, SCOPE));
  if (path === '/api/search') return search(params(url, ['q', 'limit']));
  if (path.startsWith('/api/docs/')) { params(url, []); return doc(decodeURIComponent(path.slice(10))); }
  throw new HttpError(404, `no such path: ${path}`);
}

function staticFile(pathname) {
  let file = null;
  if (pathname === '/' || pathname === '/index.html') file = 'index.html';
  else if (pathname === '/network') file = 'network.html';
  else if (pathname === '/search') file = 'search.html';
  else if (pathname === '/actor') file = 'actor.html';
  else if (pathname === '/assets/cameo2plover.tsv') file = '../data/codebook/cameo2plover.tsv';
  else if (/^\/doc\/[^/]+$/.test(pathname)) file = 'doc.html';
  else if (/^\/assets\/[A-Za-z0-9._-]+$/.test(pathname)) file = normalize(pathname.slice(1));
  if (!file) return null;
  try {
    const body = readFileSync(join(webDir, file));
    const ext = file.slice(file.lastIndexOf('.'));
    return { body, type: TYPES[ext] || 'application/octet-stream' };
  } catch {
    return null;
  }
}

const server = createServer((req, res) => {
  const send = (status, type, body) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      // as dyad serve sends it: no inline script or style attribute, nothing from elsewhere
      'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const json = (status, obj) => send(status, 'application/json; charset=utf-8', `${JSON.stringify(obj)}\n`);
  if (req.url.length > 2048) { json(414, { error: 'request line too long' }); return; }
  if (req.method !== 'GET' && req.method !== 'HEAD') { json(405, { error: `method not allowed: ${req.method}` }); return; }
  let url;
  try {
    url = new URL(req.url, 'http://localhost');
  } catch {
    json(400, { error: 'bad request' });
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    try {
      json(200, route(url));
    } catch (err) {
      if (err instanceof HttpError) json(err.status, { error: err.message });
      else { console.error(err); json(500, { error: String(err.message || err) }); }
    }
    return;
  }
  const file = staticFile(url.pathname);
  if (file) send(200, file.type, file.body);
  else json(404, { error: `no such path: ${url.pathname}` });
});

server.listen(port, '127.0.0.1', () => {
  console.log(`mock dyad serve on http://127.0.0.1:${port}/`);
});
