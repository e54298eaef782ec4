"""Scoring copydesk's quantities against third-party test specs: the one place
the definitions live.

Used by `tests/test_quantity_specs.py` (on the copies in
`tests/data/quantities/`) and by `benches/quantities_eval.py` (which imports
this file by path and points it at the same files in the project's
`../shared/data/quantities/`; the folder layout below the root is the same in
both). Pure Python; the only dependency is an `extract(text)` callable that
returns copydesk `Quantity` objects (or anything with the same attributes).

What "pass" means, per source (every rule is applied the same way to every
case; nothing is tuned per case):

Recognizers-Text English specs (MIT, `recognizers-text-en/`)
    A case is skipped when its `NotSupported` or `NotSupportedByDesign` field
    names `dotnet`: the .NET implementation is the reference, and those are
    cases even it does not pass (aspirational or by-design misses). Cases
    marked only for python/javascript/java are kept (NumberRange and Ordinal
    are almost all marked unsupported for python: skipping those would leave
    nothing); the rate on the python-supported subset (what the CQE paper's
    Recognizers-Text run could have passed) is reported beside it.
    Gold results whose resolved value is null (a unit without a number, `the
    % of increase`, which copydesk does not report by design) are dropped.
    A case passes when the multiset of gold resolved values equals the
    multiset of the values copydesk reports for the mentions that model
    covers (`math.isclose`, rel 1e-6). Mentions of other kinds are ignored;
    an empty gold list is a negative case (no covered mention allowed).
    Covered mentions and values, per model:
    - Number: every mention with a number, whatever its unit (kinds cardinal,
      quantity, money, percent: `value`; range: `value` and `high`), as the
      Number model also finds the numbers inside amounts (`$10000 in 3 years`
      -> 10000, 3). Ordinals, dates and times are not Number results.
    - NumberRange: ranges as the interval (low, high), and single mentions
      with a bound modifier as one-sided intervals (`more_than`/`at_least` ->
      (v, None), `less_than`/`at_most`/`up_to` -> (None, v), `exactly` ->
      (v, v)). Bounds are compared as numbers, ordered; whether an end is open
      or closed (`(` vs `[`) is not compared (copydesk's modifiers say it,
      but the specs' conventions for `between` differ from news usage).
    - Ordinal: kind ordinal. Gold `ordinal.relative` results (`next`,
      `last`, `previous`: positions, not numbers) are dropped: copydesk's
      ordinals carry a number (DESIGN.md).
    - Percent: kind percent; a range with unit `%` gives both ends.
    - Currency: kind money; a range in dimension currency gives both ends.
      copydesk converts minor units to the major unit (`19 cents` -> 0.19
      USD, DESIGN.md), so gold amounts in Cent/Pence/Penny/Sen are divided by
      100 (Satoshi by 1e8) before comparing.
    - Dimension: quantities (and ranges) of every dimension except currency,
      ratio, temperature and duration (angles included: the Dimension model
      has Degree, Radian, Turn).
    - Temperature: dimension temperature, plus the bare degree `°`.
    - Age: dimension duration (`five years old` -> 5 year).
    - Duration (`DateTime/English/DurationParser.json`): dimension duration,
      compared in seconds with one table for both sides (`DURATION_SECONDS`:
      month = 30 days, year = 365 days, as the specs' own resolutions count);
      the gold is the Timex (`P3.5Y`, `PT1H30M`, `P1Y1M21D`).
    For Currency, Dimension, Temperature, Age and Duration a second, stricter
    figure also compares the unit (`RT_UNITS`: the spec's unit name -> the
    copydesk canonical units it may be; isoCurrency when the spec gives it).

PhoneNumber (`Sequence/English/PhoneNumberModel.json`) as negatives
    Every dotnet-supported case with at least one phone number. A case is
    clean when no copydesk mention (of any kind, dates included) overlaps a
    phone number's characters (`Start`/`End`, End inclusive; by `Text` found
    in the input where the offsets are missing).

quantulum3 tests (MIT, `quantulum3-tests/quantities.json` and
`quantities.ambiguity.json`)
    The gold counts years as dimensionless numbers (`in 1979` -> 1979), which
    copydesk reports as dates by design, so gold items that are dimensionless
    whole numbers from 1500 to 2199 are dropped; nothing else is (model
    numbers such as `Voyager 2` stay and count against us). quantulum3 gives
    a range as its mean (`3 to 4 L` -> 3.5), so a copydesk range is compared
    by (value + high) / 2. A gold item is found when a copydesk mention
    overlaps its `surface` (located with str.find, left to right) and has the
    gold value (rel 1e-6; gold amounts in cent/penny divided by 100, as
    copydesk converts minor units). A case passes when every gold item is
    found and every copydesk mention except dates, times and ordinals (which
    quantulum3 does not report, and copydesk reports as their own kinds)
    overlaps some gold surface (no extra mentions). Reported: cases passed,
    and items found.
    `errors.json`: strings that must not crash (tested, not scored).

Duckling English corpora (BSD, `duckling-en-corpus/duckling_en_corpus.json`)
    Each input is a whole string that must resolve to one entity. An input
    passes when copydesk returns exactly one mention and it equals the
    expected entity: same dimension class (`DUCKLING_UNITS`), same value (in
    SI for measures, so `0.002 kg` = `2 grams`; in the currency for money,
    minor units converted as above; in seconds for durations with the table
    above), and the same bound: `simple` = no bound modifier (approximately
    and exactly are fine), `under` = less_than/at_most/up_to, `above` =
    more_than/at_least, `between` = a range with those ends. `latentCorpus`
    examples (bare numbers that only resolve with Duckling's latent option,
    e.g. `about 5` as money) are skipped: copydesk never reads a bare number
    as a measure. Haskell escapes in the literals (`\\x20ac`) are decoded as
    four hex digits (`20\\x20ac` = `20€`, `\\x00a310` = `£10`). A negative
    passes when no mention of that dimension class is returned.

NewsQuant (the CQE paper's protocol) is scored by `cqe_score` below; the
NewsQuant data itself has no licence and is read only by the bench script.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

ROOT = Path(__file__).parent / "data" / "quantities"

Extract = Callable[[str], Sequence[Any]]

REL = 1e-6

# --------------------------------------------------------------------------
# shared helpers


def close(a: Optional[float], b: Optional[float], rel: float = REL) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)


def same_multiset(gold: Iterable[Any], ours: Iterable[Any], eq: Callable[[Any, Any], bool] | None = None) -> bool:
    """Multiset equality with tolerant comparison of numbers (one-to-one,
    greedy; the tolerance is far below any difference between two values of
    one case, so the order does not matter)."""
    eq = eq or items_equal
    left = list(ours)
    g = list(gold)
    if len(left) != len(g):
        return False
    for x in g:
        for i, y in enumerate(left):
            if eq(x, y):
                del left[i]
                break
        else:
            return False
    return True


def items_equal(x: Any, y: Any) -> bool:
    if isinstance(x, tuple) or isinstance(y, tuple):
        if not (isinstance(x, tuple) and isinstance(y, tuple)) or len(x) != len(y):
            return False
        return all(items_equal(a, b) for a, b in zip(x, y))
    if isinstance(x, (set, frozenset)):
        return y in x if x else True
    if isinstance(y, (set, frozenset)):
        return x in y if y else True
    if isinstance(x, str) or isinstance(y, str):
        return x == y
    return close(x, y)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def ends(q: Any) -> list[float]:
    """A mention's numbers: value, and high for a range."""
    out = [] if q.value is None else [q.value]
    if q.kind == "range" and q.high is not None:
        out.append(q.high)
    return out


