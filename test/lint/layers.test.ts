// The import rule of eslint.layers.js, run by ESLint itself on imports written for the test: a stage may import the
// stages before it through their index, and nothing else of src/.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layers } from '../../eslint.layers.js';

const eslint = new ESLint({
  cwd: new URL('../..', import.meta.url).pathname,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...(layers as object[])],
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => `${m.line}:${m.ruleId}: ${m.message}`);
}

describe('the order of the stages', () => {
  it('refuses a backward import: load may not import report', async () => {
    expect(await problems('src/load/example.ts', "import { toHtml } from '../report/index.js';\n")).toEqual([
      "1:no-restricted-imports: '../report/index.js' import is restricted from being used by a pattern. src/load comes before model, analysis, rules, render, report, formatters, workflows, commands, cli.ts: it may import only core (see docs/architecture.md).",
    ]);
  });

  it('refuses a sideways import into a later stage from a nested folder, and the CLI from any stage', async () => {
    expect(
      await problems(
        'src/rules/policy/example.ts',
        "import { x } from '../../render/index.js';\nimport { run } from '../../cli.js';\n",
      ),
    ).toHaveLength(2);
  });

  it("refuses a deep import into an earlier stage, and a stage's own index from inside it", async () => {
    expect(
      await problems(
        'src/rules/example.ts',
        "import { mean } from '../core/duration.js';\nimport { RULES } from './index.js';\n",
      ),
    ).toEqual([
      "1:no-restricted-imports: '../core/duration.js' import is restricted from being used by a pattern. import another stage through its index (../load/index.js), not a file inside it.",
      "2:no-restricted-imports: './index.js' import is restricted from being used by a pattern. a stage's own files import each other directly: its index is for the stages after it (importing it from inside makes a cycle).",
    ]);
  });

  it('lets a stage import the stages before it through their index, and its own files', async () => {
    const code =
      "import { mean } from '../core/index.js';\nimport { loadFile } from '../load/index.js';\nimport { x } from './whatif.js';\nimport { y } from './policy/index.js';\n";
    expect(await problems('src/rules/example.ts', code)).toEqual([]);
  });

  it('keeps core at the bottom: it imports no other stage', async () => {
    expect(await problems('src/core/example.ts', "import type { Step } from '../load/index.js';\n")).toHaveLength(1);
  });
});
