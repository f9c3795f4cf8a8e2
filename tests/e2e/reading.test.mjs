// Reading aids, in a real browser: where the reader is (contents marked, progress, a menu on a
// phone, jumps that land below the bar), copy-link buttons, the theme switch (remembered,
// blocked storage, no flash), and colour tokens that keep their contrast in both themes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, PAGES, SECTION_IDS, assertFitsViewport, axeViolations, launch, open, runEveryWidget, startServer, widgetState } from './harness.mjs';
import { MARGIN, STEP, measureSkipped } from './section-heights.mjs';

let browser;
let site;
before(async () => { browser = await launch(); site = await startServer('/'); });
after(async () => { site?.server.close(); await browser?.close(); });

const current = (page, selector) => page.$$eval(`${selector} a[aria-current]`, (as) => as.map((a) => a.getAttribute('href')));
const read = (page) => page.$eval('.reading-progress', (p) => Number(p.style.getPropertyValue('--read') || 0));
const barBottom = (page) => page.$eval('.masthead', (m) => m.getBoundingClientRect().bottom);

for (const { path, lang } of PAGES) {
  describe(lang, () => {
    test('where am I: the section in view is marked in the contents, and the progress grows', async () => {
      const { page, context, problems } = await open(browser, site.base + path, { viewport: { width: 1500, height: 900 } });
      assert.equal(await read(page), 0);
      await page.$eval('#docker', (s) => s.scrollIntoView());
      await page.waitForFunction(() => document.querySelector('.contents a[href="#docker"]')?.getAttribute('aria-current') === 'location');
      assert.deepEqual(await current(page, '.contents'), ['#docker']);
      const middle = await read(page);
      assert.ok(middle > 0 && middle < 1, `read ${middle}`);
      // Wide: the contents stay beside the text, and the bar's menu is not shown.
      assert.ok(await page.$eval('.contents', (c) => c.getBoundingClientRect().top >= 0 && c.getBoundingClientRect().top < 200));
      assert.equal(await page.$eval('.contents-menu', (d) => getComputedStyle(d).display), 'none');
      await page.$eval('#epilogue', (s) => s.scrollIntoView());
      await page.waitForFunction(() => document.querySelector('.contents a[href="#epilogue"]')?.getAttribute('aria-current'));
      assert.ok(await read(page) > middle);
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    });

    test('on a phone the contents are a menu in the bar, live without the app\'s Wasm; a jump lands below the bar', async () => {
      const { page, context } = await open(browser, site.base + path, { viewport: { width: 360, height: 740 }, hasTouch: true, blockWasm: true });
      const menu = page.locator('.contents-menu');
      await menu.locator('summary').tap();
      assert.equal(await menu.getAttribute('open'), '');
      await menu.locator('a[href="#mozilla"]').tap();
      await page.waitForFunction(() => location.hash === '#mozilla');
      assert.equal(await menu.getAttribute('open'), null, 'the menu closes once a link is followed');
      await page.waitForFunction(() => document.querySelector('.contents-menu a[href="#mozilla"]')?.getAttribute('aria-current'));
      // Sections drawn around the target change size after the jump; reading.js lands it
      // again for a few frames, so the test waits a little for that.
      const landedBelowBar = async (selector) => {
        const bar = await barBottom(page);
        const below = ([s, b]) => document.querySelector(s).getBoundingClientRect().top >= b;
        await page.waitForFunction(below, [selector, bar], { timeout: 3000 }).catch(() => {});
        const top = await page.$eval(selector, (e) => e.getBoundingClientRect().top);
        // Below the bar, and not far below it (a section's heading sits under its top margin).
        assert.ok(top >= bar && top < bar + 100, `${selector} (top ${top}) shows just below the bar (${bar})`);
      };
      await landedBelowBar('#mozilla h2');
      // A claim's note too.
      await page.goto(site.base + path + '#claim-wasm-100x-faster');
      await landedBelowBar('#claim-wasm-100x-faster');
      await context.close();
    });

    test('a heading\'s copy-link button puts the section\'s address on the clipboard, and says so', async () => {
      const { page, context } = await open(browser, site.base + path);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
      const button = page.locator('#webassembly .copy-link');
      await button.click();
      const status = page.locator('#webassembly .copy-status');
      await page.waitForFunction(() => document.querySelector('#webassembly .copy-status').textContent !== '');
      assert.equal(await status.textContent(), await button.getAttribute('data-copied'));
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.base}${path}#webassembly`);
      await context.close();
    });

    test('the theme switch: dark, remembered, applied before the first paint; storage blocked, it still works', async () => {
      const { page, context, problems } = await open(browser, site.base + path, { colorScheme: 'light' });
      const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const light = await background();
      await page.selectOption('.theme-switch select', 'dark');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
      const dark = await background();
      assert.notEqual(dark, light);
      assert.deepEqual(await page.$$eval('meta[name="theme-color"]', (ms) => ms.map((m) => m.content)), [dark, dark]);
      // Remembered, and set by the head's script before the body is parsed.
      await context.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.body) {
            window.__themeAtBody = document.documentElement.dataset.theme ?? 'none';
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.reload();
      assert.equal(await page.evaluate(() => window.__themeAtBody), 'dark', 'the theme is set before the body exists');
      assert.equal(await background(), dark);
      assert.equal(await page.inputValue('.theme-switch select'), 'dark');
      await page.selectOption('.theme-switch select', 'auto');
      assert.equal(await page.getAttribute('html', 'data-theme'), null);
      assert.equal(await page.evaluate(() => localStorage.getItem('theme')), null);
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();

      const blocked = await open(browser, site.base + path, {
        colorScheme: 'light',
        init: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } }),
      });
      await blocked.page.selectOption('.theme-switch select', 'dark');
      assert.equal(await blocked.page.getAttribute('html', 'data-theme'), 'dark', 'the choice holds for the visit');
      assert.deepEqual(blocked.problems.consoleErrors, []);
      await blocked.context.close();
    });
  });
}

