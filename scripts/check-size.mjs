// Sums the gzipped size of every file the page downloads (www/ after
// `make build`) and fails when it is past the budget in size-budget.json.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const www = join(root, 'www');
const budget = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8')).page_gzip_bytes;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (!name.startsWith('.') && !name.endsWith('.d.ts') && name !== 'package.json') yield path;
  }
}

let raw = 0;
let gz = 0;
const rows = [];
for (const path of files(www)) {
  const bytes = readFileSync(path);
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += g;
  rows.push([relative(www, path), bytes.length, g]);
}
rows.sort((a, b) => b[2] - a[2]);
for (const [name, r, g] of rows) console.log(`${String(g).padStart(9)} gz ${String(r).padStart(9)} raw  ${name}`);
console.log(`page total: ${gz} bytes gzipped (${raw} raw); budget ${budget}`);
if (!rows.some(([name]) => name.endsWith('.wasm'))) {
  console.error('no .wasm in www/: run `make build` first');
  process.exit(1);
}
if (gz > budget) {
  console.error(`the page is ${gz - budget} bytes over its gzipped budget of ${budget} (size-budget.json)`);
  process.exit(1);
}
