#!/usr/bin/env python3
"""Quantity quality of copydesk on NewsQuant and the third-party specs, in one run.

    python benches/quantities_eval.py --shared ../shared [--anchors] [-v] [--report FILE]

1. NewsQuant (SHARED/data/quantities/cqe-newsquant/, 590 news sentences, 904
   quantities; no licence: read from ../shared, never copied) scored with the
   CQE paper's protocol (Almasian et al., EMNLP 2023; its evaluation code,
   CQE_Evaluation/evaluate_models.py, as SOURCE.md describes it):
   value, value+unit and value+change precision, recall and F1.
2. With --anchors: quantulum3 on NewsQuant in the same run, scored the way
   the paper scored it (ranges averaged), beside the published figures.
3. Recognizers-Text English specs: pass rate per model, PhoneNumber cases as
   negatives; quantulum3's test sentences; Duckling's English corpora. The
   definitions of "pass" and the scoring live in tests/quantity_specs.py (one
   place, shared with tests/test_quantity_specs.py, which runs them on the
   copies in tests/data/quantities/); this script imports it by path and runs
   it on the originals in SHARED/data/quantities/ (the same files).
4. A markdown summary table at the end.

NewsQuant protocol, as implemented here
- Per sentence, predicted and gold quantities are compared on their values
  with np.isclose (rtol 1e-5, atol 1e-8); a range is a (low, high) tuple,
  compared end by end in order, and never matches a single value; gold
  `10-20` is a range, `-1.3` and `1.99E-29` are not (the paper's decoding).
- Counting follows evaluate_models.py (`quantity_specs.cqe_score`): a
  prediction is used up only by a value+unit match, so one prediction with
  the right value and a wrong unit can count as a value match for several gold
  quantities (capped at the sentence's gold count), and change matches are
  counted for every value-matching pair. That is the protocol behind the
  published numbers, so it is the headline. The same figures with every
  prediction used at most once (greedy one-to-one) are printed beside it as
  "one-to-one"; the false positives and negatives listed come from that
  matching.
- Predictions: every copydesk mention except dates, times and ordinals (not
  NewsQuant quantities); value = `value`, or (`value`, `high`) for a range.
- Unit (value+unit): the copydesk unit through benches/cqe_units.tsv (a
  rate not named there by its parts: `USD/year` -> "dollar per year"; a
  count per unit of time by its noun, `tests` `/day` -> "test per day"); a
  cardinal takes its counted noun when copydesk reports one (`counted`,
  read with getattr: a string or a span with start/end into the text),
  lower-cased, without possessive 's, and made singular ("points" ->
  "point", CQE's names are lemmas; "times" is CQE's "count"), without
  function words ("digital and physical sales" -> "digital physical sale")
  and with superlatives as their adjective ("best screens" -> "good
  screen"), else "-"; a fraction written in words (`a third`, `half the
  condos`, `one out of three`) is CQE's "% " + that name ("% condo", "% -");
  a mention whose text ends in `-year-old`/`years old`
  (or month/week/day), or a year/month/week/day quantity directly followed
  by `-old`/` old` (`15 year-old`, where the span stops at `year`), is
  "year of age" (etc.), and so is a year after `aged`/`age of` or one
  copydesk reads as an age without writing it (`Maddon, 66,`). CQE keeps minor currency
  units as units where copydesk converts them (`19 cents` -> 0.19 USD), so a
  money mention whose text ends in cents/¢ (before any `per share`) is put back as value x 100 "cent",
  sen as "sen", pence/penny as "penny", and a glued or spaced `p` (share
  prices, `118.5p`) as "point", which is what the gold calls them.
- Change (value+change): CQE has one label where copydesk has two fields.
  A bound comes first: the modifier maps approximately -> `~`,
  more_than/at_least -> `>`, less_than/at_most/up_to -> `<`; without one
  (or with `exactly`), copydesk's `change` gives `up`/`down` (`rose 5%`,
  `fell 190 points`), else `=`. Where copydesk reports both, the gold labels
  the bound more often than the direction (`up about 15 percent` `~`,
  `climbed more than 3%` `>`; but `rose about 1.5%` `up`): of 13 such value
  matches, 7 bound, 5 direction, 1 neither, when measured. SOURCE.md and the
  paper's code compare the change strings exactly, and so does this script.
- quantulum3 anchor: `parser.parse(text)`, value = `Quantity.value` (its
  ranges are already the mean), unit = `unit.name` lower-cased through the
  paper's small quantulum3 name map (Q3_UNITS below); gold ranges averaged,
  as the paper did for quantulum3. quantulum3 runs in this interpreter if it
  imports, else in --anchor-python (a venv that has it).

-v prints the top unit mismatches, change mismatches and false positives and
negatives; --report FILE writes all of them (and the spec failures).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

HERE = Path(__file__).resolve().parent


def _load_specs():
    """tests/quantity_specs.py, imported by path (the test suite's helper)."""
    path = HERE.parent / "tests" / "quantity_specs.py"
    loaded = sys.modules.get("quantity_specs")
    if loaded is not None and Path(getattr(loaded, "__file__", "")).resolve() == path.resolve():
        return loaded  # already imported (the test suite imports this script too)
    spec = importlib.util.spec_from_file_location("quantity_specs", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["quantity_specs"] = mod
    spec.loader.exec_module(mod)
    return mod


S = _load_specs()
Item = S.Item

NEWSQUANT = "data/quantities/cqe-newsquant/formatted_test_set/NewsQuant.json"
SPECS = "data/quantities"

# Published NewsQuant figures (P / R / F1), from cqe-newsquant/evaluation_output/NewsQuant.csv.
PUBLISHED = {
    "CQE": {"value": (92.0, 91.9, 92.0), "value+unit": (85.6, 85.5, 85.6), "value+change": (88.2, 88.1, 88.1)},
    "quantulum3": {"value": (65.0, 83.3, 73.0), "value+unit": (42.1, 53.9, 47.2)},
    "Recognizers-Text": {"value": (59.7, 82.2, 69.1), "value+unit": (29.6, 40.7, 34.2)},
}
TARGETS = {"value": 93.0, "value+unit": 87.0, "value+change": 89.0}

NOT_NEWSQUANT = {"date", "time", "ordinal"}

CHANGE = {
    None: "=",
    "exactly": "=",
    "approximately": "~",
    "more_than": ">",
    "at_least": ">",
    "less_than": "<",
    "at_most": "<",
    "up_to": "<",
}

# quantulum3 unit names -> CQE names, as the paper's evaluation code maps them
# (its QuantulumTagger), lower case; others pass through.
Q3_UNITS = {
    "dimensionless": "-",
    "unk": "-",
    "per cent": "percentage",
    "dollar dollar": "dollar",
    "united states dollar": "dollar",
    "tonne": "metric ton",
    "degree angle": "degree",
    "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "percentage drop": "percentage",
    "second of arc": "second",
    "minute of arc": "minute",
    "yard yard": "yard",
    "cubic centimetre": "millilitre",
    "degree angle degree fahrenheit": "fahrenheit",
    "pound sterling year": "pound sterling per year",
    "per year per newton per day": "year",
}

# Money written in a minor unit: regex on the end of the mention text ->
# (factor back to the minor unit, CQE unit name).
MINOR = [
    (re.compile(r"(cents?|¢)$", re.I), 100.0, "cent"),
    (re.compile(r"sens?$", re.I), 100.0, "sen"),
    (re.compile(r"(pence|penny|pennies)$", re.I), 100.0, "penny"),
    (re.compile(r"\dp$|\d\s+p$"), 100.0, "point"),
]
# The rate words at the end of a price per unit (`63 cents per share`).
RATE = re.compile(r"\s+(per|a|an)\s+\S+$", re.I)
# Counted nouns CQE names otherwise: `3200 times` counts ("count").
COUNTED_NAMES = {"time": "count"}
AGE = re.compile(r"(year|month|week|day)s?[- ]old$", re.I)
OLD_AFTER = re.compile(r"[-\s]old\b", re.I)
# What copydesk's ages are written after (parse/ages.rs): `aged`, `age of`;
# and, with no year written, a name in apposition (`Maddon, `) or a person
# and a verb of age (`who was `).
AGED_BEFORE = re.compile(r"\b(?i:aged?|ages|age of)\s+$")
AGE_CUE = re.compile(r"(\b[A-Z][\w.'’-]*,|\b(?i:he|she|who) (?i:is|was|turned|turns|turning|will be))\s+$")
YEAR_WORD = re.compile(r"\b(years?|yrs?)\b", re.I)
IRREGULAR = {"people": "people", "men": "man", "women": "woman", "children": "child", "feet": "foot", "mice": "mouse", "teeth": "tooth"}


def load_units(path: Path = HERE / "cqe_units.tsv") -> dict[str, str]:
    units = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ours, cqe = line.split("\t")
            units[ours] = cqe.strip()
    return units


def singular(word: str) -> str:
    """English plural -> singular for counted nouns (CQE's units are lemmas)."""
    words = word.split()
    if not words:
        return word
    w = words[-1]
    if w in IRREGULAR:
        w = IRREGULAR[w]
    elif len(w) > 3 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("men"):
        w = w[:-3] + "man"  # fishermen
    elif len(w) > 3 and re.search(r"(ss|us|x|z|ch|sh)es$", w):
        w = w[:-2]  # boxes, viruses
    elif len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return " ".join(words[:-1] + [w])


# CQE's unit names drop function words and lemmatise (spaCy): `digital and
# physical sales` -> "digital physical sale", `best screens` -> "good screen".
NAME_STOP = {"a", "an", "the", "and", "or", "of", "in", "to"}
SUPERLATIVE_IRREGULAR = {"best": "good", "better": "good", "worst": "bad", "worse": "bad"}
NOT_SUPERLATIVE = {"interest", "forest", "harvest", "protest", "request", "contest", "honest", "modest",
                   "arrest", "manifest", "conquest", "suggest", "invest", "digest", "inquest", "earnest", "everest"}


def adjective_lemma(w: str) -> str:
    """`proudest` -> proud, `hottest` -> hot, `largest` -> large, `earliest` -> early."""
    if w in SUPERLATIVE_IRREGULAR:
        return SUPERLATIVE_IRREGULAR[w]
    if len(w) < 6 or not w.endswith("est") or w.endswith("west") or w in NOT_SUPERLATIVE:
        return w
    if w.endswith("iest"):
        return w[:-4] + "y"
    stem = w[:-3]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiousl":
        return stem[:-1]  # hottest, biggest
    vowels = "aeiou"
    silent_e = stem.endswith("rg") or (
        len(stem) > 2 and stem[-1] in "cdgnstvz" and stem[-2] in vowels and stem[-3] not in vowels
    )
    return stem + "e" if silent_e else stem  # largest, latest, finest


def cqe_name(phrase: str) -> str:
    words = [w for w in phrase.split() if w not in NAME_STOP]
    return " ".join([adjective_lemma(w) for w in words[:-1]] + words[-1:])


def counted_noun(q: Any, text: str) -> Optional[str]:
    c = getattr(q, "counted", None)
    if c is None:
        return None
    if not isinstance(c, str):
        start, end = getattr(c, "start", None), getattr(c, "end", None)
        c = text[start:end] if start is not None and end is not None else getattr(c, "text", None)
    # CQE's names drop the possessive (`Johnson's deputy` -> "johnson deputy").
    c = re.sub(r"['’]s\b", "", c or "")
    return c.strip().lower() if c.strip() else None


def to_item(q: Any, text: str, units: dict[str, str], stats: Counter) -> Item:
    value: Any = (q.value, q.high) if q.kind == "range" and q.high is not None else q.value
    # A unit named as a whole (`km/h`, `bbl/d`), else a rate by its parts: a
    # price per unit (`USD/bbl`, `USD/year`) is CQE's "dollar per barrel".
    base, per = (q.unit, "") if q.unit in units else (q.unit or "").partition("/")[::2]
    unit = units.get(base, base) if base else "-"
    # A count per unit of time (`3,000 tests per day`, unit `/day`) is named
    # by its noun: "test per day".
    if q.kind == "cardinal" or (q.kind == "range" and not q.unit) or (q.unit or "").startswith("/"):
        noun = counted_noun(q, text)
        if noun:
            unit = cqe_name(singular(noun))
            unit = COUNTED_NAMES.get(unit, unit)
            stats["counted noun as unit"] += 1
        if q.kind == "cardinal" and 0 < q.value < 1 and re.search(r"[A-Za-z]", q.text):
            unit = "% " + unit
            stats["fraction as %"] += 1
    m = AGE.search(q.text)
    if m is None and q.unit in ("year", "month", "week", "day") and OLD_AFTER.match(text, q.end):
        m = re.search(r"(year|month|week|day)", q.unit)
    # `aged 35`, `under the age of 5 years`, and a year copydesk reads as an
    # age where none is written (`Maddon, 66,`): CQE's "year of age".
    lo = max(0, q.start - 24)
    if m is None and q.unit == "year" and (AGED_BEFORE.search(text, lo, q.start) or (AGE_CUE.search(text, lo, q.start) and not YEAR_WORD.search(q.text))):
        m = re.search("(year)", q.unit)
    if m:
        unit = m.group(1).lower() + " of age"
        stats["age"] += 1
    if q.dimension == "currency":
        for rx, factor, name in MINOR:
            if rx.search(RATE.sub("", q.text)):
                value = tuple(v * factor for v in value) if isinstance(value, tuple) else value * factor
                unit = name
                stats[f"minor unit -> {name}"] += 1
                break
    if per:
        unit += " per " + units.get(per, per)
    # CQE's one change label: a bound first, then the direction (docstring).
    bound = CHANGE.get(q.modifier, "=")
    change = bound if bound != "=" else getattr(q, "change", None) or "="

    return Item(value, unit, change, q)


def gold_items(record: dict, average_ranges: bool = False) -> list[Item]:
    return [Item(S.cqe_gold_value(g["value"], average_ranges), g["normalized_unit"].lower(), g["change"], g) for g in record["quantities"]]


# --------------------------------------------------------------------------
# quantulum3 (in this interpreter, or in another one with --anchor-python)


def quantulum3_worker() -> None:
    """Read a JSON list of texts on stdin, print {"rows": [[value, unit name], ...]
    per text, "classifier": whether quantulum3's unit classifier can run}."""
    import warnings

    warnings.simplefilter("ignore")
    from quantulum3 import parser

    classifier = importlib.util.find_spec("sklearn") is not None

    out = []
    for text in json.load(sys.stdin):
        try:
            out.append([[q.value, q.unit.name] for q in parser.parse(text)])
        except Exception as e:  # quantulum3 raises on some inputs; count as nothing found
            out.append([["error", repr(e)]])
    json.dump({"rows": out, "classifier": classifier}, sys.stdout)


def run_quantulum3(texts: list[str], python: Optional[str]) -> Optional[tuple[list[list[tuple[float, str]]], str]]:
    """quantulum3's (value, unit name) per text, and its version (with a note
    when it runs without its unit classifier)."""
    try:
        import quantulum3  # noqa: F401

        py = sys.executable
    except ImportError:
        py = python
    if not py:
        print("quantulum3: not importable here and no --anchor-python; anchor skipped", file=sys.stderr)
        return None
    # quantulum3's output varies with string hashing (a prediction more or
    # less between runs): a fixed seed makes the anchor repeatable.
    env = dict(os.environ, PYTHONHASHSEED="0")
    r = subprocess.run([py, __file__, "--quantulum3-worker"], input=json.dumps(texts), capture_output=True, text=True, env=env)
    if r.returncode != 0:
        print(f"quantulum3 worker failed: {r.stderr[-2000:]}", file=sys.stderr)
        return None
    ver = subprocess.run([py, "-c", "import importlib.metadata as m; print(m.version('quantulum3'))"], capture_output=True, text=True).stdout.strip()
    out = json.loads(r.stdout)
    res = [[(v, u) for v, u in row if v != "error"] for row in out["rows"]]
    if not out["classifier"]:
        ver += " (no unit classifier: scikit-learn missing)"
    return res, ver


def q3_items(row: list[tuple[float, str]]) -> list[Item]:
    return [Item(float(v), Q3_UNITS.get(u.lower(), u.lower()).strip(), "=") for v, u in row]


# --------------------------------------------------------------------------
# reports


def fmt_prf(prf: tuple[float, float, float]) -> str:
    return "%.1f / %.1f / %.1f" % prf


def snippet(text: str, a: int, b: int, width: int = 60) -> str:
    left = max(0, a - width)
    return ("…" if left else "") + text[left:a] + "⟦" + text[a:b] + "⟧" + text[b : b + width] + ("…" if b + width < len(text) else "")


def gold_str(g: dict) -> str:
    return f"{g['value']} {g['unit']!r} ({g['normalized_unit']}, {g['change']})"


def newsquant_details(records: list[dict], preds: list[list[Item]]) -> dict[str, list[str]]:
    """False positives/negatives (one-to-one matching), unit and change mismatches."""
    fps, fns, unit_pairs, change_pairs = [], [], Counter(), Counter()
    unit_examples: dict[tuple[str, str], str] = {}
    for n, (rec, pred) in enumerate(zip(records, preds)):
        text = rec["text"]
        gold = gold_items(rec)
        pairs = S.one_to_one(gold, pred)
        mg = {g for g, _ in pairs}
        mp = {p for _, p in pairs}
        for pi, p in enumerate(pred):
            if pi not in mp:
                q = p.source
                fps.append((q.kind, f"[{n}] {q.kind:8} {p.value!s:>22} {p.unit:<18} {snippet(text, q.start, q.end)}"))
        ours = ", ".join(f"{p.source.text}={p.value}" for p in pred) or "–"
        for gi, g in enumerate(gold):
            if gi not in mg:
                fns.append((g.unit, f"[{n}] {gold_str(g.source):<50} ours: {ours} | {text[:200]}"))
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            if g.unit != p.unit:
                key = (f"{p.source.unit or '-'} -> {p.unit}", g.unit)
                unit_pairs[key] += 1
                unit_examples.setdefault(key, f"{p.source.text!r} in [{n}]")
            if g.change != p.change:
                change_pairs[(p.change, g.change)] += 1
    by_kind = Counter(k for k, _ in fps)
    by_unit = Counter(u for u, _ in fns)
    # order: the most frequent category first, corpus order within
    fps_sorted = [line for _, line in sorted(fps, key=lambda x: -by_kind[x[0]])]
    fns_sorted = [line for _, line in sorted(fns, key=lambda x: -by_unit[x[0]])]
    return {
        "fp_by_kind": [f"{k}: {c}" for k, c in by_kind.most_common()],
        "fn_by_unit": [f"{u}: {c}" for u, c in by_unit.most_common()],
        "fp": fps_sorted,
        "fn": fns_sorted,
        "unit": [f"{c:4}  ours {k[0]:<40} gold {k[1]:<28} e.g. {unit_examples[k]}" for k, c in unit_pairs.most_common()],
        "change": [f"{c:4}  ours {k[0]}  gold {k[1]}" for k, c in change_pairs.most_common()],
    }


def main() -> None:
    if "--quantulum3-worker" in sys.argv:
        quantulum3_worker()
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("COPYDESK_SHARED", "../shared")))
    ap.add_argument("--anchors", action="store_true", help="also run quantulum3 on NewsQuant")
    ap.add_argument("--anchor-python", default=os.environ.get("COPYDESK_ANCHOR_PYTHON"), help="interpreter with quantulum3, if this one has none")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the top mismatches and errors")
    ap.add_argument("--report", type=Path, help="write every false positive/negative, mismatch and spec failure here")
    ap.add_argument("--top", type=int, default=30, help="lines per list with -v (default 30)")
    a = ap.parse_args()

    import copydesk

    extract: Callable[[str], list] = copydesk.quantities
    units = load_units()
    report: list[str] = [f"copydesk {copydesk.__version__} ({Path(copydesk.__file__).parent})"]
    summary: list[tuple[str, str, str]] = []

    # ---------------------------------------------------------------- NewsQuant
    if not (a.shared / NEWSQUANT).is_file():
        sys.exit(f"{a.shared / NEWSQUANT} not found: --shared must point at the project's shared folder")
    records = json.loads((a.shared / NEWSQUANT).read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    stats: Counter = Counter()
    preds = [[to_item(q, r["text"], units, stats) for q in extract(r["text"]) if q.kind not in NOT_NEWSQUANT] for r in records]
    secs = time.perf_counter() - t0
    golds = [gold_items(r) for r in records]
    cqe = S.cqe_score(zip(golds, preds))
    strict = S.strict_score(zip(golds, preds))
    print(f"NewsQuant: {len(records)} sentences, {cqe.n_gold} gold quantities, {cqe.n_pred} copydesk predictions ({secs:.2f}s)")
    print(f"  value+unit mappings applied: {dict(stats) or 'none'}")
    print(f"  counted nouns: {'reported' if stats['counted noun as unit'] else 'none reported (no Quantity.counted here)'}")
    print("  P / R / F1              CQE protocol          one-to-one            target F1  CQE (published)")
    for what in ("value", "unit", "change"):
        name = "value" if what == "value" else f"value+{what}"
        print(f"  {name:<22}  {fmt_prf(cqe.prf(what)):<20}  {fmt_prf(strict.prf(what)):<20}  ≥ {TARGETS[name]:<7}  {fmt_prf(PUBLISHED['CQE'][name])}")
    for what in ("value", "unit", "change"):
        name = "value" if what == "value" else f"value+{what}"
        summary.append((f"NewsQuant {name} F1 (CQE protocol; one-to-one)", f"{cqe.prf(what)[2]:.1f} ({strict.prf(what)[2]:.1f})", f"target ≥ {TARGETS[name]:.0f}; CQE {PUBLISHED['CQE'][name][2]}"))

    details = newsquant_details(records, preds)

    if a.anchors:
        texts = [r["text"] for r in records]
        t0 = time.perf_counter()
        got = run_quantulum3(texts, a.anchor_python)
        if got is not None:
            rows, ver = got
            q3_preds = [q3_items(row) for row in rows]
            q3_gold = [gold_items(r, average_ranges=True) for r in records]
            q3 = S.cqe_score(zip(q3_gold, q3_preds))
            q3s = S.strict_score(zip(q3_gold, q3_preds))
            print(f"quantulum3 {ver} on NewsQuant ({time.perf_counter() - t0:.0f}s; ranges averaged as in the paper; {q3.n_pred} predictions):")
            for what in ("value", "unit"):
                name = "value" if what == "value" else "value+unit"
                print(f"  {name:<22}  {fmt_prf(q3.prf(what)):<20}  {fmt_prf(q3s.prf(what)):<20}  published {fmt_prf(PUBLISHED['quantulum3'][name])}")
                summary.append((f"quantulum3 {ver}: NewsQuant {name} F1 (CQE protocol; one-to-one)", f"{q3.prf(what)[2]:.1f} ({q3s.prf(what)[2]:.1f})", f"published {PUBLISHED['quantulum3'][name][2]}"))
    summary.append(("Recognizers-Text (published): NewsQuant value / value+unit F1", "69.1 / 34.2", "from the CQE paper"))

    # ---------------------------------------------------------------- specs
    root = a.shared / SPECS
    print(f"Recognizers-Text English specs ({root / S.RT}); cases marked NotSupported for {S.SKIP_PLATFORM} skipped")
    print(f"  {'model':<12} {'passed':>9} {'rate':>6}  {'+unit':>6}  {'python subset':>14}  skipped  gold dropped")
    spec_fail: list[str] = []
    for model, sc in S.score_rt(extract, root).items():
        pp, pt = sc.python_subset
        unit = f"{sc.unit_rate:.1f}" if sc.unit_rate is not None and model != "Duration" else "–"
        pys = f"{pp}/{pt}" if pt else "–"
        print(f"  {model:<12} {sc.passed:>4}/{sc.total:<4} {sc.rate:>6.1f}  {unit:>6}  {pys:>14}  {sc.skipped:>7}  {sc.dropped:>12}")
        summary.append((f"Recognizers-Text {model}: cases passed{' (with the unit)' if unit != '–' else ''}", f"{sc.passed}/{sc.total} = {sc.rate:.1f}%" + (f" ({unit}%)" if unit != "–" else ""), S.RT_FILES[model].split("/")[-1]))
        for r in sc.failures:
            spec_fail.append(f"RT {model}: {r.text!r} gold {r.gold} ours {r.ours}")
    ph = S.score_phone(extract, root)
    print(f"  PhoneNumber negatives: {ph.clean}/{ph.total} cases with no copydesk mention inside a phone number ({ph.skipped} dotnet-unsupported skipped)")
    summary.append(("Recognizers-Text PhoneNumber positives as negatives: cases clean", f"{ph.clean}/{ph.total} = {100 * ph.clean / ph.total:.1f}%", "no mention overlaps a phone number"))
    spec_fail += [f"Phone: {t!r} phone {p} ours {o}" for t, p, o in ph.dirty]

    q3t = S.score_quantulum3(extract, root)
    print(f"quantulum3 tests: {q3t.passed}/{q3t.cases} sentences pass, {q3t.found}/{q3t.items} quantities found ({q3t.dropped_years} year items dropped)")
    summary.append(("quantulum3 tests: sentences passed", f"{q3t.passed}/{q3t.cases} = {100 * q3t.passed / q3t.cases:.1f}%", f"quantities found {q3t.found}/{q3t.items} = {100 * q3t.found / q3t.items:.1f}%"))
    spec_fail += [f"quantulum3: {t!r} gold {g} ours {o}" for t, g, o in q3t.failures]

    dk = S.score_duckling(extract, root)
    per = ", ".join(f"{d} {p}/{t}" for d, (p, t) in dk.per_dim.items())
    print(f"Duckling: {dk.passed}/{dk.total} inputs pass ({per}); {dk.skipped_latent} latent skipped; negatives {dk.negatives[0]}/{dk.negatives[1]}")
    summary.append(("Duckling corpora: inputs passed", f"{dk.passed}/{dk.total} = {100 * dk.passed / dk.total:.1f}%", per))
    summary.append(("Duckling negatives", f"{dk.negatives[0]}/{dk.negatives[1]}", "no mention of the dimension"))
    spec_fail += [f"Duckling {d}: {t!r} expected {e} ours {o}" for d, t, e, o in dk.failures]

    # ---------------------------------------------------------------- details
    if a.verbose:
        for key, title in [
            ("unit", "top unit mismatches (value matched one-to-one; ours: copydesk unit -> mapped name)"),
            ("change", "change mismatches (ours, gold)"),
            ("fp_by_kind", "false positives by kind"),
            ("fp", "top value false positives (one-to-one; most frequent kind first)"),
            ("fn_by_unit", "false negatives by gold unit"),
            ("fn", "top value false negatives (one-to-one; most frequent gold unit first)"),
        ]:
            print(f"--- {title}")
            for line in details[key][: a.top]:
                print("  " + line)
    if a.report:
        with open(a.report, "w", encoding="utf-8") as f:
            f.write("\n".join(report) + "\n")
            for key in ("unit", "change", "fp_by_kind", "fp", "fn_by_unit", "fn"):
                f.write(f"\n=== NewsQuant {key} ({len(details[key])})\n")
                f.write("\n".join(details[key]) + "\n")
            f.write(f"\n=== spec failures ({len(spec_fail)})\n" + "\n".join(spec_fail) + "\n")
        print(f"details written to {a.report}", file=sys.stderr)

    print()
    print("| measure | copydesk | reference |")
    print("|---|---|---|")
    for m, v, ref in summary:
        print(f"| {m} | {v} | {ref} |")


if __name__ == "__main__":
    main()
