/** `cxmap watch`: reports (or diagrams) written again on every save, for a deck or a folder kept in sync. */
import { basename, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { loadFile } from '../load/index.js';
import { UsageError } from '../core/index.js';
import { VIEWS, type ViewName, type Theme } from '../render/index.js';
import { expandInputs, RENDER_FORMATS, REPORT_FORMATS, renderMaps, writeReports } from '../workflows/index.js';
import { onSave, untilStopped } from './saves.js';
import {
  addRunOptions,
  formatFindings,
  parseScale,
  parseViews,
  runFrom,
  themeOption,
  type CommandContext,
  type RunOptions,
} from './shared.js';

interface WatchOptions extends RunOptions {
  render?: boolean;
  format?: string;
  out: string;
  view: ViewName[];
  theme: Theme;
  scale: number;
}

/** Saving in an editor fires several events; a map is read once they have settled. */
const SETTLE_MS = 100;

export function register(program: Command, context: CommandContext): void {
  addRunOptions(program.command('watch'), { simulates: true })
    .summary('write reports or diagrams again on every save')
    .description(
      'Write the report of each map (or, with --render, its diagrams) now and again each time the map is saved, until stopped with Ctrl+C. A map that is not valid when saved gets its findings printed, and its last outputs stay as they were.',
    )
    .argument('<files...>', 'map files, folders or globs')
    .option('--render', 'write the diagrams (as cxmap render does) instead of the report')
    .option(
      '-f, --format <format>',
      `report: ${REPORT_FORMATS.join(', ')} (default html); with --render: ${RENDER_FORMATS.join(', ')} (default svg)`,
    )
    .option('-o, --out <folder>', 'where to write the files', 'cxmap-out')
    .addOption(
      new Option('--view <views>', `with --render, views separated by commas: ${VIEWS.join(', ')}`)
        .default(['blueprint'], 'blueprint')
        .argParser(parseViews),
    )
    .addOption(themeOption())
    .option('--scale <n>', 'with --render --format png, pixels per point', parseScale, 2)
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap watch maps/*.cxmap.yaml --out deck              # HTML reports, rewritten on every save\n  $ cxmap watch loan.cxmap.yaml --render --view blueprint,journey --format png --out slides',
    )
    .action(async (files: string[], options: WatchOptions) => {
      const allowed: readonly string[] = options.render ? RENDER_FORMATS : REPORT_FORMATS;
      const format = options.format ?? (options.render ? 'svg' : 'html');
      if (!allowed.includes(format))
        throw new UsageError(
          `${options.render ? 'cxmap watch --render' : 'cxmap watch'} writes ${allowed.join(', ')}, not ${format}`,
        );
      if (files.includes('-')) throw new UsageError('cxmap watch watches files: standard input (-) cannot be watched');
      const paths = (await expandInputs(files)).map((p) => resolve(p));
      const run = runFrom(options);

      const wrote = (path: string) => context.write(`${path}\n`);
      const produce = async (path: string) => {
        try {
          // Inside the try: a map deleted or turned into a folder between saves is reported, and watching goes on.
          const loaded = [loadFile(path)];
          if (!loaded[0]!.map) return context.write(formatFindings('stylish', loaded, context));
          if (options.render)
            await renderMaps(
              loaded,
              {
                view: options.view,
                format: format as 'svg',
                out: options.out,
                theme: options.theme,
                scale: options.scale,
                run,
              },
              wrote,
            );
          else
            await writeReports(
              loaded,
              {
                format: format as 'html',
                out: options.out,
                run,
              },
              wrote,
            );
        } catch (error) {
          process.stderr.write(`cxmap: ${(error as Error).message}\n`);
        }
      };
      // One piece of work at a time, in the order of the saves.
      let queue = Promise.resolve();
      const later = (path: string) => (queue = queue.then(() => produce(path)));
      for (const path of paths) void later(path);

      const stopWatching = onSave(paths, SETTLE_MS, (path) => void later(path));
      await queue;
      process.stderr.write(
        `cxmap watch: watching ${paths.length === 1 ? basename(paths[0]!) : `${paths.length} maps`}; Ctrl+C to stop\n`,
      );
      await untilStopped();
      stopWatching();
      await queue;
      context.exitCode = 0;
    });
}
