#!/bin/sh
# Builds annexes_bench in Release and writes the annex for N synthetic dossiers (default 100000),
# reporting time and peak memory with /usr/bin/time -v. Usage: bench/annexes/run.sh [N]
# (build directory: $AAP_BENCH_BUILD_DIR, default build-bench).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${AAP_BENCH_BUILD_DIR:-"$root/build-bench"}
count=${1:-100000}
cmake -S "$root" -B "$build" -DAAP_BENCH=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null
make -C "$build" -j2 annexes_bench >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
/usr/bin/time -v "$build/bench/annexes_bench" "$count" "$out/annexes.xlsx" 2>"$out/time.txt"
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|User time|System time' "$out/time.txt"
echo "file: $(du -k "$out/annexes.xlsx" | cut -f1) KB"
