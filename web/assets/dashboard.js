// The dashboard: knowledge-base figures, two actor pickers, the dyad's timeline, its top event
// types and its latest events.

import {
  el, append, replace, api, message, errorMessage, into, actorName, docHref, fmtNumber, fmtGoldstein, quadName,
} from '/assets/app.js';
import { timelineChart } from '/assets/svg.js';

const state = { a: null, b: null, by: 'month' };
const SHOWN_EVENTS = 50;

/* ---- figures ---- */

async function loadStats() {
  const region = document.getElementById('stats');
  await into(region, 'the figures', async () => {
    const { stats } = await api('/api/stats');
    const rows = new Map((stats || []).map((r) => [r.what, r.value]));
    const items = [];
    for (const what of ['documents', 'events', 'sentences', 'actor mentions', 'syndicated copies']) {
      if (rows.has(what)) items.push([what, fmtNumber(rows.get(what))]);
    }
    if (rows.get('first date') || rows.get('last date')) {
      items.push(['dates', `${rows.get('first date') || '?'} – ${rows.get('last date') || '?'}`]);
    }
    const langs = (stats || []).filter((r) => r.what.startsWith('language ')).map((r) => `${r.what.slice(9)} ${r.value}`);
    if (langs.length) items.push(['languages', langs.join(', ')]);
    const outlets = (stats || []).filter((r) => r.what.startsWith('outlet ')).length;
    if (outlets) items.push(['outlets', String(outlets)]);
    replace(region, items.map(([dt, dd]) => el('div', null, el('dt', null, dt), el('dd', null, dd))));
  });
}

/* ---- actor picker with type-ahead ---- */

function picker(host, label, onPick) {
  const listId = `${host.id}-list`;
  const input = el('input', {
    type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: 80, role: 'combobox',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, 'aria-label': label,
    placeholder: 'Country or organisation, ru or en',
  });
  const list = el('ul', { id: listId, role: 'listbox', hidden: true });
  append(host, input, list);
  let current = null;
  let options = [];
  let active = -1;
  let timer = 0;
  let seq = 0;

  const show = (actor) => (actor ? `${actorName(actor)} (${actor.code})` : '');
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlightOption = (i) => {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', k === i ? 'true' : 'false'));
    if (i >= 0 && list.children[i]) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({ block: 'nearest' });
    }
  };
  const choose = (actor) => {
    current = actor;
    input.value = show(actor);
    close();
    onPick(actor);
  };
  const render = (actors) => {
    options = actors;
    replace(list, actors.map((actor, i) => el('li', {
      id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false',
      onmousedown: (ev) => { ev.preventDefault(); choose(actor); },
    }, el('span', null, actorName(actor), ' ', el('small', null, actor.code)),
    el('small', null, [actor.name_ru, actor.events ? `${actor.events} ev.` : null].filter(Boolean).join(' · ')))));
    if (!actors.length) append(list, el('li', { 'aria-disabled': 'true' }, el('small', null, 'no actor matches')));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlightOption(actors.length ? 0 : -1);
  };
  const lookup = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) { close(); return; }
    try {
      const { actors } = await api('/api/actors', { q, limit: 12 });
      if (mine === seq) render(actors || []);
    } catch (err) {
      if (mine !== seq) return;
      options = [];
      replace(list, el('li', { 'aria-disabled': 'true' }, el('small', null, err.message)));
      list.hidden = false;
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(lookup, 160);
  });
  input.addEventListener('focus', () => input.select());
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && options.length) {
      ev.preventDefault();
      if (list.hidden) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
      highlightOption((active + 1) % options.length);
    } else if (ev.key === 'ArrowUp' && options.length) {
      ev.preventDefault();
      highlightOption((active - 1 + options.length) % options.length);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!list.hidden && options[active]) choose(options[active]);
    } else if (ev.key === 'Escape') {
      input.value = show(current);
      close();
    }
  });
  input.addEventListener('blur', () => {
    clearTimeout(timer);
    seq++;
    input.value = show(current);
    close();
  });
  return {
    set(actor) { current = actor; input.value = show(actor); },
    get() { return current; },
  };
}

/* ---- the dyad ---- */

function eventsTable(events) {
  const head = el('thead', null, el('tr', null,
    ['date', 'source', 'target', 'type', 'cameo', 'Goldstein', 'outlet', 'evidence'].map((h) => el('th', { class: h === 'Goldstein' ? 'num' : null }, h))));
  const body = el('tbody', null, events.map((e) => el('tr', null,
    el('td', { class: 'date' }, el('a', { href: docHref(e.doc) }, e.date || 'undated')),
    el('td', null, e.source || '', e.source_person ? el('div', { class: 'meta' }, el('small', null, e.source_person)) : null),
    el('td', null, e.target || '', e.target_person ? el('div', { class: 'meta' }, el('small', null, e.target_person)) : null),
    el('td', null, el('span', { class: `badge q${e.quad}`, title: quadName(e.quad) }, e.type || '?')),
    el('td', null, el('code', null, e.cameo || '')),
    el('td', { class: 'num' }, fmtGoldstein(e.goldstein)),
    el('td', null, e.outlet || ''),
    el('td', { class: 'evidence' }, el('a', { href: docHref(e.doc), title: e.title || null }, e.evidence || e.title || 'document')),
  )));
  return el('table', { 'data-testid': 'events-table' }, head, body);
}

