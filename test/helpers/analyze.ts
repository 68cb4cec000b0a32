import { loadText, type ProcessMap } from '../../src/load/index.js';
import { analyze, type AnalysisOptions } from '../../src/analysis/index.js';
import { withSteps } from './maps.js';

/** Loads a map that must be valid (the test fails with its findings otherwise). */
export function mapOf(yaml: string): ProcessMap {
  const loaded = loadText(yaml, 'test.cxmap.yaml');
  if (!loaded.map)
    throw new Error(
      `invalid test map: ${JSON.stringify(loaded.findings.map((f) => `${f.line}:${f.column} ${f.message}`))}`,
    );
  return loaded.map;
}

/** Analyzes steps under the helper's 10-line header (actors: me = customer, desk = frontstage; stages One, Two). */
export const analyzeSteps = (steps: string, options: AnalysisOptions = { runs: 2000 }) =>
  analyze(mapOf(withSteps(steps)), options);

export const HOUR = 3600;
