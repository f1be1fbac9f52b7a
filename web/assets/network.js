// The network page: actors as nodes, directed weighted edges, and a side panel with the profile
// of the actor clicked.

import { el, replace, api, message, errorMessage, into, actorName, fmtNumber, fmtGoldstein } from '/assets/app.js';
import { networkChart } from '/assets/svg.js';

// the columns a partner and a year share: events, cooperation, conflict, mean Goldstein
const COUNT_COLUMNS = [
  ['events', (r) => fmtNumber(r.events), true],
  ['coop.', (r) => fmtNumber(r.cooperation), true],
  ['confl.', (r) => fmtNumber(r.conflict), true],
  ['Goldst.', (r) => fmtGoldstein(r.goldstein), true],
];

const region = document.getElementById('network');
const side = document.getElementById('profile');
const since = document.getElementById('since');
const min = document.getElementById('min');
const MAX_NODES = 120;

function table(columns, rows) {
  return el('div', { class: 'table-wrap' }, el('table', null,
    el('thead', null, el('tr', null, columns.map(([label, , num]) => el('th', { class: num ? 'num' : null }, label)))),
    el('tbody', null, rows.map((row) => el('tr', null, columns.map(([, cell, num]) => el('td', { class: num ? 'num' : null }, cell(row))))))));
}

let profileSeq = 0;

async function showProfile(code) {
  const mine = ++profileSeq;
  await into(side, `the profile of ${code}`, async () => {
    const data = await api(`/api/actors/${encodeURIComponent(code)}`);
    if (mine !== profileSeq) return;
    const actor = data.actor || { code };
    const partners = data.partners || [];
    const years = data.years || [];
    const people = data.people || [];
    replace(side,
      el('h2', null, actorName(actor), ' ', el('small', null, actor.code || code)),
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
    const data = await api('/api/network', { since: since.value || null });
    const least = Math.max(1, Number(min.value) || 1);
    const edges = (data.edges || []).filter((e) => (Number(e.events) || 0) >= least);
    const used = new Set(edges.flatMap((e) => [e.source, e.target]));
    // the layout is quadratic: keep the busiest actors when there are very many
    const all = (data.nodes || []).filter((x) => used.has(x.id));
    const nodes = [...all].sort((x, y) => (Number(y.events) || 0) - (Number(x.events) || 0)).slice(0, MAX_NODES);
    const kept = new Set(nodes.map((x) => x.id));
    const shownEdges = edges.filter((e) => kept.has(e.source) && kept.has(e.target));
    if (!nodes.length || !shownEdges.length) {
      replace(region, message('empty', since.value ? `No events between two actors since ${since.value}.` : 'No events between two actors.'));
      return;
    }
    const chart = networkChart({ nodes, edges: shownEdges }, { onSelect: showProfile });
    replace(region, chart,
      el('p', { class: 'legend-inline' },
        el('span', null, `${nodes.length} actors, ${shownEdges.length} directed edges${all.length > nodes.length ? ` (the ${MAX_NODES} busiest of ${all.length} actors)` : ''}`),
        el('span', { class: 'text-coop' }, '— mostly cooperation'),
        el('span', { class: 'text-conf' }, '— mostly conflict'),
        el('span', null, 'width: number of events; node size: events of the actor')));
    const wanted = params.get('actor');
    if (wanted) {
      const node = [...chart.querySelectorAll('.node')].find((g) => g.dataset.id === wanted);
      if (node) node.dispatchEvent(new MouseEvent('click'));
    }
  });
}

document.getElementById('controls').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const url = new URL(location.href);
  if (since.value) url.searchParams.set('since', since.value); else url.searchParams.delete('since');
  history.replaceState(null, '', url);
  draw();
});

const initial = new URLSearchParams(location.search).get('since');
if (initial && /^\d{4}-\d{2}-\d{2}$/.test(initial)) since.value = initial;
draw().catch((err) => replace(region, errorMessage(err)));
