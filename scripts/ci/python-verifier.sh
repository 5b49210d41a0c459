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
# --announced on the command line (spec §10, §11 step 0): the commitment as announced, counts included, in upper-case hex
python3 - "$tmp" <<'PY'
import json, subprocess, sys
tmp = sys.argv[1]
record = json.load(open(f"{tmp}/record.json", encoding="utf-8"))
c = dict(record["poolCommitment"], digest=record["poolCommitment"]["digest"].upper())
cls = record["strata"][0]["riskClass"]
moved = dict(c, strata=dict(c["strata"], **{cls: c["strata"][cls] + 1}))
files = {"ok": {"poolCommitment": c, "taskId": record["taskId"]}, "moved": {"poolCommitment": moved}, "digest-only": {"poolCommitment": {"digest": c["digest"]}}}
for name, a in files.items():
    json.dump(a, open(f"{tmp}/announced-{name}.json", "w", encoding="utf-8"), ensure_ascii=False)
unit = record["strata"][0]["selected"][0]["unitId"]
def run(*args):
    p = subprocess.run([sys.executable, "tools/verify_draw.py", *args], capture_output=True, text=True)
    assert "Traceback" not in p.stderr, p.stderr[-300:]
    return p.returncode, json.loads(p.stdout)
pool = ["--pool", f"{tmp}/pool.json"]
assert run("record", f"{tmp}/record.json", *pool, "--announced", f"{tmp}/announced-ok.json")[0] == 0
code, out = run("record", f"{tmp}/record.json", *pool, "--announced", f"{tmp}/announced-moved.json")
assert code == 1 and out["mismatches"][0]["field"] == f"announced.poolCommitment.strata", out
assert run("record", f"{tmp}/record.json", *pool, "--announced", f"{tmp}/announced-digest-only.json")[0] == 3
code, out = run("ticket", f"{tmp}/record.json", "--id", unit, "--class", cls, "--announced", f"{tmp}/announced-ok.json")
assert code == 0 and out["status"] == "selected", out
code, out = run("ticket", f"{tmp}/record.json", "--id", unit, "--class", cls, "--announced", f"{tmp}/announced-moved.json")
assert code == 1 and out["reason"] == "not-as-announced", out
assert run("ticket", f"{tmp}/record.json", "--id", unit, "--class", cls, "--announced", f"{tmp}/announced-digest-only.json")[0] == 2
# an IDEOGRAPHIC SPACE inside an id that is not USCC-shaped is not folded: refused (a USCC-shaped one is de-spaced)
assert run("ticket", f"{tmp}/record.json", "--id", "南阳市\u3000某店", "--class", cls)[0] == 2
assert run("ticket", f"{tmp}/record.json", "--id", unit[:4] + "\u3000" + unit[4:], "--class", cls)[1]["status"] == "selected"
assert run("ticket", f"{tmp}/record.json", "--id", unit, "--class", cls, "--division", "4113")[0] == 2
print("python verifier: record and ticket --announced (commitment with its counts) from the command line")
PY
python3 tools/verify_draw.py inspectors "$tmp/stage2-record.json" --input "$tmp/stage2-input.json" > "$tmp/stage2.json"
grep -q '"ok": true' "$tmp/stage2.json"
# the golden stage-2 record the Python verifier rebuilt is the frozen one (test/draw/golden/stage2-v1.json)
python3 - "$tmp/stage2-record.json" <<'PY'
import json, sys
record = json.load(open(sys.argv[1], encoding="utf-8"))
frozen = json.load(open("test/draw/golden/stage2-v1.json", encoding="utf-8"))
assert record["digest"] == frozen["recordDigest"], "golden stage-2 digest"
PY
# a damaged record file is reported with exit 3 (the CLI's "bad input file"), never a traceback nor the exit 1 of a
# mismatch or an inconsistent ticket (forger 07: nesting ~950 and ~5,000 deep, a 5,000-digit number; forger 12: a
# member name twice, a split view between first-wins and last-wins readers)
python3 - "$tmp" <<'PY'
import json, subprocess, sys
tmp = sys.argv[1]
text = open(f"{tmp}/record.json", encoding="utf-8").read()
record = json.loads(text)
sel = record["strata"][0]["selected"]
bad = {
    "deep-950": text.replace('"eligibility":{', '"eligibility":{"x":' + "[" * 950 + "]" * 950 + ",", 1),
    "deep-5000": text.replace('"eligibility":{', '"eligibility":{"x":' + "[" * 5000 + "]" * 5000 + ",", 1),
    "digits-5000": text.replace('"selectedCount":', '"selectedCount":' + "9" * 5000 + ',"x":', 1),
    "duplicate-selected": text.replace('"selected":' + json.dumps(sel, separators=(",", ":"), ensure_ascii=False), '"selected":[],"selected":' + json.dumps(sel, separators=(",", ":"), ensure_ascii=False), 1),
    "duplicate-taskId": text.replace('"taskId":', '"taskId":"DECOY","taskId":', 1),
}
for name, t in bad.items():
    assert t != text, name
    open(f"{tmp}/{name}.json", "w", encoding="utf-8").write(t)
    for args in (["record", f"{tmp}/{name}.json", "--pool", f"{tmp}/pool.json"], ["ticket", f"{tmp}/{name}.json", "--id", "91350100M000100Y43", "--class", "A"]):
        p = subprocess.run([sys.executable, "tools/verify_draw.py", *args], capture_output=True, text=True)
        assert p.returncode == 3 and "Traceback" not in p.stderr, (name, args[0], p.returncode, p.stderr[-300:])
        json.loads(p.stdout)
print("python verifier: 5 damaged record texts reported with exit 3 by record and ticket")
PY
# the documented cross-check (docs/draw.md) on the CLI's own sample pool: table B.1 with Chinese headers, status 存续
# (forger 22): the CLI's draw verifies with the CLI and with the Python verifier
cli="npx tsx src/cli/main.ts"
$cli commit --pool examples/data/pool.csv --registered-before 2021-12-31 --status 存续 --out "$tmp/b1-commitment.json" >/dev/null
$cli draw --pool examples/data/pool.csv --commitment "$tmp/b1-commitment.json" --policy examples/data/policy.json --task 2026-T01 \
  --dice 314159265358979323846264338327950288419 --witness 张伟 --witness 李娜 --date 2026-04-01 --out "$tmp/b1-record.json" >/dev/null
$cli verify --record "$tmp/b1-record.json" --pool examples/data/pool.csv >/dev/null
python3 tools/verify_draw.py record "$tmp/b1-record.json" --pool examples/data/pool.csv > "$tmp/b1-out.json" || { cat "$tmp/b1-out.json"; exit 1; }
grep -q '"ok": true' "$tmp/b1-out.json"
echo "python verifier: the CLI's draw on examples/data/pool.csv (table B.1) verified by the CLI and by Python"
echo "python verifier: golden stage-1 and stage-2 records verified from the command line"
