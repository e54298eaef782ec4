"""Sentences: the golden rules, the bundled news gold, and the Spans API."""

from __future__ import annotations

import copydesk
from conftest import read_jsonl


def test_golden_rules_48_of_48(data_dir):
    rules = read_jsonl(data_dir / "golden_rules_en.jsonl")
    assert len(rules) == 48
    failed = [
        (r["rule_no"], [s.text for s in copydesk.sentences(r["text"])])
        for r in rules
        if [s.text for s in copydesk.sentences(r["text"])] != [s.strip() for s in r["sentences"]]
    ]
    assert failed == []


def f1(gold: set, pred: set) -> float:
    tp = len(gold & pred)
    return 2 * tp / (len(gold) + len(pred)) if gold or pred else 1.0


def test_gum_news_tokens_and_sentences(data_dir):
    """The 24 Wikinews articles of GUM (CC BY): exact-span F1 of UD words and sentences.

    Guards against regressions: the figures reported with the scorer are
    tokens 99.63 and sentences 95.41; these floors sit just under them.
    """
    gold_tok, pred_tok, gold_sent, pred_sent = set(), set(), set(), set()
    for doc in read_jsonl(data_dir / "ud-gum-news.gold.jsonl"):
        a = copydesk.analyze(doc["text"])
        key = doc["id"]
        gold_tok |= {(key, s, e) for s, e in doc["tokens"]}
        pred_tok |= {(key, t.start, t.end) for t in a.tokens}
        gold_sent |= {(key, s, e) for s, e in doc["sentences"]}
        pred_sent |= {(key, s.start, s.end) for s in a.sentences}
    assert f1(gold_tok, pred_tok) >= 0.995
    assert f1(gold_sent, pred_sent) >= 0.95


def test_spans_api():
    text = "Allison told Metro: ‘It will only grow.’ Russia’s army lost 1.2 million men."
    spans = copydesk.sentences(text)
    assert [s.text for s in spans] == [
        "Allison told Metro: ‘It will only grow.’",
        "Russia’s army lost 1.2 million men.",
    ]
    assert list(spans.starts) == [s.start for s in spans]
    assert spans[1:].to_list() == [{"start": spans[1].start, "end": spans[1].end}]
    assert spans == list(spans)


def test_reference_article_sentences(belarus_text):
    spans = copydesk.sentences(belarus_text)
    texts = [s.text for s in spans]
    # A paragraph break always ends a sentence; the promo lines stand alone.
    assert "Join for all of the newest stories" in texts
    # A sentence ending inside a quotation ends after the closing mark.
    assert any(t.endswith("will only grow.’") and t.startswith("It seems") for t in texts)
    for s in spans:
        assert belarus_text[s.start : s.end] == s.text
        assert "\n" not in s.text
