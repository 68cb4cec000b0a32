/**
 * The deck's slides printed as PowerPoint with pptxgenjs, every object native and editable: tables and text, and
 * the diagrams as shapes (render/print/pptx.ts: each step a box with its name inside, lanes, lines, arrows,
 * legends), so that a consultant can move a step or reword a label before the meeting; speaker notes. Every slide's
 * title is its title placeholder, so that PowerPoint's outline, accessibility checker and slide sorter see it.
 * Nothing runs off a slide: each table's columns and rows are sized from the text they hold, measured with the
 * font's own widths, and rows that do not fit go on to a continuation slide under the same heading.
 */
import JSZip from 'jszip';
import type * as Types from 'pptxgenjs';
import { xmlSafe } from '../core/index.js';
import { DECK_FOOT, printSlideShapes, textWidth, wrap } from '../render/index.js';
import { DEFAULT_LOOK, type DeckLook } from '../rules/index.js';

import { cellText, cellTone, type TableBlock } from './document.js';
import type { Slide, SlideCard } from './deck.js';

/**
 * pptxgenjs is loaded when a deck is made, not by every command. Its types describe its CommonJS build, where the
 * class is the default export; Node loads its ES build, where the class is the module's default.
 */
type PptxClass = typeof Types.default.default;
type PptxGenJS = InstanceType<PptxClass>;
async function pptxClass(): Promise<PptxClass> {
  const loaded: unknown = (await import('pptxgenjs')).default;
  return (loaded as { default?: PptxClass }).default ?? (loaded as PptxClass);
}

/** The 16:9 slide in inches (13.33 x 7.5, PowerPoint's widescreen), its margins, and sizes of text in points. */
const SLIDE = { width: 13.333, height: 7.5 };
const SIDE = 0.5;
const TABLE_TOP = 1.15;
/** Table text: the readable minimum of the pictures, so that a scorecard fits one slide. */
const BODY = 11;
const INK = '1A1A1A';
const MUTED = '555555';
const WHITE = 'FFFFFF';
const TONE = { good: '00704F', bad: 'B23B00' };
/** Cell margins in inches: top, right, bottom, left. */
const CELL_MARGIN: [number, number, number, number] = [0.03, 0.08, 0.03, 0.08];
const LINE = (BODY * 1.2) / 72;
/** The band at the foot of every slide (inches, render's DECK_FOOT): footer, mark and number, in FOOT_PT. */
const FOOT_BAND = DECK_FOOT / 72;
const FOOT_PT = 9;
/** The room under a table (or its footnote), to the foot of the slide: the band and a gap (inches). */
const FOOT_MARGIN = FOOT_BAND + 0.05;
/**
 * The brand colour when the configuration names none: the slate whose 10 % tint is the tables' heads (E9EEF3), and
 * the background of a divider slide.
 */
const SLATE = '235587';
/** The brand colour's thin stripe along the top edge of every slide (inches). */
const STRIPE = 0.08;
/**
 * The box a logo is fitted into, top right within the margins (inches), and the gap it keeps from a title: in the
 * row of the diagrams' titles, above what they draw under them (from 0.44 in down at full size), the same on every
 * slide.
 */
const LOGO = { top: 0.12, width: 1.2, height: 0.3, gap: 0.25 };
/** The sizes a slide of points tries, largest first, until its points fit. */
const POINT_SIZES = [16, 15, 14, 13, 12];

/**
 * Text as a slide holds it: what XML allows (a control character from a spreadsheet would make PowerPoint repair
 * the deck), line by line; pptxgenjs escapes XML's special characters itself.
 */
const safe = (text: string) => text.split('\n').map(xmlSafe).join('\n');

/** A tint of a colour (six hex digits): `share` of it over white. */
const tint = (hex: string, share: number) =>
  [0, 2, 4]
    .map((k) => Math.round(255 - share * (255 - parseInt(hex.slice(k, k + 2), 16))))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();

/** The fill of a table's head: a pale tint of the brand colour. */
const headFill = (look: DeckLook) => tint(look.colour ?? SLATE, 0.1);

