#!/usr/bin/env bash
# The whole test suite: the Rust core's tests, then the Python tests run
# against a wheel built from this checkout and installed into a fresh virtual
# environment (so a file missing from the wheel fails here, as it would for a user).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${COPYDESK_TEST_VENV:-.venv-test}
python=${PYTHON:-python3}

echo "== Rust: copydesk-core"
cargo test -p copydesk-core --all-targets

echo "== Python: build the wheel, install it with [test,arrow,dask] into $venv"
"$python" -m venv --clear "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
rm -rf "$venv/dist"
"$venv/bin/python" -m pip wheel -q --no-deps . -w "$venv/dist"
wheel=$(ls "$venv"/dist/copydesk-*.whl)
"$venv/bin/python" -m pip install -q "${wheel}[test,arrow,dask]"

echo "== Python: tests against the installed wheel"
"$venv/bin/python" -m pytest -q tests
