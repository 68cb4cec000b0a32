/**
 * Mermaid's engine (`--engine mermaid`): one headless Chromium draws a batch of Mermaid diagrams; one that fails
 * does not stop the others.
 */
import { describe, expect, it } from 'vitest';
import { findBrowser, MermaidRenderer } from '../../src/render/index.js';
import { needs } from '../helpers/tools.js';

describe.skipIf(needs('chromium'))('MermaidRenderer', () => {
  it('names the diagram that failed, renders the others, and leaves no half-written file', async () => {
    const found = await findBrowser();
    const renderer = await MermaidRenderer.open(found!, { theme: 'default', scale: 2, pages: 2 });
    const results: string[] = [];
    try {
      await renderer.renderAll(
        [
          { mermaid: 'flowchart LR\n  a --> b\n', id: 'ok1', format: 'svg' },
          { mermaid: 'flowchart LR\n  a --> \n  ((( b\n', id: 'bad', format: 'svg' },
          { mermaid: 'journey\n  title t\n  section s\n    x: 3: me\n', id: 'ok2', format: 'png' },
        ],
        (index, result) =>
          void results.push(`${index}:${'error' in result ? `error ${result.error.message.split('\n')[0]}` : 'ok'}`),
      );
    } finally {
      await renderer.close();
    }
    expect(results.sort()).toEqual(['0:ok', '1:error Parse error on line 3:', '2:ok']);
  });
});
