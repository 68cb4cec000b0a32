/**
 * The journey laid out: every card's text measured once with the font's metrics, then parts cut from that one
 * layout by columns of the main path, each with the ways that leave from its columns, so that a part fits its page
 * at full size (text at the readable minimum). Ways too many for one part's height go on to parts of their own;
 * every part has the size of the largest, so that each is printed at the same scale and the same text size.
 */
import { fitsPage, FONT, LH, LINE_HEIGHT, MARGIN, PAGE_MARGIN, TITLE, type Page } from '../../theme.js';
import { cut, textWidth, wrap } from '../font.js';
import { waitText, branchTitle, shareText, type JourneyBranch, type JourneyModel, type JourneyStep } from './model.js';

export const CARD = 124;
export const GAP = 12;
/** The column left of the cards: the levels of feeling, and the headings of the ways off the main path. */
export const HEAD = 112;
/** The height of one level of feeling. */
export const LEVEL = 17;
const PAD = 6;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextLine {
  text: string;
  bold: boolean;
  /** The whole text of a line that was cut. */
  tip?: string;
}

export interface Card extends Box {
  step: JourneyStep;
  lines: TextLine[];
}

export interface PartLayout {
  width: number;
  title: string[];
  /** Under the title: the share of customers who go the main path exactly as drawn, and who take a detour. */
  lead: { y: number; lines: string[] };
  stages: (Box & { lines: string[] })[];
  waits: (Box & { step: JourneyStep; text: string })[];
  main: Card[];
  /** The top of the levels of feeling; whether the row of feelings not recorded is there. */
  feeling: { top: number; unrecorded: boolean; right: number };
  branches: { label: { x: number; y: number; lines: string[]; tip?: string }; cards: Card[] }[];
  /** Where the legend starts, and the steps it is about. */
  legend: { y: number; steps: JourneyStep[] };
}

export const colX = (k: number) => MARGIN + HEAD + k * (CARD + GAP);
/**
 * The level of the row of feelings not recorded: above the scale, apart from it (below "very bad" it read as a
 * feeling worse than any).
 */
export const NOT_RECORDED = 3;
/** The y of a level of feeling, `NOT_RECORDED` for the row of feelings not recorded. */
export const levelY = (top: number, feeling: number) => top + 8 + (2 - feeling) * LEVEL;

/** A card's lines: the name in bold, then who the customer deals with and how. */
function cardLines(step: JourneyStep): TextLine[] {
  const name = cut(step.name);
  const who = cut([step.who, step.channel].filter(Boolean).join(' · '));
  return [
    ...wrap(name.text, CARD - 2 * PAD, FONT, true).map((text, k) => ({
      text,
      bold: true,
      tip: k ? undefined : name.tip,
    })),
    ...wrap(who.text, CARD - 2 * PAD, FONT).map((text, k) => ({ text, bold: false, tip: k ? undefined : who.tip })),
  ];
}

/** What the main path stands for: how many customers go it exactly as drawn, and how many take a detour. */
export const leadText = (model: JourneyModel) =>
  `${shareText(model.asDrawn)} of customers go the main path exactly as drawn; ` +
  (model.detoured > 0 ? `${shareText(model.detoured)} take at least one detour.` : 'no customer takes a detour.');

interface Part {
  /** The main path's columns [from, to); none for a part of ways only. */
  from: number;
  to: number;
  branches: JourneyBranch[];
}

export class JourneyLayout {
  private readonly lines = new Map<number, TextLine[]>();
  /** The most columns a row of cards can take on the page. */
  private readonly perRow: number;

  constructor(
    readonly model: JourneyModel,
    private readonly page?: Page,
  ) {
    this.perRow = page
      ? Math.max(1, Math.floor((page.width - 2 * PAGE_MARGIN - 2 * MARGIN - HEAD + GAP) / (CARD + GAP)))
      : Infinity;
  }

