// The story's figures that are not stepped: the era comparisons (ships-*), which choose with
// CSS alone; docker-pieces, two timelines of the pieces Docker assembled and the contest that
// followed; and k8s-releases, the epilogue's release claim as data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, launch, open, startServer, onScreen } from './harness.mjs';

let browser;
let site;
before(async () => { browser = await launch(); site = await startServer('/'); });
after(async () => { site?.server.close(); await browser?.close(); });

// Each comparison: its section's era, and the era it opens on (the one before).
const COMPARISONS = [
  ['ships-platform', 'platform', 'vm'],
  ['ships-container', 'container', 'platform'],
  ['ships-module', 'module', 'container'],
];

// The eras whose stacks show in a comparison, this one first.
const shown = (figure) => figure.locator('.stack').evaluateAll(
  (stacks) => stacks.filter((s) => s.getBoundingClientRect().height > 0).map((s) => s.dataset.era),
);

for (const { path, lang } of PAGES) {
  describe(`era comparisons, ${lang}`, () => {
    for (const javaScriptEnabled of [true, false]) {
      test(`each shows its era beside the one picked, by pointer and keyboard${javaScriptEnabled ? '' : ', without JavaScript'}`, async () => {
        // With script, the app's Wasm is refused: the choice must not wait for it.
        const { page, context, problems } = await open(browser, site.base + path, { javaScriptEnabled, blockWasm: javaScriptEnabled });
        for (const [name, era, opensOn] of COMPARISONS) {
          const figure = page.locator(`[data-widget="${name}"]`);
          await onScreen(figure);
          assert.equal(await figure.getAttribute('data-state'), 'done');
          assert.deepEqual(await shown(figure), [era, opensOn]);
          // The radio buttons name every other era, in the page's language.
          const labels = await figure.locator('.compare-pick label').allInnerTexts();
          assert.equal(labels.length, 3);
          assert.ok(labels.every((l) => (lang === 'en' ? /[A-Za-z]/ : /[\u4e00-\u9fff]/).test(l)), labels.join());
          const others = await figure.locator('input[type="radio"]').evaluateAll((rs) => rs.map((r) => r.value));
          assert.ok(!others.includes(era));
          // A click picks another era; the arrow keys move through them as in any radio group.
          await figure.locator(`input[value="${others[0]}"]`).click();
          assert.deepEqual(await shown(figure), [era, others[0]]);
          await page.keyboard.press('ArrowDown');
          assert.deepEqual(await shown(figure), [era, others[1]]);
          assert.equal(await figure.locator('a[href="#what-ships-title"]').count(), 1);
        }
        assert.equal(await page.locator('#what-ships-title').count(), 1);
        if (javaScriptEnabled) assert.ok(problems.failedRequests.every((r) => r.endsWith('.wasm')), problems.failedRequests.join());
        await context.close();
      });
    }
  });

  describe(`docker-pieces, ${lang}`, () => {
    test('the pieces and the contest, each row opening what it is, when, and where that is written', async () => {
      const { page, context, problems } = await open(browser, site.base + path, { viewport: { width: 360, height: 740 }, hasTouch: true });
      const figure = page.locator('[data-widget="docker-pieces"]');
      assert.equal(await figure.getAttribute('data-state'), 'done');
      const events = (id) => figure.locator(`#${id} .timeline-event`).evaluateAll((es) => es.map((e) => e.dataset.event));
      assert.deepEqual(await events('docker-pieces-kernel'),
        ['chroot', 'freebsd-jails', 'linux-namespaces', 'cgroups', 'lxc-first-version', 'docker-0-1-0', 'libcontainer']);
      assert.deepEqual(await events('docker-pieces-contest'),
        ['swarm-announced', 'kubernetes-1-0', 'swarm-mode', 'docker-ships-kubernetes', 'docker-enterprise-sold']);
      // Where the article dates a piece, its mark stands beside the record's.
      const dated = await figure.locator('.timeline-event:has(.timeline-mark.article)').evaluateAll((es) => es.map((e) => e.dataset.event));
      assert.deepEqual(dated, ['lxc-first-version', 'docker-0-1-0', 'kubernetes-1-0']);
      // Its rows look like every other timeline's, not like the widget's Run buttons.
      const look = (selector) => page.locator(selector).first().evaluate((label) => {
        const style = getComputedStyle(label);
        return [style.backgroundColor, style.color, style.fontWeight, style.paddingLeft];
      });
      assert.deepEqual(await look('[data-widget="docker-pieces"] .timeline-label'), await look('#openstack-timeline .timeline-label'));
      // A tap on LXC opens its note: the two dates, what it is, and sources that resolve to the
      // bibliography.
      await figure.locator('[data-event="lxc-first-version"] .timeline-label').tap();
      const note = page.locator('#event-lxc-first-version');
      assert.ok(await note.isVisible());
      assert.match(await note.innerText(), lang === 'en' ? /6\u00a0Aug\u00a02008[\s\S]*IBM/ : /2008[\s\S]*IBM/);
      const cited = await note.locator('.note-sources a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(cited.length > 0);
      for (const href of cited) assert.equal(await page.locator(href).count(), 1, href);
      assert.deepEqual(problems.consoleErrors, []);
      await context.close();
    });
  });
}

for (const { path, lang } of PAGES) {
  describe(`k8s-releases, ${lang}`, () => {
    test('one block per release, counted by year: four a year until 2019, three from 2020', async () => {
      const { page, context } = await open(browser, site.base + path, { javaScriptEnabled: false });
      const figure = page.locator('[data-widget="k8s-releases"]');
      await onScreen(figure);
      const years = await figure.locator('.release-year').evaluateAll((ys) => ys.map((y) => ({
        year: Number(y.dataset.year),
        blocks: y.querySelectorAll('.release').length,
        count: Number(y.dataset.count),
        threeAYear: y.dataset.threeAYear,
      })));
      assert.deepEqual(years.map((y) => y.year), [...Array(11).keys()].map((i) => 2015 + i));
      assert.deepEqual(years.map((y) => y.blocks), [2, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3]);
      assert.ok(years.every((y) => y.count === y.blocks));
      assert.deepEqual(years.filter((y) => y.threeAYear === 'true').map((y) => y.year)[0], 2021);
      // 1.24 is in 2022, with its date for a screen reader, in the page's language.
      const y2022 = await figure.locator('[data-year="2022"] .release').allInnerTexts();
      assert.match(y2022[0], lang === 'en' ? /1\.24\s*\(3\u00a0May\u00a02022\)/ : /1\.24\s*（?\(?2022年5月3日/);
      // Every source it cites is in the bibliography.
      for (const href of await figure.locator('a[href^="#source-"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        assert.equal(await page.locator(href).count(), 1, href);
      }
      await context.close();
    });
  });
}
