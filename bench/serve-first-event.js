// The first event `cxmap serve` sends a page for a generated map of 5,000 steps: its bytes and how long the server
// took to listen and to send it. Goal: under 512 KB (the page fetches the pictures beyond the first screenful as it
// scrolls to them; with every part in it the event was 17.6 MB). Exit 1 when the goal is missed.
// Usage: node bench/serve-first-event.js [steps]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMap } from './generate-map.js';

const steps = Number(process.argv[2] ?? 5000);
const GOAL = 512 * 1024;
const bin = fileURLToPath(new URL('../bin/cxmap.cjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cxmap-bench-serve-'));
writeFileSync(join(dir, 'big.cxmap.yaml'), generateMap(steps));
const start = performance.now();
const server = spawn(process.execPath, [bin, 'serve', 'big.cxmap.yaml', '--port', '0'], { cwd: dir });
try {
  const url = await new Promise((found, fail) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const match = /(http:\S+\/)/.exec(out);
      if (match) found(match[1]);
    });
    server.once('exit', (code) => fail(new Error(`cxmap serve stopped (${code})`)));
  });
  const listening = performance.now() - start;
  const reader = (await fetch(`${url}events`)).body.getReader();
  let bytes = Buffer.alloc(0);
  while (!bytes.includes('\n\n')) bytes = Buffer.concat([bytes, (await reader.read()).value]);
  const event = bytes.subarray(0, bytes.indexOf('\n\n') + 2).length;
  await reader.cancel();
  console.log(`${steps} steps: listening after ${(listening / 1000).toFixed(1)} s; first event ${event} bytes`);
  console.log(`goal: under ${GOAL} bytes: ${event < GOAL ? 'met' : 'MISSED'}`);
  process.exitCode = event < GOAL ? 0 : 1;
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
