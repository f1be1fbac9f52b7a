// The search page: /search?q=... over the sentences; each result links to its document.

import { el, replace, api, message, errorMessage, highlight, docHref } from '/assets/app.js';

const region = document.getElementById('results');
const title = document.getElementById('search-title');

async function main() {
  const q = (new URLSearchParams(location.search).get('q') || '').trim();
  if (!q) {
    replace(region, message('info', 'Type words in the search box above: Russian or English, "quoted phrases" work.'));
    return;
  }
  document.title = `${q} · Search · dyad`;
  title.textContent = `Search: ${q}`;
  region.setAttribute('aria-busy', 'true');
  try {
    const data = await api('/api/search', { q, limit: 100 });
    const results = data.results || [];
    if (!results.length) {
      replace(region, message('empty', 'No sentence matches.'));
      return;
    }
    replace(region,
      el('p', { class: 'meta' }, `${results.length}${results.length >= 100 ? '+' : ''} sentences`),
      el('ol', { class: 'results', 'data-testid': 'search-results' }, results.map((r) => {
        const sentence = el('a', { class: 'sentence', href: docHref(r.doc) });
        const ranges = (r.marks || [])
          .filter((m) => Array.isArray(m) && m.length === 2)
          .map(([start, end]) => ({ start, end, wrap: () => el('mark') }));
        sentence.appendChild(highlight(r.sentence || '', ranges));
        return el('li', null, sentence,
          el('div', { class: 'meta' }, [r.title, r.date, r.outlet].filter(Boolean).join(' · ')));
      })));
  } catch (err) {
    replace(region, errorMessage(err, 'the results'));
  } finally {
    region.removeAttribute('aria-busy');
  }
}

main();
