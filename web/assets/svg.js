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

const DAY = 86400000;

/** A period of the API ("2024", "2024-03", "2024-03-05", "2024-W09") as [start, end) in UTC milliseconds. */
export function periodRange(period) {
  let m;
  if ((m = /^(\d{4})$/.exec(period))) return [Date.UTC(+m[1], 0, 1), Date.UTC(+m[1] + 1, 0, 1)];
  if ((m = /^(\d{4})-(\d{2})$/.exec(period))) return [Date.UTC(+m[1], +m[2] - 1, 1), Date.UTC(+m[1], +m[2], 1)];
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period))) {
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    return [t, t + DAY];
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(period))) {
    // SQLite's %W: weeks begin on Monday; week 00 holds the days before the year's first Monday
    const jan1 = Date.UTC(+m[1], 0, 1);
    const monday = jan1 + ((8 - new Date(jan1).getUTCDay()) % 7) * DAY;
    const w = +m[2];
    return w === 0 ? [jan1, Math.max(monday, jan1 + DAY)] : [monday + (w - 1) * 7 * DAY, monday + w * 7 * DAY];
  }
  return null;
}

/** A date bound of the filters ("2024", "2024-03", "2024-03-05") as UTC ms: its start, or with `end` its end. */
function boundMs(text, end) {
  const r = text ? periodRange(text) : null;
  return r ? r[end ? 1 : 0] : null;
}

export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Ticks for a time axis from t0 to t1: years, months or days, at most about `most` of them. */
function timeTicks(t0, t1, most) {
  const out = [];
  const span = (t1 - t0) / DAY;
  const d0 = new Date(t0);
  if (span > 3 * 365) {
    const step = Math.max(1, Math.ceil(span / 365 / most));
    for (let y = d0.getUTCFullYear() + (d0.getUTCMonth() || d0.getUTCDate() > 1 ? 1 : 0); Date.UTC(y, 0, 1) <= t1; y += 1) {
      if ((y % step) === 0) out.push([Date.UTC(y, 0, 1), String(y)]);
    }
  } else if (span > 62) {
    const step = [1, 2, 3, 6, 12].find((k) => span / 30.4 / k <= most) || 12;
    let y = d0.getUTCFullYear();
    let mo = d0.getUTCMonth() + (d0.getUTCDate() > 1 ? 1 : 0);
    for (; Date.UTC(y, mo, 1) <= t1; mo += 1) {
      const t = Date.UTC(y, mo, 1);
      const dt = new Date(t);
      if (dt.getUTCMonth() % step === 0) out.push([t, isoDay(t).slice(0, 7)]);
    }
  } else {
    const step = [1, 2, 7, 14].find((k) => span / k <= most) || 14;
    for (let t = Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth(), d0.getUTCDate()); t <= t1; t += step * DAY) {
      if (t >= t0) out.push([t, isoDay(t)]);
    }
  }
  return out;
}

/**
 * The dyad timeline on a time axis: each period's bars stand where its dates are (a→b solid,
 * b→a faded, one segment per QuadClass), so periods without events are gaps; the mean
 * Goldstein score is a line on its own axis from -10 to +10, broken across gaps. The axis
 * runs from `since` to `until` when given, else over the periods. onZoom(period) is called when
 * a period is clicked.
 */
