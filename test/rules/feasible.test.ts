/**
 * Feasible by default: on a product return modelled with no extra marking, none of the changes a practitioner
 * would reject is proposed (the parcel drop-off made "online", the courier doing goods-in and inspection, goods-in
 * run while the parcel is on the van, a monthly statement cycle halved, a decision moved to the shopper). Each rule
 * is asked on its own, so that a rule that proposes nothing here proposes nothing because of the facts.
 */
import { describe, expect, it } from 'vitest';
import { analyzeExact } from '../../src/analysis/index.js';
import { RULES, considered, opportunities } from '../../src/rules/index.js';
import { breaksTheRules } from '../../src/rules/feasible.js';
import { copyMap } from '../../src/model/index.js';
import type { ProcessMap } from '../../src/load/index.js';
import { mapOf } from '../helpers/analyze.js';

const RETURN = `cxmap: 1
process: { name: Return a product, customer: Online shopper, goal: Money back within a week, darkAfter: 1d }
actors:
  me: { kind: customer, name: Shopper }
  desk: { kind: frontstage, name: Customer service }
  clerk: { kind: frontstage, name: Parcel shop clerk }
  courier: { kind: support, name: Courier }
  returns: { kind: backstage, name: Returns centre }
  inspector: { kind: backstage, name: Inspection }
  finance: { kind: backstage, name: Finance }
steps:
  - { id: request, name: Request a return, actor: me, channel: web, work: 10m, asks: [order number], next: call }
  - { id: call, name: Phone to ask how to send it, actor: me, channel: phone, wait: 20m, work: 10m, next: label }
  - { id: label, name: Send the return label, actor: desk, channel: phone, wait: 4h, work: 5m, asks: [order number], tells: [label], next: drop-off }
  - { id: drop-off, name: Hand the parcel in at the parcel shop, actor: clerk, channel: shop, wait: 1d, work: 5m, asks: [parcel], next: transit }
  - { id: transit, name: Carry the parcel to the returns centre, actor: courier, wait: 2d, waitKind: transport, work: 10m, next: goods-in }
  - { id: goods-in, name: Scan the parcel in, actor: returns, wait: 1d, work: 5m, next: inspect }
  - { id: inspect, name: Inspect the item, actor: inspector, wait: 1d, work: 20m, next: [{ to: refund, chance: 85% }, { to: ask-photos, chance: 15% }] }
  - { id: ask-photos, name: Ask for photos of the damage, actor: desk, channel: email, wait: 4h, work: 10m, asks: [photos], next: decline }
  - { id: decline, name: Email that the return is declined, actor: desk, channel: email, wait: 1d, work: 10m, tells: [decision], outcome: failure }
  - { id: refund, name: Refund the money, actor: finance, wait: 2d, work: 5m, next: statement }
  - { id: statement, name: See the refund on the card statement, actor: me, wait: 30d, waitKind: scheduled, work: 5m }
`;

/** What one rule proposes on a map: its lever's title and the steps it touches. */
function proposed(rule: string, yaml: string) {
  return considered(opportunities(analyzeExact(mapOf(yaml)), [RULES.find((r) => r.id === rule)!])).map((e) => ({
    title: e.opportunity.title,
    steps: e.opportunity.steps,
  }));
}

describe('a product return, with no marking beyond the kinds of wait', () => {
  it('self-service: the label, an exchange of information by phone; never the drop-off, the decline or the photo request', () => {
    expect(proposed('self-service', RETURN)).toEqual([
      { title: 'Self-service: the customer does `label` (Send the return label) online', steps: ['label'] },
    ]);
  });

  it('merge-handoffs: nothing, as the courier is a partner and the chain of desks is too short without it', () => {
    expect(proposed('merge-handoffs', RETURN)).toEqual([]);
  });

  it('parallelize: nothing, since the map does not say goods-in could start before the parcel arrives', () => {
    expect(proposed('parallelize', RETURN)).toEqual([]);
  });

  it('cut-wait: the transport and the statement cycle are not queues; nothing else holds 10% of the lead time', () => {
    expect(proposed('cut-wait', RETURN)).toEqual([]);
  });

  it('one-channel: nothing, as the call holds 20 minutes on the line (the map cannot say how long the web would take) and the drop-off at the shop is in person', () => {
    expect(proposed('one-channel', RETURN)).toEqual([]);
    // Without the hold, the call moves to the web, where the shopper started.
    expect(proposed('one-channel', RETURN.replace('channel: phone, wait: 20m,', 'channel: phone,'))).toEqual([
      { title: "One channel: serve the customer's need by web from start to finish", steps: ['call'] },
    ]);
  });

  it('single-contact: nothing, as the clerk at the shop does physical work and the desk is the only other person', () => {
    expect(proposed('single-contact', RETURN)).toEqual([]);
  });
});

