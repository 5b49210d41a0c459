#!/usr/bin/env bash
# After the whole CI run: nothing it did may leave files to commit — no rewritten lockfile, no untracked output
# (reports, records, scratch files). Generated files belong in ignored folders (.tmp/, dist/, docs/api/).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! git rev-parse --git-dir >/dev/null 2>&1; then echo "not a git checkout: skipped"; exit 0; fi
dirty="$(git status --porcelain -- package-lock.json package.json; git ls-files --others --exclude-standard)"
if [ -n "$dirty" ]; then
  echo "the run left these files changed or untracked:"; echo "$dirty"; exit 1
fi
echo "tree clean"
