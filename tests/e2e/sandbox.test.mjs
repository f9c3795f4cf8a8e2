// The sandbox lab in a real browser: capabilities follow the toggles, every trap shows its
// message and leaves the page working, the WASI module prints what it prints natively, the
// inspector reads our modules as dist/ has them and answers every bad file with a message,
// and the inside-module figure links its views.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, MIN_TURNS, PAGES, assertFitsViewport, dropStagedFile, launch, open, axeViolations, stageFile, startServer, watchTurns, widgetState, onScreen, shownText } from './harness.mjs';
import { HEADER, bigModule, hugeModule } from './wasm-files.mjs';

// Written by examples/browser_references.rs, which runs wasi.wasm under wasmi_wasi.
const WASI_OUTPUT = join(DIST, '..', 'target', 'wasi-output.txt');

let browser;
let site;
before(async () => { browser = await launch(); site = await startServer('/'); });
after(async () => { site?.server.close(); await browser?.close(); });

/** Waits for the widget to leave `running` and returns its state. */
async function settled(page, name, timeout = 20000) {
  await page.waitForFunction((n) => document.querySelector(`[data-widget="${n}"]`).dataset.state !== 'running', name, { timeout });
  return page.locator(`[data-widget="${name}"]`).getAttribute('data-state');
}

/** Changes something in a widget and waits until its run has finished with a new result. */
async function change(page, name, action) {
  const body = `[data-widget="${name}"] .widget-body`;
  const before = await page.innerText(body);
  await action();
  await page.waitForFunction(([b, n, old]) => document.querySelector(b).innerText !== old
    && document.querySelector(`[data-widget="${n}"]`).dataset.state !== 'running', [body, name, before]);
}

const file = (fileName, buffer) => ({ name: fileName, mimeType: 'application/wasm', buffer });

