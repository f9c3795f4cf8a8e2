// The site as a static host serves it (server.mjs sends what dist/_headers states, the
// precompressed twins, 404.html): text first and the Wasm only when needed, a strict
// content-security policy that nothing on the page breaks, the headers and caching, the 404
// page, and the verdicts as open data (claims.json and schema.org ClaimReview).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST, PAGES, cspViolations, launch, open, runEveryWidget, startServer, widgetState } from './harness.mjs';

let browser;
let site;
before(async () => { browser = await launch(); site = await startServer('/'); });
after(async () => { site?.server.close(); await browser?.close(); });

/** Every file in dist/, by its path relative to it. */
function distFiles(dir = DIST) {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory()
    ? distFiles(join(dir, f)) : [relative(DIST, join(dir, f))]));
}

const policyOf = (headers) => Object.fromEntries(headers.get('content-security-policy').split(';')
  .map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

for (const { path, lang } of PAGES) {
  describe(`served as a host serves it, ${lang}`, () => {
    test('the first load is the text: HTML, one stylesheet, three small scripts and the icon; no Wasm', async () => {
      const { page, context, requests } = await open(browser, site.base + path);
      await page.waitForTimeout(500);
      const files = requests.map((u) => new URL(u).pathname.replace(/^\/(en\/)?/, ''));
      assert.deepEqual(files.map((f) => f.replace(/-[0-9a-f]{12,16}/, '-HASH')).sort(),
        ['', 'essay-HASH.css', 'favicon-HASH.svg', 'islands.js', 'reading.js', 'steps.js'].sort());
      // The lab's widgets wait, idle, for the reader to come near.
      const states = await page.$$eval('leptos-island [data-widget]', (ws) => ws.map((w) => w.dataset.state));
      assert.ok(states.length >= 9 && states.every((s) => s === 'idle'), states.join());
      await context.close();
    });

    test('a click made while the Wasm is on its way is kept and carried out', async () => {
      const { page, context, problems } = await open(browser, site.base + path);
      // The app's Wasm is held back until the click has been made.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
      const sandbox = page.locator('[data-widget="sandbox"]');
      await sandbox.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelector('[data-widget="sandbox"]').dataset.state === 'waking');
      assert.equal(await sandbox.getAttribute('aria-busy'), 'true');
      assert.ok(await sandbox.locator('.widget-waking').isVisible());
      await sandbox.locator('button').first().click();
      assert.equal(await sandbox.getAttribute('data-state'), 'waking');
      release();
      await widgetState(page, 'sandbox', ['done'], 30000);
      assert.equal(await sandbox.locator('tr[data-trap]').count(), 4);
      assert.equal(await sandbox.getAttribute('aria-busy'), null);
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    });

    test('when the Wasm cannot load, the widgets say so', async () => {
      const { page, context } = await open(browser, site.base + path, { blockWasm: true });
      await widgetState(page, 'hello-wasm', ['error']);
      const note = page.locator('[data-widget="hello-wasm"] .widget-waking');
      assert.ok(await note.isVisible());
      assert.match(await note.innerText(), lang === 'en' ? /did not load/ : /没能载入/);
      await context.close();
    });

    test('every widget runs under the strict policy without breaching it', async () => {
      const { page, context, problems } = await open(browser, site.base + path);
      const ran = await runEveryWidget(page);
      assert.ok(ran.length >= 6, ran.join());
      assert.deepEqual(await cspViolations(page), []);
      // A refusal inside a worker (the inspector's) is reported in the worker, not here; the
      // widget it breaks ends in `error`, and none may.
      const failed = await page.$$eval('[data-widget][data-state="error"]', (ws) => ws.map((w) => w.dataset.widget));
      assert.deepEqual(failed, []);
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    });
  });
}

