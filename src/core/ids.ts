/**
 * Ids as the format writes them: lower-case words joined by dashes; and the one grammar of an opportunity's id,
 * which the map's and the configuration's `effort:`, the rules, `cxmap improve --apply` and the reports share.
 */

/** An id: lower-case letters, digits and dashes, starting with a letter or digit (`check-income`). */
export const ID = '[a-z0-9][a-z0-9-]*';

/** An id from a name: lower case, dashes between words (`Loan advisor` → `loan-advisor`). */
export const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'step';

/**
 * What an opportunity's id names: a rule, and the steps of one place where it applies (`cut-wait:mri`,
 * `merge-handoffs:check+decide`); with no steps (`keep-informed`), the rule itself: its lever, made at all its
 * places at once, or, in `effort:` and `--apply`, every opportunity of the rule.
 */
export interface OpportunityId {
  rule: string;
  steps: readonly string[];
}

/** The id of a rule's opportunity at these steps (`rule:step+step`), or the rule's own id when there are none. */
export const opportunityId = (rule: string, steps: readonly string[] = []): string =>
  steps.length === 0 ? rule : `${rule}:${steps.join('+')}`;

/** An id read back: what comes before the first `:` is the rule, the steps follow it separated by `+`. */
export function parseOpportunityId(id: string): OpportunityId {
  const colon = id.indexOf(':');
  return colon < 0 ? { rule: id, steps: [] } : { rule: id.slice(0, colon), steps: id.slice(colon + 1).split('+') };
}

/** Whether an id names one place of a rule (`cut-wait:mri`) rather than the rule (`cut-wait`). */
export const namesAPlace = (id: string): boolean => parseOpportunityId(id).steps.length > 0;

/** The regular expression (JSON Schema's `pattern`) of the ids of these rules' opportunities, anchored. */
export const opportunityIdPattern = (rules: readonly string[]): string => `^(${rules.join('|')})(:${ID}(\\+${ID})*)?$`;
