// Tests the packed npm package as a user gets it (run by `make test-npm`):
//
//   node npm/scripts/test.mjs target/npm/article-annotator-VERSION.tgz
//
// installs the tarball into a fresh temporary project, type-checks the
// example against the package's types (tsc --noEmit), bundles it with
// esbuild for Node and for the browser, and runs npm/test/*.test.mjs there
// with Node's test runner: the package under Node, the bundle in headless
// Chromium. Expected documents come from the CLI (target/release/annotate).

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const npmDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(npmDir, '..');
const tarball = resolve(process.argv[2] ?? '');
if (!process.argv[2] || !existsSync(tarball)) {
  console.error('usage: node npm/scripts/test.mjs PACKAGE.tgz (built by `make npm`)');
  process.exit(2);
}
const cliPath = resolve(root, process.env.ANNOTATOR_CLI ?? 'target/release/annotate');
if (!existsSync(cliPath)) {
  console.error(`${cliPath} is missing: cargo build --release --bin annotate`);
  process.exit(2);
}

const project = mkdtempSync(join(tmpdir(), 'article-annotator-npm-'));
const step = (what, cmd, args) => {
  console.log(`# ${what}`);
  execFileSync(cmd, args, { cwd: project, stdio: 'inherit' });
};
let status = 1;
try {
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'article-annotator-example', private: true, type: 'module' }, null, 2),
  );
  for (const name of readdirSync(join(npmDir, 'test'))) copyFileSync(join(npmDir, 'test', name), join(project, name));
  step('npm install the tarball into a fresh project', 'npm', [
    'install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball,
  ]);
  const bin = (name) => join(npmDir, 'node_modules/.bin', name);
  step('tsc --noEmit on the example', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  step('esbuild: the example for Node', bin('esbuild'), [
    'example.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external', '--outfile=example.mjs',
    '--log-level=warning',
  ]);
  step('esbuild: the example for the browser', bin('esbuild'), [
    'browser-main.ts', '--bundle', '--platform=browser', '--format=esm', '--outfile=dist/example.js',
    '--log-level=warning',
  ]);
  // Browsers fetch the wasm from next to the module: put it next to the bundle.
  mkdirSync(join(project, 'dist'), { recursive: true });
  copyFileSync(
    join(project, 'node_modules/article-annotator/article_annotator_bg.wasm'),
    join(project, 'dist/article_annotator_bg.wasm'),
  );
  writeFileSync(
    join(project, 'dist/index.html'),
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>loading</title>' +
      '<script type="module" src="example.js"></script>',
  );
  console.log('# node --test: the package under Node, the bundle in Chromium');
  execFileSync(process.execPath, ['--test', '--test-concurrency=1', 'node.test.mjs', 'browser.test.mjs'], {
    cwd: project,
    stdio: 'inherit',
    env: {
      ...process.env,
      REPO_ROOT: root,
      ANNOTATOR_CLI: cliPath,
      PLAYWRIGHT_CORE: pathToFileURL(join(root, 'node_modules/playwright-core/index.mjs')).href,
    },
  });
  status = 0;
} catch (e) {
  console.error(`npm package test failed: ${e.message.split('\n')[0]}`);
} finally {
  if (status === 0 || !process.env.KEEP) rmSync(project, { recursive: true, force: true });
  else console.error(`kept ${project}`);
}
process.exit(status);
