/**
 * Mermaid's own drawing of Mermaid text (`cxmap render --engine mermaid`), to SVG, PNG and PDF in headless Chromium,
 * through puppeteer (as mermaid-cli does), but with one browser for the whole command and Mermaid loaded once per
 * page: a small pool of pages takes the diagrams one after another. Optional: mermaid and puppeteer are not among
 * cxmap's dependencies (`npm install @mermaid-js/mermaid-cli` brings both), and cxmap's own drawings never come here.
 */
import { PAGE_MARGIN, type Page as PageSize } from './theme.js';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'puppeteer';
import { UsageError } from '../core/index.js';
import { onPage } from './svg/scene.js';
import { MIN_PNG_WIDTH } from './print/png.js';

interface FoundBrowser {
  path: string;
  /** Where it was found: an environment variable, puppeteer's own download, or the system. */
  source: string;
}

const SYSTEM_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];
const MAC_BROWSERS = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function onPath(name: string): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', `command -v ${name}`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** What to do when Mermaid's engine is not installed: one line. */
export const NO_MERMAID =
  "Mermaid's own drawing (--engine mermaid) needs mermaid-cli and a browser: npm install @mermaid-js/mermaid-cli, and Chromium (or set CXMAP_BROWSER); without them, cxmap draws svg, png and pdf itself";

/** puppeteer, when installed (it comes with mermaid-cli). */
async function puppeteer() {
  try {
    return (await import('puppeteer')).default;
  } catch {
    return undefined;
  }
}

/** Finds a browser: CXMAP_BROWSER, PUPPETEER_EXECUTABLE_PATH, puppeteer's own download, then the usual system names. */
export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser | undefined> {
  for (const name of ['CXMAP_BROWSER', 'PUPPETEER_EXECUTABLE_PATH']) {
    const path = env[name];
    if (!path) continue;
    if (!existsSync(path)) throw new UsageError(`${name} is set to ${path}, which does not exist`);
    return { path, source: name };
  }
  try {
    const own = (await puppeteer())?.executablePath();
    if (own && existsSync(own)) return { path: own, source: "puppeteer's download" };
  } catch {
    // No download of puppeteer's own: look on the system.
  }
  for (const name of SYSTEM_BROWSERS) {
    const path = onPath(name);
    if (path) return { path, source: 'system' };
  }
  const mac = MAC_BROWSERS.find((p) => existsSync(p));
  return mac ? { path: mac, source: 'system' } : undefined;
}

export const NO_BROWSER =
  "no browser found for Mermaid's own drawing: install Chromium (on Debian or Ubuntu: apt-get install chromium) or set CXMAP_BROWSER to the path of Chrome or Chromium; cxmap draws svg, png and pdf itself without one";

/** Mermaid's ESM build (a small core that loads each diagram type's code when first drawn), when installed. */
export function mermaidDist(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.esm.min.mjs'));
  } catch {
    return undefined;
  }
}

/**
 * The page's private origin: every request to it is answered from Mermaid's files on disk, and every other
 * request is refused, so nothing ever leaves the machine. (`.invalid` names can never resolve.)
 */
const ORIGIN = 'https://cxmap.invalid/';

