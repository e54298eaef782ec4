"""Corpus scale: analyze_many, threads and fork, pickled configuration, and
the annotate command's formats, errors, atomic output and resume."""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import pickle
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import copydesk

DOCS = ["First one. Second.", "", "Ünïcödé “quotes” here!", "Mr. X\n\nNew para", "x" * 3000 + ". Y."]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=30), st.sampled_from([1, 2, None]), st.integers(1, 7))
def test_analyze_many_equals_analyze_one_by_one(docs, threads, window):
    many = list(copydesk.analyze_many(iter(docs), threads=threads, window=window, surrogates="replace"))
    assert [a.to_dict() for a in many] == [copydesk.analyze(d, surrogates="replace").to_dict() for d in docs]


def test_analyze_many_is_lazy():
    def endless():
        while True:
            yield "One. Two."

    it = copydesk.analyze_many(endless(), window=3)
    assert [len(next(it).sentences) for _ in range(5)] == [2] * 5


def _child(q):
    batch = copydesk.analyze_batch(DOCS * 200, threads=2)
    q.put(len(batch))


def test_parallel_work_survives_fork():
    copydesk.analyze_batch(DOCS * 200, threads=2)  # the parent's pool exists now
    ctx = multiprocessing.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(q,))
    p.start()
    p.join(60)
    assert p.exitcode == 0, "the forked child hung or failed"
    assert q.get(timeout=5) == len(DOCS) * 200


def test_thread_count_from_the_environment():
    code = "import copydesk, json; print(json.dumps([a.to_dict() for a in copydesk.analyze_batch(%r * 50)]))" % (DOCS,)
    outs = [
        subprocess.run([sys.executable, "-c", code], env={**os.environ, "COPYDESK_NUM_THREADS": n}, capture_output=True, check=True).stdout
        for n in ("1", "2")
    ]
    assert outs[0] == outs[1]


def test_annotator_pickles_and_runs():
    import cloudpickle  # in the [test] extra
    ann = copydesk.Annotator(layers=("sentences",), threads=1)
    for dumps, loads in ((pickle.dumps, pickle.loads), (cloudpickle.dumps, cloudpickle.loads)):
        again = loads(dumps(ann))
        assert again == ann
        assert again("One. Two.").to_dict() == {"sentences": [{"start": 0, "end": 4}, {"start": 5, "end": 9}]}
        assert [a.to_dict() for a in again.many(DOCS)] == [ann(d).to_dict() for d in DOCS]


def annotate(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "copydesk.cli", "annotate", *map(str, args)], input=stdin, capture_output=True)


def read_lines(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(x) for x in f]


def write_corpus(path, n=300):
    recs = [{"id": i, "text": DOCS[i % len(DOCS)]} for i in range(n)]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode()
    if str(path).endswith(".gz"):
        data = gzip.compress(data)
    path.write_bytes(data)
    return recs


def test_gzip_in_and_out_equal_plain(tmp_path):
    write_corpus(tmp_path / "a.jsonl")
    write_corpus(tmp_path / "a.jsonl.gz")
    assert annotate(tmp_path / "a.jsonl", "-o", tmp_path / "plain.jsonl").returncode == 0
    assert annotate(tmp_path / "a.jsonl.gz", "-o", tmp_path / "z.jsonl.gz").returncode == 0
    assert read_lines(tmp_path / "plain.jsonl") == read_lines(tmp_path / "z.jsonl.gz")
    assert len(read_lines(tmp_path / "plain.jsonl")) == 300


def test_blocks_cut_anywhere_read_the_same(tmp_path, monkeypatch):
    # The reader carries the unfinished last line of each block over to the
    # next; line numbers (ids and error messages) and resuming must not notice.
    from copydesk import cli, corpus

    write_corpus(tmp_path / "good.jsonl", n=60)
    good = (tmp_path / "good.jsonl").read_bytes().splitlines(keepends=True)
    odd = [b"\n", b"{not json\n", b'{"text": "caf\xff"}\n', b'{"text": "Windows. Line."}\r\n', b"   \n", b'{"text": 5}\n']
    data = b"".join(x for pair in zip(good, odd * 10) for x in pair) + b'{"text": "No newline at the end."}'
    (tmp_path / "in.jsonl").write_bytes(data)
    args = ["annotate", str(tmp_path / "in.jsonl"), "-q", "--threads", "2", "-o"]
    assert cli.main([*args, str(tmp_path / "whole.jsonl")]) == 1
    whole = (tmp_path / "whole.jsonl").read_bytes()
    assert whole.count(b"\n") == 60 + 6 * 10 - 2 * 10 + 1
    for size in (1, 7, 100, 4096):
        monkeypatch.setattr(corpus, "BLOCK_BYTES", size)
        assert cli.main([*args, str(tmp_path / f"{size}.jsonl")]) == 1
        assert (tmp_path / f"{size}.jsonl").read_bytes() == whole, size
        (tmp_path / f"{size}.jsonl.partial").write_bytes(b"".join(whole.splitlines(keepends=True)[:50]))
        assert cli.main([*args, str(tmp_path / f"{size}.jsonl"), "--resume"]) == 1
        assert (tmp_path / f"{size}.jsonl").read_bytes() == whole, size


