// The filters every view of the dashboard obeys (dates, PLOVER type, QuadClass, outlet, language)
// and the language names are shown in, kept in the page's address so a view can be linked to.

import { el, replace, QUADS } from '/assets/app.js';

export const PLOVER_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

/** The filter parameters, in the API's names. */
export const FILTER_KEYS = ['since', 'until', 'type', 'quad', 'outlet', 'language'];

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The scope in the address: {since, until, type, quad, outlet, language, names} (only those set and well formed). */
export function readScope(search = location.search) {
  const params = new URLSearchParams(search);
  const scope = {};
  for (const key of FILTER_KEYS) {
    const value = (params.get(key) || '').trim();
    if (!value) continue;
    if ((key === 'since' || key === 'until') && !DATE.test(value)) continue;
    if (key === 'quad' && !/^[1-4]$/.test(value)) continue;
    if (key === 'type' && !PLOVER_TYPES.includes(value.toUpperCase())) continue;
    if (key === 'language' && !/^(ru|en)$/.test(value)) continue;
    scope[key] = key === 'type' ? value.toUpperCase() : value;
  }
  if (params.get('names') === 'ru') scope.names = 'ru';
  return scope;
}

/** Write the scope (and `extra`, e.g. {a, b, by}) into the address without reloading. */
export function writeScope(scope, extra = {}) {
  const url = new URL(location.href);
  for (const key of [...FILTER_KEYS, 'names']) {
    if (scope[key]) url.searchParams.set(key, scope[key]); else url.searchParams.delete(key);
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === null || value === undefined || value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  history.replaceState(null, '', url);
}

/** The scope as API parameters (names only where the route takes it). */
export function scopeParams(scope, { names = true } = {}) {
  const out = {};
  for (const key of FILTER_KEYS) if (scope[key]) out[key] = scope[key];
  if (names && scope.names) out.names = scope.names;
  return out;
}

/** A short sentence of what the scope filters, for headings: "CONSULT, 2023-01-01 – 2023-12-31". */
export function describeScope(scope) {
  const parts = [];
  if (scope.type) parts.push(scope.type);
  if (scope.quad) parts.push(QUADS[Number(scope.quad) - 1].name);
  if (scope.outlet) parts.push(`reported by ${scope.outlet}`);
  if (scope.language) parts.push(`reported in ${scope.language}`);
  if (scope.since || scope.until) parts.push(`${scope.since || '…'} – ${scope.until || '…'}`);
  return parts.join(', ');
}

function select(name, label, options, value) {
  return el('label', null, label, el('select', { name, 'data-filter': name },
    options.map(([v, text]) => el('option', { value: v, selected: v === (value || '') ? true : null }, text))));
}

/**
 * The filter form in `host`: type, QuadClass, outlet (with the outlets known as suggestions),
 * language, a date range and the language of names. onChange(scope) on every change.
 */
export function filterForm(host, scope, onChange, { outlets = [] } = {}) {
  const listId = `${host.id || 'filters'}-outlets`;
  const form = el('form', { class: 'controls filters', 'data-testid': 'filters', role: 'search', 'aria-label': 'Filters' },
    select('type', 'Event type', [['', 'any type'], ...PLOVER_TYPES.map((t) => [t, t])], scope.type),
    select('quad', 'QuadClass', [['', 'any'], ...QUADS.map((q) => [String(q.n), q.name])], scope.quad),
    el('label', null, 'Outlet', el('input', {
      name: 'outlet', 'data-filter': 'outlet', list: listId, value: scope.outlet || '', maxlength: 80, placeholder: 'any outlet',
    }), el('datalist', { id: listId }, outlets.map((o) => el('option', { value: o })))),
    select('language', 'Language', [['', 'any'], ['ru', 'Russian'], ['en', 'English']], scope.language),
    el('label', null, 'From', el('input', { type: 'date', name: 'since', 'data-filter': 'since', value: /^\d{4}-\d{2}-\d{2}$/.test(scope.since || '') ? scope.since : '' })),
    el('label', null, 'To', el('input', { type: 'date', name: 'until', 'data-filter': 'until', value: /^\d{4}-\d{2}-\d{2}$/.test(scope.until || '') ? scope.until : '' })),
    select('names', 'Names', [['', 'English'], ['ru', 'Russian']], scope.names),
    el('button', { type: 'reset', 'data-testid': 'filters-reset' }, 'Clear filters'));
  const read = () => {
    const next = {};
    for (const input of form.querySelectorAll('[data-filter]')) {
      const value = input.value.trim();
      if (value) next[input.dataset.filter] = value;
    }
    if (form.querySelector('[name="names"]').value === 'ru') next.names = 'ru';
    return next;
  };
  let timer = 0;
  form.addEventListener('change', () => onChange(read()));
  form.addEventListener('input', (ev) => {
    if (ev.target.name !== 'outlet') return;
    clearTimeout(timer);
    timer = setTimeout(() => onChange(read()), 400);
  });
  form.addEventListener('submit', (ev) => { ev.preventDefault(); onChange(read()); });
  form.addEventListener('reset', () => setTimeout(() => onChange({ names: scope.names }), 0));
  replace(host, form);
  return {
    /** Show a scope changed elsewhere (a zoom) in the form. */
    set(next) {
      for (const input of form.querySelectorAll('[data-filter]')) {
        const value = next[input.dataset.filter] || '';
        input.value = input.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value) ? '' : value;
      }
    },
  };
}
