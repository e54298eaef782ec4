"""The HTML view (copydesk.html) and the corpus report (copydesk.report): structure, worst cases."""

from __future__ import annotations

import gzip
import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

import copydesk
from copydesk import html as cdhtml
from copydesk.html import analysis_repr_html, demo_page, render_html

VOID = {"meta", "input", "br", "img", "hr", "link"}
LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


class Page(HTMLParser):
    """Parses a page, checking that every element is closed in order; collects
    the article's elements with their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list] = []  # [tag, attrs, text pieces]
        self.elements: list[dict] = []
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.in_article = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in VOID:
            return
        if a.get("id") == "cd-article":
            self.in_article = len(self.stack) + 1
        self.stack.append([tag, a, []])

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, attrs, text = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"
        body = "".join(text)
        if tag == "script":
            self.scripts.append(body)
        if self.in_article and len(self.stack) >= self.in_article:
            self.elements.append({"tag": tag, **attrs, "text": body})
        if self.stack:
            self.stack[-1][2].append(body)
        if self.in_article == len(self.stack) + 1:
            self.in_article = 0

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2].append(data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    assert not p.stack, f"unclosed: {[t for t, _, _ in p.stack]}"
    return p


def check_page(page: str, text: str) -> Page:
    """Nesting valid, every element's text where its data-o says, paragraphs giving back the text."""
    p = parse(page)
    for el in p.elements:
        o = int(el["data-o"])
        assert el["text"] == text[o : o + len(el["text"])], el
        if el["tag"] == "span":
            assert el["text"], f"empty piece: {el}"
    paras = [el for el in p.elements if el["tag"] == "p"]
    assert "\n".join(x["text"] for x in paras) == re.sub("\r\n|[" + LINE_BREAKS + "]", "\n", text)
    assert all(x.get("dir") == "auto" for x in paras)
    return p


def pieces(p: Page, attr: str, value) -> list[dict]:
    return sorted((el for el in p.elements if el.get(attr) == str(value)), key=lambda el: int(el["data-o"]))


def covered(els: list[dict]) -> set[int]:
    out: set[int] = set()
    for el in els:
        o = int(el["data-o"])
        out.update(range(o, o + len(el["text"])))
    return out


def expected(text: str, start: int, end: int) -> set[int]:
    return {i for i in range(start, end) if text[i] not in LINE_BREAKS}


@pytest.fixture(scope="module")
def belarus(belarus_text):
    return belarus_text, copydesk.analyze(belarus_text, layers=copydesk.LAYERS)


def test_belarus_every_span_recoverable(belarus):
    text, a = belarus
    page = render_html(a)
    p = check_page(page, text)
    for i, q in enumerate(a.quotes):
        els = pieces(p, "data-q", i)
        assert covered(els) == expected(text, q.start, q.end)
        assert "tabindex" in els[0] and all("tabindex" not in el for el in els[1:])
        assert f"q-{q.kind}" in els[0]["class"]
    assert a.quantities
    for i, x in enumerate(a.quantities):
        assert covered(pieces(p, "data-n", i)) == expected(text, x.start, x.end)
    for i, s in enumerate(a.sentences):
        assert covered(pieces(p, "data-s", i)) == expected(text, s.start, s.end)
    speakers = {(q.speaker.start, q.speaker.end) for q in a.quotes if q.speaker}
    spk = [el for el in p.elements if "spk" in el.get("class", "").split()]
    assert {(int(el["data-o"]), int(el["data-o"]) + len(el["text"])) for el in spk} == speakers
    # Pieces of the multi-paragraph quotation share a group and are labelled i/n.
    group = [el for el in p.elements if el.get("data-g") == "2" and "cont" not in el["class"]]
    assert [el["data-l"] for el in group] == [f"{i}/8" for i in range(1, 9)]
    # Tokens are data, not elements.
    assert not [el for el in p.elements if "t" in el.get("class", "").split()]
    assert 'id="cd-tokens"' in page


