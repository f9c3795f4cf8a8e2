// What the browser fetches, counted by the browser: no URL twice while a reader reads the page
// and runs every widget once. (The asm.js widget's cold loads are deliberate fresh fetches,
// each under a URL of its own, so they never repeat a URL either.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, launch, open, runEveryWidget, startServer, widgetState } from './harness.mjs';

let browser;
let site;
before(async () => { browser = await launch(); site = await startServer('/'); });
after(async () => { site?.server.close(); await browser?.close(); });

for (const { path, lang } of PAGES) {
  test(`nothing is requested twice: a read of the page, then every widget run once (${lang})`, async () => {
    const { page, context, requests } = await open(browser, site.base + path);
    await widgetState(page, 'size-ladder', ['done']);
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 2000);
    await runEveryWidget(page);
    const counts = new Map();
    for (const url of requests) counts.set(url, (counts.get(url) ?? 0) + 1);
    const twice = [...counts].filter(([, n]) => n > 1).map(([url, n]) => `${n}× ${url}`);
    assert.deepEqual(twice, []);
    assert.ok(requests.some((u) => u.endsWith('_bg.wasm')), 'the app\'s Wasm was fetched');
    await context.close();
  });
}