/** The logo's place: fitted into LOGO's box, its right edge on the right margin. */
function logoPlace(look: DeckLook) {
  if (!look.logo) return undefined;
  const scale = Math.min(LOGO.width / look.logo.width, LOGO.height / look.logo.height);
  const w = look.logo.width * scale;
  return { x: SLIDE.width - SIDE - w, y: LOGO.top, w, h: look.logo.height * scale };
}

/**
 * The slide masters, each with its title placeholder: the title slide's, the one of slides with a heading over a
 * table, the diagrams', whose title stands where the drawing's layout puts it (each slide places its own), and the
 * divider's, a title in white on the brand colour. Every master carries the client's look: the brand colour's
 * stripe along the top (when there is a brand colour), the logo top right (a title stops short of it), and the foot
 * band: footer, confidentiality mark and slide number.
 */
const MASTER = { title: 'cxmap title', table: 'cxmap', diagram: 'cxmap diagram', divider: 'cxmap divider' };
const TITLE = 'title';

function defineMasters(pptx: PptxGenJS, look: DeckLook) {
  const placeholder = (options: Omit<Types.default.PlaceholderProps, 'name' | 'type'>) => ({
    placeholder: { options: { name: TITLE, type: 'title' as const, ...options }, text: '' },
  });
  const text = { fontFace: look.font, bold: true, color: INK, margin: 0, align: 'left' as const };
  const logo = logoPlace(look);
  // A title's width: the slide's between the margins, less the logo's and a gap where there is a logo.
  const titleWidth = SLIDE.width - 2 * SIDE - (logo ? logo.w + LOGO.gap : 0);
  const foot = (color: string) => {
    const band = { y: SLIDE.height - FOOT_BAND + 0.08, h: 0.2, fontFace: look.font, fontSize: FOOT_PT, color };
    const third = (SLIDE.width - 2 * SIDE) / 3;
    const line = (words: string | undefined, x: number, align: 'left' | 'center') =>
      words
        ? [{ text: { text: safe(words), options: { ...band, x, w: third, align, margin: 0, valign: 'top' as const } } }]
        : [];
    return {
      objects: [
        ...(logo ? [{ image: { ...logo, data: look.logo!.data, altText: 'Logo' } }] : []),
        ...line(look.footer, SIDE, 'left'),
        ...line(look.confidential, SIDE + third, 'center'),
      ],
      ...(look.slideNumbers
        ? { slideNumber: { ...band, x: SLIDE.width - SIDE - 1, w: 1, align: 'right' as const, margin: 0 } }
        : {}),
    };
  };
  const stripe = look.colour
    ? [
        {
          rect: {
            x: 0,
            y: 0,
            w: SLIDE.width,
            h: STRIPE,
            fill: { color: look.colour },
            line: { type: 'none' as const },
          },
        },
      ]
    : [];
  const plain = foot(MUTED);
  const background = { color: WHITE };
  pptx.defineSlideMaster({
    title: MASTER.title,
    background,
    ...plain,
    objects: [
      ...stripe,
      ...plain.objects,
      placeholder({ x: SIDE, y: 1.6, w: titleWidth, h: 1.2, fontSize: 36, valign: 'bottom', ...text }),
    ],
  });
  pptx.defineSlideMaster({
    title: MASTER.table,
    background,
    ...plain,
    objects: [
      ...stripe,
      ...plain.objects,
      placeholder({ x: SIDE, y: 0.3, w: titleWidth, h: 0.78, fontSize: 22, valign: 'top', ...text }),
    ],
  });
  pptx.defineSlideMaster({
    title: MASTER.diagram,
    background,
    ...plain,
    objects: [...stripe, ...plain.objects, placeholder({})],
  });
  const white = foot(WHITE);
  // On the brand colour, the logo stands on a white plate: a logo in the brand's own colour would vanish.
  const plate = logo
    ? [
        {
          rect: {
            x: logo.x - 0.06,
            y: logo.y - 0.04,
            w: logo.w + 0.12,
            h: logo.h + 0.08,
            fill: { color: WHITE },
            line: { type: 'none' as const },
          },
        },
      ]
    : [];
  pptx.defineSlideMaster({
    title: MASTER.divider,
    background: { color: look.colour ?? SLATE },
    ...white,
    objects: [
      ...plate,
      ...white.objects,
      placeholder({ x: SIDE, y: 2.6, w: titleWidth, h: 1.2, fontSize: 36, valign: 'bottom', ...text, color: WHITE }),
    ],
  });
}

