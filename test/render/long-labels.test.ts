/** Large maps: a drawing cuts a long label and keeps the whole text only in its tooltip (issue 26, item 7). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cut, LABEL_MAX } from '../../src/render/svg/font.js';
import { longLabels, toHtml } from '../../src/report/html.js';
import { generateMap } from '../../bench/generate-map.js';

const count = (text: string, part: string) => text.split(part).length - 1;
const cli = new URL('../../bin/cxmap.cjs', import.meta.url).pathname;
/** The HTML report of `map` (`cxmap report`), or with `after`, the comparison of the two (`cxmap compare`). */
function htmlReport(map: string, after?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cxmap-long-'));
  try {
    writeFileSync(join(dir, 'm.cxmap.yaml'), map);
    if (after === undefined) {
      execFileSync(process.execPath, [cli, 'report', 'm.cxmap.yaml', '--format', 'html', '--out', 'out'], { cwd: dir });
      return readFileSync(join(dir, 'out', 'm.report.html'), 'utf8');
    }
    writeFileSync(join(dir, 'n.cxmap.yaml'), after);
    const args = ['compare', 'm.cxmap.yaml', 'n.cxmap.yaml', '--format', 'html', '-o', 'c.html'];
    execFileSync(process.execPath, [cli, ...args], { cwd: dir });
    return readFileSync(join(dir, 'c.html'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('labels', () => {
  it('keeps a label of LABEL_MAX characters and cuts a longer one to LABEL_MAX with the whole text as its tip', () => {
    expect(LABEL_MAX).toBe(120);
    expect(cut('a'.repeat(120))).toEqual({ text: 'a'.repeat(120) });
    expect(cut('a'.repeat(121))).toEqual({ text: `${'a'.repeat(119)}…`, tip: 'a'.repeat(121) });
    // Characters, not UTF-16 units: an emoji is not split.
    expect(cut('😀'.repeat(121)).text).toBe(`${'😀'.repeat(119)}…`);
  });

  it('an HTML report of a map with a 10 KB step name and evidence stays small: the name in tooltips, the evidence drawn', () => {
    const name = `Step b0-fix ${'x'.repeat(10_000)}`;
    const evidence = `Letter ${'e'.repeat(10_000)}`;
    const html = htmlReport(generateMap(17).replace('name: Step b0-fix', `name: ${name}\n    evidence: [${evidence}]`));
    // Before: the name wrapped into about 480 lines of <text> in each picture that shows it. Now each picture holds
    // it once, as a tooltip: four pictures of 10 KB each on a report of about 170 KB.
    expect(html.length).toBeLessThan(220_000);
    const pictures = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    const shown = pictures.filter((svg) => svg.includes(name));
    // The blueprint (its box), the journey (its card), the key of the value and delay chart, and the key of the
    // value/effort chart (a change at the step, named by the step's name).
    expect(shown.length).toBe(4);
    // Only ever in a tooltip: the name alone, or a change's title that names the step.
    for (const svg of shown) expect(count(svg.replace(/<title>[^<]*<\/title>/g, ''), name)).toBe(0);
    // The evidence is drawn only (the blueprint's top lane), never in the text around the pictures.
    expect(count(html.replace(/<svg[\s\S]*?<\/svg>/g, ''), evidence)).toBe(0);
  });

  it('an HTML report cuts a 10 KB step name wherever its text names the step, the whole name as a tooltip', () => {
    const name = `Apply ${'n'.repeat(10_000)}`;
    const stage = `Stage ${'s'.repeat(10_000)}`;
    const evidence = `Form ${'e'.repeat(10_000)}`;
    const map = readFileSync(new URL('../fixtures/improve/account.cxmap.yaml', import.meta.url), 'utf8')
      .replace('\nactors:', `\nstages: [Ask, ${stage}]\nactors:`)
      .replace(
        /\n {2}- id: (\w+)[^\n]*\n/g,
        (line, id: string) => `${line}    stage: ${id === 'call' ? 'Ask' : stage}\n`,
      )
      .replace('- { id: open, ', `- { id: open, stage: ${stage}, `)
      .replace('name: Apply at the desk', `name: ${name}\n    evidence: [${evidence}]`);
    const outside = htmlReport(map).replace(/<svg[\s\S]*?<\/svg>/g, '<svg/>');
    // Named six times: three in the executive summary (the changes asked for), its row in the table of steps and two
    // sentences on its waits; each time cut to 120 characters.
    expect(count(outside, name)).toBe(6);
    expect(count(outside, `<span title="${name}">${name.slice(0, 119)}…</span>`)).toBe(6);
    // The stage and the evidence are only drawn (the blueprint's header and top lane), never in the text.
    expect(count(outside, stage)).toBe(0);
    expect(count(outside, evidence)).toBe(0);
    // Without the six tooltips, the text of a report of six steps.
    expect(outside.length - 6 * name.length).toBeLessThan(20_000);
    // The comparison with the map where the step takes longer names it once, in the list of steps changed.
    const compared = htmlReport(map, map.replace('work: 20m', 'work: 25m')).replace(/<svg[\s\S]*?<\/svg>/g, '<svg/>');
    expect(count(compared, name)).toBe(1);
    expect(count(compared, `<span title="${name}">${name.slice(0, 119)}…</span>`)).toBe(1);
  });

  it('cuts each long label of the maps in headings, sentences, table cells and the page title', () => {
    const long = `Very long ${'z'.repeat(200)}`;
    const shown = `${long.slice(0, 119)}…`;
    const controlled = `Name\u0001 ${'q'.repeat(130)}`;
    const labels = longLabels({ process: { name: long, short: 'x'.repeat(LABEL_MAX) }, steps: [{ name: controlled }] });
    // Only what is longer than LABEL_MAX, as written and as printed (printable() leaves out the control character).
    expect([...labels.values()].flat().sort()).toEqual([controlled, `Name ${'q'.repeat(130)}`, long].sort());
    const html = toHtml(
      [
        { kind: 'heading', level: 1, text: `${long}: before and after` },
        { kind: 'paragraph', text: `Waits before \`a\` (${long}), then ${long}.` },
        { kind: 'table', head: ['Step'], rows: [[`\`b\` ${controlled}`]] },
      ],
      labels,
    );
    const tip = `<span title="${long}">${shown}</span>`;
    expect(html).toContain(`<title>${shown}: before and after</title>`);
    expect(html).toContain(`<h1>${tip}: before and after</h1>`);
    expect(html).toContain(`<p>Waits before <code>a</code> (${tip}), then ${tip}.</p>`);
    const printed = `Name ${'q'.repeat(130)}`;
    expect(html).toContain(`<td><code>b</code> <span title="${printed}">${printed.slice(0, 119)}…</span></td>`);
    // No long label: the text as it is.
    expect(toHtml([{ kind: 'paragraph', text: long }])).toContain(`<p>${long}</p>`);
  });

  it('property: no long label is printed whole outside a tooltip, and the text reads back from the cut runs', () => {
    // Labels of a, b and spaces (one may begin another); prose of other characters, so that it never forms a label.
    const label = fc.string({ unit: fc.constantFrom('a', 'b', ' '), minLength: LABEL_MAX + 1, maxLength: 300 });
    const prose = fc.string({ unit: fc.constantFrom('1', '2', '.', ' '), maxLength: 30 });
    fc.assert(
      fc.property(
        fc.uniqueArray(label, { minLength: 1, maxLength: 3 }),
        fc.array(fc.oneof(fc.nat(2), prose), { maxLength: 8 }),
        (labels, pieces) => {
          const text = pieces.map((p) => (typeof p === 'number' ? labels[p % labels.length]! : p)).join('');
          const html = toHtml([{ kind: 'paragraph', text }], longLabels({ labels }));
          const paragraph = /<p>(.*)<\/p>/.exec(html)![1]!;
          const spans = [...paragraph.matchAll(/<span title="([^"]*)">([^<]*)<\/span>/g)];
          for (const [, tip, shown] of spans) expect(shown).toBe(cut(tip!).text);
          // Each cut label put back in place of its span gives the text.
          expect(paragraph.replace(/<span title="([^"]*)">[^<]*<\/span>/g, '$1')).toBe(text);
          const outside = paragraph.replace(/<span title="[^"]*">/g, '');
          for (const l of labels) expect(outside.includes(l)).toBe(false);
        },
      ),
    );
  });
});
