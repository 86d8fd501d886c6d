// Builds the review UI's browser bundle into services/review-ui/web-dist (`pnpm --filter @claimwatch/review-ui build:web`).
// `claimwatch start` does this by itself when the bundle is missing or stale; this is for doing it ahead of time.
import { buildWebUi } from '../src/http/web-build.ts';

const outDir = await buildWebUi();
console.log(`built ${outDir}`);
