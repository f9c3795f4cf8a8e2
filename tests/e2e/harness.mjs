// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, the built
// dist/ served on 127.0.0.1 (optionally under a sub-path), and a page that records everything
// a reader would call a problem: console errors, uncaught exceptions, failed requests, and any
// request that leaves the page's own origin.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.ESSAY_DIST ?? join(here, '..', '..', 'dist');
export const SECTION_IDS = ['openstack', 'cloud-foundry', 'docker', 'mozilla', 'webassembly', 'epilogue'];
export const PAGES = [
  { path: '', lang: 'zh-Hans' },
  { path: 'en/', lang: 'en' },
];
export const axeSource = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export async function launch() {
  return chromium.launch({
    // `cargo xtask test` passes the browser it found or installed as CHROME_PATH.
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    // As root on these machines: no sandbox, and no background traffic to the closed network.
    args: [
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic',
    ],
  });
}

/** Brings `locator` on screen and waits until its section is drawn: a section far from the
 * viewport is not (content-visibility, style/layout.css), and what is not drawn has no
 * `innerText` and is never visible. */
export async function onScreen(locator) {
  await locator.scrollIntoViewIfNeeded();
  // The browser decides what is near the viewport when it next draws (polled: a page without
  // JavaScript runs no animation-frame callback to wait on).
  const drawn = () => locator.evaluate((e) => {
    const head = e.closest('.essay-section')?.firstElementChild;
    return !head || head.checkVisibility({ contentVisibilityAuto: true });
  });
  for (let tries = 0; !(await drawn()); tries++) {
    if (tries === 40) throw new Error('the section was never drawn, though scrolled to');
    await locator.page().waitForTimeout(50);
  }
}

/** The text a reader sees in `locator`, once it is on screen (see `onScreen`). */
export async function shownText(locator) {
  await onScreen(locator);
  return locator.innerText();
}

export async function startServer(prefix = '/') {
  const server = await serve(DIST, { prefix });
  const base = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { server, base, origin: new URL(base).origin };
}

/** Opens a page and records the problems a reader would notice; `init` runs before the page's own scripts. */
export async function open(browser, url, { javaScriptEnabled = true, colorScheme = 'light', viewport, hasTouch = false, init, blockWasm = false } = {}) {
  const context = await browser.newContext({ javaScriptEnabled, colorScheme, viewport, hasTouch, isMobile: hasTouch });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const problems = { consoleErrors: [], foreignRequests: [], failedRequests: [] };
  // Every URL the page asks for, from its first request on.
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  // Chromium reports a header it cannot read (a feature Permissions-Policy does not know, say)
  // as a warning that begins "Error with": it is counted as an error.
  page.on('console', (m) => (m.type() === 'error' || /^Error with /.test(m.text())) && problems.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => problems.consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.origin !== origin) problems.foreignRequests.push(r.url());
  });
  page.on('requestfailed', (r) => problems.failedRequests.push(r.url()));
  page.on('response', (r) => r.status() >= 400 && problems.failedRequests.push(`${r.status()} ${r.url()}`));
  // Block anything that would leave the origin, so a slip is a recorded failure, not a hang.
  await page.route((u) => u.origin !== origin && u.protocol.startsWith('http'), (route) => route.abort());
  // Every breach of the content-security policy the server sent (_headers), in
  // window.__cspViolations; `cspViolations(page)` reads them.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} ${e.sample}`.trim());
    });
  });
  if (init) await page.addInitScript(init);
  // A reader whose Wasm has not arrived: every .wasm request fails.
  if (blockWasm) await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(url, { waitUntil: 'load' });
  if (javaScriptEnabled) await scriptsRun(page);
  return { page, context, problems, requests };
}

/** Waits until the page's own scripts have run: src/after-paint.js runs them after the first
 *  frame, which may come after the load event (a page without them, the 404 page, is ready at
 *  once). (No arguments: Playwright's and Puppeteer's
 *  waitForFunction share this form.) */
export async function scriptsRun(page) {
  await page.waitForFunction(() => !document.querySelector('link[data-after-paint]')
    || document.documentElement.dataset.scripts === 'run');
}

/** What the content-security policy refused on this page so far. */
export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations);
}

/** Scrolls to the widget, as a reader would (the app's Wasm loads when a widget is near), and
 *  waits until its `data-state` is one of `states`. */
