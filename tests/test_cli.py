"""The copydesk command: annotate (the scorer's interface), demo, version."""

from __future__ import annotations

import json
import subprocess
import sys

import copydesk
from copydesk.cli import main


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "copydesk.cli", *args], input=stdin, capture_output=True)


def lines(path) -> list[dict]:
    return [json.loads(x) for x in open(path, encoding="utf-8")]


def test_version():
    r = run("--version")
    assert r.returncode == 0 and copydesk.__version__ in r.stdout.decode()


def test_annotate_default_layers_and_tokens_on_request(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Mr. Smith left. He’s gone."}) + "\n" + json.dumps({"id": 7, "text": "Ünï “x”."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(src), "-o", str(out)]) == 0
    recs = lines(out)
    assert [r["id"] for r in recs] == ["a", 7]
    assert set(recs[0]) == {"id", "sentences", "quotes", "quantities"}
    assert recs[0]["sentences"] == [{"start": 0, "end": 15}, {"start": 16, "end": 26}]
    assert main(["annotate", str(src), "-o", str(out), "--layers", "tokens,sentences"]) == 0
    recs = lines(out)
    assert recs[1]["tokens"][0] == {"start": 0, "end": 3, "kind": "word"}


def test_annotate_custom_fields_and_stdin(tmp_path):
    data = json.dumps({"doc": "x1", "body": "One. Two."}).encode() + b"\n"
    r = run("annotate", "-", "--text-field", "body", "--id-field", "doc", stdin=data)
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)
    assert rec["id"] == "x1" and len(rec["sentences"]) == 2


def test_layers_not_built_are_rejected_clearly(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "x"}\n')
    r = run("annotate", str(src), "--layers", "sentences,nouns")
    assert r.returncode == 2
    assert b"unknown layer 'nouns'" in r.stderr


def test_bad_records_are_reported_and_the_rest_processed(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"id": 1, "text": "Fine."}\n'
        b"{not json\n"
        b'{"id": 3}\n'
        b'{"id": 4, "text": 5}\n'
        b'{"id": 5, "text": "caf\xff"}\n'
        b'["a list"]\n'
        b'{"id": 7, "text": "Also fine."}\n'
    )
    out = tmp_path / "out.jsonl"
    r = run("annotate", str(src), "-o", str(out))
    assert r.returncode == 1
    recs = lines(out)
    assert len(recs) == 7
    assert [("error" in x) for x in recs] == [False, True, True, True, True, True, False]
    assert "bad JSON" in recs[1]["error"] and "column 2" in recs[1]["error"]
    assert f"{src}:2" in recs[1]["error"] and f"{src}:5" in recs[4]["error"]
    assert 'field "text" is missing' in recs[2]["error"]
    assert "invalid UTF-8" in recs[4]["error"]
    assert recs[6]["sentences"] == [{"start": 0, "end": 10}]
    assert b"7 records, 5 errors" in r.stderr


def test_demo_runs_on_the_bundled_sample():
    r = run("demo")
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "24 articles" in out and "GUM_news_" in out
    assert "quotations" in out and "numbers:" in out
