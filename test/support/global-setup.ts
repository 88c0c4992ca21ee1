import { buildProduct, builtProductIsCurrent } from './build.js';

/** Vitest global setup: the end-to-end tests run the built binary, so build it once per run when it is stale. */
export default function setup(): void {
  if (builtProductIsCurrent()) return;
  console.log('building dist/ for the tests (npm run build)');
  buildProduct();
}