# --------------------------------------------------------------------------
# Recognizers-Text

RT = "recognizers-text-en"

# model -> spec file below RT
RT_FILES = {
    "Number": "Number/English/NumberModel.json",
    "NumberRange": "Number/English/NumberRangeModel.json",
    "Ordinal": "Number/English/OrdinalModel.json",
    "Percent": "Number/English/PercentModel.json",
    "Currency": "NumberWithUnit/English/CurrencyModel.json",
    "Dimension": "NumberWithUnit/English/DimensionModel.json",
    "Age": "NumberWithUnit/English/AgeModel.json",
    "Temperature": "NumberWithUnit/English/TemperatureModel.json",
    "Duration": "DateTime/English/DurationParser.json",
}
RT_PHONE = "Sequence/English/PhoneNumberModel.json"
SKIP_PLATFORM = "dotnet"

MINOR_UNITS = {"cent": 100.0, "pence": 100.0, "penny": 100.0, "sen": 100.0, "satoshi": 1e8}

# The spec's unit name (lower case) -> copydesk canonical units it may be
# (an empty set: any unit of the model's kinds; a name missing here matches
# nothing, so the value+unit figure counts it as a miss).
RT_UNITS: dict[str, frozenset[str]] = {
    k: frozenset(v.split()) if v else frozenset()
    for k, v in {
        # Currency (isoCurrency wins when the spec gives it)
        "dollar": "USD",
        "united states dollar": "USD",
        "cent": "USD",
        "canadian dollar": "CAD",
        "australian dollar": "AUD",
        "new zealand dollar": "NZD",
        "hong kong dollar": "HKD",
        "pound": "GBP",
        "british pound": "GBP",
        "pence": "GBP",
        "penny": "GBP",
        "euro": "EUR",
        "japanese yen": "JPY",
        "chinese yuan": "CNY",
        "swiss franc": "CHF",
        "franc": "CHF FRF BEF XOF XAF",
        "finnish markka": "FIM",
        "peseta": "ESP",
        "netherlands guilder": "NLG",
        "costa rican colón": "CRC",
        "georgian lari": "GEL",
        "lao kip": "LAK",
        "sri lankan rupee": "LKR",
        "rupee": "INR PKR LKR NPR",
        "turkish lira": "TRY",
        "mexican peso": "MXN",
        "sen": "MYR",
        "bitcoin": "BTC",
        "satoshi": "BTC",
        # Dimension
        "pound#dimension": "lb",
        "milliliter": "mL",
        "inch": "in",
        "mile": "mi",
        "barrel": "bbl",
        "foot": "ft",
        "ounce": "oz",
        "acre": "acre",
        "gallon": "gal",
        "cubic foot": "ft³",
        "square meter": "m²",
        "ton": "ton",
        "metric ton": "t",
        "bit": "bit",
        "mile per hour": "mph",
        "meter": "m",
        "kilometer": "km",
        "millimeter": "mm",
        "square kilometer": "km²",
        "decimeter": "dm",
        "megabit": "Mbit",
        "megabyte": "MB",
        "picometer": "pm",
        "tablespoon": "tbsp",
        "cup": "cup",
        "teaspoon": "tsp",
        "kilometer per hour": "km/h",
        "dram": "dr",
        "kilogram": "kg",
        "microgram": "μg",
        "gram": "g",
        "degree": "°",
        "radian": "rad",
        "turn": "turn",
        # Temperature
        "c": "°C",
        "f": "°F",
        "k": "K",
        # Age
        "year": "year",
        "month": "month",
        "week": "week",
        "day": "day",
        "age": "year",
    }.items()
}