describe('the facts a map states', () => {
  const line = (steps: string) => `cxmap: 1
process: { name: P, customer: C, goal: G }
actors:
  me: { kind: customer, name: Me }
  back: { kind: backstage, name: Back office }
  ops: { kind: backstage, name: Operations }
  desk: { kind: frontstage, name: Desk }
steps:
${steps}`;

  it('independent: two steps run at the same time only when the map says the second does not need the first', () => {
    const steps = (mark: string) =>
      line(`  - { id: a, name: A, actor: me, work: 10m, next: b }
  - { id: b, name: B, actor: back, work: 2h, next: c }
  - { id: c, name: C, actor: ops, work: 1h${mark}, next: d }
  - { id: d, name: D, actor: me, work: 10m }`);
    expect(proposed('parallelize', steps(''))).toEqual([]);
    expect(proposed('parallelize', steps(', independent: true'))).toEqual([
      { title: 'Run `b` and `c` at the same time', steps: ['b', 'c'] },
    ]);
  });

  it('waitKind: a queue is cut by working faster; the same wait as a scheduled cycle only by changing the schedule', () => {
    const steps = (kind: string) =>
      line(`  - { id: a, name: A, actor: me, work: 10m, next: b }
  - { id: b, name: Bill, actor: back, wait: 30d${kind}, work: 10m }`);
    expect(proposed('cut-wait', steps(''))).toEqual([{ title: 'Cut the wait before `b` (30.0 d now)', steps: ['b'] }]);
    expect(proposed('off-cycle', steps(''))).toEqual([]);
    expect(proposed('cut-wait', steps(', waitKind: scheduled'))).toEqual([]);
    // The one rule that acts on the missed target is off-cycle: a run for the case, or a shorter cycle.
    const missed = steps(', waitKind: scheduled').replace('goal: G', 'goal: G, targets: { leadTime: 1d }');
    expect(considered(opportunities(analyzeExact(mapOf(missed)))).map((r) => r.opportunity.title)).toEqual([
      'Take `b` out of its fixed cycle: a run for the case, or a shorter cycle (30.0 d now)',
    ]);
    // Nor is a transport or the customer's own time cut by either.
    for (const kind of [', waitKind: transport', ', waitKind: customer'])
      expect([...proposed('cut-wait', steps(kind)), ...proposed('off-cycle', steps(kind))]).toEqual([]);
  });

  it('physical: an inspection at a desk marked physical stays with the desk', () => {
    const steps = (mark: string) =>
      line(`  - { id: a, name: A, actor: me, channel: web, work: 10m, next: b }
  - { id: b, name: Check the returned item, actor: desk, channel: email, wait: 1d, work: 10m, tells: [result]${mark}, next: c }
  - { id: c, name: C, actor: me, work: 10m }`);
    expect(proposed('self-service', steps('')).map((o) => o.steps)).toEqual([['b']]);
    expect(proposed('self-service', steps(', physical: true'))).toEqual([]);
  });

  it('locked: no rule changes a step the map locks, whatever it would save', () => {
    const steps = (mark: string) =>
      line(`  - { id: a, name: A, actor: me, channel: web, work: 10m, asks: [income], next: b }
  - { id: b, name: B, actor: desk, channel: email, wait: 2d, work: 10m, asks: [income]${mark}, next: c }
  - { id: c, name: C, actor: back, wait: 3d, work: 1h, value: waste, next: d }
  - { id: d, name: D, actor: me, work: 10m }`);
    const all = (yaml: string) => considered(opportunities(analyzeExact(mapOf(yaml)))).map((e) => e.opportunity.rule);
    expect(all(steps(''))).toEqual(expect.arrayContaining(['self-service', 'ask-once', 'cut-wait', 'remove-waste']));
    const locked = considered(opportunities(analyzeExact(mapOf(steps(', locked: required by the regulator')))));
    for (const e of locked) expect(e.opportunity.steps, e.opportunity.rule).not.toContain('b');
    expect(locked.map((e) => e.opportunity.rule)).not.toContain('ask-once');
  });

  it('a channel that carries it: a need started by phone, with documents uploaded on the web, is finished on the web, both sides of each contact', () => {
    const yaml = line(`  - { id: call, name: Call about a loan, actor: me, channel: phone, work: 10m, next: upload }
  - { id: upload, name: Upload payslips, actor: me, channel: web, wait: 1d, work: 20m, next: mail }
  - { id: mail, name: Email the signed form, actor: me, channel: email, wait: 1d, work: 10m, next: done }
  - { id: done, name: Done, actor: desk, channel: email, tells: [decision] }`);
    expect(proposed('one-channel', yaml)).toEqual([
      // The desk answers the emailed form in the same contact: its side moves to the web with it.
      { title: "One channel: serve the customer's need by web from start to finish", steps: ['call', 'mail', 'done'] },
    ]);
  });

  it('remove-waste: only work no contact, information, rework or decision passes through, and not a bare wait', () => {
    const yaml = line(`  - { id: a, name: A, actor: me, channel: web, work: 10m, next: rekey }
  - { id: rekey, name: Re-key the form, actor: back, wait: 1d, work: 20m, value: waste, next: connect }
  - { id: connect, name: Go online, actor: me, work: 10m, next: [{ to: done, chance: 80% }, { to: call, chance: 20% }] }
  - { id: call, name: Call about the fault, actor: me, channel: phone, wait: 20m, work: 15m, value: waste, next: script }
  - { id: script, name: Troubleshoot, actor: desk, channel: phone, work: 30m, value: waste, next: [{ to: done, chance: 50% }, { to: ticket, chance: 50% }] }
  - { id: ticket, name: Raise a ticket, actor: ops, wait: 4h, work: 10m, value: waste, next: slot }
  - { id: slot, name: Wait for a repair slot, actor: me, wait: 3d, waitKind: queue, value: waste, next: done }
  - { id: done, name: Done, actor: me, work: 5m }`);
    // The call brings the fault to the company, the script talks to the customer, the ticket and the slot follow the
    // troubleshooting's decision, and the slot is a bare wait: only the re-keying goes.
    expect(proposed('remove-waste', yaml)).toEqual([{ title: 'Remove `rekey` (Re-key the form)', steps: ['rekey'] }]);
  });

  it('decisions stay with the company: a step that decides, or carries a decision out, is not made self-service', () => {
    const yaml = line(`  - { id: a, name: A, actor: me, channel: web, work: 10m, next: review }
  - { id: review, name: Review the claim, actor: desk, channel: email, wait: 1d, work: 10m, asks: [photos], next: [{ to: pay, chance: 80% }, { to: refuse, chance: 20% }] }
  - { id: pay, name: Pay, actor: back, work: 10m, next: done }
  - { id: refuse, name: Tell the customer the claim is refused, actor: desk, channel: email, wait: 1d, tells: [decision], outcome: failure }
  - { id: done, name: Done, actor: me, work: 5m }`);
    expect(proposed('self-service', yaml)).toEqual([]);
  });

  it('no change may give a decision to the customer, change a locked step, or make a step loop to itself', () => {
    // What every rule keeps to is checked once more on the changed map, whatever the rule: a change that breaks it
    // is dropped before it is scored.
    const yaml = line(`  - { id: a, name: A, actor: me, work: 10m, next: review }
  - { id: review, name: Review, actor: back, work: 1h, next: [{ to: ask, chance: 30% }, { to: ok, chance: 70% }] }
  - { id: ask, name: Ask for more, actor: desk, channel: email, work: 10m, asks: [photos], next: review }
  - { id: ok, name: Accept, actor: desk, channel: email, work: 10m, tells: [decision], locked: required by the regulator }`);
    const before = mapOf(yaml);
    const changed = (edit: (m: ProcessMap) => void) => {
      const m = copyMap(before);
      edit(m);
      return breaksTheRules(before, m);
    };
    const me = before.actors.find((a) => a.id === 'me')!;
    expect(changed(() => undefined)).toBeUndefined();
    expect(changed((m) => (m.steps[1]!.actor = me))).toBe(
      'it gives `review` to the customer, and decisions stay with the company',
    );
    expect(changed((m) => (m.steps[2]!.actor = me))).toBe(
      'it gives `ask` to the customer, and decisions stay with the company',
    );
    expect(changed((m) => (m.steps[3]!.channel = 'web'))).toBe(
      'it changes `ok`, which the map locks (required by the regulator)',
    );
    expect(changed((m) => (m.steps[2]!.next = { kind: 'choice', choices: [{ to: 2, chance: 1 }] }))).toBe(
      'it leaves `ask` leading straight back to itself',
    );
  });
});