for (const { path, lang } of PAGES) {
  describe(lang, () => {
    test('capabilities: each toggle changes what the module can do', async () => {
      const { page, context, problems } = await open(browser, site.base + path);
      const widget = page.locator('[data-widget="capabilities"]');
      await widgetState(page, 'capabilities', ['done']);
      assert.equal(await widget.locator('[data-outcome]').getAttribute('data-outcome'), 'ran');
      assert.equal(await widget.locator('output[data-measure="refused"]').innerText(), '0');
      const calls = await widget.locator('tbody tr').allInnerTexts();
      assert.equal(calls.length, 3, calls.join('\n'));
      assert.match(calls[1], /read_secret/);
      assert.match(calls[2], /log\s+1729/, 'the module logs the secret it was given');

      await change(page, 'capabilities', () => widget.locator('input[data-import="read_secret"]').uncheck());
      assert.equal(await widget.locator('[data-outcome]').getAttribute('data-outcome'), 'link-error');
      assert.match(await widget.locator('[data-measure="error"]').innerText(), /^LinkError: .*read_secret/);

      await change(page, 'capabilities', () => widget.locator('input[value="refuse"]').check());
      assert.equal(await widget.locator('[data-outcome]').getAttribute('data-outcome'), 'ran');
      assert.equal(await widget.locator('output[data-measure="refused"]').innerText(), '2');
      const refused = await widget.locator('tbody tr').allInnerTexts();
      assert.match(refused[1], /-1/);
      // Refused the secret, the module logs the time instead: the clock's answer, whatever it is
      // (a bare /1729/ check failed once when the clock itself read 1729 ms).
      const cell = (row, i) => row.split('\t')[i].trim();
      assert.equal(cell(refused[2], 1), cell(refused[0], 2), 'the log got the time, not the secret');

      await change(page, 'capabilities', () => widget.locator('input[data-import="clock"]').uncheck());
      assert.equal(await widget.locator('output[data-measure="refused"]').innerText(), '3');

      // Quick toggling: whatever order the runs answer in, the outcome is the toggles' last state.
      for (let i = 0; i < 5; i++) await widget.locator('input[data-import="log"]').click();
      await page.waitForFunction(() => document.querySelector('[data-widget="capabilities"]').dataset.state === 'done'
        && document.querySelector('[data-widget="capabilities"] output[data-measure="refused"]')?.textContent === '7');
      await page.waitForTimeout(300);
      assert.equal(await widget.locator('output[data-measure="refused"]').innerText(), '7');
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    });

    test('traps: each shows its own error, and the page, the module and its neighbours go on', async () => {
      const { page, context, problems } = await open(browser, site.base + path);
      await widgetState(page, 'hello-wasm');
      const widget = page.locator('[data-widget="sandbox"]');
      // By keyboard: the pressed button keeps the focus through its run (`aria-disabled`, not
      // `disabled`, which would drop the focus to the page).
      await widget.locator('button').first().focus();
      await page.keyboard.press('Enter');
      assert.equal(await settled(page, 'sandbox'), 'done');
      assert.equal(await widget.locator('button').first().evaluate((b) => b === document.activeElement), true);
      const rows = await widget.locator('tr[data-trap]').evaluateAll((trs) => trs.map((tr) => ({
        trap: tr.dataset.trap,
        thrown: tr.querySelector('[data-measure="trap"]')?.innerText,
        expected: tr.querySelector('[data-measure="trap"]')?.dataset.expected,
        after: tr.querySelector('[data-measure="after"]')?.innerText,
      })));
      assert.deepEqual(rows.map((r) => r.trap), ['read_past_end', 'divide', 'reach_unreachable', 'exhaust_stack']);
      const expected = {
        read_past_end: /^RuntimeError: memory access out of bounds/,
        divide: /^RuntimeError: divide by zero/,
        reach_unreachable: /^RuntimeError: unreachable/,
        exhaust_stack: /^RangeError: Maximum call stack size exceeded/,
      };
      for (const row of rows) {
        assert.match(row.thrown, expected[row.trap], row.trap);
        assert.equal(row.expected, 'yes');
        assert.match(row.after, /still_here\(\) = 42/);
        assert.match(row.after, /add\(2, 40\) = 42/);
      }
      // One trap at a time, again; then another widget still runs.
      await widget.locator('button[data-trap="divide"]').click();
      assert.equal(await settled(page, 'sandbox'), 'done');
      assert.equal(await widget.locator('tr[data-trap]').count(), 1);
      await page.locator('[data-widget="hello-wasm"] button').first().click();
      assert.equal(await settled(page, 'hello-wasm'), 'done');
      assert.deepEqual(problems.consoleErrors, [], 'a trap is caught, not an uncaught error');
      await context.close();
    });

    test('WASI: the page prints what the native WASI runtime printed', async () => {
      const { page, context } = await open(browser, site.base + path);
      const widget = await widgetState(page, 'wasi', ['done']);
      const printed = await widget.locator('[data-measure="stdout"]').innerText();
      assert.equal(printed.trim(), readFileSync(WASI_OUTPUT, 'utf8').trim());
      assert.match(await widget.innerText(), /wasi_snapshot_preview1\.fd_write/);
      await context.close();
    });

    test('inspector: our modules, read as dist/ has them', async () => {
      const { page, context, problems } = await open(browser, site.base + path);
      await widgetState(page, 'hello-wasm');
      const widget = page.locator('[data-widget="inspector"]');
      const inspect = async (moduleFile) => {
        await widget.getByRole('button', { name: moduleFile, exact: true }).click();
        assert.equal(await settled(page, 'inspector'), 'done');
        return widget.locator(`section[data-file="${moduleFile}"]`);
      };
      for (const moduleFile of ['hello.wasm', 'capabilities.wasm', 'wasi.wasm', 'inspector.wasm']) {
        const card = await inspect(moduleFile);
        const size = Number((await card.locator('[data-measure="size"]').innerText()).replace(/,/g, ''));
        assert.equal(size, statSync(join(DIST, 'modules', moduleFile)).size, moduleFile);
      }
      const caps = await inspect('capabilities.wasm');
      assert.match(await caps.locator('[data-measure="imports"]').innerText(), /host \(3\)[\s\S]*clock \(func\)[\s\S]*read_secret[\s\S]*log/);
      assert.deepEqual(await caps.locator('tr[data-section]').evaluateAll((t) => t.map((r) => r.dataset.section)), ['type', 'import', 'function', 'export', 'code']);
      const wasi = await inspect('wasi.wasm');
      assert.match(await wasi.locator('[data-measure="imports"]').innerText(), /wasi_snapshot_preview1 \(1\)[\s\S]*fd_write/);
      assert.match(await wasi.locator('[data-measure="memory"]').innerText(), /1 →/);
      // By keyboard, twice: the button keeps the focus while its run lasts, and answers again
      // (the second run's card replaces the first's).
      const tiny = widget.getByRole('button', { name: 'tiny.wasm', exact: true });
      await tiny.focus();
      let card;
      for (let i = 0; i < 2; i++) {
        await page.keyboard.press('Enter');
        assert.equal(await settled(page, 'inspector'), 'done');
        if (card) assert.equal(await card.evaluate((c) => c.isConnected), false, 'a new run');
        card = await widget.locator('section[data-file="tiny.wasm"]').elementHandle();
        assert.equal(await tiny.evaluate((b) => b === document.activeElement), true, 'the focus stays');
        assert.equal(await tiny.getAttribute('aria-disabled'), null);
      }
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    });

    test('inspector: bad files get a message each, and nothing else breaks', async () => {
      const { page, context, problems } = await open(browser, site.base + path);
      await widgetState(page, 'hello-wasm');
      const kernel = readFileSync(join(DIST, 'modules', 'kernel.wasm'));
      const lying = Buffer.from(kernel); lying[9] = 0x7f;
      let seed = 7; const random = Buffer.alloc(300).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) & 0xff);
      const bad = [
        file('empty.wasm', Buffer.alloc(0)),
        file('notes.txt', Buffer.from('not a module\n')),
        file('truncated.wasm', kernel.subarray(0, kernel.length - 5)),
        file('version-2.wasm', Buffer.from([...HEADER.slice(0, 4), 2, 0, 0, 0])),
        file('random.wasm', random),
        file('lying-length.wasm', lying),
        file('too-large.wasm', Buffer.alloc(8 * 1024 * 1024 + 1)),
      ];
      const good = [file('empty-module.wasm', Buffer.from(HEADER)), file('many-imports.wasm', bigModule(3000, 0))];
      // Many files at once: the bad, the good, and more copies.
      const copies = Array.from({ length: 8 }, (_, i) => file(`copy-${i}.wasm`, kernel));
      await page.locator('[data-widget="inspector"] input[type="file"]').setInputFiles([...bad, ...good, ...copies]);
      assert.equal(await settled(page, 'inspector', 60000), 'error', 'a bad file puts the widget in error');
      const cards = await page.locator('[data-widget="inspector"] section[data-file]').evaluateAll((s) =>
        Object.fromEntries(s.map((c) => [c.dataset.file, { result: c.dataset.result, text: c.innerText }])));
      assert.equal(Object.keys(cards).length, bad.length + good.length + copies.length);
      for (const { name: n } of bad) {
        assert.equal(cards[n].result, 'problem', n);
        assert.ok(cards[n].text.length > n.length + 20, `${n} has a message: ${cards[n].text}`);
      }
      assert.match(cards['lying-length.wasm'].text, /\d+: /, 'where the parser stopped');
      assert.match(cards['version-2.wasm'].text, /0x2/);
      assert.match(cards['too-large.wasm'].text, /8 MiB/);
      assert.equal(cards['empty-module.wasm'].result, 'ok');
      assert.equal(cards['many-imports.wasm'].result, 'ok');
      assert.match(cards['many-imports.wasm'].text, /env \(3,000\)/);
      assert.equal(cards['copy-7.wasm'].result, 'ok');
      // The rest of the page still works.
      await page.locator('[data-widget="hello-wasm"] button').first().click();
      assert.equal(await settled(page, 'hello-wasm'), 'done');
      assert.deepEqual(problems.consoleErrors, []);
      assert.deepEqual(problems.foreignRequests, [], 'the files stay in the page');
      assert.deepEqual(problems.failedRequests, []);
      await context.close();
    });
  });
}

