/** A Markdown page with a map's diagrams as ```mermaid blocks, which GitHub and most editors render. */
import type { ExactAnalysis } from '../analysis/index.js';
import type { Diagram } from '../render/index.js';
import { toMarkdown, type Block } from './document.js';
import { headerBlocks } from './report.js';

export function viewsMarkdown(analysis: ExactAnalysis, diagrams: Diagram[]): string {
  const notes = new Set<string>();
  const blocks: Block[] = [...headerBlocks(analysis)];
  for (const d of diagrams) {
    blocks.push({ kind: 'heading', level: 2, text: d.caption.charAt(0).toUpperCase() + d.caption.slice(1) });
    // A view split into parts says why once, above its first part.
    const first = d.note !== undefined && !notes.has(d.note);
    if (d.note) notes.add(d.note);
    blocks.push({ kind: 'diagram', diagram: first ? d : { ...d, note: undefined } });
  }
  return toMarkdown(blocks);
}
