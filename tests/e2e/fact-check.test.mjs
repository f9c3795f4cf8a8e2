// The fact-check layer in a real browser: verdict markers and their notes (mouse, keyboard,
// without JavaScript, on a phone), the scorecard, bibliography back-links, and the timelines.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PAGES, launch, open, axeViolations, startServer } from './harness.mjs';

// The claims as the content has them: each with the paragraph (and so the section) it is in.
const CLAIMS = [...readFileSync(new URL('../../content/claims.toml', import.meta.url), 'utf8')
  .matchAll(/^id = "([^"]+)"\n(?:[^\n]*\n)*?paragraph = "([a-z-]+)-[^"]+"/gm)]
  .map(([, id, section]) => ({ id, section }));

let browser;
let site;
before(async () => { browser = await launch(); site = await startServer('/'); });
after(async () => { site?.server.close(); await browser?.close(); });

const isOpen = (page, id) => page.evaluate((i) => document.getElementById(i).matches(':popover-open'), id);
const focusedId = (page) => page.evaluate(() => document.activeElement?.closest('[id]')?.id);

for (const { path, lang } of PAGES) {
  describe(lang, () => {
    test('every claim has one marker, and the scorecard counts them', async () => {
      const { page, context, problems } = await open(browser, site.base + path);
      const markers = await page.$$eval('button.verdict-marker', (bs) => bs.map((b) => [b.dataset.claim, b.dataset.verdict]));
      assert.ok(CLAIMS.length >= 21, `${CLAIMS.length} claims read from claims.toml`);
      assert.deepEqual(markers.map(([id]) => id).sort(), CLAIMS.map((c) => c.id).sort(), 'one marker per claim');
      for (const verdict of ['true', 'partly', 'false']) {
        const shown = Number(await page.getAttribute(`.scorecard a[data-verdict="${verdict}"]`, 'data-count'));
        const counted = markers.filter(([, v]) => v === verdict).length;
        assert.equal(shown, counted, `${verdict}: scorecard ${shown}, markers ${counted}`);
        assert.equal(Number(await page.innerText(`.scorecard a[data-verdict="${verdict}"] .score-count`)), counted);
      }
      // Each tile leads to its claims, and each claim in the index to its note.
      await page.click('.scorecard a[data-verdict="false"]');
      assert.equal(new URL(page.url()).hash, '#verdict-false');
      const falseClaims = await page.$$eval('#verdict-false + ul a', (as) => as.map((a) => a.getAttribute('href')));
      assert.equal(falseClaims.length, markers.filter(([, v]) => v === 'false').length);
      for (const href of falseClaims) assert.equal(await page.locator(href).count(), 1, href);
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    });

    for (const javaScriptEnabled of [true, false]) {
      test(`a note opens and closes by mouse and by keyboard (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
        const { page, context, problems } = await open(browser, site.base + path, { javaScriptEnabled });
        const marker = page.locator('[data-claim="lxc-google"]');
        assert.equal(await marker.getAttribute('data-verdict'), 'false');
        assert.equal(await isOpen(page, 'note-lxc-google'), false);
        // Mouse: open, then close with the note's own button.
        await marker.click();
        assert.equal(await isOpen(page, 'note-lxc-google'), true);
        assert.match(await page.innerText('#note-lxc-google'), /cgroups/);
        await page.click('#note-lxc-google .note-close');
        assert.equal(await isOpen(page, 'note-lxc-google'), false);
        // Keyboard: Enter opens, Tab moves into the note, Escape closes and returns focus.
        await marker.focus();
        await page.keyboard.press('Enter');
        assert.equal(await isOpen(page, 'note-lxc-google'), true);
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => !!document.activeElement.closest('#note-lxc-google')), true, 'focus moves into the note');
        await page.keyboard.press('Escape');
        assert.equal(await isOpen(page, 'note-lxc-google'), false);
        assert.equal(await page.evaluate(() => document.activeElement.dataset.claim), 'lxc-google', 'focus returns to the marker');
        assert.deepEqual(problems.consoleErrors, []);
        await context.close();
      });
    }

    test('on a 360 px touch screen a tap opens a note that fits, and passes axe-core', async () => {
      const { page, context } = await open(browser, site.base + path, { viewport: { width: 360, height: 740 }, hasTouch: true });
      for (const claim of ['cloud-foundry-platforms', 'wasm-safer', 'wasi-1-0']) {
        await page.locator(`[data-claim="${claim}"]`).scrollIntoViewIfNeeded();
        await page.tap(`[data-claim="${claim}"]`);
        assert.equal(await isOpen(page, `note-${claim}`), true, `${claim}: a tap opens the note`);
        const box = await page.locator(`#note-${claim}`).boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= 360, `${claim}: note spans ${box.x}..${box.x + box.width}`);
        assert.ok(box.y >= 0 && box.y + box.height <= 740, `${claim}: note spans ${box.y}..${box.y + box.height} vertically`);
        assert.deepEqual(await axeViolations(page), []);
        await page.keyboard.press('Escape');
      }
      await context.close();
    });

    test('the notes are repeated at the end of their sections, and sources link back', async () => {
      const { page, context } = await open(browser, site.base + path, { javaScriptEnabled: false });
      for (const id of ['openstack', 'cloud-foundry', 'docker', 'mozilla', 'webassembly', 'epilogue']) {
        const n = CLAIMS.filter((c) => c.section === id).length;
        assert.ok(n > 0, `${id} has claims`);
        assert.equal(await page.locator(`#${id} .section-notes li`).count(), n, id);
      }
      const back = page.locator('#source-dcd-nebula .back-link').first();
      const target = await back.getAttribute('href');
      await back.click();
      assert.equal(new URL(page.url()).hash, target);
      assert.equal(await page.locator(target).count(), 1);
      await context.close();
    });

    for (const [timeline, rows] of [['openstack-timeline', 4], ['cloud-foundry-timeline', 7], ['mozilla-timeline', 11], ['epilogue-timeline', 6]]) {
      test(`${timeline}: rows drawn from the data, details on hover, focus and tap`, async () => {
        const { page, context, problems } = await open(browser, site.base + path);
        const events = page.locator(`#${timeline} .timeline-event`);
        assert.equal(await events.count(), rows);
        const first = events.nth(0);
        const second = events.nth(1);
        const note = (row) => row.locator('.timeline-note');
        assert.equal(await note(first).isVisible(), false);
        await first.hover();
        assert.equal(await note(first).isVisible(), true, 'hover shows the detail');
        await page.mouse.move(0, 0);
        await second.locator('.timeline-label').focus();
        assert.equal(await note(second).isVisible(), true, 'focus shows the detail');
        await second.locator('.timeline-label').click();
        const id = await note(second).getAttribute('id');
        assert.equal(await isOpen(page, id), true, 'a tap or click opens it');
        assert.match(await note(second).innerText(), /\[\d+\]/, 'with its sources');
        await page.keyboard.press('Escape');
        assert.equal(await isOpen(page, id), false);
        assert.deepEqual(problems.consoleErrors, []);
        await context.close();
      });
    }

    test('the Spring purchase (June 2009) is drawn about a year after the 2008 of the article', async () => {
      const { page, context } = await open(browser, site.base + path);
      const row = page.locator('[data-event="spring-buys-cloud-foundry"]');
      const article = await row.locator('.timeline-mark.article').boundingBox();
      const record = await row.locator('.timeline-mark.record').boundingBox();
      const axis = await page.locator('#cloud-foundry-timeline .timeline-axis').boundingBox();
      const years = (record.x - article.x) / (axis.width / 15);
      // The article's bare year is drawn mid-year, June 2009 at its start: 0.92 years.
      assert.ok(years > 0.8 && years < 1.1, `the marks are ${years.toFixed(2)} years apart`);
      await context.close();
    });

    test('timelines fit a 360 px phone', async () => {
      const { page, context } = await open(browser, site.base + path, { viewport: { width: 360, height: 740 } });
      for (const id of ['openstack-timeline', 'cloud-foundry-timeline', 'epilogue-timeline']) {
        const [scroll, client] = await page.$eval(`#${id}`, (f) => [f.scrollWidth, f.clientWidth]);
        assert.ok(scroll <= client, `${id} is ${scroll} px wide in ${client} px`);
      }
      await context.close();
    });
  });
}
