/**
 * `cxmap report` end to end: Markdown, JSON, and the self-contained HTML opened in headless Chromium (its diagrams
 * drawn, no console error, no network request), drawn with one browser for all the maps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer';
import { cxmap } from '../helpers/cli.js';
import { findBrowser } from '../../src/render/browser.js';

let dir: string;
let browser: Browser;
let chromium: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxmap-report-'));
  chromium = (await findBrowser())!.path;
  browser = await puppeteer.launch({
    executablePath: chromium,
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a report and returns what a reader's browser saw: requests other than the file, errors, drawn diagrams. */
async function open(file: string) {
  const page = await browser.newPage();
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const errors: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
    void (r.url() === url ? r.continue() : r.abort());
  });
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(String(e)));
  await page.setViewport({ width: 1280, height: 1000 });
  await page.goto(url, { waitUntil: 'load' });
  // Drawn: every figure holds an SVG with a size (at once when inlined; once Mermaid has run otherwise).
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('figure')).every(
        (f) => (f.querySelector('svg')?.getBoundingClientRect().width ?? 0) > 100,
      ),
    { timeout: 30_000 },
  );
  const figures = await page.$$eval('figure', (fs) => fs.map((f) => f.getAttribute('data-view')));
  return { page, requests, errors, figures };
}

