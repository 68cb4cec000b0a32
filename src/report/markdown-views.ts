/** A Markdown page with a map's diagrams as ```mermaid blocks, which GitHub and most editors render. */
import type { ExactAnalysis } from '../analysis/index.js';
import type { Diagram } from '../render/views.js';

/** Escapes text for Markdown prose and headings. */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export function mermaidBlock(diagram: Diagram): string {
  return ['```mermaid', diagram.text.trimEnd(), '```'].join('\n');
}

export function viewsMarkdown(analysis: ExactAnalysis, diagrams: Diagram[]): string {
  const p = analysis.map.process;
  const out = [`# ${mdText(p.name)}`, '', `**Customer:** ${mdText(p.customer)} · **Goal:** ${mdText(p.goal)}${p.trigger ? ` · **Trigger:** ${mdText(p.trigger)}` : ''}`, ''];
  const notes = new Set<string>();
  for (const d of diagrams) {
    const heading = d.caption.charAt(0).toUpperCase() + d.caption.slice(1);
    out.push(`## ${mdText(heading)}`, '');
    if (d.note && !notes.has(d.note)) {
      notes.add(d.note);
      out.push(`> ${mdText(d.note)}`, '');
    }
    out.push(mermaidBlock(d), '');
  }
  return out.join('\n');
}
