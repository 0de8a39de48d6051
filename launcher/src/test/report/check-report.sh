#!/usr/bin/env bash
# Loads a run's report.html in headless Chromium and checks it: no console errors or failed requests, the reward and
# loss curves drawn as SVG, every audio player loads. Writes launcher/target/cli-reports/TEST-report.xml (JUnit).
# Usage: bash launcher/src/test/report/check-report.sh [RUN_DIR]
#   RUN_DIR defaults to framework-core/target/report-fixture, the run folder RunServiceTest writes (mvn install).
# Installs Debian's chromium with apt-get and puppeteer-core (pinned in package.json) with npm when they are missing.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
home=$(cd "$here/../../../.." && pwd)
run_dir=${1:-$home/framework-core/target/report-fixture}
reports="$home/launcher/target/cli-reports"
tools="$home/launcher/target/report-check"
mkdir -p "$reports" "$tools"

if ! command -v "${CHROMIUM:-chromium}" >/dev/null 2>&1; then
  echo "installing chromium (apt-get)" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi
if [ ! -d "$tools/node_modules/puppeteer-core" ]; then
  echo "installing puppeteer-core (npm)" >&2
  cp "$here/package.json" "$tools/package.json"
  (cd "$tools" && npm install --no-audit --no-fund --silent) || { echo "check-report: npm install puppeteer-core failed" >&2; exit 1; }
fi
cp "$here/check-report.mjs" "$tools/check-report.mjs"
node "$tools/check-report.mjs" "$run_dir" "$reports/TEST-report.xml"
