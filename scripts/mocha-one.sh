#!/usr/bin/env bash
# Runs only the given test files with the project's mocha setup: `npm run test:only -- test/unit/auth.test.ts`.
# (.mocharc.json's spec list would otherwise be added to whatever files are named.)
set -euo pipefail
exec npx mocha --no-config --require tsx/cjs --require test/setup/global-fixtures.ts --extension ts \
  --timeout 60000 --exit "$@"