test('what is far off screen is not drawn, and the sizes assumed for it are current (style/section-heights.css)', async () => {
  const found = await measureSkipped(browser, site.base);
  const stale = [];
  for (const { lang, band, parts } of found) {
    // Every section but the opening is skipped until near, each with a size of its own.
    const selectors = parts.map((p) => p.selector);
    assert.deepEqual(selectors, [...SECTION_IDS, 'method'].map((id) => `#${id}`), `${lang} ${band.name}`);
    for (const { selector, height, estimate } of parts) {
      // At or above the real height, so that no skipped content overlaps what follows it;
      // and not far above it (the margin and the rounding), so that the scroll bar is right.
      const fits = estimate >= height && estimate <= height * (1 + MARGIN) + STEP;
      if (!fits) stale.push(`${lang} ${band.name} ${selector}: ${Math.round(height)} px drawn, ${estimate} px assumed`);
    }
  }
  assert.deepEqual(stale, [], 'run `cargo xtask section-heights` to measure the skipped parts again');
  // Skipped means skipped: far down a page just opened, a section is not rendered.
  const { page, context } = await open(browser, site.base, { viewport: { width: 412, height: 823 } });
  const drawn = (selector) => page.$eval(selector, (e) => e.checkVisibility({ contentVisibilityAuto: true }));
  assert.equal(await drawn('#method .bibliography'), false);
  await page.$eval('#method', (s) => s.scrollIntoView());
  await page.waitForFunction(() => document.querySelector('#method .bibliography').checkVisibility({ contentVisibilityAuto: true }));
  await context.close();
});

test('a figure wider than the text paints whole: none reaches past its section\'s clip margin', async () => {
  for (const { path } of PAGES) {
    const { page, context } = await open(browser, site.base + path, { viewport: { width: 1280, height: 860 } });
    // Every section drawn (print's switch), so that each figure has its real box.
    await page.evaluate(() => document.documentElement.style.setProperty('--offscreen', 'visible'));
    const clipped = await page.$$eval('.essay-section:not(.opening)', (sections) => sections.flatMap((section) => {
      const margin = parseFloat(getComputedStyle(section).overflowClipMargin);
      const box = section.getBoundingClientRect();
      return [...section.querySelectorAll('figure')]
        .map((figure) => [figure.dataset.widget || figure.id || `${figure.className} in #${figure.parentElement.closest("[id]")?.id}`, figure.getBoundingClientRect()])
        .filter(([, r]) => r.left < box.left - margin || r.right > box.right + margin)
        .map(([name, r]) => `${name}: ${Math.round(r.left)}-${Math.round(r.right)} beyond ${Math.round(box.left - margin)}-${Math.round(box.right + margin)}`);
    }));
    assert.deepEqual(clipped, [], path);
    await context.close();
  }
});