/** Column widths in inches: each its natural width where the table fits, else a fair share of the room. */
function columnWidths(table: TableBlock, room: number): number[] {
  const pad = CELL_MARGIN[1] + CELL_MARGIN[3] + 0.04;
  const natural = table.head.map(
    (h, k) =>
      Math.max(
        textWidth(h, BODY, true),
        ...table.rows.map((r) =>
          Math.max(
            ...cellText(r[k]!)
              .split('\n')
              .map((t) => textWidth(t, BODY)),
          ),
        ),
      ) /
        72 +
      pad,
  );
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= room) return natural.map((w) => (w * room) / total);
  // Narrow columns keep their width; the rest share what is left evenly.
  const widths = [...natural];
  let open = natural.map((_, k) => k);
  for (;;) {
    const left = room - widths.reduce((a, w, k) => a + (open.includes(k) ? 0 : w), 0);
    const share = left / open.length;
    const narrow = open.filter((k) => natural[k]! <= share);
    if (narrow.length === 0) {
      for (const k of open) widths[k] = share;
      return widths;
    }
    open = open.filter((k) => !narrow.includes(k));
  }
}

/** The height each row of a table takes (inches), the head first, from its cells' lines wrapped to their columns. */
function rowHeights(table: TableBlock, widths: readonly number[]): number[] {
  const inner = widths.map((w) => (w - CELL_MARGIN[1] - CELL_MARGIN[3] - 0.04) * 72);
  const lines = (text: string, k: number, bold = false) =>
    text.split('\n').reduce((n, t) => n + wrap(t, inner[k]!, BODY, bold).length, 0);
  const height = (counts: number[]) => Math.max(...counts) * LINE + CELL_MARGIN[0] + CELL_MARGIN[2] + 0.04;
  return [
    height(table.head.map((h, k) => lines(h, k, true))),
    ...table.rows.map((r) => height(r.map((c, k) => lines(cellText(c), k)))),
  ];
}

function addTitle(slide: Types.default.Slide, title: string) {
  slide.addText(safe(title), { placeholder: TITLE });
}

/** A table slide, and its continuations when its rows do not fit one. */
function addTable(pptx: PptxGenJS, s: Extract<Slide, { kind: 'table' }>, look: DeckLook) {
  const width = SLIDE.width - 2 * SIDE;
  const widths = columnWidths(s.table, width);
  const heights = rowHeights(s.table, widths);
  // A footnote takes the lines it needs at the foot of the slide, and the table stops a line's gap above it.
  const bottom = SLIDE.height - FOOT_MARGIN - (s.footnote ? footHeight(s.footnote) + 0.1 : 0);
  const header = s.table.head.map((h, k) => ({
    text: safe(h),
    options: {
      bold: true,
      fill: { color: headFill(look) },
      align: s.table.right?.includes(k) ? ('right' as const) : ('left' as const),
    },
  }));
  const pages: number[][] = [[]];
  let y = TABLE_TOP + heights[0]!;
  s.table.rows.forEach((_, n) => {
    const h = heights[n + 1]!;
    if (y + h > bottom && pages.at(-1)!.length > 0) {
      pages.push([]);
      y = TABLE_TOP + heights[0]!;
    }
    pages.at(-1)!.push(n);
    y += h;
  });
  pages.forEach((rows, k) => {
    const slide = pptx.addSlide({ masterName: MASTER.table });
    addTitle(slide, k === 0 ? s.title : `${s.title} (continued)`);
    slide.addTable(
      [
        header,
        ...rows.map((n) =>
          s.table.rows[n]!.map((cell, c) => {
            const tone = cellTone(cell);
            return {
              text: safe(cellText(cell)),
              options: {
                align: s.table.right?.includes(c) ? ('right' as const) : ('left' as const),
                ...(tone ? { color: TONE[tone], bold: true } : {}),
              },
            };
          }),
        ),
      ],
      {
        x: SIDE,
        y: TABLE_TOP,
        w: width,
        colW: widths,
        rowH: [heights[0]!, ...rows.map((n) => heights[n + 1]!)],
        fontFace: look.font,
        fontSize: BODY,
        color: INK,
        valign: 'top',
        margin: CELL_MARGIN,
        border: { type: 'solid', pt: 0.75, color: 'BFBFBF' },
        autoPage: false,
      },
    );
    // Points under the table, on its last slide: what the table's figures mean.
    if (s.after && k === pages.length - 1) {
      const end = TABLE_TOP + heights[0]! + rows.reduce((h, n) => h + heights[n + 1]!, 0);
      pointsBox(slide, s.after, end + 0.25, s.footnote, look);
    }
    addFootnote(slide, s.footnote, look);
    slide.addNotes(safe(s.notes));
  });
}

