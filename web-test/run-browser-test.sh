#!/usr/bin/env bash
# The browser test of the web page: npm ci, then node --test (see test/web-page.test.js).
# Skips, saying why, when Chromium or Node.js is missing, unless PIGEONHOLE_REQUIRE_BROWSER_TEST=1
# (.ci/run sets it after installing Chromium, so CI never skips it silently).
set -euo pipefail
cd "$(dirname "$0")"

chromium=${PIGEONHOLE_CHROMIUM:-/usr/bin/chromium}
missing=""
[ -x "$chromium" ] || missing="Chromium ($chromium; install it with: apt-get install chromium)"
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing="${missing:+$missing and }Node.js with npm"
if [ -n "$missing" ]; then
  if [ "${PIGEONHOLE_REQUIRE_BROWSER_TEST:-0}" = 1 ]; then
    echo "web-test: FAILED: the browser test needs $missing" >&2
    exit 1
  fi
  echo "web-test: SKIPPED the browser test of the web page: no $missing. .ci/run installs it."
  exit 0
fi

npm ci --no-audit --no-fund --loglevel=error
PIGEONHOLE_CHROMIUM="$chromium" node --test --test-concurrency=1 test/
