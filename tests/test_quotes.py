"""Quotations: the reference article, the anchors' known weaknesses, and the
invariants on arbitrary text (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import copydesk
from conftest import read_jsonl


def test_reference_article(data_dir, belarus_text):
    gold = read_jsonl(data_dir / "belarus-metro.gold.jsonl")[0]["quotes"]
    found = copydesk.quotes(belarus_text)
    assert [(q.start, q.end) for q in found] == [(g["start"], g["end"]) for g in gold]
    assert [q.kind for q in found] == [g["kind"] for g in gold]
    # Pieces of one multi-paragraph quotation share a group, and only those.
    for a in range(len(gold)):
        for b in range(len(gold)):
            same_gold = gold[a].get("group") is not None and gold[a].get("group") == gold[b].get("group")
            assert (found[a].group == found[b].group) == (same_gold or a == b)
    speakers = sum(
        1
        for q, g in zip(found, gold)
        if g.get("speaker_names") and q.speaker and any(q.speaker.text.lower() in n.lower() for n in g["speaker_names"])
    )
    assert speakers >= 14


def test_multi_paragraph_quotation_is_one_group():
    # CoreNLP's annotator does not support quotations over several paragraphs.
    text = "He said: “The first paragraph goes on.\n\n“The second one too.\n\n“And the last one ends,” he added."
    qs = copydesk.quotes(text)
    assert len(qs) == 3 and len({q.group for q in qs}) == 1
    assert [q.closed for q in qs] == [False, False, True]


def test_plural_possessive_does_not_close_the_quote():
    # CoreNLP closes early on a plural possessive.
    text = "‘It was the students’ fault,’ he said."
    (q,) = copydesk.quotes(text)
    assert q.text == "‘It was the students’ fault,’" and q.speaker.text == "he" and q.cue.text == "said"


def test_odd_number_of_marks_still_finds_the_quotes():
    # textacy gives up on a document with an odd number of marks.
    text = "“We will win,” she said. Then a stray ” mark. “Again,” she added."
    qs = copydesk.quotes(text)
    assert [q.text for q in qs] == ["“We will win,”", "“Again,”"]


def test_apostrophes_are_not_quotes():
    text = "Russia’s rock ’n’ roll of the ’90s, singin’ with ’em: there’s no quote here."
    assert copydesk.quotes(text) == []


marks = st.sampled_from(list("“”‘’\"'«»„‚") + [" ", "\n", "\n\n", "a", "s", "said", "he", ".", ",", ":", "Mr", "told", "’s"])
texts = st.lists(marks, max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, st.text(max_size=60)))
def test_invariants(text):
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    qs = copydesk.quotes(text)
    token_starts = {t.start for t in copydesk.tokenize(text) if t.kind == "quote"}
    seen_groups: list[int] = []
    for i, q in enumerate(qs):
        assert 0 <= q.start < q.end <= len(text) and text[q.start : q.end] == q.text
        assert q.start in token_starts  # each piece starts at an opening mark
        if i:
            assert qs[i - 1].start < q.start
        for other in qs[:i]:
            assert other.end <= q.start or q.end <= other.end  # nested or disjoint, never crossing
        if q.parent is not None:
            p = qs[q.parent]
            assert p.start < q.start and q.end <= p.end and q.depth == p.depth + 1
        if q.closed:
            assert not text[q.end - 1].isalnum()  # ends with its closing mark
        if q.group not in seen_groups:
            assert q.group == len(seen_groups)  # groups in document order
            seen_groups.append(q.group)
    # The same result alone or in a batch.
    batch = copydesk.analyze_batch(["x", text, "“y”"], layers=("quotes",))
    assert batch[1].quotes == qs