/** The height a footnote takes at the foot of a slide (inches); none without one. */
const footHeight = (footnote: string | undefined) =>
  footnote ? wrap(footnote, (SLIDE.width - 2 * SIDE) * 72, BODY).length * LINE : 0;

/** A slide's footnote, in the lines it needs, at the foot of the slide. */
function addFootnote(slide: Types.default.Slide, footnote: string | undefined, look: DeckLook) {
  if (!footnote) return;
  const foot = footHeight(footnote);
  slide.addText(safe(footnote), {
    x: SIDE,
    y: SLIDE.height - FOOT_MARGIN - foot,
    w: SLIDE.width - 2 * SIDE,
    h: foot,
    fontFace: look.font,
    fontSize: BODY,
    italic: true,
    color: MUTED,
    margin: 0,
    valign: 'top',
  });
}

/**
 * A slide of points: each a lead-in in bold and its text, at the largest of the sizes that lets them all fit between
 * the title and the footnote.
 */
function addPoints(pptx: PptxGenJS, s: Extract<Slide, { kind: 'points' }>, look: DeckLook) {
  const slide = pptx.addSlide({ masterName: MASTER.table });
  addTitle(slide, s.title);
  pointsBox(slide, s.points, TABLE_TOP, s.footnote, look);
  addFootnote(slide, s.footnote, look);
  slide.addNotes(safe(s.notes));
}

/**
 * Points from `top` down to the footnote: each a lead-in in bold and its text, at the largest of the sizes that
 * lets them all fit.
 */
function pointsBox(
  slide: Types.default.Slide,
  points: readonly [string, string][],
  top: number,
  footnote: string | undefined,
  look: DeckLook,
) {
  const width = SLIDE.width - 2 * SIDE;
  const room = SLIDE.height - FOOT_MARGIN - footHeight(footnote) - 0.15 - top;
  const space = 6; // points after each point
  const height = (size: number) =>
    points.reduce(
      (h, [lead, text]) => h + (wrap(`${lead}: ${text}`, width * 72 - 18, size).length * size * 1.2 + space) / 72,
      0,
    );
  const size = POINT_SIZES.find((z) => height(z) <= room) ?? POINT_SIZES.at(-1)!;
  slide.addText(
    points.flatMap(([lead, text]): Types.default.TextProps[] => [
      { text: `${safe(lead)}: `, options: { bold: true, bullet: { indent: 18 } } },
      { text: safe(text), options: { breakLine: true } },
    ]),
    {
      x: SIDE,
      y: top,
      w: width,
      h: room,
      fontFace: look.font,
      fontSize: size,
      color: INK,
      margin: 0,
      valign: 'top',
      paraSpaceAfter: space,
    },
  );
}

/** The sizes a slide of cards tries, largest first, down to the smallest a board reads (10 pt). */
export const CARD_SIZES = [14, 13, 12, 11, 10];
/** The gap between two cards, and the margin of a card's text within its box (inches). */
const CARD_GAP = 0.25;
const CARD_PAD = 0.12;

