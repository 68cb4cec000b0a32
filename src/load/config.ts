/**
 * Reading the team's configuration (the rules of `cxmap check`, the weights and the effort estimates of every command
 * that scores): cxmap.config.yaml (or .yml, .json), found from the current folder upward or named with --config,
 * checked against schemas/cxmap.config.schema.json. A configuration that cannot be used is a one-line error naming
 * its file, line and column (exit 2). The run's configuration is resolved from it in rules/run.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type * as ResvgJs from '@resvg/resvg-js';
import { parseYaml } from './parse.js';
import { checkShape } from './schema.js';
import { UsageError, sortFindings } from '../core/index.js';
import { parseLever } from './levers.js';
import type { Persona, RawLever } from './types.js';

const CONFIG_FILES = ['cxmap.config.yaml', 'cxmap.config.yml', 'cxmap.config.json'];

type RuleSeverity = 'off' | 'warn' | 'error';
/** As written: `warn`, or `[error, 3]`. */
export type RuleEntry = RuleSeverity | [RuleSeverity, unknown?];

interface RawConfig {
  extends?: 'recommended';
  rules?: Record<string, RuleEntry>;
  overrides?: { files: string[]; rules?: Record<string, RuleEntry> }[];
  weights?: Record<string, unknown>;
  effort?: Record<string, number>;
  levers?: Record<string, RawLever>;
  personas?: Record<string, Persona>;
  deck?: RawDeck;
}

/** The `deck:` section as written: the client's look of `cxmap deck`. */
export interface RawDeck {
  /** #RRGGBB. */
  colour?: string;
  font?: string;
  /** A PNG, JPEG or SVG file, relative to the configuration file. */
  logo?: string;
  footer?: string;
  confidential?: string;
  slideNumbers?: boolean;
}

/** A logo as the deck embeds it: PNG or JPEG bytes in base64 (an SVG is rasterised), and its size in pixels. */
export interface Logo {
  /** As pptxgenjs takes an image's data: `image/png;base64,...`. */
  data: string;
  width: number;
  height: number;
}

export interface LoadedConfig {
  /** The file it came from; undefined when there is none (the recommended preset applies). */
  file?: string;
  /** The folder that override globs are relative to. */
  dir: string;
  config: RawConfig;
  /** The logo of `deck.logo`, read once when the configuration is loaded. */
  logo?: Logo;
}

