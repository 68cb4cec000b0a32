/**
 * The canonical form of a map (`cxmap fmt`): keys in the order of the schema (which is the order of the format's
 * documentation), two-space indentation, a blank line between the top-level sections and between steps, flow and
 * block collections kept as written, and every comment kept with the key or value it belongs to.
 */
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import {
  Alias,
  isAlias,
  isCollection,
  isNode,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

/** What the yaml library hands a node to write itself (not exported under a name of its own). */
type StringifyContext = Parameters<YAMLSeq['toString']>[0];
import { withLineFeeds } from '../core/index.js';
import { parseYaml } from '../load/index.js';

type SchemaNode = {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
};

// The schema is the source of the order; the path holds from src/model and from dist/model.
const SCHEMA = createRequire(import.meta.url)('../../schemas/cxmap.schema.json') as SchemaNode & {
  definitions: Record<string, SchemaNode>;
};

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node;
  return resolve(SCHEMA.definitions[node.$ref.replace('#/definitions/', '')]);
}

/** The schema of a key's value: its property, or the schema of any key (actors: id -> actor). */
function child(node: SchemaNode | undefined, key: string | number): SchemaNode | undefined {
  const here = resolve(node);
  if (!here) return undefined;
  if (typeof key === 'number')
    return here.items ?? [...(here.anyOf ?? []), ...(here.oneOf ?? [])].map(resolve).find((n) => n?.items)?.items;
  if (here.properties?.[key]) return here.properties[key];
  if (typeof here.additionalProperties === 'object') return here.additionalProperties;
  return [...(here.anyOf ?? []), ...(here.oneOf ?? [])].map((n) => child(n, key)).find(Boolean);
}

/** The keys of a step in the canonical order. */
export const STEP_KEYS: readonly string[] = Object.keys(SCHEMA.definitions.step?.properties ?? {});

/** Keys of a mapping, for this schema: its own order, then those the schema does not know, as they were. */
function order(map: YAMLMap, schema: SchemaNode | undefined): void {
  const here = resolve(schema);
  const known = Object.keys(here?.properties ?? {});
  const rank = (p: unknown) => {
    const k = isPair(p) && isScalar(p.key) ? known.indexOf(String(p.key.value)) : -1;
    return k < 0 ? known.length : k;
  };
  map.items = map.items
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

function walk(node: Node | null | undefined, schema: SchemaNode | undefined): void {
  if (isMap(node)) {
    order(node, schema);
    for (const pair of node.items as Pair<Node, Node>[])
      walk(pair.value, child(schema, isScalar(pair.key) ? String(pair.key.value) : ''));
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item as Node, child(schema, i)));
  }
}

/**
 * A blank line before each top-level section but the first, before each step but the first and before a comment
 * after the last step; none at the start. The blank line goes before the comments above a key, so a comment stays with what it describes.
 */
function space(doc: Document): void {
  if (!isMap(doc.contents)) return;
  (doc.contents.items as Pair<Node, Node>[]).forEach((pair, i) => {
    pair.key.spaceBefore = i > 0;
    if (isScalar(pair.key) && pair.key.value === 'steps' && isSeq(pair.value)) {
      pair.value.items.forEach((step, k) => ((step as Node).spaceBefore = k > 0));
      // A comment after the last step (improve leaves one for a removed step) is set off like a step.
      const after = pair.value.comment;
      if (after && !after.startsWith('\n')) pair.value.comment = `\n${after}`;
    }
  });
}

/** What each alias stands for, read in the order the file was written (an alias refers to an anchor before it). */
function aliasTargets(doc: Document): Map<Alias, Node> {
  const targets = new Map<Alias, Node>();
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      if (target) targets.set(alias, target);
    },
  });
  return targets;
}

/**
 * After reordering, an alias may come before its anchor (`wait: *w` sorted above `work: &w 1h`), which YAML cannot
 * read. The anchored node then moves to the alias's place and an alias takes its old place: same values, still
 * shared.
 */
function anchorsFirst(doc: Document, targets: Map<Alias, Node>): void {
  // seen: met in its place; moved: put at an alias's place, visited there next; placed: any later meeting is its
  // old place, which becomes an alias.
  const state = new Map<Node, 'seen' | 'moved' | 'placed'>();
  visit(doc, {
    Alias(_, alias) {
      const target = targets.get(alias);
      if (!target || state.has(target)) return undefined;
      state.set(target, 'moved');
      return target;
    },
    Node(_, node) {
      if (!node.anchor) return undefined;
      const now = state.get(node);
      if (now === 'placed') return new Alias(node.anchor);
      state.set(node, now === 'moved' ? 'placed' : 'seen');
      return undefined;
    },
  });
}

