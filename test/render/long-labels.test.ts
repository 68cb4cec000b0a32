/** Large maps: a drawing cuts a long label and keeps the whole text only in its tooltip (issue 26, item 7). */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cut, LABEL_MAX } from '../../src/render/svg/font.js';
import { generateMap } from '../../bench/generate-map.js';

describe('labels', () => {
  it('keeps a label of LABEL_MAX characters and cuts a longer one to LABEL_MAX with the whole text as its tip', () => {
    expect(LABEL_MAX).toBe(120);
    expect(cut('a'.repeat(120))).toEqual({ text: 'a'.repeat(120) });
    expect(cut('a'.repeat(121))).toEqual({ text: `${'a'.repeat(119)}…`, tip: 'a'.repeat(121) });
    // Characters, not UTF-16 units: an emoji is not split.
    expect(cut('😀'.repeat(121)).text).toBe(`${'😀'.repeat(119)}…`);
  });

  it('an HTML report of a map with a 10 KB step name stays small and holds the name only in tooltips', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxmap-long-'));
    try {
      const name = `Step b0-fix ${'x'.repeat(10_000)}`;
      writeFileSync(join(dir, 'm.cxmap.yaml'), generateMap(17).replace('name: Step b0-fix', `name: ${name}`));
      const cli = new URL('../../bin/cxmap.cjs', import.meta.url).pathname;
      execFileSync(process.execPath, [cli, 'report', 'm.cxmap.yaml', '--format', 'html', '--out', 'out'], { cwd: dir });
      const html = readFileSync(join(dir, 'out', 'm.report.html'), 'utf8');
      // Before: the name wrapped into about 480 lines of <text> in each picture that shows it.
      expect(html.length).toBeLessThan(200_000);
      const pictures = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
      const count = (text: string, part: string) => text.split(part).length - 1;
      const shown = pictures.filter((svg) => svg.includes(name));
      // The blueprint (its box), the journey (its card) and the key of the value and delay chart.
      expect(shown.length).toBe(3);
      for (const svg of shown) expect(count(svg, name)).toBe(count(svg, `<title>${name}</title>`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
