"""pytest set-up for the benchmark suites in benches/.

- ``pytest benches`` collects ``bench_*.py`` (pytest's default pattern is ``test_*.py``).
- Markers: ``copydesk`` (copydesk's own benchmarks), ``anchor`` (other libraries,
  for comparison), ``tokens``, ``sentences``. Prefer ``-m anchor`` to
  ``-k "not copydesk"``: ``-k`` also matches parent directory names, so in a
  checkout whose folder is called ``copydesk`` it deselects everything.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:  # bench modules import corpus.py whatever pytest's import mode
    sys.path.insert(0, str(_HERE))


def pytest_configure(config: pytest.Config) -> None:
    for name, doc in [
        ("copydesk", "benchmarks of copydesk itself"),
        ("anchor", "benchmarks of other libraries, for comparison"),
        ("tokens", "tokenization benchmarks"),
        ("sentences", "sentence segmentation benchmarks"),
        ("quotes", "tokens and quotations together"),
        ("quantities", "tokens and quantities together"),
    ]:
        config.addinivalue_line("markers", f"{name}: {doc}")


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    if (
        file_path.suffix == ".py"
        and file_path.name.startswith("bench_")
        and not parent.session.isinitpath(file_path)
    ):
        return pytest.Module.from_parent(parent, path=file_path)
    return None
