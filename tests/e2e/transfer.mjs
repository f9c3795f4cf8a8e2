// `cargo xtask bench`: what a browser fetches, counted by the browser. Each page is served as
// a host serves it (server.mjs: _headers, precompressed twins) and read in Chromium twice over:
// first as it loads, without scrolling (the text: its HTML, its stylesheet, and at most
// EXTRA_BUDGET bytes more, and no Wasm); then scrolled to every widget, each run once. Bytes
// are response bodies as transferred (brotli where the browser accepts it). Fails on a Wasm
// file in the first load, on a first load over budget, and on any URL requested twice.
// Usage: node transfer.mjs <extra budget, bytes>
import { PAGES, launch, runEveryWidget, startServer } from './harness.mjs';

const extraBudget = Number(process.argv[2] ?? 6000);
const browser = await launch();
const site = await startServer('/');
const problems = [];

/** Every request from now on: its URL and transferred body bytes (0 for one that failed,
 *  which still counts as asked for). */
function record(page) {
  const responses = [];
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    responses.push({ url: request.url(), bytes: sizes ? sizes.responseBodySize : 0 });
  });
  page.on('requestfailed', (request) => responses.push({ url: request.url(), bytes: 0 }));
  return responses;
}

const sum = (rs) => rs.reduce((total, r) => total + r.bytes, 0);
const name = (url) => new URL(url).pathname;

try {
  for (const { path, lang } of PAGES) {
    const fresh = await browser.newContext();
    const reader = await fresh.newPage();
    const responses = record(reader);
    await reader.goto(site.base + path, { waitUntil: 'load' });
    await reader.waitForTimeout(1000);
    const first = [...responses];
    const own = first.filter((r) => /\/((en\/)?|[^/]*\.css)$/.test(name(r.url)));
    const extra = sum(first) - sum(own);
    console.log(`${lang} first load: ${first.length} files, ${sum(first)} bytes (HTML and CSS ${sum(own)}, the rest ${extra}; budget for the rest ${extraBudget})`);
    for (const r of first) console.log(`  ${String(r.bytes).padStart(8)}  ${name(r.url)}`);
    if (first.some((r) => /\.wasm$|essay-[0-9a-f]{12,16}\.js$/.test(name(r.url)))) problems.push(`${lang}: the first load fetched the app`);
    if (extra > extraBudget) problems.push(`${lang}: first load is HTML + CSS + ${extra} bytes, over ${extraBudget}`);

    // Then a whole read: every widget run once.
    const before = responses.length;
    await runEveryWidget(reader);
    await reader.waitForTimeout(500);
    const read = responses.slice(before);
    console.log(`${lang} a read with every widget run: ${read.length} more files, ${sum(read)} bytes; ${sum(responses)} bytes in all`);
    const seen = new Map();
    for (const r of responses) seen.set(r.url, (seen.get(r.url) ?? 0) + 1);
    for (const [url, times] of seen) if (times > 1) problems.push(`${lang}: ${name(url)} requested ${times} times`);
    await fresh.close();
  }
} finally {
  await browser.close();
  site.server.close();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