def test_no_external_urls_and_escaping():
    text = 'See <script>alert("x")</script> & <b>bold</b> at https://example.com/a?b=1&c=2 "quoted" \'single\''
    record = {
        "id": 'doc "1" <x>',
        "sentences": [{"start": 0, "end": len(text)}],
        "quotes": [{"start": text.index('"quoted"'), "end": text.index('"quoted"') + 8, "closed": True, "kind": "partial",
                    "group": 0, "depth": 0, "parent": None, "marks": '"', "speaker": None, "cue": None}],
        "quantities": [{"start": 0, "end": 3, "text": "See", "kind": "number", "value": 1.0, "unit": "</script><b>"}],
    }
    page = render_html(record, text=text, title="<Title> & \"more\"")
    p = check_page(page, text)
    assert "<script>alert" not in page and "<b>bold" not in page and "</script><b>" not in page
    assert [t for t, _ in p.tags if t == "script"] == ["script", "script"]  # data and code, nothing from the text
    assert not [t for t, a in p.tags if "src" in a or "href" in a]
    lowered = page.lower()
    for bad in ("@import", "url(", "//fonts", "<link", "<img", "<iframe"):
        assert bad not in lowered, bad
    # No URL anywhere outside the escaped text itself.
    assert re.findall(r"https?://[^\s<\"']+", page.replace("https://example.com/a?b=1&amp;c=2", "")) == []
    assert "default-src 'none'" in page
    title = [t for t in p.elements] and re.search(r"<title>(.*?)</title>", page).group(1)
    assert title == "&lt;Title&gt; &amp; &quot;more&quot;"
    data = json.loads(p.scripts[0])
    assert data["quantities"][0]["unit"] == "</script><b>"


def test_crossing_spans_are_split_and_containing_spans_are_not():
    text = "He said: ‘One. Two.’ Then 50 km and ‘x 3 y’ end."
    q1 = (text.index("‘One"), text.index("’ Then") + 1)
    s1 = (0, text.index("One.") + 4)
    s2 = (s1[1] + 1, len(text))
    q2 = (text.index("‘x"), text.index("y’") + 2)
    qty_cross = (text.index("3 y"), text.index(" end") + 2)  # crosses the end of q2
    qty_inside = (text.index("50"), text.index("50") + 5)
    record = {
        "sentences": [{"start": s1[0], "end": s1[1]}, {"start": s2[0], "end": s2[1]}],
        "quotes": [
            {"start": q1[0], "end": q1[1], "closed": True, "kind": "direct", "group": 0, "depth": 0, "parent": None, "marks": "‘’"},
            {"start": q2[0], "end": q2[1], "closed": True, "kind": "partial", "group": 1, "depth": 0, "parent": None, "marks": "‘’"},
            {"start": q2[0] + 1, "end": q2[1] + 3, "closed": True, "kind": "direct", "group": 2, "depth": 1, "parent": 1, "marks": "‘’"},
        ],
        "quantities": [
            {"start": qty_inside[0], "end": qty_inside[1], "text": "50 km", "kind": "quantity", "value": 50.0, "unit": "km"},
            {"start": qty_cross[0], "end": qty_cross[1], "text": text[qty_cross[0]:qty_cross[1]], "kind": "number", "value": 3.0},
        ],
    }
    page = render_html(record, text=text)
    p = check_page(page, text)
    # The first quotation crosses the first sentence: the sentence is split, the quotation stays whole.
    assert len(pieces(p, "data-q", 0)) == 1
    assert len(pieces(p, "data-s", 0)) == 2
    assert covered(pieces(p, "data-s", 0)) == expected(text, *s1)
    # A quantity inside a quotation, and the second sentence containing them, are whole.
    assert len(pieces(p, "data-n", 0)) == 1
    # The crossing quantity and the crossing nested quote are split, and still cover their spans.
    assert len(pieces(p, "data-n", 1)) == 2
    assert covered(pieces(p, "data-n", 1)) == expected(text, *qty_cross)
    assert len(pieces(p, "data-q", 2)) == 2
    assert covered(pieces(p, "data-q", 2)) == expected(text, q2[0] + 1, q2[1] + 3)
    assert all("cont" in el["class"] for el in pieces(p, "data-q", 2)[1:])


