#!/usr/bin/env python3
"""Reference verifier for shuangsuiji draws (docs/spec-v1.md), Python 3 standard library only.

Written from the specification alone, independently of the JavaScript library. Usage:

  verify_draw.py record RECORD.json --pool POOL.json|POOL.csv [--announced ANNOUNCED.json]
      Rebuilds the stage-1 record from its inputs and the pool (spec §3-§7, §10); prints every mismatch.
      ANNOUNCED is what was published before the draw: {"poolCommitment": {digest, strata, ineligible, …} (the
      counts are required: in v1 the digest does not bind them, spec §4), "poolCommitmentDigest", "seed", "taskId",
      "policy", "timeline"}, compared by meaning (hex in either case, dice witnesses as a set, only the dates given).
      Exit 0 when identical, 1 otherwise, 3 for an announcement that cannot be meant (a commitment without its counts).
  verify_draw.py ticket RECORD.json --id ID --class CLASS [--registration-date D] [--status S] [--division C]
                 [--announced ANNOUNCED.json]
      The enterprise self-check (spec §11): selected / not-selected / not-in-stratum / inconsistent; with
      --announced, step 0 compares the record with the announcement first (inconsistent, not-as-announced).
      Exit 0 for an answer, 1 for inconsistent, 2 when the stated id (after folding, the pool-id rule of spec §3),
      class, date, status or district (six digits) is not readable, or the announcement cannot be meant.
  verify_draw.py inspectors RECORD.json --input INPUT.json [--announced ANNOUNCED.json]
      Rebuilds a stage-2 InspectorDrawRecord from its inputs (the locked list, seed, directories, recusals… as passed
      to drawInspectors, spec §8-§9) and compares every member; with --announced ({"inputsDigest": …, "seed": …,
      "inputsAnnouncedOn": …, "seedFixedOn": …}, published before the stage-2 seed, spec §9.5, §10) the inputs' digest must equal it, the
      seed must be the one announced (by meaning) and fixed on or after that date; any other member is a mismatch.
      Exit 0 when identical, 1 otherwise.
  verify_draw.py batch CASES.json
      Runs many cases (as written by scripts/ci/python-verifier-cases.ts) and compares each answer with the one the
      library gave; exit 1 on any disagreement.

Exit code 3 (as the CLI's "bad input file"): an input file that is not one JSON text read safely (nested deeper than
64 levels, a member name twice, NaN/Infinity, not UTF-8) or a pool file with unreadable rows; never a traceback.

A pool CSV is table B.1 as the CLI reads it: the Chinese headers and aliases of table import (统一社会信用代码,
信用风险分类, 成立日期, 登记状态, 行政区划代码 …) or the English names id, riskClass, registrationDate, status,
divisionCode; cells trimmed, empty cells absent, read as table import reads them (codes half-width, de-spaced and
upper-cased; B类 → B; 2021年3月1日 → 2021-03-01; 存续 → operating).
"""
import argparse
import csv
import hashlib
import json
import math
import re
import struct
import sys
import unicodedata

POOL_TAG = "shuangsuiji/pool/v1"
SEED_TAG = "shuangsuiji/seed/v1"
STAGE1_TAG = "shuangsuiji/stage1/v1"
REASONS = ["excluded", "registered-after-cutoff", "registration-date-unknown", "status-not-allowed", "status-unknown", "outside-districts"]


class Refused(Exception):
    """An input the specification refuses (spec §3-§7)."""


# ---------------------------------------------------------------- §1 notation


def u8(s):
    return s.encode("utf-8")  # raises on an unpaired surrogate: such text is not well-formed (spec §1)


def L(b):
    if isinstance(b, str):
        b = u8(b)
    return struct.pack(">I", len(b)) + b


def sha(b):
    return hashlib.sha256(b).digest()


def utf16_key(s):
    return s.encode("utf-16-be", "surrogatepass")


# ---------------------------------------------------------------- §2 canonical JSON (RFC 8785)


def es_number(x):
    """ECMAScript Number::toString (RFC 8785 §3.2.2.3)."""
    if isinstance(x, bool):
        raise TypeError("boolean")
    if isinstance(x, int):
        return str(x)
    if x != x or x in (float("inf"), float("-inf")):
        raise Refused("non-finite number")
    if x == 0:
        return "0"
    if x < 0:
        return "-" + es_number(-x)
    r = repr(x)
    mant, _, exp = r.partition("e")
    e = int(exp) if exp else 0
    ip, _, fp = mant.partition(".")
    allds = ip + fp
    lead = len(allds) - len(allds.lstrip("0"))
    digits = allds.strip("0")
    n = len(ip) + e - lead  # value = 0.digits × 10^n
    k = len(digits)
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + digits
    e = n - 1
    return digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e > 0 else "-") + str(abs(e))


