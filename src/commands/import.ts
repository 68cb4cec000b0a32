/** `cxmap import`: a spreadsheet of steps (CSV) made into a map, every row it cannot read reported by number. */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { loadText, readMap, importCsv } from '../load/index.js';
import { printable, UsageError } from '../core/index.js';
import { formatDocument } from '../model/index.js';
import { processInfo } from './ask.js';
import { refuseExisting, schemaComment, writeFile } from '../workflows/index.js';
import type { CommandContext } from './shared.js';

export function register(program: Command, context: CommandContext): void {
  program
    .command('import')
    .summary('make a map from a spreadsheet of steps (CSV)')
    .description(
      'Make a map from a CSV file with one row per step (the columns are in docs/import.md; examples/templates/import-template.csv is a start). Every row that cannot be read is reported with its row number (the header is row 1), and then nothing is written. The output is never written over.',
    )
    .argument('<csv>', 'the spreadsheet, saved as CSV (UTF-8)')
    .requiredOption('-o, --output <file>', 'the new map')
    .option('--name <name>', 'the process, as the customer would say it')
    .option('--customer <customer>', 'whose experience it is')
    .option('--goal <goal>', "the customer's goal")
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap import sticky-notes.csv -o claim.cxmap.yaml --name "Claim for a damaged car" --customer "Driver" --goal "Car repaired"',
    )
    .action(async (csv: string, options: { output: string; name?: string; customer?: string; goal?: string }) => {
      refuseExisting(options.output, 'import', 'never');
      const read = readMap(csv);
      if ('finding' in read) throw new UsageError(`${csv}: ${read.finding.message}`);
      const info = await processInfo(options);
      const result = importCsv(read.text, info);
      if ('problems' in result) {
        for (const p of result.problems) process.stderr.write(`${basename(csv)}: row ${p.row}: ${p.message}\n`);
        process.stderr.write(
          `cxmap: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${csv}: nothing written\n`,
        );
        context.exitCode = 1;
        return;
      }
      result.doc.commentBefore = `${schemaComment(options.output)}\n Imported by cxmap import from ${printable(basename(csv))}.`;
      const text = formatDocument(result.doc);
      const loaded = loadText(text, options.output);
      if (!loaded.map) {
        for (const f of loaded.findings) process.stderr.write(`${basename(csv)}: ${f.message}\n`);
        process.stderr.write(`cxmap: the rows of ${csv} do not make a valid map: nothing written\n`);
        context.exitCode = 1;
        return;
      }
      writeFile(options.output, text);
      context.write(`Wrote ${options.output}: ${result.rows} steps from ${csv}.\n`);
      context.exitCode = 0;
    });
}
