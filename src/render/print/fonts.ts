/**
 * The font every printer of a scene uses: Arimo, shipped with cxmap as an npm package (`@expo-google-fonts/arimo`).
 * Arimo has Arial's metrics, which the layout measures text with (`svg/font.ts`), so a name that fits its box in
 * the layout fits it in the PNG and the PDF on every machine, whatever fonts the machine has.
 */
import { createRequire } from 'node:module';

/** The four faces of the family, as the scene's text asks for them. */
export interface Face {
  bold?: boolean;
  italic?: boolean;
}

export const FONT_NAME = 'Arimo';

const FILES = {
  regular: '400Regular/Arimo_400Regular.ttf',
  bold: '700Bold/Arimo_700Bold.ttf',
  italic: '400Regular_Italic/Arimo_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Arimo_700Bold_Italic.ttf',
} as const;

// Resolved from this module's own place (dist/render/print/, or dist/bundle/ in the bundle): the package's folder
// in the nearest node_modules, wherever cxmap was installed and whatever the working directory.
const resolve = (file: string) => createRequire(import.meta.url).resolve(`@expo-google-fonts/arimo/${file}`);

let paths: Record<keyof typeof FILES, string> | undefined;

/** The path of each face's TTF file. */
export function fontFiles(): Record<keyof typeof FILES, string> {
  paths ??= {
    regular: resolve(FILES.regular),
    bold: resolve(FILES.bold),
    italic: resolve(FILES.italic),
    boldItalic: resolve(FILES.boldItalic),
  };
  return paths;
}

/** The TTF file of a face. */
export function faceFile(face: Face): string {
  const files = fontFiles();
  return face.bold ? (face.italic ? files.boldItalic : files.bold) : face.italic ? files.italic : files.regular;
}