/** The canonical text of a map, or undefined when it cannot have one (see `canonical`; never touched). */
export function formatMap(text: string): string | undefined {
  const result = canonical(text);
  return 'text' in result ? result.text : undefined;
}

/**
 * The canonical text of a map, with LF line breaks (changed: other than the text given, line breaks aside), or why
 * it cannot have one. fmt proves what it writes: it reads its own text back, and gives it only when that holds the
 * same data (every key, value and tag, aliases read as what they stand for) and the same comments as the map it was
 * given. A file with nothing in it but comments (or nothing at all) is already in the canonical form.
 */
export function canonical(input: string): { text: string; changed: boolean } | { reason: string } {
  const text = withLineFeeds(input.replace(/\r\n/g, '\n'));
  const { findings, source } = parseYaml(text);
  const doc = source.doc;
  const error = findings.find((f) => f.severity === 'error' && f.code !== 'empty-file');
  if (error) return { reason: `its YAML does not parse (${error.line}:${error.column} ${error.message})` };
  if (doc.contents === null) return { text, changed: false };
  const key = complexKey(doc);
  if (key) {
    // The first thing written inside the key: yaml's range of a block mapping under `?` starts after its first key.
    const first = key.items[0];
    const at = source.of(isPair(first) ? (first.key as Node) : ((first as Node | undefined) ?? key));
    return {
      reason: `a list or a block of keys stands where the name of a key should (${at.line}:${at.column}), and the comments inside it could not be kept; write a plain key there`,
    };
  }
  const before = dataOf(doc);
  const comments = commentsOf(text);
  const formatted = formatDocument(doc);
  const back = parseDocument(formatted);
  if (back.errors.length > 0) return { reason: `what fmt would write does not read back${UNTOUCHED}` };
  const changed = firstChange(doc.contents, before, back.contents, dataOf(back), doc.contents);
  if (changed) {
    const at = source.of(changed);
    if (!changed.tag) {
      return { reason: `the value at ${at.line}:${at.column} would not read back the same once formatted${UNTOUCHED}` };
    }
    // The tag is written before its value: the last the parser could not resolve there.
    const start = changed.range?.[0] ?? 0;
    const warning = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED' && w.pos[1] <= start).pop();
    const tag = warning ? source.span(...warning.pos) : at;
    const name = warning ? text.slice(...warning.pos) : changed.tag.replace(/^tag:yaml.org,2002:/, '!!');
    return {
      reason: `the YAML tag ${name} at ${tag.line}:${tag.column} does not fit the value it marks, and would be lost; remove it`,
    };
  }
  if (commentsOf(formatted) !== comments) return { reason: `a comment would not be kept as written${UNTOUCHED}` };
  return { text: formatted, changed: formatted !== text };
}

const UNTOUCHED = ', so the file was left as it is';

/** The comments of a YAML text, in sorted order: fmt moves comments with what they describe, never changes them. */
function commentsOf(text: string): string {
  const comments: string[] = [];
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) comments.push(token.trimEnd());
  return JSON.stringify(comments.sort());
}

/** A node's data, tags included, as a short text per node (long ones hashed); keys of a mapping in any order. */
function dataOf(doc: Document): Map<Node, string> {
  const known = new Map<Node, string>();
  const of = (node: unknown): string => {
    if (!isNode(node)) return 'none';
    const target = isAlias(node) ? node.resolve(doc) : node;
    if (!target) return 'alias';
    const seen = known.get(target);
    if (seen !== undefined) return seen;
    known.set(target, 'cycle');
    const tag = target.tag ?? '';
    let data: string;
    if (isScalar(target)) {
      const value: unknown = target.value;
      data = JSON.stringify([tag, typeof value, String(value)]);
    } else if (isMap(target)) {
      const pairs = target.items.map((p) => `${of(p.key)}:${of(p.value)}`).sort();
      data = JSON.stringify([tag, 'map', ...pairs]);
    } else if (isSeq(target)) {
      data = JSON.stringify([tag, 'seq', ...target.items.map(of)]);
    } else data = 'other';
    if (data.length > 64) data = createHash('sha256').update(data).digest('base64');
    known.set(target, data);
    if (target !== node) known.set(node, data);
    return data;
  };
  of(doc.contents);
  return known;
}

/**
 * The first node of the map given whose data the text read back does not hold (walking both alike; keys of a
 * mapping matched by their data), or undefined when they hold the same.
 */
