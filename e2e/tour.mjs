// Every page a signed-in user can reach on the demo company, at a phone's width (375 px) and a
// laptop's (1366 px): the page fits without sideways scrolling, its buttons and fields are at least
// 44 px tall on the phone, and axe-core finds no serious or critical accessibility violation. The
// tour follows links from the home page and visits one page of each shape (one list per object,
// one record per object, each settings page), as an administrator in English at both widths and
// as a salesperson of the Chinese team on the phone. Run against `pelagic demo`: `PELAGIC_URL=http://127.0.0.1:PORT node tour.mjs`;
// with SHOTS=dir it also keeps a screenshot of every page at both widths.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';

const base = process.env.PELAGIC_URL ?? 'http://127.0.0.1:8080';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = process.env.SHOTS;
const SHOTS_BOTH = Boolean(shots);
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const password = 'pelagic-demo';
// Enough for every page shape the product has, with room to grow; a loop in the links stops here.
const most = 150;

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
});

/** One page shape per path: ids become `{id}`, so one record of each object is visited. */
function shapeOf(url) {
  // Forms, confirmations and histories share one template whatever the object: one of each is enough.
  const generic = url.pathname.match(/^\/o\/[a-z_]+\/(new|[^/]+\/(edit|delete|history|convert))$/);
  if (generic) return `/o/*/${generic[2] ?? generic[1]}`;
  // So do an object's settings, a role's rights on each object and a field's page.
  const setting = url.pathname.match(/^\/settings\/(objects|roles)\/[^/]+(\/.*)?$/);
  if (setting) return `/settings/${setting[1]}/*${(setting[2] ?? '').replace(/\/[^/]+$/, '/*')}`;
  const segments = url.pathname.split('/').map((s) =>
    /^[0-9]+$/.test(s) || /^[0-9a-f-]{16,}$/i.test(s) ? '{id}' : s);
  return segments.join('/');
}

/** Links the tour follows: same site, a page (not a file, a feed or a download), not a sign-out. */
function followable(href) {
  let url;
  try { url = new URL(href, base); } catch { return null; }
  if (url.origin !== new URL(base).origin) return null;
  if (/^\/(api|static|documents|calendar|favicon)/.test(url.pathname)) return null;
  if (/\/(export|print)(\.|$)|\.(csv|pdf|ics|xlsx)$/.test(url.pathname)) return null;
  if (url.pathname === '/logout' || url.pathname.startsWith('/jobs/')) return null;
  url.hash = '';
  return url;
}

/** What is wrong with the page now, as sentences; empty when it is fine. */
async function problemsOf(page, width) {
  const found = [];
  const wide = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: window.innerWidth,
    culprits: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((e) => !e.closest('.scroll-x, [data-scrolls]'))
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ').join('.') : ''}`),
  }));
  if (wide.page > wide.view + 1) {
    found.push(`scrolls sideways: ${wide.page} px in ${wide.view} px (${wide.culprits.join(', ')})`);
  }
  if (width < 500) {
    const small = await page.evaluate(() => [...document.querySelectorAll(
      'main button, main select, main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main a.button, nav a, header a, header button')]
      .filter((e) => e.offsetParent !== null)
      .filter((e) => e.getBoundingClientRect().height < 44 - 0.5)
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()} "${(e.innerText || e.value || e.name || '').trim().slice(0, 30)}" ${Math.round(e.getBoundingClientRect().height)} px`));
    if (small.length) found.push(`tap targets under 44 px: ${small.join('; ')}`);
  }
  // The same page at another width has the same names, roles and colours: axe-core reads it once.
  if (width < 500) return found;
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  for (const v of result.violations) {
    if (v.impact === 'serious' || v.impact === 'critical') {
      const where = v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ');
      found.push(`axe ${v.impact} ${v.id}: ${v.help} (${where})`);
    }
  }
  return found;
}

async function tour(who, email, locale, widths) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale,
    // axe-core is injected as a script of the page's own, which the pages' policy would refuse.
    bypassCSP: true });
  const page = await context.newPage();
  await page.goto(base + '/login');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').first().click();
  await page.waitForURL(base + '/');

  const seen = new Set();
  const queue = [new URL(base + '/')];
  const failures = [];
  let visited = 0;
  while (queue.length && visited < most) {
    const url = queue.shift();
    const shape = shapeOf(url);
    if (seen.has(shape)) continue;
    seen.add(shape);
    visited += 1;
    if (process.env.TOUR_LIST) console.log(who, shape);
    for (const width of widths) {
      await page.setViewportSize({ width, height: width < 500 ? 800 : 900 });
      const response = await page.goto(url.href);
      const status = response?.status() ?? 0;
      if (status >= 400) {
        failures.push(`${who} ${url.pathname}${url.search}: answered ${status}`);
        break;
      }
      for (const problem of await problemsOf(page, width)) {
        failures.push(`${who} ${width}px ${url.pathname}${url.search}: ${problem}`);
      }
      if (shots) {
        const name = `${who}-${width}-${shape.replace(/[^a-z0-9]+/gi, '_') || 'home'}.png`;
        await page.screenshot({ path: `${shots}/${name}`, fullPage: true });
      }
    }
    for (const href of await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      const next = followable(href);
      if (next && !seen.has(shapeOf(next))) queue.push(next);
    }
  }
  await context.close();
  console.log(`- ${who}: ${visited} page shapes at ${widths.join(' and ')} px`);
  return failures;
}

if (shots) mkdirSync(shots, { recursive: true });
// The two tours run side by side: each waits on the server most of the time.
const failures = (await Promise.all([
  tour('admin', 'admin@demo.pelagic.example', 'en-US', [375, 1366]),
  // Chinese names and labels are what could overflow a phone; the page's structure is the same.
  tour('sales-zh', 'sales00@demo.pelagic.example', 'zh-CN', SHOTS_BOTH ? [375, 1366] : [375]),
])).flat();
await browser.close();
if (failures.length) {
  console.log(failures.join('\n'));
  console.log(`${failures.length} problems`);
  process.exit(1);
}
console.log('every page fits, has large enough tap targets and passes axe-core');
