// The document page: /doc/{id}. The body with actor mentions and event evidence highlighted
// (offsets in code points), the events beside it, the removed furniture folded away.

import {
  el, append, replace, api, message, errorMessage, highlight, quadName, fmtGoldstein,
} from '/assets/app.js';

const root = document.getElementById('doc');

function docId() {
  const m = location.pathname.match(/^\/doc\/([^/]+)\/?$/);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

function meta(doc) {
  const items = [
    ['date', [doc.date, doc.time].filter(Boolean).join(' ')],
    ['outlet', doc.outlet],
    ['dateline', doc.dateline],
    ['language', doc.language],
    ['author', doc.author],
    ['file', doc.path],
  ].filter(([, v]) => v);
  const dl = el('dl', { class: 'doc-meta' }, items.map(([k, v]) => el('div', null, el('dt', null, k), el('dd', null, v))));
  if (doc.url && /^https?:\/\//i.test(doc.url)) {
    append(dl, el('div', null, el('dt', null, 'url'), el('dd', null,
      el('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, doc.url))));
  }
  return dl;
}

/** The mention kinds dyad knows, in three colours; anything else counts as an actor. */
function mentionClass(kind) {
  if (kind === 'person' || kind === 'role') return 'person';
  if (kind === 'location') return 'place';
  return 'actor';
}

function render(data) {
  const doc = data.doc || {};
  const mentions = data.mentions || [];
  const events = data.events || [];
  const furniture = Array.isArray(doc.furniture) ? doc.furniture : String(doc.furniture || '').split('\n').filter(Boolean);
  document.title = `${doc.title || doc.id || 'Document'} · dyad`;

  const evidenceMarks = new Map(); // event n → [mark elements]
  const ranges = [];
  events.forEach((e, i) => {
    const n = Number.isInteger(e.n) ? e.n : i;
    ranges.push({
      start: e.start,
      end: e.end,
      wrap: () => {
        const mark = el('mark', {
          class: 'evidence', 'data-event': n,
          title: `${e.source || '?'} → ${e.target || '?'}: ${e.type || '?'} (CAMEO ${e.cameo || '?'})`,
        });
        if (!evidenceMarks.has(n)) evidenceMarks.set(n, []);
        evidenceMarks.get(n).push(mark);
        return mark;
      },
    });
  });
  for (const m of mentions) {
    ranges.push({
      start: m.start,
      end: m.end,
      wrap: () => el('span', {
        class: `mention ${mentionClass(m.kind)}`,
        title: `${m.person || m.name || m.text || ''} (${[m.code, m.kind].filter(Boolean).join(', ')})`,
        'data-code': m.code || null,
      }),
    });
  }

  const body = el('div', { class: 'doc-body', 'data-testid': 'doc-body', lang: doc.language || null });
  body.appendChild(highlight(doc.body || '', ranges));

  const list = el('ol', { class: 'events-list', 'data-testid': 'doc-events' });
  let activeItem = null;
  events.forEach((e, i) => {
    const n = Number.isInteger(e.n) ? e.n : i;
    const item = el('li', { tabindex: 0, 'data-event': n },
      el('div', { class: 'dyad' }, `${e.source || '?'} → ${e.target || '?'}`, ' ',
        el('span', { class: `badge q${e.quad}`, title: quadName(e.quad) }, e.type || '?')),
      e.source_person || e.target_person
        ? el('div', { class: 'facts' }, `${e.source_person || e.source || '?'} → ${e.target_person || e.target || '?'}`)
        : null,
      el('div', { class: 'facts', title: e.rules ? `rule ${e.rules}` : null }, [
        `CAMEO ${e.cameo || '?'}${e.cameo_name ? ` ${e.cameo_name}` : ''}`,
        e.modality ? `modality ${e.modality}` : null,
        e.date ? `date ${e.date}` : 'undated',
        e.location ? `in ${e.location}` : null,
        `Goldstein ${fmtGoldstein(e.goldstein)}`,
        quadName(e.quad) || null,
      ].filter(Boolean).join(' · ')));
    const activate = () => {
      for (const old of root.querySelectorAll('mark.evidence.active')) old.classList.remove('active');
      if (activeItem) activeItem.classList.remove('active');
      activeItem = item;
      item.classList.add('active');
      const marks = evidenceMarks.get(n) || [];
      for (const mark of marks) mark.classList.add('active');
      if (marks[0]) marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
    };
    item.addEventListener('click', activate);
    item.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); activate(); } });
    list.appendChild(item);
  });

  const legend = el('p', { class: 'legend-inline' },
    el('span', null, el('mark', { class: 'evidence' }, 'event evidence')),
    el('span', null, el('span', { class: 'mention actor' }, 'country or organisation')),
    el('span', null, el('span', { class: 'mention person' }, 'person or office')),
    el('span', null, el('span', { class: 'mention place' }, 'place')),
    el('span', null, `${mentions.length} mentions, ${events.length} events`));

  const furnitureBox = furniture.length
    ? el('details', { class: 'furniture' },
      el('summary', null, `Removed page furniture (${furniture.length} lines)`),
      el('ul', null, furniture.map((line) => el('li', null, line))))
    : null;

  replace(root,
    el('div', { class: 'doc-layout' },
      el('article', { class: 'panel', lang: doc.language || null },
        el('h1', null, doc.title || '(untitled)'),
        meta(doc),
        legend,
        body,
        furnitureBox),
      el('aside', { class: 'panel' },
        el('h2', null, 'Events'),
        events.length ? list : message('empty', 'dyad found no events in this document.'))));
}

async function main() {
  const id = docId();
  if (!id) {
    replace(root, message('error', 'No document id in the address (expected /doc/{id}).'));
    return;
  }
  try {
    render(await api(`/api/docs/${encodeURIComponent(id)}`));
  } catch (err) {
    replace(root, errorMessage(err, 'the document'));
  }
}

main();
