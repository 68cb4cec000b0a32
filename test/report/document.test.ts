/**
 * Markdown escaping by construction: any label, put in a paragraph, a heading, a list or a table cell, parses back
 * (with markdown-it, a CommonMark parser with GFM tables) to its own text, with no HTML node, and a table keeps its
 * cells. The labels are arbitrary strings mixed with the pieces of Markdown and HTML an attacker would try.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { Chalk } from 'chalk';
import { toMarkdown, toText, type TextBlock } from '../../src/report/index.js';
import { printable } from '../../src/core/index.js';

const md = new MarkdownIt({ html: true });

const ATTACKS = [
  '<img src=x onerror="alert(1)">',
  '<script>alert(1)</script>',
  '`',
  '``',
  '|',
  '\\|',
  '\r',
  '\n',
  '\r\n',
  '\u2028',
  '@octocat',
  '\u202e',
  '\u2066',
  '\u001b]0;pwned\u0007',
  '# ',
  '1. ',
  '- ',
  '    ',
  '> ',
  '[a](javascript:alert(1))',
  '![x](http://evil/x.png)',
  '&lt;',
  '&#60;',
  '***',
  '~~',
  '_',
  '<!--',
  '-->',
  '<https://evil>',
  'https://evil.example',
  '\\',
  '$$',
  '{{',
];
const label = fc
  .array(fc.oneof(fc.constantFrom(...ATTACKS), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

const walk = (tokens: Token[]): Token[] => tokens.flatMap((t) => [t, ...walk(t.children ?? [])]);
const html = (tokens: Token[]) => walk(tokens).filter((t) => t.type.startsWith('html'));
const textOf = (tokens: Token[]) =>
  walk(tokens)
    .filter((t) => t.type === 'text' || t.type === 'code_inline')
    .map((t) => t.content)
    .join('');
/** What a reader sees of a label: what is printable of it, the backticks (code span marks) and spacing aside. */
const seen = (text: string) =>
  printable(text)
    .replace(/[`\s\u2060]/g, '')
    .replace(/\uFFFD/g, '');

describe('toMarkdown escapes any label', () => {
  it('in a paragraph, a heading and a list: no HTML, and the label’s own text', () => {
    fc.assert(
      fc.property(label, (text) => {
        const blocks: TextBlock[] = [
          { kind: 'paragraph', text },
          { kind: 'heading', level: 2, text },
          { kind: 'list', items: [text] },
        ];
        for (const block of blocks) {
          const tokens = md.parse(toMarkdown([block]), {});
          expect(html(tokens)).toEqual([]);
          expect(seen(textOf(tokens))).toBe(seen(text));
          if (block.kind === 'heading') expect(tokens.filter((t) => t.type === 'heading_open')).toHaveLength(1);
        }
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it('in a table cell: the table keeps one row of two cells, the label in the first', () => {
    fc.assert(
      fc.property(label, (text) => {
        const tokens = md.parse(toMarkdown([{ kind: 'table', head: ['Step', 'Note'], rows: [[text, 'end']] }]), {});
        expect(html(tokens)).toEqual([]);
        const cells: Token[][] = [];
        let inBody = false;
        for (let i = 0; i < tokens.length; i++) {
          if (tokens[i]!.type === 'tbody_open') inBody = true;
          if (inBody && tokens[i]!.type === 'td_open') cells.push([tokens[i + 1]!]);
        }
        expect(cells).toHaveLength(2);
        expect(seen(textOf(cells[0]!))).toBe(seen(text));
        expect(textOf(cells[1]!)).toBe('end');
      }),
      { seed: 8, numRuns: 400 },
    );
  });

  it('mentions nobody on GitHub, and keeps a code span on its line', () => {
    expect(toMarkdown([{ kind: 'paragraph', text: 'ask @octocat about `a\nb|c`' }])).toBe(
      'ask @\u2060octocat about `a b|c`\n',
    );
  });
});

describe('toText, the terminal printer', () => {
  const plain = new Chalk({ level: 0 });
  const ESC = 'we\u001b]0;pwned\u0007b\u001b[2J';
  const NUL = 'No\u0000 slot';

  it('prints no control character of the text it is given, wherever it is (tables and their heads included)', () => {
    const blocks: TextBlock[] = [
      { kind: 'heading', level: 2, text: `Channel ${ESC}` },
      { kind: 'facts', items: [['Fails', NUL]] },
      { kind: 'paragraph', text: `at \`ask\`: ${NUL}` },
      { kind: 'list', items: [ESC] },
      { kind: 'table', head: ['Step', ESC], rows: [['ask', { text: NUL, tone: 'bad' }]] },
    ];
    // The ESC, BEL and NUL go; the rest stays, and the column is as wide as what is printed (10 characters).
    expect(toText(blocks, plain)).toBe(
      [
        'Channel we]0;pwnedb[2J',
        '',
        'Fails No slot',
        '',
        'at ask: No slot',
        '',
        '  • we]0;pwnedb[2J',
        '',
        '  Step  we]0;pwnedb[2J',
        '  ask   No slot',
        '',
      ].join('\n'),
    );
  });

  it('never prints a control character but the line feeds between its lines, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = toText(
          [
            { kind: 'paragraph', text },
            { kind: 'table', head: [text], rows: [[text]] },
          ],
          plain,
        );
        // eslint-disable-next-line no-control-regex
        expect(out.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }),
      { seed: 26, numRuns: 300 },
    );
  });
});
