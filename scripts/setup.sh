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
  # Firefox's e2e tests (test/e2e/firefox-*.test.ts) drive the current ESR through WebDriver BiDi.
  "/usr/bin/firefox-esr:firefox-esr"
  "/usr/bin/rclone:rclone"
  "py:radicale:radicale"
  "py:xandikos:xandikos"
  "py:vobject:python3-vobject"
  "py:icalendar:python3-icalendar"
  # The benchmark compares Lifeboat with vdirsyncer (run with Debian's python: /usr/bin/vdirsyncer).
  "/usr/bin/vdirsyncer:vdirsyncer"
  # Cyrus IMAP, the third real DAV server of the integration tests (test/harness/cyrus.ts):
  # master is in cyrus-common (pulled in by cyrus-imapd), httpd with CalDAV/CardDAV in
  # cyrus-caldav, saslpasswd2 in sasl2-bin, the PLAIN mechanism in libsasl2-modules.
  "/usr/lib/cyrus/bin/master:cyrus-imapd"
  "/usr/lib/cyrus/bin/httpd:cyrus-caldav"
  "/usr/bin/cyradm:cyrus-admin"
  "/usr/sbin/saslpasswd2:sasl2-bin"
  "/usr/lib/$(uname -m)-linux-gnu/sasl2/libplain.so.2:libsasl2-modules"
  # An encrypted backup (AES-256 zip) is checked to open in 7-Zip (test/integration/archive-encrypt-7zip.test.ts).
  "/usr/bin/7zz:7zip"
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
    # -e, not -x: a SASL plugin is a library, not a program.
    [[ -e $path ]] || missing+=("$package")
  fi
done
[[ -x /usr/bin/python3 ]] || missing+=(python3)

if ((${#missing[@]} > 0)); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing npm dependencies"
  npm ci --no-audit --no-fund
fi
