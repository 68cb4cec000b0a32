/** The live state of a map being typed in a workshop (`cxmap serve`): its findings, or what the page shows of it. */
import { loadText, sharedBeside } from '../load/index.js';
import { analyzeExact } from '../analysis/index.js';
import { opportunities, RULES, type RunConfig } from '../rules/index.js';
import { flowPictures, type ViewName } from '../render/index.js';
import { liveContent, type Live } from '../report/index.js';

export function liveState(text: string, file: string, views: readonly ViewName[], run: RunConfig): Live {
  // A map of a portfolio being typed gets the actors and channels it shares, as when it is loaded from its file.
  const loaded = loadText(text, file, sharedBeside(file));
  if (!loaded.map) {
    const findings = loaded.findings.map((f) => ({ line: f.line, column: f.column, message: f.message, code: f.code }));
    return { state: { ok: false, findings }, parts: [] };
  }
  const analysis = analyzeExact(loaded.map, run);
  return liveContent(
    analysis,
    opportunities(analysis, RULES, run.efforts, run.levers),
    flowPictures(analysis, views),
    file,
  );
}
