"""Quantities: the reference article field by field, the API, and round trips."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

import copydesk
from conftest import read_jsonl

FIELDS = ["kind", "value", "high", "unit", "dimension", "si_value", "si_unit", "modifier", "iso"]


def test_reference_article_every_field(data_dir, belarus_text):
    gold = read_jsonl(data_dir / "belarus-metro.gold.jsonl")[0]["quantities"]
    found = copydesk.quantities(belarus_text)
    assert [(q.start, q.end) for q in found] == [(g["start"], g["end"]) for g in gold]
    for q, g in zip(found, gold):
        d = q.to_dict()
        assert d["text"] == g["text"]
        for f in FIELDS:
            if f in g:
                want, got = g[f], d[f]
                if isinstance(want, (int, float)) and want is not None:
                    assert got is not None and math.isclose(got, want, rel_tol=1e-6), (g["text"], f, got)
                else:
                    assert got == want, (g["text"], f, got)


def test_api_and_layers():
    text = "Prices rose 12% to £3.5bn between 2012 and 2014, about 40 miles away."
    qs = copydesk.quantities(text)
    by_text = {q.text: q for q in qs}
    assert by_text["12%"].kind == "percent" and by_text["12%"].unit == "%"
    assert by_text["£3.5bn"].value == 3.5e9 and by_text["£3.5bn"].unit == "GBP"
    assert by_text["40 miles"].modifier == "approximately"
    for q in qs:
        assert text[q.start : q.end] == q.text
    assert copydesk.analyze(text).to_dict()["quantities"] == [q.to_dict() for q in qs]


def test_not_quantities():
    for text in ["the Iskander-M missile", "an F-35 jet", "the G7 summit", "Windows 11", "they won 3-1"]:
        assert [q.text for q in copydesk.quantities(text) if q.kind != "date"] == [], text


def words(n: int) -> str:
    ones = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    tens = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
    if n < 20:
        return ones[n]
    if n < 100:
        return tens[n // 10] + ("" if n % 10 == 0 else "-" + ones[n % 10])
    if n < 1000:
        rest = n % 100
        return ones[n // 100] + " hundred" + ("" if rest == 0 else " and " + words(rest))
    rest = n % 1000
    return words(n // 1000) + " thousand" + ("" if rest == 0 else (" and " if rest < 100 else " ") + words(rest))


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(["digits", "separators", "words", "million"]))
def test_numbers_round_trip(n, style):
    if style == "digits":
        written, value = str(n), n
    elif style == "separators":
        written, value = f"{n:,}", n
    elif style == "words":
        written, value = words(n), n
    else:
        written, value = f"{n / 1000:g} million", n * 1000
    text = f"They counted {written} sheep."
    qs = [q for q in copydesk.quantities(text) if q.text == written]
    assert len(qs) == 1, (text, copydesk.quantities(text))
    assert math.isclose(qs[0].value, value, rel_tol=1e-9)
    assert qs[0].counted is not None and qs[0].counted.text == "sheep"


def test_direction_of_change_and_rates():
    text = "Shares fell 4.3% to $12.50, crude rose 19 cents to $58.24 per barrel."
    got = {q.text: q for q in copydesk.quantities(text)}
    assert got["4.3%"].change == "down" and got["$12.50"].change is None
    assert got["19 cents"].change == "up" and math.isclose(got["19 cents"].value, 0.19)
    assert got["$58.24 per barrel"].unit == "USD/bbl" and got["$58.24 per barrel"].dimension == "currency"
    assert copydesk.analyze(text).to_dict()["quantities"][0]["change"] == "down"
    # Any amount per unit of time is a rate, with its SI value per second.
    week = copydesk.quantities("She works 40 hours a week.")[0]
    assert (week.text, week.unit, week.dimension, week.si_unit) == ("40 hours a week", "h/week", "duration/duration", "s/s")
    assert math.isclose(week.si_value, 40 / 168)
    # Both sums of a bracketed restatement take the rate; `made up` is no change.
    assert [q.unit for q in copydesk.quantities("C$6 (US$4.46) per share")] == ["CAD/share", "USD/share"]
    assert copydesk.quantities("Women made up 40% of staff.")[0].change is None


def test_what_a_count_counts():
    text = "About 1.2m people live there; 460 Kia and Hyundai vehicles, one of the students and 1000 came."
    got = {q.text: q.counted for q in copydesk.quantities(text)}
    assert got["1.2m"].text == "people" and text[got["1.2m"].start : got["1.2m"].end] == "people"
    assert got["one"].text == "students"
    assert got["460"].text == "Kia and Hyundai vehicles"  # words joined by `and` share the noun
    assert got["1000"] is None
    d = copydesk.analyze(text).to_dict()["quantities"][0]
    assert d["counted"] == {"start": got["1.2m"].start, "end": got["1.2m"].end}


def read(text: str) -> list[tuple[str, str, float | None, str | None, str | None]]:
    """Each mention as (text, kind, value, unit, counted text)."""
    return [(q.text, q.kind, q.value, q.unit, q.counted.text if q.counted else None) for q in copydesk.quantities(text)]


def test_a_hyphen_compound_counts_its_word():
    for text, number, value, noun in [
        ("a 12-page report", "12", 12, "page"),
        ("a 3-cylinder engine", "3", 3, "cylinder"),
        ("a 10-point lead", "10", 10, "point"),
        ("a four-cylinder engine", "four", 4, "cylinder"),
        ("a four-door car", "four", 4, "door"),
        ("a five-star hotel", "five", 5, "star"),
        ("a three-point shot", "three", 3, "point"),
    ]:
        assert read(text) == [(number, "cardinal", value, None, noun)], text
    text = "a 12-page report"
    (q,) = copydesk.quantities(text)
    assert text[q.counted.start : q.counted.end] == "page"
    assert copydesk.analyze(text).to_dict()["quantities"][0]["counted"] == {"start": 5, "end": 9}


def test_a_number_compared_takes_the_elided_unit_or_noun():
    """A bare number after `to`, `up from`, `compared with`, a second `by`
    takes the unit or counted noun of the amount it is compared with."""
    text = "The S&P 500 rose 64.06 points to 4,577.10."
    change, level = copydesk.quantities(text)
    assert (level.text, level.kind, level.counted) == ("4,577.10", "cardinal", change.counted)
    assert level.counted.text == "points" and level.change is None
    text = "Sales rose 60% in 2018 to 3.9 million headsets, up from 2.4 million in 2017."
    assert read(text)[-2:] == [("2.4 million", "cardinal", 2.4e6, None, "headsets"), ("2017", "date", None, None, None)]
    text = "About 460 cars were stolen this year compared with 63 during the same period last year."
    assert read(text)[-1] == ("63", "cardinal", 63, None, "cars")
    (_, mpg) = copydesk.quantities("from about 14-18 mpg to 24 for SUVs")
    assert (mpg.text, mpg.kind, mpg.unit, mpg.dimension, mpg.value) == ("24", "quantity", "mpg", "fuel economy", 24)
    (_, miles) = copydesk.quantities("The glacier retreated 2 miles to 30 in a decade.")
    assert (miles.unit, miles.si_unit) == ("mi", "m") and math.isclose(miles.si_value, 30 * 1609.344)
    (_, one) = copydesk.quantities("The DAX increased by 2 percent but the Nasdaq decreased by 1.")
    assert (one.text, one.kind, one.unit, one.change) == ("1", "percent", "%", "down")
    (_, usd) = copydesk.quantities("The stock rose $5 to 105.")
    assert (usd.kind, usd.unit, usd.value) == ("money", "USD", 105)
    # Not carried: a level after a percentage of change, a year, a noun of its own.
    assert read("The index rose 5% to 120.")[-1] == ("120", "cardinal", 120, None, None)
    assert read("It rose 3 points in 2019.")[-1][1] == "date"
    assert read("It rose 20 points to 400 shares.")[-1] == ("400", "cardinal", 400, None, "shares")
    assert read("The index rose 5 points. It was compared with 63.")[-1] == ("63", "cardinal", 63, None, None)


def test_compounds_that_are_not_counts():
    # Digits stay a count with nothing counted; number words are not read.
    assert read("the 30-strong squad") == [("30", "cardinal", 30.0, None, None)]
    for text in ["a one-off payment", "a two-way street", "a one-sided match", "a one-time fee",
                 "a one-on-one meeting", "the first-team squad", "a third-party app", "a six-speed gearbox"]:
        assert read(text) == [], text
    # Other readings stay as they were.
    assert read("two-thirds of voters") == [("two-thirds", "cardinal", 2 / 3, None, "voters")]
    assert read("twenty-five people") == [("twenty-five", "cardinal", 25.0, None, "people")]
    assert read("a three-day visit") == [("three-day", "quantity", 3.0, "day", None)]
    assert read("a two-hour meeting") == [("two-hour", "quantity", 2.0, "h", None)]
    assert read("a 20-year-old man") == [("20-year-old", "quantity", 20.0, "year", None)]
    assert read("300-400 km") == [("300-400 km", "range", 300.0, "km", None)]
    assert read("10-15 people") == [("10-15", "range", 10.0, None, "people")]
    assert [q.kind for q in copydesk.quantities("the 2012-13 season")] == ["date"]
    for text in ["Covid-19 cases", "F-35 jets", "the G-7 summit", "they won 3-1"]:
        assert read(text) == [], text


def test_suspended_hyphens():
    text = "a 7- or 8-inch touchscreen"
    seven, eight = copydesk.quantities(text)
    assert (seven.text, eight.text) == ("7", "8-inch")
    for q, v in [(seven, 7), (eight, 8)]:
        assert (q.kind, q.value, q.unit, q.dimension, q.si_unit) == ("quantity", v, "in", "length", "m")
        assert math.isclose(q.si_value, v * 0.0254)
    text = "four-, five- and six-cylinder engine options"
    got = copydesk.quantities(text)
    assert [(q.text, q.value) for q in got] == [("four", 4), ("five", 5), ("six", 6)]
    assert all(q.kind == "cardinal" and text[q.counted.start : q.counted.end] == "cylinder" for q in got)
    # `to` makes a range.
    assert read("a 10- to 15-year sentence") == [("10- to 15-year", "range", 10.0, "year", None)]
    assert copydesk.normalize("a 7- or 8-mile walk").text == "a 7- or 8 mi walk"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_spans_in_bounds_values_finite_modifiers_outside(text):
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    prev = 0
    counted = []
    for q in copydesk.quantities(text):
        assert prev <= q.start < q.end <= len(text) and text[q.start : q.end] == q.text
        prev = q.end
        # No mention starts inside what an earlier count counts (which several
        # counts may share: `four-, five- and six-cylinder`).
        assert not any(c.start <= q.start < c.end for c in counted)
        if q.counted is not None:
            # What a count counts follows it, or is what an earlier count
            # counts (its noun elided: `rose 64 points to 4,577`).
            assert q.end < q.counted.start < q.counted.end <= len(text) or q.counted in counted
            assert text[q.counted.start : q.counted.end] == q.counted.text
            counted.append(q.counted)
        for v in (q.value, q.high, q.si_value):
            assert v is None or math.isfinite(v)
        if q.modifier:
            assert not q.text.lower().startswith(("about ", "around ", "more than ", "up to "))
