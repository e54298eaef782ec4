"""normalize: every canonical form from news sentences, the offset map, the
options and errors, and hypothesis properties (no error on any string, text
outside rewrites unchanged, a monotone map in bounds, values that survive the
rewrite)."""

from __future__ import annotations

import math
import pickle
import re

import cloudpickle
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import copydesk
from copydesk import CopydeskError


def check_map(n: copydesk.Normalized) -> None:
    """Rewrites ordered and in bounds, slices that match, the gaps between them
    identical in both texts, and `to_original` monotone and in bounds."""
    new = old = 0
    for r in n.rewrites:
        assert new <= r.start < r.end <= len(n.text) and old <= r.original_start < r.original_end <= len(n.original)
        assert n.text[r.start : r.end] == r.text and n.original[r.original_start : r.original_end] == r.original
        assert r.text != r.original and r.kind in copydesk.QUANTITY_KINDS
        assert n.text[new : r.start] == n.original[old : r.original_start]
        assert (n.to_original(r.start), n.to_original(r.end)) == (r.original_start, r.original_end)
        assert (n.to_new(r.original_start), n.to_new(r.original_end)) == (r.start, r.end)
        new, old = r.end, r.original_end
    assert n.text[new:] == n.original[old:]
    back = [n.to_original(o) for o in range(len(n.text) + 1)]
    assert back == sorted(back) and back[0] == 0 and back[-1] == len(n.original)
    forward = [n.to_new(o) for o in range(len(n.original) + 1)]
    assert forward == sorted(forward) and forward[-1] == len(n.text)


def test_reference_article(belarus_text):
    n = copydesk.normalize(belarus_text)
    assert [(r.original, r.text, r.kind) for r in n.rewrites] == [
        ("one", "1", "cardinal"),
        ("50 miles", "50 mi", "quantity"),
        ("70km", "70 km", "quantity"),
        ("1.2 million", "1200000", "cardinal"),
        ("two more years", "2 more years", "quantity"),
    ]
    assert "Speaking from around 50 mi (70 km) from the Belarusian border" in n.text
    assert "suffered around 1200000 casualties since Putin" in n.text
    # Not rewritten: already canonical, or a date (dates only on request).
    assert "this 12 months" in n.text and "invaded Ukraine in February 2022" in n.text
    check_map(n)
    si = copydesk.normalize(belarus_text, units="si")
    assert "around 80467.2 m (70000 m) from" in si.text
    check_map(si)


CASES = [
    # numbers: plain digits, no separators, no exponent, no `.0`
    ("Russia has suffered around 1.2 million casualties.", "Russia has suffered around 1200000 casualties."),
    ("Some twenty-five people were arrested.", "Some 25 people were arrested."),
    ("Half a million people fled.", "500000 people fled."),
    ("The army of 5,000 troops and 816 000 voters.", "The army of 5000 troops and 816000 voters."),
    ("The deal is worth £3bn.", "The deal is worth 3000000000 GBP."),
    ("a trillion dollars", "1000000000000 USD"),
    # ordinals
    ("in the twenty-first century, for the second time", "in the 21st century, for the 2nd time"),
    # units: canonical symbols, word units plural unless one, adjectives hyphenated
    ("around 50 miles (70km) from the border", "around 50 mi (70 km) from the border"),
    ("It fell to -5C overnight and 2.5kg of snow", "It fell to -5 °C overnight and 2.5 kg of snow"),
    ("after one year and 18 months", "after 1 year and 18 months"),
    ("at least two more years of stagnation", "at least 2 more years of stagnation"),
    ("a two-year contract for a 20-year-old striker", "a 2-year contract for a 20-year-old striker"),
    ("a five-mile walk at 120mph", "a 5 mi walk at 120 mph"),
    # money: amount and ISO code
    ("£3.5bn, $40, 50p, 19 cents and 1.5 million euros", "3500000000 GBP, 40 USD, 0.5 GBP, 0.19 USD and 1500000 EUR"),
    # percentages
    ("up 12 per cent, or 2 percentage points", "up 12%, or 2 pp"),
    # ranges: en dash, words kept after between/from, `to` with a negative end
    ("a range of 300-400 km", "a range of 300–400 km"),
    ("tickets cost $5-$10", "tickets cost 5–10 USD"),
    ("between 5 and 10 per cent of voters", "between 5 and 10% of voters"),
    ("from 10 to 15 years in prison", "from 10 to 15 years in prison"),
    ("a 10- to 15-year sentence", "a 10- to 15-year sentence"),
    ("from -18 °C to -34 °C", "from -18 to -34 °C"),
    # a unit elided in a comparison is written with the number that took it
    ("from about 14-18 mpg to 24 for SUVs", "from about 14–18 mpg to 24 mpg for SUVs"),
    ("The stock rose $5 to 105.", "The stock rose 5 USD to 105 USD."),
    ("The index rose 5% to 120.", "The index rose 5% to 120."),
    # modifiers are outside mentions and stay as written
    ("more than four years ago", "more than 4 years ago"),
]


