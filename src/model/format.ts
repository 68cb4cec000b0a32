/**
 * The canonical form of a map (`cxmap fmt`): keys in the order of the schema (which is the order of the format's
 * documentation), two-space indentation, a blank line between the top-level sections and between steps, flow and
 * block collections kept as written, and every comment kept with the key or value it belongs to.
 */
import { createRequire } from 'node:module';
import {
  Alias,
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
} from 'yaml';
import { withLineFeeds } from '../core/index.js';

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
 * A blank line before each top-level section but the first and before each step but the first; none at the
 * start. The blank line goes before the comments above a key, so a comment stays with what it describes.
 */
function space(doc: Document): void {
  if (!isMap(doc.contents)) return;
  (doc.contents.items as Pair<Node, Node>[]).forEach((pair, i) => {
    pair.key.spaceBefore = i > 0;
    if (isScalar(pair.key) && pair.key.value === 'steps' && isSeq(pair.value))
      pair.value.items.forEach((step, k) => ((step as Node).spaceBefore = k > 0));
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

/** The canonical text of a map, or undefined when its YAML does not parse (such a file is never touched). */
export function formatMap(text: string): string | undefined {
  const doc = parseDocument(withLineFeeds(text), { keepSourceTokens: false });
  if (doc.errors.length > 0) return undefined;
  return formatDocument(doc);
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
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: true });
}