  private card(step: JourneyStep, x: number, y: number, height: number): Card {
    return { step, x, y, width: CARD, height, lines: this.measured(step) };
  }

  private measured(step: JourneyStep): TextLine[] {
    let lines = this.lines.get(step.index);
    if (!lines) this.lines.set(step.index, (lines = cardLines(step)));
    return lines;
  }

  private cardHeight = (steps: readonly JourneyStep[]) =>
    Math.max(1, ...steps.map((s) => this.measured(s).length)) * LH + 2 * PAD + 2;

  /** Where a way's cards start: after the column it leaves from, or under its heading when that is too wide. */
  private start(b: JourneyBranch, part: Part) {
    const start = part.to > part.from ? Math.max(0, b.from - part.from + 1) : 0;
    return start + b.steps.length > this.perRow ? 0 : start;
  }

  /** The part's width as laid out: its widest row of cards. */
  private naturalWidth(part: Part) {
    const columns = Math.max(
      1,
      part.to - part.from,
      ...part.branches.map((b) => this.start(b, part) + Math.min(b.steps.length, this.perRow)),
    );
    return colX(columns) - GAP + MARGIN;
  }

  /** The title of part `index` (from 1) of `count`. */
  title(index: number, count: number) {
    return `${this.model.process} · the customer's journey${count > 1 ? ` · part ${index} of ${count}` : ''}`;
  }

  /** The part laid out at a width (at least its own), with its title. */
  place(part: Part, title: string, width = this.naturalWidth(part)): PartLayout {
    const steps = this.model.main.slice(part.from, part.to);
    const titleLines = wrap(title, width - 2 * MARGIN, TITLE, true);
    let y = MARGIN + titleLines.length * TITLE * LINE_HEIGHT + 4;
    const undrawn = this.model.undrawn.length
      ? ` Feelings drawn for the ${this.model.segments.length} largest segments; not drawn: ${this.model.undrawn.join(', ')}.`
      : '';
    const lead = { y: y + FONT, lines: wrap(leadText(this.model) + undrawn, width - 2 * MARGIN, FONT) };
    y += lead.lines.length * LH + 6;

    // Stage headings over the main path's columns.
    const runs: { stage: string; first: number; last: number }[] = [];
    steps.forEach((s, k) => {
      const last = runs.at(-1);
      if (last?.stage === s.stage) last.last = k;
      else runs.push({ stage: s.stage, first: k, last: k });
    });
    const headings = runs.map((r) => wrap(r.stage, colX(r.last) + CARD - colX(r.first) - 10, FONT, true));
    const headingHeight = runs.length ? Math.max(...headings.map((h) => h.length)) * LH + 8 : 0;
    const stages = runs.map((r, k) => ({
      x: colX(r.first),
      y,
      width: colX(r.last) + CARD - colX(r.first),
      height: headingHeight - 4,
      lines: headings[k]!,
    }));
    y += headingHeight;

    // The waits, in a row of their own over the gap before each card.
    const waits = steps.flatMap((step, k) => {
      const text = waitText(this.model, step);
      if (!text) return [];
      const w = textWidth(text, FONT) + 10;
      return [{ step, text, x: colX(k) - GAP / 2 - w / 2, y: y + 2, width: w, height: LH + 2 }];
    });
    if (waits.length) y += LH + 10;

    const mainHeight = this.cardHeight(steps);
    const main = steps.map((s, k) => this.card(s, colX(k), y + 6, mainHeight));
    if (steps.length) y += mainHeight + 14;

    // The levels of feeling, when the part has a main path.
    const { segments } = this.model;
    const unrecorded = segments.length
      ? steps.some((s) => segments.some((g) => g.feelings[s.index] === undefined))
      : steps.some((s) => s.feeling === undefined);
    // With feelings not recorded, their row above the scale: one level down (the heading moves up beside the cards).
    const feeling = { top: y + (unrecorded ? LEVEL : 0), unrecorded, right: width - MARGIN };
    if (steps.length) y = levelY(feeling.top, -2) + 14;

    // Each way off the main path: its heading, then its cards from the column after the one it leaves from.
    const branches = part.branches.map((b) => {
      const start = this.start(b, part);
      // Cards that cannot stand after the column they leave from (on a part of their own, or too many for the row
      // there) say where they leave.
      const after = start === 0 && b.from >= 0 ? ` · after ${this.model.main[b.from]!.name}` : '';
      const heading = cut(branchTitle(b) + after);
      const lines = wrap(heading.text, start ? colX(start) - 8 - MARGIN : width - 2 * MARGIN, FONT, true);
      y += 6;
      const label = { x: MARGIN, y: y + FONT, lines, tip: heading.tip };
      const labelBottom = y + lines.length * LH;
      const top = start === 0 ? labelBottom + 8 : y;
      const height = this.cardHeight(b.steps);
      const cards = b.steps.map((s, k) => {
        const row = Math.floor(k / this.perRow);
        return this.card(s, colX(start + (k % this.perRow)), top + row * (height + 14), height);
      });
      const rows = Math.ceil(b.steps.length / Math.min(this.perRow, b.steps.length));
      y = Math.max(labelBottom, top + rows * (height + 14) - 14) + 4;
      return { label, cards };
    });

    const shown = [...steps, ...part.branches.flatMap((b) => b.steps)];
    return {
      width,
      title: titleLines,
      lead,
      stages,
      waits,
      main,
      feeling,
      branches,
      legend: { y: y + 4, steps: shown },
    };
  }

