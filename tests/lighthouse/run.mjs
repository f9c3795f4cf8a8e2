// `cargo xtask bench`'s Lighthouse target: both pages, served from dist/ as a static host
// serves them (tests/e2e/server.mjs: _headers, precompressed files), through Lighthouse's
// mobile preset with its default (simulated) throttling, RUNS times each. The medians of
// each page's runs are judged against the budgets xtask/src/bench.rs states and passes in.
// Every report is saved under target/lighthouse/.
// Usage: node run.mjs <dist> <out dir> <runs> <score budget> <LCP budget, ms> <TBT budget, ms>.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../e2e/server.mjs';

const PAGES = [['zh', ''], ['en', 'en/']];

const [dist, out, ...numbers] = process.argv.slice(2);
const [RUNS, SCORE_BUDGET, LCP_BUDGET_MS, TBT_BUDGET_MS] = numbers.map(Number);
if (!(RUNS > 0 && SCORE_BUDGET > 0 && LCP_BUDGET_MS > 0 && TBT_BUDGET_MS > 0)) {
  throw new Error('usage: node run.mjs <dist> <out dir> <runs> <score budget> <LCP budget, ms> <TBT budget, ms>');
}
mkdirSync(out, { recursive: true });
const server = await serve(dist);
const base = `http://127.0.0.1:${server.address().port}/`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

const problems = [];
try {
  for (const [name, path] of PAGES) {
    const runs = [];
    for (let i = 1; i <= RUNS; i++) {
      const { lhr, report } = await lighthouse(base + path, { port: chrome.port, output: 'json', logLevel: 'error' });
      writeFileSync(join(out, `${name}-${i}.json`), report);
      runs.push(lhr);
    }
    // Each score and each metric is the median of its own RUNS values, as the budgets are
    // stated; a category that misses is explained from the run whose score is that median.
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    const scores = Object.fromEntries(Object.keys(runs[0].categories).map((k) =>
      [k, median(runs.map((r) => Math.round(r.categories[k].score * 100)))]));
    const metric = (id) => median(runs.map((r) => r.audits[id].numericValue));
    const [lcp, tbt, fcp] = ['largest-contentful-paint', 'total-blocking-time', 'first-contentful-paint'].map(metric);
    const bytes = metric('total-byte-weight');
    const each = (id, unit) => runs.map((r) => Math.round(r.audits[id].numericValue)).join(' ') + unit;
    console.log(`${name}: ${Object.entries(scores).map(([k, v]) => `${k} ${v}`).join(', ')}; ` +
      `FCP ${Math.round(fcp)} ms, LCP ${Math.round(lcp)} ms, TBT ${Math.round(tbt)} ms, ${bytes} bytes over the wire ` +
      `(medians of ${RUNS}: performance ${runs.map((r) => Math.round(r.categories.performance.score * 100)).join(' ')}; ` +
      `LCP ${each('largest-contentful-paint', ' ms')}; TBT ${each('total-blocking-time', ' ms')})`);
    for (const [category, score] of Object.entries(scores)) {
      if (score < SCORE_BUDGET) {
        const run = runs.find((r) => Math.round(r.categories[category].score * 100) === score);
        const missed = Object.values(run.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
          .filter((a) => run.categories[category].auditRefs.some((r) => r.id === a.id && r.weight > 0))
          .map((a) => `${a.id} ${a.displayValue ?? a.score}`);
        problems.push(`${name}: ${category} ${score} (${missed.join('; ')})`);
      }
    }
    if (lcp > LCP_BUDGET_MS) problems.push(`${name}: LCP ${Math.round(lcp)} ms, over ${LCP_BUDGET_MS}`);
    if (tbt > TBT_BUDGET_MS) problems.push(`${name}: TBT ${Math.round(tbt)} ms, over ${TBT_BUDGET_MS}`);
  }
} finally {
  await chrome.kill();
  server.close();
}
console.log(`reports: ${out}/`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
