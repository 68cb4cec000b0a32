/**
 * The map the policy tests share, its figures worked out by hand (default calendar, 24-hour days):
 * - lead time: 10m + (1h + 20m) + (2d + 30m) + 10% × (1d + 30m) + 1m + (3d + 5m) + 5m = 5 d 278 m = 5.19 d;
 *   `post` holds (3d + 5m) / 5 d 278 m = 57.8% of it;
 * - value-added time: issue 1m + post 5m + use 5m = 11 m; PCE 11 / 7,478 min = 0.15%;
 * - success rate 92% (8% give up after `use`);
 * - handoffs: call → back, back → sys, sys → back, and back → branch → sys for 10%: 3.10 (1 at `check`);
 * - transfers: none (the branch sees the cardholder days after the call: a new contact); channel switches: none
 *   (the cardholder's own contacts, report and use, are both on the web; the call centre calling is not theirs);
 *   repeat contacts: none (activating the card on the web, `use`, is the customer's own part of the flow as
 *   designed: a valued step on a self-service channel, outside any loop);
 * - items asked again: the card number at `call` (1) and at `branch` (0.10): 1.10;
 * - dark time, after the default 1 day of silence: 1d at `check`, 0.1 × 1d at `branch`, 2.9d at `post`: 4.0 d.
 */
import { expect } from 'vitest';
import { loadText, type ProcessMap } from '../../src/load/index.js';
import { CHECK_RULES, checkMap } from '../../src/rules/index.js';

export const CARD = `cxmap: 1
process:
  name: Replace a lost bank card
  customer: Cardholder
  goal: A working card
  targets: { leadTime: 3d, pce: 10%, successRate: 95% }
actors:
  me: { kind: customer, name: Cardholder }
  call: { kind: frontstage, name: Call centre }
  branch: { kind: frontstage, name: Branch }
  back: { kind: backstage, name: Card operations }
  sys: { kind: support, name: Card system }
steps:
  - { id: report, name: Report the card lost, actor: me, channel: web, work: 10m, asks: [card number], basis: measured, next: call }
  - { id: call, name: Call to confirm, actor: call, channel: phone, wait: 1h, work: 20m, asks: [card number], basis: observed, next: check }
  - { id: check, name: Check the account, actor: back, wait: 2d, work: 30m, value: business, next: [{ to: issue, chance: 90% }, { to: branch, chance: 10% }] }
  - { id: branch, name: Show ID at the branch, actor: branch, channel: in person, wait: 1d, work: 30m, asks: [card number], next: issue }
  - { id: issue, name: Issue the card, actor: sys, work: 1m, value: customer, next: post }
  - { id: post, name: Post the card, actor: back, wait: 3d, work: 5m, value: customer, next: use }
  - { id: use, name: Activate the card, actor: me, channel: web, work: 5m, value: customer, next: [{ to: done, chance: 92% }, { to: lost, chance: 8% }] }
  - { id: done, name: Card works, actor: me, outcome: success }
  - { id: lost, name: Gives up, actor: me, outcome: failure }
`;

function load(yaml: string) {
  const loaded = loadText(yaml, 'card.cxmap.yaml');
  expect(loaded.findings).toEqual([]);
  return loaded;
}

/** One policy's findings on a map (CARD by default) as `line:column message`, at an option or the rule's default. */
export function policyFindings(
  id: string,
  { option, yaml = CARD, baseline }: { option?: unknown; yaml?: string; baseline?: string } = {},
): string[] {
  const rule = CHECK_RULES.find((r) => r.id === id)!;
  expect(rule.kind).toBe('policy');
  const settings = new Map([[id, { severity: 'error' as const, option: option ?? rule.option?.default }]]);
  const before: ProcessMap | undefined = baseline === undefined ? undefined : load(baseline).map;
  return checkMap(load(yaml), settings, { baseline: before }).map((f) => `${f.line}:${f.column} ${f.message}`);
}

/** CARD with one step's line changed. */
export const cardWith = (id: string, change: (line: string) => string) =>
  CARD.split('\n')
    .map((line) => (line.startsWith(`  - { id: ${id},`) ? change(line) : line))
    .join('\n');
