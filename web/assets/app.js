// Shared helpers of dyad's pages: DOM building, the API client, the header, highlighting.
// Every value that comes from the API reaches the page as a text node or an attribute,
// never as markup.

/** Build an element: el('a', {href: '/x', class: 'y'}, 'text', child, ...). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        node.addEventListener(key.slice(2), value);
      } else if (key === 'style' && typeof value === 'object') {
        // through the CSSOM: the page's Content-Security-Policy refuses style attributes
        Object.assign(node.style, value);
      } else if (key === 'dataset') {
        for (const [k, v] of Object.entries(value)) node.dataset[k] = String(v);
      } else {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(node, ...children);
  return node;
}

/** Append children: strings and numbers become text nodes, null is skipped, arrays are flattened. */
export function append(node, ...children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, ...child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
  return node;
}

/** Remove every child of a node, then append the given ones. */
export function replace(node, ...children) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return append(node, ...children);
}

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/**
 * GET an API path with query parameters (null and '' are left out). Resolves to the JSON object;
 * rejects with an ApiError carrying the server's {"error": ...} text, or a network failure.
 */
export async function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    url.searchParams.set(key, String(value));
  }
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (err) {
    throw new ApiError(`the server could not be reached (${err.message})`, 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`the server answered ${response.status} ${response.statusText} without JSON`, response.status);
  }
  if (body && typeof body === 'object' && typeof body.error === 'string') {
    throw new ApiError(body.error, response.status);
  }
  if (!response.ok) throw new ApiError(`the server answered ${response.status}`, response.status);
  return body;
}

/** A message box in place of a region's content; kind is 'error', 'empty' or 'info'. */
export function message(kind, text) {
  return el('p', { class: `message message-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function errorMessage(err, what) {
  const text = err instanceof ApiError ? err.message : String(err && err.message ? err.message : err);
  return message('error', what ? `Could not load ${what}: ${text}` : text);
}

/** Run an async loader into a region, replacing it with an error message when it fails. */
export async function into(region, what, loader) {
  region.setAttribute('aria-busy', 'true');
  try {
    await loader();
  } catch (err) {
    replace(region, errorMessage(err, what));
  } finally {
    region.removeAttribute('aria-busy');
  }
}

export const QUADS = [
  { n: 1, name: 'verbal cooperation', cls: 'q1' },
  { n: 2, name: 'material cooperation', cls: 'q2' },
  { n: 3, name: 'verbal conflict', cls: 'q3' },
  { n: 4, name: 'material conflict', cls: 'q4' },
];

export function quadName(q) {
  const quad = QUADS.find((x) => x.n === q);
  return quad ? quad.name : '';
}

export function fmtNumber(value) {
  if (typeof value === 'number') return value.toLocaleString('en-US');
  return value === null || value === undefined ? '—' : String(value);
}

export function fmtGoldstein(value) {
  if (typeof value !== 'number') return '—';
  return (value > 0 ? '+' : '') + value.toFixed(1);
}

export function docHref(id) {
  return `/doc/${encodeURIComponent(id)}`;
}

/** An actor's display name in the language of the address's names= (English by default), else the other, else the code. */
export function actorName(actor) {
  if (!actor) return '';
  const ru = new URLSearchParams(location.search).get('names') === 'ru';
  return (ru ? actor.name_ru || actor.name || actor.name_en : actor.name_en || actor.name || actor.name_ru)
    || actor.code || actor.id || '';
}

/** The page of an actor or person: its profile, timeline, types and events. */
export function actorHref(id) {
  return `/actor?id=${encodeURIComponent(id)}`;
}

/**
 * Split text into a fragment with the given code point ranges wrapped.
 * ranges: [{start, end, wrap: (text) => Element}], offsets in code points (Array.from).
 * Overlapping ranges nest: each piece between two boundaries is wrapped by every range
 * covering it, the outermost (widest) first.
 */
export function highlight(text, ranges) {
  const chars = Array.from(text || '');
  const valid = ranges
    .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.start < r.end)
    .map((r) => ({ ...r, start: Math.max(0, r.start), end: Math.min(chars.length, r.end) }))
    .filter((r) => r.start < r.end);
  const cuts = new Set([0, chars.length]);
  for (const r of valid) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    if (from >= to) continue;
    const covering = valid
      .filter((r) => r.start <= from && r.end >= to)
      .sort((x, y) => (y.end - y.start) - (x.end - x.start));
    let node = document.createTextNode(chars.slice(from, to).join(''));
    for (let k = covering.length - 1; k >= 0; k--) {
      const wrapper = covering[k].wrap();
      wrapper.appendChild(node);
      node = wrapper;
    }
    fragment.appendChild(node);
  }
  return fragment;
}

/** The pages every header links to, in order. */
const PAGES = [['/', 'Dashboard'], ['/network', 'Network'], ['/map', 'Map'], ['/search', 'Search']];

/**
 * The shared header: each page has an empty <header class="top">, filled here with the brand, the
 * pages (the current one marked) and the search box (holding ?q= on the search page).
 */
export function initHeader() {
  const header = document.querySelector('header.top');
  if (!header) return;
  const path = location.pathname;
  const input = el('input', {
    type: 'search', name: 'q', placeholder: 'Search sentences (ru, en)…', 'aria-label': 'Search sentences',
    maxlength: 120, required: true,
  });
  if (path === '/search') input.value = new URLSearchParams(location.search).get('q') || '';
  replace(header,
    el('a', { class: 'brand', href: '/' }, 'dyad'),
    el('nav', { 'aria-label': 'Pages' }, PAGES.map(([href, name]) => el('a', {
      href, 'aria-current': (href === path || (href !== '/' && path.startsWith(href))) && 'page',
    }, name))),
    el('form', { action: '/search', method: 'get', role: 'search', dataset: { testid: 'header-search' } },
      input, el('button', { type: 'submit' }, 'Search')));
}

initHeader();
