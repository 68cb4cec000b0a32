/**
 * The PowerPoint printer of a scene (render/print/pptx.ts), on a small scene drawn at its own size (scale 1, no
 * page: a point of the scene is a point of the slide, 12,700 EMU): each box a shape with its text inside it, an
 * edge and its arrowhead one line with the arrowhead its own, a straight segment a line flipped to run from its
 * start to its end, a circle an ellipse, a mark a freeform, a label outside every box a text box that does not wrap.
 */
import { describe, expect, it } from 'vitest';
import { svgOf, type Drawing } from '../../src/render/svg/scene.js';
import { pptxOf } from '../../src/report/index.js';
import { DEFAULT_LOOK } from '../../src/rules/index.js';
import { pptxParts } from '../helpers/xml.js';

const drawing: Drawing = {
  width: 200,
  height: 120,
  title: 'Scene',
  minText: 11,
  shapes: [
    { kind: 'text', x: 8, y: 23, lines: ['Scene'], size: 15, bold: true, fill: '#1A1A1A', role: 'title' },
    // A rounded box and its text, which starts 5 pt in from its left side, its first baseline 12 pt down.
    { kind: 'rect', x: 20, y: 60, width: 60, height: 30, radius: 8, fill: '#FFF1D6', stroke: '#E69F00', role: 'box' },
    { kind: 'text', x: 25, y: 72, lines: ['waits', '3 d'], size: 11, bold: true, fill: '#9A5B00' },
    // An edge down and across into the box, ending in a filled arrowhead at (20, 75).
    { kind: 'path', d: 'M5 10 V75 H20', stroke: '#555555', strokeWidth: 1.4, role: 'edge' },
    { kind: 'path', d: 'M20 75 L12 71 L12 79 Z', fill: '#555555' },
    // A straight segment from right to left and down, with no arrowhead.
    { kind: 'path', d: 'M100 10 L60 40', stroke: '#1A1A1A', dash: '6 3', role: 'segment' },
    // A dot: the circle of shapes.ts, radius 5 about (150, 20).
    { kind: 'path', d: 'M145 20 A5 5 0 1 0 155 20 A5 5 0 1 0 145 20 Z', fill: '#009E73', role: 'dot' },
    // Half a circle: a freeform of cubic curves.
    { kind: 'path', d: 'M130 100 A10 10 0 0 1 150 100', stroke: '#1A1A1A', role: 'arc' },
    // A label under everything, in no box.
    { kind: 'text', x: 100, y: 110, lines: ['free'], size: 11, fill: '#1A1A1A', anchor: 'middle', role: 'label' },
  ],
};

const EMU = 12_700; // a point

async function slide(): Promise<string> {
  const picture = { view: 'blueprint' as const, caption: 'scene', drawing, scale: 1, svg: svgOf(drawing) };
  const parts = await pptxParts(
    await pptxOf([{ kind: 'picture', picture, notes: '' }], 'Scene', {
      ...DEFAULT_LOOK,
      // The scene's shapes alone on the slide: no slide number.
      slideNumbers: false,
    }),
  );
  return parts.get('ppt/slides/slide1.xml')!;
}
/** The XML of the shape of that name. */
const shape = (xml: string, name: string) => {
  const at = xml.indexOf(`name="${name}"`);
  expect(at, name).toBeGreaterThan(0);
  return xml.slice(xml.lastIndexOf('<p:sp>', at), xml.indexOf('</p:sp>', at));
};
const off = (x: number, y: number) => `<a:off x="${Math.round(x * EMU)}" y="${Math.round(y * EMU)}"/>`;
const ext = (cx: number, cy: number) => `<a:ext cx="${Math.round(cx * EMU)}" cy="${Math.round(cy * EMU)}"/>`;

