/** Writing output files safely: never over an input, atomically (a temporary file, then a rename). */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../core/index.js';

export class Outputs {
  private readonly inputs: Set<string>;
  private readonly planned = new Map<string, string>();

  constructor(inputs: string[]) {
    this.inputs = new Set(inputs.filter((p) => p !== '-').map((p) => resolve(p)));
  }

  /** Reserves an output path, refusing inputs and paths that two outputs would share. */
  plan(path: string, what: string): string {
    const full = resolve(path);
    if (this.inputs.has(full))
      throw new UsageError(`${path} is one of the input maps: cxmap never writes over an input; choose another output`);
    const other = this.planned.get(full);
    if (other)
      throw new UsageError(
        `${other} and ${what} would both be written to ${path}: render them into different --out folders`,
      );
    this.planned.set(full, what);
    return path;
  }

  write(path: string, data: string | Uint8Array): void {
    writeAtomic(path, data);
  }
}

/** Writes the whole file or nothing: a crash leaves at most a temporary file, never a half-written one. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
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