# Seconds per duration unit, one convention for both sides (the specs'
# resolutions count 365-day years: 3.5 years = 110376000 s).
DURATION_SECONDS = {
    "ns": 1e-9,
    "μs": 1e-6,
    "ms": 1e-3,
    "s": 1.0,
    "min": 60.0,
    "h": 3600.0,
    "day": 86400.0,
    "week": 7 * 86400.0,
    "fortnight": 14 * 86400.0,
    "month": 30 * 86400.0,
    "quarter": 90 * 86400.0,
    "year": 365 * 86400.0,
    "decade": 3650 * 86400.0,
    "century": 36500 * 86400.0,
    "millennium": 365000 * 86400.0,
}

NOT_DIMENSION = {"currency", "ratio", "temperature", "duration", None}


def load_json(path: Path) -> Any:
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)


def skipped(case: dict, platform: str = SKIP_PLATFORM) -> bool:
    marks = (case.get("NotSupported", "") + "," + case.get("NotSupportedByDesign", "")).lower()
    return platform in [m.strip() for m in marks.split(",")]


def _num(s: Any) -> Optional[float]:
    if s is None:
        return None
    try:
        return float(str(s).replace(",", "").rstrip("%"))
    except ValueError:
        return None


def parse_interval(s: str) -> Optional[tuple[Optional[float], Optional[float]]]:
    """`[20,30)` -> (20, 30); `(,40]` -> (None, 40)."""
    m = re.fullmatch(r"\s*[\[(]\s*([^,]*?)\s*,\s*([^,]*?)\s*[\])]\s*", s or "")
    if not m:
        return None
    return (_num(m.group(1)) if m.group(1) else None, _num(m.group(2)) if m.group(2) else None)


def timex_seconds(timex: str) -> Optional[float]:
    """`P1Y1M21D`, `PT1.5H`, `P1BD` (a business day, taken as a day) -> seconds."""
    m = re.fullmatch(r"P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)B?D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?", timex or "")
    if not m or not any(m.groups()):
        return None
    units = ["year", "month", "week", "day", "h", "min", "s"]
    return sum(float(v) * DURATION_SECONDS[u] for v, u in zip(m.groups(), units) if v)


def duration_seconds(q: Any, value: float) -> Optional[float]:
    f = DURATION_SECONDS.get(q.unit or "")
    return None if f is None else value * f


@dataclass
class CaseResult:
    text: str
    passed: bool
    gold: Any
    ours: Any
    passed_unit: Optional[bool] = None
    python_supported: bool = True


