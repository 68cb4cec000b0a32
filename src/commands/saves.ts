/** What the long-running commands (`serve`, `watch`) share: noticing saves, and running until stopped. */
import { watch } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Calls `saved(path)` once each of the files has been saved. Editors save by writing in place or by renaming a new
 * file over the old one, so the folders are watched; the several events of one save are let settle for `settleMs`.
 * Returns the function that stops watching.
 */
export function onSave(paths: readonly string[], settleMs: number, saved: (path: string) => void): () => void {
  const files = paths.map((p) => resolve(p));
  const timers = new Map<string, NodeJS.Timeout>();
  const watchers = [...new Set(files.map((p) => dirname(p)))].map((dir) =>
    watch(dir, (_, name) => {
      const path = resolve(dir, String(name));
      if (!files.includes(path)) return;
      clearTimeout(timers.get(path));
      timers.set(
        path,
        setTimeout(() => saved(path), settleMs),
      );
    }),
  );
  return () => {
    for (const w of watchers) w.close();
    for (const t of timers.values()) clearTimeout(t);
  };
}

/** Resolves on Ctrl+C (SIGINT) or SIGTERM. */
export function untilStopped(): Promise<void> {
  return new Promise((stop) => {
    process.once('SIGINT', () => stop());
    process.once('SIGTERM', () => stop());
  });
}