def cj(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return es_number(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ",".join(cj(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + cj(v[k]) for k in sorted(v, key=utf16_key)) + "}"
    raise TypeError(type(v).__name__)


def digest_of(obj):
    return sha(u8(cj(obj))).hex()


def record_digest(record):
    return digest_of({k: v for k, v in record.items() if k != "digest"})


# ---------------------------------------------------------------- §3 units

JS_SPACE = "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
JS_WS = "[" + JS_SPACE + "]"  # ECMAScript \s: Python's \s is another set (it has U+001C-U+001F and U+0085, not U+FEFF)
# ASCII digits only ([0-9], never \d, which matches any Unicode digit) and fullmatch (a `$` also matches before a
# trailing newline): one spelling per date (spec §1, §5)
DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def valid_date(s):
    """A civil date written YYYY-MM-DD in ASCII digits, year 0001-9999 (spec §1)."""
    m = DATE.fullmatch(s) if isinstance(s, str) else None
    if not m:
        return False
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if y < 1 or not 1 <= mo <= 12 or d < 1:
        return False
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return d <= [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]


def canonical_text(s):
    if not isinstance(s, str) or s == "" or s != s.strip(JS_SPACE):
        return False
    try:
        u8(s)
    except UnicodeEncodeError:
        return False
    return unicodedata.is_normalized("NFC", s)


def strict_text(s):
    """Canonical text without format characters (category Cf): seed provenance fields (spec §5)."""
    return canonical_text(s) and not any(unicodedata.category(c) == "Cf" for c in s)


def fold(raw):
    """The self-check's reading of an id as typed (spec §11; src/draw/_pool.ts foldUnitId): trimmed (ECMAScript white
    space, U+3000 included), NFC, full-width ASCII U+FF01–U+FF5E folded (an interior U+3000 is kept); when it then has
    the shape of a USCC (18 letters/digits once white space is removed), de-spaced and upper-cased."""
    trimmed = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in unicodedata.normalize("NFC", raw.strip(JS_SPACE)))
    code = re.sub(JS_WS + "+", "", trimmed).upper()
    return code if re.fullmatch(r"[0-9A-Z]{18}", code) else trimmed


def id_text_problem(s):
    """Why a text is not in its one canonical spelling as an id, or None (src/draw/_pool.ts idTextProblem; inspector
    ids use it as is): non-empty, well-formed, trimmed, no format (Cf) or control (Cc) character, NFC, no full-width
    ASCII form, no white space but single U+0020 spaces, unchanged by NFKC."""
    if not isinstance(s, str):
        return "not a string"
    if s == "":
        return "empty"
    try:
        u8(s)
    except UnicodeEncodeError:
        return "not well-formed Unicode (lone surrogate)"
    if s != s.strip(JS_SPACE):
        return "leading or trailing white space"
    if any(unicodedata.category(c) == "Cf" for c in s):
        return "an invisible format character (Cf)"
    if any(unicodedata.category(c) == "Cc" for c in s):
        return "a control character (Cc)"
    if not unicodedata.is_normalized("NFC", s):
        return "not in Unicode NFC"
    if any("\uff01" <= c <= "\uff5e" for c in s):
        return "a full-width ASCII form (U+FF01-U+FF5E)"
    if any(c != " " and (c in JS_SPACE or unicodedata.category(c) == "Zs") for c in s):
        return "white space other than U+0020"
    if not unicodedata.is_normalized("NFKC", s):
        return "a Unicode compatibility form (changed by NFKC)"
    if "  " in s:
        return "two spaces in a row"
    return None


def pool_id_problem(s):
    """THE pool-id rule (spec §3; src/draw/_pool.ts poolIdProblem), one function for pools, the rebuild and the
    self-check: a canonical id text (id_text_problem) that fold leaves unchanged (a USCC-shaped id is upper case
    without spaces, so the self-check never reads an id differently from the pool)."""
    why = id_text_problem(s)
    if why is not None:
        return why
    return None if fold(s) == s else "a USCC-shaped id (18 letters and digits) is written in upper case without spaces"


def canonical_id(s):
    """A unit id a pool may hold (spec §3): the pool-id rule."""
    return pool_id_problem(s) is None


def whole(n):
    """A JSON number with an integral value (spec §2: 7, 7.0 and 7e0 are the same number), as JavaScript reads it."""
    return isinstance(n, (int, float)) and not isinstance(n, bool) and math.isfinite(n) and n == int(n) and abs(n) <= 2**53 - 1


DICE_DIGITS = 39  # spec §5.1: exactly this many ASCII digits in v1
HEX = re.compile(r"[0-9a-f]+")


def check_pool(pool):
    problems, seen = [], set()
    for i, u in enumerate(pool):
        uid = u.get("id")
        why = pool_id_problem(uid)
        if why is not None:
            problems.append(f"unit {i}: id: {why} (spec §3, the pool-id rule)")
        elif uid in seen:
            problems.append(f"unit {i}: duplicate id {uid}")
        else:
            seen.add(uid)
        if not (isinstance(u.get("riskClass"), str) and re.fullmatch(r"[A-Z]", u["riskClass"])):
            problems.append(f"unit {i}: class is not one letter A-Z")
        if u.get("registrationDate") is not None and not valid_date(u["registrationDate"]):
            problems.append(f"unit {i}: registrationDate is not a date")
    if problems:
        raise Refused("; ".join(problems[:20]))


# ---------------------------------------------------------------- §4 eligibility and commitment


def reason_of(u, E, excluded):
    if u["id"] in excluded:
        return "excluded"
    include = E.get("whenUnknown") == "include"
    if "registeredOnOrBefore" in E:
        d = u.get("registrationDate")
        if d is None:
            if not include:
                return "registration-date-unknown"
        elif d > E["registeredOnOrBefore"]:
            return "registered-after-cutoff"
    if "statuses" in E:
        s = u.get("status")
        if s is None:
            if not include:
                return "status-unknown"
        elif s not in E["statuses"]:
            return "status-not-allowed"
    if "divisionCodes" in E and u.get("divisionCode") not in E["divisionCodes"]:
        return "outside-districts"
    return None


def commitment_digest(unit_count, total, E, X):
    return sha(L(POOL_TAG) + L(str(unit_count)) + L(total.to_bytes(32, "big")) + L(cj({"eligibility": E, "exclusions": X}))).hex()


def commit(pool, E, X):
    check_pool(pool)
    ids = [x["unitId"] for x in X]
    if len(set(ids)) != len(ids):
        raise Refused("a unit is excluded twice")
    X = sorted(X, key=lambda x: utf16_key(x["unitId"]))
    excluded = set(ids)
    total, strata, inel, eligible = 0, {}, {}, []
    for u in pool:
        r = reason_of(u, E, excluded)
        total = (total + int.from_bytes(sha(L(u["id"]) + L(u["riskClass"]) + L(r or "")), "big")) % (1 << 256)
        if r is None:
            strata[u["riskClass"]] = strata.get(u["riskClass"], 0) + 1
            eligible.append(u)
        else:
            inel[r] = inel.get(r, 0) + 1
    c = {
        "algorithm": POOL_TAG,
        "digest": commitment_digest(len(pool), total, E, X),
        "unitCount": len(pool),
        "eligibleCount": sum(strata.values()),
        "strata": strata,
        "ineligible": inel,
        "eligibility": E,
        "exclusions": X,
        "state": {"sum": total.to_bytes(32, "big").hex(), "unitCount": len(pool), "strata": dict(strata), "ineligible": dict(inel)},
    }
    return c, eligible


# ---------------------------------------------------------------- §5 seeds


def D(*fields):
    return sha(L(SEED_TAG) + b"".join(L(f) for f in fields)).hex()


def _log2_binomial(n, k):
    return sum(math.log2(n - i) - math.log2(i + 1) for i in range(k))


# Spec §5.2 (src/draw/_lottery.ts GAMES): the known lottery games, one recognised name each; parts in canonical order
# (count, min, max, kind "set" = distinct and ascending as the draw notice lists them, "positional" = position order;
# same_drum: distinct from the previous part, 七乐彩's special number), maxNumber, bits per draw.
LOTTERY_GAMES = {
    "福彩双色球": ([(6, 1, 33, "set", False), (1, 1, 16, "set", False)], 33, _log2_binomial(33, 6) + math.log2(16)),
    "体彩超级大乐透": ([(5, 1, 35, "set", False), (2, 1, 12, "set", False)], 35, _log2_binomial(35, 5) + _log2_binomial(12, 2)),
    "福彩3D": ([(3, 0, 9, "positional", False)], 9, 3 * math.log2(10)),
    "体彩排列3": ([(3, 0, 9, "positional", False)], 9, 3 * math.log2(10)),
    "体彩排列5": ([(5, 0, 9, "positional", False)], 9, 5 * math.log2(10)),
    "福彩七乐彩": ([(7, 1, 30, "set", False), (1, 1, 30, "set", True)], 30, _log2_binomial(30, 7) + math.log2(23)),
    "福彩快乐8": ([(20, 1, 80, "set", False)], 80, _log2_binomial(80, 20)),
}


def draws_named(draw_id):
    """How many draws a drawId names (spec §5.2): one issue, a range a..b (same length, b > a) or >= 2 issues separated
    by commas in strictly ascending text order; None otherwise."""
    if not isinstance(draw_id, str):
        return None
    if re.fullmatch(r"[0-9]+", draw_id):
        return 1
    m = re.fullmatch(r"([0-9]+)\.\.([0-9]+)", draw_id)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        ok = a <= MAX_WHOLE and b <= MAX_WHOLE and b > a and len(m.group(1)) == len(m.group(2))
        return b - a + 1 if ok else None
    parts = draw_id.split(",")
    if len(parts) > 1 and all(re.fullmatch(r"[0-9]+", x) for x in parts) and all(utf16_key(parts[i - 1]) < utf16_key(parts[i]) for i in range(1, len(parts))):
        return len(parts)
    return None


def game_problems(name, draw_id, numbers, max_number):
    """A known game's numbers against its rules (spec §5.2): (bits, problems)."""
    parts, game_max, bits = LOTTERY_GAMES[name]
    out = []
    k = sum(p[0] for p in parts)
    if max_number is not None and max_number != game_max:
        out.append(f"seed.provenance.maxNumber: {name} draws numbers up to {game_max}, not {max_number} (lottery-max-number)")
    if len(numbers) % k or len(numbers) < k:
        out.append(f"seed.provenance.numbers: {name} draws {k} numbers per draw (lottery-numbers)")
        return 0, out
    draws = len(numbers) // k
    if draws_named(draw_id) != draws:
        out.append(f"seed.provenance.drawId: does not name {draws} draw(s) (lottery-draw-id)")
    for d in range(draws):
        o, drum = d * k, []
        for count, lo, hi, kind, same_drum in parts:
            part = numbers[o:o + count]
            bad = any(not whole(n) or n < lo or n > hi or (kind == "set" and i > 0 and part[i - 1] >= n) or (same_drum and n in drum) for i, n in enumerate(part))
            if bad:
                out.append(f"seed.provenance.numbers[{o}]: {name}, draw {d + 1}: whole numbers in {lo}..{hi}" + (", distinct, ascending" if kind == "set" else ", in position order") + " (lottery-numbers)")
            drum = drum + part if same_drum else part
            o += count
    return draws * bits, out


def seed_problems(seed):
    """Every way a seed contradicts its provenance; [] when it derives (or is of kind `other`)."""
    out = []
    v, p = seed.get("value"), seed.get("provenance") or {}
    if not (isinstance(v, str) and re.fullmatch(r"(?:[0-9a-f]{2}){16,}", v)):
        return ["seed.value: not lower-case hex of at least 128 bits"]
    kind = p.get("kind")
    derived, bits = None, None
    texts = []
    if kind == "dice":
        derived = D("dice", p["digits"], p["date"])
        bits = len(p["digits"]) * math.log2(10)
        if not re.fullmatch(r"[0-9]{%d}" % DICE_DIGITS, p["digits"]):
            out.append(f"seed.provenance.digits: not exactly {DICE_DIGITS} ASCII digits")
        if not valid_date(p["date"]):
            out.append("seed.provenance.date: not a valid civil date YYYY-MM-DD")
        w = p.get("witnesses", [])
        texts += w
        if len(w) < 2 or len(set(w)) != len(w):
            out.append("seed.provenance.witnesses: at least two distinct names")
    elif kind == "lottery":
        nums = p["numbers"]
        texts += [p["name"], p["drawId"]]
        if any(not whole(n) or n < 0 for n in nums):
            out.append("seed.provenance.numbers: not whole numbers")
        derived = D("lottery", p["name"], p["drawId"], ",".join(es_number(n) for n in nums))
        mx = p.get("maxNumber")
        if p["name"] in LOTTERY_GAMES:
            # spec §5.2: a known game's entropy is what its rules give the numbers, whatever maxNumber says
            bits, problems = game_problems(p["name"], p["drawId"], nums, mx)
            out += problems
        if mx is None:
            out.append("seed.provenance.maxNumber: missing")
        elif not whole(mx) or mx < 1:
            out.append("seed.provenance.maxNumber: not a positive whole number")
        else:
            if p["name"] not in LOTTERY_GAMES:
                bits = len(nums) * math.log2(mx + 1)
            if any(n > mx for n in nums):
                out.append("seed.provenance.numbers: a number exceeds maxNumber")
    elif kind == "beacon":
        texts.append(p["source"])
        if not re.fullmatch(r"0|[1-9][0-9]*", p["round"]):
            out.append("seed.provenance.round: not a canonical decimal")
        if not HEX.fullmatch(p["value"]):
            out.append("seed.provenance.value: not lower-case hex")
        derived = D("beacon", p["source"], p["round"], p["value"])
        bits = len(p["value"]) * 4
    elif kind == "commit-reveal":
        shares = p["shares"]
        parties = [s["party"] for s in shares]
        texts += parties
        if len(set(parties)) != len(parties):
            out.append("seed.provenance.shares: a party appears twice")
        elif parties != sorted(parties, key=utf16_key):
            out.append("seed.provenance.shares: not in party order")
        for s in shares:
            if not HEX.fullmatch(s["reveal"]) or len(s["reveal"]) % 2 or sha(bytes.fromhex(s["reveal"])).hex() != s["commitment"]:
                out.append(f"seed.provenance.shares: the reveal of {s['party']} does not match its commitment")
            elif len(s["reveal"]) < 32:
                # spec §5.4: EVERY share >= 128 bits (a short share's commitment can be inverted, its partner grinds)
                out.append(f"seed.provenance.shares: the reveal of {s['party']} has {len(s['reveal'])} hex digits, fewer than 32 (seed-share-length)")
        ordered = sorted(shares, key=lambda s: utf16_key(s["party"]))
        derived = D("commit-reveal", *[f for s in ordered for f in (s["party"], s["reveal"])])
        bits = max(len(s["reveal"]) * 4 for s in shares)
    elif kind != "other":
        out.append("seed.provenance.kind: unknown")
    if any(not strict_text(t) for t in texts):
        out.append("seed.provenance: a text field is not canonical (trimmed, NFC, no format characters)")
    if bits is not None and bits < 128:
        out.append("seed.provenance: less than 128 bits of entropy")
    if derived is not None and derived != v:
        out.append(f"seed.value: does not derive from its {kind} provenance (expected {derived})")
    return out


def timeline_problems(timeline, seed):
    if timeline is None:
        return []
    out = []
    c, f = timeline.get("commitmentPublishedOn"), timeline.get("seedFixedOn")
    for name, v in (("commitmentPublishedOn", c), ("seedFixedOn", f)):
        if v is not None and not valid_date(v):
            out.append(f"timeline.{name}: not a valid civil date YYYY-MM-DD")
    if out:
        return out
    if c is not None and f is not None and c > f:
        out.append("timeline: the seed was fixed before the commitment was published")
    p = seed.get("provenance") or {}
    if p.get("kind") == "dice" and valid_date(p.get("date")):
        if f is not None and p["date"] != f:
            out.append("timeline.seedFixedOn: not the day of the dice roll")
        if c is not None and p["date"] < c:
            out.append("seed.provenance.date: dice rolled before the commitment was published")
    return out


# ---------------------------------------------------------------- §7 the shape of the record's inputs
# Spec §7: "Unknown members are not allowed anywhere"; types and enums as the JSON Schemas dist/schemas/
# TargetDrawRecord.json, PoolCommitment.json, SamplingPolicy.json, SeedRecord.json (scripts/build-schemas.ts) state
# them, hand-written. Numbers are read by value (spec §2: 3, 3.0 and 3e0 are one integer). The derivation rules
# (canonical text, entropy, dates that exist) are checked in seed_problems / timeline_problems / check_pool.

MAX_WHOLE = 2**53 - 1
INELIGIBLE = set(REASONS)
OPERATING = ("operating", "closed-or-liquidating", "deregistered", "licence-revoked", "registration-cancelled", "moved-out")


def _obj(v, path, required, optional, out):
    """v is an object with every `required` member and no member outside required | optional; False otherwise."""
    if not isinstance(v, dict):
        out.append(f"{path}: not an object")
        return False
    for k in sorted(set(v) - set(required) - set(optional), key=utf16_key):
        out.append(f"{path}.{k}: unknown member (spec §7)")
    for k in required:
        if k not in v:
            out.append(f"{path}.{k}: missing")
    return not (set(v) - set(required) - set(optional)) and all(k in v for k in required)


def _text(v, path, out, pattern=None):
    if not isinstance(v, str) or v == "" or (pattern is not None and not re.fullmatch(pattern, v)):
        out.append(f"{path}: not a non-empty string" + ("" if pattern is None else f" matching {pattern}"))


def _int(v, path, out, lo=0):
    if not (whole(v) and lo <= v <= MAX_WHOLE):
        out.append(f"{path}: not a whole number from {lo} to 2^53-1")


def _fraction(v, path, out):
    if not (isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and 0 <= v <= 1):
        out.append(f"{path}: not a number from 0 to 1")


def _array(v, path, out, min_items=0):
    if not isinstance(v, list) or len(v) < min_items:
        out.append(f"{path}: not an array" + (f" of at least {min_items}" if min_items else ""))
        return []
    return v


def policy_shape(p, out, path="policy"):
    """SamplingPolicy.json; and (spec §7) exactly one of ratio and count per class."""
    if not _obj(p, path, ["strata"], ["rounding", "itemCategory", "generalMaxRatio", "overallFloor"], out):
        return
    if not isinstance(p["strata"], dict):
        out.append(f"{path}.strata: not an object")
    else:
        for cls, rule in p["strata"].items():
            q = f"{path}.strata.{cls}"
            if not re.fullmatch(r"[A-Z]", cls):
                out.append(f"{q}: a class is one letter A-Z")
            if not _obj(rule, q, [], ["ratio", "count", "min", "max"], out):
                continue
            if ("ratio" in rule) == ("count" in rule):
                out.append(f"{q}: exactly one of ratio and count (spec §7)")
            if "ratio" in rule:
                _fraction(rule["ratio"], f"{q}.ratio", out)
            for k in ("count", "min", "max"):
                if k in rule:
                    _int(rule[k], f"{q}.{k}", out)
    if "rounding" in p and p["rounding"] not in ("ceil", "floor", "half-up"):
        out.append(f"{path}.rounding: not ceil, floor or half-up")
    if "itemCategory" in p and p["itemCategory"] not in ("key", "general"):
        out.append(f"{path}.itemCategory: not key or general")
    if "generalMaxRatio" in p:
        _fraction(p["generalMaxRatio"], f"{path}.generalMaxRatio", out)
    if "overallFloor" in p and _obj(p["overallFloor"], f"{path}.overallFloor", ["ratio", "basis"], [], out):
        _fraction(p["overallFloor"]["ratio"], f"{path}.overallFloor.ratio", out)
        _text(p["overallFloor"]["basis"], f"{path}.overallFloor.basis", out)


PROVENANCE_MEMBERS = {
    "lottery": (["kind", "name", "drawId", "numbers"], ["maxNumber"]),
    "dice": (["kind", "digits", "witnesses", "date"], []),
    "beacon": (["kind", "source", "round", "value"], []),
    "commit-reveal": (["kind", "shares"], []),
    "other": (["kind", "description"], []),
}


def seed_shape(seed, out, path="seed"):
    """SeedRecord.json: value, and a provenance of one of the five kinds with exactly its members."""
    if not _obj(seed, path, ["value", "provenance"], [], out):
        return
    _text(seed["value"], f"{path}.value", out, r"(?:[0-9a-f]{2}){16,}")
    p, q = seed["provenance"], f"{path}.provenance"
    kind = p.get("kind") if isinstance(p, dict) else None
    if kind not in PROVENANCE_MEMBERS:
        out.append(f"{q}.kind: not lottery, dice, beacon, commit-reveal or other")
        return
    if not _obj(p, q, *PROVENANCE_MEMBERS[kind], out):
        return
    if kind == "lottery":
        _text(p["name"], f"{q}.name", out)
        _text(p["drawId"], f"{q}.drawId", out)
        for i, n in enumerate(_array(p["numbers"], f"{q}.numbers", out, 1)):
            _int(n, f"{q}.numbers[{i}]", out)
        if "maxNumber" in p:
            _int(p["maxNumber"], f"{q}.maxNumber", out, 1)
    elif kind == "dice":
        _text(p["digits"], f"{q}.digits", out, r"[0-9]+")
        for i, w in enumerate(_array(p["witnesses"], f"{q}.witnesses", out, 2)):
            _text(w, f"{q}.witnesses[{i}]", out)
        _text(p["date"], f"{q}.date", out)
    elif kind == "beacon":
        _text(p["source"], f"{q}.source", out)
        _text(p["round"], f"{q}.round", out)
        _text(p["value"], f"{q}.value", out, r"[0-9a-f]+")
    elif kind == "commit-reveal":
        for i, sh in enumerate(_array(p["shares"], f"{q}.shares", out, 2)):
            if _obj(sh, f"{q}.shares[{i}]", ["party", "commitment", "reveal"], [], out):
                _text(sh["party"], f"{q}.shares[{i}].party", out)
                _text(sh["commitment"], f"{q}.shares[{i}].commitment", out, r"[0-9a-f]{64}")
                _text(sh["reveal"], f"{q}.shares[{i}].reveal", out, r"[0-9a-f]+")
    else:
        _text(p["description"], f"{q}.description", out)


def timeline_shape(t, out, path="timeline"):
    """DrawTimeline: two optional civil dates YYYY-MM-DD (ASCII digits, a real day)."""
    if _obj(t, path, [], ["commitmentPublishedOn", "seedFixedOn"], out):
        for k, v in t.items():
            if not valid_date(v):
                out.append(f"{path}.{k}: not a valid civil date YYYY-MM-DD")


def counts_shape(v, path, out, keys):
    if not isinstance(v, dict):
        out.append(f"{path}: not an object")
        return
    for k, n in v.items():
        if not keys(k):
            out.append(f"{path}.{k}: not an allowed key")
        _int(n, f"{path}.{k}", out)


def commitment_shape(c, out, path="poolCommitment"):
    """PoolCommitment.json: the members, the eligibility rules (enums, dates, 6-digit codes) and the exclusions."""
    members = ["algorithm", "digest", "unitCount", "eligibleCount", "strata", "ineligible", "eligibility", "exclusions", "state"]
    if not _obj(c, path, members, [], out):
        return
    _text(c["algorithm"], f"{path}.algorithm", out)
    _text(c["digest"], f"{path}.digest", out, r"[0-9a-f]{64}")
    _int(c["unitCount"], f"{path}.unitCount", out)
    _int(c["eligibleCount"], f"{path}.eligibleCount", out)
    is_class = lambda k: re.fullmatch(r"[A-Z]", k) is not None
    counts_shape(c["strata"], f"{path}.strata", out, is_class)
    counts_shape(c["ineligible"], f"{path}.ineligible", out, lambda k: k in INELIGIBLE)
    E, q = c["eligibility"], f"{path}.eligibility"
    if _obj(E, q, [], ["registeredOnOrBefore", "statuses", "divisionCodes", "whenUnknown"], out):
        if "registeredOnOrBefore" in E and not valid_date(E["registeredOnOrBefore"]):
            out.append(f"{q}.registeredOnOrBefore: not a valid civil date YYYY-MM-DD")
        if "statuses" in E:
            for i, st in enumerate(_array(E["statuses"], f"{q}.statuses", out, 1)):
                if st not in OPERATING:
                    out.append(f"{q}.statuses[{i}]: not a registration status")
        if "divisionCodes" in E:
            for i, d in enumerate(_array(E["divisionCodes"], f"{q}.divisionCodes", out, 1)):
                _text(d, f"{q}.divisionCodes[{i}]", out, r"[0-9]{6}")
        if "whenUnknown" in E and E["whenUnknown"] not in ("exclude", "include"):
            out.append(f"{q}.whenUnknown: not exclude or include")
    for i, x in enumerate(_array(c["exclusions"], f"{path}.exclusions", out)):
        if _obj(x, f"{path}.exclusions[{i}]", ["unitId", "reason"], [], out):
            _text(x["unitId"], f"{path}.exclusions[{i}].unitId", out)
            _text(x["reason"], f"{path}.exclusions[{i}].reason", out)
    st = c["state"]
    if _obj(st, f"{path}.state", ["sum", "unitCount", "strata", "ineligible"], [], out):
        _text(st["sum"], f"{path}.state.sum", out, r"[0-9a-f]{64}")
        _int(st["unitCount"], f"{path}.state.unitCount", out)
        counts_shape(st["strata"], f"{path}.state.strata", out, is_class)
        counts_shape(st["ineligible"], f"{path}.state.ineligible", out, lambda k: k in INELIGIBLE)


def record_shape(record):
    """TargetDrawRecord.json for the members a verifier copies from the record rather than rebuilds (policy, seed,
    timeline, the commitment's rules); the rebuilt members (strata, counts) are compared by value in §10."""
    out = []
    required = ["kind", "algorithm", "taskId", "seed", "poolCommitment", "policy", "strata", "selectedCount", "random", "digest"]
    if not _obj(record, "record", required, ["timeline"], out):
        return out
    _text(record["taskId"], "taskId", out)
    seed_shape(record["seed"], out)
    policy_shape(record["policy"], out)
    if "timeline" in record:
        timeline_shape(record["timeline"], out)
    commitment_shape(record["poolCommitment"], out)
    return out


# ---------------------------------------------------------------- §6 tickets, §7 quotas and the record


def ticket(seed_hex, task, unit_id):
    return sha(L(STAGE1_TAG) + L(bytes.fromhex(seed_hex)) + L(task) + L(unit_id)).hex()


def js_round(p):
    f = math.floor(p)
    return f + 1 if p - f >= 0.5 else f


def quota_for(policy, cls, size):
    rule = policy["strata"].get(cls)
    if rule is None:
        return 0, False, f"no rule for class {cls}: not drawn"
    rounding = policy.get("rounding", "ceil")
    # spec §2: JSON numbers by value — 3, 3.0 and 3e0 are the same whole number
    for key in ("count", "min", "max"):
        if key in rule:
            if not whole(rule[key]) or rule[key] < 0:
                raise Refused(f"class {cls}: {key} is not a whole number")
            rule = dict(rule, **{key: int(rule[key])})
    if "count" in rule:
        k, text = rule["count"], f"count {es_number(rule['count'])}"
    else:
        micro = js_round(rule["ratio"] * 1000000.0)
        cap = policy.get("generalMaxRatio")
        if policy.get("itemCategory") == "general" and cap is not None and micro > js_round(cap * 1000000.0):
            raise Refused(f"class {cls}: a general item's ratio above generalMaxRatio (Chongqing 5.2)")
        num = micro * size
        if rounding == "ceil":
            k = -(-num // 1000000)
        elif rounding == "floor":
            k = num // 1000000
        else:
            k = (2 * num + 1000000) // 2000000
        text = f"{rounding}({es_number(micro / 10000.0)}% \u00d7 {size}) = {k}"
    if "min" in rule and k < rule["min"]:
        k = rule["min"]
        text += f", raised to min {k}"
    if "max" in rule and k > rule["max"]:
        k = rule["max"]
        text += f", lowered to max {k}"
    if k > size:
        k = size
        text += f", capped at the stratum size {size}"
    census = size > 0 and k == size
    if census:
        text += " \u2014 census, not random (Longting art. 19)"
    return k, census, text


def check_policy(policy):
    if policy.get("itemCategory") == "key" and "generalMaxRatio" in policy:
        raise Refused("a key item has no ratio cap (Chongqing 5.2)")


def quotas(policy, commitment):
    check_policy(policy)
    classes = sorted(set(commitment["strata"]) | set(policy["strata"]), key=utf16_key)
    q = {cls: quota_for(policy, cls, commitment["strata"].get(cls, 0)) for cls in classes}
    floor = policy.get("overallFloor")
    if floor is not None:
        need = -(-(js_round(floor["ratio"] * 1000000.0) * commitment["eligibleCount"]) // 1000000)
        if sum(k for k, _, _ in q.values()) < need:
            raise Refused(f"the strata draw fewer than the overall floor {need} ({floor['basis']})")
    return q


def rebuild(record, pool):
    """The record the specification produces from the published record's inputs and the pool."""
    shape = record_shape(record)
    if shape:
        raise Refused("; ".join(shape[:20]))
    c = record["poolCommitment"]
    seed = record["seed"]
    problems = seed_problems(seed) + timeline_problems(record.get("timeline"), seed)
    if problems:
        raise Refused("; ".join(problems))
    task = record["taskId"]
    if not canonical_text(task):
        raise Refused("taskId is not trimmed, well-formed NFC text")
    commitment, eligible = commit(pool, c["eligibility"], c["exclusions"])
    by_class = {}
    for u in eligible:
        by_class.setdefault(u["riskClass"], []).append(u["id"])
    strata = []
    for cls, (k, census, text) in quotas(record["policy"], commitment).items():
        ranked = sorted(((ticket(seed["value"], task, i), u8(i), i) for i in by_class.get(cls, [])))[:k]
        selected = [{"ticket": t, "unitId": i} for t, _, i in ranked]
        strata.append({
            "census": census, "quota": k, "quotaRule": text, "riskClass": cls, "selected": selected,
            "size": commitment["strata"].get(cls, 0), "threshold": selected[-1]["ticket"] if selected else None,
        })
    out = {
        "kind": "target-draw", "algorithm": STAGE1_TAG, "taskId": task, "seed": seed, "poolCommitment": commitment,
        "policy": record["policy"], "strata": strata, "selectedCount": sum(len(s["selected"]) for s in strata),
        "random": any(not s["census"] and s["quota"] > 0 for s in strata),
    }
    if "timeline" in record:
        out["timeline"] = record["timeline"]
    out["digest"] = record_digest(out)
    return out


def diff(expected, actual, path, out):
    if isinstance(expected, dict) and isinstance(actual, dict):
        for k in sorted(set(expected) | set(actual)):
            diff(expected.get(k, "<absent>"), actual.get(k, "<absent>"), f"{path}.{k}" if path else k, out)
    elif isinstance(expected, list) and isinstance(actual, list):
        for i in range(max(len(expected), len(actual))):
            diff(expected[i] if i < len(expected) else "<absent>", actual[i] if i < len(actual) else "<absent>", f"{path}[{i}]", out)
    elif type(expected) is not type(actual) and not (isinstance(expected, (int, float)) and isinstance(actual, (int, float)) and not isinstance(expected, bool) and not isinstance(actual, bool)):
        out.append({"field": path, "expected": expected, "actual": actual})
    elif expected != actual:
        out.append({"field": path, "expected": expected, "actual": actual})


ANNOUNCED_MEMBERS = ("poolCommitment", "poolCommitmentDigest", "seed", "taskId", "policy", "timeline")
COMMITMENT_MEMBERS = ("algorithm", "digest", "unitCount", "eligibleCount", "strata", "ineligible", "eligibility", "exclusions", "state")
_ABSENT = object()


def read_announced(a):
    """Spec §10 (src/draw/verifyTargetDraw.ts readAnnounced): an announcement the caller cannot mean is refused, every
    problem at once: unknown members, a poolCommitment that is not an object or lacks digest, strata or ineligible
    (in v1 the digest does not bind the per-class counts, spec §4), a timeline that is not an object."""
    if not isinstance(a, dict):
        raise Refused("announced: the announced inputs are an object (spec §10)")
    out = [f"announced.{k}: unknown announced member" for k in a if k not in ANNOUNCED_MEMBERS]
    c = a.get("poolCommitment")
    if "poolCommitment" in a:
        if not isinstance(c, dict):
            out.append("announced.poolCommitment: an object (as commitPool returns it)")
        else:
            out += [f"announced.poolCommitment.{k}: missing (in v1 the digest does not bind the per-class counts, which are announced and checked with it; spec §4, §10)" for k in ("digest", "strata", "ineligible") if c.get(k) is None]
            out += [f"announced.poolCommitment.{k}: unknown commitment member" for k in c if k not in COMMITMENT_MEMBERS]
    if "timeline" in a and not isinstance(a["timeline"], dict):
        out.append("announced.timeline: an object")
    if out:
        raise Refused("; ".join(out))
    return a


def _lower_hex(v):
    return v.lower() if isinstance(v, str) and re.fullmatch(r"[0-9a-fA-F]+", v) else v


def _seed_meaning(seed):
    """A seed compared by meaning (spec §10): hex in either case, dice witnesses as a set (recorded, not hashed)."""
    if not isinstance(seed, dict):
        return seed
    p = seed.get("provenance", _ABSENT)
    if isinstance(p, dict):
        q = dict(p)
        if p.get("kind") == "dice" and isinstance(p.get("witnesses"), list):
            q["witnesses"] = sorted(p["witnesses"], key=lambda x: utf16_key(x if isinstance(x, str) else cj(x)))
        if p.get("kind") == "beacon" and "value" in p:
            q["value"] = _lower_hex(p["value"])
        if p.get("kind") == "commit-reveal" and isinstance(p.get("shares"), list):
            q["shares"] = [dict(x, commitment=_lower_hex(x.get("commitment")), reveal=_lower_hex(x.get("reveal"))) if isinstance(x, dict) else x for x in p["shares"]]
        p = q
    out = dict(seed)
    if "value" in seed:
        out["value"] = _lower_hex(seed["value"])
    if p is not _ABSENT:
        out["provenance"] = p
    return out


def _same(a, b):
    if a is _ABSENT or b is _ABSENT:
        return a is b
    try:
        return cj(a) == cj(b)
    except (TypeError, ValueError, Refused, RecursionError):
        return False


def announcement_mismatches(record, announced):
    """Spec §10 (src/draw/verifyTargetDraw.ts announcementMismatches): each announced member against the record's, by
    meaning, only what was announced; mismatches at announced.<member>."""
    out = []
    rec = record if isinstance(record, dict) else {}
    pc = rec.get("poolCommitment") if isinstance(rec.get("poolCommitment"), dict) else {}

    def differ(want, got, field):
        if not _same(want, got):
            out.append({"field": field, "expected": None if want is _ABSENT else want, "actual": None if got is _ABSENT else got})

    for k in ANNOUNCED_MEMBERS:
        if k not in announced:
            continue
        v = announced[k]
        if k == "poolCommitmentDigest":
            differ(_lower_hex(v), pc.get("digest", _ABSENT), "announced.poolCommitmentDigest")
        elif k == "poolCommitment":
            for m in COMMITMENT_MEMBERS:
                if m not in v:
                    continue
                want = v[m]
                if m == "digest":
                    want = _lower_hex(want)
                if m == "state" and isinstance(want, dict):
                    want = dict(want, sum=_lower_hex(want.get("sum")))
                differ(want, pc.get(m, _ABSENT), f"announced.poolCommitment.{m}")
        elif k == "seed":
            differ(_seed_meaning(v), _seed_meaning(rec.get("seed", _ABSENT)), "announced.seed")
        elif k == "timeline":
            t = rec.get("timeline") if isinstance(rec.get("timeline"), dict) else {}
            for d, when in v.items():
                differ(when, t.get(d, _ABSENT), f"announced.timeline.{d}")
        else:
            differ(v, rec.get(k, _ABSENT), f"announced.{k}")
    return out


def verify_record(record, pool, announced=None):
    """Spec §10: rebuild and compare member by member; never raises on a damaged record."""
    mismatches = []
    if announced is not None:
        read_announced(announced)  # misuse is refused (exit 3), as the library throws
    try:
        if not isinstance(record, dict):
            raise Refused("not a JSON object")
        if record_digest(record) != record.get("digest"):
            mismatches.append({"field": "digest", "expected": record_digest(record), "actual": record.get("digest")})
        rebuilt = rebuild(record, pool)
        diff(rebuilt, record, "", mismatches)
    except (Refused, KeyError, TypeError, ValueError, AttributeError, IndexError, RecursionError, OverflowError) as e:
        mismatches.append({"field": "record", "expected": "a record the specification can rebuild", "actual": f"{type(e).__name__}: {e}"})
    if announced is not None:
        mismatches += announcement_mismatches(record, announced)
    notes = []
    prov = record.get("seed", {}).get("provenance") if isinstance(record, dict) and isinstance(record.get("seed"), dict) else None
    if isinstance(prov, dict) and (prov.get("kind") == "other" or (prov.get("kind") == "lottery" and (not isinstance(prov.get("name"), str) or prov["name"] not in LOTTERY_GAMES))):
        # spec §5.2: for a lottery other than a known game, maxNumber is the operator's own declaration
        notes.append("seed-provenance-not-verifiable")
    return {"ok": not mismatches, "mismatches": mismatches, "notes": notes}


# ---------------------------------------------------------------- §7 internal consistency, §11 the self-check


def record_problems(record):
    """Spec §7: what a record contradicts about itself, without the pool."""
    out = []
    try:
        if record_digest(record) != record["digest"]:
            out.append("digest")
        if record.get("kind") != "target-draw" or record.get("algorithm") != STAGE1_TAG:
            out.append("kind/algorithm")
        allowed = {"kind", "algorithm", "taskId", "seed", "poolCommitment", "policy", "timeline", "strata", "selectedCount", "random", "digest"}
        if set(record) - allowed:
            out.append("unknown members")
        shape = record_shape(record)
        if shape:
            return out + shape
        c = record["poolCommitment"]
        if c.get("algorithm") != POOL_TAG:
            out.append("poolCommitment.algorithm")
        if c["eligibleCount"] != sum(c["strata"].values()) or c["unitCount"] != c["eligibleCount"] + sum(c["ineligible"].values()):
            out.append("poolCommitment counts")
        st = c["state"]
        if (st["unitCount"], cj(st["strata"]), cj(st["ineligible"])) != (c["unitCount"], cj(c["strata"]), cj(c["ineligible"])):
            out.append("poolCommitment.state")
        if commitment_digest(st["unitCount"], int(st["sum"], 16), c["eligibility"], c["exclusions"]) != c["digest"]:
            out.append("poolCommitment.digest")
        out += seed_problems(record["seed"]) + timeline_problems(record.get("timeline"), record["seed"])
        q = quotas(record["policy"], c)
        if list(q) != [s["riskClass"] for s in record["strata"]]:
            out.append("strata classes")
        excluded = {x["unitId"] for x in c["exclusions"]}
        listed, total = set(), 0
        for s in record["strata"]:
            k, census, text = q.get(s["riskClass"], (None, None, None))
            if (s["size"], s["quota"], s["census"], s["quotaRule"]) != (c["strata"].get(s["riskClass"], 0), k, census, text):
                out.append(f"strata.{s['riskClass']} quota")
            if len(s["selected"]) != k:
                out.append(f"strata.{s['riskClass']}.selected length")
            prev = None
            for u in s["selected"]:
                if ticket(record["seed"]["value"], record["taskId"], u["unitId"]) != u["ticket"]:
                    out.append(f"strata.{s['riskClass']} ticket of {u['unitId']}")
                if prev is not None and (prev["ticket"], u8(prev["unitId"])) >= (u["ticket"], u8(u["unitId"])):
                    out.append(f"strata.{s['riskClass']} order")
                if isinstance(u["unitId"], str) and pool_id_problem(u["unitId"]) is not None:
                    out.append(f"strata.{s['riskClass']} unit {u['unitId']!r}: the pool-id rule (spec §3, §7): {pool_id_problem(u['unitId'])}")
                if u["unitId"] in listed or u["unitId"] in excluded:
                    out.append(f"strata.{s['riskClass']} unit {u['unitId']} listed twice or excluded")
                listed.add(u["unitId"])
                prev = u
            total += len(s["selected"])
            if s["threshold"] != (s["selected"][-1]["ticket"] if s["selected"] else None):
                out.append(f"strata.{s['riskClass']}.threshold")
        if total != record["selectedCount"] or record["random"] != any(not s["census"] and s["quota"] > 0 for s in record["strata"]):
            out.append("selectedCount/random")
    except (Refused, KeyError, TypeError, ValueError, AttributeError, IndexError, RecursionError, OverflowError) as e:
        out.append(f"record: {type(e).__name__}: {e}")
    return out


CLASS_NAMES = {"A": "信用风险低", "B": "信用风险一般", "C": "信用风险较高", "D": "信用风险高"}


def normalize_class(raw):
    """As table import does (B, b, B类, B级, Ｂ类, 信用风险一般, 信用风险一般（B类）); None when unrecognised."""
    s = re.sub(JS_WS + "+", "", half_width(raw))
    table = {}
    for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[c] = table[c + "类"] = table[c + "级"] = c
        if c in CLASS_NAMES:
            table[CLASS_NAMES[c]] = table[f"{CLASS_NAMES[c]}({c}类)"] = c
    return table.get(s, table.get(s.upper()))


STATUS_NAMES = {
    "存续": "operating", "在业": "operating", "开业": "operating", "存续(在营、开业、在册)": "operating", "在营": "operating",
    "注销": "deregistered", "已注销": "deregistered", "吊销": "licence-revoked", "已吊销": "licence-revoked",
    "吊销未注销": "licence-revoked", "撤销": "registration-cancelled", "迁出": "moved-out", "已迁出": "moved-out",
    "停业": "closed-or-liquidating", "清算": "closed-or-liquidating",
}
STATUSES = ("operating", "closed-or-liquidating", "deregistered", "licence-revoked", "registration-cancelled", "moved-out")
# The table-import readings (src/import/_cells.ts `date`): YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, YYYYMMDD; ASCII
# digits only (ECMAScript \d) and ECMAScript white space (\s)
LOOSE_DATE = re.compile(r"([0-9]{4})" + JS_WS + r"*[-/.年]" + JS_WS + r"*([0-9]{1,2})" + JS_WS + r"*[-/.月]" + JS_WS + r"*([0-9]{1,2})" + JS_WS + r"*日?|([0-9]{4})([0-9]{2})([0-9]{2})")


def half_width(s):
    """src/ids/_halfWidth.ts toHalfWidth: full-width ASCII forms U+FF01–U+FF5E folded, U+3000 to an ASCII space."""
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else " " if c == "\u3000" else c for c in s)


def normalize_code(raw):
    """src/ids/normalizeCode.ts: half-width, every ECMAScript white space removed, upper-cased (a code cell, spec §11)."""
    return re.sub(JS_WS + "+", "", half_width(raw)).upper()


# ---- how the self-check reads an enterprise's stated id and facts (spec §11). Each rule is ONE function, written to
# match src/draw/targets/verifyTicket.ts (ticketId, the dateCell / operatingStatus readings, the raw division code) and table
# import (src/import/_cells.ts); when the library changes one of them, change the one function here.


ticket_id = fold  # verifyTicket reads the id with foldUnitId (spec §11), then applies the pool-id rule


def fact_date(raw):
    """A stated registration date as table import reads it (src/import/_cells.ts `date`, after an ECMAScript trim);
    Refused when unrecognised or not a real date. A whole five-digit JSON number is the Excel serial day (spec §11)."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and float(raw).is_integer() and 10000 <= raw <= 99999:
        raw = str(int(raw))
    if not isinstance(raw, str):
        raise Refused(f"registration date not recognised: {raw!r}")
    raw = raw.strip(JS_SPACE)
    if valid_date(raw):
        return raw
    m = LOOSE_DATE.fullmatch(raw)
    if m:
        y, mo, d = [g for g in m.groups() if g is not None]
        iso = f"{y}-{mo.zfill(2)}-{d.zfill(2)}"
        if valid_date(iso):
            return iso
        raise Refused(f"registration date is not a real date: {raw}")
    if re.fullmatch(r"[0-9]{5}", raw):  # Excel 1900 serial day, as table import reads it
        import datetime
        return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(raw))).isoformat()
    raise Refused(f"registration date not recognised: {raw}")


ticket_date = fact_date


def fact_status(raw):
    """A stated registration status: an English status as is, else table import's 登记状态 map (white space removed,
    full-width brackets folded; src/import/_cells.ts `operatingStatus`)."""
    key = raw.strip(JS_SPACE)
    if key in STATUSES:
        return key
    key = re.sub(JS_WS + "+", "", key).replace("（", "(").replace("）", ")")
    hit = STATUS_NAMES.get(key, STATUS_NAMES.get(key.upper()))
    if hit is None:
        raise Refused(f"registration status not recognised: {raw}")
    return hit


ticket_status = fact_status


def ticket_division(raw):
    """A stated division code as table import reads a code cell (spec §11; verifyTicket): a JSON whole number >= 0 is
    its decimal digits, a text has white space removed and full-width forms folded; it must then be [0-9]{6}."""
    if isinstance(raw, bool):
        text = ""
    elif isinstance(raw, (int, float)):
        text = es_number(raw) if whole(raw) and raw >= 0 else ""
    elif isinstance(raw, str):
        text = normalize_code(raw)
    else:
        text = ""
    if not re.fullmatch(r"[0-9]{6}", text):
        raise Refused(f"district code not recognised (six digits, e.g. 411302): {raw!r}")
    return text


def check_ticket(record, unit_id, cls_raw, registration_date=None, status=None, division=None, announced=None):
    unit_id = fold(unit_id) if isinstance(unit_id, str) else ""
    cls = normalize_class(cls_raw)
    # the pool-id rule itself (spec §3, §11): an id no pool may hold is refused with the reason, never "not selected"
    why = pool_id_problem(unit_id)
    if why is not None:
        raise Refused(f"this id cannot be checked: {why}, which no draw pool may hold (spec §3, §11)")
    if cls is None:
        raise Refused("a recognisable class is needed")
    registration_date = None if registration_date is None else fact_date(registration_date)
    status = None if status is None else fact_status(status)
    division = None if division is None else ticket_division(division)
    if announced is not None:
        read_announced(announced)
    problems = record_problems(record)
    if problems:
        return {"status": "inconsistent", "reason": "record-inconsistent", "problems": problems}
    if announced is not None:
        # step 0 (spec §11): the record compared with the announcement, by meaning (spec §10)
        differs = announcement_mismatches(record, announced)
        if differs:
            try:
                t = ticket(record["seed"]["value"], record["taskId"], unit_id)
            except (KeyError, TypeError, ValueError, AttributeError):
                t = ""
            return {"status": "inconsistent", "reason": "not-as-announced", "ticket": t, "rank": None, "problems": differs[:20]}
    t = ticket(record["seed"]["value"], record["taskId"], unit_id)
    E = record["poolCommitment"]["eligibility"]
    stated = any(x is not None for x in (registration_date, status, division))
    unit = {"id": unit_id, "registrationDate": registration_date, "status": status, "divisionCode": division}
    # each rule is applied only to the fact it needs, when that fact was stated (spec §11)
    rules = {}
    if registration_date is not None and "registeredOnOrBefore" in E:
        rules["registeredOnOrBefore"] = E["registeredOnOrBefore"]
    if status is not None and "statuses" in E:
        rules["statuses"] = E["statuses"]
    if division is not None and "divisionCodes" in E:
        rules["divisionCodes"] = E["divisionCodes"]
    fact = reason_of(unit, rules, set()) if stated else None
    for s in record["strata"]:
        for rank, u in enumerate(s["selected"], 1):
            if u["unitId"] == unit_id:
                if fact is not None:
                    return {"status": "inconsistent", "reason": "listed-but-ineligible", "ticket": t, "rank": rank}
                return {"status": "selected", "reason": "listed" if s["riskClass"] == cls else "listed-under-other-class", "ticket": t, "rank": rank, "threshold": s["threshold"]}
    stratum = next((s for s in record["strata"] if s["riskClass"] == cls), None)
    threshold = stratum["threshold"] if stratum else None
    base = {"ticket": t, "rank": None, "threshold": threshold}
    if any(x["unitId"] == unit_id for x in record["poolCommitment"]["exclusions"]):
        return dict(base, status="not-in-stratum", reason="excluded")
    if fact is not None:
        return dict(base, status="not-in-stratum", reason=fact)
    if stratum is None:
        return dict(base, status="not-in-stratum", reason="class-not-drawn")
    if stratum["quota"] == 0:
        return dict(base, status="not-selected", reason="quota-zero")
    if threshold is not None and t > threshold:
        return dict(base, status="not-selected", reason="ticket-above-threshold")
    has_rules = any(k in E for k in ("registeredOnOrBefore", "statuses", "divisionCodes"))
    return dict(base, status="not-in-stratum", reason="eligibility-unconfirmed" if has_rules else "not-in-pool")


# ---------------------------------------------------------------- §8 the lock, §9 stage 2

STAGE2_TAG = "shuangsuiji/stage2/v1"
STATS = {"replaced picks": 0}
M32 = 0xFFFFFFFF
COUNTING = ("enforcement-civil-servant", "qualified-staff", "supervision-staff")  # §9.2: auxiliary experts never count
CATEGORIES = COUNTING + ("expert", "testing-institution")
INSPECTOR_MEMBERS = {"id", "seq", "name", "phone", "county", "departmentId", "unit", "unitKind", "title", "certificateNumber", "category", "expertise"}


def lock_digest(locked):
    return digest_of({"kind": "locked-target-list", "lockedBy": locked["lockedBy"], "lockedOn": locked["lockedOn"], "recordDigest": locked["record"]["digest"]})


class Xoroshiro128Plus:
    """pure-rand 8.4.2 xoroshiro128plus, written out in spec §9.1 (state words kept as unsigned 32-bit integers)."""

    def __init__(self, w):
        self.s01, self.s00, self.s11, self.s10 = w

    def next(self):
        out = (self.s00 + self.s10) & M32
        a0 = self.s10 ^ self.s00
        a1 = self.s11 ^ self.s01
        s00, s01 = self.s00, self.s01
        self.s00 = ((s00 << 24) ^ (s01 >> 8) ^ a0 ^ (a0 << 16)) & M32
        self.s01 = ((s01 << 24) ^ (s00 >> 8) ^ a1 ^ ((a1 << 16) | (a0 >> 16))) & M32
        self.s10 = ((a1 << 5) ^ (a0 >> 27)) & M32
        self.s11 = ((a0 << 5) ^ (a1 >> 27)) & M32
        return out - (1 << 32) if out >= 1 << 31 else out  # a signed 32-bit integer

    def uniform_int(self, lo, hi):
        n = hi - lo + 1
        limit = (2**32 // n) * n if n > 2 else 2**32
        v = self.next() + 2**31
        while v >= limit:
            v = self.next() + 2**31
        return lo + v % n


def department_rng(seed_hex, task, department):
    d = sha(L(STAGE2_TAG) + L(bytes.fromhex(seed_hex)) + L(task) + L(department))
    w = [int.from_bytes(d[i:i + 4], "big") for i in range(0, 32, 4)]
    return Xoroshiro128Plus(w[0:4] if any(w[0:4]) else w[4:8])


class Planner:
    """Spec §9.3, by a method of its own: a pick (g, i) is allowed when some complete assignment (every group m distinct
    allowed inspectors, none in more than `cap` groups) contains every pair fixed so far and (g, i), decided by a max
    flow (repeated augmenting paths) from the current complete plan."""

    def __init__(self, groups, n, m, cap, allowed):
        self.G, self.n, self.m, self.cap, self.allowed = groups, n, m, cap, allowed
        self.fixed = [set() for _ in range(groups)]
        self.plan = [set() for _ in range(groups)]
        self.short = None
        for g in range(groups):  # prefix by prefix: the first group that cannot be completed, and what it can get
            while len(self.plan[g]) < m and self._augment(self.plan, g, groups):
                pass
            if len(self.plan[g]) < m:
                self.short = (g, len(self.plan[g]))
                return

    def _augment(self, plan, g, upto):
        load = [0] * self.n
        for h in range(upto):
            for x in plan[h]:
                load[x] += 1
        users = [[] for _ in range(self.n)]
        for h in range(upto):
            for x in plan[h] - self.fixed[h]:
                users[x].append(h)
        seen = set()

        def dfs(h):
            for x in range(self.n):
                if x in seen or x in plan[h] or not self.allowed(h, x):
                    continue
                seen.add(x)
                if load[x] < self.cap:
                    plan[h].add(x)
                    return True
                for h2 in users[x]:
                    if h2 != h and dfs(h2):
                        plan[h2].discard(x)
                        plan[h].add(x)
                        return True
            return False

        return dfs(g)

    def _complete_with(self, g, i):
        """A complete plan containing the fixed pairs and (g, i), or None."""
        plan = [set(p) for p in self.plan]
        if i not in plan[g]:
            plan[g].discard(next(iter(plan[g] - self.fixed[g])))
            plan[g].add(i)
            over = sum(1 for p in plan if i in p) - self.cap
            if over > 0:
                h = next(h for h in range(self.G) if h != g and i in plan[h] and i not in self.fixed[h])
                plan[h].discard(i)
                fixed = [set(f) for f in self.fixed]
                fixed[g].add(i)
                saved, self.fixed = self.fixed, fixed
                try:
                    if not self._augment(plan, h, self.G):
                        return None
                finally:
                    self.fixed = saved
        return plan

    def completable(self, g, i):
        if i in self.fixed[g] or not self.allowed(g, i) or len(self.fixed[g]) >= self.m:
            return False
        return self._complete_with(g, i) is not None

    def commit(self, g, i):
        if not self.completable(g, i):
            return False
        self.plan = self._complete_with(g, i)
        self.fixed[g].add(i)
        return True


def in_scope(i, scope):
    kind = scope["kind"]
    if kind == "whole-bureau":
        return True
    if kind == "bureau-and-stations":
        return i.get("unitKind") == "bureau" or (i.get("unit") is not None and i["unit"] in scope["stations"])
    if kind == "stations":
        return i.get("unit") is not None and i["unit"] in scope["stations"]
    if kind == "station":
        return i.get("unit") == scope["station"]
    raise Refused("unknown scope kind")


def whole_at_least(v, lo):
    return whole(v) and v >= lo


def strict_date(v):
    return isinstance(v, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", v) is not None and valid_date(v)


def lock_date_problems(locked):
    """Spec §8 (lock-date-order), checked wherever a lock is consumed: lockedOn is not before the record's
    timeline.commitmentPublishedOn, timeline.seedFixedOn or a dice seed's date."""
    rec = locked.get("record") or {}
    on = locked.get("lockedOn")
    timeline = rec.get("timeline") or {}
    prov = (rec.get("seed") or {}).get("provenance") or {}
    dates = (("timeline.commitmentPublishedOn", timeline.get("commitmentPublishedOn")), ("timeline.seedFixedOn", timeline.get("seedFixedOn")),
             ("seed.provenance.date", prov.get("date") if prov.get("kind") == "dice" else None))
    return [f"locked.lockedOn: lock-date-order: {on} is before the record's {f} ({d})" for f, d in dates if isinstance(d, str) and isinstance(on, str) and on < d]


STAGE2_ANNOUNCED = ("inputsDigest", "seed", "inputsAnnouncedOn", "seedFixedOn")


def stage2_announcement_mismatches(record, inp, announced):
    """Spec §9.5, §10: the stage-2 announcement { inputsDigest, seed?, inputsAnnouncedOn?, seedFixedOn? }; any other
    member, or an announcement that is not an object, is a mismatch (refused, never ignored). inputsDigest is compared
    by the caller; the seed by meaning (announcement_mismatches); seedFixedOn against the input's own and a dice roll's
    date; inputsAnnouncedOn against the lock, the input's own date and the seed's date AS ANNOUNCED (seedFixedOn, else
    an announced dice roll's date): never the operator's input file alone."""
    if not isinstance(announced, dict):
        return [{"field": "announced", "expected": "an object { inputsDigest, seed?, inputsAnnouncedOn? }", "actual": type(announced).__name__}]
    out = [{"field": f"announced.{k}", "expected": f"no such member ({', '.join(STAGE2_ANNOUNCED)})", "actual": "unknown member"} for k in announced if k not in STAGE2_ANNOUNCED]
    if "seed" in announced:
        out += announcement_mismatches(record, {"seed": announced["seed"]})
    stated = announced.get("seedFixedOn")
    if "seedFixedOn" in announced:
        if not strict_date(stated):
            out.append({"field": "announced.seedFixedOn", "expected": "a real YYYY-MM-DD date", "actual": stated})
            stated = None
        else:
            if inp.get("seedFixedOn") is not None and inp["seedFixedOn"] != stated:
                out.append({"field": "announced.seedFixedOn", "expected": stated, "actual": inp["seedFixedOn"]})
            rprov = ((record.get("seed") if isinstance(record, dict) else None) or {}).get("provenance") or {}
            if isinstance(rprov, dict) and rprov.get("kind") == "dice" and rprov.get("date") != stated:
                out.append({"field": "announced.seedFixedOn", "expected": stated, "actual": f"dice rolled on {rprov.get('date')}"})
    if "inputsAnnouncedOn" not in announced:
        return out
    on, field = announced["inputsAnnouncedOn"], "announced.inputsAnnouncedOn"
    if not strict_date(on):
        return out + [{"field": field, "expected": "a real YYYY-MM-DD date", "actual": on}]
    if inp.get("inputsAnnouncedOn") is not None and inp["inputsAnnouncedOn"] != on:
        out.append({"field": field, "expected": on, "actual": inp["inputsAnnouncedOn"]})
    locked_on = (inp.get("locked") or {}).get("lockedOn")
    if isinstance(locked_on, str) and on < locked_on:
        out.append({"field": field, "expected": f"on or after the lock ({locked_on})", "actual": on})
    aprov = (announced.get("seed") if isinstance(announced.get("seed"), dict) else {}).get("provenance") or {}
    fixed = stated if isinstance(stated, str) else aprov.get("date") if isinstance(aprov, dict) and aprov.get("kind") == "dice" and strict_date(aprov.get("date")) else None
    if fixed is None:
        out.append({"field": field, "expected": "the seed's date as announced (announced.seedFixedOn, or an announced dice roll); the input file's own date is the operator's word", "actual": "no announced seed date"})
    elif fixed < on:
        out.append({"field": field, "expected": f"the seed fixed on or after {on}", "actual": f"seed fixed on {fixed}"})
    return out


def stage2_date_problems(inp, locked_on):
    """Spec §9.1 (Longting art. 19): the stage-2 seed is fixed on or after the lock and the inputs announcement."""
    out = []
    prov = inp["seed"].get("provenance") or {}
    dates = {}
    for name, v in (("seed.provenance.date", prov.get("date") if prov.get("kind") == "dice" else None), ("seedFixedOn", inp.get("seedFixedOn")), ("inputsAnnouncedOn", inp.get("inputsAnnouncedOn"))):
        if v is None:
            continue
        if not strict_date(v):
            out.append(f"{name}: not a real YYYY-MM-DD date")
        else:
            dates[name] = v
    dice, stated, announced = dates.get("seed.provenance.date"), dates.get("seedFixedOn"), dates.get("inputsAnnouncedOn")
    if dice is not None and stated is not None and dice != stated:
        out.append("seedFixedOn: differs from the dice roll's date")
    fixed = dice if dice is not None else stated
    if fixed is not None and isinstance(locked_on, str) and fixed < locked_on:
        out.append(f"seed: fixed on {fixed}, before the list was locked on {locked_on} (Longting art. 19; spec §9.1)")
    if announced is not None and isinstance(locked_on, str) and announced < locked_on:
        out.append(f"inputsAnnouncedOn: {announced}, before the lock on {locked_on}")
    if announced is not None and fixed is None and not out:
        out.append("seedFixedOn: needed when inputsAnnouncedOn is given and the seed carries no date")
    if announced is not None and fixed is not None and fixed < announced:
        out.append(f"seed: fixed on {fixed}, before its inputs were announced on {announced} (spec §9.1)")
    return out


STAGE2_INPUTS_TAG = "shuangsuiji/stage2-inputs/v1"

STAGE2_OPTIONAL = ("targetIds", "groupSize", "recusals", "unavailable", "allowSingleSideFallback", "seedFixedOn", "inputsAnnouncedOn")
DEPARTMENT_OPTIONAL = ("requiredExpertise", "expertiseMatch", "scope", "teamSize", "workloadCap", "targetIds")
LOCK_MEMBERS = ("kind", "record", "lockedOn", "lockedBy", "digest")


def _is_text(v):
    return isinstance(v, str) and v != ""


def _texts_problems(v, path):
    """Spec §9.2: a list of non-empty texts; the problems, or None when it is not a list at all."""
    if not isinstance(v, list):
        return None
    return [f"{path}[{k}]: not a non-empty text" for k, x in enumerate(v) if not _is_text(x)]


def _entries_problems(v, path, members):
    """Spec §9.2: a list of objects with exactly these members (True: a non-empty text; False: any string)."""
    if not isinstance(v, list):
        return None
    out = []
    for k, e in enumerate(v):
        if not isinstance(e, dict):
            out.append(f"{path}[{k}]: not an object")
            continue
        for m, text in members.items():
            x = e.get(m)
            if not (_is_text(x) if text else isinstance(x, str)):
                out.append(f"{path}[{k}].{m}: {'missing' if m not in e else 'not a ' + ('non-empty ' if text else '') + 'text'}")
        out += [f"{path}[{k}].{m}: unknown member" for m in e if m not in members]
    return out


def _scope_problems(v, path):
    kind = v.get("kind") if isinstance(v, dict) else None
    needs = {"whole-bureau": (), "bureau-and-stations": ("stations",), "stations": ("stations",), "station": ("station",)}.get(kind) if isinstance(kind, str) else None
    if needs is None:
        return None
    out = [f"{path}.{m}: unknown member" for m in v if m != "kind" and m not in needs]
    if "stations" in needs:
        p = _texts_problems(v.get("stations"), f"{path}.stations")
        out += [f"{path}.stations: not a list of non-empty texts"] if p is None else p
    if "station" in needs and not _is_text(v.get("station")):
        out.append(f"{path}.station: not a non-empty text")
    return out


def stage2_input(inp):
    """Spec §9.2, the reading of a stage-2 input's options shared by the draw, its verifier and the inputs commitment
    (src/draw/inspectors/_readOptions.ts): a copy without the optional members that are null (null is absent: the
    default applies), and every option that is not what §9.2 says, as a list of problems. Also the locked list's shape
    (spec §8: exactly kind, record, lockedOn, lockedBy, digest)."""
    if not isinstance(inp, dict):
        raise Refused("the stage-2 input is not a JSON object")
    inp = {k: v for k, v in inp.items() if not (k in STAGE2_OPTIONAL and v is None)}
    out = []
    def whole_from(v, lo):
        return whole(v) and v >= lo
    def check(v, path, ok, why):
        if not ok:
            out.append(f"{path}: {why}")
        return ok
    if "targetIds" in inp:
        p = _texts_problems(inp["targetIds"], "targetIds")
        out += ["targetIds: not a list of target ids"] if p is None else p
    if "groupSize" in inp:
        check(inp["groupSize"], "groupSize", whole_from(inp["groupSize"], 1), "a positive whole number (Yanshi 7.3)")
    for name, members in (("recusals", {"inspectorId": True, "targetId": True, "reason": False}), ("unavailable", {"inspectorId": True, "reason": False})):
        if name in inp:
            p = _entries_problems(inp[name], name, members)
            out += [f"{name}: not a list"] if p is None else p
    if "allowSingleSideFallback" in inp:
        check(inp["allowSingleSideFallback"], "allowSingleSideFallback", isinstance(inp["allowSingleSideFallback"], bool), "true or false (Longting art. 19)")
    if isinstance(inp.get("departments"), list):
        departments = []
        for k, d in enumerate(inp["departments"]):
            if isinstance(d, dict):
                d = {m: v for m, v in d.items() if not (m in DEPARTMENT_OPTIONAL and v is None)}
                at = f"departments[{k}]"
                for m in ("requiredExpertise", "targetIds"):
                    if m in d:
                        p = _texts_problems(d[m], f"{at}.{m}")
                        out += [f"{at}.{m}: not a list of non-empty texts"] if p is None else p
                if "expertiseMatch" in d:
                    check(d["expertiseMatch"], f"{at}.expertiseMatch", d["expertiseMatch"] in ("any", "all") and isinstance(d["expertiseMatch"], str), '"any" or "all" (Longting art. 18)')
                if "scope" in d:
                    p = _scope_problems(d["scope"], f"{at}.scope")
                    out += [f"{at}.scope: not one of the Yanshi 7.3 scopes"] if p is None else p
                if "teamSize" in d:
                    check(d["teamSize"], f"{at}.teamSize", whole_from(d["teamSize"], 2), "at least 2 (Longting art. 21)")
                if "workloadCap" in d:
                    check(d["workloadCap"], f"{at}.workloadCap", whole_from(d["workloadCap"], 0), "a whole number >= 0 (spec §9.2, §9.3)")
            departments.append(d)
        inp["departments"] = departments
    locked = inp.get("locked")
    if isinstance(locked, dict):
        out += [f"locked.{m}: unknown member (spec §8)" for m in locked if m not in LOCK_MEMBERS]
        out += [f"locked.{m}: missing (spec §8)" for m in LOCK_MEMBERS if m not in locked]
        if "lockedOn" in locked and not strict_date(locked["lockedOn"]):
            out.append("locked.lockedOn: not a real YYYY-MM-DD date")
        by = locked.get("lockedBy")
        if "lockedBy" in locked and not (isinstance(by, str) and by == by.strip(JS_SPACE) and any(c not in JS_SPACE and unicodedata.category(c) != "Cf" for c in by)):
            out.append("locked.lockedBy: who locked it, trimmed, at least one visible character (Longting art. 19)")
        if "digest" in locked and not (isinstance(locked["digest"], str) and re.fullmatch(r"[0-9a-f]{64}", locked["digest"])):
            out.append("locked.digest: not 64 lower-case hex digits")
    return inp, out


def commit_inspector_inputs(inp):
    """Spec §9.1: the canonical stage-2 inputs (all but the seed and the dates) and their digest."""
    inp, problems = stage2_input(inp)
    if problems:
        raise Refused("; ".join(problems[:10]))
    locked = inp["locked"]
    rec = locked["record"]
    listed = [u["unitId"] for s in rec["strata"] for u in s["selected"]]
    by_json = lambda xs: sorted(xs, key=lambda r: utf16_key(cj(r)))
    uniq_sorted = lambda xs: sorted(set(xs), key=utf16_key)
    departments = []
    for d in sorted(inp["departments"], key=lambda d: utf16_key(d["departmentId"])):
        scope = dict(d.get("scope", {"kind": "whole-bureau"}))
        if "stations" in scope:
            scope["stations"] = uniq_sorted(scope["stations"])
        out = {
            "departmentId": d["departmentId"],
            "directoryDigest": digest_of(sorted(d["inspectors"], key=lambda i: utf16_key(i["id"]))),
            "expertiseMatch": d.get("expertiseMatch", "any"),
            "requiredExpertise": uniq_sorted(d.get("requiredExpertise", [])),
            "scope": scope,
            "teamSize": d.get("teamSize", 2),
        }
        if d.get("targetIds") is not None:
            out["targetIds"] = sorted(d["targetIds"], key=utf16_key)
        if d.get("workloadCap") is not None:
            out["workloadCap"] = d["workloadCap"]
        departments.append(out)
    body = {
        "algorithm": STAGE2_INPUTS_TAG,
        "allowSingleSideFallback": inp.get("allowSingleSideFallback", True),
        "departments": departments,
        "groupSize": inp.get("groupSize", 1),
        "initiatingDepartmentId": inp["initiatingDepartmentId"],
        "kind": "inspector-inputs",
        "lockDigest": locked["digest"],
        "recusals": by_json(inp.get("recusals", [])),
        "targetIds": sorted(inp.get("targetIds", listed), key=utf16_key),
        "taskId": rec["taskId"],
        "unavailable": by_json(inp.get("unavailable", [])),
    }
    return {**body, "digest": digest_of(body)}


def check_stage2_input(inp):
    """The inputs spec §8-§9.2 refuses (the library refuses them too): every problem, as a list."""
    out = []
    locked = inp["locked"]
    rec = locked.get("record") or {}
    if locked.get("kind") != "locked-target-list" or rec.get("kind") != "target-draw":
        return ["locked: not a locked stage-1 list"]
    if lock_digest(locked) != locked.get("digest"):
        out.append("locked.digest: does not recompute")
    out += [f"locked.record: {p}" for p in record_problems(rec)]
    out += lock_date_problems(locked)
    out += [f"seed: {p}" for p in seed_problems(inp["seed"])]
    if inp["seed"].get("value") == rec["seed"]["value"]:
        out.append("seed: stage 2 uses its own seed")
    out += stage2_date_problems(inp, locked.get("lockedOn"))
    listed = [u["unitId"] for s in rec["strata"] for u in s["selected"]]
    targets = inp.get("targetIds", listed)
    if any(not isinstance(t, str) or t not in set(listed) for t in targets):
        out.append("targetIds: a target is not on the locked list")
    if len(set(targets)) != len(targets):
        out.append("targetIds: a target is listed twice")
    owner = {}
    for k, d in enumerate(inp["departments"]):
        for i in d.get("inspectors", []):
            if i.get("id") in owner and owner[i["id"]] != d["departmentId"]:
                out.append(f"departments[{k}]: inspector {i['id']} is in two departments")
            if id_text_problem(i.get("id")) is not None:
                out.append(f"departments[{k}]: inspector id {i.get('id')!r} is not in its one spelling")
            owner[i.get("id")] = d["departmentId"]
            if set(i) - INSPECTOR_MEMBERS or i.get("category") not in CATEGORIES or not isinstance(i.get("expertise"), list) or not isinstance(i.get("name"), str):
                out.append(f"departments[{k}]: inspector {i.get('id')!r} is not a directory entry (Chongqing C.1)")
            if i.get("departmentId") != d["departmentId"]:
                out.append(f"departments[{k}]: inspector {i.get('id')!r} belongs to another department")
        if not whole_at_least(d.get("teamSize", 2), 2):
            out.append(f"departments[{k}].teamSize: at least 2 (Longting art. 21)")
        dt = d.get("targetIds")
        if dt is not None and (len(set(dt)) != len(dt) or any(t not in set(targets) for t in dt)):
            out.append(f"departments[{k}].targetIds: repeated or not on the list")
    for k, r in enumerate(inp.get("recusals", [])):
        if r.get("targetId") not in set(targets):
            out.append(f"recusals[{k}].targetId: not on the list")
        if r.get("inspectorId") not in owner:
            out.append(f"recusals[{k}].inspectorId: in no directory")
    if not whole_at_least(inp.get("groupSize", 1), 1):
        out.append("groupSize: a positive whole number")
    ids = [d["departmentId"] for d in inp["departments"]]
    if len(set(ids)) != len(ids):
        out.append("departments: a department appears twice")
    init = next((d for d in inp["departments"] if d["departmentId"] == inp["initiatingDepartmentId"]), None)
    if init is None:
        out.append("initiatingDepartmentId: not one of the departments")
    elif init.get("targetIds") is not None and set(init["targetIds"]) != set(targets):
        out.append("initiating department: covers every target (Chongqing 6.5)")
    return out


def draw_inspectors(inp):
    """Spec §9: rebuilds the InspectorDrawRecord from its inputs; ("ok", record) or ("not-enough-inspectors", detail)."""
    inp, problems = stage2_input(inp)
    if problems:
        raise Refused("; ".join(problems[:10]))
    problems = check_stage2_input(inp)
    if problems:
        raise Refused("; ".join(problems[:10]))
    locked = inp["locked"]
    rec = locked["record"]
    listed = [u["unitId"] for s in rec["strata"] for u in s["selected"]]
    targets = sorted(inp.get("targetIds", listed), key=utf16_key)
    gs = int(inp.get("groupSize", 1))
    groups = [targets[i:i + gs] for i in range(0, len(targets), gs)]
    recused_by = {}
    for r in inp.get("recusals", []):
        recused_by.setdefault(r["targetId"], set()).add(r["inspectorId"])
    unavailable = {u["inspectorId"] for u in inp.get("unavailable", [])}
    fallback = inp.get("allowSingleSideFallback", True)
    departments, initiating_teams, leader_rng = [], {}, None
    for spec in sorted(inp["departments"], key=lambda d: utf16_key(d["departmentId"])):
        m = int(spec.get("teamSize", 2))
        directory = sorted(spec["inspectors"], key=lambda i: utf16_key(i["id"]))
        required = spec.get("requiredExpertise", [])
        qualified = [i for i in directory if i["category"] in COUNTING]
        if not required:
            expert = qualified
        elif spec.get("expertiseMatch") == "all":
            expert = [i for i in qualified if all(t in i["expertise"] for t in required)]
        else:
            expert = [i for i in qualified if any(t in i["expertise"] for t in required)]
        scoped = [i for i in expert if in_scope(i, spec.get("scope", {"kind": "whole-bureau"}))]
        available = [i for i in scoped if i["id"] not in unavailable]
        standing = next(((c, len(xs)) for c, xs in (("qualified", qualified), ("expertise", expert), ("scope", scoped), ("availability", available)) if len(xs) < m), None)
        rng = department_rng(inp["seed"]["value"], rec["taskId"], spec["departmentId"])
        cap = spec.get("workloadCap")
        mine = None if spec.get("targetIds") is None else set(spec["targetIds"])
        todo = []
        for g, grp in enumerate(groups):
            tids = grp if mine is None else [t for t in grp if t in mine]
            if not tids:
                continue
            if standing is not None:
                return "not-enough-inspectors", (spec["departmentId"], tids, standing[0])
            recused = set().union(*[recused_by.get(t, set()) for t in tids])
            left = sum(1 for i in available if i["id"] not in recused)
            if left < m:
                return "not-enough-inspectors", (spec["departmentId"], tids, "recusal")
            if not fallback and left == m:
                return "not-enough-inspectors", (spec["departmentId"], tids, "availability")
            todo.append((g, tids, recused))
        index = {i["id"]: k for k, i in enumerate(available)}
        planner = None
        if cap is not None and cap < len(todo):
            planner = Planner(len(todo), len(available), m, cap, lambda k, x: available[x]["id"] not in todo[k][2])
            if planner.short is not None:
                return "not-enough-inspectors", (spec["departmentId"], todo[planner.short[0]][1], "workload")
        load = {}
        teams = []
        for k, (g, tids, recused) in enumerate(todo):
            pool = [i for i in available if i["id"] not in recused and (cap is None or load.get(i["id"], 0) < cap)]
            if len(pool) < m:
                return "not-enough-inspectors", (spec["departmentId"], tids, "workload")
            if len(pool) == m:
                team = [i["id"] for i in pool]
                if planner:
                    for i in pool:
                        planner.commit(k, index[i["id"]])
                random_team = False
            else:
                pos = list(range(len(pool)))
                team = []
                for i in range(m):
                    j = rng.uniform_int(i, len(pool) - 1)
                    if planner and not planner.commit(k, index[pool[pos[j]]["id"]]):
                        STATS["replaced picks"] += 1
                        safe = [p for p in range(i, len(pool)) if planner.completable(k, index[pool[pos[p]]["id"]])]
                        j = safe[rng.uniform_int(0, len(safe) - 1)]
                        planner.commit(k, index[pool[pos[j]]["id"]])
                    pos[i], pos[j] = pos[j], pos[i]
                    team.append(pool[pos[i]]["id"])
                random_team = True
            for x in team:
                load[x] = load.get(x, 0) + 1
            teams.append({"inspectorIds": team, "random": random_team, "targetIds": tids})
            if spec["departmentId"] == inp["initiatingDepartmentId"]:
                initiating_teams[g] = team
        if spec["departmentId"] == inp["initiatingDepartmentId"]:
            leader_rng = rng
        departments.append({
            "departmentId": spec["departmentId"],
            "directoryDigest": digest_of(directory),
            "eligibleCounts": {"available": len(available), "directory": len(directory), "expertise": len(expert), "qualified": len(qualified), "scope": len(scoped)},
            "teams": teams,
        })
    leaders = []
    for g, grp in enumerate(groups):
        team = initiating_teams[g]
        leaders.append({"leaderId": team[leader_rng.uniform_int(0, len(team) - 1)], "targetIds": grp})
    inspectors_random = all(t["random"] for d in departments for t in d["teams"])
    targets_random = rec["random"]
    side = "both" if targets_random and inspectors_random else "targets-only" if targets_random else "inspectors-only" if inspectors_random else "neither"
    out = {
        "algorithm": STAGE2_TAG, "departments": departments, "initiatingDepartmentId": inp["initiatingDepartmentId"], "kind": "inspector-draw",
        "leaders": leaders, "lockDigest": locked["digest"], "randomSide": side, "recusals": sorted(inp.get("recusals", []), key=lambda r: utf16_key(cj(r))), "seed": inp["seed"],
        "targetDrawDigest": rec["digest"], "taskId": rec["taskId"],
    }
    out["digest"] = record_digest(out)
    return "ok", out


def verify_inspector_record(record, inp, announced=None):
    """Spec §9-§10: rebuild the stage-2 record from its inputs and compare member by member, and the inputs with the
    digest announced before the seed (§9.1) when given; never raises."""
    mismatches = []
    if announced is not None:
        try:
            mine = commit_inspector_inputs(inp)["digest"]
            given = announced.get("inputsDigest") if isinstance(announced, dict) else None
            if isinstance(given, str) and len(given) == 64 and all(c in "0123456789abcdefABCDEF" for c in given):
                given = given.lower()  # a digest printed in upper case is the same digest (spec §10)
            if not isinstance(announced, dict) or given != mine:
                mismatches.append({"field": "announced.inputsDigest", "expected": announced.get("inputsDigest") if isinstance(announced, dict) else announced, "actual": mine})
        except (Refused, KeyError, TypeError, ValueError, AttributeError) as e:
            mismatches.append({"field": "announced", "expected": "inputs the specification can commit", "actual": f"{type(e).__name__}: {e}"})
    try:
        if not isinstance(record, dict):
            raise Refused("not a JSON object")
        if record_digest(record) != record.get("digest"):
            mismatches.append({"field": "digest", "expected": record_digest(record), "actual": record.get("digest")})
        status, rebuilt = draw_inspectors(inp)
        if status != "ok":
            mismatches.append({"field": "rerun", "expected": "a complete draw", "actual": f"{status}: {rebuilt}"})
        else:
            # recusals are listed sorted by their canonical JSON in UTF-16 code-unit order (spec §2, §9.4), rebuilt
            # that way above and compared in order: a record sorted by a locale's collation is a mismatch
            diff(rebuilt, record, "", mismatches)
    except (Refused, KeyError, TypeError, ValueError, AttributeError, IndexError, StopIteration) as e:
        mismatches.append({"field": "record", "expected": "a record the specification can rebuild", "actual": f"{type(e).__name__}: {e}"})
    if announced is not None:
        try:
            mismatches += stage2_announcement_mismatches(record, stage2_input(inp)[0], announced)
        except (Refused, KeyError, TypeError, ValueError, AttributeError) as e:
            mismatches.append({"field": "announced", "expected": "an announcement the specification can compare", "actual": f"{type(e).__name__}: {e}"})
    notes = []
    if isinstance(record, dict) and isinstance(record.get("seed"), dict) and (record["seed"].get("provenance") or {}).get("kind") == "other":
        notes.append("seed-provenance-not-verifiable")
    return {"ok": not mismatches, "mismatches": mismatches, "notes": notes}


# ---------------------------------------------------------------- command line


class Unreadable(Exception):
    """An input file that is not one JSON text this verifier reads safely (exit code 3, as the CLI's bad input file)."""


MAX_DEPTH = 64  # README "Limits": nesting depth of objects and arrays (src/_internal/boundary.ts INPUT_LIMITS.maxDepth)
JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)


def _members(pairs):
    out = {}
    for k, v in pairs:
        if k in out:  # one text, one reading: JSON.parse keeps the last, a first-wins reader the first (spec §2)
            raise Unreadable(f"duplicate member name {k!r}")
        out[k] = v
    return out


def _number(s):
    # JSON numbers are IEEE-754 doubles (spec §2), as JSON.parse reads them: short integers exactly, long ones as the
    # double (int() refuses 5,000 digits); one beyond the double range is no number a record can hold
    if len(s) <= 15 and "." not in s and "e" not in s and "E" not in s:
        return int(s)
    x = float(s)
    if not math.isfinite(x):
        raise Unreadable(f"number out of range: {s[:20]}…")
    return x


def _constant(name):
    raise Unreadable(f"{name} is not JSON")


def parse_json(text):
    """One JSON text, read with bounded nesting, no duplicate member names, numbers as doubles; Unreadable otherwise."""
    depth = 0
    for ch in re.findall(r"[\[\]{}]", JSON_STRING.sub("", text)):
        depth += 1 if ch in "[{" else -1
        if depth > MAX_DEPTH:
            raise Unreadable(f"nested deeper than {MAX_DEPTH} levels")
    try:
        return json.loads(text, object_pairs_hook=_members, parse_int=_number, parse_float=_number, parse_constant=_constant)
    except (ValueError, RecursionError) as e:
        if isinstance(e, Unreadable):
            raise
        raise Unreadable(f"not JSON: {e}") from None


def read_json(path):
    try:
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise Unreadable(f"{path}: {e}") from None
    try:
        return parse_json(text)
    except Unreadable as e:
        raise Unreadable(f"{path}: {e}") from None


def _header(h):
    """src/import/_tables.ts normalizeHeader: half-width, no spaces or punctuation (（）()-—_:*·.), lower-case Latin."""
    return re.sub(r"[" + JS_SPACE + r"()\-—_:*·.\u00a0]", "", half_width(h)).lower()


# Table B.1 (行政相对人, the CLI's default pool table; src/import/_tables.ts): the columns a draw unit is read from, with
# the aliases table import accepts; the English member names are accepted too
POOL_HEADERS = {
    "id": ["行政相对人编码", "统一社会信用代码", "统一社会信用代码/注册号", "统一社会信用代码注册号", "注册号", "信用代码", "社会信用代码", "相对人编码", "id"],
    "riskClass": ["信用风险分类", "风险等级", "信用风险等级", "风险分类", "信用风险类别", "信用分类", "风险类别", "riskClass"],
    "registrationDate": ["成立日期", "登记日期", "注册日期", "成立时间", "核准日期", "registrationDate"],
    "status": ["登记状态", "经营状态", "存续状态", "企业状态", "status"],
    "divisionCode": ["行政区划代码", "区划代码", "行政区代码", "区划编码", "divisionCode"],
}
POOL_HEADER_OF = {_header(v): k for k, vs in POOL_HEADERS.items() for v in vs}


def pool_cell(key, raw):
    """A pool CSV cell as table import reads it for the draw (spec §3; src/import/_cells.ts): id and division code as
    codes (half-width, no spaces, upper case), the class by its spellings, dates and statuses by theirs."""
    if key in ("id", "divisionCode"):
        return normalize_code(raw)
    if key == "riskClass":
        c = normalize_class(raw)
        if c is None:
            raise Refused(f"credit-risk class not recognised: {raw}")
        return c
    if key == "registrationDate":
        return fact_date(raw)
    return fact_status(raw)


def read_csv_pool(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        raise Refused(f"{path}: empty")
    cols = {}
    for i, h in enumerate(rows[0]):
        key = POOL_HEADER_OF.get(_header(h))
        if key is None:
            continue
        if key in cols:
            raise Refused(f"{path}: two columns for {key} ({rows[0][cols[key]]}, {h})")
        cols[key] = i
    for key in ("id", "riskClass"):
        if key not in cols:
            raise Refused(f"{path}: no column for {key} ({'/'.join(POOL_HEADERS[key][:2])})")
    pool, problems = [], []
    for n, row in enumerate(rows[1:], 2):
        if not any(c.strip(JS_SPACE) for c in row):
            continue
        u = {}
        for key, i in cols.items():
            raw = row[i].strip(JS_SPACE) if i < len(row) else ""  # cells are trimmed; an empty cell is absent
            if raw == "":
                continue
            try:
                u[key] = pool_cell(key, raw)
            except Refused as e:
                problems.append(f"row {n}: {e}")
        pool.append(u)
    if problems:
        raise Refused(f"{path}: " + "; ".join(problems[:20]))
    return pool


def read_pool(path):
    if path.endswith(".csv"):
        try:
            return read_csv_pool(path)
        except (OSError, UnicodeDecodeError, csv.Error) as e:
            raise Unreadable(f"{path}: {e}") from None
    return read_json(path)


def run_batch(cases):
    disagreements, counts = [], {"records": 0, "tickets": 0}
    for case in cases:
        if case.get("stage") == 2:
            counts["inspector records"] = counts.get("inspector records", 0) + 1
            got = verify_inspector_record(case["record"], case["input"], case.get("announced"))
            if got["ok"] != case["library"]["ok"]:
                disagreements.append(f"{case['name']}: python ok={got['ok']} library ok={case['library']['ok']} {got['mismatches'][:3]}")
            if "inputsDigest" in case["library"] and commit_inspector_inputs(case["input"])["digest"] != case["library"]["inputsDigest"]:
                disagreements.append(f"{case['name']}: stage-2 inputs digest")
            continue
        try:
            got = verify_record(case["record"], case["pool"], case.get("announced"))
        except Refused as e:
            got = {"ok": "refused", "mismatches": [str(e)], "notes": []}
        counts["records"] += 1
        if "notes" in case["library"] and sorted(got["notes"]) != sorted(case["library"]["notes"]):
            disagreements.append(f"{case['name']}: python notes {got['notes']} library notes {case['library']['notes']}")
        if got["ok"] != case["library"]["ok"]:
            disagreements.append(f"{case['name']}: python ok={got['ok']} library ok={case['library']['ok']} {got['mismatches'][:3]}")
        elif got["ok"] and case["library"].get("digest") != case["record"]["digest"]:
            disagreements.append(f"{case['name']}: digest")
        for q in case.get("tickets", []):
            counts["tickets"] += 1
            try:
                a = check_ticket(case["record"], q["unitId"], q["riskClass"], q.get("registrationDate"), q.get("status"), q.get("divisionCode"), q.get("announced"))
            except Refused as e:
                a = {"status": "refused", "reason": str(e)}
            want = q["library"]
            mine = {k: a.get(k) for k in ("status", "reason", "ticket", "rank")}
            theirs = {k: want.get(k) for k in ("status", "reason", "ticket", "rank")}
            if want.get("status") == "refused" or a["status"] == "refused":
                mine, theirs = {"status": a["status"]}, {"status": want.get("status")}
            elif a["status"] == "inconsistent" and a["reason"] == "record-inconsistent":
                mine, theirs = {"status": a["status"], "reason": a["reason"]}, {"status": want.get("status"), "reason": want.get("reason")}
            if mine != theirs:
                disagreements.append(f"{case['name']}: ticket {q['unitId']!r}/{q['riskClass']!r}: python {mine} library {theirs}")
    return disagreements, counts


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("record")
    r.add_argument("record")
    r.add_argument("--pool", required=True)
    r.add_argument("--announced")
    t = sub.add_parser("ticket")
    t.add_argument("record")
    t.add_argument("--id", required=True)
    t.add_argument("--class", dest="cls", required=True)
    t.add_argument("--registration-date")
    t.add_argument("--status")
    t.add_argument("--division")
    t.add_argument("--announced", help="JSON of what was announced before the draw: poolCommitment (digest and per-class counts), seed, taskId, policy, timeline (spec §10, §11 step 0)")
    i = sub.add_parser("inspectors")
    i.add_argument("record")
    i.add_argument("--input", required=True)
    i.add_argument("--announced", help='JSON {"inputsDigest": ..., "seed"?: ..., "inputsAnnouncedOn"?: ..., "seedFixedOn"?: ...} published before the stage-2 seed (spec §9.5, §10)')
    b = sub.add_parser("batch")
    b.add_argument("cases")
    a = ap.parse_args(argv)
    try:
        return run(a)
    except (Unreadable, Refused) as e:
        # a damaged input file is reported, never a traceback: exit 3 (the CLI's "bad input file"); a ticket query
        # whose stated facts cannot be read, exit 2 (the CLI's "bad arguments")
        if a.cmd == "ticket" and isinstance(e, Refused):
            res, code = {"status": "refused", "reason": str(e)}, 2
        elif a.cmd == "ticket":
            res, code = {"status": "inconsistent", "reason": "record-inconsistent", "problems": [f"record: unreadable: {e}"]}, 3
        else:
            res, code = {"ok": False, "mismatches": [{"field": "input", "expected": "readable input files", "actual": f"{type(e).__name__}: {e}"}], "notes": []}, 3
        print(json.dumps(res, ensure_ascii=False, indent=2))
        return code


def run(a):
    if a.cmd == "record":
        record = read_json(a.record)
        announced = None
        if a.announced:
            announced = read_json(a.announced)
        res = verify_record(record, read_pool(a.pool), announced)
        print(json.dumps(res, ensure_ascii=False, indent=2))
        return 0 if res["ok"] else 1
    if a.cmd == "ticket":
        record = read_json(a.record)
        announced = read_json(a.announced) if a.announced else None
        res = check_ticket(record, a.id, a.cls, a.registration_date, a.status, a.division, announced)
        print(json.dumps(res, ensure_ascii=False, indent=2))
        return 1 if res["status"] == "inconsistent" else 0
    if a.cmd == "inspectors":
        record = read_json(a.record)
        inp = read_json(a.input)
        announced = read_json(a.announced) if a.announced else None
        res = verify_inspector_record(record, inp, announced)
        print(json.dumps(res, ensure_ascii=False, indent=2))
        return 0 if res["ok"] else 1
    cases = read_json(a.cases)
    bad, counts = run_batch(cases)
    for line in bad[:50]:
        print("DISAGREE", line)
    print(f"python verifier: {counts['records']} stage-1 records, {counts.get('inspector records', 0)} stage-2 records, {counts['tickets']} ticket checks ({STATS['replaced picks']} stage-2 picks replaced to keep every team completable), {len(bad)} disagreement(s) with the library")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