test('inspector: a dropped file is read in a worker, and the page keeps answering', async () => {
  const { page, context } = await open(browser, site.base, { init: watchTurns });
  await widgetState(page, 'hello-wasm');
  const huge = hugeModule(1_000_000);
  assert.ok(huge.length > 7_000_000 && huge.length < 8 * 1024 * 1024, `${huge.length} bytes`);
  await stageFile(page, huge, 'dropped.wasm');
  await page.evaluate(() => window.__turns.start());
  await dropStagedFile(page, '[data-widget="inspector"] .drop-zone');
  assert.equal(await settled(page, 'inspector', 60000), 'done');
  const turns = await page.evaluate(() => window.__turns.stop());
  const card = page.locator('[data-widget="inspector"] section[data-file="dropped.wasm"]');
  assert.equal(Number((await card.locator('[data-measure="size"]').innerText()).replace(/,/g, '')), huge.length);
  const imports = await card.locator('[data-measure="imports"]').innerText();
  assert.match(imports, /a \(1,000,000\)/);
  assert.match(imports, /999,960/, 'the first 40 names are listed, the rest counted');
  const worker = await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/modules/inspector-worker.js')));
  assert.ok(worker, 'the file was read by the worker');
  assert.ok(turns >= MIN_TURNS, `the page answered ${turns} time(s) while a million imports were read`);
  await context.close();
});

