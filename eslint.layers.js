// The stages of src/, in the order the data flows through them. A file may import the stages before its own, each
// through that stage's index, and never a stage after its own: eslint.config.js turns this into lint errors, and
// test/lint/layers.test.ts shows a backward import failing. docs/architecture.md explains the stages.
export const STAGES = [
  'core',
  'load',
  'model',
  'analysis',
  'rules',
  'render',
  'report',
  'formatters',
  'workflows',
  'commands',
];

const any = (names) => `^(\\.\\./)+(${names.join('|')})/`;
const laterOrCli = (names) => `^(\\.\\./)+((${names.join('|')})/|cli\\.js$)`;

/** The import rule of each stage, as flat-config entries. */
export const layers = STAGES.map((stage, i) => {
  const earlier = STAGES.slice(0, i);
  const patterns = [
    {
      regex: '^(\\./|\\.\\./)index\\.js$',
      message:
        "a stage's own files import each other directly: its index is for the stages after it (importing it from inside makes a cycle).",
    },
    {
      regex: laterOrCli(STAGES.slice(i + 1)),
      message: `src/${stage} comes before ${[...STAGES.slice(i + 1), 'cli.ts'].join(', ')}: it may import only ${earlier.join(', ') || 'node and packages'} (see docs/architecture.md).`,
    },
  ];
  if (earlier.length > 0) {
    patterns.push({
      regex: `${any(earlier)}(?!index\\.js$)`,
      message: 'import another stage through its index (../load/index.js), not a file inside it.',
    });
  }
  return { files: [`src/${stage}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
});
