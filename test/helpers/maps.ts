/** Small maps for tests: a fixed 10-line header, so the first step's `- id:` is on line 11. */
export const HEADER = `cxmap: 1
process:
  name: P
  customer: C
  goal: G
actors:
  me: { kind: customer, name: Me }
  desk: { kind: frontstage, name: Desk }
stages: [One, Two]
steps:
`;

export const withSteps = (steps: string) => HEADER + steps;
