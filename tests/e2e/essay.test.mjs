// The built essay in a real browser: both languages, with and without JavaScript, at a host's
// root and under a sub-path, on a phone and a desktop, light and dark.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, PAGES, SECTION_IDS, launch, open, axeViolations, startServer, assertFitsViewport, widgetState, shownText } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const prefix of ['/', '/some/prefix/']) {
  describe(`served at ${prefix}`, () => {
    let site;
    before(async () => { site = await startServer(prefix); });
    after(() => site.server.close());

    for (const { path, lang } of PAGES) {
      test(`${lang}: loads clean, hydrates, and runs hello-wasm with its real size`, async () => {
        const { page, context, problems } = await open(browser, site.base + path);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        const widget = await widgetState(page, 'hello-wasm');
        assert.equal(await widget.getAttribute('data-state'), 'done', await widget.innerText());
        const shown = Number(await widget.locator('output[data-measure="bytes"]').innerText());
        assert.equal(shown, statSync(join(DIST, 'modules', 'hello.wasm')).size);
        assert.equal(await widget.locator('output[data-measure="result"]').innerText(), '42');
        assert.deepEqual(problems.consoleErrors, []);
        assert.deepEqual(problems.foreignRequests, []);
        assert.deepEqual(problems.failedRequests, []);
        await context.close();
      });
    }

    test('the language link switches pages and keeps the section', async () => {
      const { page, context } = await open(browser, site.base + '#docker');
      await widgetState(page, 'hello-wasm');
      await page.click('a.language-link');
      await page.waitForURL(/\/en\/#docker$/);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(new URL(page.url()).pathname, prefix + 'en/');
      await widgetState(page, 'hello-wasm');
      await page.click('a.language-link');
      await page.waitForURL((u) => u.pathname === prefix && u.hash === '#docker');
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
      await context.close();
    });
  });
}

describe('the page itself', () => {
  let site;
  before(async () => { site = await startServer('/'); });
  after(() => site.server.close());

  for (const { path, lang } of PAGES) {
    test(`${lang}: without JavaScript, all six sections and their text are there`, async () => {
      const { page, context } = await open(browser, site.base + path, { javaScriptEnabled: false });
      for (const id of SECTION_IDS) {
        const text = await shownText(page.locator(`section#${id}`));
        if (lang === 'en') {
          assert.ok(text.split(/\s+/).length >= 100, `${id}: ${text.split(/\s+/).length} words`);
        } else {
          const han = text.match(/\p{Script=Han}/gu) ?? [];
          assert.ok(han.length >= 150, `${id}: ${han.length} Chinese characters`);
        }
      }
      assert.equal(await page.locator('h1').count(), 1);
      assert.equal(await page.locator('main article h2').count() >= 6, true);
      const idle = page.locator('[data-widget="hello-wasm"]');
      assert.equal(await idle.getAttribute('data-state'), 'idle');
      assert.ok((await shownText(idle)).includes('hello.wasm'));
      await context.close();
    });

    test(`${lang}: head has its title, description, link-preview tags and icon, and no relative alternates`, async () => {
      const { page, context } = await open(browser, site.base + path, { javaScriptEnabled: false });
      assert.ok((await page.title()).length > 10);
      const description = await page.getAttribute('meta[name="description"]', 'content');
      assert.ok(description.length > 40);
      const meta = (key) => page.getAttribute(`meta[property="${key}"], meta[name="${key}"]`, 'content');
      assert.equal(await meta('og:title'), await page.title());
      assert.equal(await meta('og:description'), description);
      assert.equal(await meta('twitter:description'), description);
      assert.equal(await meta('og:locale'), lang === 'en' ? 'en_US' : 'zh_CN');
      assert.equal(await meta('og:locale:alternate'), lang === 'en' ? 'zh_CN' : 'en_US');
      // Built without --site-url: hreflang, canonical and og:url need absolute URLs, so there
      // are none (the prerender's own tests check them with a site URL).
      assert.equal(await page.locator('link[rel="alternate"], link[rel="canonical"], meta[property="og:url"]').count(), 0);
      assert.equal(await page.locator('link[rel="icon"]').count(), 1);
      await context.close();
    });

    test(`${lang}: hydration keeps the prerendered DOM (no element swapped)`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__removed = [];
        new MutationObserver((records) => {
          for (const r of records) {
            if (r.target.closest?.('[data-widget]')) continue;
            for (const n of r.removedNodes) if (n.nodeType === 1) window.__removed.push(n.outerHTML.slice(0, 80));
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(site.base + path);
      await widgetState(page, 'hello-wasm');
      assert.deepEqual(await page.evaluate(() => window.__removed), []);
      await context.close();
    });

    for (const colorScheme of ['light', 'dark']) {
      test(`${lang}: no serious or critical axe-core violation (${colorScheme})`, async () => {
        const { page, context } = await open(browser, site.base + path, { colorScheme });
        await widgetState(page, 'hello-wasm');
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }

    test(`${lang}: no horizontal scrolling on a 360 px phone`, async () => {
      const { page, context } = await open(browser, site.base + path, { viewport: { width: 360, height: 740 } });
      await widgetState(page, 'hello-wasm');
      await assertFitsViewport(page);
      await context.close();
    });
  }
});