test('without JavaScript the contents are plain links, and the switch and copy buttons stay hidden', async () => {
  const { page, context } = await open(browser, site.base + 'en/', { javaScriptEnabled: false });
  assert.equal(await page.locator('.contents a').count(), 7);
  assert.equal(await page.locator('.contents-menu nav a').count(), 9);
  assert.ok(await page.locator('.theme-switch').isHidden());
  assert.equal(await page.locator('.copy-link:visible').count(), 0);
  await context.close();
});

// WCAG: text 4.5:1 against every background it sits on; figure marks and verdict colours 3:1
// against the page (1.4.11). axe checks rendered text, not the marks, so the tokens are
// checked here, in both themes.
test('every colour token keeps its contrast in both themes', () => {
  const css = readFileSync(join(DIST, '..', 'style', 'tokens.css'), 'utf8');
  const tokens = Object.fromEntries([...css.matchAll(/(--[a-z-]+): light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)/g)]
    .map(([, name, light, dark]) => [name, [light, dark]]));
  const luminance = (hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const text = ['--ink', '--ink-soft', '--accent', '--article', '--record', '--ok', '--error', '--verdict-true', '--verdict-partly', '--verdict-false'];
  const pairs = [
    ...text.flatMap((t) => ['--bg', '--bg-raised'].map((bg) => [t, bg, 4.5])),
    ['--article', '--article-bg', 4.5], ['--record', '--record-bg', 4.5], ['--ink', '--record-bg', 4.5],
    ['--verdict-true', '--verdict-true-bg', 4.5], ['--verdict-partly', '--verdict-partly-bg', 4.5], ['--verdict-false', '--verdict-false-bg', 4.5],
    ['--focus', '--bg', 3],
  ];
  for (const [theme, i] of [['light', 0], ['dark', 1]]) {
    for (const [fg, bg, least] of pairs) {
      assert.ok(tokens[fg] && tokens[bg], `${fg} or ${bg} is not a light-dark() token`);
      const r = ratio(tokens[fg][i], tokens[bg][i]);
      assert.ok(r >= least, `${theme}: ${fg} on ${bg} is ${r.toFixed(2)}:1, under ${least}:1`);
    }
  }
  // The bar's colour in index.html is the page's own background, in each scheme.
  const shell = readFileSync(join(DIST, '..', 'index.html'), 'utf8');
  const metas = [...shell.matchAll(/name="theme-color" media="\(prefers-color-scheme: (light|dark)\)" content="(#[0-9a-f]{6})"/g)];
  assert.deepEqual(metas.map(([, scheme, colour]) => [scheme, colour]), [['light', tokens['--bg'][0]], ['dark', tokens['--bg'][1]]]);
});

test('print: the essay without its interface, markers as labels, widgets as measured or marked not run', async () => {
  for (const { path } of PAGES) {
    const { page, context } = await open(browser, site.base + path);
    await widgetState(page, 'hello-wasm', ['done']);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector) => page.$eval(selector, (e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0);
    assert.equal(await shown('.masthead'), false);
    assert.equal(await shown('.widget-controls'), false);
    const marker = await page.$eval('.verdict-marker', (m) => [getComputedStyle(m).borderTopStyle, getComputedStyle(m, '::before').content]);
    assert.deepEqual(marker, ['none', '"["']);
    // Run: its result prints. Never run: a line saying so, not the button's invitation.
    assert.equal(await shown('[data-widget="hello-wasm"] .print-note'), false);
    assert.equal(await shown('[data-widget="speed-race"] .print-note'), true);
    assert.equal(await shown('[data-widget="speed-race"] .widget-idle'), false);
    // Every claim's note prints in its section's notes; every source prints its address.
    assert.ok(await shown('#claim-wasm-100x-faster'));
    const source = page.locator('#source-v8-release-61 a[href^="http"]');
    assert.equal(await source.evaluate((a) => getComputedStyle(a, '::after').content), `"${await source.getAttribute('href')}"`);
    assert.match(await source.getAttribute('href'), /^https:\/\/github\.com\/v8\/v8\.dev\//);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    // On screen, the same link reads as its host.
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await source.textContent(), 'github.com');
    assert.equal(await source.evaluate((a) => getComputedStyle(a, '::after').content), 'none');
    await context.close();
  }
});

