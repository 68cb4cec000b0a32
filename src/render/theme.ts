/**
 * The one theme of every picture cxmap draws, whatever prints it (SVG, PNG, PDF, PowerPoint shapes, Mermaid's
 * styles): colours, the font and its sizes, the pages in points and the one way a drawing is fitted to a page.
 * A colour, size or page used by a drawing or a printer is named here, not written where it is used.
 */

/**
 * Colours of the diagrams: the Okabe-Ito palette, which stays distinguishable for the common kinds of colour
 * blindness (Okabe & Ito, "Color Universal Design", 2008).
 */
export const PALETTE = {
  valueAdding: '#009E73', // bluish green
  required: '#56B4E9', // sky blue
  waste: '#D55E00', // vermillion
  unclassified: '#BBBBBB',
  rework: '#CC79A7', // reddish purple
  hot: '#E69F00', // orange: where the customer's time goes
  ink: '#1A1A1A',
  failure: '#D55E00',
};

/** Lane backgrounds, from the customer's (warmest) down to support (greyest). */
export const LANE_FILL = {
  customer: '#FFF8E7',
  frontstage: '#EEF6FB',
  backstage: '#F2F2F2',
  support: '#E6E6E6',
};

/** Arial on Windows and macOS, Liberation Sans on Linux, Arimo (shipped with cxmap): the same metrics. */
export const FONT_FAMILY = "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif";

/** Line height of text, as a multiple of its size. */
export const LINE_HEIGHT = 1.15;

export interface Page {
  /** The page's size in points. */
  width: number;
  height: number;
  /** What it is called in a sentence: a 16:9 slide. */
  name: string;
  /** Where the page stands on its sheet, from the top (points): the body of a slide, under its title. */
  top?: number;
}

/** The pages a drawing can be put on, in points: a 13.33 x 7.5 in slide (16:9), a 10 x 7.5 in slide (4:3), A4. */
export const PAGES = {
  '16:9': { width: 960, height: 540, name: 'a 16:9 slide' },
  '4:3': { width: 720, height: 540, name: 'a 4:3 slide' },
  a4: { width: 595.3, height: 841.9, name: 'an A4 page' },
  'a4-landscape': { width: 841.9, height: 595.3, name: 'an A4 landscape page' },
} as const satisfies Record<string, Page>;

/**
 * The band at the foot of every slide of the deck (points, 0.35 in): the footer, the confidentiality mark and the
 * slide's number; nothing else of a slide comes into it.
 */
export const DECK_FOOT = 25.2;
/** A 16:9 slide of the deck above its foot band, for a drawing that titles the slide itself. */
export const SLIDE_PAGE: Page = { width: 960, height: 540 - DECK_FOOT, name: 'a 16:9 slide above its foot band' };
/**
 * The body of a 16:9 slide of the deck: under the title (a sentence of up to two lines at 22 pt, 0.3 to 1.08 in from
 * the top) and above the footnote and the foot band, for a drawing that goes under a slide's own title.
 */
export const SLIDE_BODY: Page = { width: 960, height: 396, top: 84, name: 'a 16:9 slide under its title' };
export type PageName = keyof typeof PAGES | 'none';
export const PAGE_NAMES = [...Object.keys(PAGES), 'none'] as PageName[];

/** The readable minimum: no text of a drawing cxmap lays out is smaller on its page (11 pt on a 16:9 slide). */
export const MIN_TEXT_PT = 11;
/** White space around a drawing on its page, in points. */
export const PAGE_MARGIN = 10;
/** The largest a drawing is enlarged to fill its page. */
const MAX_SCALE = 1.5;

/** The scale of a drawing centred on a page: as large as fits, up to 1.5 times its size. */
export function pageScale(size: { width: number; height: number }, page: Page): number {
  return Math.min(
    MAX_SCALE,
    (page.width - 2 * PAGE_MARGIN) / size.width,
    (page.height - 2 * PAGE_MARGIN) / size.height,
  );
}

/** Whether a drawing fits the page at full size: its text no smaller than it was drawn (the readable minimum). */
export const fitsPage = (size: { width: number; height: number }, page: Page) => pageScale(size, page) >= 1;