describe('who is who: no rule crosses an organisation, or the line between people and systems', () => {
  // The company's own people and systems, the customer, and two other organisations: the old supplier the customer
  // leaves, and an ombudsman.
  const map = (steps: string) => `cxmap: 1
process: { name: Switch supplier, customer: Household, goal: Supplied by us, darkAfter: 1d }
actors:
  me: { kind: customer, name: Household }
  sales: { kind: frontstage, name: Sales agent }
  onboarding: { kind: frontstage, name: Onboarding specialist }
  compliance: { kind: frontstage, name: Compliance officer }
  back: { kind: backstage, name: Switching team }
  ops: { kind: backstage, name: Metering team }
  core: { kind: backstage, name: Billing system, type: system }
  bot: { kind: frontstage, name: Chatbot, type: system }
  rival: { kind: frontstage, name: Old supplier's disputes team, org: Old Energy }
  agent: { kind: support, name: Meter data agent, org: Meter Data Ltd }
  ombudsman: { kind: support, name: Ombudsman, org: Energy Ombudsman }
steps:
${steps}`;

  it('single-contact: only the company’s people’s service work; not the rival’s team, nor the interview a risk rating calls for', () => {
    const yaml = map(`  - { id: call, name: Call to switch, actor: me, channel: phone, work: 5m, next: take }
  - { id: take, name: Take the details, actor: sales, channel: phone, work: 10m, asks: [address], next: onboard }
  - { id: onboard, name: Set up the account, actor: onboarding, channel: phone, wait: 5m, work: 20m, asks: [meter number], next: rate }
  - { id: rate, name: Rate the risk, actor: core, work: 1m, next: [{ to: welcome, chance: 80% }, { to: edd, chance: 20% }] }
  - { id: edd, name: Enhanced due-diligence interview, actor: compliance, channel: video, wait: 2d, work: 1h, asks: [source of funds], next: welcome }
  - { id: welcome, name: Welcome call, actor: onboarding, channel: phone, wait: 1d, work: 10m, tells: [start date], next: old }
  - { id: old, name: Call the old supplier, actor: me, channel: phone, wait: 1d, work: 10m, next: dispute }
  - { id: dispute, name: Log the final-bill dispute, actor: rival, channel: phone, work: 15m, next: done }
  - { id: done, name: Supplied, actor: me }`);
    // Before: everything frontstage went to the onboarding specialist (2 visits): the sales agent's details, the
    // compliance officer's interview and the old supplier's dispute desk.
    expect(proposed('single-contact', yaml)).toEqual([
      {
        title: 'One contact: let Onboarding specialist handle what Sales agent does for the customer',
        steps: ['take'],
      },
    ]);
  });

  it('one-channel: moves both sides of the company’s contact, and leaves the call to the old supplier on the phone', () => {
    const yaml = map(`  - { id: apply, name: Apply online, actor: me, channel: web, work: 10m, next: quote }
  - { id: quote, name: Email the quote, actor: sales, channel: email, wait: 1d, tells: [quote], next: old }
  - { id: old, name: Call the old supplier, actor: me, channel: phone, wait: 1d, work: 10m, next: leave }
  - { id: leave, name: Take the notice, actor: rival, channel: phone, work: 15m, next: ask }
  - { id: ask, name: Ask when the switch happens, actor: me, channel: phone, wait: 1d, work: 10m, next: answer }
  - { id: answer, name: Answer, actor: sales, channel: phone, work: 10m, next: done }
  - { id: done, name: Supplied, actor: me }`);
    // Before: \`old\` and \`ask\` went to the web, the old supplier's team and our sales agent staying on the phone.
    expect(proposed('one-channel', yaml)).toEqual([
      { title: "One channel: serve the customer's need by web from start to finish", steps: ['ask', 'answer'] },
    ]);
  });

  it('self-service: not another organisation’s work, nor a system’s', () => {
    const yaml = map(`  - { id: apply, name: Apply online, actor: me, channel: web, work: 10m, next: bot-ask }
  - { id: bot-ask, name: Ask the moving date, actor: bot, channel: chat, wait: 1d, work: 1m, asks: [moving date], next: reading }
  - { id: reading, name: Ask for the final reading, actor: rival, channel: email, wait: 1d, work: 5m, asks: [meter reading], next: done }
  - { id: done, name: Supplied, actor: me }`);
    expect(proposed('self-service', yaml)).toEqual([]);
    // The same steps by the company's own people are the rule's business.
    expect(
      proposed('self-service', yaml.replace('actor: bot,', 'actor: sales,').replace('actor: rival,', 'actor: sales,'))
        .length,
    ).toBe(2);
  });

  it('merge-handoffs: a chain through a system or another organisation is not one owner’s work', () => {
    const chain = (middle: string) =>
      map(`  - { id: a, name: Apply, actor: me, channel: web, work: 10m, next: b }
  - { id: b, name: Register, actor: back, wait: 1d, work: 10m, next: c }
  - { id: c, name: Check the meter data, actor: ${middle}, wait: 1d, work: 10m, next: d }
  - { id: d, name: Confirm the date, actor: ops, wait: 1d, work: 10m, next: e }
  - { id: e, name: Done, actor: me }`);
    expect(proposed('merge-handoffs', chain('core'))).toEqual([]);
    expect(proposed('merge-handoffs', chain('agent'))).toEqual([]);
    // Three of the company's own desks, one after the other: one owner.
    expect(
      proposed(
        'merge-handoffs',
        chain('ops').replace('actor: ops, wait: 1d, work: 10m, next: e', 'actor: back, wait: 1d, work: 10m, next: e'),
      ).map((o) => o.steps),
    ).toEqual([['b', 'c', 'd']]);
  });

  it('ask-once: not the items on the ombudsman’s own form, nor a check', () => {
    const yaml =
      map(`  - { id: apply, name: Apply online, actor: me, channel: web, work: 10m, asks: [account number, passport], next: id }
  - { id: id, name: Identity check, actor: sales, channel: video, wait: 1d, work: 10m, asks: [passport], verifies: [passport], next: form }
  - { id: form, name: Fill in the ombudsman's form, actor: ombudsman, channel: web, wait: 1d, work: 10m, asks: [account number], next: done }
  - { id: done, name: Supplied, actor: me }`);
    // Before: the passport out of the identity check, the account number off the ombudsman's form.
    expect(proposed('ask-once', yaml)).toEqual([]);
    // The same question by the company's own desk is asked again: ask once.
    expect(proposed('ask-once', yaml.replace('actor: ombudsman,', 'actor: sales,'))).toEqual([
      { title: 'Do not ask again for account number at `form`', steps: ['form'] },
    ]);
  });

  it('ask-once: not the chase for what a form left out, inside the form’s own rework loop', () => {
    // 25 % of forms come back incomplete and the desk chases the missing details, then the form is sent again: the
    // chase is the loop's cost (prevent-rework), and dropping its questions would leave an email that asks nothing.
    const yaml = map(`  - { id: start, name: Accept the offer, actor: me, channel: email, work: 5m, next: form }
  - { id: form, name: Fill in the form, actor: me, channel: web, work: 30m, asks: [address, tax number], next: review }
  - id: review
    name: Review the form
    actor: back
    wait: 2d
    work: 20m
    next:
      - { to: chase, chance: 25%, label: incomplete }
      - { to: next, chance: 75%, label: complete }
  - { id: chase, name: Ask for the missing details, actor: back, channel: email, work: 10m, asks: [tax number], next: form }
  - { id: next, name: Confirm the account, actor: sales, channel: email, wait: 1d, work: 10m, asks: [address], next: done }
  - { id: done, name: Supplied, actor: me }`);
    // The address asked again after the loop, by another desk, is still asked again.
    expect(proposed('ask-once', yaml)).toEqual([{ title: 'Do not ask again for address at `next`', steps: ['next'] }]);
    // A chase whose way back runs through another step first is a chase too.
    const through = yaml
      .replace('asks: [tax number], next: form }', 'asks: [tax number], next: reply }')
      .replace(
        '  - { id: next,',
        '  - { id: reply, name: Reply with the details, actor: me, channel: email, work: 5m, next: form }\n  - { id: next,',
      );
    expect(proposed('ask-once', through)).toEqual([
      { title: 'Do not ask again for address at `next`', steps: ['next'] },
    ]);
    // The details sent again by the customer, back to the review rather than to the form (a dispute's missing
    // details by post): the resend is reached only by going round the loop (the review comes before it on every way
    // from the start and after it on every way to an end), so its questions are the loop's cost too. Before, its
    // way on reached an end without passing a step that asks them, and ask-once proposed dropping them.
    const resend = yaml
      .replace('asks: [tax number], next: form }', 'next: resend }')
      .replace(
        '  - { id: next,',
        '  - { id: resend, name: Send the details again, actor: me, channel: mail, wait: 3d, work: 20m, asks: [address, tax number], next: review }\n  - { id: next,',
      );
    expect(proposed('ask-once', resend)).toEqual([
      { title: 'Do not ask again for address at `next`', steps: ['next'] },
    ]);
    // A check on the way forward that a loop sends back from asks again on every first pass: still proposed.
    const forward = yaml.replace('work: 20m\n', 'work: 20m\n    asks: [tax number]\n');
    expect(proposed('ask-once', forward).map((o) => o.steps)).toEqual([['review', 'next']]);
  });

  it('ask-once: not what the customer told another organisation, which is not the company’s to pass on', () => {
    const yaml =
      map(`  - { id: dispute, name: Log the dispute, actor: rival, channel: phone, work: 10m, asks: [meter reading], next: claim }
  - { id: claim, name: Claim the credit, actor: sales, channel: phone, wait: 1d, work: 10m, asks: [meter reading], next: done }
  - { id: done, name: Supplied, actor: me }`);
    // The customer repeats the reading (their effort counts it), but our desk was never given it.
    expect(analyzeExact(mapOf(yaml)).effort.reAsks.total).toBe(1);
    expect(proposed('ask-once', yaml)).toEqual([]);
  });

  it('keep-informed: updates come from the company’s own steps (its systems included), never a customer’s or a partner’s', () => {
    const yaml = map(`  - { id: apply, name: Apply online, actor: me, channel: web, work: 10m, next: photo }
  - { id: photo, name: Take a meter photo, actor: me, work: 10m, next: read }
  - { id: read, name: Read the meter data, actor: agent, wait: 2d, work: 10m, next: bill }
  - { id: bill, name: Bill the first month, actor: core, wait: 2d, work: 1m, next: refund }
  - { id: refund, name: Refund the deposit, actor: back, wait: 3d, work: 10m, next: done }
  - { id: done, name: Refunded, actor: me, channel: web }`);
    // The waits before read (after the customer's photo) and before bill (after the meter data agent) get no update:
    // before, the photo and the agent's reading were each to send one. The billing system's step, before the
    // refund, sends an automatic one.
    expect(proposed('keep-informed', yaml)).toEqual([
      { title: 'Send a status update before the wait for `refund`', steps: ['bill', 'refund'] },
    ]);
  });

  it('remove-waste: not another organisation’s step, nor a check', () => {
    const yaml = (actor: string, extra = '') =>
      map(`  - { id: a, name: Apply, actor: me, channel: web, work: 10m, next: b }
  - { id: b, name: Re-key the reading, actor: ${actor}, wait: 1d, work: 20m, value: waste${extra}, next: c }
  - { id: c, name: Done, actor: me }`);
    expect(proposed('remove-waste', yaml('agent'))).toEqual([]);
    expect(proposed('remove-waste', yaml('back', ', verifies: [meter serial]'))).toEqual([]);
    expect(proposed('remove-waste', yaml('back'))).toEqual([
      { title: 'Remove `b` (Re-key the reading)', steps: ['b'] },
    ]);
  });

  it('no change may cross an organisation, give a system’s work to a person, drop a check or move one side of a contact', () => {
    const before = mapOf(
      map(`  - { id: apply, name: Apply online, actor: me, channel: web, work: 10m, asks: [name], next: call }
  - { id: call, name: Call to confirm, actor: me, channel: phone, wait: 1d, work: 5m, next: answer }
  - { id: answer, name: Answer, actor: sales, channel: phone, work: 5m, verifies: [date of birth], next: rec }
  - { id: rec, name: Record, actor: core, work: 1m, next: old }
  - { id: old, name: Call the old supplier, actor: me, channel: phone, wait: 1d, work: 5m, asks: [name], next: leave }
  - { id: leave, name: Take the notice, actor: rival, channel: phone, work: 5m, asks: [name], next: done }
  - { id: done, name: Supplied, actor: me }`),
    );
    const actor = (id: string) => before.actors.find((a) => a.id === id)!;
    const changed = (edit: (m: ProcessMap) => void) => {
      const m = copyMap(before);
      edit(m);
      return breaksTheRules(before, m);
    };
    expect(changed(() => undefined)).toBeUndefined();
    expect(changed((m) => (m.steps[3]!.actor = actor('back')))).toBe(
      "it gives `rec` (Billing system's work) to Switching team: work moves neither between organisations nor between a person and a system without a contract change",
    );
    expect(changed((m) => (m.steps[2]!.actor = actor('rival')))).toBe(
      "it gives `answer` (Sales agent's work) to Old supplier's disputes team: work moves neither between organisations nor between a person and a system without a contract change",
    );
    expect(changed((m) => (m.steps[2]!.verifies = []))).toBe(
      'it takes the check of date of birth out of `answer`, and a check is the point of its step',
    );
    expect(changed((m) => (m.steps[5]!.asks = []))).toBe(
      'it changes what `leave` asks, which is for Old Energy to decide',
    );
    expect(changed((m) => (m.steps[4]!.asks = []))).toBe(
      'it changes what `old` asks, which is for Old Energy to decide',
    );
    expect(changed((m) => ((m.steps[4]!.channel = 'web'), (m.steps[5]!.channel = 'web')))).toBe(
      'it moves `old`, a contact with Old Energy, to another channel, which is for Old Energy to decide',
    );
    expect(changed((m) => (m.steps[1]!.channel = 'web'))).toBe(
      'it moves `call` to web while `answer`, another side of the same contact, is on phone',
    );
    expect(changed((m) => ((m.steps[1]!.channel = 'web'), (m.steps[2]!.channel = 'web')))).toBeUndefined();
    // Self-service of the agent's side would leave the customer's call unanswered on the phone.
    expect(changed((m) => ((m.steps[2]!.actor = actor('me')), (m.steps[2]!.channel = 'web')))).toBe(
      'it moves `answer` to web while `call`, another side of the same contact, is on phone',
    );
    expect(changed((m) => m.steps[5]!.tells.push('status update'))).toBe(
      "it has `leave` (Old supplier's disputes team) give the customer status update, and only the company's own steps can",
    );
    expect(changed((m) => m.steps[1]!.tells.push('status update'))).toBe(
      "it has `call` (Household) give the customer status update, and only the company's own steps can",
    );
    expect(changed((m) => m.steps[3]!.tells.push('status update'))).toBeUndefined();
  });
});
