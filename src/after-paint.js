// The page's scripts (steps.js, reading.js, islands.js) run once the first frame is on
// screen, not in the parser's last task, where a deferred script would run: the text is
// painted before any script, and no script waits on the layout of the whole page. Their
// <link rel="preload"> tags in index.html have fetched them by then. Inlined into the page
// by the prerender (no request), allowed by its hash in the content-security policy.
addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => requestAnimationFrame(() => {
  for (const link of document.querySelectorAll('link[data-after-paint]')) {
    const script = document.createElement('script');
    script.src = link.href;
    // In the links' order, as deferred scripts would be.
    script.async = false;
    Object.assign(script.dataset, link.dataset);
    document.head.append(script);
  }
})));
