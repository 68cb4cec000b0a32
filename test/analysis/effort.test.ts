/**
 * The drivers of customer effort as Dixon, Freeman & Toman (HBR 2010) define them, and dark time with its
 * threshold: one small map per definition, worked by hand (24-hour days; dark after 1 day unless the map says).
 */
import { describe, expect, it } from 'vitest';
import { analyzeExact } from '../../src/analysis/index.js';
import { loadText } from '../../src/load/index.js';
import { mapOf, HOUR } from '../helpers/analyze.js';

const D = 24 * HOUR;
const map = (steps: string, process = '') => `cxmap: 1
process: { name: P, customer: C, goal: G${process} }
actors:
  me: { kind: customer, name: Me }
  agent: { kind: frontstage, name: Agent }
  expert: { kind: frontstage, name: Expert }
  shop: { kind: frontstage, name: Parcel shop }
  back: { kind: backstage, name: Back office }
  post: { kind: support, name: Post }
steps:
${steps}`;
const effort = (steps: string, process = '') => analyzeExact(mapOf(map(steps, process))).effort;

describe('channel switches: the customer changes channel to pursue the same need', () => {
  it('counts the customer phoning after the web could not do it', () => {
    const e = effort(`  - { id: a, name: Apply online, actor: me, channel: web, next: b }
  - { id: b, name: Phone to finish, actor: me, channel: phone, wait: 1d, next: c }
  - { id: c, name: Done, actor: me }`);
    expect(e.channelSwitches.total).toBe(1);
    expect(e.switchFrom[1]).toBe('web');
  });

  it('does not count the company writing, delivering or visiting', () => {
    const e = effort(`  - { id: a, name: Apply online, actor: me, channel: web, next: b }
  - { id: b, name: Send the router, actor: post, channel: mail, wait: 2d, next: c }
  - { id: c, name: Receive the router, actor: me, channel: post, next: d }
  - { id: d, name: Engineer installs, actor: agent, channel: visit, wait: 3d, next: e }
  - { id: e, name: Online, actor: me }`);
    expect(e.channelSwitches.total).toBe(0);
    expect(e.repeatContacts.total).toBe(0);
  });

  it('takes a standard channel by any of its words: website and online are the web', () => {
    const e = effort(`  - { id: a, name: Apply, actor: me, channel: website, next: b }
  - { id: b, name: Upload, actor: me, channel: online, wait: 1d, next: c }
  - { id: c, name: Done, actor: me }`);
    expect(e.channelSwitches.total).toBe(0);
    expect(e.repeatContacts.total).toBe(1);
  });

  it("weights a switch by the share of customers who make it: 40% phone after the web's failure", () => {
    const e =
      effort(`  - { id: a, name: Apply online, actor: me, channel: web, next: [{ to: b, chance: 40% }, { to: c, chance: 60% }] }
  - { id: b, name: Phone, actor: me, channel: phone, wait: 1d, next: c }
  - { id: c, name: Done, actor: me }`);
    expect(e.channelSwitches.total).toBeCloseTo(0.4, 12);
  });
});

describe('repeat contacts: the customer contacts the company again about the same need', () => {
  it('counts every contact the customer starts after the first, chasing included, but not reaching the goal', () => {
    const e = effort(`  - { id: a, name: Apply online, actor: me, channel: web, next: b }
  - { id: b, name: Check, actor: back, wait: 5d, next: c }
  - { id: c, name: Chase by phone, actor: me, channel: phone, next: d }
  - { id: d, name: Chase online, actor: me, channel: web, wait: 2d, next: e }
  - { id: e, name: Use the account, actor: me, channel: web, wait: 1d }`);
    // c and d are contacts after a; e, the goal reached, is using the service, not a contact.
    expect(e.repeatContacts.total).toBe(2);
    expect(e.channelSwitches.total).toBe(2);
  });

  it('counts one contact while the customer stays on the same channel without a wait of an hour or more', () => {
    const e = effort(`  - { id: a, name: Fill in the form, actor: me, channel: web, next: b }
  - { id: b, name: Upload the payslips, actor: me, channel: web, wait: 10m, next: c }
  - { id: c, name: Done, actor: me }`);
    expect(e.repeatContacts.total).toBe(0);
  });
});

