// Builds the npm package into target/npm/package/ and packs it into
// target/npm/article-annotator-VERSION.tgz (run by `make npm`).
//
//   node npm/scripts/pack.mjs VERSION path/to/article_annotator.wasm
//
// The package is the wasm-bindgen `--target web` output (optimised with
// wasm-opt as the page's is), the hand-written entries in npm/src/, the
// types, the licences and a package.json stamped with the workspace version.

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const npmDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(npmDir, '..');
const [version, wasm] = process.argv.slice(2);
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version ?? '') || !wasm) {
  console.error('usage: node npm/scripts/pack.mjs VERSION WASM (VERSION from Cargo.toml [workspace.package])');
  process.exit(2);
}
const outDir = join(root, 'target/npm');
const pkgDir = join(outDir, 'package');
rmSync(pkgDir, { recursive: true, force: true });
mkdirSync(pkgDir, { recursive: true });

const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', pkgDir, resolve(root, wasm)]);
const bg = join(pkgDir, 'article_annotator_bg.wasm');
run('wasm-opt', [
  '-Oz', '--skip-pass=inlining-optimizing', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '--enable-simd', bg, '-o', bg,
]);

for (const name of ['engine.js', 'node.js', 'browser.js']) copyFileSync(join(npmDir, 'src', name), join(pkgDir, name));
copyFileSync(join(npmDir, 'index.d.ts'), join(pkgDir, 'index.d.ts'));
copyFileSync(join(npmDir, 'README.md'), join(pkgDir, 'README.md'));
for (const name of ['LICENSE-MIT', 'LICENSE-APACHE', 'THIRD-PARTY.md', 'CHANGELOG.md']) {
  copyFileSync(join(root, name), join(pkgDir, name));
}

// One version for crate, wheel and package: npm/package.json has none of its own.
const manifest = JSON.parse(readFileSync(join(npmDir, 'package.json'), 'utf8'));
if ('version' in manifest) {
  console.error('npm/package.json must not carry a version: it is stamped from Cargo.toml');
  process.exit(1);
}
const { name, devDependencies, ...rest } = manifest;
writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ name, version, ...rest }, null, 2) + '\n');

const tgz = run('npm', ['pack', '--silent', '--pack-destination', outDir], pkgDir).trim().split('\n').pop();
const tarball = join(outDir, tgz);
const wasmBytes = readFileSync(bg);
console.log(
  `packed ${tarball}: ${statSync(tarball).size} bytes ` +
    `(wasm ${wasmBytes.length} bytes, ${gzipSync(wasmBytes, { level: 9 }).length} gzipped)`,
);