@dataclass
class ModelScore:
    name: str
    path: str
    results: list[CaseResult] = field(default_factory=list)
    skipped: int = 0
    dropped: int = 0  # gold results dropped (null values, relative ordinals)

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def rate(self) -> float:
        return 100.0 * self.passed / self.total if self.total else 0.0

    @property
    def unit_rate(self) -> Optional[float]:
        rs = [r.passed_unit for r in self.results if r.passed_unit is not None]
        return 100.0 * sum(rs) / len(rs) if rs else None

    @property
    def python_subset(self) -> tuple[int, int]:
        rs = [r for r in self.results if r.python_supported]
        return sum(r.passed for r in rs), len(rs)

    @property
    def failures(self) -> list[CaseResult]:
        return [r for r in self.results if not r.passed]


def _gold_unit(model: str, res: dict) -> frozenset[str] | None:
    """The copydesk units a spec result's unit may be; None when unknown."""
    if res.get("isoCurrency"):
        return frozenset([res["isoCurrency"]])
    u = (res.get("unit") or "").strip().lower()
    if model == "Dimension" and u == "pound":
        u = "pound#dimension"
    return RT_UNITS.get(u)


def rt_gold(model: str, case: dict) -> tuple[list[Any], list[Any], int]:
    """(gold values, gold (value, units) pairs or [], dropped results)."""
    values: list[Any] = []
    pairs: list[Any] = []
    dropped = 0
    for r in case.get("Results") or []:
        if model == "Duration":
            s = timex_seconds(((r.get("Value") or {}).get("Timex")) or "")
            if s is None:
                dropped += 1
                continue
            values.append(s)
            continue
        res = r.get("Resolution") or {}
        if model == "Ordinal" and r.get("TypeName") != "ordinal":
            dropped += 1
            continue
        if model == "NumberRange":
            iv = parse_interval(res.get("value", ""))
            if iv is None:
                dropped += 1
                continue
            values.append(iv)
            continue
        v = _num(res.get("value"))
        if v is None:
            dropped += 1
            continue
        unit = (res.get("unit") or "").strip().lower()
        if model == "Currency" and unit in MINOR_UNITS:
            v /= MINOR_UNITS[unit]
        values.append(v)
        if model in ("Currency", "Dimension", "Temperature", "Age"):
            us = _gold_unit(model, res)
            pairs.append((v, us if us is not None else frozenset(["?" + unit])))
    return values, pairs, dropped


def rt_ours(model: str, qs: Sequence[Any]) -> tuple[list[Any], list[Any]]:
    """(our values, our (value, unit) pairs) for the mentions the model covers."""
    values: list[Any] = []
    pairs: list[Any] = []
    for q in qs:
        k, dim = q.kind, q.dimension
        if model == "Number":
            if k in ("cardinal", "quantity", "money", "percent", "range"):
                values += ends(q)
        elif model == "NumberRange":
            if q.value is None:
                continue
            if k == "range" and q.high is not None:
                lo, hi = sorted((q.value, q.high))
                values.append((lo, hi))
            elif q.modifier in ("more_than", "at_least"):
                values.append((q.value, None))
            elif q.modifier in ("less_than", "at_most", "up_to"):
                values.append((None, q.value))
            elif q.modifier == "exactly":
                values.append((q.value, q.value))
        elif model == "Ordinal":
            if k == "ordinal" and q.value is not None:
                values.append(q.value)
        elif model == "Percent":
            if k == "percent" or (k == "range" and q.unit == "%"):
                values += ends(q)
        elif model == "Duration":
            if k in ("quantity", "range") and dim == "duration":
                for v in ends(q):
                    s = duration_seconds(q, v)
                    values.append(s if s is not None else float("nan"))
        else:
            covered = {
                "Currency": k == "money" or (k == "range" and dim == "currency"),
                "Dimension": k in ("quantity", "range") and dim not in NOT_DIMENSION,
                "Temperature": k in ("quantity", "range") and (dim == "temperature" or q.unit == "°"),
                "Age": k in ("quantity", "range") and dim == "duration",
            }[model]
            if covered:
                for v in ends(q):
                    values.append(v)
                    pairs.append((v, spec_unit(q)))
    return values, pairs


def spec_unit(q: Any) -> str | None:
    """The unit a spec compares: the currency of a price per unit (`USD/bbl`
    -> `USD`), since the specs' money models give no rates."""
    if q.dimension == "currency" and q.unit and "/" in q.unit:
        return q.unit.split("/", 1)[0]
    return q.unit


def _pair_eq(g: Any, o: Any) -> bool:
    (gv, gu), (ov, ou) = g, o
    return close(gv, ov) and (not gu or ou in gu)


