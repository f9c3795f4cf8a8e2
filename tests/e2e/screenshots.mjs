// Screenshots for a person to look at: both pages, phone and desktop, light and dark; the top
// of the page, the scorecard, the first widget, an open claim note, each timeline (with an
// event's note shown by focus), the story's figures, the lab's widgets after a run, and the
// sandbox lab's. Usage: [SHOTS=regex] node screenshots.mjs <out dir>
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES, launch, open, startServer, widgetState } from './harness.mjs';

const out = process.argv[2] ?? 'target/screenshots';
// SHOTS=regex takes only the views whose names match (the top of the page is always taken).
const only = process.env.SHOTS ? new RegExp(process.env.SHOTS) : null;
mkdirSync(out, { recursive: true });
const viewports = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 860 } };
const views = {
  scorecard: (page) => show(page, '.scorecard'),
  widget: (page) => show(page, '[data-widget="hello-wasm"]'),
  note: async (page) => {
    await show(page, '[data-claim="lxc-google"]');
    await page.click('[data-claim="lxc-google"]');
  },
  'timeline-cf': async (page) => {
    await show(page, '#cloud-foundry-timeline');
    await page.focus('#cloud-foundry-timeline .timeline-label >> nth=1');
  },
  'timeline-epilogue': (page) => show(page, '#epilogue-timeline'),
  'timeline-openstack': (page) => show(page, '#openstack-timeline'),
  'timeline-mozilla': (page) => show(page, '#mozilla-timeline'),
  asmjs: (page) => runAndShow(page, 'asmjs-vs-wasm'),
  'what-ships': (page) => scrollToStep(page, 'what-ships', 1),
  'ships-compare': async (page) => {
    await page.locator('[data-widget="ships-container"] input[value="vm"]').check();
    await show(page, '[data-widget="ships-container"]');
  },
  'who-builds': (page) => scrollToStep(page, 'who-builds', 2),
  'docker-pieces': async (page) => {
    await show(page, '[data-widget="docker-pieces"]');
    await page.focus('#docker-pieces-kernel .timeline-label >> nth=4');
  },
  'docker-contest': (page) => show(page, '#docker-pieces-contest'),
  'kubelet-path': (page) => scrollToStep(page, 'kubelet-path', 1),
  'k8s-releases': (page) => show(page, '[data-widget="k8s-releases"]'),
  'lab-startup': (page) => runAndShow(page, 'startup-race'),
  'lab-speed': (page) => runAndShow(page, 'speed-race'),
  'lab-sizes': (page) => show(page, '[data-widget="size-ladder"]'),
  'lab-summary': (page) => show(page, '[data-widget="lab-summary"]'),
  syscalls: (page) => show(page, '[data-widget="syscall-contrast"]'),
  capabilities: async (page) => {
    await widgetState(page, 'capabilities', ['done']);
    await page.locator('[data-widget="capabilities"] input[data-import="read_secret"]').uncheck();
    await page.waitForFunction(() => document.querySelector('[data-outcome="link-error"]'));
    await show(page, '[data-widget="capabilities"]');
  },
  traps: (page) => runAndShow(page, 'sandbox'),
  inside: async (page) => {
    await show(page, '[data-widget="inside-module"]');
    await page.focus('[data-widget="inside-module"] .section-legend li[data-section="import"]');
  },
  inspector: async (page) => {
    await page.locator('[data-widget="inspector"]').getByRole('button', { name: 'wasi.wasm', exact: true }).click();
    await widgetState(page, 'inspector', ['done', 'error'], 60000);
    await show(page, '[data-widget="inspector"]');
  },
  'inspector-error': async (page) => {
    await page.locator('[data-widget="inspector"] input[type="file"]').setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a module') },
      { name: 'empty-module.wasm', mimeType: 'application/wasm', buffer: Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]) },
    ]);
    await widgetState(page, 'inspector', ['done', 'error']);
    await show(page, '[data-widget="inspector"] .drop-zone');
  },
  wasi: (page) => show(page, '[data-widget="wasi"]'),
  // Reading aids: the bar's contents menu open, mid-essay; the contents beside the text on a
  // wide screen; the page as it prints (media emulated: the layout, not the page breaks).
  menu: async (page) => {
    await show(page, '#docker');
    await page.waitForTimeout(300);
    if (await page.locator('.contents-menu').isVisible()) await page.click('.contents-menu summary');
  },
  wide: async (page) => {
    await page.setViewportSize({ width: 1500, height: 900 });
    await show(page, '[data-widget="asmjs-vs-wasm"]');
  },
  print: async (page) => {
    await page.emulateMedia({ media: 'print' });
    await show(page, '#mozilla');
  },
};

// Scrolls step `i`'s text to where it makes its step active: mid-screen, or low on a phone.
async function scrollToStep(page, name, i) {
  await page.locator(`[data-widget="${name}"] .step-text >> nth=${i}`).evaluate((t) => {
    scrollBy(0, t.getBoundingClientRect().top - (innerWidth < 768 ? 0.74 : 0.5) * innerHeight + 10);
  });
  await page.waitForFunction(([n, step]) =>
    document.querySelector(`[data-widget="${n}"]`).dataset.stepActive === String(step), [name, i]);
  await page.waitForTimeout(400); // the fade
}

async function runAndShow(page, name) {
  await page.locator(`[data-widget="${name}"] button`).first().click();
  await widgetState(page, name, ['done', 'error'], 60000);
  await show(page, `[data-widget="${name}"]`);
}

async function show(page, selector) {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  // Headless Chromium can capture a long jump before it has painted the scrolled-in boxes
  // (the highlighted source came out blank); a moment's wait gives the picture a reader sees.
  await page.waitForTimeout(250);
}

const browser = await launch();
const site = await startServer('/');
for (const { path, lang } of PAGES) {
  for (const [device, viewport] of Object.entries(viewports)) {
    for (const colorScheme of ['light', 'dark']) {
      const name = `${lang}-${device}-${colorScheme}`;
      const { page, context } = await open(browser, site.base + path, { viewport, colorScheme });
      await widgetState(page, 'hello-wasm');
      await page.screenshot({ path: join(out, `${name}-top.png`) });
      for (const [view, prepare] of Object.entries(views)) {
        if (only && !only.test(view)) continue;
        await page.keyboard.press('Escape');
        await prepare(page);
        await page.screenshot({ path: join(out, `${name}-${view}.png`) });
      }
      await context.close();
      console.log(`wrote ${name}-*.png`);
    }
  }
}
site.server.close();
await browser.close();