describe('transfers: the customer is passed to another company person within one contact', () => {
  it('counts "let me put you through" in the same call', () => {
    const e = effort(`  - { id: a, name: Call, actor: me, channel: phone, next: b }
  - { id: b, name: Take the call, actor: agent, channel: phone, next: c }
  - { id: c, name: Put through to an expert, actor: expert, channel: phone, wait: 5m, next: d }
  - { id: d, name: Done, actor: me }`);
    expect(e.transfers.total).toBe(1);
    expect(e.transferFrom[2]).toBe('Agent');
  });

  it('does not count meeting another party days later: that is a new contact', () => {
    const e = effort(`  - { id: a, name: Call, actor: me, channel: phone, next: b }
  - { id: b, name: Book the return, actor: agent, channel: phone, next: c }
  - { id: c, name: Drop the parcel at the shop, actor: shop, channel: shop, wait: 2d, next: d }
  - { id: d, name: Done, actor: me }`);
    expect(e.transfers.total).toBe(0);
  });

  it("does not count the company's system, nor another organisation's people: the company does not pass the customer on", () => {
    const steps = (next: string) => `cxmap: 1
process: { name: P, customer: C, goal: G }
actors:
  me: { kind: customer, name: Me }
  agent: { kind: frontstage, name: Agent }
  bot: { kind: frontstage, name: Email robot, type: system }
  old: { kind: frontstage, name: Old supplier's call centre, org: Old supplier }
steps:
  - { id: a, name: Call, actor: me, channel: phone, next: b }
  - { id: b, name: Take the call, actor: agent, channel: phone, next: c }
  - { id: c, name: ${next}, wait: 5m, next: d }
  - { id: d, name: Done, actor: me }
`;
    // The agent's call goes on to an automatic email, or to the old supplier's agent on the line: neither is one of the
    // company's people taking the customer over. (Each counted 1 before.)
    expect(analyzeExact(mapOf(steps('Confirm by email, actor: bot, channel: email'))).effort.transfers.total).toBe(0);
    expect(
      analyzeExact(mapOf(steps('Speak to the old supplier, actor: old, channel: phone'))).effort.transfers.total,
    ).toBe(0);
  });
});

