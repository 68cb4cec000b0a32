/**
 * Text as every XML printer writes it (the SVG of a drawing, the parts of a PowerPoint deck, the drawings inside
 * the HTML report): `printable` first (no control characters, bidirectional overrides neutralised, line breaks as
 * spaces), then what XML 1.0 forbids besides (U+FFFE, U+FFFF, lone surrogates), then the characters XML gives a
 * meaning escaped (the printers quote attributes with double quotes). Whatever a label holds, the document stays well-formed and reads the label back.
 */
import { printable } from './text.js';

// U+FFFE, U+FFFF and a surrogate without its pair are not characters XML 1.0 allows anywhere.
const FORBIDDEN = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text that XML 1.0 allows, unescaped: for a library that escapes XML's special characters itself. */
export const xmlSafe = (text: string) => printable(text).replace(FORBIDDEN, '\uFFFD');

/** Text for an XML element's content or an attribute's value, escaped. */
export const xmlText = (text: string) => xmlSafe(text).replace(/[&<>"]/g, (c) => SPECIAL[c]!);
