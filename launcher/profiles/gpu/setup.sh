#!/usr/bin/env bash
# One-time setup of the gpu profile: checks an extracted libtorch and installs the DJL JNI library that matches it
# into DJL's engine cache, where DJL looks first (the DJL bundle itself carries only the CPU JNI library).
#   bash launcher/profiles/gpu/setup.sh LIBTORCH_LIB_DIR [FLAVOR]      FLAVOR: cu128 (default) or cpu
# Environment: PYTORCH_VERSION (default 2.7.1), ENGINE_CACHE_DIR (default <dragon home>/run/djl).
# The JNI library comes from ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0 (Maven Central, ~20 MB; it holds cpu and cu128).
set -euo pipefail
home=$(cd "$(dirname "$0")/../../.." && pwd)
[ $# -ge 1 ] || { echo "usage: bash launcher/profiles/gpu/setup.sh LIBTORCH_LIB_DIR [cu128|cpu]" >&2; exit 2; }
lib=$(cd "$1" 2>/dev/null && pwd) || { echo "gpu setup: $1: no such folder" >&2; exit 1; }
flavor=${2:-cu128}
version=${PYTORCH_VERSION:-2.7.1}
djl=0.36.0
cache=${ENGINE_CACHE_DIR:-$home/run/djl}
[ -f "$lib/libtorch.so" ] || { echo "gpu setup: $lib: no libtorch.so (give the lib folder of an extracted libtorch $version)" >&2; exit 1; }
if [ "$flavor" != cpu ] && [ ! -f "$lib/libtorch_cuda.so" ]; then
  echo "gpu setup: $lib: no libtorch_cuda.so: this libtorch is not a CUDA build (use FLAVOR cpu to try the profile on a CPU)" >&2; exit 1
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
artifact=ai.djl.pytorch:pytorch-jni:$version-$djl
(cd "$tmp" && { mvn -B -q -o dependency:copy -Dartifact="$artifact" -DoutputDirectory="$tmp" >"$tmp/mvn.log" 2>&1 \
   || mvn -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$tmp" >"$tmp/mvn.log" 2>&1; }) \
  || { cat "$tmp/mvn.log" >&2; echo "gpu setup: could not get $artifact with Maven" >&2; exit 1; }
entry=jnilib/linux-x86_64/$flavor/libdjl_torch.so
unzip -q -o "$tmp/pytorch-jni-$version-$djl.jar" "$entry" -d "$tmp/x" 2>/dev/null \
  || { echo "gpu setup: $artifact has no $entry (flavours: $(unzip -Z1 "$tmp/pytorch-jni-$version-$djl.jar" | sed -n 's|^jnilib/linux-x86_64/\([^/]*\)/.*|\1|p' | tr '\n' ' '))" >&2; exit 1; }
target="$cache/pytorch/$version-$flavor-linux-x86_64"
mkdir -p "$target"
cp "$tmp/x/$entry" "$target/.$djl-libdjl_torch.so.part"
mv "$target/.$djl-libdjl_torch.so.part" "$target/$djl-libdjl_torch.so"
echo "installed $target/$djl-libdjl_torch.so"
echo "now: export PYTORCH_LIBRARY_PATH=$lib$( [ "$flavor" = cu128 ] || echo " PYTORCH_FLAVOR=$flavor" ); ./dragon --profile gpu COMMAND"
