import { launch, open, startServer, axeSource, widgetState } from './harness.mjs';
const site = await startServer('/');
const browser = await launch();
for (const path of ['', 'en/']) for (const viewport of [{ width: 360, height: 780 }, { width: 1280, height: 860 }]) for (const colorScheme of ['light','dark']) {
  const { page, context } = await open(browser, site.base + path, { viewport, colorScheme });
  await widgetState(page, 'hello-wasm');
  await page.addScriptTag({ content: axeSource });
  const v = await page.evaluate(async () => (await window.axe.run(document, { rules: { 'target-size': { enabled: true } } })).violations.map(v => `${v.impact} ${v.id} x${v.nodes.length}: ${v.nodes.slice(0,3).map(n => n.target.join(' ')).join(' | ')}`));
  console.log(path || 'zh', viewport.width, colorScheme, '\n  ' + v.join('\n  '));
  await context.close();
}
await browser.close(); site.server.close();