def score_rt_model(model: str, extract: Extract, root: Path = ROOT) -> ModelScore:
    rel = RT_FILES[model]
    score = ModelScore(model, f"{RT}/{rel}")
    for case in load_json(root / RT / rel):
        if skipped(case):
            score.skipped += 1
            continue
        gold, gold_pairs, dropped = rt_gold(model, case)
        score.dropped += dropped
        ours, our_pairs = rt_ours(model, extract(case["Input"]))
        ok = same_multiset(gold, ours)
        ok_unit = None
        if model in ("Currency", "Dimension", "Temperature", "Age"):
            ok_unit = ok and len(gold_pairs) == len(our_pairs) and _pairs_match(gold_pairs, our_pairs)
        elif model == "Duration":
            ok_unit = ok  # seconds already carry the unit
        score.results.append(CaseResult(case["Input"], ok, gold, ours, ok_unit, not skipped(case, "python")))
    return score


def _pairs_match(gold: list[Any], ours: list[Any]) -> bool:
    left = list(ours)
    for g in sorted(gold, key=lambda p: p[0]):
        for i, o in enumerate(left):
            if _pair_eq(g, o):
                del left[i]
                break
        else:
            return False
    return not left


def score_rt(extract: Extract, root: Path = ROOT, models: Iterable[str] = RT_FILES) -> dict[str, ModelScore]:
    return {m: score_rt_model(m, extract, root) for m in models}


@dataclass
class PhoneScore:
    clean: int
    total: int
    skipped: int
    dirty: list[tuple[str, list[str], list[str]]]  # (input, phone numbers, our mentions in them)


def phone_spans(case: dict) -> list[tuple[int, int]]:
    text = case["Input"]
    spans = []
    for r in case.get("Results") or []:
        if "Start" in r and "End" in r:
            spans.append((r["Start"], r["End"] + 1))  # End is inclusive
            continue
        t, i = r.get("Text") or "", 0
        while t and (i := text.find(t, i)) >= 0:
            spans.append((i, i + len(t)))
            i += len(t)
    return spans


def score_phone(extract: Extract, root: Path = ROOT) -> PhoneScore:
    clean = total = skip = 0
    dirty = []
    for case in load_json(root / RT / RT_PHONE):
        if not case.get("Results"):
            continue
        if skipped(case):
            skip += 1
            continue
        total += 1
        spans = phone_spans(case)
        hits = [q for q in extract(case["Input"]) if any(overlaps((q.start, q.end), s) for s in spans)]
        if hits:
            dirty.append((case["Input"], [case["Input"][a:b] for a, b in spans], [f"{q.text} ({q.kind})" for q in hits]))
        else:
            clean += 1
    return PhoneScore(clean, total, skip, dirty)


# --------------------------------------------------------------------------
# quantulum3 tests

Q3 = "quantulum3-tests"
Q3_FILES = ["quantities.json", "quantities.ambiguity.json"]
Q3_MINOR_UNITS = {"cent": 100.0, "penny": 100.0}


def _is_year(item: dict) -> bool:
    v = item.get("value")
    return (
        item.get("unit") == "dimensionless"
        and isinstance(v, (int, float))
        and float(v).is_integer()
        and 1500 <= v <= 2199
        and re.fullmatch(r"\d{4}", item.get("surface", "").strip()) is not None
    )


def mention_number(q: Any) -> Optional[float]:
    """A mention as one number: a range by its mean (as quantulum3 reports it)."""
    if q.value is None:
        return None
    if q.kind == "range" and q.high is not None:
        return (q.value + q.high) / 2
    return q.value


@dataclass
class Q3Score:
    cases: int
    passed: int
    items: int
    found: int
    dropped_years: int
    failures: list[tuple[str, list, list]]


def score_quantulum3(extract: Extract, root: Path = ROOT) -> Q3Score:
    cases = passed = items = found = years = 0
    failures = []
    for name in Q3_FILES:
        for case in load_json(root / Q3 / name):
            text = case["req"]
            qs = list(extract(text))
            gold = []
            pos = 0
            for item in case["res"]:
                s = item["surface"]
                i = text.find(s, pos)
                if i < 0:
                    i = text.find(s)
                span = (i, i + len(s)) if i >= 0 else (0, 0)
                if i >= 0:
                    pos = i + len(s)
                if _is_year(item):
                    years += 1
                    continue
                v = float(item["value"]) / Q3_MINOR_UNITS.get(item.get("unit", ""), 1.0)
                gold.append((span, v, item))
            ok_items = 0
            used: set[int] = set()
            for span, v, _ in gold:
                for j, q in enumerate(qs):
                    if j in used or not overlaps((q.start, q.end), span):
                        continue
                    n = mention_number(q)
                    if n is not None and close(n, v):
                        used.add(j)
                        ok_items += 1
                        break
            extra = [q for q in qs if q.kind not in ("date", "time", "ordinal") and not any(overlaps((q.start, q.end), s) for s, _, _ in gold)]
            ok = ok_items == len(gold) and not extra
            cases += 1
            passed += ok
            items += len(gold)
            found += ok_items
            if not ok:
                failures.append((text, [(g["surface"], g["value"], g["unit"]) for _, _, g in gold], [(q.text, q.kind, mention_number(q), q.unit) for q in qs]))
    return Q3Score(cases, passed, items, found, years, failures)


