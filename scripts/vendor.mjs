// Copies the page's one third-party module into www/vendor/ as an ES module:
// @mozilla/readability (Apache-2.0), the article extractor behind Firefox's
// Reader View, pinned in package.json, minified by terser (its licence
// header kept). Run by `make build`; no bundler.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = join(root, 'node_modules/@mozilla/readability');
const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const source = readFileSync(join(pkgDir, 'Readability.js'), 'utf8');
if (!/function Readability\(/.test(source)) throw new Error('@mozilla/readability: Readability.js no longer defines Readability');
const licence = source.slice(0, source.indexOf('*/') + 2);
const { code } = await minify(`${source}\nexport { Readability };\n`, {
  module: true,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false },
});
mkdirSync(join(root, 'www/vendor'), { recursive: true });
writeFileSync(
  join(root, 'www/vendor/readability.js'),
  `// @mozilla/readability ${version}, minified from node_modules by scripts/vendor.mjs; do not edit.\n${licence}\n${code}\n`,
);
console.log(`vendored @mozilla/readability ${version} into www/vendor/readability.js`);
