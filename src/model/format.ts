/**
 * The canonical form of a map (`cxmap fmt`): keys in the order of the schema (which is the order of the format's
 * documentation), two-space indentation, a blank line between the top-level sections and between steps, flow and
 * block collections kept as written, and every comment kept with the key or value it belongs to.
 */
import { createRequire } from 'node:module';
import {
  Alias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
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
import { parseYaml, unresolvedAlias } from '../load/index.js';

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

/** The canonical text of a map, or undefined when it cannot have one (see `unformattable`; never touched). */
export function formatMap(text: string): string | undefined {
  const doc = parseDocument(withLineFeeds(text), { keepSourceTokens: false });
  if (doc.errors.length > 0 || unresolvedAlias(doc) || complexKey(doc)) return undefined;
  return formatDocument(doc);
}

/** Why a map's text cannot be put in the canonical form, or undefined when it can. */
export function unformattable(text: string): string | undefined {
  const { findings, source } = parseYaml(text);
  const error = findings.find((f) => f.severity === 'error');
  if (error) return `its YAML does not parse (${error.line}:${error.column} ${error.message})`;
  const key = complexKey(source.doc);
  if (!key) return undefined;
  // The first thing written inside the key: yaml's range of a block mapping under `?` starts after its first key.
  const first = key.items[0];
  const at = source.of(isPair(first) ? (first.key as Node) : ((first as Node | undefined) ?? key));
  return `a list or a block of keys stands where the name of a key should (${at.line}:${at.column}), and the comments inside it could not be kept; write a plain key there`;
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
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: true });
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