function typesList(events) {
  const counts = new Map();
  for (const e of events) counts.set(e.type || '?', (counts.get(e.type || '?') || 0) + 1);
  const top = [...counts].sort((x, y) => y[1] - x[1] || String(x[0]).localeCompare(String(y[0]))).slice(0, 10);
  const max = Math.max(1, ...top.map(([, c]) => c));
  return el('ul', { class: 'types' }, top.map(([type, c]) => el('li', null,
    el('span', null, type),
    el('span', { class: 'bar', style: { width: `${((100 * c) / max).toFixed(1)}%` } }),
    el('span', { class: 'count' }, c))));
}

let loadSeq = 0;

async function loadDyad() {
  const { a, b, by } = state;
  const timeline = document.getElementById('timeline');
  const types = document.getElementById('types');
  const events = document.getElementById('events');
  if (!a || !b) return;
  const url = new URL(location.href);
  url.searchParams.set('a', a.code);
  url.searchParams.set('b', b.code);
  url.searchParams.set('by', by);
  history.replaceState(null, '', url);
  document.getElementById('timeline-title').textContent = `Timeline: ${actorName(a)} and ${actorName(b)}, by ${by}`;
  if (a.code === b.code) {
    const m = () => message('info', 'Pick two different actors.');
    replace(timeline, m()); replace(types, m()); replace(events, m());
    return;
  }
  const mine = ++loadSeq;
  const tl = into(timeline, 'the timeline', async () => {
    const data = await api('/api/timeline', { a: a.code, b: b.code, by });
    if (mine !== loadSeq) return;
    const periods = data.periods || [];
    if (!periods.length) replace(timeline, message('empty', `No dated events between ${actorName(a)} and ${actorName(b)}.`));
    else replace(timeline, timelineChart(periods, { a: data.a || a.code, b: data.b || b.code, by: data.by || by }));
  });
  const ev = (async () => {
    events.setAttribute('aria-busy', 'true');
    types.setAttribute('aria-busy', 'true');
    try {
      const data = await api('/api/events', { a: a.code, b: b.code, limit: 500 });
      if (mine !== loadSeq) return;
      const list = data.events || [];
      if (!list.length) {
        replace(types, message('empty', 'No events.'));
        replace(events, message('empty', `No events between ${actorName(a)} and ${actorName(b)}.`));
        return;
      }
      replace(types, typesList(list),
        el('p', { class: 'meta' }, el('small', null, `Counted over ${list.length}${data.next !== null && data.next !== undefined ? '+' : ''} events.`)));
      const shown = list.slice(0, SHOWN_EVENTS);
      const more = list.length > shown.length
        ? el('button', {
          type: 'button', onclick: (ev2) => { ev2.target.remove(); replace(events, eventsTable(list)); },
        }, `Show all ${list.length}`)
        : null;
      replace(events, eventsTable(shown), more);
    } catch (err) {
      if (mine !== loadSeq) return;
      replace(types, errorMessage(err, 'the event types'));
      replace(events, errorMessage(err, 'the events'));
    } finally {
      events.removeAttribute('aria-busy');
      types.removeAttribute('aria-busy');
    }
  })();
  await Promise.all([tl, ev]);
}

async function resolveActor(code) {
  const { actors } = await api('/api/actors', { q: code, limit: 20 });
  const list = actors || [];
  return list.find((x) => x.code.toUpperCase() === code.toUpperCase()) || list[0] || null;
}

async function init() {
  const by = document.getElementById('by');
  const pa = picker(document.getElementById('picker-a'), 'Actor A', (actor) => { state.a = actor; loadDyad(); });
  const pb = picker(document.getElementById('picker-b'), 'Actor B', (actor) => { state.b = actor; loadDyad(); });
  document.getElementById('controls').addEventListener('submit', (ev) => ev.preventDefault());
  by.addEventListener('change', () => { state.by = by.value; loadDyad(); });
  document.getElementById('swap').addEventListener('click', () => {
    [state.a, state.b] = [state.b, state.a];
    pa.set(state.a); pb.set(state.b);
    loadDyad();
  });
  loadStats();

  const params = new URLSearchParams(location.search);
  if (['day', 'week', 'month', 'year'].includes(params.get('by'))) state.by = params.get('by');
  by.value = state.by;
  const regions = ['timeline', 'types', 'events'].map((id) => document.getElementById(id));
  try {
    let a = null;
    let b = null;
    if (params.get('a') && params.get('b')) {
      [a, b] = await Promise.all([resolveActor(params.get('a')), resolveActor(params.get('b'))]);
    }
    if (!a || !b) {
      const { actors } = await api('/api/actors');
      const busiest = actors || [];
      if (busiest.length < 2) {
        for (const r of regions) replace(r, message('empty', 'The knowledge base has no events between two actors yet.'));
        return;
      }
      // the busiest actor and the partner it deals with most: a first view with something in it
      [a, b] = busiest;
      const profile = await api(`/api/actors/${encodeURIComponent(a.code)}`);
      const partner = (profile.partners || [])[0];
      const known = partner && busiest.find((x) => x.code === partner.partner);
      if (known) b = known;
      else if (partner) b = { code: partner.partner, name_en: partner.name, name_ru: null };
    }
    state.a = a; state.b = b;
    pa.set(a); pb.set(b);
    await loadDyad();
  } catch (err) {
    for (const r of regions) replace(r, errorMessage(err, 'the actors'));
  }
}

init();
