// The page's scripts (steps.js, reading.js, islands.js) run once the first frame is on
// screen, not in the parser's last task, where a deferred script would run: the text is
// painted before any script, and no script waits on the layout of the whole page. Their
// <link rel="preload"> tags in index.html have fetched them by then. Inlined into the page
// by the prerender (no request), allowed by its hash in the content-security policy.
const runScripts = () => {
  const links = [...document.querySelectorAll('link[data-after-paint]')];
  for (const link of links) {
    const script = document.createElement('script');
    script.src = link.href;
    // In the links' order, as deferred scripts would be.
    script.async = false;
    Object.assign(script.dataset, link.dataset);
    // Once the last has run, the page says so (the browser tests wait for it).
    if (link === links.at(-1)) script.onload = () => { document.documentElement.dataset.scripts = 'run'; };
    document.head.append(script);
  }
};
// A page opened in a background tab draws no frame until it is shown: nothing to wait for.
addEventListener('DOMContentLoaded', () => {
  if (document.visibilityState === 'hidden') runScripts();
  else requestAnimationFrame(() => requestAnimationFrame(runScripts));
});