def test_quotation_over_ten_paragraphs():
    paras = [f"‘Paragraph {i} of the statement goes on." for i in range(1, 10)] + ["‘And the tenth ends it.’"]
    text = "The minister said:\n" + "\n".join(paras) + "\nAfter."
    a = copydesk.analyze(text)
    groups = {q.group for q in a.quotes}
    assert len(a.quotes) == 10 and len(groups) == 1
    p = check_page(render_html(a), text)
    firsts = [el for el in p.elements if "data-q" in el and "cont" not in el["class"]]
    assert [el["data-l"] for el in firsts] == [f"{i}/10" for i in range(1, 11)]
    # One span over ten paragraphs (hand-made): split at every line break, covering it all.
    start, end = text.index("‘Paragraph 1"), text.index("ends it.’") + 9
    rec = {"quotes": [{"start": start, "end": end, "closed": True, "kind": "direct", "group": 0, "depth": 0, "parent": None, "marks": "‘’"}]}
    p = check_page(render_html(rec, text=text), text)
    els = pieces(p, "data-q", 0)
    assert len(els) == 10 and covered(els) == expected(text, start, end)
    assert "tabindex" in els[0] and all("cont" in el["class"] for el in els[1:])


def test_nested_quotes_nest():
    text = "She said: “He told me ‘never again’ and left.”"
    a = copydesk.analyze(text)
    assert any(q.depth == 1 for q in a.quotes)
    p = check_page(render_html(a), text)
    inner = next(i for i, q in enumerate(a.quotes) if q.depth == 1)
    assert len(pieces(p, "data-q", inner)) == 1 and "qd1" in pieces(p, "data-q", inner)[0]["class"]


def test_right_to_left_and_astral_text():
    text = "قال المتحدث: «سنرسل المساعدات».\nשלום 😀 עולם\r\nMixed 𝔘nicode “quote” here."
    a = copydesk.analyze(text, layers=("tokens", "sentences", "quotes"))
    page = render_html(a)
    check_page(page, text)
    data = json.loads(parse(page).scripts[1])
    # UTF-16 lengths for the page's script: the emoji counts two.
    assert sum(1 for _ in a.tokens) == len(data["codes"]) // 3


def test_byte_offsets_render_like_char_offsets():
    text = "Ünï “quoted” text. Two 😀 sentences."
    assert render_html(copydesk.analyze(text, offsets="bytes")) == render_html(copydesk.analyze(text))


def test_odd_inputs():
    assert check_page(render_html({"sentences": []}, text=""), "")
    assert check_page(render_html({}, text="\n\n\n"), "\n\n\n")
    text = "abc\x00def\ud800x"
    page = render_html({"sentences": [{"start": 0, "end": 99}, {"start": 5, "end": 5}, {"start": -3, "end": 2}]}, text=text)
    clean = "abc\ufffddef\ufffdx"
    p = check_page(page, clean)
    assert [el["text"] for el in p.elements if el.get("data-s") == "0"] == [clean]
    assert not [el for el in p.elements if el.get("data-s") == "1"]
    page = render_html({"id": 3, "error": "in.jsonl:3: bad JSON"}, text="")
    assert "in.jsonl:3: bad JSON" in page and "<title>3</title>" in page
    with pytest.raises(ValueError, match="needs the text"):
        render_html({"sentences": []})
    # Any other layer of {start, end} spans is drawn too.
    p = check_page(render_html({"entities": [{"start": 0, "end": 3, "label": "ORG"}]}, text="ACME rises."), "ACME rises.")
    assert pieces(p, "data-x", "entities")[0]["text"] == "ACM"


