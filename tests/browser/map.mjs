// Browser test of the map page (/map), against `dyad serve` on the demo pages: Natural Earth's
// countries and the places of the events are drawn, a click on a place lists its events with links
// to their documents, and the page neither logs an error nor asks another host for anything.
//   node tests/browser/map.mjs BASE_URL OUT_DIR
import { chromium } from 'playwright-core';
import { join } from 'node:path';

const [baseArg, outDir] = process.argv.slice(2);
const origin = new URL(baseArg).origin;
const timeout = Number(process.env.DYAD_BROWSER_TIMEOUT || 15000);
const results = [];
const problems = [];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'], headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('request', (req) => { if (!req.url().startsWith('data:') && new URL(req.url()).origin !== origin) problems.push(`request to ${req.url()}`); });
  await page.goto(new URL('/map', baseArg).href);
  await page.waitForSelector('#map svg circle', { timeout });
  const countries = await page.locator('#map svg g path').count();
  const circles = await page.locator('#map svg circle').count();
  results.push([countries > 150, `the countries are drawn (${countries})`]);
  results.push([circles >= 10, `the places of the demo pages are drawn (${circles})`]);
  const tehran = page.locator('#map svg circle[data-place="112931"]');
  results.push([(await tehran.getAttribute('fill')) === '#c8453a', 'Tehran, where the demo pages report conflict, is red']);
  await page.locator('#map svg circle[data-place="1528675"]').click();
  await page.waitForSelector('#place-events tbody tr', { timeout });
  const title = await page.locator('#place-title').textContent();
  const links = await page.locator('#place-events tbody a[href^="/doc/"]').count();
  results.push([/Bishkek/.test(title) && links > 0, `a click lists the place's events with links to documents (${title}, ${links} links)`]);
  await page.screenshot({ path: join(outDir, 'map.png'), fullPage: true });
} catch (err) {
  results.push([false, `the map test ran to its end (${err.message.split('\n')[0]})`]);
} finally {
  await browser.close().catch(() => {});
}
results.push([problems.length === 0, `no console error and no request to another host${problems.length ? `: ${problems.slice(0, 3).join(' | ')}` : ''}`]);
for (const [ok, what] of results) console.log(`${ok ? 'ok' : 'not ok'} - map: ${what}`);
const failed = results.filter(([ok]) => !ok).length;
console.log(`map: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
