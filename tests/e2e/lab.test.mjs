// The measuring lab in a real browser: every widget runs to done, and what it shows is
// consistent with the files in dist/, with the native reference, and with itself. Every run
// must be cut into pieces that let the page answer in between (how long each piece takes is
// measured by `cargo xtask bench`, not asserted here).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, MIN_TURNS, PAGES, launch, open, axeViolations, startServer, assertFitsViewport, watchTurns, widgetState, shownText } from './harness.mjs';

// Written by examples/browser_references.rs, which runs the same kernel natively.
const REFERENCE = join(DIST, '..', 'target', 'kernel-reference.json');

let browser;
let site;
before(async () => { browser = await launch(); site = await startServer('/'); });
after(async () => { site?.server.close(); await browser?.close(); });

/** Opens the page with the turn counter installed before anything runs. */
function openWatched(path, options = {}) {
  return open(browser, site.base + path, { ...options, init: watchTurns });
}

/** Clicks Run (the widget's first button) and waits for done, counting the page's turns. */
async function run(page, name, timeout = 30000) {
  await widgetState(page, 'hello-wasm');
  await page.evaluate(() => window.__turns.start());
  await page.locator(`[data-widget="${name}"] button`).first().click();
  await page.waitForFunction((n) => document.querySelector(`[data-widget="${n}"]`).dataset.state === 'running', name, { timeout: 2000 }).catch(() => {});
  const widget = await widgetState(page, name, ['done', 'error'], timeout);
  assert.equal(await widget.getAttribute('data-state'), 'done', await widget.innerText());
  const turns = await page.evaluate(() => window.__turns.stop());
  assert.ok(turns >= MIN_TURNS, `the page answered only ${turns} time(s) during the run`);
  return widget;
}

const num = (s) => Number(s);

