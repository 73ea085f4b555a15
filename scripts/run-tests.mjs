#!/usr/bin/env node
// Runs one or more test tiers with node:test. Node 20 does not expand globs, so the files
// are listed here explicitly; a tier that finds or executes no test fails the run, so a
// broken pattern can never pass silently.
//
//   node scripts/run-tests.mjs unit db http     (npm test)
//   TEST_DATABASE_URL=postgres://… node scripts/run-tests.mjs db http   (npm run test:pg)
//   node scripts/run-tests.mjs e2e              (npm run test:e2e)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function walk(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else out.push(relative(root, p));
  }
  return out;
}

const isTest = (f) => /\.test\.tsx?$/.test(f);
const isDbTest = (f) => /\.db\.test\.tsx?$/.test(f);
const tiers = {
  unit: () => walk(join(root, 'src')).filter((f) => isTest(f) && !isDbTest(f)),
  db: () => walk(join(root, 'src')).filter(isDbTest),
  http: () => walk(join(root, 'test/http')).filter(isTest),
  e2e: () => walk(join(root, 'test/e2e')).filter(isTest),
};

const requested = process.argv.slice(2);
if (requested.length === 0 || requested.some((t) => !(t in tiers))) {
  console.error(`用法：node scripts/run-tests.mjs <${Object.keys(tiers).join('|')}>...`);
  process.exit(2);
}

let failed = false;
for (const tier of requested) {
  const files = tiers[tier]().sort();
  if (files.length === 0) {
    console.error(`[${tier}] no test files found`);
    failed = true;
    continue;
  }
  const concurrency =
    tier === 'e2e' ? '1' : String(Math.max(2, (await import('node:os')).availableParallelism()));
  const args = [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    ...files,
  ];
  console.log(
    `\n[${tier}] ${files.length} files${process.env.TEST_DATABASE_URL ? ' on PostgreSQL' : ''}`,
  );
  const res = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(res.stdout ?? '');
  const m = /ℹ tests (\d+)/.exec(res.stdout ?? '');
  const count = m ? Number(m[1]) : 0;
  if (res.status !== 0) failed = true;
  if (count === 0) {
    console.error(`[${tier}] executed zero tests`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