def test_truncated_gzip_keeps_what_it_can_and_reports(tmp_path):
    write_corpus(tmp_path / "a.jsonl.gz", n=2000)
    data = (tmp_path / "a.jsonl.gz").read_bytes()
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    write_corpus(tmp_path / "b.jsonl", n=5)
    r = annotate(tmp_path / "cut.jsonl.gz", tmp_path / "b.jsonl", "-o", tmp_path / "out.jsonl", "--errors", tmp_path / "err.jsonl")
    assert r.returncode == 1
    out = read_lines(tmp_path / "out.jsonl")
    errors = [x for x in out if "error" in x]
    assert len(errors) >= 1 and "truncated or corrupt gzip" in errors[-1]["error"]
    assert out[-5:] == [x for x in read_lines(tmp_path / "out.jsonl")[-5:] if "sentences" in x]
    assert read_lines(tmp_path / "err.jsonl") == errors


def test_text_files_directories_and_lines(tmp_path):
    d = tmp_path / "docs"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("One. Two.", encoding="utf-8")
    (d / "sub" / "b.txt").write_text("Three.\nFour. Five.", encoding="utf-8")
    (d / "bad.txt").write_bytes(b"caf\xff")
    r = annotate(d, "-o", tmp_path / "out.jsonl")
    assert r.returncode == 1
    out = {x["id"]: x for x in read_lines(tmp_path / "out.jsonl")}
    assert set(out) == {"a.txt", "bad.txt", "sub/b.txt"}
    assert len(out["sub/b.txt"]["sentences"]) == 3 and "invalid UTF-8" in out["bad.txt"]["error"]
    r = annotate(d / "sub" / "b.txt", "--lines", "-o", tmp_path / "lines.jsonl")
    assert [len(x["sentences"]) for x in read_lines(tmp_path / "lines.jsonl")] == [1, 2]


def test_parquet_in_and_out(tmp_path):
    import pyarrow as pa  # in the [arrow] extra, installed by scripts/test.sh
    import pyarrow.parquet as pq
    pq.write_table(pa.table({"id": ["a", "b", "c"], "text": ["One. Two.", None, "Three."]}), tmp_path / "in.parquet")
    r = annotate(tmp_path / "in.parquet", "-o", tmp_path / "out.parquet", "--layers", "tokens,sentences")
    assert r.returncode == 1
    rows = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert [x["id"] for x in rows] == ["a", "b", "c"]
    assert rows[0]["sentences"] == [{"start": 0, "end": 4}, {"start": 5, "end": 9}]
    assert rows[1]["error"] and rows[1]["sentences"] is None
    assert rows[2]["tokens"] == [{"start": 0, "end": 5, "kind": "word"}, {"start": 5, "end": 6, "kind": "punct"}]


def test_output_appears_only_when_complete_and_resume_continues(tmp_path):
    recs = write_corpus(tmp_path / "in.jsonl", n=500)
    full = tmp_path / "full.jsonl"
    assert annotate(tmp_path / "in.jsonl", "-o", full).returncode == 0
    assert not (tmp_path / "full.jsonl.partial").exists()
    # An interrupted run: 123 whole lines and a torn one under the .partial name.
    lines = full.read_bytes().splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").write_bytes(b"".join(lines[:123]) + lines[123][:10])
    assert not out.exists()
    r = annotate(tmp_path / "in.jsonl", "-o", out, "--resume")
    assert r.returncode == 0, r.stderr
    assert b"resumed after 123" in r.stderr
    assert out.read_bytes() == full.read_bytes()
    assert len(read_lines(out)) == len(recs)


def test_stdin_to_stdout_with_threads():
    data = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(DOCS)).encode()
    r = annotate("-", "--threads", "2", stdin=data)
    assert r.returncode == 0
    assert [json.loads(x)["id"] for x in r.stdout.splitlines()] == list(range(len(DOCS)))