def test_repr_html_and_demo_page(tmp_path, belarus):
    text, a = belarus
    frag = analysis_repr_html(a)
    assert frag.startswith("<div") and "<iframe" in frag and 'sandbox="allow-scripts"' in frag
    parse(frag)
    srcdoc = re.search(r'srcdoc="([^"]*)"', frag).group(1)
    import html as std_html

    check_page(std_html.unescape(srcdoc), text)
    long = copydesk.analyze(text * 3)
    assert "showing the first 5,000" in analysis_repr_html(long, limit=5000)
    paths = [Path("one.txt"), Path("two.txt")]
    index = demo_page(paths, [a, copydesk.analyze("Short “text”, he said.")], out_dir=tmp_path)
    assert index == tmp_path / "index.html"
    assert 'href="one.html"' in index.read_text() and (tmp_path / "two.html").exists()
    check_page((tmp_path / "one.html").read_text(encoding="utf-8"), text)


def test_five_megabytes_linear_without_token_nodes(belarus_text):
    unit = belarus_text + "\n"
    small = unit * (1_000_000 // len(unit))
    big = unit * (5_000_000 // len(unit))
    assert len(big.encode()) >= 4_900_000
    timings = {}
    for name, text in (("small", small), ("big", big)):
        a = copydesk.analyze(text, layers=copydesk.LAYERS)
        t0 = time.perf_counter()
        page = render_html(a)
        timings[name] = time.perf_counter() - t0
        spans = page.count("<span")
        marks = len(a.sentences) + len(a.quotes) + len(a.quantities) + len({(q.speaker.start, q.speaker.end) for q in a.quotes if q.speaker}) * 2
        assert spans < len(a.tokens) / 4, "no element per token"
        assert spans <= marks + 2 * len(a.quotes)
        assert len(page) < 4 * len(text) + 1_000_000  # markup and data: a small multiple of the text
    # Timings are reported, not asserted (speed belongs to benchmarks): the
    # bounds above on elements and page size are what keep the page linear.
    print(f"render: {timings}")


# --------------------------------------------------------------------------- the report and the commands

import argparse  # noqa: E402

from copydesk import _cli_view  # noqa: E402
from copydesk.cli import main as cli_main  # noqa: E402
from copydesk.report import format_text, render_report_html, report  # noqa: E402


def view_cli(*argv: str) -> int:
    """Run `show`/`report` through their own parser (as `copydesk` wires them)."""
    ap = argparse.ArgumentParser(prog="copydesk")
    _cli_view.add_subcommands(ap.add_subparsers(dest="command", required=True))
    a = ap.parse_args(list(argv))
    return int(a.func(a))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, belarus_text):
    d = tmp_path_factory.mktemp("corpus")
    docs = [
        {"id": "belarus", "text": belarus_text},
        {"id": 2, "text": "“We will spend £3bn and $5 million,” the minister said. “It is enough.”"},
        {"id": "rtl", "text": "قال المتحدث: «سنرسل 50 طناً»."},
        {"id": "none", "text": "No quotes here, only 12 km and 3 miles."},
    ]
    src = d / "in.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for doc in docs[:2]:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        f.write("{not json\n")
        for doc in docs[2:]:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return d, src, docs


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".parquet"])
def test_report_on_a_small_annotated_corpus(corpus, suffix):
    d, src, docs = corpus
    out = d / f"out{suffix}"
    assert cli_main(["annotate", str(src), "-o", str(out), "-q"]) == 1  # the bad line is an error record
    rep = report(out)
    assert rep["documents"] == 5 and rep["errors"]["count"] == 1
    assert "bad JSON" in rep["errors"]["examples"][0]
    assert rep["layers"]["sentences"] == 4 and rep["layers"]["quotes"] == 4
    q = rep["quotes"]
    assert q["pieces"] == sum(len(copydesk.analyze(x["text"]).quotes) for x in docs)
    assert q["multi_paragraph"] >= 2 and sum(q["per_document"]["histogram"].values()) == 4
    # No text in the annotated file: speakers counted by span only, and the report says so.
    assert rep["speakers"]["by"] == "span" and rep["speakers"]["top"] == []
    assert "--text-from" in rep["speakers"]["note"]
    # Joined with the input by id, the speakers have names.
    rep = report(out, text_from=str(src))
    names = dict(map(tuple, rep["speakers"]["top"]))
    assert rep["speakers"]["by"] == "text" and names.get("Allison") == 1 and names.get("the minister") == 2
    units = dict(map(tuple, rep["quantities"]["units"]))
    currencies = dict(map(tuple, rep["quantities"]["currencies"]))
    assert units.get("mi") and units.get("km") and currencies.get("GBP") == 1 and currencies.get("USD") == 1
    text = format_text(rep)
    assert "most quoted speakers" in text and "Allison" in text and "GBP" in text
    page = render_report_html(rep)
    p = parse(page)
    assert [t for t, _ in p.tags].count("svg") >= 5
    assert not [t for t, a in p.tags if "src" in a or "href" in a] and not re.search(r"https?://", page)
    json.dumps(rep)


