#!/usr/bin/env bash
# Proves that bnd baselining guards the API: builds a copy of the api module (and the API sources it compiles) in a
# temporary folder, offline, three times against the committed baseline:
#   1. a method removed from Reward, versions untouched          -> the build must FAIL with bnd's baseline report
#   2. a default method added to Reward, versions untouched      -> the build must FAIL (a minor change needs a bump)
#   3. the same default method, dev.dragon.api and the API minor-bumped (1.1.0) -> the build must PASS
# The real tree and the installed dragon-api are never touched (`mvn verify`, not install).
# Usage: bash api/src/test/baseline/check-breaking-change.sh      (after `mvn install -pl api` once; ~30 s)
# Prints one "PASS name" / "FAIL name: why" line per case; exits non-zero when any case fails.
set -uo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fresh_copy() { # a pristine copy of what the api module builds from, in $work/tree
  rm -rf "$work/tree"; mkdir -p "$work/tree/framework-core/src/main/java/dev/dragon"
  cp "$home/pom.xml" "$home/bnd.bnd" "$work/tree/"
  cp -r "$home/cnf" "$work/tree/"
  [ -d "$home/.mvn" ] && cp -r "$home/.mvn" "$work/tree/"   # keeps the caller's local repository settings
  mkdir -p "$work/tree/api"
  cp -r "$home/api/pom.xml" "$home/api/bnd.bnd" "$home/api/baseline" "$work/tree/api/"
  for p in api io runtime; do cp -r "$home/framework-core/src/main/java/dev/dragon/$p" "$work/tree/framework-core/src/main/java/dev/dragon/"; done
}
build() { # name -> exit code of an offline verify of the copied api module; log in $work/NAME.log
  (cd "$work/tree" && mvn -B -o verify -f api/pom.xml >"$work/$1.log" 2>&1)
}
check() { # name, expectation (fail|pass), grep patterns the log must hold...
  local name=$1 expect=$2; shift 2
  build "$name"; local rc=$?
  local ok=1
  if [ "$expect" = fail ] && [ $rc -eq 0 ]; then ok=0; fi
  if [ "$expect" = pass ] && [ $rc -ne 0 ]; then ok=0; fi
  for pattern in "$@"; do grep -qE -- "$pattern" "$work/$name.log" || ok=0; done
  if [ $ok -eq 1 ]; then echo "PASS $name"
  else
    failures=$((failures + 1))
    echo "FAIL $name: build exit $rc (expected to $expect); $(grep -E 'ERROR|Baseline|PACKAGE|BUNDLE' "$work/$name.log" | head -n 12 | tr '\n' ' ' | head -c 900)"
  fi
}
reward=framework-core/src/main/java/dev/dragon/api/Reward.java
api_info=framework-core/src/main/java/dev/dragon/api/package-info.java

# 1. breaking: Reward loses usesPrompt()
fresh_copy
python3 - "$work/tree/$reward" <<'PY'
import re, sys
p = sys.argv[1]; s = open(p).read()
t = re.sub(r"\n    /\*\* @return true when the score depends.*?\n    default boolean usesPrompt\(\) \{\n        return false;\n    \}\n", "\n", s, flags=re.S)
assert t != s, "usesPrompt() not found in Reward.java: update this test"
open(p, "w").write(t)
PY
check baseline-fails-on-removed-method fail 'Baseline problems detected' '\* dev\.dragon\.api +PACKAGE +MAJOR +1\.0\.0 +1\.0\.0 +2\.0\.0'

# 2. compatible but unversioned: a new default method, nothing bumped
fresh_copy
add_default_method() {
  python3 - "$work/tree/$reward" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
i = s.rindex("}")
s = s[:i] + "\n    /** @return a human-readable name (added by the baseline test) */\n    default String displayName() {\n        return id();\n    }\n}\n"
open(p, "w").write(s)
PY
}
add_default_method
check baseline-fails-on-unbumped-minor-change fail 'Baseline problems detected' '\* dev\.dragon\.api +PACKAGE +MINOR +1\.0\.0 +1\.0\.0 +1\.1\.0'

# 3. the same change with a minor bump of the package and of the API (bundle) version only: passes
sed -i 's/@org.osgi.annotation.versioning.Version("1.0.0")/@org.osgi.annotation.versioning.Version("1.1.0")/' "$work/tree/$api_info"
sed -i '0,/^  <version>1.0.0<\/version>/s//  <version>1.1.0<\/version>/' "$work/tree/api/pom.xml"
check baseline-passes-minor-change-with-minor-bump pass 'Baseline check succeeded' 'BUILD SUCCESS'

[ $failures -eq 0 ]
