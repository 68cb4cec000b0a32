/** Parses YAML keeping every node's position, so findings can point at the line and column they are about. */
import {
  parseDocument,
  LineCounter,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  visit,
  type Alias,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import { finding, START, withLineFeeds, type Finding, type Position } from '../core/index.js';

/** More aliases than this in one file are refused (the defence against "billion laughs" alias bombs). */
const MAX_ALIAS_COUNT = 100;

export type Path = readonly (string | number)[];

/** Finds the source position of nodes in a parsed document. */
export class SourceMap {
  constructor(
    readonly doc: Document,
    readonly lines: LineCounter,
    readonly text: string,
  ) {}

  span(start: number, end: number): Position {
    const a = this.lines.linePos(start);
    const b = this.lines.linePos(Math.max(start, end));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  of(node: Node | null | undefined): Position {
    if (!node?.range) return START;
    return this.span(node.range[0], node.range[1]);
  }

  /** The node at `path`, or its nearest ancestor that exists. */
  node(path: Path): Node | undefined {
    for (let n = path.length; n >= 0; n--) {
      const found = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (isNode(found)) return found;
    }
    return undefined;
  }

  /** Position of the value at `path` (or of its nearest ancestor). */
  at(path: Path): Position {
    return this.of(this.node(path));
  }

  /** Position of the key of the entry `key` in the mapping at `parent`. */
  keyAt(parent: Path, key: string): Position {
    const pair = this.pair(parent, key);
    return pair && isNode(pair.key) ? this.of(pair.key) : this.at(parent);
  }

  pair(parent: Path, key: string): Pair | undefined {
    const map = this.node(parent);
    if (!isMap(map)) return undefined;
    return map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  }

  /** The text of line `n` (1-based), without its line break. */
  lineText(n: number): string {
    const starts = this.lines.lineStarts;
    const from = starts[n - 1] ?? this.text.length;
    const to = starts[n] ?? this.text.length;
    return this.text.slice(from, to).replace(/\r?\n$/, '');
  }
}

export interface Parsed {
  source: SourceMap;
  /** The plain data, when the YAML could be read at all. */
  data?: unknown;
  findings: Finding[];
}

const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'duplicate-key',
  RESOURCE_EXHAUSTION: 'too-deep',
};

/** Flow collections (`[`, `{`) nested deeper than this are refused before parsing: a map needs four or five. */
export const MAX_FLOW_DEPTH = 64;

/**
 * Block nesting, bounded by where a line's content starts: past its indentation and any `- `, `? ` or `: ` that open
 * a list entry, a key or a value on the same line. Each level of block nesting starts further in than the one that
 * holds it, so a line that starts its content more than this many columns in is refused (a map needs about 12).
 */
export const MAX_BLOCK_COLUMN = 2 * MAX_FLOW_DEPTH;

/** The message of `too-deep`, whichever nesting went too deep. */
const TOO_DEEP = `the file nests lists or blocks of keys deeper than any map does (more than ${MAX_FLOW_DEPTH} levels of [ and {, or a line whose content starts more than ${MAX_BLOCK_COLUMN} columns in); check the nesting here`;

/** A block scalar's header (`|` or `>`, its indicators, maybe a comment) at `i`, ending its line. */
const BLOCK_SCALAR = /[|>][-+1-9]{0,2}[ \t]*(#[^\n]*)?(?=\n|$)/y;

/**
 * Where nesting first goes past MAX_FLOW_DEPTH or MAX_BLOCK_COLUMN, in one pass over the text (quoted text, comments
 * and the lines of block scalars skipped), or -1. The YAML library reads every level before it checks depth: 15 MB
 * of `[[[...` or of `- - - ...` took a minute and 4 GB of memory, then the process died.
 */
function tooDeep(text: string): number {
  let depth = 0;
  // The lines of a block scalar are those indented more than this (-1: not in a block scalar).
  let scalar = -1;
  // Where the content of the current line starts, after its indentation and indicators.
  let column = 0;
  let lineStarts = true;
  for (let i = 0; i < text.length; i++) {
    if (lineStarts && depth === 0) {
      const start = i;
      while (text[i] === ' ') i++;
      if (scalar >= 0 && i - start > scalar) while (i < text.length && text[i] !== '\n') i++;
      else if (text[i] !== '\n' && text[i] !== '#' && i < text.length) {
        scalar = -1;
        for (column = i - start; column <= MAX_BLOCK_COLUMN; column = i - start) {
          if (!'-?:'.includes(text[i]!) || (text[i + 1] ?? ' ') > ' ') break;
          for (i++; text[i] === ' '; i++);
        }
        if (column > MAX_BLOCK_COLUMN) return i;
      }
    }
    lineStarts = false;
    if (i >= text.length) break;
    const c = text[i];
    if (c === '\n') lineStarts = true;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === "'") {
      for (i++; i < text.length && text[i] !== "'"; i++);
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
      i--;
    } else if ((c === '|' || c === '>') && depth === 0 && /\s/.test(text[i - 1] ?? ' ')) {
      BLOCK_SCALAR.lastIndex = i;
      if (BLOCK_SCALAR.test(text)) {
        // Its lines are indented more than the key it is the value of, or than the `-` before it.
        const lineStart = text.lastIndexOf('\n', i) + 1;
        const before = text.slice(lineStart, i).trimEnd();
        scalar = /^[ ?:-]*$/.test(before) ? before.length - 1 : column;
        while (i < text.length && text[i] !== '\n') i++;
        i--;
      }
    }
  }
  return -1;
}

/**
 * The first alias (`*name`) with no anchor (`&name`) before it, in one pass. The yaml library finds these only when
 * the document is read out or written, so they pass its parse: whatever reads or writes a map asks this first.
 */
export function unresolvedAlias(doc: Document): Alias | undefined {
  const anchors = new Set<string>();
  let found: Alias | undefined;
  visit(doc, {
    Node: (_, node) => {
      if (isAlias(node) && !anchors.has(node.source)) {
        found = node;
        return visit.BREAK;
      }
      if (!isAlias(node) && node.anchor) anchors.add(node.anchor);
      return undefined;
    },
  });
  return found;
}

export function parseYaml(input: string): Parsed {
  const text = withLineFeeds(input);
  const deep = tooDeep(text);
  if (deep >= 0) {
    const lines = new LineCounter();
    lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0 && i < deep; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    const source = new SourceMap(parseDocument(''), lines, text);
    return { source, findings: [finding('too-deep', TOO_DEEP, source.span(deep, deep + 1))] };
  }
  const lines = new LineCounter();
  // logLevel: the problems are findings; nothing goes to the console (a collection as a key would warn there).
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  const source = new SourceMap(doc, lines, text);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const [problems, severity] of [
    [doc.errors, 'error'],
    [doc.warnings, 'warning'],
  ] as const) {
    for (const problem of problems) {
      const code = YAML_CODES[problem.code] ?? (severity === 'warning' ? 'yaml-warning' : 'yaml-syntax');
      const at = source.span(problem.pos[0], problem.pos[1]);
      const key = `${code}:${at.line}:${at.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding(code, yamlMessage(problem.code, problem.message), at, severity));
    }
  }
  if (findings.some((f) => f.severity === 'error')) return { source, findings };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    findings.push(
      finding(
        'empty-file',
        'the file is empty: a map starts with `cxmap: 1`, then `process`, `actors` and `steps`',
        START,
      ),
    );
    return { source, findings };
  }
  const alias = unresolvedAlias(doc);
  if (alias) {
    const name = alias.source;
    const message = `*${name} stands for a value marked &${name} earlier in the file, and there is none: mark the value with &${name} before this, or write the value out here`;
    findings.push(finding('bad-alias', message, source.of(alias)));
    return { source, findings };
  }
  try {
    return { source, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), findings };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const message = `the file expands into too much data through its aliases (more than ${MAX_ALIAS_COUNT} uses of *anchors); write the values out`;
    findings.push(finding('bad-alias', message, START));
    return { source, findings };
  }
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'this key appears twice in the same block; keep one';
    case 'RESOURCE_EXHAUSTION':
      return 'the file is nested too deeply to be a map';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed for indentation in YAML; indent with spaces';
    default:
      return `YAML syntax: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  }
}
