/** Reads a map file (or standard input) as text, refusing what cannot be a map before parsing it. */
import { openSync, fstatSync, readSync, closeSync } from 'node:fs';
import { finding, START, UsageError, withLineFeeds, type Finding } from '../core/index.js';

/** Larger files are refused: a map of 20,000 steps takes about 4 MB. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** How a text file was saved: its line endings and whether it starts with a byte-order mark. Writers keep it. */
export interface TextLayout {
  eol: '\n' | '\r\n' | '\r';
  bom: boolean;
}

type ReadResult = { text: string; layout: TextLayout } | { finding: Finding };

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function tooLarge(bytes: number): ReadResult {
  return {
    finding: finding(
      'file-too-large',
      `the file is ${MB(bytes)}, more than the ${MB(MAX_FILE_BYTES)} a map may have; split the process into several maps`,
      START,
    ),
  };
}

/** Decodes bytes as UTF-8 text, or says why they are not a map. */
export function decode(bytes: Buffer): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length);
  const notText = {
    finding: finding('not-text', 'this is not a text file (it holds binary data), so it cannot be a map', START),
  };
  if (bytes.subarray(0, 8192).includes(0)) return notText;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return notText;
  }
  const first = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const layout: TextLayout = { eol: first as TextLayout['eol'], bom: bytes[0] === 0xef && bytes[1] === 0xbb };
  return { text: withLineFeeds(text), layout };
}

function readAll(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 16);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > limit) break;
  }
  return Buffer.concat(chunks);
}

/** Reads `path` (`-` is standard input). A file that cannot be opened is a usage error (exit code 2). */
export function readMap(path: string): ReadResult {
  if (path === '-') return decode(readAll(0, MAX_FILE_BYTES));
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${describeIoError(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UsageError(`cannot read ${path}: it is a folder, not a file`);
    if (stat.size > MAX_FILE_BYTES) return tooLarge(stat.size);
    return decode(readAll(fd, MAX_FILE_BYTES));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${describeIoError(error)}`);
  } finally {
    closeSync(fd);
  }
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    default:
      return (error as Error).message;
  }
}
