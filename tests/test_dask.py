"""copydesk.dask.annotate on a real distributed.LocalCluster (two worker
processes) gives the records of the single-process run."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import cloudpickle
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import copydesk
import copydesk.dask
from copydesk import CopydeskError

SAMPLE = Path(copydesk.__file__).parent / "data" / "sample"
BOTH = ("tokens", "sentences")


def documents() -> list[str | None]:
    """About 200 documents: the sample's paragraphs, and a few odd ones."""
    paras = [p for f in sorted(SAMPLE.glob("GUM_news_*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n")]
    docs: list[str | None] = [p for p in paras if p.strip()][:190]
    docs += ["", None, "Hé said: “Oui.” 東京。 👍🏽", "Russia’s army didn’t move.", "   ", "e\u0301\x00\u2028x", None]
    docs += ["‘It will only grow,’ she said. US$1,200 on 12-Jan-22."] * 3
    return docs


def expected(text: str | None, layers=BOTH, offsets="chars") -> dict:
    if text is None:
        return {**{name: [] for name in layers}, "error": "text is null"}
    return {**copydesk.analyze(text, layers=layers, offsets=offsets).to_dict(), "error": None}


@pytest.fixture(scope="module")
def client():
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, memory_limit="1GiB"
    ) as cluster, Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def ddf():
    docs = documents()
    pdf = pd.DataFrame({"id": range(len(docs)), "text": pd.Series(docs, dtype=object)})
    return dd.from_pandas(pdf, npartitions=4)


@pytest.mark.parametrize("offsets", ["chars", "bytes"])
def test_cluster_equals_single_process(client, ddf, offsets):
    docs = documents()
    assert len(docs) >= 200 and ddf.npartitions == 4
    out = copydesk.dask.annotate(ddf, layers=BOTH, threads=1, offsets=offsets)
    assert list(out.columns) == ["id", "text", "tokens", "sentences", "error"]
    result = client.compute(out).result()
    assert len(result) == len(docs)
    assert result["id"].tolist() == list(range(len(docs)))
    got = result[[*BOTH, "error"]].to_dict("records")
    assert got == [expected(t, BOTH, offsets) for t in docs]
    # the partitions ran in the two worker processes, not in this one
    assert len(client.scheduler_info()["workers"]) == 2
    pids = set(client.compute(out.map_partitions(lambda p: pd.Series([os.getpid()]), meta=(None, "int64"))).result())
    assert 1 <= len(pids) <= 2 and os.getpid() not in pids


def test_cluster_default_layers_and_meta(client, ddf):
    out = copydesk.dask.annotate(ddf)
    assert list(out.columns) == ["id", "text", *copydesk.DEFAULT_LAYERS, "error"]
    result = client.compute(out).result()
    assert result.dtypes.to_dict() == out.dtypes.to_dict()
    assert result[[*copydesk.DEFAULT_LAYERS, "error"]].to_dict("records") == [
        expected(t, copydesk.DEFAULT_LAYERS) for t in documents()
    ]


def test_parquet_round_trip_on_the_cluster(client, ddf, tmp_path):
    out = copydesk.dask.annotate(ddf, layers=BOTH, threads=1)
    client.compute(out.to_parquet(tmp_path / "out", compute=False)).result()
    back = dd.read_parquet(tmp_path / "out", dtype_backend="pyarrow").compute()
    assert back[[*BOTH, "error"]].to_dict("records") == [expected(t) for t in documents()]


def test_partition_function_and_config_pickle():
    fn = copydesk.dask.PartitionAnnotator(column="body", layers=BOTH, threads=1, offsets="bytes", kind_type="string")
    pdf = pd.DataFrame({"body": ["Fine. Really.", None, "‘Yes,’ he said."]})
    want = fn(pdf)
    for dumps in (pickle.dumps, cloudpickle.dumps):
        again = pickle.loads(dumps(fn))
        assert again == fn
        pd.testing.assert_frame_equal(again(pdf), want)
        assert pickle.loads(dumps(copydesk.dask.annotate)) is copydesk.dask.annotate
    # as a closure, the way engines usually ship it
    shipped = cloudpickle.loads(cloudpickle.dumps(lambda p: fn(p)))
    pd.testing.assert_frame_equal(shipped(pdf), want)


def test_partition_with_non_str_values():
    fn = copydesk.dask.PartitionAnnotator(layers=BOTH)
    texts = pd.Series(["A b. C d.", 5, None, float("nan"), b"bytes"], dtype=object, index=[9, 8, 7, 6, 5])
    pdf = pd.DataFrame({"text": texts})
    out = fn(pdf)
    assert out.index.tolist() == [9, 8, 7, 6, 5]
    recs = out[[*BOTH, "error"]].to_dict("records")
    assert recs[0] == expected("A b. C d.")
    assert recs[1] == {"tokens": [], "sentences": [], "error": "text is not a str but int"}
    assert recs[2] == recs[3] == expected(None)
    assert recs[4]["error"] == "text is not a str but bytes"


def test_bad_arguments_are_clear(ddf):
    with pytest.raises(CopydeskError, match="no column 'body'"):
        copydesk.dask.annotate(ddf, column="body")
    with pytest.raises(TypeError, match="column 'id' has dtype int64"):
        copydesk.dask.annotate(ddf, column="id")
    with pytest.raises(CopydeskError, match="unknown layer 'quantity'"):
        copydesk.dask.annotate(ddf, layers=["quantity"])