export async function widgetState(page, name, states = ['done', 'error'], timeout = 15000) {
  const widget = page.locator(`[data-widget="${name}"]`);
  await widget.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    ([n, s]) => s.includes(document.querySelector(`[data-widget="${n}"]`)?.dataset.state),
    [name, states],
    { timeout },
  );
  return widget;
}

/** An init script: records the duration of every task over 50 ms in `window.__longTasks`,
 * from the start. For `cargo xtask bench` only: a test never asserts a time. */
export function watchLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
  }).observe({ type: 'longtask', buffered: true });
}

/** An init script: `window.__turns.start()` begins counting how often a zero-delay timer gets
 * its turn, `.stop()` returns the count. Work cut into pieces that yield lets the timer in
 * between the pieces; one long block lets it in once at most. A count, not a time, so it does
 * not depend on how busy the machine is. */
export function watchTurns() {
  let counting = false;
  window.__turns = {
    count: 0,
    start() {
      this.count = 0;
      counting = true;
      const tick = () => { if (counting) { this.count += 1; setTimeout(tick, 0); } };
      setTimeout(tick, 0);
    },
    stop() { counting = false; return this.count; },
  };
}

/** Turns a run must leave to the page to count as cut into pieces that yield. */
export const MIN_TURNS = 3;

/** Puts a file made in Node into the page, ready to drop (building it is not the drop's work). */
export async function stageFile(page, buffer, fileName) {
  await page.evaluate(([base64, n]) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    window.__staged = new File([bytes], n);
  }, [buffer.toString('base64'), fileName]);
}

/** Drops the staged file on `selector`, as a reader dragging it from their desktop would. */
export async function dropStagedFile(page, selector) {
  await page.evaluate((s) => {
    const transfer = new DataTransfer();
    transfer.items.add(window.__staged);
    document.querySelector(s).dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, selector);
}

/** The page's width and its viewport's: a page that fits has no horizontal scrolling. */
export async function assertFitsViewport(page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  if (scroll > client) throw new Error(`page is ${scroll} px wide in a ${client} px viewport`);
}

/** axe-core's violations of any impact on the page as it is now, with its target-size rule
 *  (WCAG 2.2: targets of at least 24 × 24 px), which axe ships disabled, turned on. */
export async function axeViolations(page) {
  // Evaluated by the test's driver, not added as a script element: the page's policy refuses
  // inline scripts it did not hash, as it should.
  await page.evaluate(axeSource);
  // Colours are judged as they settle, not halfway through a fade (a widget's results fade in).
  await page.evaluate(() => Promise.all(document.getAnimations()
    .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished)));
  const violations = await page.evaluate(async () => {
    // Every section drawn, as print draws them (style/layout.css): a section the browser has
    // skipped cannot be hit-tested, so axe could not judge its colours and targets.
    const root = document.documentElement;
    root.style.setProperty('--offscreen', 'visible');
    const found = (await window.axe.run(document, { rules: { 'target-size': { enabled: true } } })).violations;
    root.style.removeProperty('--offscreen');
    // A link or button of the text passing under the sticky bar is partly covered for as long
    // as the reader scrolls there; axe's target-size calls that obscured, at whatever scroll
    // position the test stopped. Not a failure of the target, if it is under the bar and only
    // the bar covers it; anything else still is.
    const $ = (target) => document.querySelector(target.join(' '));
    const bar = document.querySelector('.masthead')?.getBoundingClientRect();
    const underBar = (node) => {
      const related = [...node.any, ...node.all, ...node.none].flatMap((c) => c.relatedNodes);
      const box = $(node.target)?.getBoundingClientRect();
      return bar && box && box.top < bar.bottom && !$(node.target).closest('.masthead')
        && related.length > 0 && related.every((r) => $(r.target)?.closest('.masthead'));
    };
    for (const v of found) if (v.id === 'target-size') v.nodes = v.nodes.filter((n) => !underBar(n));
    return found.filter((v) => v.nodes.length);
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Runs every widget that waits for its button, one after another, to done; answers their names. */
export async function runEveryWidget(page) {
  await widgetState(page, 'hello-wasm', ['done']);
  const idle = await page.$$eval('[data-widget][data-state="idle"]', (ws) => ws.map((w) => w.dataset.widget));
  for (const name of idle) {
    const button = page.locator(`[data-widget="${name}"] button`).first();
    if (!(await button.count())) continue;
    await button.click();
    await widgetState(page, name, ['done', 'error'], 90000);
  }
  return idle;
}