describe('what the host sends', () => {
  test('a strict content-security policy, in the header and in each page', async () => {
    for (const { path } of PAGES) {
      const response = await fetch(site.base + path);
      const policy = policyOf(response.headers);
      for (const directive of ['script-src', 'style-src']) {
        assert.ok(!policy[directive].some((v) => ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"].includes(v)), `${directive}: ${policy[directive]}`);
      }
      assert.deepEqual(policy['script-src'].slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
      assert.deepEqual(policy['object-src'], ["'none'"]);
      assert.deepEqual(policy['base-uri'], ["'self'"]);
      assert.deepEqual(policy['worker-src'], ["'self'"]);
      assert.deepEqual(policy['frame-ancestors'], ["'none'"]);
      // The policy in a <meta> too, for hosts that send no headers (GitHub Pages), first in the
      // head, before any script: the same directives less frame-ancestors, which a <meta>
      // cannot carry, and of the header's hashes exactly those of this page's own inline
      // scripts and styles (as src/bin/prerender/host.rs finds them: no src, not JSON-LD).
      const html = await response.text();
      const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
      assert.ok(meta && html.indexOf(meta[0]) < html.indexOf('<script'));
      const inPage = policyOf(new Headers({ 'content-security-policy': meta[1] }));
      const isHash = (v) => v.startsWith("'sha256-");
      const inline = (tag) => [...new Set([...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))]
        .filter(([, attributes = '']) => !/ src=|ld\+json/.test(attributes))
        .map(([, , code]) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`))];
      assert.deepEqual(Object.keys(inPage), Object.keys(policy).filter((d) => d !== 'frame-ancestors'));
      for (const [directive, values] of Object.entries(inPage)) {
        assert.deepEqual(values.filter((v) => !isHash(v)), policy[directive].filter((v) => !isHash(v)), directive);
        assert.ok(values.filter(isHash).every((h) => policy[directive].includes(h)), directive);
      }
      assert.deepEqual(inPage['script-src'].filter(isHash).sort(), inline('script').sort());
      assert.deepEqual(inPage['style-src'].filter(isHash).sort(), inline('style').sort());
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(response.headers.get('referrer-policy'));
      assert.match(response.headers.get('permissions-policy'), /camera=\(\)/);
    }
  });

  test('hashed files are cached for ever, every other file revalidated; text comes precompressed', async () => {
    const served = distFiles().filter((f) => !/\.(br|gz)$|_headers$/.test(f));
    assert.ok(served.length > 20);
    for (const file of [...served, '', 'en/']) {
      // Trunk's hashes are a u64 in hex without leading zeros: up to 16 digits, fewer than 12
      // once in 65,536 builds.
      const expected = /-[0-9a-f]{12,16}(_bg\.|\.|\/)/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
      assert.equal((await fetch(site.base + file)).headers.get('cache-control'), expected, file);
    }
    const css = served.find((f) => /^essay-[0-9a-f]{12,16}\.css$/.test(f));
    const response = await fetch(site.base + css, { headers: { 'accept-encoding': 'br' } });
    assert.equal(response.headers.get('content-encoding'), 'br');
  });

  test('beside every text and Wasm file, its .br and .gz twins hold the same bytes', () => {
    const originals = distFiles().filter((f) => /\.(html|css|js|wasm|svg|json)$/.test(f));
    assert.ok(originals.length > 20);
    for (const file of originals) {
      const bytes = readFileSync(join(DIST, file));
      assert.ok(brotliDecompressSync(readFileSync(join(DIST, `${file}.br`))).equals(bytes), file);
      assert.ok(gunzipSync(readFileSync(join(DIST, `${file}.gz`))).equals(bytes), file);
    }
  });

  test('a missing page, at any depth, is the 404 page in both languages, styled under the policy', async () => {
    for (const missing of ['nothing-here', 'a/deep/path/that/is/not/here.html']) {
      const { page, context, problems } = await open(browser, site.base + missing);
      assert.equal(await page.locator('section[lang="zh-Hans"] h1').count(), 1);
      assert.equal(await page.locator('section[lang="en"] h1').count(), 1);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).maxWidth), '576px');
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(problems.consoleErrors.filter((e) => !/404/.test(e)), []);
      await context.close();
    }
    assert.equal((await fetch(site.base + 'nothing-here')).status, 404);
  });
});

describe('the verdicts as open data', () => {
  const claims = JSON.parse(readFileSync(join(DIST, 'claims.json'), 'utf8')).claims;

  test('claims.json: every claim of the page, in both languages, with verdict and sources', async () => {
    const { page, context } = await open(browser, site.base, { javaScriptEnabled: false });
    const marked = await page.$$eval('[data-claim]', (ms) => [...new Set(ms.map((m) => m.dataset.claim))]);
    assert.deepEqual(claims.map((c) => c.id).sort(), marked.sort());
    for (const claim of claims) {
      assert.ok(['true', 'partly', 'false'].includes(claim.verdict));
      for (const field of ['claim', 'correction', 'verdictLabel']) {
        assert.ok(claim[field]['zh-Hans'] && claim[field].en, `${claim.id} ${field}`);
      }
      assert.ok(claim.sources.length > 0 && claim.sources.every((s) => s.title));
      assert.equal(claim.checkedAt.en, `./en/#claim-${claim.id}`);
      assert.equal(await page.locator(`#claim-${claim.id}`).count(), 1, claim.id);
    }
    await context.close();
  });

  // What schema.org defines for the types a ClaimReview uses (vendored, with its origin).
  const schema = JSON.parse(readFileSync(new URL('../data/schema-org-claimreview.json', import.meta.url), 'utf8'));
  const ancestry = (type) => (type ? [type, ...ancestry(schema.types[type]?.parent)] : []);
  const defined = (type, property) => ancestry(type).some((t) => schema.types[t]?.properties.includes(property));
  const fits = (value, range) => (typeof value === 'string' ? range.includes('Text') || range.includes('Date')
    : typeof value === 'number' ? range.includes('Number')
      : range.some((r) => ancestry(value['@type']).includes(r)));
  function check(node, where) {
    assert.ok(schema.types[node['@type']], `${where}: unknown type ${node['@type']}`);
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      assert.ok(defined(node['@type'], key), `${where}: ${node['@type']} has no property ${key}`);
      const range = schema.properties[key]?.rangeIncludes;
      if (range) assert.ok(fits(value, range), `${where}: ${key} is not one of ${range}`);
      if (typeof value === 'object') check(value, `${where}.${key}`);
    }
  }

  for (const { path, lang } of PAGES) {
    test(`${lang}: each claim as a schema.org ClaimReview, with the page's verdict words`, async () => {
      const html = await (await fetch(site.base + path)).text();
      const graph = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)[1]);
      assert.equal(graph['@context'], 'https://schema.org');
      const reviews = graph['@graph'];
      assert.equal(reviews.length, claims.length);
      reviews.forEach((review, i) => {
        check(review, claims[i].id);
        assert.equal(review['@type'], 'ClaimReview');
        assert.equal(review.claimReviewed, claims[i].claim[lang]);
        assert.equal(review.reviewRating.alternateName, claims[i].verdictLabel[lang]);
        assert.equal(review.reviewRating.ratingValue, claims[i].rating.value);
        assert.ok(review.reviewRating.worstRating <= review.reviewRating.ratingValue && review.reviewRating.ratingValue <= review.reviewRating.bestRating);
        assert.equal(review.itemReviewed['@type'], 'Claim');
        // Built without --site-url: no url, rather than a relative one.
        assert.equal(review.url, undefined);
      });
    });
  }
});