@pytest.mark.parametrize("text,want", CASES)
def test_canonical_forms(text, want):
    n = copydesk.normalize(text)
    assert n.text == want
    check_map(n)


def test_si_units():
    n = copydesk.normalize("around 50 miles (70km), -5C, 6ft 2in, 300-400 km, £3bn, 12%", units="si")
    assert n.text == "around 80467.2 m (70000 m), 268.15 K, 1.8796 m, 300000–400000 m, 3000000000 GBP, 12%"
    check_map(n)


def test_dates_and_times_only_when_asked_for():
    text = "invaded in February 2022, at 2.15pm on 12 December 2025, in the ’90s"
    assert copydesk.normalize(text).text == text
    n = copydesk.normalize(text, kinds=copydesk.QUANTITY_KINDS)
    assert n.text == "invaded in 2022-02, at 14:15 on 2025-12-12, in the 1990s"
    assert [r.kind for r in n.rewrites] == ["date", "time", "date", "date"]
    check_map(n)


def test_kinds_choose_what_is_rewritten():
    text = "one man paid £3bn for 50 miles"
    assert copydesk.normalize(text, kinds=["money"]).text == "one man paid 3000000000 GBP for 50 miles"
    assert copydesk.normalize(text, kinds="money, quantity").text == "one man paid 3000000000 GBP for 50 mi"
    assert copydesk.normalize(text, kinds={"cardinal"}).text == "1 man paid £3bn for 50 miles"
    assert copydesk.normalize(text, kinds=[]).text == text
    with pytest.raises(CopydeskError, match="unknown quantity kind"):
        copydesk.normalize(text, kinds=["dates"])
    with pytest.raises(CopydeskError, match="units must be"):
        copydesk.normalize(text, units="imperial")


def test_code_point_offsets_and_the_map():
    text = "Ukraine’s 🇺🇦 army moved fifty miles; “£3bn” was spent."
    n = copydesk.normalize(text)
    assert n.text == "Ukraine’s 🇺🇦 army moved 50 mi; “3000000000 GBP” was spent."
    a, b = n.rewrites
    assert (a.original, a.original_start, a.text, a.start) == ("fifty miles", 24, "50 mi", 24)
    assert (b.original_start, b.start) == (text.index("£"), n.text.index("3000000000"))
    # Inside a rewrite: the start of what it replaced; after it: shifted.
    assert n.to_original(a.start + 2) == a.original_start
    assert n.to_original(a.end + 1) == a.original_end + 1
    assert n.to_new(a.original_start + 3) == a.start
    assert n.to_original(np.int64(3)) == 3 and type(n.to_original(np.int64(3))) is int
    for bad in (-1, len(n.text) + 1):
        with pytest.raises(IndexError):
            n.to_original(bad)
    with pytest.raises(IndexError):
        n.to_new(len(text) + 1)
    check_map(n)


def test_result_pickles_compares_and_serialises():
    n = copydesk.normalize("He ran 50 miles for £3bn.", kinds=["quantity", "money"])
    for dumps, loads in ((pickle.dumps, pickle.loads), (cloudpickle.dumps, cloudpickle.loads)):
        m = loads(dumps(n))
        assert m == n and m.to_original(len(m.text)) == len(n.original)
    assert n.to_dict() == {
        "text": "He ran 50 mi for 3000000000 GBP.",
        "rewrites": [
            {"start": 7, "end": 12, "original_start": 7, "original_end": 15, "kind": "quantity"},
            {"start": 17, "end": 31, "original_start": 20, "original_end": 24, "kind": "money"},
        ],
    }
    assert n.rewrites[0].to_dict()["original"] == "50 miles"


