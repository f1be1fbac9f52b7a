// SVG drawing for dyad's pages: the dyad timeline chart and the actor network.
// Data reaches the SVG only through text nodes and setAttribute.

import { QUADS, fmtGoldstein } from '/assets/app.js';

const NS = 'http://www.w3.org/2000/svg';

/** Build an SVG element: s('rect', {x: 1, class: 'q1'}, child...). */
export function s(tag, attrs, ...children) {
  const node = document.createElementNS(NS, tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined) continue;
      if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, String(value));
    }
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A <title> tooltip. */
function tip(text) {
  return s('title', null, text);
}

/** Round numbers for an axis from 0 to max: about `count` ticks. */
function niceTicks(max, count = 5) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((v) => v >= raw) || 10 * mag;
  const step1 = Math.max(1, step);
  const ticks = [];
  for (let v = 0; v <= max + step1 * 0.999; v += step1) ticks.push(v);
  if (ticks.length < 2) ticks.push(step1);
  return ticks;
}

/** Fill the gaps of a month ("YYYY-MM") or year ("YYYY") series so the axis is even. */
export function fillPeriods(periods, by) {
  if (periods.length < 2 || (by !== 'month' && by !== 'year')) return periods;
  const keyed = new Map(periods.map((p) => [p.period, p]));
  const valid = by === 'month' ? /^\d{4}-\d{2}$/ : /^\d{4}$/;
  if (!periods.every((p) => valid.test(p.period))) return periods;
  const toIndex = (p) => (by === 'month' ? Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1 : Number(p));
  const fromIndex = (i) => (by === 'month' ? `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}` : String(i));
  const first = toIndex(periods[0].period);
  const last = toIndex(periods[periods.length - 1].period);
  if (last - first > 600) return periods;
  const out = [];
  for (let i = first; i <= last; i++) {
    const key = fromIndex(i);
    out.push(keyed.get(key) || { period: key, events: 0, goldstein: null });
  }
  return out;
}

/**
 * The dyad timeline: for each period two stacked bars (a→b solid, b→a faded), one segment per
 * QuadClass, and the mean Goldstein score as a line on its own axis from -10 to +10.
 */
