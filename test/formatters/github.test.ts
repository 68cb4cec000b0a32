/** github: workflow commands, escaped as the Actions runner reads them (actions/toolkit's command.ts). */
import { describe, expect, it } from 'vitest';
import { github } from '../../src/formatters/github.js';
import { RESULTS } from '../helpers/findings.js';

describe('github', () => {
  it('writes one ::warning or ::error per finding, escaping % and line breaks in the message', () => {
    expect(github(RESULTS)).toBe(
      '::warning file=maps/account.cxmap.yaml,line=2,col=18,endLine=2,endColumn=33,title=cxmap min-pce::PCE is 2.0%25, below the 5.0%25 required: <98%25> of the time "adds" nothing\n' +
        '::error file=maps/account.cxmap.yaml,line=4,col=25,endLine=4,endColumn=30,title=cxmap unknown-actor::the actor `clerk` is not one of the actors:%0Ame, desk\n',
    );
  });

  it('escapes : and , in a property, and writes nothing when there is nothing to say', () => {
    const [result] = RESULTS;
    expect(github([{ ...result!, file: 'C:\\maps\\a,b.yaml', findings: [result!.findings[1]!] }])).toMatch(
      /^::error file=C%3A\/maps\/a%2Cb\.yaml,line=4,/,
    );
    expect(github([RESULTS[1]!])).toBe('');
  });

  it('writes no control character of a map: an escape sequence in the file or the message is left out', () => {
    const [result] = RESULTS;
    const finding = {
      ...result!.findings[1]!,
      message: 'the channel `we\u001b]0;pwned\u0007b\u001b[2J` is not one cxmap knows:\nNo\u0000 slot',
    };
    expect(github([{ ...result!, file: 'maps/\u001b[2Ja.yaml', findings: [finding] }])).toBe(
      '::error file=maps/[2Ja.yaml,line=4,col=25,endLine=4,endColumn=30,title=cxmap unknown-actor::the channel `we]0;pwnedb[2J` is not one cxmap knows:%0ANo slot\n',
    );
  });
});
