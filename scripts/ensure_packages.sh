#!/usr/bin/env bash
# Install the Debian packages the tests need when they are missing (make's redis-server-installed
# and chromium-installed). Checked on every run rather than stamped, so a removed package is
# noticed. CI runs as root on Debian; elsewhere sudo is used when there is one.
#
#   scripts/ensure_packages.sh "<what needs them>" PACKAGE[:COMMAND] ...
#
# A package with a COMMAND counts as present when the command is on PATH (however it was
# installed); one without, when dpkg says it is installed.
set -euo pipefail

why=$1
shift
missing=()
for wanted in "$@"; do
  package=${wanted%%:*}
  command=${wanted#*:}
  if [ "$command" != "$wanted" ]; then
    command -v "$command" >/dev/null 2>&1 && continue
  else
    [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" = "install ok installed" ] && continue
  fi
  missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "make: ${missing[*]} missing and installing needs root or sudo; install the Debian" \
    "package(s) ${missing[*]} ($why)" >&2
  exit 1
fi
echo "make: installing ${missing[*]} with apt-get ($why)"
if ! { "${sudo[@]}" apt-get update -qq &&
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}"; }; then
  echo "make: apt-get could not install ${missing[*]}; $why" >&2
  exit 1
fi
for wanted in "$@"; do
  command=${wanted#*:}
  if [ "$command" != "$wanted" ] && ! command -v "$command" >/dev/null 2>&1; then
    echo "make: ${wanted%%:*} was installed but $command is still not on PATH" >&2
    exit 1
  fi
done
