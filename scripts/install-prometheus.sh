#!/usr/bin/env bash
# The alert rules (ops/prometheus/) are checked and unit-tested by Prometheus's own promtool, from Debian's
# prometheus package. Installs it when missing and this user may; otherwise says how. Idempotent.
set -euo pipefail
if command -v "${PROMTOOL:-promtool}" >/dev/null; then exit 0; fi
if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "installing prometheus (for promtool) to check the alert rules"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends prometheus >/dev/null ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends prometheus >/dev/null; }
  exit 0
fi
echo "promtool is needed to check the alert rules: run 'sudo apt-get install prometheus' (Debian/Ubuntu)" >&2
echo "or set PROMTOOL to a promtool binary." >&2
exit 1
