#!/usr/bin/env bash
# Cloud Build steps start from a fresh container of the Cloud SDK image: give it what make needs
# (make, python3-venv). Only /workspace (the checkout, .venv, build/) persists between steps.
set -euo pipefail
missing=()
command -v make >/dev/null 2>&1 || missing+=(make)
python3 -c 'import ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