export function timelineChart(periodsIn, { a, b, by }) {
  const periods = fillPeriods(periodsIn, by);
  const W = 960;
  const H = 360;
  const m = { top: 20, right: 56, bottom: 62, left: 48 };
  const iw = W - m.left - m.right;
  const ih = H - m.top - m.bottom;
  const n = Math.max(1, periods.length);
  const count = (p, dir, q) => Number(p[`${dir}_q${q}`]) || 0;
  const sum = (p, dir) => [1, 2, 3, 4].reduce((acc, q) => acc + count(p, dir, q), 0);
  const maxBar = Math.max(1, ...periods.map((p) => Math.max(sum(p, 'ab'), sum(p, 'ba'))));
  const ticks = niceTicks(maxBar, 5);
  const top = ticks[ticks.length - 1];
  const y = (v) => m.top + ih - (v / top) * ih;
  const g = (v) => m.top + ih / 2 - (v / 10) * (ih / 2);
  const band = iw / n;
  const barW = Math.max(1, Math.min(28, band * 0.4));
  const cx = (i) => m.left + band * i + band / 2;

  const svg = s('svg', {
    class: 'chart timeline', viewBox: `0 0 ${W} ${H + 44}`, role: 'img',
    'aria-label': `Events between ${a} and ${b} by ${by}`, 'data-testid': 'timeline-svg',
  });

  // grid and left axis (event counts)
  const axisL = s('g', { class: 'axis axis-count' });
  for (const t of ticks) {
    svg.appendChild(s('line', { class: 'grid', x1: m.left, x2: m.left + iw, y1: y(t), y2: y(t) }));
    axisL.appendChild(s('text', { x: m.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, t));
  }
  axisL.appendChild(s('line', { x1: m.left, x2: m.left, y1: m.top, y2: m.top + ih }));
  axisL.appendChild(s('text', {
    x: 0, y: 0, transform: `translate(12 ${m.top + ih / 2}) rotate(-90)`, 'text-anchor': 'middle',
  }, 'events'));
  svg.appendChild(axisL);

  // right axis (Goldstein)
  const axisR = s('g', { class: 'axis axis-goldstein' });
  for (const t of [-10, -5, 0, 5, 10]) {
    axisR.appendChild(s('text', { x: m.left + iw + 6, y: g(t) + 4, 'text-anchor': 'start' }, t > 0 ? `+${t}` : t));
  }
  axisR.appendChild(s('line', { x1: m.left + iw, x2: m.left + iw, y1: m.top, y2: m.top + ih }));
  axisR.appendChild(s('text', {
    x: 0, y: 0, transform: `translate(${W - 8} ${m.top + ih / 2}) rotate(90)`, 'text-anchor': 'middle',
  }, 'mean Goldstein'));
  svg.appendChild(axisR);
  svg.appendChild(s('line', { class: 'zero', x1: m.left, x2: m.left + iw, y1: g(0), y2: g(0) }));

  // bars
  const bars = s('g', { class: 'bars' });
  periods.forEach((p, i) => {
    for (const [dir, dx, from, to] of [['ab', -barW / 2 - 1, a, b], ['ba', barW / 2 + 1, b, a]]) {
      let base = 0;
      for (const quad of QUADS) {
        const v = count(p, dir, quad.n);
        if (!v) continue;
        const rect = s('rect', {
          class: `bar ${quad.cls} ${dir}`, x: cx(i) + dx - barW / 2, width: barW,
          y: y(base + v), height: Math.max(0.5, y(base) - y(base + v)),
        }, tip(`${p.period}: ${from} → ${to}, ${quad.name}: ${v}`));
        bars.appendChild(rect);
        base += v;
      }
    }
  });
  svg.appendChild(bars);

  // Goldstein line through the periods that have events
  const line = s('g', { class: 'goldstein' });
  let d = '';
  periods.forEach((p, i) => {
    if (typeof p.goldstein !== 'number') return;
    d += `${d ? 'L' : 'M'}${cx(i).toFixed(1)},${g(p.goldstein).toFixed(1)}`;
    line.appendChild(s('circle', { class: 'gold-dot', cx: cx(i), cy: g(p.goldstein), r: 3 },
      tip(`${p.period}: mean Goldstein ${fmtGoldstein(p.goldstein)} over ${p.events} events`)));
  });
  if (d) line.insertBefore(s('path', { class: 'gold', d }), line.firstChild);
  svg.appendChild(line);

  // x axis labels, thinned so they do not overlap
  const axisX = s('g', { class: 'axis axis-period' });
  axisX.appendChild(s('line', { x1: m.left, x2: m.left + iw, y1: m.top + ih, y2: m.top + ih }));
  const every = Math.max(1, Math.ceil(n / Math.floor(iw / 34)));
  periods.forEach((p, i) => {
    if (i % every !== 0 && i !== n - 1) return;
    if (i === n - 1 && i % every !== 0 && (n - 1) % every < every / 2) return;
    axisX.appendChild(s('line', { x1: cx(i), x2: cx(i), y1: m.top + ih, y2: m.top + ih + 4 }));
    axisX.appendChild(s('text', {
      x: 0, y: 0, transform: `translate(${cx(i)} ${m.top + ih + 14}) rotate(-40)`, 'text-anchor': 'end',
    }, p.period));
  });
  svg.appendChild(axisX);

  // legend
  const legend = s('g', { class: 'legend', transform: `translate(${m.left} ${H + 8})` });
  let x = 0;
  for (const quad of QUADS) {
    legend.appendChild(s('rect', { class: quad.cls, x, y: 0, width: 12, height: 12 }));
    legend.appendChild(s('text', { x: x + 16, y: 10 }, quad.name));
    x += 26 + quad.name.length * 6.2;
  }
  const dirs = `left bar ${a} → ${b}, right bar (faded) ${b} → ${a}`;
  x = 0;
  legend.appendChild(s('rect', { class: 'q1', x, y: 18, width: 6, height: 12 }));
  legend.appendChild(s('rect', { class: 'q1 ba', x: x + 7, y: 18, width: 6, height: 12 }));
  legend.appendChild(s('text', { x: x + 17, y: 28 }, dirs));
  x += 34 + dirs.length * 6;
  legend.appendChild(s('line', { class: 'gold', x1: x, x2: x + 18, y1: 24, y2: 24 }));
  legend.appendChild(s('text', { x: x + 22, y: 28 }, 'mean Goldstein (right axis)'));
  svg.appendChild(legend);
  return svg;
}

/**
 * A force layout: nodes repel, edges pull, everything drifts to the centre. Deterministic:
 * starts from a circle ordered as given. Returns a Map id → {x, y}.
 */
export function forceLayout(nodes, edges, { width, height, iterations = 400 } = {}) {
  const pos = new Map();
  const n = nodes.length;
  const r0 = Math.min(width, height) * 0.38;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
    pos.set(node.id, { x: width / 2 + r0 * Math.cos(angle), y: height / 2 + r0 * Math.sin(angle), vx: 0, vy: 0 });
  });
  if (n < 3) return pos;
  const k = Math.sqrt((width * height) / n) * 0.75;
  const links = edges.filter((e) => pos.has(e.source) && pos.has(e.target) && e.source !== e.target);
  const list = [...pos.values()];
  for (let it = 0; it < iterations; it++) {
    const temp = 1 - it / iterations;
    for (const p of list) { p.fx = 0; p.fy = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const p = list[i];
        const q = list[j];
        let dx = p.x - q.x;
        let dy = p.y - q.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) { dx = (i - j) * 0.1; dy = 0.1; d2 = dx * dx + dy * dy; }
        const f = (k * k) / d2;
        p.fx += dx * f; p.fy += dy * f;
        q.fx -= dx * f; q.fy -= dy * f;
      }
    }
    for (const e of links) {
      const p = pos.get(e.source);
      const q = pos.get(e.target);
      const dx = q.x - p.x;
      const dy = q.y - p.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = (d / k) * 0.6;
      // springs pull along the edge, in proportion to its length
      p.fx += dx * f * 0.05; p.fy += dy * f * 0.05;
      q.fx -= dx * f * 0.05; q.fy -= dy * f * 0.05;
    }
    for (const p of list) {
      p.fx += (width / 2 - p.x) * 0.02;
      p.fy += (height / 2 - p.y) * 0.02;
      const len = Math.sqrt(p.fx * p.fx + p.fy * p.fy) || 1;
      const step = Math.min(len, 12 * temp + 0.5);
      p.x += (p.fx / len) * step;
      p.y += (p.fy / len) * step;
    }
  }
  // fit into the box with a margin
  const xs = list.map((p) => p.x);
  const ys = list.map((p) => p.y);
  const minX = Math.min(...xs); const maxX = Math.max(...xs);
  const minY = Math.min(...ys); const maxY = Math.max(...ys);
  const margin = 60;
  const sx = (width - 2 * margin) / Math.max(1, maxX - minX);
  const sy = (height - 2 * margin) / Math.max(1, maxY - minY);
  const sc = Math.min(sx, sy);
  const ox = (width - (maxX - minX) * sc) / 2;
  const oy = (height - (maxY - minY) * sc) / 2;
  for (const p of list) {
    p.x = ox + (p.x - minX) * sc;
    p.y = oy + (p.y - minY) * sc;
  }
  return pos;
}

