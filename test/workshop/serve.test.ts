/**
 * `cxmap serve` in headless Chromium: the page shows the map's pictures (cxmap's drawings); a saved change shows within 2 seconds; an invalid map shows its findings over the last
 * picture; fixing it brings the diagram back. Nothing is fetched from outside.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { ROOT } from '../helpers/cli.js';
import { findBrowser } from '../../src/render/browser.js';
import { generateMap } from '../../bench/generate-map.js';
import { needs } from '../helpers/tools.js';

const noBrowser = needs('chromium');

const MAP = readFileSync(join(ROOT, 'test/fixtures/improve/account.cxmap.yaml'), 'utf8');
let dir: string;
let server: ChildProcess;
let url: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];

/** Starts `cxmap serve` with these arguments (and --port 0) in `cwd`; resolves once it says where it listens. */
async function serve(args: string[], cwd: string): Promise<{ process: ChildProcess; port: string }> {
  const started = spawn(process.execPath, [join(ROOT, 'bin/cxmap.cjs'), 'serve', ...args, '--port', '0'], { cwd });
  const port = await new Promise<string>((found, fail) => {
    let out = '';
    started.stdout.on('data', (d) => {
      out += d;
      const match = /:(\d+)\//.exec(out);
      if (match) found(match[1]!);
    });
    started.once('exit', (code) => fail(new Error(`cxmap serve stopped (${code})`)));
  });
  return { process: started, port };
}

beforeAll(async () => {
  if (noBrowser) return;
  dir = mkdtempSync(join(tmpdir(), 'cxmap-serve-'));
  writeFileSync(join(dir, 'account.cxmap.yaml'), MAP);
  const started = await serve(['account.cxmap.yaml'], dir);
  server = started.process;
  url = `http://127.0.0.1:${started.port}/`;
  browser = await puppeteer.launch({
    executablePath: (await findBrowser())!.path,
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1600, height: 1000 });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(String(e)));
});
afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

/** Saves the map and returns how long the page took to satisfy `seen`. */
async function saveAndWait(text: string, seen: () => boolean): Promise<number> {
  const start = Date.now();
  writeFileSync(join(dir, 'account.cxmap.yaml'), text);
  await page.waitForFunction(seen, { timeout: 5_000, polling: 50 });
  return Date.now() - start;
}