for (const { path, lang } of PAGES) {
  describe(lang, () => {
    test('size ladder: sizes are the files in dist/, ratios are the sizes divided', async () => {
      const { page, context, problems } = await openWatched(path);
      const widget = await run(page, 'size-ladder');
      const rows = await widget.locator('tr[data-file]').evaluateAll((trs) => trs.map((tr) => [tr.dataset.file, Number(tr.dataset.bytes), tr.dataset.measured, tr.innerText]));
      const byFile = Object.fromEntries(rows.map(([f, b]) => [f, b]));
      for (const file of ['tiny.wasm', 'hello.wasm', 'kernel.wasm', 'memory.wasm']) {
        assert.equal(byFile[file], statSync(join(DIST, 'modules', file)).size, file);
      }
      assert.equal(byFile.empty, 8);
      const app = (await import('node:fs')).readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
      assert.equal(byFile.app, statSync(join(DIST, app)).size, 'the app bundle');
      const [, alpineBytes, measured] = rows.find(([f]) => f === 'alpine');
      assert.equal(measured, 'false', 'the container image is cited, not measured');
      assert.equal(alpineBytes, 5.58e6);
      const tiny = rows.find(([f]) => f === 'tiny.wasm');
      assert.match(tiny[3].replace(/,/g, ''), new RegExp(`1/${Math.round(alpineBytes / tiny[1])}\\b`), 'the ratio is the sizes divided');
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    });

    test('start-up race: medians within their ranges, ratios from the times, summary agrees', async () => {
      const { page, context, problems } = await openWatched(path);
      const widget = await run(page, 'startup-race', 60000);
      const cells = await widget.locator('td[data-median]').evaluateAll((tds) => tds.map((td) => [td.dataset.min, td.dataset.median, td.dataset.max].map(Number)));
      assert.ok(cells.length >= 3 * 3 + 3, `${cells.length} timed cells`);
      for (const [min, median, max] of cells) {
        assert.ok(min <= median && median <= max, `${min} <= ${median} <= ${max}`);
        assert.ok(Number.isFinite(max), 'a real measurement');
      }
      const totals = await widget.locator('tr[data-total]').evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.total)));
      assert.equal(totals.length, 3);
      const fastest = Math.min(...totals);
      // Khan's SSD and HDD means (568 ms, 1157 ms) divided by the fastest module's total.
      const khan = widget.locator('li[data-figure="container-start-ssd"] .chart-ratio');
      const [low, high] = [num(await khan.getAttribute('data-low')), num(await khan.getAttribute('data-high'))];
      assert.ok(Math.abs(low - 568000 / fastest) / low < 1e-3, `low ratio ${low}`);
      assert.ok(Math.abs(high - 1157000 / fastest) / high < 1e-3, `high ratio ${high}`);
      // One scale, in unit symbols in both languages: the measured and the cited alike.
      for (const value of await widget.locator('.chart-value').allTextContents()) {
        assert.match(value, /^[\d.,]+\u00a0(µs|ms|s)(–[\d.,]+\u00a0(µs|ms|s))?( [\d,–]+×)?$/, value);
      }
      // The summary reads the same fastest start-up.
      const summary = page.locator('[data-widget="lab-summary"]');
      assert.ok(Math.abs(num(await summary.getAttribute('data-startup')) - fastest) < 1e-3 * fastest);
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    });

    test('speed race: checksums match the native reference, ratio is the times divided', async () => {
      const reference = JSON.parse(readFileSync(REFERENCE, 'utf8'));
      const { page, context, problems } = await openWatched(path);
      await widgetState(page, 'hello-wasm');
      await page.check('[data-widget="speed-race"] input[value="128"]');
      const widget = await run(page, 'speed-race', 60000);
      const engines = await widget.locator('tr[data-engine]').evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.engine, ['min', 'median', 'max', 'checksum'].map((k) => Number(tr.dataset[k]))])));
      const [wmin, wasm, wmax, wsum] = engines.WebAssembly;
      const [jmin, js, jmax, jsum] = engines.JavaScript;
      assert.equal(wsum, reference['128'], 'the Wasm checksum equals the native reference');
      assert.equal(jsum, wsum, 'the JavaScript checksum equals the Wasm one');
      assert.ok(wmin <= wasm && wasm <= wmax && jmin <= js && js <= jmax);
      const ratio = num(await widget.locator('[data-ratio]').getAttribute('data-ratio'));
      assert.ok(Math.abs(ratio - js / wasm) < 1e-3 * ratio + 1e-3, `ratio ${ratio} vs ${js}/${wasm}`);
      const summary = page.locator('[data-widget="lab-summary"]');
      assert.ok(Math.abs(num(await summary.getAttribute('data-ratio')) - ratio) < 1e-3);
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    });

    for (const colorScheme of ['light', 'dark']) {
      test(`the lab's results pass axe-core (${colorScheme})`, async () => {
        const { page, context } = await openWatched(path, { colorScheme });
        await run(page, 'startup-race', 60000);
        await run(page, 'speed-race', 60000);
        await widgetState(page, 'size-ladder', ['done']);
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }

    test('after a run, the lab still fits a 360 px phone', async () => {
      const { page, context } = await openWatched(path, { viewport: { width: 360, height: 740 } });
      await run(page, 'startup-race', 60000);
      await run(page, 'speed-race', 60000);
      await widgetState(page, 'size-ladder', ['done']);
      await assertFitsViewport(page);
      await context.close();
    });

    test('speed race: the grid size chosen is the one timed, and said in the table', async () => {
      const { page, context } = await openWatched(path);
      await widgetState(page, 'hello-wasm');
      const sizes = page.locator('[data-widget="speed-race"] input[name="speed-size"]');
      assert.deepEqual(await sizes.evaluateAll((inputs) => inputs.map((i) => i.value)), ['64', '128', '256', '512', '1024']);
      assert.equal(await page.locator('[data-widget="speed-race"] input:checked').inputValue(), '256');
      await page.check('[data-widget="speed-race"] input[value="64"]');
      const widget = await run(page, 'speed-race', 60000);
      assert.match(await widget.locator('caption').innerText(), /64×64/);
      await context.close();
    });
  });
}

test('without JavaScript the lab says what it would measure, and shows the cited figures', async () => {
  const { page, context } = await open(browser, site.base, { javaScriptEnabled: false });
  for (const name of ['size-ladder', 'startup-race', 'speed-race']) {
    const widget = page.locator(`[data-widget="${name}"]`);
    assert.equal(await widget.getAttribute('data-state'), 'idle');
    assert.ok((await shownText(widget)).length > 60, name);
  }
  assert.match(await shownText(page.locator('#webassembly-lab')), /568/);
  await context.close();
});
