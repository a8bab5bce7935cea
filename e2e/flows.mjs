// The flows a new user goes through, in a real browser (Debian's Chromium driven by
// playwright-core): first run, sign out and in, create an account, add a contact, log a
// follow-up, search, filter and sort the list and save the view, switch to Simplified Chinese,
// set up a pool and claim a customer from it, convert a lead, drag a deal on the pipeline, see
// the team's activity, take a discounted quote through approval, PDF, acceptance, an order and its
// payments, use a phone-sized screen, sign out. Run against a fresh database: `PELAGIC_URL=http://127.0.0.1:PORT node flows.mjs`.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const base = process.env.PELAGIC_URL ?? 'http://127.0.0.1:8080';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
const page = await context.newPage();
// Pages load nothing from other hosts.
const foreign = [];
page.on('request', (r) => { if (!r.url().startsWith(base)) foreign.push(r.url()); });

async function step(name, body) {
  process.stdout.write(`- ${name} … `);
  await body();
  console.log('ok');
}

try {
  await step('first run creates the company and its administrator', async () => {
    await page.goto(base + '/');
    assert.match(page.url(), /\/setup$/);
    await page.getByLabel('Company name').fill('Harbour Trading');
    await page.getByLabel('Your name').fill('Ana Ruiz');
    await page.getByLabel('Email').fill('ana@harbour.example');
    await page.getByLabel('Password').fill('a long enough secret');
    await page.getByRole('button', { name: 'Create company and sign in' }).click();
    await page.waitForURL(base + '/');
    await page.getByRole('heading', { name: 'Hello, Ana Ruiz' }).waitFor();
  });

  await step('sign out and sign in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByLabel('Email').fill('ana@harbour.example');
    await page.getByLabel('Password').fill('a long enough secret');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(base + '/');
  });

  await step('create an account', async () => {
    await page.locator('nav.side').getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('link', { name: 'New Account' }).click();
    await page.getByLabel('Name').fill('Lighthouse Coffee');
    await page.getByLabel('Phone').fill('+34 912 345 678');
    await page.getByLabel('Type').selectOption('customer');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Lighthouse Coffee' }).waitFor();
  });

  await step('add a contact from the account', async () => {
    await page.getByRole('link', { name: '+ New Contact' }).click();
    await page.getByLabel('Name').fill('Li Wei');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Li Wei' }).waitFor();
    await page.getByRole('link', { name: 'Lighthouse Coffee' }).first().click();
    await page.getByRole('link', { name: 'Li Wei' }).waitFor();
  });

  await step('log a follow-up with the next date', async () => {
    await page.getByLabel('Kind').selectOption('visit');
    await page.getByLabel('Subject').fill('Tasting at the roastery');
    await page.getByLabel('Next follow-up').fill('2031-03-01T10:00');
    await page.getByRole('button', { name: 'Log follow-up' }).click();
    await page.locator('.timeline').getByText('Tasting at the roastery', { exact: true }).waitFor();
    // The next date became a task on the same record.
    await page.locator('.timeline').getByRole('link', { name: 'Follow up: Tasting at the roastery' }).waitFor();
  });

  await step('edit a field in place on the record page', async () => {
    const phone = page.locator('dl.fields > div', { has: page.locator('dt', { hasText: /^Phone$/ }) });
    await phone.locator('summary').click();
    await phone.locator('input[name=phone]').fill('+86 138 1234 5678');
    await phone.getByRole('button', { name: 'Save' }).click();
    // Stored as +8613812345678 and written the way people in the company's country (China) write it.
    await page.locator('dl.fields').getByText('138 1234 5678').waitFor();
  });

  await step('a duplicate is flagged while typing', async () => {
    await page.goto(base + '/o/account/new');
    await page.getByLabel('Name').fill('LIGHTHOUSE coffee ltd.');
    const warning = page.locator('.dup-warning:not([hidden])');
    await warning.waitFor();
    assert.match(await warning.innerText(), /Ana Ruiz/);
    await warning.getByRole('link', { name: 'Open it' }).waitFor();
  });

  await step('search and sort the account list', async () => {
    for (const name of ['Zephyr Tea', 'Anchor Foods']) {
      await page.goto(base + '/o/account/new');
      await page.getByLabel('Name').fill(name);
      await page.getByLabel('Type').selectOption('customer');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name }).waitFor();
    }
    await page.goto(base + '/o/account');
    // Sorting and searching update the list in place; wait for what the user would see.
    const firstRow = () => page.locator('table.records tbody tr').first();
    await page.getByRole('link', { name: 'Name' }).click();
    await firstRow().filter({ hasText: 'Anchor Foods' }).waitFor();
    await page.waitForURL(/s0=name/);
    await page.getByRole('link', { name: /Name/ }).click();
    await firstRow().filter({ hasText: 'Zephyr Tea' }).waitFor();
    await page.locator('#q').fill('coffee');
    await page.getByRole('button', { name: 'Apply' }).first().click();
    await page.waitForURL(/q=coffee/);
    await page.locator('table.records tbody tr').filter({ hasText: 'Lighthouse Coffee' }).waitFor();
    assert.equal(await page.locator('table.records tbody tr').count(), 1);
  });

  await step('filter on two conditions with a two-key sort', async () => {
    await page.goto(base + '/o/account');
    await page.locator('details.conditions summary').click();
    await page.getByLabel('Field 1').selectOption('type');
    await page.getByLabel('Operator 1').selectOption('eq');
    await page.getByLabel('Value 1').fill('customer');
    await page.getByLabel('Field 2').selectOption('name');
    await page.getByLabel('Operator 2').selectOption('contains');
    await page.getByLabel('Value 2').fill('e');
    await page.locator('#s0').selectOption('type');
    await page.locator('#s1').selectOption('name');
    await page.locator('#d1').selectOption('desc');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/d1=desc/);
    await page.locator('table.records tbody tr').first().filter({ hasText: 'Zephyr Tea' }).waitFor();
    const rows = await page.locator('table.records tbody tr td:nth-child(2)').allInnerTexts();
    assert.deepEqual(rows, ['Zephyr Tea', 'Lighthouse Coffee']);
  });

  await step('save the view and come back to it', async () => {
    await page.getByLabel('View name').fill('Customers with an e');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.goto(base + '/o/account');
    assert.equal(await page.locator('table.records tbody tr').count(), 3);
    await page.locator('nav.views').getByRole('link', { name: 'Customers with an e' }).click();
    const rows = await page.locator('table.records tbody tr td:nth-child(2)').allInnerTexts();
    assert.deepEqual(rows, ['Zephyr Tea', 'Lighthouse Coffee']);
  });

  await step('set up the high seas, put a customer in it and claim it back', async () => {
    await page.goto(base + '/settings/pools');
    await page.getByLabel('Name', { exact: true }).fill('High seas');
    await page.getByLabel('Holds').selectOption('account');
    await page.getByRole('group', { name: 'Members (claim records)' }).getByLabel('Ana Ruiz').check();
    await page.getByLabel('Back without a follow-up within').fill('7d');
    await page.getByRole('button', { name: 'Add pool' }).click();
    await page.getByText('Saved.').waitFor();
    await page.locator('nav.side').getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('link', { name: 'New Account' }).click();
    await page.getByLabel('Name').fill('Harbour Trawlers');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Harbour Trawlers' }).waitFor();
    await page.getByText('Put into a pool').first().click();
    await page.getByRole('button', { name: 'Put into a pool' }).click();
    await page.getByRole('heading', { name: 'High seas' }).waitFor();
    const row = page.locator('tr', { hasText: 'Harbour Trawlers' });
    await row.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('heading', { name: 'Harbour Trawlers' }).waitFor();
    await page.getByText(/Back to “High seas” at/).waitFor();
  });

  await step('convert a lead whose company is already a customer', async () => {
    await page.locator('nav.side').getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('link', { name: 'New Lead' }).click();
    await page.getByLabel('Name').fill('Marta Gil');
    await page.getByLabel('Company').fill('Lighthouse Coffee');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Marta Gil' }).waitFor();
    await page.getByRole('link', { name: 'Convert' }).click();
    await page.getByText('Link to the existing account Lighthouse Coffee').waitFor();
    await page.getByLabel('Also create a deal').check();
    await page.getByLabel('Deal name').fill('Espresso machines');
    await page.getByLabel('Amount', { exact: true }).fill('4800');
    await page.getByRole('button', { name: 'Convert' }).click();
    await page.getByRole('heading', { name: 'Lighthouse Coffee' }).waitFor();
    await page.getByRole('link', { name: 'Marta Gil' }).waitFor();
    await page.getByRole('link', { name: 'Espresso machines' }).waitFor();
  });

  await step('drag an opportunity to the next stage on the pipeline', async () => {
    await page.locator('nav.side').getByRole('link', { name: 'Pipeline' }).click();
    const card = page.locator('.lane[data-stage=qualification] .deal', { hasText: 'Espresso machines' });
    await card.waitFor();
    // After the move the board reloads itself from the server, so the card's new lane is stored.
    await Promise.all([
      page.waitForNavigation(),
      card.dragTo(page.locator('.lane[data-stage=needs_analysis]')),
    ]);
    await page.locator('.lane[data-stage=needs_analysis] .deal', { hasText: 'Espresso machines' }).waitFor();
    assert.equal(await page.locator('.lane[data-stage=qualification] .deal', { hasText: 'Espresso machines' }).count(), 0);
    await page.getByRole('link', { name: 'Stage conversion' }).click();
    await page.locator('svg.funnel').waitFor();
  });

  await step("see the team's activity this week", async () => {
    await page.getByRole('link', { name: 'Team activity' }).click();
    const mine = page.locator('table[aria-labelledby=by-person-h] tbody tr', { hasText: 'Ana Ruiz' });
    await mine.waitFor();
    // The visit logged above, on 'Tasting at the roastery', counts for this week.
    assert.match(await mine.innerText(), /Visit 1/);
    await page.locator('figure.chart svg').waitFor();
  });

  await step('a 20 % quote goes to a manager, who approves it; its PDF downloads; accepted, it becomes an order paid in part and refunded', async () => {
    const api = async (method, path, data) => {
      // Read each time: signing in again issues a new token.
      const csrf = (await context.cookies()).find((c) => c.name === 'pelagic_csrf').value;
      const r = await page.request.fetch(base + '/api/v1' + path, { method, data, headers: { 'x-csrf-token': csrf } });
      const body = await r.json().catch(() => ({}));
      assert.ok(r.ok(), `${method} ${path}: ${r.status()} ${JSON.stringify(body)}`);
      return body;
    };
    const marta = await api('POST', '/admin/users', { email: 'marta@harbour.example', name: 'Marta Gil', role: 'manager', password: 'another long secret' });
    await api('PUT', '/admin/approval-flows', { flows: [{ name: 'Big discounts', object: 'quote',
      condition: { field: 'discount_rate', op: 'gt', value: '15' }, steps: [{ approver: 'user', user_id: marta.id }] }] });
    const account = (await api('GET', '/records/account?q=Lighthouse')).data[0].id;
    const quote = await api('POST', '/records/quote', { name: '咖啡机 — Кофемашины', account_id: account, currency: 'EUR', discount_percent: '20' });
    // The three lines go in through the quote's line editor.
    await page.goto(base + `/o/quote/${quote.id}`);
    for (const [description, quantity, price] of [['意式咖啡机 X1', '2', '1500'], ['Молотый кофе', '10', '20'], ['Formación', '1', '300']]) {
      const add = page.locator('form.add-line');
      await add.locator('[name=description]').fill(description);
      await add.locator('[name=quantity]').fill(quantity);
      await add.locator('[name=unit_price]').fill(price);
      await add.getByRole('button', { name: 'Add line' }).click();
      await page.locator('table.lines td.description input[value="' + description + '"]').waitFor();
    }
    // 2 × 1,500 + 10 × 20 + 300 = 3,500, less 20 %: 2,800.
    await page.locator('dl.totals .grand', { hasText: '€2,800.00' }).waitFor();
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.waitForURL(base + `/o/quote/${quote.id}`);
    await page.getByText('Big discounts — waiting for approval').waitFor();

    // Marta approves from her inbox.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').fill('marta@harbour.example');
    await page.getByLabel('Password').fill('another long secret');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(base + '/');
    await page.goto(base + '/approvals');
    await page.getByRole('link', { name: '咖啡机 — Кофемашины' }).waitFor();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Nothing waits for your approval.').waitFor();
    // She also writes the quote template: previewed on the quote in the browser, saved as a copy.
    await page.goto(base + '/templates/builtin-quote');
    await page.getByLabel('Name').fill('Harbour quote');
    await page.getByLabel('HTML').fill('<h1>{{ company.name }}</h1><h2>{{ record.number }} · {{ record.name }}</h2>{% for line in lines %}<p>{{ line.description }}: {{ line.total }}</p>{% endfor %}');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.frameLocator('iframe[name=template-preview]').getByText(/Молотый кофе: \d/).waitFor();
    await page.getByRole('button', { name: 'Save a copy' }).click();
    await page.getByText('Saved').first().waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').fill('ana@harbour.example');
    await page.getByLabel('Password').fill('a long enough secret');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(base + '/');

    await page.goto(base + `/o/quote/${quote.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    const pdf = await download.path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p)));
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByRole('button', { name: 'Customer accepted' }).click();
    await page.getByRole('button', { name: 'Create order' }).click();
    await page.waitForURL(/\/o\/order\//);
    const order = page.url().split('/').pop();
    await api('POST', '/records/payment_plan', { order_id: order, due_date: '2026-12-15', amount: '2000', amount_currency: 'EUR' });
    const rest = (await api('GET', `/records/order/${order}`)).total - 2000;
    await api('POST', '/records/payment_plan', { order_id: order, due_date: '2027-01-15', amount: rest.toFixed(2), amount_currency: 'EUR' });
    const paid = await api('POST', '/records/payment', { order_id: order, amount: '2000', amount_currency: 'EUR', received_on: '2026-12-14' });
    await api('POST', '/records/refund', { payment_id: paid.id, amount: '150', amount_currency: 'EUR', refunded_on: '2026-12-20' });
    const o = await api('GET', `/records/order/${order}`);
    // 2 × 1,500 + 10 × 20 + 300 = 3,500, less 20 %: 2,800.
    assert.deepEqual([o.total, o.planned_amount, o.received_amount, o.refunded_amount, o.outstanding_amount], ['2800.00', '2800.00', '2000.00', '150.00', '950.00']);
    await page.reload();
    await page.getByText('€950.00').first().waitFor();
    // The account shows the same, from its orders.
    await page.goto(base + `/o/account/${account}`);
    await page.locator('section.account-money', { hasText: '€950.00' }).waitFor();
    await page.goto(base + `/o/quote/${quote.id}`);
    await page.locator('#doc-template option', { hasText: 'Harbour quote' }).waitFor({ state: 'attached' });
    await page.goto(base + '/collections');
    await page.getByRole('heading', { name: 'Collections' }).waitFor();
  });

  await step('switch to Simplified Chinese', async () => {
    await page.getByRole('link', { name: 'Ana Ruiz' }).click();
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.waitForURL(/saved=/);
    await page.goto(base + '/o/account');
    await page.getByRole('heading', { name: '客户' }).waitFor();
    const text = await page.locator('main').innerText();
    for (const english of ['Accounts', 'Name', 'Owner', 'Filter', 'Sign out']) {
      assert.ok(!text.includes(english), `no "${english}" left on the Chinese page`);
    }
  });

  await step('a phone-sized screen has no sideways scrolling and a menu', async () => {
    await page.setViewportSize({ width: 375, height: 780 });
    await page.goto(base + '/o/account');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `page is ${width}px wide`);
    // The approval flows' form holds long selects and a flow with its condition.
    await page.goto(base + '/settings/approvals');
    const flows = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(flows <= 375, `the approval flows page is ${flows}px wide`);
    await page.goto(base + '/o/account');
    await page.locator('details.nav-toggle summary').click();
    await page.locator('.nav-toggle nav').getByRole('link', { name: '联系人' }).click();
    await page.waitForURL(/\/o\/contact$/);
  });

  await step('sign out', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(base + '/o/account');
    assert.match(page.url(), /\/login$/);
  });

  assert.deepEqual(foreign, [], 'no request left the server');
  console.log('all flows passed');
} catch (e) {
  await page.screenshot({ path: 'failure.png', fullPage: true }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
