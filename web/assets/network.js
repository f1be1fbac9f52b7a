// The network page: actors as nodes named in the language asked for, the strongest directed
// ties within the filters, and a side panel with the profile of the actor clicked.

import { el, replace, api, message, errorMessage, into, actorName, fmtNumber, fmtGoldstein } from '/assets/app.js';
import { networkChart, placeLabels } from '/assets/svg.js';
import { readScope, writeScope, scopeParams, filterForm, describeScope } from '/assets/filters.js';

// the columns a partner and a year share: events, cooperation, conflict, mean Goldstein
const COUNT_COLUMNS = [
  ['events', (r) => fmtNumber(r.events), true],
  ['coop.', (r) => fmtNumber(r.cooperation), true],
  ['confl.', (r) => fmtNumber(r.conflict), true],
  ['Goldst.', (r) => fmtGoldstein(r.goldstein), true],
];

const region = document.getElementById('network');
const side = document.getElementById('profile');
const min = document.getElementById('min');
const topN = document.getElementById('top');
const MAX_NODES = 120;
let scope = readScope();

function table(columns, rows) {
  return el('div', { class: 'table-wrap' }, el('table', null,
    el('thead', null, el('tr', null, columns.map(([label, , num]) => el('th', { class: num ? 'num' : null }, label)))),
    el('tbody', null, rows.map((row) => el('tr', null, columns.map(([, cell, num]) => el('td', { class: num ? 'num' : null }, cell(row))))))));
}

let profileSeq = 0;

async function showProfile(code) {
  const mine = ++profileSeq;
  await into(side, `the profile of ${code}`, async () => {
    const data = await api(`/api/actors/${encodeURIComponent(code)}`, scopeParams(scope));
    if (mine !== profileSeq) return;
    const actor = data.actor || { code };
    const partners = data.partners || [];
    const years = data.years || [];
    const people = data.people || [];
    replace(side,
      el('h2', null, el('a', { href: `/actor?id=${encodeURIComponent(actor.code || code)}` }, actorName(actor)), ' ', el('small', null, actor.code || code)),
      el('p', { class: 'meta' }, [actor.name_ru, actor.kind].filter(Boolean).join(' · ')),
      el('h3', null, 'Partners'),
      partners.length ? table([
        ['partner', (r) => [el('a', { href: `/?a=${encodeURIComponent(actor.code || code)}&b=${encodeURIComponent(r.partner)}`, title: 'Open the dyad on the dashboard' }, r.partner),
          r.name && r.name !== r.partner ? el('div', null, el('small', null, r.name)) : null]],
        ...COUNT_COLUMNS,
      ], partners) : message('empty', 'No partners.'),
      el('h3', null, 'Years'),
      years.length ? table([
        ['year', (r) => r.year || '?'],
        ...COUNT_COLUMNS,
      ], years) : message('empty', 'No dated events.'),
      el('h3', null, 'People met'),
      people.length ? table([
        ['person', (r) => r.person || ''],
        ['side', (r) => r.side || ''],
        ['events', (r) => fmtNumber(r.events), true],
      ], people) : message('empty', 'No people of other sides.'));
  });
}

async function draw() {
  const params = new URLSearchParams(location.search);
  await into(region, 'the network', async () => {
    const data = await api('/api/network', scopeParams(scope));
    const least = Math.max(1, Number(min.value) || 1);
    const strongest = Math.max(1, Number(topN.value) || 40);
    // the strongest ties first, as many as asked for
    const edges = (data.edges || []).filter((e) => (Number(e.events) || 0) >= least)
      .sort((x, y) => (Number(y.events) || 0) - (Number(x.events) || 0)).slice(0, strongest);
    const used = new Set(edges.flatMap((e) => [e.source, e.target]));
    // the layout is quadratic: keep the busiest actors when there are very many
    const all = (data.nodes || []).filter((x) => used.has(x.id));
    const nodes = [...all].sort((x, y) => (Number(y.events) || 0) - (Number(x.events) || 0)).slice(0, MAX_NODES);
    const kept = new Set(nodes.map((x) => x.id));
    const shownEdges = edges.filter((e) => kept.has(e.source) && kept.has(e.target));
    const what = describeScope(scope);
    if (!nodes.length || !shownEdges.length) {
      replace(region, message('empty', what ? `No events between two actors (${what}).` : 'No events between two actors.'));
      return;
    }
    const chart = networkChart({ nodes, edges: shownEdges }, { onSelect: showProfile });
    replace(region, chart,
      el('p', { class: 'legend-inline' },
        el('span', null, `${nodes.length} actors, the ${shownEdges.length} strongest of ${(data.edges || []).length} directed ties${what ? ` (${what})` : ''}`),
        el('span', { class: 'text-coop' }, '— mostly cooperation'),
        el('span', { class: 'text-conf' }, '— mostly conflict'),
        el('span', null, 'width: number of events; node size: events of the actor')));
    placeLabels(chart);
    const wanted = params.get('actor');
    if (wanted) {
      const node = [...chart.querySelectorAll('.node')].find((g) => g.dataset.id === wanted);
      if (node) node.dispatchEvent(new MouseEvent('click'));
    }
  });
}

document.getElementById('controls').addEventListener('submit', (ev) => {
  ev.preventDefault();
  writeScope(scope, { min: min.value !== '1' ? min.value : null, top: topN.value !== '40' ? topN.value : null });
  draw();
});

const initial = new URLSearchParams(location.search);
if (/^\d+$/.test(initial.get('min') || '')) min.value = initial.get('min');
if (/^\d+$/.test(initial.get('top') || '')) topN.value = initial.get('top');
api('/api/stats').catch(() => ({ stats: [] })).then(({ stats }) => {
  const outlets = (stats || []).filter((r) => r.what.startsWith('outlet ')).map((r) => r.what.slice(7));
  filterForm(document.getElementById('filters'), scope, (next) => {
    scope = next;
    writeScope(scope);
    draw().catch((err) => replace(region, errorMessage(err)));
  }, { outlets });
});
draw().catch((err) => replace(region, errorMessage(err)));
