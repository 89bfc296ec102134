#!/usr/bin/env bash
# `npm start`: installs what is missing (npm packages, Temporal binaries), then runs the platform.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-modules.sh
bash scripts/install-temporal.sh
exec node --import tsx scripts/platform.ts "$@"
