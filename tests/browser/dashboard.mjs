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

  await context.close();
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
