/**
 * XML as a strict reader takes it: fast-xml-parser's validator for the structure, and XML 1.0's character rule
 * (production [2], Char) that the validator does not check: a control character, U+FFFE, U+FFFF or a surrogate
 * without its pair, written or as a character reference, makes PowerPoint repair a deck and a browser refuse an SVG.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';

const NOT_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const REFERENCE = /&#(x[0-9a-fA-F]+|[0-9]+);/g;

/** Why the text is not well-formed XML 1.0, or undefined when it is. */
export function xmlProblem(xml: string): string | undefined {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`;
  const bad = NOT_CHAR.exec(xml);
  if (bad) return `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at offset ${bad.index}`;
  for (const [reference, value] of xml.matchAll(REFERENCE)) {
    const code = value!.startsWith('x') ? parseInt(value!.slice(1), 16) : Number(value);
    if (code > 0x10ffff || NOT_CHAR.test(String.fromCodePoint(code))) return `${reference} refers to no XML character`;
  }
  return undefined;
}

/** The XML parts of a .pptx (every .xml and .rels file), by name. */
export async function pptxParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => /\.(xml|rels)$/.test(n))
    .sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')] as const)));
}

/** A node of parsed XML, as the assertions walk it. */
export type Xml = ReturnType<XMLParser['parse']>;

/** A parser that keeps text as written: no trimming, no numbers, attributes as `@_name`. */
export const reader = (arrays: readonly string[] = []) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => arrays.includes(name),
  });
