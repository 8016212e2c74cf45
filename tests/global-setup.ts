// Before any test: the few tests that run the built program (dist/) need it current with src/. Compiled only when a
// source is newer, so a run after `npm run build` compiles nothing; every other test imports src/ directly.
// @ts-expect-error -- a plain JavaScript module of the package's scripts
import { buildIfStale } from '../scripts/build-if-stale.mjs';

export default function setup(): void {
  (buildIfStale as () => void)();
}