def test_surrogates():
    with pytest.raises(CopydeskError) as e:
        copydesk.normalize("x\ud800 5 miles")
    assert e.value.position == 1
    n = copydesk.normalize("x\ud800 5 miles", surrogates="replace")
    assert n.text == "x\ufffd 5 mi" and n.original == "x\ud800 5 miles"
    assert n.to_original(len(n.text)) == len(n.original)


# ---- properties ------------------------------------------------------------------

pieces = st.sampled_from(
    list("0123456789 .,-–/%$£€()'\"’\n")
    + ["one", "two", "twenty", "five", "hundred", "and", "half", "a", "million", "bn", "m", "k", "thousand"]
    + ["miles", "km", "years", "year", "-old", "more", "per cent", "between", "from", "to", "around", "°C"]
    + ["February", "2022", "12", "December", "2.15pm", "’90s", "second", "21st", "50p", "cents", "USD"]
    + ["🇺🇦", "é"]
)
news_text = st.lists(pieces, max_size=40).map(" ".join) | st.lists(pieces, max_size=40).map("".join)
options = st.sampled_from(
    [
        {},
        {"units": "si"},
        {"kinds": copydesk.QUANTITY_KINDS},
        {"units": "si", "kinds": copydesk.QUANTITY_KINDS},
        {"kinds": ["money", "range"]},
    ]
)
EXPONENT_OR_NAN = re.compile(r"\d[eE][-+]?\d|nan|NaN|inf")


@settings(max_examples=300, deadline=None)
@given(news_text | st.text(max_size=80), options)
def test_any_string_gives_a_consistent_map(text, opts):
    n = copydesk.normalize(text, surrogates="replace", **opts)
    assert n.original == text
    replaced = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    check_map(copydesk.Normalized(n.text, replaced, n.rewrites))
    for r in n.rewrites:
        assert not EXPONENT_OR_NAN.search(r.text), r


# Mentions as news writes them; each in its own sentence, so that a rewrite
# cannot join two of them.
@st.composite
def number(draw):
    n = draw(st.integers(min_value=1, max_value=999_999))
    forms = [str(n), f"{n:,}", f"{n / 100:g}", f"{n % 1000 / 10:g} million", f"{n % 100 / 10:g}bn"]
    return draw(st.sampled_from(forms))


UNITS = ["{}", "£{}", "${}", "{} euros", "{} per cent", "{} miles", "{}km", "{} years", "{} tonnes", "{} mph"]
RANGES = ["{}-{} km", "{} to {} people", "between {} and {} per cent", "from {} to {} years", "${}-${}", "{}–{}%"]


@st.composite
def mention(draw):
    if draw(st.booleans()):
        written = draw(st.sampled_from(UNITS)).format(draw(number()))
    else:
        ends = st.lists(st.integers(min_value=1, max_value=99_999), min_size=2, max_size=2, unique=True)
        low, high = sorted(draw(ends))
        written = draw(st.sampled_from(RANGES)).format(f"{low:,}", f"{high:,}")
    return draw(st.sampled_from(["", "around ", "more than ", "up to "])) + written


THE_WRITTEN = [
    "one",
    "twenty-five",
    "half a million",
    "two more years",
    "a two-year contract",
    "a 20-year-old man",
    "300-400 km",
    "$5-$10",
    "between 5 and 10 per cent",
    "from 10 to 15 years",
    "four to five thousand",
    "-5C",
    "6ft 2in",
    "19 cents",
    "50p",
    "the 21st century",
]
VALUE_KINDS = {"cardinal", "money", "percent", "quantity", "range"}


def values(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    return [(q.kind, q.value, q.high, q.unit) for q in copydesk.quantities(text) if q.kind in VALUE_KINDS]


def same(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b, rel_tol=1e-12))


@settings(max_examples=300, deadline=None)
@given(st.lists(mention() | st.sampled_from(THE_WRITTEN), min_size=1, max_size=5))
def test_values_survive_and_normalizing_again_changes_nothing(written):
    text = " ".join(f"Officials said {w} had been counted." for w in written)
    n = copydesk.normalize(text)
    before, after = values(text), values(n.text)
    assert len(before) == len(after), (text, n.text)
    for a, b in zip(before, after):
        assert a[0] == b[0] and same(a[1], b[1]) and same(a[2], b[2]) and a[3] == b[3], (text, n.text, a, b)
    again = copydesk.normalize(n.text)
    assert again.text == n.text and again.rewrites == ()
