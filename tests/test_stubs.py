"""The type stubs of the compiled module match it (mypy.stubtest)."""

from __future__ import annotations

import subprocess
import sys


def test_core_stubs_match_the_module():
    r = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "copydesk._core", "--ignore-missing-stub"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