/** A card's paragraphs in reading order: its name, whom it stands for, who they are, its points, their words. */
function cardParagraphs(
  card: SlideCard,
): { lead?: string; text: string; bold?: boolean; muted?: boolean; italic?: boolean }[] {
  return [
    { text: card.name, bold: true },
    { text: card.standsFor, muted: true },
    ...(card.description ? [{ text: card.description }] : []),
    ...card.points.map(([lead, text]) => ({ lead, text })),
    ...(card.quote ? [{ text: `“${card.quote}”`, italic: true }] : []),
  ];
}

/**
 * Persona cards side by side, each a box on the body of the slide with its text inside, at the largest of
 * CARD_SIZES at which every card's text fits its box (the name a size larger); at the smallest, a card keeps the
 * paragraphs that fit, and the slide's notes give the cut ones in full.
 */
function addCards(pptx: PptxGenJS, s: Extract<Slide, { kind: 'cards' }>, look: DeckLook) {
  const slide = pptx.addSlide({ masterName: MASTER.table });
  addTitle(slide, s.title);
  const n = s.cards.length;
  const w = (SLIDE.width - 2 * SIDE - (n - 1) * CARD_GAP) / n;
  const room = SLIDE.height - FOOT_MARGIN - 0.1 - TABLE_TOP - 2 * CARD_PAD;
  const space = 6; // points after each paragraph
  const heights = (card: SlideCard, size: number) =>
    cardParagraphs(card).map((p, k) => {
      const z = k === 0 ? size + 2 : size;
      const lines = wrap(p.lead ? `${p.lead}: ${p.text}` : p.text, (w - 2 * CARD_PAD) * 72, z, p.bold).length;
      return (lines * z * 1.2 + space) / 72;
    });
  const fits = (size: number) => s.cards.every((c) => heights(c, size).reduce((a, b) => a + b, 0) <= room);
  const size = CARD_SIZES.find(fits) ?? CARD_SIZES.at(-1)!;
  // Each card's paragraphs that fit its box at this size, from the first; the boxes as tall as the tallest text.
  const placed = s.cards.map((card) => {
    const all = cardParagraphs(card);
    const hs = heights(card, size);
    let used = 0;
    let fit = 0;
    while (fit < all.length && used + hs[fit]! <= room) used += hs[fit++]!;
    return { card, kept: all.slice(0, fit), left: all.slice(fit), used };
  });
  const h = Math.max(...placed.map((p) => p.used)) + 2 * CARD_PAD;
  placed.forEach(({ kept }, k) => {
    const x = SIDE + k * (w + CARD_GAP);
    slide.addShape('rect', {
      x,
      y: TABLE_TOP,
      w,
      h,
      fill: { color: headFill(look) },
      line: { color: 'D0D7DE', width: 0.75 },
    });
    slide.addText(
      kept.flatMap((p, i): Types.default.TextProps[] => [
        ...(p.lead ? [{ text: `${safe(p.lead)}: `, options: { bold: true } }] : []),
        {
          text: safe(p.text),
          options: {
            breakLine: true,
            ...(i === 0 ? { fontSize: size + 2 } : {}),
            ...(p.bold ? { bold: true } : {}),
            ...(p.italic ? { italic: true } : {}),
            ...(p.muted ? { color: MUTED } : {}),
          },
        },
      ]),
      {
        x: x + CARD_PAD,
        y: TABLE_TOP + CARD_PAD,
        w: w - 2 * CARD_PAD,
        h: h - 2 * CARD_PAD,
        fontFace: look.font,
        fontSize: size,
        color: INK,
        margin: 0,
        valign: 'top',
        paraSpaceAfter: space,
      },
    );
  });
  const cut = placed.flatMap(({ card, left }) =>
    left.map((p) => `- ${card.name}: ${p.lead ? `${p.lead}: ` : ''}${p.text}`),
  );
  slide.addNotes(
    safe(s.notes) + (cut.length ? `\n\nIn full, what the cards leave out for room:\n${cut.join('\n')}` : ''),
  );
}

/**
 * A drawing: under the slide's own title, as its action title, when it has one (the drawing placed on the body of
 * the slide, its own title kept as a caption); else its title is the slide's.
 */