test('inside a module: three views of the shipped file, linked section by section', async () => {
  const { page, context } = await open(browser, site.base + 'en/', { javaScriptEnabled: false });
  const figure = page.locator('[data-widget="inside-module"]');
  await onScreen(figure);
  const legend = await figure.locator('.section-legend li').evaluateAll((l) => l.map((li) => li.dataset.section));
  assert.deepEqual(legend, ['header', 'type', 'import', 'function', 'export', 'code']);
  const hex = (await figure.locator('.hex-view').innerText()).replace(/\s+/g, '');
  assert.equal(hex, readFileSync(join(DIST, 'modules', 'capabilities.wasm')).toString('hex'), 'the hex is the shipped file');
  assert.match(await figure.locator('.wat-view').innerText(), /\(import "host" "read_secret"/);
  assert.ok(await figure.locator('.code-block [class*="hl-"]').count() > 10, 'the source is highlighted');
  // Focusing a section in the legend lights it up in the hex and the text form.
  const lit = () => figure.evaluate((f) => [...f.querySelectorAll('.hex-part, .wat-part')]
    .filter((e) => getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)').map((e) => e.dataset.section));
  assert.deepEqual(await lit(), []);
  await figure.locator('.section-legend li[data-section="import"]').focus();
  // The import section in hex, and its three imports in the text form.
  assert.deepEqual(await lit(), ['import', 'import', 'import', 'import']);
  await figure.locator('.hex-part[data-section="code"]').hover();
  assert.ok((await lit()).includes('function code'), 'a function in the text form is code and function');
  await context.close();
});

test('without JavaScript the sandbox lab says what it would do, and its figures are there', async () => {
  const { page, context } = await open(browser, site.base + 'en/', { javaScriptEnabled: false });
  for (const name of ['capabilities', 'sandbox', 'inspector', 'wasi']) {
    const widget = page.locator(`[data-widget="${name}"]`);
    assert.equal(await widget.getAttribute('data-state'), 'idle', name);
    assert.match(await shownText(widget.locator('.widget-idle')), /JavaScript/, name);
  }
  const contrast = await shownText(page.locator('[data-widget="syscall-contrast"]'));
  assert.match(contrast, /\(358\)[\s\S]*300 allowed[\s\S]*42 allowed only to a container holding the matching capability[\s\S]*16 never/);
  assert.match(await shownText(page.locator('#webassembly-sandbox')), /375 entries, 358 of them[\s\S]*blocks 58: of these, 42 are allowed only/);
  await context.close();
});

test('under a sub-path, the sandbox lab finds its modules and the inspector its worker', async () => {
  const prefixed = await startServer('/some/prefix/');
  try {
    const { page, context, problems } = await open(browser, prefixed.base + 'en/');
    await widgetState(page, 'capabilities', ['done']);
    await widgetState(page, 'wasi', ['done']);
    await page.locator('[data-widget="inspector"] button').first().click();
    assert.equal(await settled(page, 'inspector'), 'done');
    assert.deepEqual(problems.failedRequests, []);
    await context.close();
  } finally {
    prefixed.server.close();
  }
});

test('the sandbox lab has no serious accessibility problems and fits a phone', async () => {
  const { page, context } = await open(browser, site.base, { viewport: { width: 360, height: 740 } });
  await widgetState(page, 'capabilities', ['done']);
  await page.locator('[data-widget="sandbox"] button').first().click();
  await settled(page, 'sandbox');
  await widgetState(page, 'wasi', ['done']);
  await page.locator('[data-widget="inspector"]').getByRole('button', { name: 'capabilities.wasm', exact: true }).click();
  await settled(page, 'inspector');
  assert.deepEqual(await axeViolations(page), []);
  await assertFitsViewport(page);
  await context.close();
});
