/** `cxmap serve`: a live preview of a map for the projector, redrawn within a second of each save. */
import { createServer, type ServerResponse } from 'node:http';
import { spawn } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { decode } from '../load/index.js';
import { UsageError } from '../core/index.js';
import { VIEWS, type ViewName, mermaidFile } from '../render/index.js';
import { LIVE_SCRIPT, livePage, type LiveState } from '../report/index.js';
import { liveState } from '../workflows/index.js';
import { onSave, untilStopped } from './saves.js';
import { parseViews, type CommandContext } from './shared.js';

interface ServeOptions {
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

/** Saving in an editor fires several events (write, rename); the map is read once they have settled. */
const SETTLE_MS = 60;

export function register(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .summary('a live preview of a map for the workshop projector')
    .description(
      "Serve a page with the map's diagrams, scorecard and top opportunities that redraws itself within a second of every save, without reloading. While the map is not valid, its findings (with line numbers) show over the last good picture. Mermaid is served from the installed package: no internet needed. Binds to 127.0.0.1 unless --host says otherwise. Stop with Ctrl+C.",
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
      const clients = new Set<ServerResponse>();
      let state = read();
      function read(): LiveState {
        const text = decode(readFileSync(path));
        if ('finding' in text)
          return {
            ok: false,
            findings: [{ line: 1, column: 1, message: text.finding.message, code: text.finding.code }],
          };
        return liveState(text.text, file, options.view);
      }
      const send = (res: ServerResponse) => res.write(`data: ${JSON.stringify(state)}\n\n`);

      const server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const reply = (type: string, body: string | Buffer) => {
          res.writeHead(200, {
            'content-type': type,
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
          });
          res.end(body);
        };
        if (url.pathname === '/') return reply('text/html; charset=utf-8', livePage(basename(file)));
        if (url.pathname === '/live.js') return reply('text/javascript; charset=utf-8', LIVE_SCRIPT);
        if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
        if (url.pathname === '/events') {
          res.writeHead(200, {
            'content-type': 'text/event-stream',
            'cache-control': 'no-store',
            connection: 'keep-alive',
          });
          clients.add(res);
          req.on('close', () => clients.delete(res));
          return send(res);
        }
        const asset = url.pathname.startsWith('/mermaid/')
          ? mermaidFile(decodeURIComponent(url.pathname.slice('/mermaid/'.length)))
          : undefined;
        if (asset) return reply('text/javascript; charset=utf-8', asset);
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      });

      await new Promise<void>((ready, fail) => {
        server.once('error', (error: NodeJS.ErrnoException) =>
          fail(
            error.code === 'EADDRINUSE'
              ? new UsageError(
                  `port ${options.port} is already in use: choose another with --port (or --port 0 for any free one)`,
                )
              : error,
          ),
        );
        server.listen(options.port, options.host, ready);
      });
      const stopWatching = onSave([path], SETTLE_MS, () => {
        if (!existsSync(path)) return;
        state = read();
        for (const client of clients) send(client);
        process.stderr.write(
          `${new Date().toTimeString().slice(0, 8)} ${state.ok ? 'redrawn' : `${state.findings.length} problem${state.findings.length === 1 ? '' : 's'} in the map`}\n`,
        );
      });

      const address = server.address() as { port: number };
      const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${address.port}/`;
      context.write(`cxmap serve: ${url} shows ${file}; it redraws on every save (Ctrl+C to stop)\n`);
      if (options.open) {
        const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
        spawn(opener, [url], { stdio: 'ignore', detached: true })
          .on('error', () => process.stderr.write(`cxmap: could not open a browser: open ${url} yourself\n`))
          .unref();
      }
      await untilStopped();
      stopWatching();
      for (const client of clients) client.end();
      await new Promise((closed) => server.close(closed));
      context.exitCode = 0;
    });
}
