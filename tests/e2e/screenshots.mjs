// Screenshots for a person to look at: both pages, phone and desktop, light and dark; the top
// of the page and the first widget in its section. Usage: node screenshots.mjs <out dir>
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES, launch, open, startServer, widgetState } from './harness.mjs';

const out = process.argv[2] ?? 'target/screenshots';
mkdirSync(out, { recursive: true });
const viewports = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 860 } };

const browser = await launch();
const site = await startServer('/');
for (const { path, lang } of PAGES) {
  for (const [device, viewport] of Object.entries(viewports)) {
    for (const colorScheme of ['light', 'dark']) {
      const { page, context } = await open(browser, site.base + path, { viewport, colorScheme });
      await widgetState(page, 'hello-wasm');
      const name = `${lang}-${device}-${colorScheme}`;
      await page.screenshot({ path: join(out, `${name}-top.png`) });
      await page.locator('[data-widget="hello-wasm"]').scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -200));
      await page.screenshot({ path: join(out, `${name}-widget.png`) });
      await context.close();
      console.log(`wrote ${name}-top.png and ${name}-widget.png`);
    }
  }
}
site.server.close();
await browser.close();