  /**
   * The parts: the whole journey without a page; on a page, as many columns as fit at full size, then the same
   * number of parts with the columns shared out evenly when that fits too. `height` gives a part's full height
   * (its legend included) from its layout.
   */
  parts(height: (layout: PartLayout) => number): Part[] {
    const { main, branches } = this.model;
    const count = main.length;
    const of = (from: number, to: number): Part => ({
      from,
      to,
      branches: branches.filter((b) => Math.max(0, b.from) >= from && Math.max(0, b.from) < to),
    });
    const whole = { from: 0, to: count, branches };
    const page = this.page;
    if (!page) return [whole];
    const most = count + branches.length;
    const fits = (part: Part) => {
      // Checked with the longest title a part can have: there are never more parts than columns and ways.
      const layout = this.place(part, this.title(most, most));
      return fitsPage({ width: layout.width, height: height(layout) }, page);
    };
    if (fits(whole)) return [whole];
    const greedy: Part[] = [];
    // (A main path without a step the customer lives still gives one part, for the ways off it.)
    for (let from = 0; from < Math.max(count, 1);) {
      let to = from + 1;
      while (to < count && fits(of(from, to + 1))) to++;
      // A column with more ways off it than fit: the columns after it without ways of their own stay with it.
      if (!fits(of(from, to)))
        while (to < count && of(to, to + 1).branches.length === 0 && fits({ from, to: to + 1, branches: [] })) to++;
      const part = of(from, to);
      // Too many ways for one part: as many as fit stay with the columns, the rest go on to parts of their own.
      const rest = [...part.branches];
      const kept: JourneyBranch[] = [];
      while (rest.length && fits({ ...part, branches: [...kept, rest[0]!] })) kept.push(rest.shift()!);
      greedy.push({ ...part, branches: kept });
      while (rest.length) {
        const own: JourneyBranch[] = [rest.shift()!];
        while (rest.length && fits({ from: to, to, branches: [...own, rest[0]!] })) own.push(rest.shift()!);
        greedy.push({ from: to, to, branches: own });
      }
      from = to;
    }
    const columns = greedy.filter((p) => p.to > p.from).length;
    if (count > 0 && greedy.length === columns) {
      const even = Array.from({ length: columns }, (_, k) =>
        of(Math.round((k * count) / columns), Math.round(((k + 1) * count) / columns)),
      );
      if (even.every(fits)) return even;
    }
    return greedy;
  }
}
