/** The blueprint's layout as shapes: lanes and lines behind, then edges, then boxes, labels and the legend. */
import { BLUEPRINT, FONT, INK, LANE_FILL, LH, MARGIN, MUTED, PALETTE, VALUE_STYLE } from '../../theme.js';
import { at, type Drawing, type Shape } from '../scene.js';
import { failMark, truthMark } from '../shapes.js';
import { textWidth } from '../font.js';
import type { BlueprintModel, Row } from './model.js';
import { PILL, TEXT_PAD, type BlueprintLayout, type Placed } from './layout.js';

const ROW_FILL: Record<Row, string> = { evidence: BLUEPRINT.evidenceFill, ...LANE_FILL };

function textShapes(box: Placed, role: string, indent = 5): Shape[] {
  return box.lines.flatMap((line, k) =>
    line.text === ''
      ? []
      : [
          {
            kind: 'text' as const,
            x: box.x + TEXT_PAD + indent,
            y: box.textTop + FONT * 0.9 + k * LH,
            lines: [line.text],
            size: FONT,
            bold: line.bold,
            italic: line.italic,
            fill: line.fill,
            role: k === 0 ? role : undefined,
            tip: line.tip,
          },
        ],
  );
}

/** Whether lines drawn of a text end in an ellipsis the text does not have: it was cut. */
const clipped = (lines: readonly string[], text: string) => lines.at(-1)!.endsWith('…') && !text.endsWith('…');

const head = (x: number, y: number, dx: number, dy: number) =>
  `M${at(x)} ${at(y)} L${at(x - 8 * dx - 4 * dy)} ${at(y - 8 * dy - 4 * dx)} L${at(x - 8 * dx + 4 * dy)} ${at(y - 8 * dy + 4 * dx)} Z`;

