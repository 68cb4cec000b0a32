/** Where each finding's code is documented: rules have a page each; the format's checks share a table. */
import { CHECK_RULES } from '../rules/index.js';

const DOCS_URL = 'https://github.com/cxmap/cxmap/blob/main/docs/';

export function docsUrl(code: string): string {
  return CHECK_RULES.some((r) => r.id === code)
    ? `${DOCS_URL}rules/${code}.md`
    : `${DOCS_URL}format.md#checks-and-their-codes`;
}

export function describe(code: string): string {
  return (
    CHECK_RULES.find((r) => r.id === code)?.description ??
    `A check of the cxmap format (${code}): the map cannot be analysed until it is fixed.`
  );
}
