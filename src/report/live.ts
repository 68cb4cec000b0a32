/**
 * The live page of `cxmap serve`: a page that shows a map's scorecard, top opportunities and pictures, and
 * redraws them (without reloading) each time the server sends the map's new state. A map that is not valid while
 * being typed shows its findings over the last good picture. The pictures are cxmap's drawings, in the parts of a
 * slide (the projector's shape), every view among them: the page draws nothing itself and loads no library.
 */
import type { ExactAnalysis } from '../analysis/index.js';
import type { Ranking } from '../rules/index.js';
import { pixels, type Drawn } from '../render/index.js';
import { blocksHtml, escapeHtml, htmlPage, longLabels, STYLE } from './html.js';
import { headerBlocks, opportunityBlocks, scorecardBlocks } from './report.js';

/**
 * A picture on the live page: cxmap's SVG, or (past the first screenful) the
 * number of a part the page fetches when it scrolls to it, with its size in pixels to hold its place until then.
 */
export type LivePicture = { view: string; caption: string } & (
  { svg: string } | { part: number; width: number; height: number }
);

/** What the live page shows of a valid map, or the findings of one that is not. */
export type LiveState =
  | { ok: true; title: string; html: string; diagrams: LivePicture[] }
  | { ok: false; findings: { line: number; column: number; message: string; code: string }[] };

/** A map's live state, and the SVG of the parts it leaves for the page to fetch, by their number. */
export interface Live {
  state: LiveState;
  parts: readonly string[];
}

/**
 * Characters of SVG sent with the state: pictures past them are fetched by the page as it scrolls to them, so the
 * state of a map of thousands of steps (a thousand parts of a slide) stays small. Some twenty parts of a slide.
 */
export const LIVE_SVG_MAX = 256 * 1024;

/** How many opportunities the live page shows: the best, for the room to discuss. */
const TOP = 5;

/**
 * The state of a valid map: its header, scorecard and top opportunities as HTML, and its pictures, those beyond
 * `LIVE_SVG_MAX` as parts to fetch.
 */
export function liveContent(analysis: ExactAnalysis, ranking: Ranking, diagrams: readonly Drawn[], file: string): Live {
  const blocks = [
    ...headerBlocks(analysis, `${file} · ${analysis.map.steps.length} steps · updated as you save`),
    ...scorecardBlocks(analysis),
    { kind: 'heading' as const, level: 2 as const, text: 'Top opportunities' },
    ...opportunityBlocks(analysis, ranking, { top: TOP }),
  ];
  const parts: string[] = [];
  let sent = 0;
  const picture = (d: Drawn): LivePicture => {
    const named = { view: d.view, caption: d.caption };
    sent += d.svg.length;
    if (sent <= LIVE_SVG_MAX) return { ...named, svg: d.svg };
    // The size its SVG gives itself (its page, or its own size), in whole pixels.
    const box = d.page ?? d.drawing;
    const px = (points: number) => Math.round(pixels(points));
    return { ...named, part: parts.push(d.svg) - 1, width: px(box.width), height: px(box.height) };
  };
  return {
    state: {
      ok: true,
      title: analysis.map.process.name,
      html: blocksHtml(blocks, longLabels(analysis.map)),
      diagrams: diagrams.map(picture),
    },
    parts,
  };
}

