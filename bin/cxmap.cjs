#!/usr/bin/env node
// Starts the CLI from its bundle (dist/bundle/cxmap.cjs, made by scripts/bundle.js) with V8's code cache beside it,
// so that a command starts almost as fast as Node itself; without the bundle, from the compiled modules in dist/.
// A cache that does not fit this Node is rejected by V8, and the bundle is then compiled as usual.
// (CommonJS, because Node 20 starts a CommonJS entry sooner than an ES module.)
'use strict';
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

// A reader that stops reading (`cxmap ... | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const bundle = join(__dirname, '..', 'dist', 'bundle', 'cxmap.cjs');
const cache = `${bundle}.cache`;

function fromBundle() {
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), {
    filename: bundle,
    cachedData: existsSync(cache) ? readFileSync(cache) : undefined,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  // scripts/bundle.js sets this once, after the build, to store what this run compiled.
  if (process.env.CXMAP_WRITE_CODE_CACHE)
    process.once('beforeExit', () => writeFileSync(cache, script.createCachedData()));
  return module.exports;
}

(async () => {
  const { run } = existsSync(bundle) ? fromBundle() : await import('../dist/cli.js');
  process.exitCode = await run(process.argv);
})();