describe('dark time: silence beyond the threshold since the last news', () => {
  it('lights only the first day after an update: a 9-day wait after a proof of postage is 8 days dark', () => {
    const e = effort(`  - { id: a, name: Post the parcel, actor: me, channel: shop, tells: [proof of postage], next: b }
  - { id: b, name: Refund, actor: back, wait: 9d, next: c }
  - { id: c, name: Refunded, actor: me }`);
    expect(e.darkTime.total).toBeCloseTo(8 * D, 6);
  });

  it('counts the silence across steps: 20h + 20h of waiting after the last news is 16h dark', () => {
    const e = effort(`  - { id: a, name: Apply, actor: me, channel: web, next: b }
  - { id: b, name: Scan, actor: back, wait: 20h, next: c }
  - { id: c, name: Check, actor: back, wait: 20h, next: d }
  - { id: d, name: Done, actor: me }`);
    expect(Array.from(e.darkWait)).toEqual([0, 0, expect.closeTo(16 * HOUR, 6), 0]);
  });

  it('takes the threshold from the map: dark after 2 days, the 9-day wait is 7 days dark', () => {
    const e = effort(
      `  - { id: a, name: Post the parcel, actor: me, channel: shop, next: b }
  - { id: b, name: Refund, actor: back, wait: 9d, next: c }
  - { id: c, name: Refunded, actor: me }`,
      ', darkAfter: 2d',
    );
    expect(e.darkTime.total).toBeCloseTo(7 * D, 6);
  });

  it("never counts the customer's own choice or pace, nor lets it run the clock", () => {
    const e = effort(`  - { id: a, name: Book the return, actor: agent, channel: phone, next: b }
  - { id: b, name: Take the parcel to the shop, actor: shop, channel: shop, wait: 3d, waitKind: customer, next: c }
  - { id: c, name: Done, actor: me }`);
    expect(e.darkTime.total).toBe(0);
  });

  it('weights a step after a join by the cases that reach it: half end inside a branch, 2.0 d dark, not 4.0 d', () => {
    // The agent's call (4.8h = 0.2d) is news. The check waits 1d: dark for none of it (the first day is light).
    // At the same time the screening (1h) ends half the cases. The other half reach the decision after a day of
    // silence, and its 4-day wait is all dark: 0.5 × 4d = 2.0d, a share of the lead time of
    // 0.2d + 0.5 × 1d (check) + 0.5 × 1h (screening, for the cases it ends) + 0.5 × 4d (decision) = 2.72d.
    const a = analyzeExact(
      mapOf(
        map(`  - { id: call, name: Apply, actor: agent, channel: phone, work: 4.8h, next: { all: [check, screen] } }
  - { id: check, name: Check, actor: back, wait: 1d, next: decide }
  - { id: screen, name: Screen, actor: back, work: 1h, next: [{ to: withdrawn, chance: 50% }, { to: decide, chance: 50% }] }
  - { id: withdrawn, name: Withdrawn, actor: me, outcome: failure }
  - { id: decide, name: Decide, actor: back, wait: 4d, next: done }
  - { id: done, name: Told the decision, actor: agent, tells: [decision] }`),
      ),
    );
    expect(a.time.leadTime).toBeCloseTo(0.2 * D + 0.5 * D + 0.5 * HOUR + 2 * D, 6);
    expect(a.time.visits[4]).toBeCloseTo(0.5, 12);
    expect(a.effort.darkTime.total).toBeCloseTo(2 * D, 6);
    // Each case that reaches the decision waits its 4 days in the dark, not 8.
    expect(Array.from(a.effort.darkWait)).toEqual([0, 0, 0, 0, expect.closeTo(4 * D, 6), 0]);
  });

  it('gives the dark wait of a visit on the customer’s path, however few of the cases that path carries', () => {
    // The check waits 2 days: its second day is dark for each case whose path runs through it (the half that
    // carries on: 0.5 × 1d = 0.5d of dark time), 1 day per visit, though every case starts the check (visits 1).
    // The screening is the path of the cases it ends; its 1h brings no wait, so no dark wait.
    const a = analyzeExact(
      mapOf(
        map(`  - { id: call, name: Apply, actor: agent, channel: phone, work: 4.8h, next: { all: [check, screen] } }
  - { id: check, name: Check, actor: back, wait: 2d, next: decide }
  - { id: screen, name: Screen, actor: back, work: 1h, next: [{ to: withdrawn, chance: 50% }, { to: decide, chance: 50% }] }
  - { id: withdrawn, name: Withdrawn, actor: me, outcome: failure }
  - { id: decide, name: Decide, actor: back, wait: 4d, next: done }
  - { id: done, name: Told the decision, actor: agent, tells: [decision] }`),
      ),
    );
    expect(a.time.visits[1]).toBe(1);
    expect(a.effort.darkTime.perStep[1]).toBeCloseTo(0.5 * D, 6);
    expect(a.effort.darkWait[1]).toBeCloseTo(D, 6);
    expect(a.effort.darkTime.total).toBeCloseTo(0.5 * D + 2 * D, 6);
  });

  it('counts transport and scheduled waits as dark as any other: the customer hears nothing', () => {
    const e = effort(`  - { id: a, name: Order, actor: me, channel: web, next: b }
  - { id: b, name: Courier on the way, actor: post, wait: 3d, waitKind: transport, next: c }
  - { id: c, name: Monthly billing run, actor: back, wait: 30d, waitKind: scheduled, next: d }
  - { id: d, name: Done, actor: me }`);
    // b: 3d after the order, 2d of it dark; c: after 3 days of silence, all 30 days dark.
    expect(e.darkTime.total).toBeCloseTo(32 * D, 6);
  });
});

