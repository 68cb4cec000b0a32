/** `cxmap serve`: a live preview of a map for the projector, redrawn within a second of each save. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { readMap } from '../load/index.js';
import { UsageError } from '../core/index.js';
import { VIEWS, type ViewName, mermaidFile } from '../render/index.js';
import { LIVE_SCRIPT, livePage, type LiveState } from '../report/index.js';
import { liveState } from '../workflows/index.js';
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

/** The name in a Host header, without its port: `127.0.0.1`, `localhost`, `[::1]`. */
function hostName(header: string | undefined): string {
  if (!header) return '';
  const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.replace(/:\d*$/, '');
  return name.toLowerCase();
}

/**
 * The host names the server answers to: the loopback names, and the address it listens on; listening on every
 * interface (0.0.0.0, ::), this machine's own addresses and name.
 */
function allowedHosts(host: string): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  const bracket = (a: string) => (a.includes(':') ? `[${a}]` : a);
  names.add(bracket(host.toLowerCase()));
  if (host === '0.0.0.0' || host === '::') {
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) names.add(bracket(a.address.toLowerCase()));
  }
  return names;
}

/** How many pages may follow the map at once; more get 503 (each holds a connection open). */
const MAX_CLIENTS = 32;
/** Bytes a page may leave unread before it is dropped: beyond, it is not reading (a state is sent whole). */
const MAX_UNREAD = 1 << 20;

/** Saving in an editor fires several events (write, rename); the map is read once they have settled. */
const SETTLE_MS = 60;

export function register(program: Command, context: CommandContext): void {
  addRunOptions(program.command('serve'), { simulates: false })
    .summary('a live preview of a map for the workshop projector')
    .description(
      "Serve a page with the map's pictures, scorecard and top opportunities that redraws itself within a second of every save, without reloading. The pictures are the ones cxmap draws for slides, in the parts of a 16:9 slide; the timeline is drawn by Mermaid, served from the installed package: no internet needed. While the map is not valid, its findings (with line numbers) show over the last good picture. Binds to 127.0.0.1 unless --host says otherwise. Stop with Ctrl+C.",
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
      const clients = new Set<ServerResponse>();
      // Each state is serialised once, and the same bytes are queued for every page, not a copy each.
      const event = (what: LiveState) => Buffer.from(`data: ${JSON.stringify(what)}\n\n`);
      let state = read();
      let current = event(state);
      // What a page opened (or reloaded) while the map is invalid draws under the findings.
      let lastGood = state.ok ? current : undefined;
      function read(): LiveState {
        try {
          const text = readMap(path);
          if ('finding' in text)
            return {
              ok: false,
              findings: [{ line: 1, column: 1, message: text.finding.message, code: text.finding.code }],
            };
          return liveState(text.text, file, options.view, run);
        } catch (error) {
          // The file went away or became a folder between saves: say so on the page, keep serving. Any other error
          // (a figure the engine refuses, a fault of cxmap) is a finding too: a save never stops the server.
          if (error instanceof UsageError)
            return { ok: false, findings: [{ line: 1, column: 1, message: error.message, code: 'unreadable' }] };
          const message = `cxmap could not analyse this map: ${(error as Error).message}`;
          return { ok: false, findings: [{ line: 1, column: 1, message, code: 'internal-error' }] };
        }
      }
      const allowed = allowedHosts(options.host);

      const server = createServer((req, res) => {
        try {
          handle(req, res);
        } catch {
          // Nothing a request holds may stop the server: a request it cannot handle gets an error, alone.
          if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
          res.end('bad request');
        }
      });
      function handle(req: IncomingMessage, res: ServerResponse): void {
        const refuse = (status: number, text: string, headers: Record<string, string> = {}) =>
          void res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(text);
        if (req.method !== 'GET' && req.method !== 'HEAD')
          return refuse(405, 'only GET and HEAD', { allow: 'GET, HEAD' });
        // DNS rebinding: a page on another site may reach this port under its own name; only our names are served.
        if (!allowed.has(hostName(req.headers.host))) return refuse(403, 'not served under this host name');
        const url = new URL(req.url ?? '/', 'http://localhost');
        const reply = (type: string, body: string | Buffer) => {
          res.writeHead(200, {
            'content-type': type,
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
          });
          res.end(req.method === 'HEAD' ? undefined : body);
        };
        if (url.pathname === '/') return reply('text/html; charset=utf-8', livePage(basename(file)));
        if (url.pathname === '/live.js') return reply('text/javascript; charset=utf-8', LIVE_SCRIPT);
        if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
        if (url.pathname === '/events') {
          // A page on another site may open this stream from the user's browser: only our own page may.
          const origin = req.headers.origin;
          if (origin !== undefined && origin.toLowerCase() !== `http://${req.headers.host?.toLowerCase()}`)
            return refuse(403, 'not served to pages of another site');
          if (clients.size >= MAX_CLIENTS)
            return refuse(503, 'too many pages are open on this map', { 'retry-after': '5' });
          res.writeHead(200, {
            'content-type': 'text/event-stream',
            'cache-control': 'no-store',
            connection: 'keep-alive',
          });
          if (req.method === 'HEAD') return void res.end();
          clients.add(res);
          req.on('close', () => clients.delete(res));
          if (!state.ok && lastGood) res.write(lastGood);
          return void res.write(current);
        }
        const asset = url.pathname.startsWith('/mermaid/')
          ? mermaidFile(decodeURIComponent(url.pathname.slice('/mermaid/'.length)))
          : undefined;
        if (asset) return reply('text/javascript; charset=utf-8', asset);
        refuse(404, 'not found');
      }

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
        current = event(state);
        if (state.ok) lastGood = current;
        for (const client of clients) {
          // A page that has not read what it was sent is dropped (its browser reconnects once it catches up).
          if (client.writableLength > MAX_UNREAD) {
            clients.delete(client);
            client.destroy();
          } else client.write(current);
        }
        process.stderr.write(
          `${new Date().toTimeString().slice(0, 8)} ${state.ok ? 'redrawn' : `${state.findings.length} problem${state.findings.length === 1 ? '' : 's'} in the map`}\n`,
        );
      });

      const address = server.address() as { port: number };
      const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${address.port}/`;
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
      for (const client of clients) client.end();
      // At once: open connections (a browser keeps some alive) do not hold the server up.
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
      context.exitCode = 0;
    });
}
