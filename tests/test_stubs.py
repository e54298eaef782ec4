"""The type stubs of the compiled module match it (mypy.stubtest), and the package type-checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_core_stubs_match_the_module():
    r = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "copydesk._core", "--ignore-missing-stub"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_package_type_checks(tmp_path):
    # The installed package, by name (a path inside site-packages confuses
    # mypy), with the project's settings (pyproject.toml), run from elsewhere
    # so that the checkout's own files are not picked up instead.
    root = Path(__file__).resolve().parents[1]
    r = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(root / "pyproject.toml"), "-p", "copydesk"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stdout + r.stderr