def test_report_streams_and_joins_out_of_order(tmp_path):
    src = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    texts = {f"d{i}": f"“Line {i},” Smith{i % 3} said." for i in range(50)}
    src.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()), encoding="utf-8")
    assert cli_main(["annotate", str(src), "-o", str(out), "-q"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    out.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    rep = report(out, text_from=[str(src)])
    assert dict(map(tuple, rep["speakers"]["top"])) == {"Smith0": 17, "Smith1": 17, "Smith2": 16}
    # A text field in the annotated records is used directly.
    with_text = tmp_path / "with-text.jsonl"
    with_text.write_text(
        "".join(json.dumps({**json.loads(line), "text": texts[json.loads(line)["id"]]}) + "\n" for line in lines), encoding="utf-8"
    )
    assert report(with_text)["speakers"]["top"][0][0] == "Smith0"


def test_report_command(corpus, capsys):
    d, src, _ = corpus
    out = d / "cmd.jsonl"
    cli_main(["annotate", str(src), "-o", str(out), "-q"])
    html_out = d / "report.html"
    assert view_cli("report", str(out), "-o", str(html_out), "--text-from", str(src)) == 0
    printed = capsys.readouterr().out
    assert "documents: 5" in printed and "Allison" in printed
    assert html_out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert view_cli("report", str(out), "--json") == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 5
    assert view_cli("report", str(d / "missing.jsonl")) == 2


def test_show_command(tmp_path, belarus_text, capsys, monkeypatch):
    src = tmp_path / "article.txt"
    src.write_text(belarus_text, encoding="utf-8")
    assert view_cli("show", str(src)) == 0
    page = tmp_path / "article.copydesk.html"
    assert page.exists() and str(page) in capsys.readouterr().err
    check_page(page.read_text(encoding="utf-8"), belarus_text)
    assert view_cli("show", str(src), "-o", str(tmp_path / "x.html"), "--layers", "quotes", "--no-tokens", "--title", "T") == 0
    x = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert "<title>T</title>" in x and 'id="cd-tokens"' not in x and 'data-s="' not in x
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("Hi “there”, she said.".encode())))
    assert view_cli("show", "-") == 0
    assert capsys.readouterr().out.startswith("<!doctype html>")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xff")
    with pytest.raises(SystemExit, match="bad.txt:2: invalid UTF-8 at byte 3"):
        view_cli("show", str(bad))
    assert view_cli("show", str(tmp_path / "missing.txt")) == 2
