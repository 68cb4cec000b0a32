/**
 * Writing files: every file cxmap writes goes through `writeFile`. Never over an input (compared by real path),
 * atomically (an exclusive temporary file with a random name in the same folder, then a rename), through a
 * symlink to the file it points at, keeping the mode, line endings and byte-order mark of the file it replaces
 * (or of the map it was made from), with a one-line error for a folder, a read-only file or a missing permission.
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../core/index.js';
import { decode, type TextLayout } from '../load/index.js';

/** The real path a path names or would name: every symlink resolved, even one whose file does not exist yet. */
export function realPath(path: string, hops = 0): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    if (hops < 40 && isLink(full)) return realPath(resolve(dirname(full), readlinkSync(full)), hops + 1);
    const parent = dirname(full);
    return parent === full ? full : join(realPath(parent, hops), basename(full));
  }
}

const isLink = (path: string) => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

/**
 * Refuses an output file that exists, since it may hold someone's work: `force` is whether --force was given, or
 * `never` for a command that has no --force.
 */
export function refuseExisting(path: string, command: string, force: boolean | 'never'): void {
  if (force === true || !existsSync(path)) return;
  throw new UsageError(
    force === 'never'
      ? `${path} already exists: cxmap ${command} never writes over a file; choose another -o`
      : `${path} already exists: cxmap ${command} writes over a file only with --force (it may hold your edits); choose another -o, or add --force`,
  );
}

export class Outputs {
  private readonly inputs: Set<string>;
  private readonly planned = new Map<string, string>();

  constructor(inputs: string[]) {
    this.inputs = new Set(inputs.filter((p) => p !== '-').map(realPath));
  }

  /** The real path of an output, refused when it is an input. */
  private notAnInput(path: string): string {
    const full = realPath(path);
    if (this.inputs.has(full))
      throw new UsageError(`${path} is one of the input maps: cxmap never writes over an input; choose another output`);
    return full;
  }

  /** Reserves an output path, refusing inputs (by real path) and paths that two outputs would share. */
  plan(path: string, what: string): string {
    const full = this.notAnInput(path);
    const other = this.planned.get(full);
    if (other)
      throw new UsageError(
        `${other} and ${what} would both be written to ${path}: render them into different --out folders`,
      );
    this.planned.set(full, what);
    return path;
  }

  /** Writes an output, checking again that it is no input (a symlink may have changed since it was planned). */
  write(path: string, data: string | Uint8Array, layout?: TextLayout): void {
    this.notAnInput(path);
    writeFile(path, data, layout);
  }
}

/** Text in a layout: its line breaks made `eol`, a byte-order mark first if it had one. */
export function inLayout(text: string, layout: TextLayout): string {
  const lf = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return `${layout.bom ? '\uFEFF' : ''}${layout.eol === '\n' ? lf : lf.replace(/\n/g, layout.eol)}`;
}

/** What an I/O error means for the person who asked for the file. */
function refuse(path: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'permission denied'
      : code === 'ENOTDIR' || code === 'EEXIST'
        ? 'a part of its folder path is a file, not a folder'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : (error as Error).message;
  throw new UsageError(`cannot write ${path}: ${why}`);
}

/**
 * Writes the whole file or nothing. Text is written in `layout` when given (the map it was made from), else in
 * the layout of the file it replaces, else with LF endings and no byte-order mark.
 */
export function writeFile(path: string, data: string | Uint8Array, layout?: TextLayout): void {
  const target = realPath(path);
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(target, { throwIfNoEntry: false });
  } catch (error) {
    refuse(path, error);
  }
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${path}: it is a folder; give a file name`);
  if (existing) {
    try {
      accessSync(target, constants.W_OK);
    } catch {
      throw new UsageError(`cannot write ${path}: the file is read-only, and cxmap does not write over it`);
    }
  }
  let bytes: string | Uint8Array = data;
  if (typeof data === 'string') {
    const old = existing && !layout ? decode(readFileSync(target)) : undefined;
    const keep = layout ?? (old && 'layout' in old ? old.layout : undefined);
    if (keep) bytes = inLayout(data, keep);
  }
  const folder = dirname(target);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    refuse(path, error);
  }
  // Exclusive and random: nothing planted at a guessable name can be followed or overwritten.
  const temporary = join(folder, `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o666);
    if (existing) fchmodSync(fd, existing.mode & 0o7777);
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    for (let at = 0; at < buffer.length;) at += writeSync(fd, buffer, at, buffer.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    refuse(path, error);
  }
}

/** A progress bar on standard error, shown only on a terminal and only for longer work. */
export function progress(total: number, what: string): { tick(): void; done(): void } {
  const show = process.stderr.isTTY === true && total > 3;
  let count = 0;
  const draw = () => {
    const width = 24;
    const filled = Math.round((count / total) * width);
    process.stderr.write(`\r${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${count}/${total} ${what}`);
  };
  if (show) draw();
  return {
    tick() {
      count++;
      if (show) draw();
    },
    done() {
      if (show) process.stderr.write('\r\u001b[2K');
    },
  };
}
