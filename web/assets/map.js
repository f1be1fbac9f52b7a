// The map page: the countries of Natural Earth (the npm package world-atlas, compiled into dyad),
// the places of the events as circles sized by their count and coloured by cooperation or
// conflict (/api/places), and the events of the place clicked. Everything is drawn here: no tiles,
// no other host.

import { el, replace, api, message, errorMessage, into, docHref, fmtNumber, fmtGoldstein, quadName } from '/assets/app.js';
import { s } from '/assets/svg.js';

const W = 960;
const H = 480;
const COOP = '#2e8b57';
const CONF = '#c8453a';

const region = document.getElementById('map');
const listing = document.getElementById('place-events');
const since = document.getElementById('since');
const until = document.getElementById('until');

/** Equirectangular: longitude and latitude to the SVG's x and y. */
function project([lon, lat]) {
  return [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];
}

/** A TopoJSON topology's arcs as absolute [lon, lat] points (quantized, delta-encoded). */
function decodeArcs(topo) {
  const [sx, sy] = topo.transform ? topo.transform.scale : [1, 1];
  const [tx, ty] = topo.transform ? topo.transform.translate : [0, 0];
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return topo.transform ? [x * sx + tx, y * sy + ty] : [dx, dy];
    });
  });
}

/** One ring of arc indexes (~i is arc i reversed) as an SVG path piece. */
function ringPath(ring, arcs) {
  const points = [];
  for (const i of ring) {
    const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    for (let k = points.length ? 1 : 0; k < arc.length; k++) points.push(arc[k]);
  }
  // a ring that crosses the antimeridian (Chukotka, Fiji) moves rather than draws across the map
  return points.map((p, k) => {
    const [x, y] = project(p);
    const jump = k && Math.abs(p[0] - points[k - 1][0]) > 180;
    return `${k && !jump ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join('') + 'Z';
}

function countryPath(geometry, arcs) {
  if (geometry.type === 'Polygon') return geometry.arcs.map((r) => ringPath(r, arcs)).join('');
  if (geometry.type === 'MultiPolygon') return geometry.arcs.map((poly) => poly.map((r) => ringPath(r, arcs)).join('')).join('');
  return '';
}

let countries = null;

async function loadCountries() {
  if (countries) return countries;
  const response = await fetch('/assets/countries-110m.json');
  if (!response.ok) throw new Error('the country shapes are not compiled in (run npm ci, then make)');
  const topo = await response.json();
  const arcs = decodeArcs(topo);
  countries = topo.objects.countries.geometries.map((g) => ({
    name: (g.properties && g.properties.name) || '',
    d: countryPath(g, arcs),
  }));
  return countries;
}

let listSeq = 0;

async function showPlace(place) {
  const mine = ++listSeq;
  await into(listing, `the events of ${place.name}`, async () => {
    const data = await api('/api/places', { place: place.place, since: since.value, until: until.value });
    if (mine !== listSeq) return;
    const events = data.events || [];
    document.getElementById('place-title').textContent = `Events of ${place.name}`;
    if (!events.length) {
      replace(listing, message('empty', 'No events at this place in these dates.'));
      return;
    }
    replace(listing, el('table', null,
      el('thead', null, el('tr', null, ['Date', 'Source', 'Event', 'Target', 'Goldst.', 'Evidence'].map((h) => el('th', null, h)))),
      el('tbody', null, events.map((e) => el('tr', { class: e.quad ? `q${e.quad}` : null },
        el('td', { class: 'date' }, el('a', { href: docHref(e.doc) }, e.date || 'undated')),
        el('td', null, e.source_name || e.source || ''),
        el('td', { title: quadName(e.quad) || null }, e.cameo_name || e.cameo || ''),
        el('td', null, e.target_name || e.target || ''),
        el('td', { class: 'num' }, fmtGoldstein(e.goldstein)),
        el('td', { class: 'evidence' }, el('a', { href: docHref(e.doc) }, e.evidence || 'document')))))));
  });
}

function draw(shapes, places) {
  const max = Math.max(1, ...places.map((p) => p.events));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': 'Map of the places of events' },
    s('rect', { x: 0, y: 0, width: W, height: H, fill: '#eef3f8' }),
    s('g', { fill: '#dde3ea', stroke: '#ffffff', 'stroke-width': 0.5 },
      ...shapes.map((c) => s('path', { d: c.d }, s('title', null, c.name)))),
    s('g', { 'fill-opacity': 0.7, stroke: '#1d2430', 'stroke-width': 0.5 },
      // the largest first, so the small ones stay clickable on top (s() takes children one by one)
      ...places.slice().sort((a, b) => b.events - a.events).map((p) => {
        const [x, y] = project([p.lon, p.lat]);
        const r = 3 + 17 * Math.sqrt(p.events / max);
        const coop = (p.cooperation || 0) >= (p.conflict || 0);
        return s('circle', {
          cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), fill: coop ? COOP : CONF,
          tabindex: 0, role: 'button', 'data-place': p.place,
          onclick: () => showPlace(p),
          onkeydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); showPlace(p); } },
        }, s('title', null, `${p.name}${p.country ? ` (${p.country})` : ''}: ${fmtNumber(p.events)} events, `
          + `${fmtNumber(p.cooperation)} cooperation, ${fmtNumber(p.conflict)} conflict, Goldstein ${fmtGoldstein(p.goldstein)}`));
      })));
  return svg;
}

async function render() {
  await into(region, 'the map', async () => {
    const [shapes, data] = await Promise.all([
      loadCountries().catch(() => []),
      api('/api/places', { since: since.value, until: until.value }),
    ]);
    const places = data.places || [];
    replace(region,
      shapes.length ? null : message('info', 'The country shapes are not compiled in (run npm ci, then make): places only.'),
      places.length ? null : message('empty', 'No events with a known place in these dates.'),
      draw(shapes, places));
  });
}

const url = new URL(location.href);
since.value = url.searchParams.get('since') || '';
until.value = url.searchParams.get('until') || '';
document.getElementById('controls').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const next = new URL(location.href);
  for (const [k, input] of [['since', since], ['until', until]]) {
    if (input.value) next.searchParams.set(k, input.value); else next.searchParams.delete(k);
  }
  history.replaceState(null, '', next);
  render();
});
render();
