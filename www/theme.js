// Light, dark, or whatever the system prefers; the choice is remembered.

const MODES = ['auto', 'light', 'dark'];
const NAMES = { auto: 'automatic', light: 'light', dark: 'dark' };
const media = window.matchMedia('(prefers-color-scheme: dark)');

export function setupTheme(button, { initial = 'auto', onChange = () => {} } = {}) {
  let mode = MODES.includes(initial) ? initial : 'auto';
  const apply = () => {
    const dark = mode === 'dark' || (mode === 'auto' && media.matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    button.textContent = `Theme: ${mode === 'auto' ? 'auto' : mode}`;
    // The visible words are the name (WCAG 2.5.3, label in name); the title says more.
    button.title = `Colour theme: ${NAMES[mode]}. Click to change it.`;
  };
  button.addEventListener('click', () => {
    mode = MODES[(MODES.indexOf(mode) + 1) % MODES.length];
    apply();
    onChange(mode);
  });
  media.addEventListener('change', apply);
  apply();
}
