/** New maps from the templates of `cxmap init`, with the schema comment that lets editors complete every key. */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { ProcessInfo } from '../load/index.js';
import { formatMap } from '../model/index.js';

export const TEMPLATES = ['blank', 'service-request', 'application', 'claim', 'support-case'] as const;
// Shipped with the package; the paths hold from src/workflows, dist/workflows and dist/bundle.
const TEMPLATE_DIR = new URL('../../examples/templates/', import.meta.url);
const SCHEMA = fileURLToPath(new URL('../../schemas/cxmap.schema.json', import.meta.url));

/** The comment that lets editors (the YAML language server) check and complete a map written to `file`. */
export function schemaComment(file: string): string {
  return ` yaml-language-server: $schema=${relative(dirname(resolve(file)), SCHEMA)
    .split('\\')
    .join('/')}`;
}

/** The template with the process filled in and the schema comment pointing at this installation's schema from `file`. */
export function fromTemplate(template: string, info: ProcessInfo, file: string): string {
  const doc = parseDocument(readFileSync(new URL(`${template}.cxmap.yaml`, TEMPLATE_DIR), 'utf8'));
  for (const key of ['name', 'customer', 'goal'] as const) doc.setIn(['process', key], info[key]);
  doc.commentBefore = (doc.commentBefore ?? '').replace(/^ yaml-language-server: \$schema=\S+/, schemaComment(file));
  return formatMap(doc.toString())!;
}
