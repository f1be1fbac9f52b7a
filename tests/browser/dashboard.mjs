#!/usr/bin/env node
// Browser test of dyad's web pages, against `dyad serve` (or tests/browser/mock-server.mjs).
//
//   node tests/browser/dashboard.mjs BASE_URL OUTDIR
//
// Opens the dashboard, the network, a document reached from the events table and a search run
// from the header, in Debian's Chromium (headless) through playwright-core; saves a screenshot of
// each page in OUTDIR; prints `ok - ...` / `not ok - ...` per check and `N passed, M failed`.
// Fails on any console error or uncaught exception in a page, and on any request to a host other
// than BASE_URL's. Nothing here depends on the fixture's values.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseArg, outDir] = process.argv.slice(2);
if (!baseArg || !outDir) {
  console.error('usage: node tests/browser/dashboard.mjs BASE_URL OUTDIR');
  process.exit(2);
}
const base = new URL(baseArg);
const origin = base.origin;
const at = (path) => new URL(path, base).href;
const TIMEOUT = Number(process.env.DYAD_BROWSER_TIMEOUT || 15000);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
mkdirSync(outDir, { recursive: true });

let passed = 0;
let failed = 0;
function report(ok, what, detail) {
  if (ok) passed += 1; else failed += 1;
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}${!ok && detail ? ` (${String(detail).split('\n')[0]})` : ''}`);
  return ok;
}

/** Run one check: fn returns true, or a string saying what went wrong, or throws. */
async function check(what, fn) {
  try {
    const result = await fn();
    return report(result === true || result === undefined, what, typeof result === 'string' ? result : '');
  } catch (err) {
    return report(false, what, err && err.message ? err.message : err);
  }
}

const consoleErrors = [];
const foreign = [];

function watch(page) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`${page.url()}: uncaught ${err.message}`));
  page.on('request', (req) => {
    let url;
    try {
      url = new URL(req.url());
    } catch {
      foreign.push(req.url());
      return;
    }
    if (['data:', 'blob:', 'about:'].includes(url.protocol)) return;
    if (url.origin !== origin) foreign.push(req.url());
  });
}

async function shot(page, name) {
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
}

let browser;
try {
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'], headless: true });
} catch (err) {
  report(false, `launch Chromium at ${executablePath}`, err.message);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}

let docHref = null;
let dashboardUrl = null;
let searchWord = null;

try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  watch(page);

  /* ---- dashboard ---- */
  const dashboardOk = await check('dashboard: / answers 200', async () => {
    const response = await page.goto(at('/'), { waitUntil: 'domcontentloaded' });
    return response && response.status() === 200 ? true : `status ${response && response.status()}`;
  });
  if (dashboardOk) {
    await check('dashboard: figures from /api/stats in the header', async () => {
      await page.waitForSelector('[data-testid="stats"] dd');
      return (await page.locator('[data-testid="stats"] dd').count()) > 0;
    });
    await check('dashboard: timeline SVG has bars', async () => {
      await page.waitForSelector('[data-testid="timeline-svg"] rect.bar, #timeline .message');
      if (await page.locator('#timeline .message').count()) {
        // the two busiest actors may have no events between them: open the heaviest edge's dyad
        const response = await page.request.get(at('/api/network'));
        const edges = (await response.json()).edges || [];
        const top = edges.sort((x, y) => y.events - x.events)[0];
        if (!top) return 'no events between two actors in the knowledge base';
        console.log(`# the default dyad has no events; opening ${top.source} and ${top.target}`);
        await page.goto(at(`/?a=${encodeURIComponent(top.source)}&b=${encodeURIComponent(top.target)}`), { waitUntil: 'domcontentloaded' });
      }
      await page.waitForSelector('[data-testid="timeline-svg"] rect.bar');
      const bars = await page.locator('[data-testid="timeline-svg"] rect.bar').count();
      const axes = await page.locator('[data-testid="timeline-svg"] .axis text').count();
      const legend = await page.locator('[data-testid="timeline-svg"] .legend text').count();
      return bars > 0 && axes > 0 && legend > 0 ? true : `bars ${bars}, axis labels ${axes}, legend ${legend}`;
    });
    await check('dashboard: events table has rows linking to documents', async () => {
      await page.waitForSelector('[data-testid="events-table"] tbody tr');
      const rows = await page.locator('[data-testid="events-table"] tbody tr').count();
      const links = await page.locator('[data-testid="events-table"] tbody a[href^="/doc/"]').count();
      docHref = await page.locator('[data-testid="events-table"] tbody a[href^="/doc/"]').first().getAttribute('href');
      dashboardUrl = page.url();
      return rows > 0 && links > 0 ? true : `rows ${rows}, links ${links}`;
    });
    await check('dashboard: top event types listed', async () => {
      await page.waitForSelector('[data-testid="event-types"] li');
      return true;
    });
    await shot(page, 'dashboard');
    await check('dashboard: type-ahead suggests actors', async () => {
      const input = page.locator('#picker-b input');
      const current = (await input.inputValue()).trim();
      const prefix = Array.from(current).slice(0, 3).join('');
      if (!prefix) return 'actor B is empty';
      await input.click();
      await input.fill(prefix);
      await page.waitForSelector('#picker-b [role="option"]');
      const n = await page.locator('#picker-b [role="option"]').count();
      await input.press('Escape');
      return n > 0 ? true : `no suggestion for ${prefix}`;
    });
    await check('dashboard: timeline redrawn by year', async () => {
      await page.selectOption('#by', 'year');
      await page.waitForFunction(() => {
        const svg = document.querySelector('[data-testid="timeline-svg"]');
        return svg && /by year/.test(svg.getAttribute('aria-label') || '') && svg.querySelector('rect.bar');
      });
      return true;
    });
  }

  /* ---- the time axis, filters, date range, zoom, exports ---- */
  if (dashboardOk) {
    await page.goto(dashboardUrl || at('/'), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-testid="timeline-svg"] g.period');
    await check('dashboard: the time axis runs in date order and places periods by their dates (gaps stay gaps)', async () => {
      return page.evaluate(() => {
        const svg = document.querySelector('[data-testid="timeline-svg"]');
        const ticks = [...svg.querySelectorAll('.axis-time text[data-date]')].map((t) => [t.dataset.date, Number(t.getAttribute('x'))]);
        if (ticks.length < 2) return `only ${ticks.length} date ticks`;
        for (let i = 1; i < ticks.length; i++) {
          if (!(ticks[i][0] > ticks[i - 1][0] && ticks[i][1] > ticks[i - 1][1])) return `ticks out of order: ${ticks[i - 1]} ${ticks[i]}`;
        }
        const centre = (g) => { const r = g.getBoundingClientRect(); return r.left + r.width / 2; };
        const bars = [...svg.querySelectorAll('g.period')].map((g) => [Date.parse(g.dataset.start), centre(g), g.dataset.period]);
        if (bars.length < 2) return true;
        bars.sort((x, y) => x[0] - y[0]);
        const rate = (bars[bars.length - 1][1] - bars[0][1]) / (bars[bars.length - 1][0] - bars[0][0]);
        for (let i = 1; i < bars.length; i++) {
          const dt = bars[i][0] - bars[i - 1][0];
          const dx = bars[i][1] - bars[i - 1][1];
          if (!(dx > 0) || Math.abs(dx - dt * rate) > Math.max(4, 0.15 * dt * rate)) return `${bars[i - 1][2]} → ${bars[i][2]}: ${dx.toFixed(1)} px for ${Math.round(dt / 864e5)} days`;
        }
        return true;
      });
    });
    await check('dashboard: a type filter narrows the timeline, the types and the events, and the address keeps it', async () => {
      const before = await page.locator('[data-testid="event-types"] li').count();
      const type = (await page.locator('[data-testid="event-types"] li span').first().innerText()).trim();
      await page.selectOption('[data-testid="filters"] select[name="type"]', type);
      await page.waitForURL((u) => u.searchParams.get('type') === type);
      await page.waitForFunction((t) => {
        const items = [...document.querySelectorAll('[data-testid="event-types"] li')];
        const badges = [...document.querySelectorAll('[data-testid="events-table"] tbody .badge')];
        return items.length === 1 && items[0].textContent.startsWith(t) && badges.length > 0 && badges.every((b) => b.textContent === t);
      }, type);
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.waitForSelector('[data-testid="events-table"] tbody tr');
      const kept = await page.locator('[data-testid="filters"] select[name="type"]').inputValue();
      const badges = await page.locator('[data-testid="events-table"] tbody .badge').allInnerTexts();
      await page.click('[data-testid="filters-reset"]');
      await page.waitForURL((u) => !u.searchParams.get('type'));
      return kept === type && badges.every((b) => b === type) ? true : `after reload: filter ${kept}, badges ${badges.join(' ')} (had ${before} types)`;
    });
    await check('dashboard: a date range limits every view', async () => {
      const dates = (await page.locator('[data-testid="events-table"] tbody td.date').allInnerTexts()).map((d) => d.trim()).filter((d) => /^\d{4}/.test(d)).sort();
      if (dates.length < 1) return 'no dated events';
      const day = dates[dates.length - 1];
      await page.fill('[data-testid="filters"] input[name="since"]', day);
      await page.fill('[data-testid="filters"] input[name="until"]', day);
      await page.locator('[data-testid="filters"] input[name="until"]').dispatchEvent('change');
      await page.waitForURL((u) => u.searchParams.get('since') === day && u.searchParams.get('until') === day);
      await page.waitForFunction((d) => {
        const svg = document.querySelector('[data-testid="timeline-svg"]');
        const cells = [...document.querySelectorAll('[data-testid="events-table"] tbody td.date')];
        return svg && svg.dataset.from === d && cells.length > 0 && cells.every((c) => c.textContent.trim() === d);
      }, day);
      await page.click('[data-testid="zoom-out"]');
      await page.waitForURL((u) => !u.searchParams.get('since'));
      return true;
    });
    await check('dashboard: clicking a period zooms into its dates', async () => {
      await page.waitForSelector('[data-testid="timeline-svg"] g.period');
      const period = await page.locator('[data-testid="timeline-svg"] g.period').first().getAttribute('data-period');
      await page.locator('[data-testid="timeline-svg"] g.period').first().dispatchEvent('click');
      await page.waitForURL((u) => !!u.searchParams.get('since') && !!u.searchParams.get('until'));
      const url = new URL(page.url());
      const ok = url.searchParams.get('since').startsWith(period.slice(0, 4)) && await page.locator('[data-testid="zoom-out"]').isVisible();
      await page.click('[data-testid="zoom-out"]');
      await page.waitForURL((u) => !u.searchParams.get('since'));
      return ok ? true : `zoomed to ${url.search} from ${period}`;
    });
    for (const [kind, test] of [['csv', (text) => text.startsWith('date,source,target') && text.trim().split('\n').length > 1],
      ['gdelt', (text) => text.trim().split('\n').every((l) => l.split('\t').length === 61)],
      ['plover', (text) => text.trim().split('\n').every((l) => { const r = JSON.parse(l); return r.id && Array.isArray(r.actor) && Array.isArray(r.event) && r.event.length === 1; })]]) {
      await check(`dashboard: the ${kind} export downloads the events shown`, async () => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="export"] button[data-export="${kind}"]`)]);
        const path = await download.path();
        const text = (await import('node:fs')).readFileSync(path, 'utf8');
        return test(text) ? true : `${download.suggestedFilename()}: ${text.slice(0, 120)}`;
      });
    }
    await check('dashboard: the type-ahead offers people', async () => {
      const input = page.locator('#picker-a input');
      const person = await page.evaluate(async () => {
        const data = await (await fetch('/api/events?limit=100')).json();
        const e = data.events.find((x) => x.source_person);
        return e ? e.source_person : null;
      });
      if (!person) return 'no person in the events';
      await input.click();
      await input.fill(person.split(' ').pop().slice(0, 4));
      await page.waitForSelector('#picker-a [role="option"]');
      const texts = await page.locator('#picker-a [role="option"]').allInnerTexts();
      await input.press('Escape');
      return texts.some((t) => t.includes('person')) ? true : `options: ${texts.join(' | ')}`;
    });
    await check('dashboard: an unknown actor in the address is an error, not another dyad', async () => {
      await page.goto(at('/?a=ZZZ&b=KAZ'), { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('#timeline .message-error');
      return (await page.locator('[data-testid="events-table"]').count()) === 0 ? true : 'an events table is shown';
    });
  }

  /* ---- an actor's page ---- */
  await check('actor page: a person\'s page shows that person\'s events only', async () => {
    const person = await page.evaluate(async () => {
      const data = await (await fetch('/api/events?limit=200')).json();
      const e = data.events.find((x) => x.source_person);
      return e ? e.source_person : null;
    });
    if (!person) return 'no person in the events';
    await page.goto(at(`/actor?id=${encodeURIComponent(person)}`), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-testid="actor-resolved"]:has-text("person")');
    await page.waitForSelector('[data-testid="events-table"] tbody tr');
    const rows = await page.locator('[data-testid="events-table"] tbody tr').allInnerTexts();
    await shot(page, 'actor');
    return rows.every((r) => r.includes(person)) ? true : `a row without ${person}: ${rows.find((r) => !r.includes(person)).slice(0, 100)}`;
  });
  await check('actor page: a country\'s page has partners and years', async () => {
    await page.goto(at('/actor?id=KAZ'), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-testid="actor-partners"] tbody tr');
    await page.waitForSelector('[data-testid="actor-years"] tbody tr');
    return (await page.locator('[data-testid="actor-resolved"]').innerText()).includes('country') || 'not resolved as a country';
  });

  /* ---- network ---- */
  const networkOk = await check('network: /network answers 200', async () => {
    const response = await page.goto(at('/network'), { waitUntil: 'domcontentloaded' });
    return response && response.status() === 200 ? true : `status ${response && response.status()}`;
  });
  if (networkOk) {
    await check('network: SVG has nodes and edges', async () => {
      await page.waitForSelector('[data-testid="network-svg"] .node');
      const nodes = await page.locator('[data-testid="network-svg"] .node').count();
      const edges = await page.locator('[data-testid="network-svg"] path.edge').count();
      return nodes > 0 && edges > 0 ? true : `nodes ${nodes}, edges ${edges}`;
    });
    await check('network: labels are names and no two labels overlap', async () => {
      const boxes = await page.evaluate(() => [...document.querySelectorAll('[data-testid="network-svg"] text.label')]
        .filter((t) => getComputedStyle(t).display !== 'none')
        .map((t) => { const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, t.textContent]; }));
      if (boxes.length < 2) return `${boxes.length} labels shown`;
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) return `${a[4]} overlaps ${b[4]}`;
        }
      }
      return boxes.some((b) => /[a-zа-я]/.test(b[4])) ? true : `labels are codes: ${boxes.map((b) => b[4]).join(' ')}`;
    });
    await check('network: the strongest N ties', async () => {
      await page.fill('#top', '5');
      await page.click('#controls button[type="submit"]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="network-svg"] path.edge').length <= 5);
      return true;
    });
    await check('network: clicking a node shows its profile', async () => {
      await page.locator('[data-testid="network-svg"] .node').first().click();
      await page.waitForSelector('[data-testid="profile"] h2');
      await page.waitForSelector('[data-testid="profile"] table tbody tr');
      return true;
    });
    await shot(page, 'network');
  }

  /* ---- a document, through the events table ---- */
  if (dashboardOk) {
    const docOk = await check('document: an events-table link opens /doc/{id}', async () => {
      await page.goto(dashboardUrl || at('/'), { waitUntil: 'domcontentloaded' });
      const link = page.locator('[data-testid="events-table"] tbody a[href^="/doc/"]').first();
      await link.waitFor();
      docHref = await link.getAttribute('href');
      await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/doc/')), link.click()]);
      return true;
    });
    if (docOk) {
      await check('document: body has highlighted evidence', async () => {
        await page.waitForSelector('[data-testid="doc-body"] mark.evidence');
        const text = (await page.locator('[data-testid="doc-body"]').innerText()).trim();
        return text.length > 0 ? true : 'empty body';
      });
      await check('document: its events are listed', async () => {
        await page.waitForSelector('[data-testid="doc-events"] li');
        return true;
      });
      const evidence = await page.locator('[data-testid="doc-body"] mark.evidence').allInnerTexts().catch(() => []);
      const words = evidence.join(' ').match(/[\p{L}]{5,}/gu) || [];
      searchWord = words.sort((x, y) => y.length - x.length)[0] || null;
      await shot(page, 'document');
    }
  }

  /* ---- search from the header ---- */
  await check('search: the header search shows results with marks', async () => {
    if (page.url() === 'about:blank' || !page.url().startsWith(origin)) await page.goto(at('/'), { waitUntil: 'domcontentloaded' });
    const q = searchWord || 'the';
    const input = page.locator('header [data-testid="header-search"] input[name="q"]');
    await input.fill(q);
    await Promise.all([page.waitForURL((u) => u.pathname === '/search'), input.press('Enter')]);
    await page.waitForSelector('[data-testid="search-results"] li');
    const marks = await page.locator('[data-testid="search-results"] mark').count();
    const links = await page.locator('[data-testid="search-results"] a[href^="/doc/"]').count();
    return marks > 0 && links > 0 ? true : `query ${q}: marks ${marks}, links ${links}`;
  });
  await shot(page, 'search').catch(() => {});
  await check('search: the header keeps the query and marks the page', async () => {
    const q = await page.locator('header input[name="q"]').inputValue();
    const current = await page.locator('header nav a[aria-current="page"]').allInnerTexts();
    return q !== '' && current.join() === 'Search' ? true : `query '${q}', current ${current.join()}`;
  });

  /* ---- every page has the same header, with its own link marked ---- */
  for (const [path, name] of [['/', 'Dashboard'], ['/network', 'Network'], ['/map', 'Map'], ['/actor?id=KAZ', null]]) {
    await check(`header: ${path} links to every page`, async () => {
      await page.goto(at(path), { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('header nav a');
      const links = await page.locator('header nav a').allInnerTexts();
      const current = await page.locator('header nav a[aria-current="page"]').allInnerTexts();
      const search = await page.locator('header [data-testid="header-search"] input[name="q"]').count();
      return links.join() === 'Dashboard,Network,Map,Search' && current.join() === (name || '') && search === 1
        ? true : `links ${links.join()}, current ${current.join()}, search boxes ${search}`;
    });
  }

  /* ---- a missing document shows the API's error ---- */
  await check('document: an unknown id shows the error message', async () => {
    await page.goto(at('/doc/0000000000000000'), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.message-error');
    return true;
  });
  // the 404 of that request is logged by Chromium as a console error on purpose: drop it
  for (let i = consoleErrors.length - 1; i >= 0; i--) {
    if (consoleErrors[i].includes('/doc/0000000000000000') && /status of 404/.test(consoleErrors[i])) consoleErrors.splice(i, 1);
  }
  // and so is the 404 of the unknown actor in an address
  for (let i = consoleErrors.length - 1; i >= 0; i--) {
    if (consoleErrors[i].includes('a=ZZZ') && /status of 404/.test(consoleErrors[i])) consoleErrors.splice(i, 1);
  }

  await context.close();

  /* ---- a phone ---- */
  const phone = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'en-US', isMobile: true, hasTouch: true });
  const small = await phone.newPage();
  small.setDefaultTimeout(TIMEOUT);
  watch(small);
  for (const [path, ready] of [['/', '[data-testid="events-table"] tbody tr, #timeline .message'], ['/network', '[data-testid="network-svg"] .node'],
    ['/actor?id=KAZ', '[data-testid="events-table"] tbody tr']]) {
    await check(`phone: ${path} fits 375 px (no horizontal scroll)`, async () => {
      await small.goto(at(path), { waitUntil: 'domcontentloaded' });
      await small.waitForSelector(ready);
      const width = await small.evaluate(() => document.documentElement.scrollWidth);
      if (path === '/') await shot(small, 'phone');
      return width <= 376 ? true : `the page is ${width} px wide`;
    });
  }
  await phone.close();
} catch (err) {
  report(false, 'the test ran to its end', err.message);
} finally {
  await browser.close().catch(() => {});
}

const brief = (list) => `${list.length}: ${list.slice(0, 5).map((x) => x.slice(0, 240)).join(' | ')}${list.length > 5 ? ' | ...' : ''}`;
report(consoleErrors.length === 0, 'no console errors', brief(consoleErrors));
report(foreign.length === 0, `no request left ${origin}`, brief(foreign));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
