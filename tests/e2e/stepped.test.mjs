// Figures that explain in steps (what-ships, who-builds, kubelet-path): scrolling advances them, the keyboard
// steps them, they do so without the app's Wasm, and without JavaScript or in print every step
// is drawn. Each figure's own drawing is tested at the end.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, launch, open, startServer, onScreen, shownText } from './harness.mjs';

// The stepped figures, with their number of steps in content/stepped.toml: four eras, four
// stages of a deployment, three states of the path from the kubelet.
const STEPPED = { 'what-ships': 4, 'who-builds': 4, 'kubelet-path': 3 };
let browser;
let site;
before(async () => { browser = await launch(); site = await startServer('/'); });
after(async () => { site?.server.close(); await browser?.close(); });

const active = (page, FIGURE, step) => page.waitForFunction(
  ([sel, s]) => document.querySelector(sel)?.dataset.stepActive === String(s),
  [FIGURE, step],
  { timeout: 5000 },
);

// Scrolls step `i`'s text to where it makes its step active: mid-screen beside the graphic,
// low on a phone.
const scrollToStep = (steps, i, viewport) => steps.nth(i).locator('.step-text').evaluate((t, b) => {
  scrollBy(0, t.getBoundingClientRect().top - b * innerHeight + 10);
}, viewport.width < 768 ? 0.74 : 0.5);

for (const { path, lang } of PAGES) for (const [name, stepCount] of Object.entries(STEPPED)) {
  const FIGURE = `[data-widget="${name}"]`;
  describe(`stepped figure ${name}, ${lang}`, () => {
    for (const viewport of [{ width: 1280, height: 860 }, { width: 360, height: 740 }]) {
      test(`scrolling steps it, ${viewport.width} px wide, without the app's Wasm`, async () => {
        // The stepping must not wait for the Wasm, which a later change loads only near a lab
        // widget: here it never arrives.
        const { page, context, problems } = await open(browser, site.base + path, { viewport, blockWasm: true });
        const figure = page.locator(FIGURE);
        assert.equal(await figure.getAttribute('data-state'), 'done');
        assert.equal(await figure.evaluate((f) => f.classList.contains('stepping')), true);
        const steps = figure.locator('.step');
        const count = await steps.count();
        assert.equal(count, stepCount);
        for (let i = 0; i < count; i++) {
          await scrollToStep(steps, i, viewport);
          await active(page, FIGURE, i);
          // Only the active step's graphic shows, once the fade has run, and the live region
          // says which it is.
          await page.waitForFunction(([sel, n]) => [...document.querySelectorAll(`${sel} .step-graphic`)]
            .every((g, k) => (getComputedStyle(g).visibility === 'visible') === (k === n)), [FIGURE, i], { timeout: 5000 });
          assert.equal(
            await shownText(figure.locator('.step-status')),
            await steps.nth(i).getAttribute('data-status'),
          );
        }
        // The one request that failed is the Wasm this test refused.
        assert.ok(problems.failedRequests.every((r) => r.endsWith('.wasm')), problems.failedRequests.join());
        await context.close();
      });
    }

    test('the keyboard steps it, one step at a time, within its bounds', async () => {
      const { page, context, problems } = await open(browser, site.base + path, { viewport: { width: 1280, height: 860 } });
      const figure = page.locator(FIGURE);
      const [previous, next] = [figure.locator('[data-step-go="-1"]'), figure.locator('[data-step-go="1"]')];
      await figure.locator('.step-text').first().evaluate((t) => t.scrollIntoView({ block: 'center' }));
      await active(page, FIGURE, 0);
      // At a bound the button stays focusable and says it does nothing.
      assert.equal(await previous.getAttribute('aria-disabled'), 'true');
      const count = await figure.locator('.step').count();
      // The sticky bar never covers the graphic it steps.
      const clear = () => figure.evaluate((f) => f.querySelector('.step-controls').getBoundingClientRect().bottom
        <= f.querySelector('.step[data-active] .step-graphic').getBoundingClientRect().top + 1);
      for (let i = 1; i < count; i++) {
        await next.focus();
        await page.keyboard.press('Enter');
        await active(page, FIGURE, i);
        assert.ok(await clear(), `step ${i}`);
      }
      assert.equal(await next.getAttribute('aria-disabled'), 'true');
      // At a bound it looks inert (dimmed, plain cursor), not like a busy Run button.
      assert.deepEqual(await next.evaluate((b) => [getComputedStyle(b).opacity, getComputedStyle(b).cursor]), ['0.45', 'default']);
      await page.keyboard.press('Enter');
      assert.equal(await figure.getAttribute('data-step-active'), String(count - 1));
      assert.equal(await page.evaluate(() => document.activeElement.dataset.stepGo), '1', 'focus stays');
      await previous.focus();
      await page.keyboard.press('Space');
      await active(page, FIGURE, count - 2);
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    });

    test('without JavaScript, and in print, every step is drawn in order', async () => {
      const { page, context } = await open(browser, site.base + path, { javaScriptEnabled: false });
      const figure = page.locator(FIGURE);
      await onScreen(figure);
      assert.equal(await figure.locator('.step-controls').isVisible(), false);
      const visible = () => figure.locator('.step-graphic').evaluateAll(
        (gs) => gs.map((g) => getComputedStyle(g).visibility === 'visible' && g.getBoundingClientRect().height > 0),
      );
      assert.ok((await visible()).every(Boolean));
      assert.deepEqual(
        await figure.locator('.step').evaluateAll((s) => s.map((x) => x.dataset.step)),
        [...Array(stepCount).keys()].map(String),
      );
      await context.close();

      const live = await open(browser, site.base + path);
      await live.page.emulateMedia({ media: 'print' });
      const printed = await live.page.locator(`${FIGURE} .step-graphic`).evaluateAll(
        (gs) => gs.map((g) => getComputedStyle(g).visibility === 'visible'),
      );
      assert.ok(printed.every(Boolean), `printed: ${printed}`);
      assert.equal(await live.page.locator(`${FIGURE} .step-controls`).isVisible(), false);
      await live.context.close();
    });

    test('with reduced motion the steps change at once', async () => {
      const { page, context } = await open(browser, site.base + path);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const duration = await page.locator(`${FIGURE} .step-graphic`).first()
        .evaluate((g) => getComputedStyle(g).transitionDuration);
      assert.match(duration, /^0s(, 0s)*$/);
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      const moving = await page.locator(`${FIGURE} .step-graphic`).first()
        .evaluate((g) => getComputedStyle(g).transitionDuration);
      assert.notEqual(moving, duration, 'the transition exists when motion is welcome');
      await context.close();
    });
  });
}

