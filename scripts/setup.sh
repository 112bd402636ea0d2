#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, test and report:
# libhdf5-dev (run files), hdf5-tools (h5dump, used by tests), gnuplot-nox (reports).
set -euo pipefail
need=()
for pkg in libhdf5-dev hdf5-tools gnuplot-nox pkg-config; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
