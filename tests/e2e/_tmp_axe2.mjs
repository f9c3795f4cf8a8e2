import { launch, open, startServer, axeSource, widgetState } from './harness.mjs';
const site = await startServer('/');
const browser = await launch();
const { page, context } = await open(browser, site.base + 'en/', { viewport: { width: 1280, height: 860 } });
await widgetState(page, 'hello-wasm');
await page.addScriptTag({ content: axeSource });
const v = await page.evaluate(async () => (await window.axe.run(document, { rules: { 'target-size': { enabled: true } } })).violations);
for (const x of v) {
  const kinds = {};
  for (const n of x.nodes) { const k = n.html.replace(/href="[^"]*"/, 'href').replace(/>[^<]*</, '>…<').slice(0, 90); kinds[k] = (kinds[k] || 0) + 1; }
  console.log(x.id, x.impact, JSON.stringify(kinds, null, 1).slice(0, 1500));
  if (x.id !== 'target-size') console.log(x.nodes.map(n => n.html.slice(0, 200) + ' :: ' + n.failureSummary).join('\n'));
}
await context.close(); await browser.close(); site.server.close();
