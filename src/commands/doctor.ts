/** `cxmap doctor`: what this machine has for cxmap, and what each output format needs. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import {
  findBrowser,
  fontFiles,
  MermaidRenderer,
  mermaidDist,
  NO_BROWSER,
  NO_MERMAID,
  pdfOf,
  pngOf,
} from '../render/index.js';
import type { CommandContext } from './shared.js';

/** A package's version, from the nearest node_modules folder up from here (packages may hide package.json from require). */
function versionOf(name: string): string {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    const file = new URL(`node_modules/${name}/package.json`, dir);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'not installed';
}

/** A tiny scene with text in every face, printed to PNG and PDF: the printers and the fonts work, or why not. */
async function printers(): Promise<{ png: string | undefined; pdf: string | undefined }> {
  const faces = [{}, { bold: true }, { italic: true }, { bold: true, italic: true }];
  const drawing = {
    width: 100,
    height: 20,
    title: 'doctor',
    minText: 11,
    shapes: faces.map((face) => ({
      kind: 'text' as const,
      x: 2,
      y: 14,
      lines: ['Aa'],
      size: 11,
      fill: '#000000',
      ...face,
    })),
  };
  const attempt = async (print: () => unknown) => {
    try {
      await print();
      return undefined;
    } catch (error) {
      return (error as Error).message.split('\n')[0];
    }
  };
  return {
    png: await attempt(() => pngOf({ drawing, scale: 1 }, 1)),
    pdf: await attempt(() => pdfOf([{ drawing, scale: 1 }], 'doctor')),
  };
}

export function register(program: Command, context: CommandContext): void {
  program
    .command('doctor')
    .summary('check what this machine has for rendering')
    .description(
      "Report the Node version, the font cxmap ships and the printers of its drawings (resvg for png, pdfkit for pdf), and whether Mermaid's own engine (--engine mermaid: mermaid-cli and a browser, optional) is installed, and which output formats work here. Exits 1 when svg, png and pdf cannot be made; a missing Mermaid engine is not an error.",
    )
    .addHelpText('after', '\nExamples:\n  $ cxmap doctor\n  $ CXMAP_BROWSER=/opt/chrome/chrome cxmap doctor')
    .action(async () => {
      const lines: string[] = [];
      const nodeOk = Number(process.versions.node.split('.')[0]) >= 20;
      lines.push(`node        ${process.versions.node} ${nodeOk ? '(ok)' : '(cxmap needs Node 20 or newer)'}`);
      let fonts: string;
      try {
        fonts = `Arimo ${versionOf('@expo-google-fonts/arimo')} (regular, bold, italic, bold italic) at ${dirname(dirname(fontFiles().regular))}`;
      } catch (error) {
        fonts = `missing: ${(error as Error).message.split('\n')[0]}`;
      }
      const printed = await printers();
      lines.push(
        `fonts       ${fonts}`,
        `resvg       ${versionOf('@resvg/resvg-js')} ${printed.png ? `does not work: ${printed.png}` : '(png: ok)'}`,
        `pdfkit      ${versionOf('pdfkit')} ${printed.pdf ? `does not work: ${printed.pdf}` : '(pdf: ok)'}`,
      );
      // The optional engine: Mermaid's own drawing, in a browser.
      const engine = versionOf('puppeteer') !== 'not installed' && mermaidDist() !== undefined;
      lines.push(`mermaid     ${versionOf('mermaid')}`, `puppeteer   ${versionOf('puppeteer')}`);
      let browserOk = false;
      try {
        const found = await findBrowser();
        if (!found) lines.push(`browser     none: ${NO_BROWSER}`);
        else if (!engine) lines.push(`browser     ${found.path} (from ${found.source})`);
        else {
          const renderer = await MermaidRenderer.open(found, { theme: 'default', scale: 2, pages: 1 });
          lines.push(`browser     ${await renderer.version()} at ${found.path} (from ${found.source})`);
          await renderer.close();
          browserOk = true;
        }
      } catch (error) {
        lines.push(`browser     found but does not start: ${(error as Error).message.split('\n')[0]}`);
      }
      const own = !printed.png && !printed.pdf;
      lines.push(
        '',
        'formats',
        '  mmd, md           ready (Mermaid text)',
        `  svg, png, pdf     ${own ? 'ready (drawn by cxmap, no browser needed)' : `svg ready; ${[printed.png ? 'png' : '', printed.pdf ? 'pdf' : ''].filter(Boolean).join(' and ')} cannot be made (see above): reinstall cxmap`}`,
        `  --engine mermaid  ${engine && browserOk ? 'ready' : engine ? 'needs a browser (see above)' : `not installed (optional): ${NO_MERMAID}`}`,
      );
      context.write(`${lines.join('\n')}\n`);
      context.exitCode = nodeOk && own ? 0 : 1;
    });
}
