#!/usr/bin/env bash
# Regenerates api/baseline/dragon-api-baseline.jar, the API as released, from the current sources. Run it only when
# releasing the API (after bumping <version> in api/pom.xml and the packages' @Version as the baseline report says),
# then set <dragon.api.baseline.version> in api/pom.xml to that version and commit both.
#   bash api/baseline/regenerate.sh
set -euo pipefail
api=$(cd "$(dirname "$0")/.." && pwd)
mvn -B -q -o package -f "$api/pom.xml" -Dbnd.baseline.skip=true -DskipTests
version=$(sed -n 's|^  <version>\(.*\)</version>.*|\1|p' "$api/pom.xml" | head -n 1)
tmp=$(mktemp "$api/baseline/.dragon-api-baseline.XXXXXX")
cp "$api/target/dragon-api-$version.jar" "$tmp"
mv "$tmp" "$api/baseline/dragon-api-baseline.jar"
echo "api/baseline/dragon-api-baseline.jar: dragon-api $version ($(stat -c %s "$api/baseline/dragon-api-baseline.jar") bytes)"
