// The dashboard: knowledge-base figures, two actor pickers (countries, organisations, people),
// filters every view obeys, the dyad's timeline on a time axis with zoom, its event types over
// the whole scope, its events, and exports of what is shown. The address keeps it all.

import {
  el, append, replace, api, message, errorMessage, into, actorName, actorHref, fmtNumber,
} from '/assets/app.js';
import { timelineChart, periodRange, isoDay } from '/assets/svg.js';
import { readScope, writeScope, scopeParams, filterForm, describeScope } from '/assets/filters.js';
import { exportButtons } from '/assets/export.js';
import { eventsTable, typesList } from '/assets/views.js';

const state = { a: null, b: null, by: 'month', scope: readScope() };
const SHOWN_EVENTS = 50;
let filters = null;

/* ---- figures ---- */

async function loadStats() {
  const region = document.getElementById('stats');
  let names = [];
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
    const outlets = (stats || []).filter((r) => r.what.startsWith('outlet '));
    if (outlets.length) items.push(['outlets', String(outlets.length)]);
    names = outlets.map((r) => r.what.slice(7));
    replace(region, items.map(([dt, dd]) => el('div', null, el('dt', null, dt), el('dd', null, dd))));
  });
  return names;
}

/* ---- actor picker with type-ahead ---- */

function picker(host, label, onPick) {
  const listId = `${host.id}-list`;
  const input = el('input', {
    type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: 80, role: 'combobox',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, 'aria-label': label,
    placeholder: 'Country, organisation or person',
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
    el('small', null, [actor.kind === 'person' ? 'person' : actor.kind === 'igo' ? 'organisation' : null,
      actor.events ? `${actor.events} ev.` : null].filter(Boolean).join(' · ')))));
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

/* ---- zoom: a period's dates, and the finer period to show them by ---- */

const FINER = { year: 'month', month: 'day', week: 'day', day: 'day' };

function zoomInto(period) {
  const range = periodRange(period);
  if (!range) return;
  state.scope = { ...state.scope, since: isoDay(range[0]), until: isoDay(range[1] - 1) };
  state.by = FINER[state.by] || 'day';
  document.getElementById('by').value = state.by;
  if (filters) filters.set(state.scope);
  loadDyad();
}

let loadSeq = 0;

async function loadDyad() {
  const { a, b, by, scope } = state;
  const timeline = document.getElementById('timeline');
  const types = document.getElementById('types');
  const events = document.getElementById('events');
  if (!a || !b) return;
  writeScope(scope, { a: a.code, b: b.code, by });
  const what = describeScope(scope);
  document.getElementById('timeline-title').textContent = `Timeline: ${actorName(a)} and ${actorName(b)}, by ${by}${what ? ` (${what})` : ''}`;
  document.getElementById('page-a').setAttribute('href', actorHref(a.code));
  document.getElementById('page-b').setAttribute('href', actorHref(b.code));
  document.getElementById('zoom-out').hidden = !(scope.since || scope.until);
  if (a.code === b.code) {
    const m = () => message('info', 'Pick two different actors.');
    replace(timeline, m()); replace(types, m()); replace(events, m());
    return;
  }
  const mine = ++loadSeq;
  const params = { a: a.code, b: b.code, ...scopeParams(scope) };
  const tl = into(timeline, 'the timeline', async () => {
    const data = await api('/api/timeline', { ...params, by });
    if (mine !== loadSeq) return;
    const periods = data.periods || [];
    if (!periods.length) replace(timeline, message('empty', `No dated events between ${actorName(a)} and ${actorName(b)}${what ? ` (${what})` : ''}.`));
    else {
      replace(timeline, timelineChart(periods, {
        a: actorName(a), b: actorName(b), by: data.by || by, since: scope.since, until: scope.until, onZoom: zoomInto,
      }));
    }
  });
  const ty = into(types, 'the event types', async () => {
    const data = await api('/api/types', { ...params, names: null });
    if (mine !== loadSeq) return;
    const list = data.types || [];
    const total = list.reduce((acc, t) => acc + (Number(t.events) || 0), 0);
    replace(types, list.length ? typesList(list) : message('empty', 'No events.'),
      el('p', { class: 'meta' }, el('small', null, `${fmtNumber(total)} events${what ? ` (${what})` : ', all dates'}, each counted once.`)));
  });
  const ev = into(events, 'the events', async () => {
    const data = await api('/api/events', { ...params, limit: SHOWN_EVENTS });
    if (mine !== loadSeq) return;
    const list = data.events || [];
    if (!list.length) {
      replace(events, message('empty', `No events between ${actorName(a)} and ${actorName(b)}${what ? ` (${what})` : ''}.`));
      return;
    }
    let after = data.after;
    const table = eventsTable(list);
    const more = el('button', { type: 'button', hidden: after === null || after === undefined }, 'More events');
    more.addEventListener('click', async () => {
      const page = await api('/api/events', { ...params, limit: SHOWN_EVENTS, after });
      append(table.querySelector('tbody'), [...eventsTable(page.events || []).querySelector('tbody').children]);
      after = page.after;
      more.hidden = after === null || after === undefined;
    });
    replace(events, el('div', { class: 'table-wrap' }, table), more);
  });
  await Promise.all([tl, ty, ev]);
}

/** What an address's actor names, as the API resolves it (a name, a code, a person); an ApiError when unknown. */
async function resolveActor(code) {
  const data = await api(`/api/actors/${encodeURIComponent(code)}`);
  const actor = data.actor || { code };
  return { ...actor, code: actor.code || code };
}

function setStatus(text) {
  replace(document.getElementById('export-status'), text);
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
  document.getElementById('zoom-out').addEventListener('click', () => {
    const { since, until, ...rest } = state.scope;
    state.scope = rest;
    if (filters) filters.set(state.scope);
    loadDyad();
  });
  append(document.getElementById('export-host'), exportButtons(
    () => ({ a: state.a && state.a.code, b: state.b && state.b.code, ...scopeParams(state.scope) }),
    () => `dyad-${state.a ? state.a.code : 'a'}-${state.b ? state.b.code : 'b'}`.replace(/[^\p{L}\p{N}_-]+/gu, '_'), setStatus));
  const stats = loadStats();

  const params = new URLSearchParams(location.search);
  if (['day', 'week', 'month', 'year'].includes(params.get('by'))) state.by = params.get('by');
  by.value = state.by;
  const regions = ['timeline', 'types', 'events'].map((id) => document.getElementById(id));
  stats.then((outlets) => {
    filters = filterForm(document.getElementById('filters'), state.scope, (next) => {
      const namesChanged = (next.names || '') !== (state.scope.names || '');
      state.scope = next;
      writeScope(state.scope);
      if (namesChanged) { pa.set(state.a); pb.set(state.b); }
      loadDyad();
    }, { outlets });
  });
  let a = null;
  let b = null;
  if (params.get('a') || params.get('b')) {
    // an address names its actors: show them or say what is wrong, never another dyad
    try {
      [a, b] = await Promise.all([resolveActor(params.get('a') || ''), resolveActor(params.get('b') || '')]);
    } catch (err) {
      for (const r of regions) replace(r, errorMessage(err, 'the actors in the address'));
      return;
    }
  } else {
    try {
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
    } catch (err) {
      for (const r of regions) replace(r, errorMessage(err, 'the actors'));
      return;
    }
  }
  state.a = a; state.b = b;
  pa.set(a); pb.set(b);
  await loadDyad();
}

init();