describe('cxmap report', () => {
  it('reports every example with one browser start, the same bytes twice', () => {
    // A wrapper that logs each start of the browser.
    const log = join(dir, 'starts.log');
    const wrapper = join(dir, 'chromium.sh');
    writeFileSync(wrapper, `#!/bin/sh\necho start >> '${log}'\nexec '${chromium}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const a = cxmap(['report', 'examples/*.cxmap.yaml', '--out', join(dir, 'a')], { env: { CXMAP_BROWSER: wrapper } });
    expect(a.stderr).toBe('');
    expect(a.status).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('start\n');
    const files = readdirSync(join(dir, 'a')).sort();
    expect(files).toEqual(
      ['broadband-installation', 'car-insurance-claim', 'home-loan', 'hospital-referral'].map(
        (n) => `${n}.report.html`,
      ),
    );
    expect(cxmap(['report', 'examples/*.cxmap.yaml', '--out', join(dir, 'b')]).status).toBe(0);
    for (const f of files)
      expect(readFileSync(join(dir, 'b', f), 'utf8')).toBe(readFileSync(join(dir, 'a', f), 'utf8'));
  });

  it('HTML with inlined SVG: drawn, no console error, no network request, no script', async () => {
    const file = join(dir, 'a', 'home-loan.report.html');
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; script-src 'none'"`,
    );
    const { page, requests, errors, figures } = await open(file);
    expect(figures).toEqual(['time', 'blueprint', 'journey', 'matrix']);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Apply for a home loan');
    // The top of the page, for the docs (refreshed with UPDATE_DOCS_IMAGES=1).
    const png = await page.screenshot({
      type: 'png',
      clip: { x: 0, y: 0, width: 1280, height: 2000 },
      captureBeyondViewport: true,
    });
    expect(Buffer.from(png).subarray(1, 4).toString()).toBe('PNG');
    if (process.env.UPDATE_DOCS_IMAGES) writeFileSync('docs/images/home-loan.report.png', png);
    await page.close();
  });

  it('HTML of a map with its volume and costs: the business case in the scorecard and the opportunities', async () => {
    const { page } = await open(join(dir, 'a', 'broadband-installation.report.html'));
    const cells = await page.$$eval('table tr', (rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())),
    );
    expect(cells).toContainEqual(['Cost to serve a case', '190.90', '', '']);
    expect(cells).toContainEqual(['Staff hours a year', '74,611', '', '']);
    expect(cells.find((r) => r[1] === 'Opportunity')).toContain('Saved a year');
    await page.close();
  });

  it('HTML without a browser draws its diagrams in the page, offline, without errors', async () => {
    const out = join(dir, 'inline');
    const r = cxmap(['report', 'examples/hospital-referral.cxmap.yaml', '--out', out], {
      env: { PATH: '/nonexistent', CXMAP_BROWSER: '', PUPPETEER_EXECUTABLE_PATH: '' },
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      'cxmap: no browser found: the HTML will draw its diagrams itself, with Mermaid inlined (install Chromium for inlined SVG)\n',
    );
    const file = join(out, 'hospital-referral.report.html');
    expect(readFileSync(file, 'utf8').match(/<pre class="mermaid">/g)).toHaveLength(4);
    const { page, requests, errors, figures } = await open(file);
    expect(figures).toEqual(['time', 'blueprint', 'journey', 'matrix']);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Markdown for GitHub: header, scorecard against targets, diagrams as mermaid blocks, ranked opportunities', () => {
    const out = join(dir, 'md');
    expect(cxmap(['report', 'test/fixtures/reference.cxmap.yaml', '--format', 'md', '--out', out]).status).toBe(0);
    const md = readFileSync(join(out, 'reference.report.md'), 'utf8');
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Open a business account');
    expect(lines).toContain('| Lead time | 6.8 d | 5.0 d | 🔴 missed by 1.8 d |');
    expect(lines).toContain('| Neobank | Lead time | 2.0 d | 6.8 d | 🔴 3.4× as long |');
    expect(md.match(/^```mermaid$/gm)).toHaveLength(4);
    // The business case, worked by hand in docs/scoring.md, and what each opportunity saves a year.
    expect(lines).toContain('| Cost to serve a case | 191.60 |  |  |');
    expect(lines).toContain('| Cost a year | 229,920 |  |  |');
    expect(lines).toContain('| \\# | Opportunity | Lead time | Other effects | Saved a year | Steps | Why |');
    // prevent-rework: a third of a back-office hour less per case, at 45 an hour, 1,200 cases a year.
    expect(lines.find((l) => l.includes('(prevent-rework)'))).toContain(
      '| cost −18,000, staff hours −400, customer days −1,225 |',
    );
    expect(lines.find((l) => l.startsWith('| 1 |'))).toMatch(
      /^\| 1 \| Close the gap: \d+ opportunities together \(beat-benchmark\) \| 🟢 −/,
    );
  });

  it('JSON with everything: metrics, steps, opportunities ranked by computed saving, evidence, diagrams', () => {
    const out = join(dir, 'json');
    expect(cxmap(['report', 'examples/home-loan.cxmap.yaml', '--format', 'json', '--out', out]).status).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'home-loan.report.json'), 'utf8'));
    expect(json.process.name).toBe('Apply for a home loan');
    const savings = json.opportunities.map((o: { saving: { leadTime: number } }) => o.saving.leadTime);
    expect(savings).toEqual([...savings].sort((a: number, b: number) => b - a));
    expect(json.opportunities[0].rule).toBe('beat-benchmark');
    // The home-loan map gives no volume or costs: the business case is null, not left out.
    expect(json.metrics.costPerCase).toBeNull();
    expect(json.metrics.yearly).toEqual({ staffHours: null, cost: null, customerDays: null, customerCost: null });
    expect(json.opportunities[0].yearly).toEqual({
      staffHours: null,
      cost: null,
      customerDays: null,
      customerCost: null,
    });
    // The evidence classes count the steps as the map says them.
    const text = readFileSync('examples/home-loan.cxmap.yaml', 'utf8');
    const count = (e: string) => (text.match(new RegExp(`^\\s+evidence: ${e}\\b`, 'gm')) ?? []).length;
    expect(json.evidence.map((e: { evidence: string; steps: number }) => [e.evidence, e.steps])).toEqual([
      ['measured', count('measured')],
      ['observed', count('observed')],
      ['assumed', count('assumed')],
      ['not given', json.steps.length - count('measured') - count('observed') - count('assumed')],
    ]);
    expect(json.diagrams.map((d: { view: string }) => d.view)).toEqual(['time', 'blueprint', 'journey', 'matrix']);
    expect(json.timeSplit.reduce((s: number, x: { seconds: number }) => s + x.seconds, 0)).toBeCloseTo(
      json.metrics.leadTimeSeconds,
      2,
    );
  });
});
