/**
 * Making names, notes and ids safe inside Mermaid text, so that no label can break a diagram or inject syntax
 * (a quote, `-->`, `%%{init}%%` directives, `click`, `end`, HTML).
 */

/**
 * For quoted flowchart labels: every character that means something to Mermaid or HTML becomes an entity code.
 * `#` goes first, since entity codes start with it.
 */
export function flowLabel(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/%/g, '#37;')
    .replace(/`/g, '#96;');
}

/**
 * For diagrams without quoting (journey, gantt, quadrant chart): `:`, `;` and `#` end a name or start a comment
 * there, `%%` starts a directive, and angle brackets could reach HTML labels, so they are replaced by look-alikes
 * that mean nothing to Mermaid.
 */
export function plainLabel(text: string): string {
  return (
    text
      .replace(/\r?\n|\r/g, ' ')
      .replace(/:/g, ' -')
      .replace(/;/g, ',')
      .replace(/#/g, 'no.')
      .replace(/%{2,}/g, '%')
      .replace(/</g, '‹')
      .replace(/>/g, '›')
      .replace(/[{}[\]]/g, (c) => ({ '{': '(', '}': ')', '[': '(', ']': ')' })[c]!)
      .replace(/\s+/g, ' ')
      .trim() || '-'
  );
}

/**
 * A name at the start of a line of a journey, gantt or quadrant chart. Mermaid reads a leading keyword there
 * (`title`, `section`, `click`, `call`...) as syntax; a zero-width space first, which its lexer does not skip as
 * white space, keeps any name a name and does not show.
 */
export function lineStart(text: string): string {
  return `\u200B${plainLabel(text)}`;
}

/** A label cut to `max` characters, with an ellipsis. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Mermaid's limits (its defaults): larger diagrams are refused, so cxmap splits them. */
export const MAX_TEXT = 50_000;
export const MAX_EDGES = 500;