describe('the PowerPoint printer of a scene', async () => {
  const xml = await slide();

  it('puts a box where the scene has it, with its text inside, the insets making up for the rounded corners', () => {
    const box = shape(xml, 'box');
    expect(box).toContain(`${off(20, 60)}${ext(60, 30)}`);
    expect(box).toContain('<a:prstGeom prst="roundRect">');
    // The radius as a share of the shorter side: 8 / 30 = 26,667 thousandths.
    expect(box).toContain('<a:gd name="adj" fmla="val 26667"/>');
    // The text starts 5 pt in and its first line's top is 72 - 0.9 x 11 = 62.1 pt down, 2.1 pt inside the box;
    // the rounded rectangle's text area starts 8 x 0.29289 = 2.34 pt in on every side already, so the left inset
    // is 5 - 2.34 = 2.66 pt (33,782 EMU) and the top one none (2.1 < 2.34).
    expect(box).toContain('<a:bodyPr wrap="square" lIns="33782" tIns="0" rIns="0" bIns="0" rtlCol="0" anchor="t">');
    // Its two lines are two paragraphs, exactly 11 x 1.15 = 12.65 pt apart, bold, in their colour and size.
    expect([...box.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1])).toEqual(['waits', '3 d']);
    expect(box.match(/<a:spcPts val="1265"\/>/g)).toHaveLength(2);
    expect(box.match(/sz="1100" b="1"/g)).toHaveLength(2);
    expect(box).toContain('<a:srgbClr val="9A5B00"/>');
  });

  it('draws an edge and its arrowhead as one freeform with the arrowhead its own', () => {
    const edge = shape(xml, 'edge');
    // From (5, 10) down to (5, 75) and across to (20, 75): a box 15 x 65 pt at (5, 10).
    expect(edge).toContain(`${off(5, 10)}${ext(15, 65)}`);
    expect(edge).toContain('<a:tailEnd type="triangle"/>');
    expect(edge).toContain('<a:noFill/>');
    // The triangle drawn in the SVG is not a shape of its own: the title and 6 shapes, not 7.
    expect(xml.match(/<p:sp>/g)).toHaveLength(7);
    expect(xml).not.toContain('L12 71');
  });

  it('draws a straight segment as a line flipped to run from its start, with a dash of its pattern', () => {
    const segment = shape(xml, 'segment');
    // From (100, 10) to (60, 40): a box 40 x 30 at (60, 10), flipped across, since it runs right to left.
    expect(segment).toContain(`<a:xfrm flipH="1">${off(60, 10)}${ext(40, 30)}</a:xfrm>`);
    expect(segment).toContain('<a:prstGeom prst="line">');
    // "6 3" on a 1 pt line: a dash 6 times the line's width, PowerPoint's "dash" (4:3) is the nearest.
    expect(segment).toContain('<a:prstDash val="dash"/>');
  });

  it('draws a circle as an ellipse and an arc as cubic curves', () => {
    expect(shape(xml, 'dot')).toContain(`<a:prstGeom prst="ellipse">`);
    expect(shape(xml, 'dot')).toContain(`${off(145, 15)}${ext(10, 10)}`);
    const arc = shape(xml, 'arc');
    // Half a circle of radius 10 over (130..150, 100), bulging up: two quarter turns, in a box 20 x 10 at (130, 90).
    expect(arc.match(/<a:cubicBezTo>/g)).toHaveLength(2);
    expect(arc).toContain(`${off(130, 90)}${ext(20, 10)}`);
  });

  it('writes a label in no box as a text box that does not wrap, centred where the scene centres it', () => {
    const label = shape(xml, 'label');
    // "free" at 11 pt is (278 + 333 + 556 + 556) / 1000 x 11 = 18.953 pt wide, centred on 100: from 90.52; its box
    // 2 pt wider on each side, from 88.52, 22.95 pt wide; its top 110 - 0.9 x 11 = 100.1, one line of 12.65 pt.
    expect(label).toContain(`${off(88.5235, 100.1)}${ext(22.953, 12.65)}`);
    expect(label).toContain('wrap="none"');
    expect(label).toContain('<a:pPr algn="ctr"');
    expect(label).toContain('<a:t>free</a:t>');
  });

  it("gives the scene's title to the slide's title placeholder, where the scene has it", () => {
    const title = xml.slice(xml.lastIndexOf('<p:sp>', xml.indexOf('type="title"')), xml.indexOf('<a:t>Scene</a:t>'));
    // Its first line's top 23 - 0.9 x 15 = 9.5 pt down; as wide as the drawing less its margins, 200 - 2 x 8 = 184
    // pt; one line of 15 x 1.15 = 17.25 pt.
    expect(title).toContain(`${off(8, 9.5)}${ext(184, 17.25)}`);
    expect(title).toContain('sz="1500" b="1"');
  });
});
