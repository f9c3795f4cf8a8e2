// Figures that explain in steps (data-stepped). The prerender draws every step, graphic beside
// text, as small multiples; this script, which needs no Wasm, keeps one graphic at a time in a
// sticky frame while the texts scroll past (IntersectionObserver, no scroll listener), and
// shows buttons that step the figure from the keyboard. Each step's prerendered data-status is
// what the live region says.
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

for (const figure of document.querySelectorAll('[data-stepped]')) {
  const steps = [...figure.querySelectorAll('.step')];
  const controls = figure.querySelector('.step-controls');
  const status = figure.querySelector('.step-status');
  const [previous, next] = controls.querySelectorAll('[data-step-go]');
  let active = -1;
  // While a button's scroll runs, the steps it passes do not count: the reader asked for one.
  let steering = false;
  let steeringTimer;
  const steered = () => { steering = false; clearTimeout(steeringTimer); };

  const show = (i) => {
    if (i === active) return;
    active = i;
    figure.dataset.stepActive = String(i);
    steps.forEach((step, n) => step.toggleAttribute('data-active', n === i));
    if (status.textContent !== steps[i].dataset.status) status.textContent = steps[i].dataset.status;
    // Not `disabled`: a disabled button drops the keyboard focus to the page.
    previous.setAttribute('aria-disabled', String(i === 0));
    next.setAttribute('aria-disabled', String(i === steps.length - 1));
  };

  for (const button of [previous, next]) {
    button.addEventListener('click', () => {
      const i = Math.min(Math.max(active + Number(button.dataset.stepGo), 0), steps.length - 1);
      if (i === active) return;
      show(i);
      steering = true;
      addEventListener('scrollend', steered, { once: true });
      steeringTimer = setTimeout(steered, 1500);
      // Bring the step's text to where scrolling would have shown it; instantly when the
      // reader asks for less motion.
      steps[i].querySelector('.step-text').scrollIntoView({
        block: 'center',
        behavior: reducedMotion.matches ? 'instant' : 'smooth',
      });
    });
  }

  // A step is active while its text crosses a band across the viewport: the middle beside
  // the graphic on a wide screen; on a phone, low, below the graphic that sticks at the top
  // (style/stepped.css), so that the text never covers what it describes.
  const phone = matchMedia('(max-width: 47.99rem)').matches;
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting && !steering) show(steps.indexOf(entry.target.closest('.step')));
    }
  }, { rootMargin: phone ? '-72% 0px -20% 0px' : '-45% 0px -45% 0px' });
  for (const step of steps) observer.observe(step.querySelector('.step-text'));

  controls.hidden = false;
  figure.classList.add('stepping');
  show(0);
}
