import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:8091';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
async function as(email, width) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(base + '/login');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill('pelagic-demo');
  await page.locator('form button[type=submit]').click();
  await page.waitForLoadState('networkidle');
  return page;
}
const m = await as('manager0@demo.pelagic.example', 1366);
await m.screenshot({ path: '/tmp/shot-manager-home.png', fullPage: true });
const s = await as('sales00@demo.pelagic.example', 1366);
await s.goto(base + '/o/quote');
await s.screenshot({ path: '/tmp/shot-quotes.png', fullPage: false });
const draft = s.locator('a', { hasText: 'Pilot for the sales team' }).first();
await draft.click();
await s.waitForLoadState('networkidle');
await s.locator('#line-description').fill('安装调试');
await s.locator('form.add-line button[type=submit]').click();
await s.waitForLoadState('networkidle');
await s.screenshot({ path: '/tmp/shot-line-refused.png', fullPage: true });
const p = await as('sales00@demo.pelagic.example', 375);
await p.goto(base + '/o/account');
await p.screenshot({ path: '/tmp/shot-accounts-375.png', fullPage: false });
await browser.close();
