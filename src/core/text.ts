/**
 * Text from a map (names, keys, labels) made safe to show anywhere: no control characters (a terminal escape
 * sequence could set the window title or clear the screen), no bidirectional overrides (they make text read
 * differently from what it is: "Trojan Source"), and line breaks and tabs as spaces, so that one label stays on
 * one line. Each output escapes what is special to it on top of this (Markdown, HTML, XML, JSON); the terminal's
 * printers (toText, the scorecard, stylish, improve's lines) and the GitHub annotations print it as it is, and the
 * comments cxmap writes into a map are made of it, so that the loader takes the map back.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const BREAKS = /\r\n|[\t\n\r\u2028\u2029]/g;

export function printable(text: string): string {
  return text.replace(BREAKS, ' ').replace(INVISIBLE, '');
}

/**
 * Text with every lone CR (old Mac line endings) made a LF. YAML breaks lines at LF and CRLF only, so such a file
 * would read as one line, and a CR inside a comment would be written back as part of it. Every offset is kept, so
 * positions stay right. Every way into the YAML parser goes through this.
 */
export const withLineFeeds = (text: string) => text.replace(/\r(?!\n)/g, '\n');

/** Items in a sentence: `a`, `a and b`, `a, b and c` (or `or` for a choice). */
export const wordList = (items: readonly string[], last: 'and' | 'or' = 'and'): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)!}`;

/** A count with its noun: `1 fail point`, `3 fail points`, `2 moments of truth` (`many` where `s` is not the plural). */
export const counted = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
