// The longest task each widget's run blocks the page for, in headless Chromium: a budget of
// `cargo xtask bench`, never a test (a time depends on how busy the machine is). Each widget
// runs RUNS times, each in a fresh page; a run's figure is its longest task (the Long Tasks
// API reports only tasks over 50 ms, so "under 50" is all a quiet run can say); the budget is
// on the median run of each widget; the page's own load is reported beside them.
// Usage: node long-tasks.mjs <budget ms> <runs>
import { launch, open, startServer, stageFile, dropStagedFile, watchLongTasks, widgetState } from './harness.mjs';
import { hugeModule } from './wasm-files.mjs';

const budget = Number(process.argv[2] ?? 50);
const runs = Number(process.argv[3] ?? 5);

/** What a reader does to make each widget work; each resolves when the page may be judged. */
const click = (name) => async (page) => {
  await page.locator(`[data-widget="${name}"] button`).first().click();
};
const WIDGETS = {
  // Reported, not budgeted: the app's Wasm is compiled and the islands hydrated on the main
  // thread as the page loads. Loading it only when a widget is near is the next step.
  'page load (hydration)': null,
  'hello-wasm': click('hello-wasm'),
  'size-ladder': click('size-ladder'),
  'startup-race': click('startup-race'),
  'speed-race': click('speed-race'),
  'asmjs-vs-wasm': click('asmjs-vs-wasm'),
  capabilities: click('capabilities'),
  sandbox: click('sandbox'),
  wasi: click('wasi'),
  'inspector (a million imports)': async (page) => {
    await stageFile(page, HUGE, 'dropped.wasm');
    await page.waitForTimeout(300);
    await page.evaluate(() => { window.__longTasks = []; });
    await dropStagedFile(page, '[data-widget="inspector"] .drop-zone');
  },
};
const HUGE = hugeModule(1_000_000);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await launch();
const site = await startServer('/');
let over = 0;
console.log(`longest task per run, ms ("<50": none over 50 ms); budget: median under ${budget} ms`);
try {
  for (const [label, act] of Object.entries(WIDGETS)) {
    const longest = [];
    for (let i = 0; i < runs; i++) {
      const { page, context } = await open(browser, site.base, { init: watchLongTasks });
      await widgetState(page, 'hello-wasm');
      if (act) {
        // Let the page settle after hydration, then count only the run's own tasks.
        await page.waitForTimeout(300);
        await page.evaluate(() => { window.__longTasks = []; });
        const name = label.split(' ')[0];
        await act(page);
        await page.waitForFunction((n) => document.querySelector(`[data-widget="${n}"]`).dataset.state !== 'running', name, { timeout: 90000 });
        await widgetState(page, name, ['done', 'error'], 90000);
      }
      longest.push(Math.max(0, ...await page.evaluate(() => window.__longTasks)));
      await context.close();
    }
    const m = median(longest);
    const shown = (ms) => (ms === 0 ? '<50' : String(ms));
    const budgeted = WIDGETS[label] !== null;
    const verdict = !budgeted ? 'info' : m < budget ? 'ok' : 'OVER';
    if (budgeted && m >= budget) over += 1;
    console.log(`${verdict.padEnd(4)} median ${shown(m).padStart(4)}   runs ${longest.map(shown).join(' ')}   ${label}`);
  }
} finally {
  site.server.close();
  await browser.close();
}
process.exit(over ? 1 : 0);