function firstChange(
  a: unknown,
  aData: Map<Node, string>,
  b: unknown,
  bData: Map<Node, string>,
  around: Node,
): Node | undefined {
  const data = (node: unknown, known: Map<Node, string>) => (isNode(node) ? known.get(node) : 'none');
  if (data(a, aData) === data(b, bData)) return undefined;
  const here = isNode(a) ? a : around;
  if (isMap(a) && isMap(b) && a.tag === b.tag) {
    for (const pair of a.items) {
      const key = (pair.key as Node | null) ?? here;
      const match = b.items.find((p) => data(p.key, bData) === data(pair.key, aData));
      if (!match) return key;
      const inner = firstChange(pair.value, aData, match.value, bData, key);
      if (inner) return inner;
    }
  } else if (isSeq(a) && isSeq(b) && a.tag === b.tag && a.items.length === b.items.length) {
    for (const [i, item] of a.items.entries()) {
      const inner = firstChange(item, aData, b.items[i], bData, here);
      if (inner) return inner;
    }
  }
  return here;
}

/**
 * A key that is itself a list or a mapping (`? a: 1` at the start of a line makes one). No map of the format has
 * one, and the yaml library drops the comments inside such a key when it writes the document.
 */
function complexKey(doc: Document): YAMLMap | YAMLSeq | undefined {
  let found: YAMLMap | YAMLSeq | undefined;
  visit(doc, {
    Pair: (_, pair) => {
      if (isCollection(pair.key)) {
        found = pair.key;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** A map's YAML document in the canonical order and spacing (changed in place), as text. */
export function formatDocument(doc: Document): string {
  // The comments at the top of the file head the file, whichever key comes first once sorted.
  const first = isMap(doc.contents) ? (doc.contents.items[0] as Pair<Node, Node> | undefined)?.key : undefined;
  if (first?.commentBefore && !doc.commentBefore) {
    doc.commentBefore = first.commentBefore;
    first.commentBefore = undefined;
  }
  const targets = aliasTargets(doc);
  walk(doc.contents, SCHEMA);
  anchorsFirst(doc, targets);
  space(doc);
  flowStyle(doc);
  return withSeparatorsKept(doc, () =>
    doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: true }),
  );
}

const SEPARATORS = /[\u2028\u2029]/g;
const SEPARATOR = /[\u2028\u2029]/;

/**
 * Writes a document whose comments may hold U+2028 or U+2029, which YAML reads as part of the comment but the yaml
 * library's writer takes for line breaks (it puts `#` and the indentation after each). Each stands in for a
 * character found nowhere in the document while it is written, and is put back after.
 */
function withSeparatorsKept(doc: Document, write: () => string): string {
  const holders: { commentBefore?: string | null; comment?: string | null }[] = [doc];
  visit(doc, { Node: (_, node) => void holders.push(node) });
  if (!holders.some((h) => SEPARATOR.test(`${h.commentBefore ?? ''}${h.comment ?? ''}`))) return write();
  const used = new Set(doc.toString({ lineWidth: 0 }));
  const free: string[] = [];
  for (let c = 0xe000; free.length < 2 && c <= 0xf8ff; c++)
    if (!used.has(String.fromCharCode(c))) free.push(String.fromCharCode(c));
  const [line, paragraph] = free;
  // A document holding every private character is written as the yaml library does; fmt's read-back refuses it.
  if (!line || !paragraph) return write();
  const kept = holders.map((h) => [h.commentBefore, h.comment] as const);
  const hide = (s: string) => s.replace(SEPARATORS, (c) => (c === '\u2028' ? line : paragraph));
  for (const h of holders) {
    if (h.commentBefore) h.commentBefore = hide(h.commentBefore);
    if (h.comment) h.comment = hide(h.comment);
  }
  const text = write();
  holders.forEach((h, k) => ([h.commentBefore, h.comment] = kept[k]!));
  return text.replaceAll(line, '\u2028').replaceAll(paragraph, '\u2029');
}

/**
 * Flow lists without inner spaces and flow maps with them, `[a, b]` and `{ to: x, chance: 80% }`, as Prettier writes
 * YAML and as people type it. The yaml library pads both kinds alike, so each flow collection says for itself.
 */
function flowStyle(doc: Document): void {
  const padded = (node: YAMLMap | YAMLSeq, padding: string) => {
    const write = node.toString.bind(node) as (...args: unknown[]) => string;
    node.toString = (ctx?: StringifyContext, ...rest: unknown[]) =>
      write(ctx && { ...ctx, flowCollectionPadding: padding }, ...rest);
  };
  visit(doc, {
    Map: (_, map) => (map.flow ? padded(map, ' ') : undefined),
    Seq: (_, seq) => (seq.flow ? padded(seq, '') : undefined),
  });
}
