// The browser build of the example: esbuild bundles it with the package's
// browser entry, and the page test calls `runExample` in headless Chromium.

import { run } from './example.js';

declare global {
  interface Window {
    runExample: typeof run;
  }
}

window.runExample = run;
document.title = 'ready';