/**
 * The network drawing: nodes sized by events, directed edges curved so a→b and b→a part,
 * green where cooperation is the majority, red otherwise, wider with more events.
 * onSelect(id) is called when a node is clicked or chosen with the keyboard.
 */
export function networkChart(data, { onSelect } = {}) {
  const W = 900;
  const H = 640;
  const nodes = data.nodes || [];
  const ids = new Set(nodes.map((x) => x.id));
  const edges = (data.edges || []).filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target);
  const pos = forceLayout(nodes, edges, { width: W, height: H });
  const maxNode = Math.max(1, ...nodes.map((x) => Number(x.events) || 0));
  const maxEdge = Math.max(1, ...edges.map((e) => Number(e.events) || 0));
  const radius = (x) => 6 + 16 * Math.sqrt((Number(x.events) || 0) / maxNode);
  const width = (e) => 1 + 7 * Math.sqrt((Number(e.events) || 0) / maxEdge);
  const rOf = new Map(nodes.map((x) => [x.id, radius(x)]));

  const svg = s('svg', {
    class: 'network', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Network of actors', 'data-testid': 'network-svg',
  });
  const defs = s('defs');
  for (const [id, colour] of [['arrow-coop', '#2e8b57'], ['arrow-conf', '#c8453a']]) {
    defs.appendChild(s('marker', {
      id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 12, markerHeight: 12, orient: 'auto-start-reverse',
      markerUnits: 'userSpaceOnUse',
    }, s('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour })));
  }
  svg.appendChild(defs);

  const edgeLayer = s('g', { class: 'edges' });
  for (const e of edges) {
    const p = pos.get(e.source);
    const q = pos.get(e.target);
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const d = Math.sqrt(dx * dx + dy * dy) || 1;
    const ux = dx / d; const uy = dy / d;
    // bend to the right of the direction of travel, so the two directions do not overlap
    const bend = Math.min(40, d * 0.15);
    const mx = (p.x + q.x) / 2 - uy * bend;
    const my = (p.y + q.y) / 2 + ux * bend;
    const rs = rOf.get(e.source) + 2;
    const rt = rOf.get(e.target) + 4;
    const sx = p.x + ux * rs; const sy = p.y + uy * rs;
    const tx = q.x - ux * rt; const ty = q.y - uy * rt;
    const coop = (Number(e.cooperation) || 0) >= (Number(e.conflict) || 0);
    const path = s('path', {
      class: `edge ${coop ? 'coop' : 'conf'}`, d: `M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`,
      'stroke-width': width(e).toFixed(2), 'marker-end': `url(#${coop ? 'arrow-coop' : 'arrow-conf'})`,
      'data-source': e.source, 'data-target': e.target,
    }, tip(`${e.source} → ${e.target}: ${e.events} events, ${e.cooperation} cooperation, ${e.conflict} conflict, mean Goldstein ${fmtGoldstein(e.goldstein)}`));
    edgeLayer.appendChild(path);
  }
  svg.appendChild(edgeLayer);

  const nodeLayer = s('g', { class: 'nodes' });
  for (const x of nodes) {
    const p = pos.get(x.id);
    const r = rOf.get(x.id);
    const group = s('g', {
      class: 'node', transform: `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`, tabindex: 0, role: 'button',
      'data-id': x.id, 'aria-label': `${x.name || x.id} (${x.id}), ${x.events} events`,
    },
    s('circle', { r: r.toFixed(1) }),
    s('text', { y: (r + 12).toFixed(1), 'text-anchor': 'middle' }, x.id),
    tip(`${x.name || x.id} (${x.id}): ${x.events} events`));
    const choose = () => {
      for (const other of nodeLayer.querySelectorAll('.node.selected')) other.classList.remove('selected');
      group.classList.add('selected');
      svg.classList.add('has-selection');
      for (const path of edgeLayer.children) {
        path.classList.toggle('touch', path.dataset.source === x.id || path.dataset.target === x.id);
      }
      if (onSelect) onSelect(x.id);
    };
    group.addEventListener('click', choose);
    group.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); choose(); }
    });
    nodeLayer.appendChild(group);
  }
  svg.appendChild(nodeLayer);
  return svg;
}
