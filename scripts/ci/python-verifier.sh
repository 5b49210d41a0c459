#!/usr/bin/env bash
# The reference verifier outside JavaScript (tools/verify_draw.py, Python 3 standard library only, written from
# docs/spec-v1.md) must agree with the library on the golden vectors and a few hundred random draws, forged variants and
# enterprise ticket checks. Fails on any disagreement. Called from .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v python3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
npx tsx scripts/ci/python-verifier-cases.ts "${PYTHON_VERIFIER_DRAWS:-300}" > "$tmp/cases.json"
python3 tools/verify_draw.py batch "$tmp/cases.json"
# the documented command lines work on the golden records too
npx tsx -e '
import { readFileSync, writeFileSync } from "node:fs";
import { commitPool, drawTargets } from "./src/index.ts";
import { GOLDEN_OPTIONS, GOLDEN_POLICY, GOLDEN_POOL, GOLDEN_SEED, GOLDEN_TASK } from "./test/draw/_golden.ts";
const r = drawTargets({ taskId: GOLDEN_TASK, pool: GOLDEN_POOL, policy: GOLDEN_POLICY, seed: GOLDEN_SEED, commitment: commitPool(GOLDEN_POOL, GOLDEN_OPTIONS) });
writeFileSync(process.argv[1] + "/record.json", JSON.stringify(r));
const cases = JSON.parse(readFileSync(process.argv[1] + "/cases.json", "utf8"));
const g2 = cases.find((c) => c.name === "golden stage2-v1");
writeFileSync(process.argv[1] + "/stage2-record.json", JSON.stringify(g2.record));
writeFileSync(process.argv[1] + "/stage2-input.json", JSON.stringify(g2.input));
writeFileSync(process.argv[1] + "/pool.json", JSON.stringify(GOLDEN_POOL));
' "$tmp"
python3 tools/verify_draw.py record "$tmp/record.json" --pool "$tmp/pool.json" > "$tmp/out.json"
python3 tools/verify_draw.py ticket "$tmp/record.json" --id 91350100M000100Y43 --class "A类" > "$tmp/ticket.json"
grep -q '"status": "selected"' "$tmp/ticket.json"
python3 tools/verify_draw.py inspectors "$tmp/stage2-record.json" --input "$tmp/stage2-input.json" > "$tmp/stage2.json"
grep -q '"ok": true' "$tmp/stage2.json"
# the golden stage-2 record the Python verifier rebuilt is the frozen one (test/draw/golden/stage2-v1.json)
python3 - "$tmp/stage2-record.json" <<'PY'
import json, sys
record = json.load(open(sys.argv[1], encoding="utf-8"))
frozen = json.load(open("test/draw/golden/stage2-v1.json", encoding="utf-8"))
assert record["digest"] == frozen["recordDigest"], "golden stage-2 digest"
PY
echo "python verifier: golden stage-1 and stage-2 records verified from the command line"
