#!/usr/bin/env bash
# `npm test`: the whole suite — typecheck, lint, formatting, then every mocha suite (unit, adapters on real
# PostgreSQL, workflows on the real Temporal test servers, API, end-to-end on the real dev server).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-modules.sh
bash scripts/install-temporal.sh
bash scripts/install-chromium.sh
bash scripts/install-prometheus.sh
echo "== typecheck" && npx tsc --noEmit -p . && npx tsc --noEmit -p workbench
echo "== lint" && npx eslint . --max-warnings 0
echo "== format" && npx prettier --check . --log-level warn
# The whole suite is named here, not in .mocharc.json, so that `npm run test:only -- <files>` runs just those.
echo "== mocha" && npx mocha 'test/**/*.test.ts' "$@"