/** Body text: the readable minimum on the page. */
export const FONT = MIN_TEXT_PT;
export const LH = FONT * LINE_HEIGHT;
export const TITLE = 15;
export const MARGIN = 8;
export const INK = PALETTE.ink;
export const MUTED = '#444444';

/** The value classes as the drawings show them: a tint for boxes, a band or dot in the class's colour. */
export const VALUE_STYLE = {
  customer: { fill: '#DDF3EC', band: PALETTE.valueAdding, label: 'value-adding' },
  business: { fill: '#E1F1FB', band: PALETTE.required, label: 'business-required' },
  waste: { fill: '#FBE4D6', band: PALETTE.waste, label: 'waste' },
  none: { fill: '#FFFFFF', band: PALETTE.unclassified, label: 'not classed' },
};
export type ValueKey = keyof typeof VALUE_STYLE;

/** The customer's journey: its cards by who acts, the levels of feeling and the curve through them, the waits. */
export const JOURNEY = {
  stageFill: '#E9EEF3',
  card: { customer: LANE_FILL.customer, frontstage: LANE_FILL.frontstage, hidden: '#FFFFFF' },
  cardStroke: '#8C8C8C',
  /** The feelings from very bad (-2) to very good (2): vermillion to bluish green, grey for neutral. */
  feeling: { 2: PALETTE.valueAdding, 1: '#5BB88F', 0: '#8C8C8C', [-1]: '#E08A4F', [-2]: PALETTE.waste } as Record<
    number,
    string
  >,
  neutralLine: '#B5B5B5',
  levelLine: '#E2E2E2',
  curve: '#0072B2',
  hollow: '#FFFFFF',
  waitFill: '#FFF1D6',
  waitStroke: PALETTE.hot,
};

/**
 * Slides (the deck's diagrams as PowerPoint shapes): the font a slide names, metric-compatible with the one the
 * layout measures with, and where a line's baseline sits below its top, as a multiple of the size (Arial's ascent,
 * 0.905 em, as the layouts place their first lines).
 */
export const DECK_FONT = 'Arial';
export const TEXT_ASCENT = 0.9;

/** The classes of the customer's time (the analysis's `timeSplit`): waiting, and work by value class. */
export const TIME_COLOUR = {
  wait: PALETTE.hot,
  valueAdding: PALETTE.valueAdding,
  required: PALETTE.required,
  waste: PALETTE.waste,
  unclassed: PALETTE.unclassified,
};

/** The charts (time, matrix, priorities, timeline): a row's stripe, the regions' tints, the leaders of labels. */
export const CHART = {
  stripe: '#F6F6F6',
  /** The tints of the regions of a value chart: good (keep, quick wins), hurry, streamline, rethink, remove. */
  good: '#E8F5EE',
  hurry: '#FFF3DC',
  calm: '#EEF3F8',
  rethink: '#FCEBDD',
  remove: '#F8DCCB',
  /** The opportunities' points: Okabe-Ito blue, apart from the value classes' colours of the steps. */
  opportunity: '#0072B2',
  leader: '#777777',
  paper: '#FFFFFF',
  /** A wait while the customer's last news is recent: the waiting's orange, lightened. */
  waitLit: '#F5CF80',
  /** A wait beside a longer branch (off the critical path): neither counted in the lead time nor dark. */
  waitBeside: '#D9D2C3',
  /** The grid lines of a time axis. */
  grid: '#D9D9D9',
};

/** The service blueprint: the evidence lane, the boxes, the stubs of a part, the stage headers, edges and waits. */
export const BLUEPRINT = {
  evidenceFill: '#FFFFFF',
  laneStroke: '#BBBBBB',
  /** A card of physical evidence, a stub, the label of a line: white. */
  card: '#FFFFFF',
  cardStroke: '#8C8C8C',
  stepStroke: '#6B6B6B',
  stubStroke: '#888888',
  /** Stage headers alternate between two slates, in white. */
  stageFill: ['#3E4C59', '#5A6B7B'],
  stageInk: '#FFFFFF',
  separator: '#8A8A8A',
  edge: '#555555',
  pillFill: '#FFF1D6',
  waitInk: '#9A5B00',
  successInk: '#00704F',
} as const;

