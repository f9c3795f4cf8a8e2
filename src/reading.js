// Reading aids that need no Wasm: where the reader is (the contents link of the section in
// view gets aria-current, and a bar shows how far they have read), the contents menu that
// closes once a link in it is followed, each section heading's copy-link button, and the
// theme switch. Without JavaScript the contents are plain links and the rest stays hidden.
const root = document.documentElement;

// Where am I: the last section whose top has passed a third of the way down the window.
const sections = [...document.querySelectorAll('main section[id]')];
const links = [...document.querySelectorAll('.contents a, .contents-menu a')];
const progress = document.querySelector('.reading-progress');
let scheduled = false;
const update = () => {
  scheduled = false;
  const line = innerHeight / 3;
  const current = sections.filter((s) => s.getBoundingClientRect().top < line).pop();
  const hash = current ? `#${current.id}` : null;
  for (const link of links) {
    if (link.getAttribute('href') === hash) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
  const scrollable = root.scrollHeight - innerHeight;
  const read = scrollable > 0 ? Math.min(1, Math.max(0, scrollY / scrollable)) : 1;
  progress?.style.setProperty('--read', read.toFixed(4));
};
const schedule = () => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(update);
  }
};
addEventListener('scroll', schedule, { passive: true });
addEventListener('resize', schedule);
// In the first frame's own layout, not in one forced before it.
schedule();

// A link's jump to a section, a claim or a source lands where the sizes assumed for the
// sections not yet drawn put it (style/section-heights.css); the sections drawn around it take
// their real sizes a frame or two later and move it. So it is landed again in each of the next
// frames (about a fifth of a second), unless the reader scrolls or presses a key first. (Not
// for a page opened at #…, whose reader may scroll at once, nor on Back or Forward, where the
// browser puts back where the reader was.)
const LANDING_FRAMES = 12;
let landing = 0;
for (const type of ['wheel', 'touchstart', 'keydown']) {
  addEventListener(type, () => { landing = 0; }, { passive: true });
}
const target = (hash) => {
  const id = hash.slice(1);
  let decoded = id;
  try { decoded = decodeURIComponent(id); } catch { /* a malformed escape: the id as written */ }
  return id && (document.getElementById(id) ?? document.getElementById(decoded));
};
const land = (hash) => {
  landing = LANDING_FRAMES;
  const again = () => requestAnimationFrame(() => {
    // Only while the page is still at that target (a link's click may have been cancelled).
    const element = landing > 0 && location.hash === hash && target(hash);
    if (!element) return;
    landing -= 1;
    element.scrollIntoView({ behavior: 'instant' });
    again();
  });
  again();
};
addEventListener('click', (event) => {
  const link = event.target.closest?.('a[href^="#"]');
  if (link) land(link.hash);
});

// The other language's page opens where the reader is: the link takes the current #section.
const languageLink = document.querySelector('a.language-link');
languageLink?.addEventListener('click', () => {
  languageLink.href = languageLink.href.split('#')[0] + location.hash;
});

// The phone's contents menu closes when the reader follows one of its links.
const menu = document.querySelector('.contents-menu');
menu?.addEventListener('click', (event) => {
  if (event.target.closest('a')) menu.open = false;
});

// Copy-link buttons: the section's address on the clipboard, and a word that says so.
for (const button of document.querySelectorAll('[data-copy-link]')) {
  button.hidden = false;
  const status = button.nextElementSibling;
  button.addEventListener('click', async () => {
    const url = new URL(button.dataset.copyLink, location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = button.dataset.copied;
    } catch {
      // No clipboard here (an insecure origin, a refusal): the address to copy by hand.
      status.textContent = url;
    }
    setTimeout(() => { status.textContent = ''; }, 4000);
  });
}

// The theme switch: as the system, light or dark; remembered where storage is allowed.
const themes = document.querySelector('.theme-switch');
if (themes) {
  const select = themes.querySelector('select');
  select.value = root.dataset.theme ?? 'auto';
  themes.hidden = false;
  const colour = () => getComputedStyle(root).backgroundColor;
  const themeColour = () => {
    for (const meta of document.querySelectorAll('meta[name="theme-color"]')) {
      if (root.dataset.theme) meta.content = colour();
      else meta.content = meta.dataset.system;
    }
  };
  select.addEventListener('change', () => {
    if (select.value === 'auto') delete root.dataset.theme;
    else root.dataset.theme = select.value;
    try {
      if (select.value === 'auto') localStorage.removeItem('theme');
      else localStorage.setItem('theme', select.value);
    } catch {
      // Storage blocked: the choice lasts for this visit.
    }
    themeColour();
  });
  themeColour();
}