describe('channels the format does not know', () => {
  const findings = (yaml: string) =>
    loadText(yaml, 'm.cxmap.yaml').findings.map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`);

  it('warns once per unknown channel, at its first use, with the closest standard one', () => {
    expect(
      findings(
        map(`  - { id: a, name: Sign, actor: me, channel: bank, next: b }
  - { id: b, name: Sign again, actor: me, channel: bank, wait: 1d, next: c }
  - { id: c, name: Done, actor: me, channel: telephon }`),
      ),
    ).toEqual([
      '11:46 unknown-channel the channel `bank` is not one cxmap knows (it counts as one the customer uses to reach the company): did you mean `branch`? Or declare it under `channels:`',
      '13:46 unknown-channel the channel `telephon` is not one cxmap knows (it counts as one the customer uses to reach the company): did you mean `phone`? Or declare it under `channels:`',
    ]);
  });

  it('takes channels the map declares, with who starts a contact on them', () => {
    const yaml = map(`  - { id: a, name: Order, actor: me, channel: web, next: b }
  - { id: b, name: Courier brings it, actor: post, channel: courier van, wait: 1d, next: c }
  - { id: c, name: Use the kiosk, actor: me, channel: kiosk, wait: 1d, next: d }
  - { id: d, name: Done, actor: me }`).replace('steps:', 'channels: { courier van: company, kiosk: customer }\nsteps:');
    expect(findings(yaml)).toEqual([]);
    const e = analyzeExact(mapOf(yaml)).effort;
    expect(e.channelSwitches.total).toBe(1);
  });
});

describe("the customer's own part of the flow as designed is neither a repeat contact nor a channel switch", () => {
  // Applying on the web, verifying one's identity in the app and activating in the app are the flow the company
  // designed (valued or required steps on a self-service channel, outside any loop); the chase by phone is not.
  const designed = `  - { id: apply, name: Apply online, actor: me, channel: web, work: 10m, value: business, next: verify }
  - { id: verify, name: Verify identity in the app, actor: me, channel: app, wait: 1h, work: 5m, value: business, verifies: [passport], next: review }
  - { id: review, name: Review, actor: back, wait: 3d, work: 1h, next: [{ to: activate, chance: 75% }, { to: chase, chance: 25% }] }
  - { id: chase, name: Chase by phone, actor: me, channel: phone, work: 5m, value: waste, next: answer }
  - { id: answer, name: Answer the chase, actor: agent, channel: phone, work: 5m, next: activate }
  - { id: activate, name: Activate in the app, actor: me, channel: app, wait: 1d, work: 2m, value: customer, next: use }
  - { id: use, name: Use the account, actor: me, channel: web }`;

  it('counts only the chase: 0.25 repeat contacts and 0.25 channel switches (app to phone)', () => {
    const e = effort(designed);
    // Counted as contacts the customer starts, as before: verify 1 switch + 1 repeat, chase 0.25 + 0.25, activate
    // after the chase 0.25 switches (phone to app) and 1 repeat: 1.5 switches and 2.25 repeats.
    expect(e.repeatContacts.total).toBeCloseTo(0.25, 12);
    expect(e.channelSwitches.total).toBeCloseTo(0.25, 12);
    expect(Array.from(e.channelSwitches.perStep)).toEqual([0, 0, 0, 0.25, 0, 0, 0]);
    expect(e.switchFrom[3]).toBe('app');
  });

  it('counts the same steps when the team does not class them as valued or required: nothing says they are the design', () => {
    const e = effort(designed.replace(/, value: (business|customer)/g, ''));
    expect(e.repeatContacts.total).toBeCloseTo(2.25, 12);
    expect(e.channelSwitches.total).toBeCloseTo(1.5, 12);
  });

  it('counts a designed step done again round a loop: uploading again after a check sends the case back', () => {
    const e = effort(`  - { id: apply, name: Apply online, actor: me, channel: web, value: business, next: check }
  - { id: check, name: Check, actor: back, wait: 1d, next: [{ to: done, chance: 80% }, { to: upload, chance: 20% }] }
  - { id: upload, name: Upload the documents again, actor: me, channel: web, wait: 1d, value: business, next: check }
  - { id: done, name: Done, actor: me }`);
    // check is visited 1 / 0.8 = 1.25 times, upload 0.25: each upload is the customer coming back, on the same channel.
    expect(e.repeatContacts.total).toBeCloseTo(0.25, 12);
    expect(e.channelSwitches.total).toBe(0);
  });
});

describe('a check is not information asked again', () => {
  it('counts the passport asked twice, but not where a step verifies it', () => {
    const e = effort(`  - { id: a, name: Apply, actor: me, channel: web, asks: [name, passport], next: b }
  - { id: b, name: Identity check at the branch, actor: agent, channel: branch, wait: 1d, asks: [passport], verifies: [passport], next: c }
  - { id: c, name: Security questions, actor: agent, channel: phone, wait: 1d, verifies: [date of birth], next: d }
  - { id: d, name: Send a copy of the passport, actor: me, channel: email, wait: 1d, asks: [passport, name], next: e }
  - { id: e, name: Done, actor: me }`);
    // b checks the passport (it is the point of the step): not asked again; d asks it again, and the name: 2.
    expect(e.reAsked).toEqual([[], [], [], ['passport', 'name'], []]);
    expect(e.reAsks.total).toBe(2);
  });
});