/** The page: the state arrives by server-sent events; Mermaid comes from the server, which serves it from the installed package. */
export function livePage(file: string): string {
  const style = `${STYLE}
#findings { position: sticky; top: 0; z-index: 2; background: #fff4ec; border: 2px solid var(--bad); border-radius: 6px; padding: 10px 16px; margin-bottom: 16px; }
#findings h2 { border: 0; margin: 0 0 6px; font-size: 17px; color: var(--bad); }
#findings li { font: 14px ui-monospace, Menlo, Consolas, monospace; }
body.invalid #content { opacity: 0.45; }
body { max-width: none; padding: 24px 32px; }
#layout { display: grid; grid-template-columns: minmax(0, 5fr) minmax(360px, 2fr); gap: 32px; align-items: start; }
#diagrams figure { margin: 0 0 28px; }
#diagrams figure figcaption { color: var(--muted); font-size: 13px; margin-bottom: 4px; text-align: left; }
#diagrams .part { max-width: 100%; margin: 0 auto; border: 1px dashed var(--line); }`;
  const body = `<div id="findings" hidden><h2>The map has a problem: the picture below is the last good one</h2><ul></ul></div>
<div id="content"><div id="layout"><div id="diagrams"></div><div id="summary"><p>Loading ${escapeHtml(file)}…</p></div></div></div>
<script type="module" src="/live.js"></script>`;
  return htmlPage(
    `${file} · cxmap serve`,
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:",
    style,
    body,
  );
}

/**
 * The page's script: shows each new state, swapping everything in at once when all is drawn, and fetches the
 * pictures left out of it as they come near the screen.
 */
export const LIVE_SCRIPT = `let shown = false;
let parts;
let queue = Promise.resolve();
const findings = document.getElementById('findings');
function show(state) {
  if (!state.ok) {
    const list = findings.querySelector('ul');
    list.replaceChildren(...state.findings.map((f) => {
      const li = document.createElement('li');
      li.textContent = 'line ' + f.line + ', column ' + f.column + ': ' + f.message + ' (' + f.code + ')';
      return li;
    }));
    // Opened or reloaded while the map is invalid: the findings over an empty canvas, never a bare "Loading".
    findings.querySelector('h2').textContent = shown
      ? 'The map has a problem: the picture below is the last good one'
      : 'The map has a problem: its picture appears once it is fixed';
    if (!shown) document.getElementById('summary').replaceChildren();
    findings.hidden = false;
    document.body.classList.add('invalid');
    return Promise.resolve();
  }
  return Promise.resolve(state.diagrams.map((d) => d.svg))
    .then((svgs) => {
      // A picture left out of the state holds its place until the page scrolls near it; then it is fetched.
      parts?.disconnect();
      const watching = (parts = new IntersectionObserver((entries) => {
        for (const entry of entries.filter((e) => e.isIntersecting)) {
          const slot = entry.target;
          watching.unobserve(slot);
          fetch(slot.dataset.src)
            .then((r) => (r.ok ? r.text() : undefined))
            .then((svg) => {
              if (svg === undefined || !slot.isConnected) return;
              slot.insertAdjacentHTML('afterend', svg);
              slot.remove();
            })
            // The server stopped: the place stays empty, as the picture of a page that lost its server would.
            .catch(() => undefined);
        }
      }, { rootMargin: '1500px 0px' }));
      const figures = state.diagrams.map((d, i) => {
        const figure = document.createElement('figure');
        figure.dataset.view = d.view;
        const caption = document.createElement('figcaption');
        caption.textContent = d.caption;
        figure.append(caption);
        if (svgs[i] !== undefined) figure.insertAdjacentHTML('beforeend', svgs[i]);
        else {
          const slot = document.createElement('div');
          slot.className = 'part';
          slot.dataset.src = '/parts/' + state.revision + '/' + d.part;
          slot.style.width = d.width + 'px';
          slot.style.aspectRatio = d.width + ' / ' + d.height;
          figure.append(slot);
          watching.observe(slot);
        }
        return figure;
      });
      document.getElementById('diagrams').replaceChildren(...figures);
      document.getElementById('summary').innerHTML = state.html;
      document.title = state.title + ' · cxmap serve';
      findings.hidden = true;
      shown = true;
      document.body.classList.remove('invalid');
    });
}
const events = new EventSource('/events');
events.onmessage = (event) => {
  const state = JSON.parse(event.data);
  queue = queue.then(() => show(state)).catch((error) => console.error(error));
};
`;
