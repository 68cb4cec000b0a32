/** A Markdown page with a map's diagrams as ```mermaid blocks, which GitHub and most editors render. */
import type { ExactAnalysis } from '../analysis/index.js';
import type { Diagram } from '../render/index.js';
import { pictureBlocks, toMarkdown } from './document.js';
import { headerBlocks } from './report.js';

export const viewsMarkdown = (analysis: ExactAnalysis, diagrams: readonly Diagram[]): string =>
  toMarkdown([...headerBlocks(analysis), ...pictureBlocks(diagrams, 2)]);
