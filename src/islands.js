// Brings the page's islands to life once Trunk has loaded the app's Wasm. Each island
// element (leptos-island) is hydrated by the wasm-bindgen export its data-component names, in document
// order; the prose around the islands is static HTML and stays untouched.
addEventListener('TrunkApplicationStarted', () => {
  const bindings = window.wasmBindings;
  for (const island of document.querySelectorAll('leptos-island')) {
    const hydrate = bindings[island.dataset.component];
    if (hydrate) {
      hydrate(island);
    } else {
      console.error(`No function for the island ${island.dataset.component}`);
    }
  }
});
