// The page of one actor or person (/actor?id=...): what the name resolved to, its partners, years,
// the people on the other side of its events, its event types and events, within the filters the
// address keeps, with exports.

import {
  el, append, replace, api, message, into, actorName, actorHref, fmtNumber, fmtGoldstein,
} from '/assets/app.js';
import { readScope, writeScope, scopeParams, filterForm, describeScope } from '/assets/filters.js';
import { exportButtons } from '/assets/export.js';
import { eventsTable, typesList } from '/assets/views.js';

const id = (new URLSearchParams(location.search).get('id') || '').trim();
let scope = readScope();
const regions = ['partners', 'types', 'years', 'people', 'events'].map((x) => document.getElementById(x));

function table(columns, rows) {
  return el('div', { class: 'table-wrap' }, el('table', null,
    el('thead', null, el('tr', null, columns.map(([label, , num]) => el('th', { class: num ? 'num' : null }, label)))),
    el('tbody', null, rows.map((row) => el('tr', null, columns.map(([, cell, num]) => el('td', { class: num ? 'num' : null }, cell(row))))))));
}

const COUNTS = [
  ['events', (r) => fmtNumber(r.events), true],
  ['coop.', (r) => fmtNumber(r.cooperation), true],
  ['confl.', (r) => fmtNumber(r.conflict), true],
  ['Goldst.', (r) => fmtGoldstein(r.goldstein), true],
];

const KINDS = { country: 'a country: all its events', organisation: 'an organisation: all its events', role: 'a role: the events of this code', person: 'a person: their own events' };

let seq = 0;

async function load() {
  const mine = ++seq;
  const params = scopeParams(scope);
  const what = describeScope(scope);
  const profile = into(document.getElementById('partners'), 'the profile', async () => {
    const data = await api(`/api/actors/${encodeURIComponent(id)}`, params);
    if (mine !== seq) return;
    const actor = data.actor || { code: id };
    const r = data.resolved || {};
    const code = actor.code || id;
    document.title = `${actorName(actor)} · dyad`;
    replace(document.getElementById('actor-title'), actorName(actor), ' ', el('small', null, code));
    replace(document.getElementById('actor-resolved'),
      `“${id}” is ${KINDS[r.kind] || 'an actor'}`, r.side && r.side !== code ? ` (${r.side_name || r.side})` : '', what ? `; ${what}` : '', '.');
    const partners = data.partners || [];
    replace(document.getElementById('partners'), partners.length ? table([
      ['partner', (p) => [el('a', { href: `/?a=${encodeURIComponent(code)}&b=${encodeURIComponent(p.partner)}`, title: 'The dyad on the dashboard' }, p.name || p.partner),
        ' ', el('a', { href: actorHref(p.partner) }, el('small', null, p.partner))]],
      ...COUNTS,
    ], partners) : message('empty', 'No partners.'));
    const years = data.years || [];
    replace(document.getElementById('years'), years.length ? table([['year', (y) => y.year || '?'], ...COUNTS], years)
      : message('empty', 'No dated events.'));
    const people = data.people || [];
    replace(document.getElementById('people'), people.length ? table([
      ['person', (p) => el('a', { href: actorHref(p.person) }, p.person)],
      ['side', (p) => p.side || ''],
      ['events', (p) => fmtNumber(p.events), true],
    ], people) : message('empty', 'No people on the other side.'));
  });
  const types = into(document.getElementById('types'), 'the event types', async () => {
    const data = await api('/api/types', { actor: id, ...params });
    if (mine !== seq) return;
    replace(document.getElementById('types'), (data.types || []).length ? typesList(data.types) : message('empty', 'No events.'));
  });
  const events = into(document.getElementById('events'), 'the events', async () => {
    const data = await api('/api/events', { actor: id, ...params, limit: 100 });
    if (mine !== seq) return;
    const list = data.events || [];
    replace(document.getElementById('events'), list.length ? el('div', { class: 'table-wrap' }, eventsTable(list))
      : message('empty', `No events${what ? ` (${what})` : ''}.`));
  });
  await Promise.all([profile, types, events]);
}

if (!id) {
  for (const r of regions) replace(r, message('info', 'Name an actor: /actor?id=KAZ, /actor?id=Tokayev.'));
} else {
  append(document.getElementById('export-host'), exportButtons(() => ({ actor: id, ...scopeParams(scope) }),
    () => `dyad-${id}`.replace(/[^\p{L}\p{N}_-]+/gu, '_'), (text) => replace(document.getElementById('export-status'), text)));
  api('/api/stats').catch(() => ({ stats: [] })).then(({ stats }) => {
    const outlets = (stats || []).filter((r) => r.what.startsWith('outlet ')).map((r) => r.what.slice(7));
    filterForm(document.getElementById('filters'), scope, (next) => {
      scope = next;
      writeScope(scope);
      load();
    }, { outlets });
  });
  load();
}
