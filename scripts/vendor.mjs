// Copies the page's one third-party module into www/vendor/ as an ES module:
// @mozilla/readability (Apache-2.0), the article extractor behind Firefox's
// Reader View, pinned in package.json. Run by `make build`; no bundler.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = join(root, 'node_modules/@mozilla/readability');
const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const source = readFileSync(join(pkgDir, 'Readability.js'), 'utf8');
if (!/function Readability\(/.test(source)) throw new Error('@mozilla/readability: Readability.js no longer defines Readability');
mkdirSync(join(root, 'www/vendor'), { recursive: true });
writeFileSync(
  join(root, 'www/vendor/readability.js'),
  `// @mozilla/readability ${version} (Apache-2.0), copied from node_modules by scripts/vendor.mjs; do not edit.\n` +
    `${source}\nexport { Readability };\n`,
);
console.log(`vendored @mozilla/readability ${version} into www/vendor/readability.js`);
