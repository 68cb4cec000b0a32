/** Ids as the format writes them: lower-case words joined by dashes. */

/** An id from a name: lower case, dashes between words (`Loan advisor` → `loan-advisor`). */
export const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'step';