describe.skipIf(noBrowser)('cxmap serve', () => {
  it('shows the diagrams, the scorecard and the top opportunities of the map', async () => {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll('#diagrams figure svg').length === 2, {
      timeout: 20_000,
    });
    expect(await page.$$eval('#diagrams figure', (fs) => fs.map((f) => f.getAttribute('data-view')))).toEqual([
      'blueprint',
      'journey',
    ]);
    expect(await page.$eval('#summary h1', (h) => h.textContent)).toBe('Open an account');
    expect(await page.$eval('#summary', (s) => s.textContent)).toContain('Top opportunities');
  });

  it('draws a new step within 2 seconds of the save', async () => {
    const added = MAP.replace(
      '{ to: open, chance: 90%, label: fine }',
      '{ to: welcome, chance: 90%, label: fine }',
    ).replace(
      '\n  - { id: open',
      '\n  - { id: welcome, name: Welcome call to the new customer, actor: desk, channel: phone, work: 10m, next: open }\n  - { id: open',
    );
    // cxmap's blueprint: a wrapped name is a <text> per line.
    const ms = await saveAndWait(added, () =>
      Array.from(document.querySelectorAll('#diagrams figure[data-view="blueprint"] svg text'))
        .map((t) => t.textContent)
        .join(' ')
        .includes('Welcome call to the new customer'),
    );
    expect(ms).toBeLessThan(2_000);
  });

  it('shows the findings of an invalid map over the last picture, and the diagram again once fixed', async () => {
    const broken = MAP.replace('    next: check\n', '    next: chek\n');
    await saveAndWait(broken, () => !document.getElementById('findings')!.hidden);
    const finding = await page.$eval('#findings li', (li) => li.textContent);
    expect(finding).toMatch(
      /^line \d+, column \d+: step `rekey` goes to `chek`, which is not a step \(did you mean `check`\?\) \(unknown-step\)$/,
    );
    // The last good picture: the map with the welcome call, whose blueprint takes two parts of a 16:9 slide.
    expect(await page.$$eval('#diagrams figure svg', (s) => s.length)).toBe(3);
    if (process.env.UPDATE_DOCS_IMAGES)
      writeFileSync(join(ROOT, 'docs/images/serve-invalid.png'), await page.screenshot({ type: 'png' }));
    // Someone opens (or reloads) the page while the map is invalid: the findings over the last good picture.
    const late = await browser.newPage();
    await late.goto(url);
    await late.waitForFunction(
      () =>
        !document.getElementById('findings')!.hidden && document.querySelectorAll('#diagrams figure svg').length === 3,
      { timeout: 20_000 },
    );
    expect(await late.$eval('#findings h2', (h) => h.textContent)).toBe(
      'The map has a problem: the picture below is the last good one',
    );
    expect(await late.$eval('#summary', (s) => s.textContent)).not.toContain('Loading');
    await late.close();
    await saveAndWait(
      MAP,
      () => document.getElementById('findings')!.hidden && !document.body.classList.contains('invalid'),
    );
    expect(await page.$eval('#diagrams figure[data-view="blueprint"] svg', (s) => s.textContent)).not.toContain(
      'Welcome call',
    );
    if (process.env.UPDATE_DOCS_IMAGES)
      writeFileSync(join(ROOT, 'docs/images/serve.png'), await page.screenshot({ type: 'png' }));
  });

  it('refuses a port in use in one line, exit 2, and serves nothing outside its own files', async () => {
    const { spawnSync } = await import('node:child_process');
    const port = new URL(url).port;
    const busy = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/cxmap.cjs'), 'serve', 'account.cxmap.yaml', '--port', port],
      { cwd: dir, encoding: 'utf8', timeout: 10_000 },
    );
    expect(busy.status).toBe(2);
    expect(busy.stderr).toBe(
      `cxmap: port ${port} is already in use: choose another with --port (or --port 0 for any free one)\n`,
    );
    for (const path of ['mermaid/..%2f..%2fpackage.json', 'account.cxmap.yaml', 'mermaid/../../package.json'])
      expect((await fetch(`${url}${path}`)).status).toBe(404);
  });

  it('survives malformed requests, answers only GET and HEAD, and only under its own host names', async () => {
    const { connect } = await import('node:net');
    const { port } = new URL(url);
    const raw = (request: string) =>
      new Promise<string>((done) => {
        let answer = '';
        const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
        socket.on('data', (d) => (answer += String(d)));
        socket.on('close', () => done(answer.split('\r\n')[0]!));
        socket.on('error', () => done('error'));
      });
    const host = `Host: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`;
    // A path that does not decode is a path like any other: not found, and the server answers on.
    expect(await raw(`GET /parts/%C0 HTTP/1.1\r\n${host}`)).toBe('HTTP/1.1 404 Not Found');
    expect(await raw(`GET http://[bad HTTP/1.1\r\n${host}`)).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(`POST / HTTP/1.1\r\nContent-Length: 0\r\n${host}`)).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(await raw(`DELETE /events HTTP/1.1\r\n${host}`)).toBe('HTTP/1.1 405 Method Not Allowed');
    // DNS rebinding: another site's name pointed at this machine gets nothing, the map's events least of all.
    expect(await raw(`GET /events HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`)).toBe(
      'HTTP/1.1 403 Forbidden',
    );
    expect(await raw(`GET / HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`)).toBe('HTTP/1.1 200 OK');
    expect(await raw(`HEAD / HTTP/1.1\r\n${host}`)).toBe('HTTP/1.1 200 OK');
    // Still serving.
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/live.js');
  });

  it('opened on an invalid map, shows its findings on an empty canvas; warns when it listens beyond this computer', async () => {
    const other = mkdtempSync(join(tmpdir(), 'cxmap-serve-'));
    const map = join(other, 'draft.cxmap.yaml');
    writeFileSync(map, MAP.replace('    next: check\n', '    next: chek\n'));
    const { process: second, port } = await serve([map, '--host', '0.0.0.0'], other);
    let err = '';
    second.stderr!.on('data', (d) => (err += d));
    try {
      for (let i = 0; i < 100 && !err.endsWith('\n'); i++) await new Promise((r) => setTimeout(r, 20));
      expect(err).toBe(
        'cxmap: warning: listening on 0.0.0.0, so anyone who can reach this machine can see the map; leave out --host to keep it to this computer\n',
      );
      const fresh = await browser.newPage();
      await fresh.goto(`http://127.0.0.1:${port}/`);
      await fresh.waitForFunction(() => !document.getElementById('findings')!.hidden, { timeout: 20_000 });
      expect(await fresh.$eval('#findings h2', (h) => h.textContent)).toBe(
        'The map has a problem: its picture appears once it is fixed',
      );
      expect(await fresh.$eval('#summary', (s) => s.textContent)).toBe('');
      // The map becomes a folder: the page says so, the server goes on.
      rmSync(map);
      mkdirSync(map);
      await fresh.waitForFunction(() => document.querySelector('#findings li')?.textContent?.includes('a folder'), {
        timeout: 5_000,
      });
      await fresh.close();
      expect(second.exitCode).toBeNull();
    } finally {
      second.kill('SIGTERM');
    }
  });

  it('shows the timeline too, drawn by cxmap like the others (no Mermaid fetched)', async () => {
    const { process: timeline, port } = await serve(['account.cxmap.yaml', '--view', 'blueprint,timeline'], dir);
    try {
      const other = await browser.newPage();
      const fetched: string[] = [];
      other.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await other.goto(`http://127.0.0.1:${port}/`);
      await other.waitForFunction(() => document.querySelectorAll('#diagrams figure svg').length === 2, {
        timeout: 20_000,
      });
      expect(await other.$$eval('#diagrams figure', (fs) => fs.map((f) => f.getAttribute('data-view')))).toEqual([
        'blueprint',
        'timeline',
      ]);
      // cxmap's drawings, without a style sheet; Mermaid is not loaded.
      expect(await other.$$eval('#diagrams figure svg style', (styles) => styles.length)).toBe(0);
      expect(fetched.some((path) => path.startsWith('/mermaid/'))).toBe(false);
      await other.close();
    } finally {
      timeline.kill('SIGTERM');
    }
  });

  it('shows a large map: the first pictures at once, each other one fetched when the page scrolls to it', async () => {
    const large = mkdtempSync(join(tmpdir(), 'cxmap-serve-'));
    writeFileSync(join(large, 'big.cxmap.yaml'), generateMap(400));
    const { process: big, port } = await serve(['big.cxmap.yaml'], large);
    try {
      const other = await browser.newPage();
      await other.setViewport({ width: 1600, height: 1000 });
      const parts: string[] = [];
      other.on('request', (r) => void (new URL(r.url()).pathname.startsWith('/parts/') && parts.push(r.url())));
      await other.goto(`http://127.0.0.1:${port}/`);
      await other.waitForFunction(() => document.querySelectorAll('#diagrams figure').length > 0, { timeout: 30_000 });
      const count = () =>
        other.$$eval('#diagrams figure', (fs) => ({
          figures: fs.length,
          drawn: fs.filter((f) => f.querySelector('svg')).length,
          waiting: fs.filter((f) => f.querySelector('.part')).length,
        }));
      const opened = await count();
      // Every picture has its place; those beyond the first screenful wait for the page to come near them.
      expect(opened.drawn + opened.waiting).toBe(opened.figures);
      expect(opened.waiting).toBeGreaterThan(0);
      const fetchedFirst = parts.length;
      expect(fetchedFirst).toBeLessThan(opened.waiting);
      await other.$eval('#diagrams figure:last-child', (f) => f.scrollIntoView());
      await other.waitForFunction(() => document.querySelector('#diagrams figure:last-child svg') !== null, {
        timeout: 10_000,
      });
      // Only what came near the screen was fetched, not every part.
      expect(parts.length).toBeGreaterThan(fetchedFirst);
      expect((await count()).waiting).toBeGreaterThan(0);
      await other.close();
    } finally {
      big.kill('SIGTERM');
    }
  });

  it('fetched nothing but its own page, script and events (no Mermaid: no timeline), and logged no error', () => {
    expect(requests.filter((r) => !r.startsWith(url))).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.some((r) => r.includes('/mermaid/'))).toBe(false);
  });
});
