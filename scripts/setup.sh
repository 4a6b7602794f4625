#!/usr/bin/env bash
# Everything a fresh Debian machine with Node.js 20 needs before `npm test`, `npm run demo` or
# `npm run bench`: Debian packages (Chromium, the DAV servers, rclone's WebDAV server for photo
# folders, Python parsers used to check exports, vdirsyncer for the benchmark) and the npm
# dependencies. Each step runs only when something is missing, so a second run is quick.
set -euo pipefail
cd "$(dirname "$0")/.."

# command-or-python-module : Debian package
needed=(
  "/usr/bin/chromium:chromium"
  "/usr/bin/rclone:rclone"
  "py:radicale:radicale"
  "py:xandikos:xandikos"
  "py:vobject:python3-vobject"
  "py:icalendar:python3-icalendar"
  # The benchmark compares Lifeboat with vdirsyncer (run with Debian's python: /usr/bin/vdirsyncer).
  "/usr/bin/vdirsyncer:vdirsyncer"
  # The zip-bomb import test builds its bomb at test time with zip and zipnote.
  "/usr/bin/zip:zip"
)
missing=()
for entry in "${needed[@]}"; do
  if [[ $entry == py:* ]]; then
    IFS=: read -r _ module package <<<"$entry"
    # Debian's Python packages are importable by /usr/bin/python3 only, not a python3 earlier on PATH.
    [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c "import $module" 2>/dev/null || missing+=("$package")
  else
    IFS=: read -r path package <<<"$entry"
    [[ -x $path ]] || missing+=("$package")
  fi
done
[[ -x /usr/bin/python3 ]] || missing+=(python3)

if ((${#missing[@]} > 0)); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing npm dependencies"
  npm ci --no-audit --no-fund
fi