/** The nearest configuration file from `start` upward. */
export function findConfig(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const found = CONFIG_FILES.map((f) => join(dir, f)).find((f) => existsSync(f));
    if (found) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

export function loadConfig(file: string | undefined, cwd: string): LoadedConfig {
  if (file === undefined) return { dir: cwd, config: { extends: 'recommended' } };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the configuration ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  const parsed = parseYaml(text);
  // An empty file is an empty configuration: nothing but what cxmap always checks.
  const problems =
    parsed.data === undefined
      ? parsed.findings.filter((f) => f.code !== 'empty-file')
      : checkShape(parsed.data, parsed.source, 'cxmap.config').findings;
  // A lever's range that runs backwards has the right form: it is found here, at its value.
  if (problems.length === 0)
    for (const [key, input] of Object.entries((parsed.data as RawConfig | undefined)?.levers ?? {})) {
      const lever = parseLever(input);
      if (!lever.ok) {
        const at = parsed.source.at(typeof input === 'object' ? ['levers', key, 'to'] : ['levers', key]);
        throw new UsageError(`${file}:${at.line}:${at.column}: levers.${key}: ${lever.problem}`);
      }
    }
  // `colour: #00338D` unquoted is a comment to YAML, and the colour is empty: say so before the shape does.
  const deck = (parsed.data as { deck?: Record<string, unknown> } | undefined)?.deck;
  if (deck !== null && typeof deck === 'object' && 'colour' in deck && deck.colour === null) {
    const at = parsed.source.at(['deck', 'colour']);
    throw new UsageError(
      `${file}:${at.line}:${at.column}: deck.colour is empty: put the colour in quotes, "#00338D" (YAML reads # as the start of a comment)`,
    );
  }
  const first = sortFindings(problems.filter((f) => f.severity === 'error'))[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new UsageError(
      `${file}:${first.line}:${first.column}: ${first.message.replace(/^the map /, 'the configuration ')}${more}`,
    );
  }
  const config: RawConfig = parsed.data ?? {};
  const dir = dirname(resolve(file));
  if (config.deck?.logo === undefined) return { file, dir, config };
  const logo = readLogo(join(dir, config.deck.logo), config.deck.logo);
  if (typeof logo === 'string') {
    const at = parsed.source.at(['deck', 'logo']);
    throw new UsageError(`${file}:${at.line}:${at.column}: deck.logo: ${logo}`);
  }
  return { file, dir, config, logo };
}

/** The largest logo a deck takes, in bytes: a logo is a small picture, and every slide master carries it. */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;

/** What the logo at `path` (written `as`) is, by its first bytes, not its name; or what is wrong with it. */
function readLogo(path: string, as: string): Logo | string {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return `${as} is a folder, not an image`;
    if (stat.size > MAX_LOGO_BYTES)
      return `${as} is ${(stat.size / 1024 / 1024).toFixed(1)} MB: a logo may be at most 5 MB`;
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `cannot read ${as}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`;
  }
  const size = imageSize(bytes);
  if (size) return { data: `image/${size.type};base64,${bytes.toString('base64')}`, ...size };
  if (isSvg(bytes)) return svgLogo(bytes) ?? `${as} is an SVG image that cannot be drawn`;
  return `${as} is not a PNG, JPEG or SVG image`;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's or JPEG's size in pixels, from its header (PNG's IHDR; JPEG's first frame, SOF0 to SOF15). */
function imageSize(bytes: Buffer): { type: 'png' | 'jpeg'; width: number; height: number } | undefined {
  // An image of no pixels is no picture: it would take no room, or a size that is not a number.
  const sized = (type: 'png' | 'jpeg', width: number, height: number) =>
    width > 0 && height > 0 ? { type, width, height } : undefined;
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE))
    return sized('png', bytes.readUInt32BE(16), bytes.readUInt32BE(20));
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return undefined;
  // Segment after segment: a marker (0xFF, its kind) and the segment's length; the frame's holds the size.
  for (let at = 2; at + 9 <= bytes.length && bytes[at] === 0xff; at += 2 + bytes.readUInt16BE(at + 2)) {
    const kind = bytes[at + 1]!;
    if (kind >= 0xc0 && kind <= 0xcf && kind !== 0xc4 && kind !== 0xc8 && kind !== 0xcc)
      return sized('jpeg', bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5));
  }
  return undefined;
}

/** An SVG file: text whose first element, after an XML declaration, comments or a doctype, is `<svg`. */
const isSvg = (bytes: Buffer) =>
  /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/.test(
    bytes.subarray(0, 4096).toString('utf8'),
  );

/** The pixel height an SVG logo is rasterised at: sharp in the logo's box (half an inch) on a projector. */
const SVG_LOGO_HEIGHT = 300;

/**
 * An SVG logo rasterised to PNG by resvg (a slide program's support for SVG varies; a PNG shows everywhere), its
 * height SVG_LOGO_HEIGHT pixels; undefined when resvg cannot read it.
 */
function svgLogo(bytes: Buffer): Logo | undefined {
  const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof ResvgJs;
  try {
    const image = new Resvg(bytes, { fitTo: { mode: 'height', value: SVG_LOGO_HEIGHT }, logLevel: 'off' }).render();
    return { data: `image/png;base64,${image.asPng().toString('base64')}`, width: image.width, height: image.height };
  } catch {
    return undefined;
  }
}
