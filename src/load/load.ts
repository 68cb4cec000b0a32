/** Loading a map: read, parse with positions, check the shape against the schema, then the semantics. */
import { readMap, type TextLayout } from './read.js';
import { parseYaml, SourceMap } from './parse.js';
import { checkShape } from './schema.js';
import { checkSemantics } from './semantic.js';
import { repair } from './repair.js';
import { sharedBeside, withShared, type Shared } from './shared.js';
import { finding, sortFindings, type Finding } from '../core/index.js';
import type { ProcessMap, RawMap } from './types.js';

export interface LoadedMap {
  /** The file name as given (`<stdin>` for standard input). */
  file: string;
  /** The parsed source, for positions and code frames; absent when the file could not be read as text. */
  source?: SourceMap;
  findings: Finding[];
  /** The normalized map, present only when there is no error. */
  map?: ProcessMap;
  /** How the file was saved (line breaks, byte-order mark), for writing a map made from it the same way. */
  layout?: TextLayout;
  /** The portfolio whose actors, channels and personas the map was loaded with. */
  shared?: Shared;
}

/** A portfolio file given where a map is expected: `portfolio:` at the top and no `cxmap:`. */
const isPortfolio = (data: unknown) =>
  data !== null && typeof data === 'object' && 'portfolio' in data && !('cxmap' in data);

/** Loads a map from its text; with `shared`, the actors, channels and personas of its portfolio (src/load/shared.ts). */
export function loadText(text: string, file: string, shared?: Shared): LoadedMap {
  const loaded = loadAlone(text, file, shared);
  return shared ? { ...loaded, shared } : loaded;
}

function loadAlone(text: string, file: string, shared?: Shared): LoadedMap {
  const parsed = parseYaml(text);
  const { source } = parsed;
  if (parsed.data === undefined) return { file, source, findings: sortFindings(parsed.findings) };
  if (isPortfolio(parsed.data)) {
    const message =
      'this is a portfolio (it starts with `portfolio: 1`), not a map: its report is `cxmap portfolio <file>`, and each map it lists is checked on its own (docs/portfolio.md)';
    return { file, source, findings: [finding('not-a-map', message, source.keyAt([], 'portfolio'))] };
  }
  const { data, findings: sharing } = shared
    ? withShared(parsed.data, shared, source)
    : { data: parsed.data, findings: [] };
  const shape = checkShape(data, source);
  if (shape.findings.length > 0) {
    // Check what the shape errors leave whole, so that one pass reports everything it can.
    const repaired = repair(data, shape.problems, source);
    const rest = repaired
      ? checkSemantics(repaired.raw, source, repaired.flowIntact).findings.filter(repaired.keep)
      : [];
    return { file, source, findings: sortFindings([...parsed.findings, ...sharing, ...shape.findings, ...rest]) };
  }
  const semantic = checkSemantics(data as RawMap, source);
  return {
    file,
    source,
    findings: sortFindings([...parsed.findings, ...sharing, ...semantic.findings]),
    map: semantic.map,
  };
}

/**
 * Loads a map file (`-` for standard input). Throws UsageError when the file cannot be opened. A map that the
 * `cxmap.portfolio.yaml` of its folder lists gets that portfolio's actors and channels.
 */
export const loadFile = (path: string): LoadedMap => loadShared(path, path === '-' ? undefined : sharedBeside(path));

/** Loads a map file with the actors and channels of a portfolio (or none). */
export function loadShared(path: string, shared: Shared | undefined): LoadedMap {
  const file = path === '-' ? '<stdin>' : path;
  const read = readMap(path);
  if ('finding' in read) return { file, findings: [read.finding] };
  return { ...loadText(read.text, file, shared), layout: read.layout };
}