export function blueprintScene(model: BlueprintModel, layout: BlueprintLayout): Drawing {
  const { width } = layout;
  const back: Shape[] = [];
  for (const lane of layout.lanes) {
    back.push(
      {
        kind: 'rect',
        ...lane.box,
        fill: ROW_FILL[lane.row],
        stroke: BLUEPRINT.laneStroke,
        strokeWidth: 0.8,
        role: `lane:${lane.row}`,
      },
      {
        kind: 'text',
        x: lane.box.x + 8,
        y: lane.box.y + 5 + FONT,
        lines: lane.title,
        size: FONT,
        bold: true,
        fill: INK,
        role: `lane-title:${lane.row}`,
      },
    );
  }
  for (const line of layout.lines)
    back.push(
      {
        kind: 'path',
        d: `M${MARGIN} ${at(line.y)} H${at(width - MARGIN)}`,
        stroke: INK,
        strokeWidth: 1.6,
        dash: line.dash,
      },
      { kind: 'rect', x: MARGIN, y: line.y - LH / 2, width: line.labelWidth, height: LH, fill: BLUEPRINT.card },
      {
        kind: 'text',
        x: MARGIN + 5,
        y: line.y + FONT * 0.35,
        lines: [line.name],
        size: FONT,
        bold: true,
        italic: true,
        fill: INK,
        role: `line:${line.name}`,
      },
    );
  for (const s of layout.stages) {
    back.push(
      { kind: 'rect', ...s.box, fill: BLUEPRINT.stageFill[s.shade]! },
      {
        kind: 'text',
        x: s.box.x + s.box.width / 2,
        y: s.box.y + 2 + 12 * 0.9,
        lines: s.lines,
        size: 12,
        bold: true,
        fill: BLUEPRINT.stageInk,
        anchor: 'middle',
        role: `stage:${s.stage}`,
        ...(clipped(s.lines, s.stage) ? { tip: s.stage } : {}),
      },
    );
    if (!s.first)
      back.push({
        kind: 'path',
        d: `M${at(s.box.x)} ${at(s.box.y)} V${at(layout.lanesBottom)}`,
        stroke: BLUEPRINT.separator,
        strokeWidth: 0.8,
        dash: '3 3',
      });
  }

  const edges: Shape[] = [];
  for (const r of layout.edges) {
    const colour = r.edge.rework ? PALETTE.rework : BLUEPRINT.edge;
    const [first, ...rest] = r.points;
    const tip = r.points.at(-1)!;
    edges.push(
      {
        kind: 'path',
        d: `M${at(first![0])} ${at(first![1])}${rest.map(([x, y], k) => (x === r.points[k]![0] ? ` V${at(y)}` : ` H${at(x)}`)).join('')}`,
        stroke: colour,
        strokeWidth: r.edge.rework ? 2 : 1.4,
        dash: r.edge.rework ? '6 3' : undefined,
      },
      { kind: 'path', d: head(tip[0], tip[1], ...r.towards), fill: colour },
    );
    if (r.label)
      edges.push({
        kind: 'text',
        x: r.label.x,
        y: r.label.y + FONT * 0.9,
        lines: r.label.lines,
        size: FONT,
        italic: true,
        fill: MUTED,
        anchor: r.label.anchor,
        role: `edge-label:${model.steps[r.edge.from]!.id}>${model.steps[r.edge.to]!.id}`,
        ...(clipped(r.label.lines, r.edge.label!) ? { tip: r.edge.label } : {}),
      });
  }

  // A white card (evidence) or stub (a step in another part), outlined.
  const paper = (
    box: { x: number; y: number; width: number; height: number },
    look: { radius: number; stroke: string; dash?: string },
  ): Shape => ({
    kind: 'rect',
    x: box.x,
    y: box.y,
    width: box.width,
    height: box.height,
    fill: BLUEPRINT.card,
    strokeWidth: 1,
    ...look,
  });
  const front: Shape[] = [];
  for (const box of layout.boxes) {
    if (box.kind === 'card') {
      front.push(paper(box, { radius: 2, stroke: BLUEPRINT.cardStroke }), ...textShapes(box, 'evidence', 0));
      continue;
    }
    if (box.kind === 'stub') {
      front.push(paper(box, { radius: 3, stroke: BLUEPRINT.stubStroke, dash: '4 3' }), ...textShapes(box, box.role));
      continue;
    }
    const s = model.steps[box.step!]!;
    const style = VALUE_STYLE[s.value];
    const hot = Boolean(s.facts.hotShare);
    front.push(
      {
        kind: 'rect',
        x: box.x,
        y: box.y,
        width: box.width,
        height: box.height,
        radius: s.end ? 12 : 3,
        role: box.role,
        fill: style.fill,
        stroke: hot ? PALETTE.hot : s.end === 'failure' ? PALETTE.failure : BLUEPRINT.stepStroke,
        strokeWidth: hot ? 3.5 : 1.2,
        dash: s.end === 'failure' ? '6 3' : undefined,
      },
      { kind: 'rect', x: box.x + 1.5, y: box.y + 4, width: 4, height: box.height - 8, fill: style.band },
      ...textShapes(box, s.id),
    );
    if (s.facts.wait) {
      const text = `waits ${s.facts.wait.replace(/ /g, '\u00A0')}`;
      front.push(
        {
          kind: 'rect',
          x: box.x + 8,
          y: box.y - PILL / 2,
          width: textWidth(text, FONT, true) + 10,
          height: PILL,
          radius: PILL / 2,
          fill: BLUEPRINT.pillFill,
          stroke: PALETTE.hot,
          strokeWidth: 1,
        },
        {
          kind: 'text',
          x: box.x + 13,
          y: box.y + FONT * 0.36,
          lines: [text],
          size: FONT,
          bold: true,
          fill: BLUEPRINT.waitInk,
          role: `wait:${s.id}`,
        },
      );
    }
    let badge = box.x + box.width - 10;
    if (s.fails) {
      front.push(...failMark(badge, box.y, `fail:${s.id}`));
      badge -= 20;
    }
    if (s.momentOfTruth) front.push(truthMark(badge, box.y));
  }
  return {
    width,
    height: layout.height,
    title: layout.title.text,
    shapes: [...back, layout.title.shape, ...edges, ...front, ...layout.legend.shapes],
    minText: FONT,
  };
}
