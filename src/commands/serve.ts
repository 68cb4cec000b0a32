/** `cxmap serve`: a live preview of a map for the projector, redrawn within a second of each save. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../core/index.js';
import { VIEWS, type ViewName } from '../render/index.js';
import { liveServer, readLive } from '../workflows/index.js';
import { onSave, untilStopped } from './saves.js';
import { addRunOptions, parseViews, runFrom, type CommandContext, type RunOptions } from './shared.js';

interface ServeOptions extends RunOptions {
  port: number;
  host: string;
  open?: boolean;
  view: ViewName[];
}

const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`--port takes a port number from 0 (any free port) to 65535, not ${value}`);
  return n;
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Saving in an editor fires several events (write, rename); the map is read once they have settled. */
const SETTLE_MS = 60;

export function register(program: Command, context: CommandContext): void {
  addRunOptions(program.command('serve'), { simulates: false })
    .summary('a live preview of a map for the workshop projector')
    .description(
      "Serve a page with the map's pictures, scorecard and top opportunities that redraws itself within a second of every save, without reloading. The pictures are the ones cxmap draws for slides, in the parts of a 16:9 slide: no internet and no library in the page. While the map is not valid, its findings (with line numbers) show over the last good picture. Binds to 127.0.0.1 unless --host says otherwise. Stop with Ctrl+C.",
    )
    .argument('<map>', 'the map to show')
    .option('-p, --port <port>', 'port to listen on (0: any free port)', port, 4700)
    .option('--host <host>', 'address to listen on (0.0.0.0 shows it to the whole network)', '127.0.0.1')
    .option('--open', 'open the page in the default browser')
    .addOption(
      new Option('--view <views>', `views, separated by commas: ${VIEWS.join(', ')}`)
        .default(['blueprint', 'journey'], 'blueprint,journey')
        .argParser(parseViews),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap serve loan.cxmap.yaml --open\n  $ cxmap serve loan.cxmap.yaml --view blueprint,matrix,time --port 8080',
    )
    .action(async (file: string, options: ServeOptions) => {
      if (!existsSync(file)) throw new UsageError(`cannot read ${file}: no such file`);
      const path = resolve(file);
      const run = runFrom(options);
      const server = await liveServer({
        name: basename(file),
        port: options.port,
        host: options.host,
        read: () => readLive(path, file, options.view, run),
      });
      const stopWatching = onSave([path], SETTLE_MS, () => {
        if (!existsSync(path)) return;
        const state = server.reload();
        const problems = state.ok ? 0 : state.findings.length;
        process.stderr.write(
          `${new Date().toTimeString().slice(0, 8)} ${state.ok ? 'redrawn' : `${problems} problem${problems === 1 ? '' : 's'} in the map`}\n`,
        );
      });
      const { url } = server;
      context.write(`cxmap serve: ${url} shows ${file}; it redraws on every save (Ctrl+C to stop)\n`);
      if (!LOOPBACK.has(options.host))
        process.stderr.write(
          `cxmap: warning: listening on ${options.host}, so anyone who can reach this machine can see the map; leave out --host to keep it to this computer\n`,
        );
      if (options.open) {
        const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
        spawn(opener, [url], { stdio: 'ignore', detached: true })
          .on('error', () => process.stderr.write(`cxmap: could not open a browser: open ${url} yourself\n`))
          .unref();
      }
      await untilStopped();
      stopWatching();
      await server.close();
      context.exitCode = 0;
    });
}
