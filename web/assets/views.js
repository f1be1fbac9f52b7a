// Views the dashboard and the actor page share: the events table and the event types.

import { el, actorHref, docHref, fmtNumber, fmtGoldstein, quadName } from '/assets/app.js';

function who(code, person) {
  return [el('a', { href: actorHref(code || '') }, code || ''),
    person ? el('div', { class: 'meta' }, el('a', { href: actorHref(person) }, el('small', null, person))) : null];
}

export function eventsTable(events) {
  const head = el('thead', null, el('tr', null,
    ['date', 'source', 'target', 'type', 'cameo', 'Goldstein', 'reports', 'outlet', 'evidence'].map((h) => el('th', { class: h === 'Goldstein' || h === 'reports' ? 'num' : null }, h))));
  const body = el('tbody', null, events.map((e) => el('tr', null,
    el('td', { class: 'date' }, el('a', { href: docHref(e.doc) }, e.date || 'undated')),
    el('td', null, who(e.source, e.source_person)),
    el('td', null, who(e.target, e.target_person)),
    el('td', null, el('span', { class: `badge q${e.quad}`, title: quadName(e.quad) }, e.type || '?')),
    el('td', null, el('code', null, e.cameo || '')),
    el('td', { class: 'num' }, fmtGoldstein(e.goldstein)),
    el('td', { class: 'num', title: `${e.num_mentions} reports, ${e.num_sources} outlets, ${e.num_articles} articles` }, fmtNumber(e.num_mentions)),
    el('td', null, e.outlet || ''),
    el('td', { class: 'evidence' }, el('a', { href: docHref(e.doc), title: e.title || null }, e.evidence || e.title || 'document')),
  )));
  return el('table', { 'data-testid': 'events-table' }, head, body);
}

/** Event types over the whole scope (from /api/types), busiest first. */
export function typesList(types) {
  const top = types.slice(0, 12);
  const max = Math.max(1, ...top.map((t) => Number(t.events) || 0));
  return el('ul', { class: 'types' }, top.map((t) => el('li', null,
    el('span', null, t.type),
    el('span', { class: `bar q${t.quad}`, style: { width: `${((100 * t.events) / max).toFixed(1)}%` } }),
    el('span', { class: 'count' }, fmtNumber(t.events)))));
}

