/**
 * Escaping by construction: a scene whose labels hold anything a map could hold (any Unicode, control characters,
 * U+FFFE, surrogates without their pair, bidirectional overrides, XML's own < & " ') printed to SVG and to a
 * PowerPoint deck gives documents that a strict XML reader accepts, every part of them, and that read the label
 * back as `xmlSafe` gives it: in the box, in the title (the slide's title placeholder), in the notes and the
 * deck's properties.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { xmlSafe } from '../../src/core/index.js';
import { PAGES, pageScale, textWidth, type Drawn } from '../../src/render/index.js';
import { svgOf, type Drawing } from '../../src/render/svg/scene.js';
import { pptxOf } from '../../src/report/index.js';
import { DEFAULT_LOOK } from '../../src/rules/index.js';
import { pptxParts, reader, xmlProblem, type Xml } from '../helpers/xml.js';

/** A drawing of one labelled box, a free label with the whole text as its tip, and the label as the title. */
function scene(label: string): Drawn {
  // The box holds its label, as a layout makes it.
  const width = textWidth(xmlSafe(label), 11) + 16;
  const drawing: Drawing = {
    width: width + 16,
    height: 200,
    title: label,
    minText: 11,
    shapes: [
      { kind: 'text', x: 8, y: 23, lines: [label], size: 15, bold: true, fill: '#1A1A1A', role: 'title' },
      { kind: 'rect', x: 8, y: 40, width, height: 40, fill: '#DDF3EC', stroke: '#6B6B6B', role: 'step:a' },
      { kind: 'text', x: 16, y: 56, lines: [label], size: 11, fill: '#1A1A1A', role: 'a' },
      { kind: 'text', x: 8, y: 120, lines: ['cut…'], size: 11, fill: '#444444', role: 'legend', tip: label },
    ],
  };
  const page = PAGES['16:9'];
  const scale = pageScale(drawing, page);
  return { view: 'blueprint', caption: 'test', drawing, page, scale, svg: svgOf(drawing, page, scale) };
}

const SPECIAL = [
  '\u0001',
  '\u000B',
  '\u0000',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
  '\u202E',
  '\u2066',
  '<',
  '&',
  '"',
  "'",
  '>',
  '\r\n',
  ']]>',
];
/** Any string of UTF-16 code units (lone surrogates included), any code points, and the characters above. */
const label = fc
  .array(
    fc.oneof(
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(...SPECIAL),
    ),
    { maxLength: 6 },
  )
  // Framed, so that an empty label (which a slide leaves out) still has text to read back.
  .map((parts) => `[${parts.join('')}]`);

const all = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
/** The text of a shape's runs, paragraph by paragraph. */
const shapeText = (sp: Xml): string[] =>
  all(sp['p:txBody']?.['a:p']).map((p: Xml) =>
    all(p['a:r'])
      .map((r: Xml) => r['a:t'])
      .join(''),
  );

describe('XML printers, whatever the labels hold', () => {
  it('SVG: well-formed, the label read back in its box and the title', () => {
    fc.assert(
      fc.property(label, (text) => {
        const { svg } = scene(text);
        expect(xmlProblem(svg)).toBeUndefined();
        const doc = reader(['text']).parse(svg).svg;
        expect(doc.title).toBe(xmlSafe(text));
        const texts = doc.g.text as Xml[];
        expect(texts.find((t) => t['@_data-role'] === 'a')['#text']).toBe(xmlSafe(text));
        expect(texts.find((t) => t['@_data-role'] === 'legend').title).toBe(xmlSafe(text));
      }),
      { numRuns: 200 },
    );
  });

  it('PowerPoint: every part well-formed, the label read back in its box, the title placeholder, the notes and the properties', async () => {
    await fc.assert(
      fc.asyncProperty(label, async (text) => {
        const parts = await pptxParts(
          await pptxOf([{ kind: 'picture', picture: scene(text), notes: text }], text, DEFAULT_LOOK),
        );
        for (const [name, xml] of parts) expect(xmlProblem(xml), name).toBeUndefined();
        const safe = xmlSafe(text);
        const shapes = all(
          reader(['p:sp', 'a:p', 'a:r']).parse(parts.get('ppt/slides/slide1.xml')!)['p:sld']['p:cSld']['p:spTree'][
            'p:sp'
          ],
        );
        const named = (name: string) => shapes.find((sp: Xml) => sp['p:nvSpPr']['p:cNvPr']['@_name'] === name);
        expect(shapeText(named('step:a'))).toEqual([safe]);
        const title = shapes.find((sp: Xml) => sp['p:nvSpPr']['p:nvPr']['p:ph']?.['@_type'] === 'title');
        expect(shapeText(title)).toEqual([safe]);
        const notes = parts.get('ppt/notesSlides/notesSlide1.xml')!;
        expect(notes).toContain('In full, the labels cut short on this slide');
        const noteText = all(reader(['p:sp', 'a:p', 'a:r']).parse(notes)['p:notes']['p:cSld']['p:spTree']['p:sp'])
          .flatMap(shapeText)
          .join('');
        // The notes keep their line breaks; each line as xmlSafe gives it.
        const lines = text.split('\n').map(xmlSafe).join('\n');
        expect(noteText).toBe(`${lines}\n\nIn full, the labels cut short on this slide:\n- ${safe}`);
        expect(reader().parse(parts.get('docProps/core.xml')!)['cp:coreProperties']['dc:title']).toBe(safe);
      }),
      // Each run writes a whole deck: a failure is reported as found, not shrunk for minutes.
      { numRuns: 40, endOnFailure: true },
    );
  }, 60_000);
});
