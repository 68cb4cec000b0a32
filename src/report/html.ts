/**
 * A report as one self-contained HTML file: styles inline, pictures inline as the SVG cxmap draws (no browser, no
 * script). Its content security policy lets it load nothing from anywhere, so it opens offline and can never call
 * out. Printable on A4 landscape: each picture (in the parts of a slide: `flowPictures`) prints whole on its page,
 * at 84% of its size or more, so its text is never under 9 pt on paper; a heading stays on the page of what
 * follows it.
 */
import { printable } from '../core/index.js';
import { cut, LABEL_MAX, PALETTE, type Drawn } from '../render/index.js';
import { cellText, cellTone, spans, type Block } from './document.js';

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The long labels of maps, by the first `KEY` characters of each, the longest first. */
export type LongLabels = ReadonlyMap<string, readonly string[]>;
const KEY = 24;

/**
 * Every text of the maps longer than `LABEL_MAX` characters: a process, stage or step name, a piece of evidence, a
 * fail point. A report names a step in its rows, sentences and headings; the HTML shows such a label cut, as the
 * drawings do, with its whole text as a tooltip, so that a 10 KB name is not printed whole everywhere it is named.
 */
export function longLabels(...maps: readonly object[]): LongLabels {
  const found = new Set<string>();
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      // As written, and as the report prints it (printable() leaves out what a terminal or a page must not show).
      if (value.length > LABEL_MAX && cut(value).tip !== undefined) found.add(value).add(printable(value));
    } else if (value !== null && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      Object.values(value).forEach(visit);
    }
  };
  maps.forEach(visit);
  const labels = new Map<string, string[]>();
  for (const label of [...found].sort((a, b) => b.length - a.length)) {
    const key = label.slice(0, KEY);
    labels.set(key, [...(labels.get(key) ?? []), label]);
  }
  return labels;
}

/** Text as runs, each long label in it cut to `LABEL_MAX` characters with its whole text as `tip`. */
function cutLabels(text: string, labels: LongLabels): { text: string; tip?: string }[] {
  if (labels.size === 0) return [{ text }];
  const runs: { text: string; tip?: string }[] = [];
  let from = 0;
  for (let i = 0; i + KEY <= text.length; i++) {
    const label = labels.get(text.slice(i, i + KEY))?.find((l) => text.startsWith(l, i));
    if (label === undefined) continue;
    if (i > from) runs.push({ text: text.slice(from, i) });
    runs.push(cut(label));
    from = i + label.length;
    i = from - 1;
  }
  if (from < text.length) runs.push({ text: text.slice(from) });
  return runs;
}

/** Plain text as HTML, a long label cut with its whole text as a tooltip. */
const plain = (text: string, labels: LongLabels) =>
  cutLabels(text, labels)
    .map((r) =>
      r.tip === undefined ? escapeHtml(r.text) : `<span title="${escapeHtml(r.tip)}">${escapeHtml(r.text)}</span>`,
    )
    .join('');

const inlineHtml = (text: string, labels: LongLabels) =>
  spans(text)
    .map((s) => (s.code ? `<code>${escapeHtml(s.text)}</code>` : plain(s.text, labels)))
    .join('');

export const STYLE = `
:root { --ink: ${PALETTE.ink}; --muted: #5b6470; --line: #d9dde3; --good: ${PALETTE.valueAdding}; --bad: ${PALETTE.waste}; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 32px 40px 64px; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 30px; margin: 0 0 8px; }
h2 { font-size: 21px; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 24px 0 8px; color: var(--muted); }
p.facts span { margin-right: 20px; } p.facts b { color: var(--muted); font-weight: 600; margin-right: 4px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13.5px; }
th { text-align: left; color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--ink); padding: 6px 8px; }
td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.good { color: var(--good); font-weight: 600; } .bad { color: var(--bad); font-weight: 600; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f3f4f6; padding: 1px 4px; border-radius: 3px; }
figure { margin: 12px 0 24px; text-align: center; } figure svg { max-width: 100%; height: auto; }
blockquote { margin: 8px 0; padding: 4px 12px; border-left: 3px solid var(--line); color: var(--muted); }
footer { margin-top: 48px; color: var(--muted); font-size: 12px; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2:not(:first-of-type) { break-before: page; }
  /* A heading, the note above a picture and the sentence that opens a list stay on the page of what follows them;
     pictures and rows stay whole. */
  h1, h2, h3, blockquote, p:has(+ ul) { break-after: avoid; }
  figure, tr, blockquote, p { break-inside: avoid; }
  figure { margin: 4px 0 12px; } figure svg { width: auto; max-height: 165mm; }
}`;

/** The blocks as HTML, each picture inlined as the SVG cxmap drew, each of the `labels` cut where it appears. */
export function blocksHtml(blocks: readonly Block<Drawn>[], labels: LongLabels = new Map()): string {
  const inline = (text: string) => inlineHtml(text, labels);
  const body: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        body.push(`<h${b.level}>${inline(b.text)}</h${b.level}>`);
        break;
      case 'facts':
        body.push(
          `<p class="facts">${b.items.map(([k, v]) => `<span><b>${escapeHtml(k)}</b>${inline(v)}</span>`).join('')}</p>`,
        );
        break;
      case 'paragraph':
        body.push(`<p>${inline(b.text)}</p>`);
        break;
      case 'list':
        body.push(`<ul>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
        break;
      case 'table': {
        const cls = (i: number, tone?: string) =>
          [b.right?.includes(i) ? 'num' : '', tone ?? ''].filter(Boolean).join(' ');
        const attr = (i: number, tone?: string) => (cls(i, tone) ? ` class="${cls(i, tone)}"` : '');
        body.push(
          `<table><thead><tr>${b.head.map((h, i) => `<th${attr(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>\n${b.rows
            .map(
              (r) => `<tr>${r.map((c, i) => `<td${attr(i, cellTone(c))}>${inline(cellText(c))}</td>`).join('')}</tr>`,
            )
            .join('\n')}\n</tbody></table>`,
        );
        break;
      }
      case 'diagram': {
        const d = b.diagram;
        if (d.note) body.push(`<blockquote>${escapeHtml(d.note)}</blockquote>`);
        body.push(`<figure data-view="${d.view}">${d.svg.trimEnd()}</figure>`);
        break;
      }
    }
  }
  return body.join('\n');
}

/** A page of blocks (a report, a comparison) as one self-contained HTML file, the maps' long `labels` cut. */
export function toHtml(blocks: readonly Block<Drawn>[], labels: LongLabels = new Map()): string {
  const title = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  return htmlPage(
    title && title.kind === 'heading'
      ? cutLabels(title.text, labels)
          .map((r) => r.text)
          .join('')
      : 'cxmap report',
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; script-src 'none'",
    STYLE,
    `${blocksHtml(blocks, labels)}\n<footer>Made with cxmap. Figures are computed from the map; see docs/scoring.md for every definition.</footer>`,
  );
}

/** A whole page: its title, content security policy, styles and body. */
export function htmlPage(title: string, csp: string, style: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