for (const [path, viewport, colorScheme] of [
  ['', { width: 360, height: 740 }, 'dark'],
  ['', { width: 1280, height: 860 }, 'light'],
  ['en/', { width: 360, height: 740 }, 'light'],
  ['en/', { width: 1280, height: 860 }, 'dark'],
]) {
  test(`no axe-core violation of any impact after every widget has run (${path || 'zh'}, ${viewport.width} px, ${colorScheme})`, async () => {
    const { page, context, problems } = await open(browser, site.base + path, { viewport, colorScheme });
    const ran = await runEveryWidget(page);
    assert.ok(ran.includes('asmjs-vs-wasm') && ran.includes('speed-race'), ran.join(' '));
    assert.deepEqual(await axeViolations(page), []);
    await assertFitsViewport(page);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
}

test('the keyboard reaches the skip link, the contents, every verdict marker and every widget\'s button, in order', async () => {
  const { page, context } = await open(browser, site.base + 'en/', { viewport: { width: 1280, height: 860 } });
  await widgetState(page, 'hello-wasm', ['done']);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#text');
  // From the top, Tab visits everything focusable; collect what it reaches.
  await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  const reached = await page.evaluate(() => { window.__reached = []; return true; });
  assert.ok(reached);
  await page.evaluate(() => document.addEventListener('focusin', (e) => window.__reached.push(e.target)));
  const total = await page.$$eval('a[href], button:not([hidden]), select, input, summary, [tabindex="0"]', (es) => es.length);
  for (let i = 0; i < total + 20; i++) await page.keyboard.press('Tab');
  const missing = await page.evaluate(() => {
    const reached = new Set(window.__reached);
    const wanted = [
      ...document.querySelectorAll('.contents a, .verdict-marker, [data-widget] .widget-controls button, .theme-switch select'),
    ];
    return wanted.filter((e) => !reached.has(e)).map((e) => e.outerHTML.slice(0, 80));
  });
  assert.deepEqual(missing, []);
  await context.close();
});

test('a widget\'s live region announces its result once, not every tick of its progress', async () => {
  const { page, context } = await open(browser, site.base + 'en/');
  await widgetState(page, 'hello-wasm', ['done']);
  await page.evaluate(() => {
    const body = document.querySelector('[data-widget="speed-race"] [aria-live]');
    window.__announcements = 0;
    new MutationObserver((records) => {
      // What a screen reader announces: text added to the region, not attribute changes.
      if (records.some((r) => r.type === 'childList' && [...r.addedNodes].some((n) => n.textContent.trim()))) window.__announcements++;
    }).observe(body, { childList: true, subtree: true });
  });
  await page.click('[data-widget="speed-race"] button');
  await widgetState(page, 'speed-race', ['done'], 60000);
  const announcements = await page.evaluate(() => window.__announcements);
  assert.ok(announcements >= 1 && announcements <= 2, `${announcements} announcements: running, then the result`);
  await context.close();
});

test('the page reads at 320 px and at 200% zoom of a 1280 px window', async () => {
  for (const width of [320, 640]) {
    const { page, context } = await open(browser, site.base, { viewport: { width, height: 800 } });
    await widgetState(page, 'hello-wasm', ['done']);
    await assertFitsViewport(page);
    await context.close();
  }
});

test('on a phone no visible text is set under 12 px, in either language', async () => {
  for (const { path } of PAGES) {
    const { page, context } = await open(browser, site.base + path, { viewport: { width: 360, height: 740 }, hasTouch: true });
    const small = await page.evaluate(() => {
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!node.textContent.trim() || element.closest('.visually-hidden, [hidden], script, style, [popover]')) continue;
        if (!element.getClientRects().length) continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < 12) out.push(`${size}px ${element.tagName}.${element.className}: ${node.textContent.trim().slice(0, 30)}`);
      }
      return out;
    });
    assert.deepEqual(small.slice(0, 10), []);
    await context.close();
  }
});

test('in forced colours the record\'s marks stay filled beside the article\'s rings', async () => {
  const { page, context } = await open(browser, site.base + 'en/');
  await page.emulateMedia({ forcedColors: 'active' });
  const fills = await page.$$eval('#mozilla-timeline .timeline-mark', (ms) => [...new Set(ms.map((m) => `${m.classList.contains('record') ? 'record' : 'article'} ${getComputedStyle(m).backgroundColor}`))]);
  const record = fills.filter((f) => f.startsWith('record')).map((f) => f.slice(7));
  const article = fills.filter((f) => f.startsWith('article')).map((f) => f.slice(8));
  assert.equal(record.length, 1, fills.join(' | '));
  assert.ok(!article.includes(record[0]), `record ${record} vs article ${article}`);
  await context.close();
});