// What each figure draws, read from the prerendered page (no script needed for any of it).
for (const { path, lang } of PAGES) {
  describe(`the stepped figures' drawings, ${lang}`, () => {
    test('what-ships: one era per step, and the box the developer ships shrinks, then grows, then shrinks', async () => {
      const { page, context } = await open(browser, site.base + path, { javaScriptEnabled: false });
      const stacks = page.locator('[data-widget="what-ships"] .step .stack');
      assert.deepEqual(await stacks.evaluateAll((s) => s.map((x) => x.dataset.era)), ['vm', 'platform', 'container', 'module']);
      // VM: program, runtime, userland, kernel. Platform: the program. Container: all but the
      // kernel. Module: the program.
      assert.deepEqual(await stacks.evaluateAll((s) => s.map((x) => x.querySelectorAll('.stack-box .layer').length)), [4, 1, 3, 1]);
      assert.deepEqual(
        await stacks.evaluateAll((s) => s.map((x) => x.querySelector('.layer[data-role="shared"] .layer-name')?.textContent ?? null)),
        [null, ...Array(3).fill(lang === 'en' ? 'Kernel' : '内核')],
        'from the platform on, the kernel is shared',
      );
      await context.close();
    });

    test('who-builds: each step fills in one more stage, and says who decides it', async () => {
      const { page, context } = await open(browser, site.base + path, { javaScriptEnabled: false });
      await onScreen(page.locator('[data-widget="who-builds"]'));
      const graphics = page.locator('[data-widget="who-builds"] .step-graphic');
      const reached = await graphics.evaluateAll((gs) => gs.map((g) => [...g.querySelectorAll('tbody tr')].map((r) => r.dataset.reached)));
      assert.deepEqual(reached, [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((n) => String(n <= i))));
      // In the last step: cf push leaves every stage after the code to the platform; with Docker
      // the developer decides them all.
      const who = (column) => graphics.last().evaluate((g, c) => [...g.querySelectorAll(`tbody tr td:nth-of-type(${c})`)].map((td) => td.dataset.who), column);
      assert.deepEqual(await who(1), ['you', 'platform', 'platform', 'platform']);
      assert.deepEqual(await who(2), ['you', 'you', 'you', 'you']);
      const words = await graphics.last().locator('tbody tr:first-child td .cell-who').first().innerText();
      assert.equal(words, lang === 'en' ? 'you decide' : '你决定');
      // A stage not yet reached keeps its words back.
      assert.equal(await graphics.first().locator('tbody tr:last-child .cell-what').first().isVisible(), false);
      await context.close();
    });

    test('kubelet-path: dockershim and dockerd go in 1.24; a Wasm shim takes runc\'s place', async () => {
      const { page, context } = await open(browser, site.base + path, { javaScriptEnabled: false });
      await onScreen(page.locator('[data-widget="kubelet-path"]'));
      const hops = await page.locator('[data-widget="kubelet-path"] .kubelet-path').evaluateAll((paths) => paths.map(
        (p) => [...p.querySelectorAll('.hop')].map((h) => `${h.querySelector('.hop-name')?.textContent ?? '(program)'} ${h.dataset.change}`),
      ));
      assert.deepEqual(hops, [
        ['kubelet kept', 'dockershim kept', 'dockerd kept', 'containerd kept', 'containerd-shim-runc-v2 kept', 'runc kept', '(program) kept'],
        ['kubelet kept', 'dockershim removed', 'dockerd removed', 'containerd kept', 'containerd-shim-runc-v2 kept', 'runc kept', '(program) kept'],
        ['kubelet kept', 'containerd kept', 'containerd-shim-runc-v2 removed', 'runc removed', 'containerd-shim-wasmtime-v1 added', '(program) added'],
      ]);
      // The module links to the lab's WASI module, the same kind of file.
      const link = page.locator('[data-widget="kubelet-path"] .step:last-child .hop-link');
      assert.equal(await link.getAttribute('href'), '#webassembly-wasi');
      assert.equal(await page.locator('#webassembly-wasi').count(), 1);
      assert.match(await link.innerText(), lang === 'en' ? /WASI module/ : /WASI 模块/);
      await context.close();
    });
  });
}
