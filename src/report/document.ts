/**
 * A report as a list of blocks (headings, facts, tables, diagrams...), written out as Markdown, as terminal text or
 * (in html.ts) as HTML: what a report says is decided once, how it looks once per format.
 * Text in blocks is plain; a span in backticks is code (step ids).
 */
import type { ChalkInstance } from 'chalk';
import { printable } from '../core/index.js';
import type { Diagram, Drawn } from '../render/index.js';

/** good and bad colour a cell (green, red); Markdown shows them with a mark, as it has no colour. */
type Tone = 'good' | 'bad';
export type Cell = string | { text: string; tone?: Tone };

export interface TableBlock {
  kind: 'table';
  head: string[];
  /** The columns set to the right (figures). */
  right?: number[];
  rows: Cell[][];
}

/** A block of text: every format writes it. */
export type TextBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'facts'; items: [string, string][] }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | TableBlock;

/**
 * A block of a document whose pictures are `P`: Mermaid text for Markdown (which GitHub draws), the SVG cxmap
 * drew for HTML.
 */
export type Block<P extends Diagram | Drawn = Diagram | Drawn> = TextBlock | { kind: 'diagram'; diagram: P };

/**
 * Pictures, each under its caption as a heading of `level` (unless `captioned` says otherwise); a view split into
 * parts says why once, above its first part.
 */
export function pictureBlocks<P extends Diagram | Drawn>(
  pictures: readonly P[],
  level: 2 | 3,
  captioned: (picture: P) => boolean = () => true,
): Block<P>[] {
  return pictures.flatMap((p): Block<P>[] => [
    ...(captioned(p)
      ? [{ kind: 'heading' as const, level, text: p.caption.charAt(0).toUpperCase() + p.caption.slice(1) }]
      : []),
    { kind: 'diagram', diagram: p.part && p.part.index > 1 ? { ...p, note: undefined } : p },
  ]);
}

/**
 * Text for Markdown prose, headings and table cells, escaped by construction: a backslash before every character
 * that can start something in CommonMark or GFM inline (a tag, an entity, a link, an image, a code span, emphasis,
 * strikethrough, a table cell, GitHub's math), and before what would start a block at the start of the text (a
 * list, a quote, a heading); runs of spaces become one (four could start a code block); an `@` before a name gets
 * a word joiner, so that GitHub mentions nobody. Other punctuation stays as it is, so the Markdown reads well raw.
 */
export function mdText(text: string): string {
  return printable(text)
    .replace(/ {2,}/g, ' ')
    .replace(/[\\`*_[\]<>!&|~#$]/g, (c) => `\\${c}`)
    .replace(/^( ?)([-+=])(?= |$|[-+=])/, '$1\\$2')
    .replace(/^( ?\d{1,9})([.)])(?= |$)/, '$1\\$2')
    .replace(/@(?=[\p{L}\p{N}])/gu, '@\u2060');
}

/** A code span: on one line, its text literal; in a table, `|` escaped (GFM splits cells before code spans). */
export function mdCode(text: string, table: boolean): string {
  const code = printable(text).replace(/`/g, '');
  return code.trim() === '' ? '' : `\`${table ? code.replace(/\|/g, '\\|') : code}\``;
}

export const cellText = (cell: Cell) => printable(typeof cell === 'string' ? cell : cell.text);
export const cellTone = (cell: Cell) => (typeof cell === 'string' ? undefined : cell.tone);

/** Splits text into plain and code spans: `a \`b\` c` gives a, b (code), c. */
export function spans(text: string): { code: boolean; text: string }[] {
  return text
    .split('`')
    .map((part, i) => ({ code: i % 2 === 1, text: part }))
    .filter((s) => s.text !== '');
}

/** Text without its code marks, for outputs that show no code: `a \`b\` c` gives a b c. */
export const plainText = (text: string) =>
  spans(text)
    .map((s) => s.text)
    .join('');

const MARK: Record<Tone, string> = { good: '🟢 ', bad: '🔴 ' };

function mdInline(text: string, table = false): string {
  return spans(text)
    .map((s) => (s.code ? mdCode(s.text, table) : mdText(s.text)))
    .join('');
}

export function toMarkdown(blocks: readonly Block<Diagram>[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${mdInline(b.text)}`);
        break;
      case 'facts':
        out.push(b.items.map(([k, v]) => `**${mdText(k)}:** ${mdInline(v)}`).join(' · '));
        break;
      case 'paragraph':
        out.push(mdInline(b.text));
        break;
      case 'list':
        out.push(b.items.map((item) => `- ${mdInline(item)}`).join('\n'));
        break;
      case 'table': {
        const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
        out.push(
          [
            row(b.head.map(mdText)),
            row(b.head.map((_, i) => (b.right?.includes(i) ? '--:' : '---'))),
            ...b.rows.map((r) =>
              row(r.map((c) => `${cellTone(c) ? MARK[cellTone(c)!] : ''}${mdInline(cellText(c), true)}`)),
            ),
          ].join('\n'),
        );
        break;
      }
      case 'diagram':
        if (b.diagram.note) out.push(`> ${mdText(b.diagram.note)}`);
        out.push(['```mermaid', b.diagram.text.trimEnd(), '```'].join('\n'));
        break;
    }
    out.push('');
  }
  return out.join('\n');
}

/** For the terminal: aligned tables, colour from chalk; diagrams are left to the other formats. */
export function toText(blocks: readonly Block[], c: ChalkInstance): string {
  const inline = (text: string) =>
    spans(printable(text))
      .map((s) => (s.code ? c.cyan(s.text) : s.text))
      .join('');
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(b.level === 1 ? c.bold(inline(b.text)) : c.bold.underline(inline(b.text)));
        break;
      case 'facts':
        out.push(b.items.map(([k, v]) => `${c.dim(k)} ${inline(v)}`).join('   '));
        break;
      case 'paragraph':
        out.push(inline(b.text));
        break;
      case 'list':
        out.push(b.items.map((item) => `  • ${inline(item)}`).join('\n'));
        break;
      case 'table': {
        const widths = b.head.map((h, i) =>
          Math.max(printable(h).length, ...b.rows.map((r) => cellText(r[i] ?? '').length)),
        );
        const last = b.head.length - 1;
        const pad = (text: string, i: number) =>
          b.right?.includes(i) ? text.padStart(widths[i]!) : i === last ? text : text.padEnd(widths[i]!);
        const paint = (cell: Cell, i: number) => {
          const text = pad(cellText(cell), i);
          return cellTone(cell) === 'good' ? c.green(text) : cellTone(cell) === 'bad' ? c.red(text) : text;
        };
        out.push(
          [
            `  ${b.head.map((h, i) => c.dim(pad(printable(h), i))).join('  ')}`,
            ...b.rows.map((r) => `  ${r.map(paint).join('  ').trimEnd()}`),
          ].join('\n'),
        );
        break;
      }
      case 'diagram':
        continue;
    }
    out.push('');
  }
  return out.join('\n');
}