# --------------------------------------------------------------------------
# Duckling

DUCKLING = "duckling-en-corpus/duckling_en_corpus.json"

# Duckling unit -> (class, factor, accepted copydesk units or None for any).
# class: "measure" compares si_value (factor: SI per Duckling unit), "temp"
# and "money" compare the value in the unit (factor: major per Duckling unit),
# "duration" seconds. "M" is Duckling's ambiguous `m` (metre or mile); the
# copydesk reading `metre` is accepted.
DUCKLING_UNITS: dict[str, tuple[str, float, Optional[frozenset[str]]]] = {
    "Gram": ("measure", 1e-3, None),
    "Pound": ("measure", 0.45359237, None),
    "Ounce": ("measure", 0.028349523125, None),
    "Cup": ("measure", 2.365882365e-4, None),
    "Kilometre": ("measure", 1000.0, None),
    "Mile": ("measure", 1609.344, None),
    "M": ("measure", 1.0, None),
    "Metre": ("measure", 1.0, None),
    "Centimetre": ("measure", 0.01, None),
    "Millimetre": ("measure", 0.001, None),
    "Inch": ("measure", 0.0254, None),
    "Foot": ("measure", 0.3048, None),
    "Yard": ("measure", 0.9144, None),
    "Litre": ("measure", 1e-3, None),
    "Millilitre": ("measure", 1e-6, None),
    "Hectolitre": ("measure", 0.1, None),
    "Gallon": ("measure", 3.785411784e-3, None),
    "Celsius": ("temp", 1.0, frozenset(["°C"])),
    "Fahrenheit": ("temp", 1.0, frozenset(["°F"])),
    "Degree": ("temp", 1.0, frozenset(["°"])),
    "Dollar": ("money", 1.0, frozenset(["USD"])),
    "USD": ("money", 1.0, frozenset(["USD"])),
    "Cent": ("money", 0.01, frozenset(["USD"])),
    "EUR": ("money", 1.0, frozenset(["EUR"])),
    "GBP": ("money", 1.0, frozenset(["GBP"])),
    "Pound$": ("money", 1.0, frozenset(["GBP"])),
    "INR": ("money", 1.0, frozenset(["INR"])),
    "CAD": ("money", 1.0, frozenset(["CAD"])),
    "CHF": ("money", 1.0, frozenset(["CHF"])),
    "CNY": ("money", 1.0, frozenset(["CNY"])),
    "KWD": ("money", 1.0, frozenset(["KWD"])),
    "LBP": ("money", 1.0, frozenset(["LBP"])),
    "EGP": ("money", 1.0, frozenset(["EGP"])),
    "QAR": ("money", 1.0, frozenset(["QAR"])),
    "SAR": ("money", 1.0, frozenset(["SAR"])),
    "BGN": ("money", 1.0, frozenset(["BGN"])),
    "MYR": ("money", 1.0, frozenset(["MYR"])),
    "ILS": ("money", 1.0, frozenset(["ILS"])),
    "MNT": ("money", 1.0, frozenset(["MNT"])),
    "UAH": ("money", 1.0, frozenset(["UAH"])),
    "Unnamed": ("money", 1.0, None),
    "Dinar": ("money", 1.0, frozenset("KWD BHD JOD IQD LYD TND DZD RSD MKD".split())),
    "Riyal": ("money", 1.0, frozenset("SAR QAR OMR YER".split())),
    "Rial": ("money", 1.0, frozenset("IRR OMR YER".split())),
    "Second": ("duration", 1.0, None),
    "Minute": ("duration", 60.0, None),
    "Hour": ("duration", 3600.0, None),
    "Day": ("duration", 86400.0, None),
    "Week": ("duration", 7 * 86400.0, None),
    "Month": ("duration", 30 * 86400.0, None),
    "Quarter": ("duration", 90 * 86400.0, None),
    "Year": ("duration", 365 * 86400.0, None),
}

