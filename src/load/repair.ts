/**
 * What of a map with shape errors can still be checked. A workshop should see every finding in one pass, not fix
 * the schema errors first and meet the broken references in a second wave. So the parts the schema errors touch are
 * taken out (an optional key with a wrong value is dropped; a step whose id, name or actor is unusable is set
 * aside, its id kept so that references to it still resolve) and the semantic checks run on the rest. Findings that
 * the repair could have caused are left out: those inside a step set aside, the stage checks when the stages list is
 * unusable, the channel checks when the channels are, and the checks of the flow as a whole when any way on was
 * dropped.
 */
import type { Finding } from '../core/index.js';
import type { Path, SourceMap } from './parse.js';
import type { RawMap } from './types.js';

/** Where the schema found a problem: the value at `path`, or the key `missing` that the object at `path` lacks. */
export interface ShapeProblem {
  path: Path;
  missing?: string;
}

export interface Repaired {
  raw: RawMap;
  /** Whether every step's way on came through untouched, so that the flow as a whole can be checked. */
  flowIntact: boolean;
  /** Keeps the semantic findings that do not stem from the repair. */
  keep: (finding: Finding) => boolean;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The sections that hold everything else: when one of them is unusable as a whole, nothing can be checked. */
const FRAME = new Set(['process', 'actors', 'steps']);
const KNOWN = new Set([...FRAME, 'cxmap', 'stages', 'channels', 'effort', 'levers']);
/** A step's keys without which it cannot be checked at all. */
const STEP_CORE = new Set(['id', 'name', 'actor']);
/** The process's required keys: a placeholder stands in for a missing or unusable one. */
const PROCESS_CORE = new Set(['name', 'customer', 'goal']);

/** The map with its broken parts taken out, or undefined when the broken part is the frame that holds everything. */
export function repair(data: unknown, problems: readonly ShapeProblem[], source: SourceMap): Repaired | undefined {
  if (!isObj(data)) return undefined;
  const raw = structuredClone(data);
  if (!isObj(raw.process) || !isObj(raw.actors) || !Array.isArray(raw.steps)) return undefined;
  const process = raw.process;
  const actors = raw.actors;
  const steps = raw.steps as unknown[];
  const setAside = new Set<number>();
  let flowIntact = true;
  let stagesUsable = true;
  let channelsUsable = true;

  for (const { path, missing } of problems) {
    const [top, key, inner] = path;
    if (top === undefined) continue;
    if (path.length === 1 && missing === undefined && FRAME.has(String(top))) return undefined;
    if (top === 'process') {
      if (key === undefined) {
        if (missing && PROCESS_CORE.has(missing)) process[missing] = '';
      } else if (PROCESS_CORE.has(String(key))) process[String(key)] = '';
      else delete process[String(key)];
    } else if (top === 'actors' && key !== undefined) {
      const actor = actors[String(key)];
      if (!isObj(actor)) actors[String(key)] = { kind: 'backstage' };
      else if (inner === undefined || inner === 'kind') actor.kind = 'backstage';
      else delete actor[String(inner)];
    } else if (top === 'stages') {
      // A stage's bad target is dropped; the stage stays, and with it the checks of the steps' stages.
      const stage = Array.isArray(raw.stages) && typeof key === 'number' ? (raw.stages[key] as unknown) : undefined;
      if (isObj(stage) && typeof stage.name === 'string' && inner === 'targets') delete stage.targets;
      else {
        if (Array.isArray(raw.stages)) raw.stages = raw.stages.filter((s) => typeof s === 'string');
        else delete raw.stages;
        stagesUsable = false;
      }
    } else if (top === 'channels') {
      if (key !== undefined && isObj(raw.channels)) delete raw.channels[String(key)];
      else delete raw.channels;
      channelsUsable = false;
    } else if (top === 'effort' || top === 'levers') {
      const section = raw[top];
      if (key !== undefined && isObj(section)) delete section[String(key)];
      else delete raw[top];
    } else if (top === 'steps' && typeof key === 'number') {
      const step = steps[key];
      if (!isObj(step)) setAside.add(key);
      else if (inner === undefined) {
        if (missing === 'name' && typeof step.id === 'string') step.name = step.id;
        else setAside.add(key);
      } else if (STEP_CORE.has(String(inner))) setAside.add(key);
      else {
        if (inner === 'next') flowIntact = false;
        delete step[String(inner)];
      }
    } else if (path.length === 1 && !KNOWN.has(String(top))) {
      delete raw[String(top)]; // a key the format does not have
    }
  }

  // A step set aside keeps its id (when it has one) and nothing else that could be checked or lead anywhere.
  const asideRanges = [...setAside].map((i) => {
    const step = steps[i];
    const id = isObj(step) && typeof step.id === 'string' ? step.id : `#${i + 1}`;
    steps[i] = { id, name: id, actor: Object.keys(actors)[0] ?? '' };
    return source.at(['steps', i]);
  });
  if (setAside.size > 0) flowIntact = false;

  const keep = (f: Finding) =>
    !asideRanges.some((r) => (f.line > r.line || (f.line === r.line && f.column >= r.column)) && f.line <= r.endLine) &&
    (stagesUsable || !['unknown-stage', 'missing-stage'].includes(f.code)) &&
    (channelsUsable || f.code !== 'unknown-channel');
  return { raw: raw as unknown as RawMap, flowIntact, keep };
}
