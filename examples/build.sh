#!/usr/bin/env bash
# Builds the example plugins from a dragon checkout, in one command:
#   bash examples/build.sh            -> examples/spectral-flatness-reward/target/spectral-flatness-reward-1.0.0.jar
# 1. installs the plugin API artifact dev.dragon:dragon-api (the version api/pom.xml names; its bnd baseline check
#    runs too) and the parent POM it refers to into the local Maven repository,
# 2. packages each example as the stand-alone Maven project it is (unit tests included), against that API version.
# Offline when the local repository already holds the build plugins (after any dragon build); online otherwise.
# Prints the path of each plugin jar on stdout; Maven's output goes to stderr only on failure.
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

mvn_quiet() { # runs Maven offline, then online if offline lacks something; shows the log only when both fail
  if mvn -B -o "$@" >"$log" 2>&1; then return 0; fi
  if mvn -B "$@" >"$log" 2>&1; then return 0; fi
  cat "$log" >&2
  echo "examples/build.sh: mvn $* failed (output above)" >&2
  return 1
}

api_version=$(sed -n 's|^  <version>\(.*\)</version>.*|\1|p' "$home/api/pom.xml" | head -n 1)
[ -n "$api_version" ] || { echo "examples/build.sh: no <version> in $home/api/pom.xml" >&2; exit 1; }
(cd "$home" && mvn_quiet install -pl api -am -DskipTests)

for project in "$home"/examples/*/pom.xml; do
  dir=$(dirname "$project")
  mvn_quiet package -f "$project" -Ddragon.api.version="$api_version"
  ls "$dir"/target/*.jar | grep -v -- '-sources.jar$'
done