# Duckling dimension -> the class its negatives must not yield.
DUCKLING_NEG_CLASS = {"AmountOfMoney": "money", "Duration": "duration"}


@dataclass
class DucklingExpected:
    cls: str  # number, ordinal, measure, temp, money, duration
    bound: str  # simple, under, above, between
    values: tuple[float, ...]  # in SI / major unit / seconds
    units: Optional[frozenset[str]]


def parse_duckling(dim: str, expr: str) -> Optional[DucklingExpected]:
    def num(s: str) -> float:
        return float(s.strip().strip("()"))

    if m := re.fullmatch(r"NumeralValue \(?(-?[\d.e]+)\)?", expr):
        return DucklingExpected("number", "simple", (num(m.group(1)),), None)
    if m := re.fullmatch(r"OrdinalData (\d+)", expr):
        return DucklingExpected("ordinal", "simple", (num(m.group(1)),), None)
    if m := re.fullmatch(r"DurationData (\d+) (\w+)", expr):
        cls, f, _ = DUCKLING_UNITS[m.group(2)]
        return DucklingExpected(cls, "simple", (num(m.group(1)) * f,), None)
    m = re.fullmatch(r"(simple|under|above|between) (\w+) (\([^)]*\)|\S+)(?: .*)?", expr)
    if not m:
        return None
    bound, unit, val = m.groups()
    if unit == "Pound" and dim == "AmountOfMoney":
        unit = "Pound$"
    if unit == "Unnamed" and dim != "AmountOfMoney":
        return None
    cls, f, units = DUCKLING_UNITS[unit]
    vals = tuple(num(v) * f for v in val.strip("()").split(","))
    return DucklingExpected(cls, bound, vals, units)


