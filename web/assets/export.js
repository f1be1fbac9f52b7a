// Exporting what a view shows: its events as CSV, as GDELT 2.0 event rows (tab-separated) or as
// PLOVER JSON Lines (the PLOVER manual's data fields; categories from the public CAMEO→PLOVER
// table the server embeds as /assets/cameo2plover.tsv). Files are made in the page and saved
// through a blob: link, so nothing leaves the machine.

import { el, api } from '/assets/app.js';

const MAX_EVENTS = 5000;

/** Every event of a query (its filters), following each page's `after` up to MAX_EVENTS. */
export async function allEvents(params) {
  const out = [];
  let after = '';
  while (after !== null && after !== undefined && out.length < MAX_EVENTS) {
    const data = await api('/api/events', { ...params, limit: 500, after }); // '' is left out
    out.push(...(data.events || []));
    after = data.after;
  }
  return out;
}

const CSV_COLUMNS = ['date', 'source', 'target', 'source_person', 'target_person', 'cameo', 'cameo_name', 'type',
  'goldstein', 'quad', 'mode', 'modality', 'reciprocal', 'location', 'outlet', 'language', 'title', 'url', 'doc',
  'evidence', 'num_mentions', 'num_sources', 'num_articles', 'date_source'];

function csvCell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(events) {
  return [CSV_COLUMNS.join(','), ...events.map((e) => CSV_COLUMNS.map((c) => csvCell(e[c])).join(','))].join('\n') + '\n';
}

function tsvCell(value) {
  return value === null || value === undefined ? '' : String(value).replace(/[\t\n\r]/g, ' ');
}

/** A stable 53-bit id from a string (FNV-1a on code units, folded). */
function numericId(text) {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 2246822519) >>> 0;
  }
  return (h2 & 0x1fffff) * 4294967296 + h1;
}

/** GDELT 2.0's 61 columns: ids and dates, two actor blocks, the event, counts, three geo blocks, DATEADDED, SOURCEURL. */
export function toGdelt(events) {
  return events.map((e, i) => {
    const date = (e.date || '').replace(/-/g, '');
    const year = date.slice(0, 4);
    const actor = (code, person) => [code || '', person || code || '', (code || '').slice(0, 3), '', '', '', '', (code || '').slice(3, 6), '', ''];
    const geo = (place) => (place ? ['4', place, '', '', '', '', '', ''] : ['0', '', '', '', '', '', '', '']);
    return [
      numericId(`${e.doc}-${e.cameo}-${e.source}-${e.target}-${e.date}-${i}`), date, date.slice(0, 6), year,
      date ? (Number(year) + (Number(date.slice(4, 6)) - 1) / 12 + (Number(date.slice(6, 8)) - 1) / 365).toFixed(4) : '',
      ...actor(e.source, e.source_person), ...actor(e.target, e.target_person),
      '', e.cameo || '', (e.cameo || '').slice(0, 3), (e.cameo || '').slice(0, 2), e.quad ?? '', e.goldstein ?? '',
      e.num_mentions ?? 1, e.num_sources ?? 1, e.num_articles ?? 1, '',
      ...geo(null), ...geo(null), ...geo(e.location),
      date ? `${date}000000` : '', e.url || `/doc/${e.doc}`,
    ].map(tsvCell).join('\t');
  }).join('\n') + (events.length ? '\n' : '');
}

let ploverTable = null;

async function cameoToPlover() {
  if (ploverTable) return ploverTable;
  const response = await fetch('/assets/cameo2plover.tsv');
  if (!response.ok) throw new Error(`the CAMEO→PLOVER table could not be loaded (${response.status})`);
  const map = new Map();
  for (const line of (await response.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [code, event, mode, context] = line.split('\t');
    if (!map.has(code)) map.set(code, { event, mode: mode || '', context: context || '' });
  }
  ploverTable = map;
  return map;
}

function ploverRow(map, cameo) {
  for (let n = (cameo || '').length; n >= 2; n--) {
    const row = map.get(cameo.slice(0, n));
    if (row) return row;
  }
  return null;
}

const PLOVER_QUAD = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2, REQUEST: 1, ACCUSE: 3, REJECT: 3,
  THREATEN: 3, PROTEST: 3, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
};

function entity(code, person) {
  const out = { code: (code || '').slice(0, 3) === 'IGO' ? code : (code || '').slice(0, 3) };
  if ((code || '').length > 3 && (code || '').slice(0, 3) !== 'IGO') out.sector = code.slice(3);
  if (person) { out.entity_text = person; out.identifier_text = person; } else out.entity_text = code || '';
  return out;
}

export async function toPlover(events) {
  const map = await cameoToPlover();
  return events.map((e, i) => {
    const row = ploverRow(map, e.cameo);
    const category = row ? row.event : e.type;
    const actor = [entity(e.source, e.source_person)];
    const recipient = [entity(e.target, e.target_person)];
    if (e.reciprocal) { actor.push(recipient[0]); recipient.push(actor[0]); }
    return JSON.stringify({
      id: `${e.doc}-${i}`, date: e.date || null, actor, recipient,
      event: category ? [category] : [], mode: row && row.mode ? [row.mode] : [], context: row && row.context ? [row.context] : [],
      quad_code: PLOVER_QUAD[category] ?? null, event_text: [e.evidence || ''],
      event_loc: e.location ? { extracted_place: e.location } : null, text: e.evidence || '',
      cite_info: { citation: e.doc, url: e.url || null, title: e.title || null, language: e.language || null, publication: e.outlet || null, coder: 'dyad', codebook: 'CAMEO2PLOVER-2021' },
      cameo: e.cameo,
    });
  }).join('\n') + (events.length ? '\n' : '');
}

function save(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Three buttons that save the events of `params()` (the view's query) as CSV, GDELT TSV and
 * PLOVER JSON Lines; `base` names the files. status(text) reports progress and errors.
 */
export function exportButtons(params, base, status) {
  const run = (kind) => async () => {
    try {
      status(`Exporting ${kind}…`);
      const events = await allEvents(params());
      if (kind === 'CSV') save(`${base()}.csv`, 'text/csv', toCsv(events));
      else if (kind === 'GDELT') save(`${base()}.gdelt.tsv`, 'text/tab-separated-values', toGdelt(events));
      else save(`${base()}.plover.jsonl`, 'application/x-ndjson', await toPlover(events));
      status(`${events.length} events exported as ${kind}${events.length >= MAX_EVENTS ? ` (the first ${MAX_EVENTS})` : ''}.`);
    } catch (err) {
      status(`Export failed: ${err.message}`);
    }
  };
  return el('div', { class: 'export', role: 'group', 'aria-label': 'Export the events shown', 'data-testid': 'export' },
    el('span', { class: 'meta' }, 'Export:'),
    el('button', { type: 'button', onclick: run('CSV'), 'data-export': 'csv' }, 'CSV'),
    el('button', { type: 'button', onclick: run('GDELT'), 'data-export': 'gdelt' }, 'GDELT TSV'),
    el('button', { type: 'button', onclick: run('PLOVER'), 'data-export': 'plover' }, 'PLOVER JSONL'));
}
