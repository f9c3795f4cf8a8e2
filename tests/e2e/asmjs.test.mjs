// Mozilla's step from asm.js to WebAssembly, measured in the page: the widget loads the kernel
// cold in both formats under fresh URLs, and what it shows agrees with the files in dist/, the
// native reference, and itself. And the shipped asm.js is asm.js: V8 (in Node) accepts it,
// and says so when a copy breaks asm.js's rules.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, MIN_TURNS, PAGES, launch, open, axeViolations, startServer, assertFitsViewport, watchTurns, widgetState, shownText } from './harness.mjs';

// Written by examples/browser_references.rs, which runs the same kernel natively.
const REFERENCE = join(DIST, '..', 'target', 'kernel-reference.json');
const ASMJS = join(DIST, 'modules', 'kernel-asm.js');
// As in src/wasm_host/asmjs.rs.
const COLD_LOADS = 10;
const TIMED = ['request', 'load', 'link', 'first-call', 'steady'];

let browser;
let site;
before(async () => { browser = await launch(); site = await startServer('/'); });
after(async () => { site?.server.close(); await browser?.close(); });

/** Runs the widget to done on a fresh page, recording every request the page makes. */
async function runWidget(path, options = {}) {
  const opened = await open(browser, site.base + path, { ...options, init: watchTurns });
  const requests = [];
  opened.page.on('request', (r) => requests.push(new URL(r.url())));
  await widgetState(opened.page, 'hello-wasm');
  const widget = opened.page.locator('[data-widget="asmjs-vs-wasm"]');
  await opened.page.evaluate(() => window.__turns.start());
  await widget.locator('button').first().click();
  await widgetState(opened.page, 'asmjs-vs-wasm', ['done', 'error'], 60000);
  assert.equal(await widget.getAttribute('data-state'), 'done', await widget.innerText());
  const turns = await opened.page.evaluate(() => window.__turns.stop());
  assert.ok(turns >= MIN_TURNS, `the page answered only ${turns} time(s) during the run`);
  return { ...opened, widget, requests };
}

for (const { path, lang } of PAGES) {
  describe(lang, () => {
    test('asm.js against Wasm: sizes are the files, checksums the native reference, each load cold', async () => {
      const reference = JSON.parse(readFileSync(REFERENCE, 'utf8'));
      const { page, context, problems, widget, requests } = await runWidget(path);
      const cells = await widget.locator('tr[data-measure]').evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [
        tr.dataset.measure,
        Object.fromEntries([...tr.querySelectorAll('td[data-format]')].map((td) => [td.dataset.format, {
          text: td.innerText,
          spread: ['min', 'median', 'max'].map((k) => Number(td.querySelector('[data-median]')?.dataset[k])),
        }])),
      ])));
      assert.deepEqual(Object.keys(cells), ['bytes', 'gzipped', ...TIMED, 'checksums']);

      const files = { asmjs: 'kernel-asm.js', wasm: 'kernel.wasm' };
      for (const [format, file] of Object.entries(files)) {
        const bytes = statSync(join(DIST, 'modules', file)).size;
        assert.equal(cells.bytes[format].text, `${bytes} B`, file);
        const gzipped = Number(cells.gzipped[format].text.replace(' B', ''));
        assert.ok(gzipped > 0 && gzipped < bytes + 40, `${file} gzipped: ${gzipped}`);
        for (const measure of TIMED) {
          const [min, median, max] = cells[measure][format].spread;
          assert.ok(min >= 0 && min <= median && median <= max, `${measure} ${format}: ${cells[measure][format].text}`);
        }
        assert.equal(cells.checksums[format].text, `${reference['32']}\n${reference['256']}`, `${file}: the native kernel's checksums`);
      }
      assert.equal(await widget.locator('[data-agree]').getAttribute('data-agree'), 'yes');
      const ratio = Number(await widget.locator('[data-ratio]').getAttribute('data-ratio'));
      const steady = cells.steady.asmjs.spread[1] / cells.steady.wasm.spread[1];
      assert.ok(Math.abs(ratio - steady) < 1e-3 * ratio + 1e-3, `ratio ${ratio} vs ${steady}`);

      // Every cold load asked for its file under a URL of its own, as the method says.
      const distinct = (file, key) => new Set(requests
        .filter((u) => u.pathname.endsWith(`/modules/${file}`) && u.searchParams.has(key))
        .map((u) => u.search)).size;
      assert.equal(distinct('kernel-asm.js', 'cold'), COLD_LOADS, 'asm.js imports');
      assert.equal(distinct('kernel-asm.js', 'request'), COLD_LOADS, 'asm.js requests alone');
      assert.equal(distinct('kernel.wasm', 'cold'), COLD_LOADS, 'Wasm loads');
      assert.deepEqual(problems, { consoleErrors: [], foreignRequests: [], failedRequests: [] });
      assert.match(await page.innerText('#mozilla'), /asm\.js/);
      await context.close();
    });

    test('asm.js against Wasm: the results pass axe-core in the dark, and fit a 360 px phone', async () => {
      const { page, context } = await runWidget(path, { colorScheme: 'dark', viewport: { width: 360, height: 740 } });
      assert.deepEqual(await axeViolations(page), []);
      await assertFitsViewport(page);
      await context.close();
    });
  });
}

test('without JavaScript the asm.js widget says what it would measure', async () => {
  const { page, context } = await open(browser, site.base + 'en/', { javaScriptEnabled: false });
  const widget = page.locator('[data-widget="asmjs-vs-wasm"]');
  assert.equal(await widget.getAttribute('data-state'), 'idle');
  assert.match(await shownText(widget), /asm\.js.*WebAssembly/s);
  await context.close();
});

test('the shipped kernel-asm.js is valid asm.js: V8 accepts it, and rejects a copy that breaks a rule', () => {
  const folder = mkdtempSync(join(tmpdir(), 'asmjs-'));
  const shipped = readFileSync(ASMJS, 'utf8');
  // A double stored into an int: not asm.js, though still JavaScript that runs.
  const broken = shipped.replace('size = size | 0;', 'size = size | 0;\nsize = 1.5;');
  assert.notEqual(broken, shipped);
  const verdict = (source) => {
    writeFileSync(join(folder, 'kernel-asm.mjs'), source);
    writeFileSync(join(folder, 'check.mjs'), "import { KernelAsm } from './kernel-asm.mjs';\nconsole.log(KernelAsm().mandelbrotRows(32, 0, 32) >>> 0);\n");
    const run = spawnSync(process.execPath, ['--validate-asm', join(folder, 'check.mjs')], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return run;
  };
  const reference = JSON.parse(readFileSync(REFERENCE, 'utf8'));
  const good = verdict(shipped);
  assert.equal(good.stdout.trim(), String(reference['32']));
  assert.doesNotMatch(good.stderr, /asm\.js/, 'V8 said nothing against the shipped file');
  const bad = verdict(broken);
  assert.match(bad.stderr, /Invalid asm\.js/, 'V8 names a broken copy (so the check above can fail)');
});
