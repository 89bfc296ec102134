#!/usr/bin/env bash
# The Web UI browser test drives Debian's Chromium (not a downloaded one), with a CJK font so that its
# screenshots show the Chinese summaries. Installs what is missing when this user may; otherwise says how.
# Idempotent: does nothing when both are present.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
packages=()
[[ -x "$path" ]] || packages+=(chromium)
if command -v fc-list >/dev/null && [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]]; then packages+=(fonts-wqy-zenhei); fi
if [[ ${#packages[@]} == 0 ]]; then exit 0; fi
if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "installing ${packages[*]} for the Web UI browser test"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; }
  exit 0
fi
if [[ ! -x "$path" ]]; then
  echo "Chromium is needed for the Web UI browser test: run 'sudo apt-get install chromium fonts-wqy-zenhei'" >&2
  echo "(Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
  exit 1
fi
echo "note: no Chinese font found; Web UI screenshots will show boxes (apt-get install fonts-wqy-zenhei)" >&2