function addPicture(pptx: PptxGenJS, s: Extract<Slide, { kind: 'picture' }>, look: DeckLook) {
  const slide = pptx.addSlide({ masterName: s.title === undefined ? MASTER.diagram : MASTER.table });
  if (s.title !== undefined) addTitle(slide, s.title);
  const { tips } = printSlideShapes(slide, s.picture, s.title === undefined ? TITLE : undefined, look.font);
  addFootnote(slide, s.footnote, look);
  // A label cut short on the slide is in the notes in full.
  const cut = tips.length
    ? `\n\nIn full, the labels cut short on this slide:\n${tips.map((t) => `- ${t}`).join('\n')}`
    : '';
  slide.addNotes(safe(s.notes) + cut);
}

/**
 * The deck's bytes with `written` as the time it was written, in its properties (created, modified) and on each
 * entry of its zip, where pptxgenjs puts the present time: the same slides written at the same time are the same
 * bytes. pptxgenjs stores its entries (no compression), and so does this.
 */
async function writtenAt(bytes: Uint8Array, written: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const stamp = written.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = await zip.file('docProps/core.xml')!.async('string');
  zip.file('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified) [^>]*>)[^<]*/g, `$1${stamp}`));
  for (const entry of Object.values(zip.files)) entry.date = written;
  return zip.generateAsync({ type: 'uint8array' });
}

/** The deck as the bytes of a .pptx file, in the client's look (none: the default), written at `written`. */
export async function pptxOf(
  slides: readonly Slide[],
  title: string,
  look: DeckLook = DEFAULT_LOOK,
  written = new Date(),
): Promise<Uint8Array> {
  const pptx = new (await pptxClass())();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = xmlSafe(title);
  pptx.author = 'cxmap';
  // The theme's fonts too: a text PowerPoint adds (a new text box, the notes) is in the look's font.
  pptx.theme = { headFontFace: look.font, bodyFontFace: look.font };
  defineMasters(pptx, look);
  for (const s of slides) {
    if (s.kind === 'table') addTable(pptx, s, look);
    else if (s.kind === 'picture') addPicture(pptx, s, look);
    else if (s.kind === 'points') addPoints(pptx, s, look);
    else if (s.kind === 'cards') addCards(pptx, s, look);
    else if (s.kind === 'divider') addDivider(pptx, s, look);
    else addTitleSlide(pptx, s, look);
  }
  return writtenAt((await pptx.write({ outputType: 'uint8array' })) as Uint8Array, written);
}

function addDivider(pptx: PptxGenJS, s: Extract<Slide, { kind: 'divider' }>, look: DeckLook) {
  const slide = pptx.addSlide({ masterName: MASTER.divider });
  addTitle(slide, s.title);
  addSubtitle(slide, s.subtitle, 3.95, WHITE, look);
  slide.addNotes(safe(s.notes));
}

/** The line under a title slide's or a divider's title, from `y` (inches). */
function addSubtitle(slide: Types.default.Slide, text: string, y: number, color: string, look: DeckLook) {
  slide.addText(safe(text), {
    x: SIDE,
    y,
    w: SLIDE.width - 2 * SIDE,
    h: 0.8,
    fontFace: look.font,
    fontSize: 18,
    color,
    margin: 0,
    valign: 'top',
  });
}

function addTitleSlide(pptx: PptxGenJS, s: Extract<Slide, { kind: 'title' }>, look: DeckLook) {
  const slide = pptx.addSlide({ masterName: MASTER.title });
  addTitle(slide, s.title);
  addSubtitle(slide, s.subtitle, 2.95, MUTED, look);
  slide.addText(
    s.facts.flatMap(([label, value]): Types.default.TextProps[] => [
      { text: `${safe(label)}: `, options: { bold: true } },
      { text: safe(value), options: { breakLine: true } },
    ]),
    {
      x: SIDE,
      y: 4.1,
      w: SLIDE.width - 2 * SIDE,
      h: 2.6,
      fontFace: look.font,
      fontSize: 16,
      color: INK,
      margin: 0,
      valign: 'top',
      paraSpaceAfter: 6,
    },
  );
  slide.addNotes(safe(s.notes));
}
