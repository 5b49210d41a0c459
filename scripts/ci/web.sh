#!/usr/bin/env bash
# The reference web app (examples/web): installs Debian's Chromium if missing (never a downloaded browser), type-checks
# and builds the app, runs its end-to-end flows in Chromium through playwright-core, and reports the browser bundle
# sizes: each must stay within its budget, or within its ceiling while the budget does not hold yet (--enforce; see
# scripts/check-bundle-size.mjs and docs/benchmarks.md "Bundle size").
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
npx tsc --noEmit -p examples/web/tsconfig.json
npx vite build --config examples/web/vite.config.ts --logLevel warn
ls -l examples/web/dist/index.html
npx vitest run --config examples/web/vitest.config.ts
echo "--- bundle sizes, from src/"
node scripts/check-bundle-size.mjs --enforce
if [ -f dist/esm/index.js ]; then
  echo "--- bundle sizes, from the built dist/esm (what npm users get)"
  node scripts/check-bundle-size.mjs --dist --enforce
fi