def decode_haskell(s: str) -> str:
    return re.sub(r"\\x([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)


def _mention_class(q: Any) -> str:
    if q.kind == "ordinal":
        return "ordinal"
    if q.kind == "cardinal":
        return "number"
    if q.dimension == "currency":
        return "money"
    if q.dimension == "duration":
        return "duration"
    if q.dimension == "temperature" or q.unit == "°":
        return "temp"
    if q.kind in ("quantity", "range") and q.si_value is not None:
        return "measure"
    return q.kind


def _mention_numbers(q: Any, cls: str) -> list[float]:
    raw = ends(q)
    if cls == "measure":
        if q.kind == "range" and q.value:
            f = (q.si_value or 0.0) / q.value
            return [v * f for v in raw]
        return [q.si_value] if q.si_value is not None else []
    if cls == "duration":
        return [duration_seconds(q, v) or float("nan") for v in raw]
    return raw


def duckling_match(exp: DucklingExpected, q: Any) -> bool:
    if _mention_class(q) != exp.cls:
        return False
    if exp.units is not None and spec_unit(q) not in exp.units:
        return False
    nums = _mention_numbers(q, exp.cls)
    lower = ("less_than", "at_most", "up_to")
    upper = ("more_than", "at_least")
    if exp.bound == "between":
        return q.kind == "range" and len(nums) == 2 and all(close(a, b, 1e-4) for a, b in zip(sorted(nums), sorted(exp.values)))
    if q.kind == "range" or len(nums) != 1 or not close(nums[0], exp.values[0], 1e-4):
        return False
    if exp.bound == "under":
        return q.modifier in lower
    if exp.bound == "above":
        return q.modifier in upper
    return q.modifier not in lower + upper


@dataclass
class DucklingScore:
    per_dim: dict[str, tuple[int, int]]  # dim -> (passed, total)
    skipped_latent: int
    negatives: tuple[int, int]
    failures: list[tuple[str, str, str, list]]

    @property
    def passed(self) -> int:
        return sum(p for p, _ in self.per_dim.values())

    @property
    def total(self) -> int:
        return sum(t for _, t in self.per_dim.values())


def score_duckling(extract: Extract, root: Path = ROOT) -> DucklingScore:
    data = load_json(root / DUCKLING)
    per_dim: dict[str, tuple[int, int]] = {}
    latent = 0
    neg_ok = neg_total = 0
    failures = []
    for dim, block in data["dimensions"].items():
        p = t = 0
        for ex in block["examples"]:
            if ex["section"] != "allExamples":
                latent += len(ex["inputs"])
                continue
            exp = parse_duckling(dim, ex["expected"])
            if exp is None:
                raise ValueError(f"unparsed Duckling expression: {ex['expected']!r}")
            for raw in ex["inputs"]:
                text = decode_haskell(raw)
                qs = list(extract(text))
                ok = len(qs) == 1 and duckling_match(exp, qs[0])
                t += 1
                p += ok
                if not ok:
                    failures.append((dim, text, ex["expected"], [(q.text, q.kind, q.value, q.high, q.unit, q.modifier) for q in qs]))
        per_dim[dim] = (p, t)
        cls = DUCKLING_NEG_CLASS.get(dim)
        for raw in block.get("negative", []):
            neg_total += 1
            qs = list(extract(decode_haskell(raw)))
            if cls is None or not any(_mention_class(q) == cls for q in qs):
                neg_ok += 1
            else:
                failures.append((dim, raw, "negative", [(q.text, q.kind, q.value, q.high, q.unit, q.modifier) for q in qs]))
    return DucklingScore(per_dim, latent, (neg_ok, neg_total), failures)


# --------------------------------------------------------------------------
# The CQE paper's protocol (NewsQuant)


@dataclass
class Item:
    """One quantity as the CQE scorer sees it: value (a float, or a
    (low, high) tuple for a range), CQE unit name, change (= ~ > < up down)."""

    value: Any
    unit: str = "-"
    change: str = "="
    source: Any = None  # the Quantity or gold record, for reports


def cqe_values_match(a: Any, b: Any) -> bool:
    """np.isclose(rtol=1e-05, atol=1e-08) on numbers; tuples end by end, in order."""
    if isinstance(a, tuple) != isinstance(b, tuple):
        return False
    if isinstance(a, tuple):
        return all(abs(x - y) <= 1e-08 + 1e-05 * abs(y) for x, y in zip(a, b))
    return abs(a - b) <= 1e-08 + 1e-05 * abs(b)


@dataclass
class CQECounts:
    n_gold: int = 0
    n_pred: int = 0
    value: int = 0
    unit: int = 0
    change: int = 0

    def prf(self, what: str) -> tuple[float, float, float]:
        tp = getattr(self, what)
        p = tp / self.n_pred if self.n_pred else 0.0
        r = tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


def cqe_score(sentences: Iterable[tuple[Sequence[Item], Sequence[Item]]]) -> CQECounts:
    """Counts as the paper's scorer counts them (CQE_Evaluation,
    evaluate_models.py, `calculate_metrics`), re-implemented from its
    description: per sentence, gold and predictions sorted by unit name; for
    each gold quantity the predictions are scanned in order; every prediction
    whose value matches adds a value match (at most as many per sentence as
    there are gold quantities) and, if its change equals the gold's, a change
    match; the first one whose unit also matches adds a unit match, is
    removed from the predictions and ends the scan. So a prediction is only
    used up by a unit match: one prediction with the right value and a wrong
    unit can match several gold quantities."""
    c = CQECounts()
    for gold, pred in sentences:
        c.n_gold += len(gold)
        c.n_pred += len(pred)
        tags = sorted(pred, key=lambda t: t.unit)
        budget = len(gold)
        for g in sorted(gold, key=lambda t: t.unit):
            for t in list(tags):
                if not cqe_values_match(g.value, t.value):
                    continue
                if budget > 0:
                    c.value += 1
                    budget -= 1
                if t.change == g.change:
                    c.change += 1
                if t.unit == g.unit:
                    c.unit += 1
                    tags.remove(t)
                    break
    return c


def one_to_one(gold: Sequence[Item], pred: Sequence[Item]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching on values (gold in order; among the free
    predictions with a matching value, one with the same unit first, then the
    earliest). Returns (gold index, prediction index) pairs."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        cands = [pi for pi, p in enumerate(pred) if pi not in used and cqe_values_match(g.value, p.value)]
        if not cands:
            continue
        best = next((pi for pi in cands if pred[pi].unit == g.unit), cands[0])
        used.add(best)
        pairs.append((gi, best))
    return pairs


def strict_score(sentences: Iterable[tuple[Sequence[Item], Sequence[Item]]]) -> CQECounts:
    """The same three figures with every prediction used at most once."""
    c = CQECounts()
    for gold, pred in sentences:
        c.n_gold += len(gold)
        c.n_pred += len(pred)
        for gi, pi in one_to_one(gold, pred):
            c.value += 1
            c.unit += gold[gi].unit == pred[pi].unit
            c.change += gold[gi].change == pred[pi].change
    return c


def cqe_gold_value(v: str, average_ranges: bool = False) -> Any:
    """A NewsQuant gold value as the paper decodes it: `10-20` is a range
    (unless it starts with `-` or has an exponent `E`), else a float."""
    if "E" not in v and not v.startswith("-") and "-" in v:
        a, b = v.split("-")[:2]
        lo, hi = float(a), float(b)
        return (lo + hi) / 2 if average_ranges else (lo, hi)
    return float(v)
