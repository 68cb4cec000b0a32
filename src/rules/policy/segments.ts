/**
 * A policy's threshold set per segment: `max-lead-time: [error, { limit: 3d, segments: { remortgage: 1d } }]` checks
 * the map (of a map with segments, its blend) against `limit`, when given, and each named segment, on the map as
 * that segment lives it, against its own. A segment's finding names it and stands where the map names it.
 */
import { closest, wholePercent } from '../../core/index.js';
import type { ExactAnalysis } from '../../analysis/index.js';
import type { Policy, PolicyContext, PolicyFinding } from './types.js';

interface PerSegment {
  limit?: unknown;
  segments?: Record<string, unknown>;
}

const isPerSegment = (option: unknown): option is PerSegment =>
  typeof option === 'object' && option !== null && !Array.isArray(option);

/** A policy's findings on a map, with its option as the configuration gives it (per segment or not). */
export function checkPolicy(
  policy: Policy,
  analysis: ExactAnalysis,
  option: unknown,
  context: PolicyContext,
): PolicyFinding[] {
  if (!policy.option?.perSegment || !isPerSegment(option)) return policy.check(analysis, option, context);
  const found = option.limit === undefined ? [] : policy.check(analysis, option.limit, context);
  // A configuration serves many maps: a map without segments is held to `limit` alone.
  const segments = analysis.segmented?.segments ?? [];
  if (segments.length === 0) return found;
  for (const [id, limit] of Object.entries(option.segments ?? {})) {
    const s = segments.find((x) => x.segment.id === id);
    if (!s) {
      const near = closest(
        id,
        segments.map((x) => x.segment.id),
      );
      found.push({
        message: `the configuration sets ${policy.id} for a segment \`${id}\` that this map does not have${near ? ` (did you mean \`${near}\`?)` : ''}`,
        path: ['segments'],
      });
      continue;
    }
    for (const f of policy.check(s.analysis, limit, context))
      found.push({
        message: `for ${s.segment.name} (${wholePercent(s.segment.share)} of customers): ${f.message}`,
        path: ['segments', id, 'name'],
      });
  }
  return found;
}
