// The second engine: Firefox ESR, driven by puppeteer-core over WebDriver BiDi. Both pages
// load without a console error or a foreign request, the app hydrates and runs a module, and
// each trap is the error Firefox throws for it; where Firefox words it differently from
// Chromium (an exhausted stack is an InternalError here, a RangeError there), the widget
// knows and says so.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, PAGES, scriptsRun, startServer } from './harness.mjs';

let firefox;
let site;
before(async () => {
  site = await startServer('/');
  firefox = await puppeteer.launch({
    browser: 'firefox',
    // `cargo xtask test` passes the Firefox it found or installed.
    executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
    protocol: 'webDriverBiDi',
    headless: true,
  });
});
after(async () => { site?.server.close(); await firefox?.close(); });

// Scrolls to the widget, as a reader would (the app's Wasm loads when a widget is near), and
// waits for its run to end.
const settled = async (page, name) => {
  await page.$eval(`[data-widget="${name}"]`, (w) => w.scrollIntoView({ block: 'center' }));
  await page.waitForFunction(
    (n) => ['done', 'error'].includes(document.querySelector(`[data-widget="${n}"]`)?.dataset.state),
    { timeout: 60000 },
    name,
  );
};

for (const { path, lang } of PAGES) {
  describe(`Firefox, ${lang}`, () => {
    test('loads clean, hydrates, and every trap is the error Firefox throws', async () => {
      const page = await firefox.newPage();
      const problems = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('request', (r) => {
        if (new URL(r.url()).origin !== site.origin && !r.url().startsWith('data:')) problems.push(`foreign request ${r.url()}`);
      });
      await page.goto(site.base + path, { waitUntil: 'load' });
      await scriptsRun(page);
      assert.equal(await page.$eval('html', (h) => h.lang), lang);
      await settled(page, 'hello-wasm');
      assert.equal(await page.$eval('[data-widget="hello-wasm"]', (w) => w.dataset.state), 'done');

      await page.click('[data-widget="sandbox"] button');
      await settled(page, 'sandbox');
      const rows = await page.$$eval('[data-widget="sandbox"] tr[data-trap]', (trs) => trs.map((tr) => ({
        trap: tr.dataset.trap,
        thrown: tr.querySelector('[data-measure="trap"]')?.innerText,
        expected: tr.querySelector('[data-measure="trap"]')?.dataset.expected,
        after: tr.querySelector('[data-measure="after"]')?.innerText,
      })));
      assert.deepEqual(rows.map((r) => r.trap), ['read_past_end', 'divide', 'reach_unreachable', 'exhaust_stack']);
      for (const row of rows) {
        assert.equal(row.expected, 'yes', `${row.trap}: ${row.thrown}`);
        assert.match(row.after, /still_here\(\) = 42/);
      }
      assert.match(rows[3].thrown, /^InternalError: too much recursion/, 'SpiderMonkey words a stack overflow its own way');
      for (const row of rows.slice(0, 3)) assert.match(row.thrown, /^RuntimeError: /, row.trap);
      assert.deepEqual(problems, []);
      await page.close();
    });

    for (const name of ['what-ships', 'who-builds', 'kubelet-path']) {
      test(`the stepped figure ${name} steps by scroll and by keyboard`, async () => {
        const page = await firefox.newPage();
        await page.setViewport({ width: 1280, height: 860 });
        await page.goto(site.base + path, { waitUntil: 'load' });
        await scriptsRun(page);
        const figure = `[data-widget="${name}"]`;
        const active = (step) => page.waitForFunction(
          (f, s) => document.querySelector(f).dataset.stepActive === String(s),
          { timeout: 10000 },
          figure,
          step,
        );
        await page.$eval(`${figure} .step:nth-child(2) .step-text`, (t) => t.scrollIntoView({ block: 'center' }));
        await active(1);
        await page.focus(`${figure} [data-step-go="1"]`);
        await page.keyboard.press('Enter');
        await active(2);
        const status = await page.$eval(`${figure} .step-status`, (p) => p.textContent);
        assert.equal(status, await page.$eval(`${figure} .step:nth-child(3)`, (s) => s.dataset.status));
        await page.close();
      });
    }

    test('an era comparison picks with CSS alone, and a docker-pieces row opens its note', async () => {
      const page = await firefox.newPage();
      await page.goto(site.base + path, { waitUntil: 'load' });
      await scriptsRun(page);
      const shown = () => page.$$eval('[data-widget="ships-module"] .stack',
        (stacks) => stacks.filter((s) => s.getBoundingClientRect().height > 0).map((s) => s.dataset.era));
      assert.deepEqual(await shown(), ['module', 'container']);
      await page.click('[data-widget="ships-module"] input[value="vm"]');
      assert.deepEqual(await shown(), ['module', 'vm']);
      await page.click('[data-event="chroot"] .timeline-label');
      await page.waitForSelector('#event-chroot:popover-open', { timeout: 10000 });
      await page.close();
    });

    test('asm.js against Wasm runs in SpiderMonkey, with the native checksums on both sides', async () => {
      const reference = JSON.parse(readFileSync(join(DIST, '..', 'target', 'kernel-reference.json'), 'utf8'));
      const page = await firefox.newPage();
      const problems = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(site.base + path, { waitUntil: 'load' });
      await scriptsRun(page);
      await settled(page, 'hello-wasm');
      await page.click('[data-widget="asmjs-vs-wasm"] button');
      await settled(page, 'asmjs-vs-wasm');
      const widget = await page.$eval('[data-widget="asmjs-vs-wasm"]', (w) => ({
        state: w.dataset.state,
        agree: w.querySelector('[data-agree]')?.dataset.agree,
        sums: [...w.querySelectorAll('tr[data-measure="checksums"] td')].map((td) => td.innerText),
        clock: Number(w.querySelector('[data-clock-ms]')?.dataset.clockMs),
        text: w.innerText,
      }));
      assert.equal(widget.state, 'done', widget.text);
      assert.equal(widget.agree, 'yes');
      assert.deepEqual(widget.sums, Array(2).fill(`${reference['32']}\n${reference['256']}`));
      // The method states the clock's step as this engine has it (coarser in Firefox).
      assert.ok(widget.clock > 0, `clock step ${widget.clock}`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}