/**
 * The service blueprint at a glance: every step of a map on one slide, as small boxes with short labels. Its text
 * is smaller than the readable minimum of the detailed drawings but never under 10 pt on the slide; a step changed
 * (or new) in a to-be is ringed in Okabe-Ito blue, apart from the value classes' and the waits' colours.
 */
export const BLUEPRINT_GLANCE = {
  /** The size of every text of the glance but its title and legend, in points on the slide. */
  text: 10,
  /** The width of the lanes' titles, at the left of each band. */
  headWidth: 66,
  /** The room between two columns, where arrows turn. */
  gap: 16,
  /** The widest a step's box grows, and the narrowest each of its label lines is for a glance of 3-line labels. */
  widest: 150,
  roomy: 84,
  /** The narrowest box at all: below it, a label line holds too few characters to read. */
  narrowest: 56,
  /** Room in a lane above its boxes (where a fail point's badge and a moment of truth's star sit), and below. */
  padTop: 6,
  padBottom: 3,
  /** Between two bands of the glance, and between two boxes of parallel work stacked in one lane. */
  bandGap: 6,
  stackGap: 9,
  changed: '#0072B2',
  removedFill: '#F4F4F4',
  removedStroke: '#8C8C8C',
} as const;

/** The journey at a glance (one 16:9 slide): its sizes in points and the colours of the ways customers go. */
export const JOURNEY_GLANCE = {
  /** The drawing fills the slide inside its margins, so that it is printed at its own size. */
  width: PAGES['16:9'].width - 2 * PAGE_MARGIN,
  height: PAGES['16:9'].height - 2 * PAGE_MARGIN,
  margin: 14,
  /** The column of row names left of the stages. */
  gutter: 96,
  gap: 10,
  title: 20,
  subtitle: 13,
  header: 13,
  figure: 22,
  text: MIN_TEXT_PT,
  headerFill: BLUEPRINT.stageFill[0],
  headerInk: BLUEPRINT.stageInk,
  columnFill: '#F4F6F8',
  muted: MUTED,
  /** The waiting in words, in the dark of the waiting's orange (readable on the column's tint). */
  waitInk: BLUEPRINT.waitInk,
  dark: '#5A4A7A',
  /** The ways customers go: to the goal, to another end, round a detour. */
  way: { success: PALETTE.valueAdding, failure: PALETTE.failure, detour: PALETTE.hot },
  /** The longest bar of a share (100 % of customers). */
  bar: 170,
} as const;

/**
 * The journey of a map with segments: each segment's feeling curve in an Okabe-Ito colour of its own (blue, orange,
 * reddish purple, bluish green, black: apart for the common kinds of colour blindness) and a dash of its own, so
 * that curves stay apart in grey print too; curves on the same level are drawn `spread` points apart, and the rings
 * of feelings not recorded at one step `ringSpread` apart.
 */
export const JOURNEY_SEGMENTS = {
  colour: ['#0072B2', '#E69F00', '#CC79A7', '#009E73', '#000000'],
  dash: [undefined, '7 3', '2 3', '9 3 2 3', '4 2'],
  spread: 3,
  ringSpread: 12,
} as const;

/**
 * The lifecycle strip of a portfolio (render/svg/lifecycle/): each journey's stages as columns under its name, the
 * worst feeling of each stage as a dot on five levels, an arrow where one journey hands the customer on to the next.
 * Its text is 10 pt on the slide; a strip wider than the slide's body is cut into bands, one under the other.
 */
export const LIFECYCLE_STRIP = {
  text: 10,
  /** The journey's name over its stages. */
  header: 11,
  headerHeight: 16,
  /** The column of the feeling words, left of the stages. */
  gutter: 58,
  /** A stage's column: the narrowest (two lines of its name at 10 pt stay readable) and the widest. */
  narrowest: 64,
  widest: 130,
  /** Between two stages of a journey; before a journey, where the arrow of the hand-on stands. */
  gap: 2,
  handOn: 22,
  /** The stage's name on up to two lines, and the room around the levels of feeling. */
  nameHeight: 29,
  /** Between two levels of feeling: at least (four bands to a slide's body), at most where the body has room. */
  levelStep: 7,
  tallestStep: 18,
  levelPad: 7,
  bandGap: 8,
} as const;
