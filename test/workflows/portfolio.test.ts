/** A map of a portfolio on the live page of `cxmap serve`: typed, it gets what its portfolio shares. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/load/index.js';
import { resolveRun } from '../../src/rules/index.js';
import { liveState } from '../../src/workflows/index.js';

describe('liveState of a map of a portfolio', () => {
  it("loads the text with the portfolio's shared actors: the live page shows the map, not unknown actors", () => {
    const file = 'test/fixtures/portfolio/join.cxmap.yaml';
    const live = liveState(readFileSync(file, 'utf8'), file, ['journey'], resolveRun(loadConfig(undefined, '.')));
    expect(live.state.ok).toBe(true);
  });
});
