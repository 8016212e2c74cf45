// Where a font file is, apart from reading it: the theme resolves its fonts without loading fontkit.
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Resolves a font specifier: an absolute path, a path relative to `baseDir`, or a package path
 * such as "@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf".
 */
export function resolveFontPath(specifier: string, baseDir: string): string {
  if (isAbsolute(specifier)) return specifier;
  if (specifier.startsWith('.')) return resolve(baseDir, specifier);
  try {
    return require.resolve(specifier);
  } catch {
    return resolve(baseDir, specifier);
  }
}
