// The reader's theme, applied before the first paint: this file loads in <head>, without
// defer, so the page never flashes the other theme. "light" or "dark" is a choice remembered
// in localStorage; nothing stored means "as the system" (tokens.css follows color-scheme).
// Where storage is blocked the choice still holds for the visit (reading.js keeps it).
try {
  const theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage blocked (a privacy setting): the system's theme until the reader picks one.
}