// Mermaid draws some shapes through roughjs, which calls Math.random: a seeded generator (mulberry32), reset
// before every diagram, makes the same text give the same SVG to the byte.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff}</style>
<script>(() => { let s = 1; window.__cxmapSeed = () => { s = 1; }; Math.random = () => { s = (s + 0x6d2b79f5) | 0; let t = Math.imul(s ^ (s >>> 15), 1 | s); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; })();</script>
</head><body><div id="out"></div></body></html>`;

const files = new Map<string, Buffer>();
/** A file of Mermaid's ESM build, by its path in the build; only .mjs files inside it (none without Mermaid). */
export function mermaidFile(path: string): Buffer | undefined {
  const dist = mermaidDist();
  if (!dist) return undefined;
  const full = normalize(join(dist, path));
  if (!full.startsWith(dist) || !full.endsWith('.mjs')) return undefined;
  if (!files.has(full)) {
    if (!existsSync(full)) return undefined;
    files.set(full, readFileSync(full));
  }
  return files.get(full);
}

/**
 * A page with Mermaid loaded and set up: it renders every diagram given to it after that. Opened in a browser, or
 * in a context of one (a window of its own, which paints while other windows do).
 */
export async function mermaidPage(browser: Browser | BrowserContext, theme: Theme): Promise<Page> {
  const page = await browser.newPage();
  await page.emulateTimezone('UTC');
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url === ORIGIN) return void request.respond({ status: 200, contentType: 'text/html', body: PAGE });
    const file = url.startsWith(`${ORIGIN}mermaid/`)
      ? mermaidFile(decodeURIComponent(url.slice(ORIGIN.length + 'mermaid/'.length)))
      : undefined;
    if (file) return void request.respond({ status: 200, contentType: 'text/javascript', body: file });
    return void request.abort();
  });
  await page.goto(ORIGIN);
  // Given as text: a function would be serialised from the transformed source, whose import() test runners rewrite.
  const config = {
    startOnLoad: false,
    securityLevel: 'strict',
    theme,
    deterministicIds: true,
    deterministicIDSeed: 'cxmap',
    flowchart: { htmlLabels: true },
  };
  await page.evaluate(
    `import(${JSON.stringify(`${ORIGIN}mermaid/mermaid.esm.min.mjs`)}).then(({ default: mermaid }) => { window.mermaid = mermaid; mermaid.initialize(${JSON.stringify(config)}); })`,
  );
  return page;
}

export type Theme = 'default' | 'neutral' | 'dark' | 'forest' | 'base';
export const THEMES: Theme[] = ['default', 'neutral', 'dark', 'forest', 'base'];

export interface RenderOptions {
  theme: Theme;
  /** Pixels per point for PNG (a CSS pixel is 3/4 of a point); PNGs are made at least 1800 pixels wide. */
  scale: number;
  /** Pages rendering at the same time. */
  pages: number;
}

export type BrowserFormat = 'svg' | 'png' | 'pdf';

interface RenderJob {
  /** The Mermaid text to draw. */
  mermaid: string;
  /** The SVG's id; keep it stable for byte-identical output. */
  id: string;
  format: BrowserFormat;
  /** The page PNG and PDF are made on (in points); without one, the diagram's own size. */
  page?: PageSize;
}

/** SVG comes back as text, PNG and PDF as bytes. */
type RenderResult = { data: string | Uint8Array } | { error: Error };

/** A diagram that takes longer than this to render is reported as failed instead of holding up the command. */
const JOB_TIMEOUT_MS = 60_000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export class MermaidRenderer {
  private constructor(
    private readonly browser: Browser,
    private readonly pages: Page[],
    private readonly options: RenderOptions,
    private readonly profile: Profile,
  ) {}

  /** Opens the browser; a usage error when Mermaid's engine (mermaid and puppeteer) is not installed. */
  static async open(found: FoundBrowser, options: RenderOptions): Promise<MermaidRenderer> {
    const engine = await puppeteer();
    if (!engine || !mermaidDist()) throw new UsageError(NO_MERMAID);
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const profile = new Profile();
    const launching = engine.launch({
      executablePath: found.path,
      // Our own profile folder and signal handling: puppeteer's handlers swallowed SIGTERM (the command went on
      // and exited 0) and a kill left its profile folder in the temporary directory.
      userDataDir: profile.dir,
      // Chromium's own temporary files go in the profile folder too, so that they go with it.
      env: { ...process.env, TMPDIR: profile.tmp },
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        ...(isRoot ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--font-render-hinting=none',
      ],
    });
    let browser: Browser;
    try {
      browser = await launching;
    } catch (error) {
      profile.remove();
      throw error;
    }
    profile.browser = browser;
    try {
      const pages = await Promise.all(
        // Each page in a context of its own: only the tab in front of a window paints, so pages that shared one
        // window had to take their screenshots and PDFs one at a time.
        Array.from({ length: Math.max(1, options.pages) }, async () =>
          mermaidPage(await browser.createBrowserContext(), options.theme),
        ),
      );
      return new MermaidRenderer(browser, pages, options, profile);
    } catch (error) {
      await browser.close();
      profile.remove();
      throw error;
    }
  }

  /**
   * Renders every job, each page taking the next job as soon as it is free; `done` is called as each finishes
   * (in the order they finish), so that output can be written at once.
   */
  async renderAll(
    jobs: RenderJob[],
    done: (index: number, result: RenderResult) => void | Promise<void>,
  ): Promise<void> {
    let next = 0;
    await Promise.all(
      this.pages.map(async (page) => {
        while (next < jobs.length) {
          const index = next++;
          let result: RenderResult;
          try {
            result = { data: await withTimeout(this.renderOn(page, jobs[index]!), JOB_TIMEOUT_MS, 'rendering') };
          } catch (error) {
            result = { error: error as Error };
          }
          await done(index, result);
        }
      }),
    );
  }

  private async renderOn(page: Page, job: RenderJob): Promise<string | Uint8Array> {
    const { format } = job;
    const svg = await page.evaluate(
      async (text, id) => {
        // Both set up by mermaidPage: the seeded random numbers and the global mermaid.
        const page = window as unknown as {
          __cxmapSeed(): void;
          mermaid: { render(id: string, text: string): Promise<{ svg: string }> };
        };
        page.__cxmapSeed();
        return (await page.mermaid.render(id, text)).svg;
      },
      job.mermaid,
      job.id,
    );
    if (format === 'svg') return job.page ? onPage(svg, job.page) : svg;
    return this.capture(page, await MermaidRenderer.show(page, svg, job.page, PAGE_MARGIN), format);
  }

  private async capture(
    page: Page,
    box: { width: number; height: number },
    format: 'png' | 'pdf',
  ): Promise<Uint8Array> {
    try {
      if (format === 'png') {
        await page.setViewport({
          width: Math.ceil(box.width),
          height: Math.ceil(box.height),
          deviceScaleFactor: Math.max((this.options.scale * 3) / 4, MIN_PNG_WIDTH / box.width),
        });
        const element = await page.$('#out > div');
        return await element!.screenshot({ type: 'png' });
      }
      await page.setViewport({ width: Math.ceil(box.width), height: Math.ceil(box.height) });
      return await page.pdf({
        width: `${Math.ceil(box.width)}px`,
        height: `${Math.ceil(box.height)}px`,
        printBackground: true,
      });
    } finally {
      await page.evaluate(() => (document.getElementById('out')!.innerHTML = ''));
    }
  }

  /**
   * Puts the SVG on the page in a box of its own: the page's size (in CSS pixels, 96 per inch) with the SVG as large
   * as fits inside the margin, centred; without a page, the SVG's natural size. Returns the box's size.
   */
  private static async show(
    page: Page,
    svg: string,
    size: PageSize | undefined,
    margin: number,
  ): Promise<{ width: number; height: number }> {
    return page.evaluate(
      (svg, size, margin) => {
        const out = document.getElementById('out')!;
        out.innerHTML = '';
        const frame = document.createElement('div');
        frame.innerHTML = svg;
        out.append(frame);
        const element = frame.querySelector('svg')!;
        const view = element.viewBox.baseVal;
        const natural = {
          width: view.width || element.width.baseVal.value,
          height: view.height || element.height.baseVal.value,
        };
        const box = size ? { width: (size.width * 4) / 3, height: (size.height * 4) / 3 } : natural;
        const scale = size
          ? Math.min((box.width - 2 * margin) / natural.width, (box.height - 2 * margin) / natural.height)
          : 1;
        element.style.maxWidth = 'none';
        element.setAttribute('width', String(natural.width * scale));
        element.setAttribute('height', String(natural.height * scale));
        Object.assign(frame.style, {
          width: `${box.width}px`,
          height: `${box.height}px`,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          overflow: 'hidden',
          breakAfter: 'page',
        });
        return box;
      },
      svg,
      size ?? null,
      (margin * 4) / 3,
    );
  }

  async version(): Promise<string> {
    return this.browser.version();
  }

  async close(): Promise<void> {
    await this.browser.close();
    this.profile.remove();
  }
}

/**
 * The browser's profile folder, and what happens on Ctrl+C (SIGINT) or SIGTERM while the browser is open: the
 * browser is killed, the folder removed, and the command ends at once with 130 or 143, as a shell expects.
 */
class Profile {
  readonly dir = mkdtempSync(join(tmpdir(), 'cxmap-chromium-'));
  readonly tmp = join(this.dir, 'tmp');
  browser?: Browser;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    const end = () => {
      try {
        this.remove();
      } finally {
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
    };
    // The folder goes once the browser is gone (it writes there until then); a second at most.
    const chromium = this.browser?.process();
    if (!chromium || chromium.exitCode !== null || chromium.signalCode !== null) return end();
    chromium.once('exit', end);
    setTimeout(end, 1000).unref();
    chromium.kill('SIGKILL');
  };

  constructor() {
    mkdirSync(this.tmp);
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  remove(): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
}
