#!/usr/bin/env bash
# Re-resolves every .bndrun (launcher profiles and the in-framework test run) after a dependency change, and
# writes -runbundles in the order a plain build's check computes (sorted by symbolic name), so that the committed
# files pass `failOnChanges` afterwards. Commit the .bndrun files it changes.
set -euo pipefail
home=$(cd "$(dirname "$0")/.." && pwd)
cd "$home"
mvn -q -B install -DskipTests -Ddragon.resolve.failOnChanges=false
python3 - launcher/profiles/*.bndrun itest/suite/test.bndrun <<'PY'
import re, sys
for path in sys.argv[1:]:
    text = open(path).read()
    m = re.search(r"-runbundles: \\\n((?:\t[^\n]*\n?)+)", text)
    if not m:
        continue
    entries = [line.strip().rstrip(",\\").rstrip("\\").rstrip(",") for line in m.group(1).splitlines() if line.strip()]
    entries.sort(key=lambda e: e.split(";")[0])
    block = "-runbundles: \\\n" + ",\\\n".join("\t" + e for e in entries)
    end = m.end(1)
    open(path, "w").write(text[:m.start()] + block + ("\n" if text[end - 1:end] == "\n" else "") + text[end:])
    print("sorted", path)
PY
mvn -q -B install -DskipTests   # the check a plain build makes