export function timelineChart(periodsIn, { a, b, by, since, until, onZoom }) {
  const periods = periodsIn.map((p) => ({ ...p, range: periodRange(p.period) })).filter((p) => p.range)
    .sort((x, y) => x.range[0] - y.range[0]);
  const W = 960;
  const H = 360;
  const m = { top: 20, right: 56, bottom: 40, left: 48 };
  const iw = W - m.left - m.right;
  const ih = H - m.top - m.bottom;
  // the filters' dates, else the periods' with a little room on either side
  const first = periods.length ? periods[0].range[0] : Date.UTC(2000, 0, 1);
  const last = periods.length ? periods[periods.length - 1].range[1] : first + DAY;
  const room = (last - first) / 40;
  const t0 = boundMs(since, false) ?? first - room;
  let t1 = boundMs(until, true) ?? last + room;
  if (t1 <= t0) t1 = t0 + DAY;
  const X = (t) => m.left + ((t - t0) / (t1 - t0)) * iw;
  const count = (p, dir, q) => Number(p[`${dir}_q${q}`]) || 0;
  const sum = (p, dir) => [1, 2, 3, 4].reduce((acc, q) => acc + count(p, dir, q), 0);
  const maxBar = Math.max(1, ...periods.map((p) => Math.max(sum(p, 'ab'), sum(p, 'ba'))));
  const ticks = niceTicks(maxBar, 5);
  const top = ticks[ticks.length - 1];
  const y = (v) => m.top + ih - (v / top) * ih;
  const g = (v) => m.top + ih / 2 - (v / 10) * (ih / 2);

  const svg = s('svg', {
    class: 'chart timeline', viewBox: `0 0 ${W} ${H + 44}`, role: 'img',
    'aria-label': `Events between ${a} and ${b} by ${by}`, 'data-testid': 'timeline-svg',
    'data-from': isoDay(t0), 'data-to': isoDay(t1 - 1),
  });
  const clip = `clip-${Math.random().toString(36).slice(2)}`;
  svg.appendChild(s('defs', null, s('clipPath', { id: clip }, s('rect', { x: m.left, y: 0, width: iw, height: H }))));

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

  // bars: each period where its dates are, at least 3 units wide so a day in ten years shows
  const bars = s('g', { class: 'bars', 'clip-path': `url(#${clip})` });
  for (const p of periods) {
    const x0 = X(p.range[0]);
    const x1 = X(p.range[1]);
    const w = Math.max(3, (x1 - x0) * 0.9);
    const cx = (x0 + x1) / 2;
    const group = s('g', {
      class: 'period', 'data-period': p.period, 'data-start': isoDay(p.range[0]), tabindex: onZoom ? 0 : null,
      role: onZoom ? 'button' : null, 'aria-label': onZoom ? `Zoom into ${p.period}` : null,
    });
    for (const [dir, from, to, left] of [['ab', a, b, cx - w / 2], ['ba', b, a, cx]]) {
      let base = 0;
      for (const quad of QUADS) {
        const v = count(p, dir, quad.n);
        if (!v) continue;
        group.appendChild(s('rect', {
          class: `bar ${quad.cls} ${dir}`, x: left.toFixed(2), width: (w / 2).toFixed(2),
          y: y(base + v), height: Math.max(0.5, y(base) - y(base + v)),
        }, tip(`${p.period}: ${from} → ${to}, ${quad.name}: ${v}${onZoom ? ' (click to zoom in)' : ''}`)));
        base += v;
      }
    }
    if (onZoom) {
      group.addEventListener('click', () => onZoom(p.period));
      group.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onZoom(p.period); } });
    }
    bars.appendChild(group);
  }
  svg.appendChild(bars);

  // the Goldstein line, broken where periods without events lie between two with
  const line = s('g', { class: 'goldstein', 'clip-path': `url(#${clip})` });
  let d = '';
  let lastEnd = null;
  for (const p of periods) {
    if (typeof p.goldstein !== 'number') { lastEnd = null; continue; }
    const x = (X(p.range[0]) + X(p.range[1])) / 2;
    d += `${d && lastEnd === p.range[0] ? 'L' : 'M'}${x.toFixed(1)},${g(p.goldstein).toFixed(1)}`;
    lastEnd = p.range[1];
    line.appendChild(s('circle', { class: 'gold-dot', cx: x, cy: g(p.goldstein), r: 3 },
      tip(`${p.period}: mean Goldstein ${fmtGoldstein(p.goldstein)} over ${p.events} events`)));
  }
  if (d) line.insertBefore(s('path', { class: 'gold', d }), line.firstChild);
  svg.appendChild(line);

  // the time axis: real dates, in order
  const axisX = s('g', { class: 'axis axis-time' });
  axisX.appendChild(s('line', { x1: m.left, x2: m.left + iw, y1: m.top + ih, y2: m.top + ih }));
  for (const [t, label] of timeTicks(t0, t1, 10)) {
    const x = X(t);
    if (x < m.left - 0.5 || x > m.left + iw + 0.5) continue;
    axisX.appendChild(s('line', { x1: x, x2: x, y1: m.top + ih, y2: m.top + ih + 5 }));
    axisX.appendChild(s('text', { x, y: m.top + ih + 18, 'text-anchor': 'middle', 'data-date': isoDay(t) }, label));
  }
  svg.appendChild(axisX);

  // legend
  const legend = s('g', { class: 'legend', transform: `translate(${m.left} ${H + 4})` });
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
  const nameOf = new Map(nodes.map((x) => [x.id, x.name || x.id]));

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
    }, tip(`${nameOf.get(e.source)} → ${nameOf.get(e.target)}: ${e.events} events, ${e.cooperation} cooperation, ${e.conflict} conflict, mean Goldstein ${fmtGoldstein(e.goldstein)}`));
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
    s('text', { class: 'label', y: (r + 12).toFixed(1), 'text-anchor': 'middle' }, x.name || x.id),
    tip(`${x.name || x.id} (${x.id}): ${x.events} events`));
    group.dataset.x = p.x.toFixed(1);
    group.dataset.y = p.y.toFixed(1);
    group.dataset.r = r.toFixed(1);
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

/**
 * Place the network's labels once the chart is in the page (they are measured): each node's name
 * below, above, right or left of it, the busiest nodes first, wherever it overlaps no label and
 * no node placed so far; a name that fits nowhere is hidden (the node's tooltip keeps it).
 */
export function placeLabels(svg) {
  const groups = [...svg.querySelectorAll('.node')]
    .sort((p, q) => Number(q.dataset.r) - Number(p.dataset.r));
  const circles = groups.map((gr) => ({ x: Number(gr.dataset.x), y: Number(gr.dataset.y), r: Number(gr.dataset.r) }));
  const placed = [];
  const hits = (box) => placed.some((o) => box.x < o.x + o.width && o.x < box.x + box.width && box.y < o.y + o.height && o.y < box.y + box.height)
    || circles.some((c) => c.x + c.r > box.x && c.x - c.r < box.x + box.width && c.y + c.r > box.y && c.y - c.r < box.y + box.height);
  for (const gr of groups) {
    const text = gr.querySelector('text.label');
    if (!text) continue;
    const gx = Number(gr.dataset.x);
    const gy = Number(gr.dataset.y);
    const r = Number(gr.dataset.r);
    const spots = [[0, r + 12, 'middle'], [0, -r - 5, 'middle'], [r + 4, 4, 'start'], [-r - 4, 4, 'end']];
    let ok = false;
    for (const [dx, dy, anchor] of spots) {
      text.setAttribute('x', dx);
      text.setAttribute('y', dy);
      text.setAttribute('text-anchor', anchor);
      const b = text.getBBox();
      const box = { x: gx + b.x - 1, y: gy + b.y - 1, width: b.width + 2, height: b.height + 2 };
      if (!hits(box)) {
        placed.push(box);
        ok = true;
        break;
      }
    }
    text.classList.toggle('label-hidden', !ok);
  }
}
