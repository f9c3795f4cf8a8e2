// Text first, Wasm when needed. The essay is prerendered HTML that reads without any Wasm;
// only the lab's widgets (the page's leptos-island elements) need the app's Wasm. So it is
// fetched once, when the first island comes within a screen of the viewport (usually live
// before the reader can reach a button) or when the reader touches one, whichever is first.
// (An island in a section the browser has not drawn yet, content-visibility, counts as near
// only once its section is drawn, about half a screen ahead.)
// Until the islands are live their widgets say data-state="waking"; a click on one of their
// buttons, or a change to one of their fields, is kept and carried out once they are live.
// Trunk writes this script's preload link with the names of the app's glue and Wasm
// (Trunk.toml: pattern_script), and after-paint.js copies them onto the script it inserts,
// so nothing of the app is requested or preloaded before then.
const script = document.currentScript;
const islands = [...document.querySelectorAll('leptos-island')];
const widgets = islands.flatMap((island) => [...island.querySelectorAll('[data-widget]')]);
// What the reader did before the islands were live, to do again once they are.
const kept = [];
let waking = null;

function wake() {
  if (waking) return waking;
  const states = widgets.map((widget) => widget.dataset.state);
  for (const widget of widgets) {
    widget.dataset.state = 'waking';
    widget.setAttribute('aria-busy', 'true');
  }
  const url = (name) => new URL(script.dataset[name], document.baseURI).href;
  waking = import(url('glue'))
    .then(async (glue) => {
      await glue.default({ module_or_path: url('wasm') });
      // Hydration keeps the attributes the server wrote, so the prerendered states come back
      // first; each widget's own state takes over from there.
      widgets.forEach((widget, i) => {
        widget.dataset.state = states[i];
        widget.removeAttribute('aria-busy');
      });
      for (const island of islands) {
        const hydrate = glue[island.dataset.component];
        if (hydrate) hydrate(island);
        else console.error(`No function for the island ${island.dataset.component}`);
      }
      document.documentElement.dataset.islands = 'live';
      for (const redo of kept.splice(0)) redo();
    })
    .catch((error) => {
      // The text stays; the widgets say what went wrong instead of waking for ever.
      console.error('The lab could not start:', error);
      for (const widget of widgets) {
        widget.dataset.state = 'error';
        widget.removeAttribute('aria-busy');
        const note = widget.querySelector('.widget-waking');
        if (note) {
          note.setAttribute('role', 'alert');
          note.textContent = `${note.dataset.failed} (${error.message})`;
          note.classList.add('failed');
        }
      }
    });
  return waking;
}

// Near: a screen ahead of the viewport, above or below.
const near = new IntersectionObserver(
  (entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      near.disconnect();
      wake();
    }
  },
  { rootMargin: '100% 0px' },
);
// (The island element itself has no box, display: contents; its first child has.)
islands.forEach((island) => near.observe(island.firstElementChild ?? island));

// Touched before live: a button's click is held back and clicked again; a field's input or
// change (a file chosen, a box ticked, an option picked) is sent again, with the field as the
// reader left it.
const live = () => document.documentElement.dataset.islands === 'live';
addEventListener(
  'click',
  (event) => {
    const button = event.target.closest?.('leptos-island button');
    if (!button || live()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    kept.push(() => button.click());
    wake();
  },
  true,
);
for (const type of ['input', 'change']) {
  addEventListener(
    type,
    (event) => {
      const field = event.target.closest?.('leptos-island input, leptos-island select');
      if (!field || live()) return;
      kept.push(() => field.dispatchEvent(new Event(type, { bubbles: true })));
      wake();
    },
    true,
  );
}
// A file dropped on the inspector: its files are copied out of the event (they are readable
// only while it lasts) and dropped again.
addEventListener('dragover', (event) => {
  if (event.target.closest?.('leptos-island') && !live()) event.preventDefault();
}, true);
addEventListener('drop', (event) => {
  const zone = event.target.closest?.('leptos-island .drop-zone');
  if (!zone || live()) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  const files = new DataTransfer();
  for (const file of event.dataTransfer.files) files.items.add(file);
  kept.push(() => zone.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true })));
  wake();
}, true);
for (const type of ['pointerdown', 'focusin', 'dragenter']) {
  addEventListener(type, (event) => event.target.closest?.('leptos-island') && wake(), true);
}
