/** `cxmap doctor`: what this machine has for cxmap, and what each output format needs. */
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { findBrowser, MermaidRenderer, NO_BROWSER } from '../render/index.js';
import type { CommandContext } from './shared.js';

/** A package's version, from the nearest node_modules folder up from here (packages may hide package.json from require). */
function versionOf(name: string): string {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    const file = new URL(`node_modules/${name}/package.json`, dir);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'not installed';
}

export function register(program: Command, context: CommandContext): void {
  program
    .command('doctor')
    .summary('check what this machine has for rendering')
    .description(
      'Report the Node version, the browser cxmap found (and where), the versions of Mermaid and puppeteer, and which output formats work here. Exits 1 when svg, png and pdf cannot be made.',
    )
    .addHelpText('after', '\nExamples:\n  $ cxmap doctor\n  $ CXMAP_BROWSER=/opt/chrome/chrome cxmap doctor')
    .action(async () => {
      const lines: string[] = [];
      const nodeOk = Number(process.versions.node.split('.')[0]) >= 20;
      lines.push(`node        ${process.versions.node} ${nodeOk ? '(ok)' : '(cxmap needs Node 20 or newer)'}`);
      lines.push(`mermaid     ${versionOf('mermaid')}`, `puppeteer   ${versionOf('puppeteer')}`);
      let browserOk = false;
      try {
        const found = await findBrowser();
        if (!found) {
          lines.push(`browser     none: ${NO_BROWSER}`);
        } else {
          const renderer = await MermaidRenderer.open(found, { theme: 'default', scale: 2, pages: 1 });
          lines.push(`browser     ${await renderer.version()} at ${found.path} (from ${found.source})`);
          await renderer.close();
          browserOk = true;
        }
      } catch (error) {
        lines.push(`browser     found but does not start: ${(error as Error).message.split('\n')[0]}`);
      }
      lines.push(
        '',
        'formats',
        '  mmd, md        ready (no browser needed)',
        `  svg, png, pdf  ${browserOk ? 'ready' : 'need a browser (see above)'}`,
      );
      context.write(`${lines.join('\n')}\n`);
      context.exitCode = nodeOk && browserOk ? 0 : 1;
    });
}
