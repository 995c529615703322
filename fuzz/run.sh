#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and runs each in turn for SECONDS
# (default 120). New interesting inputs go to build-fuzz/corpus/<target>/, not to the seeds in
# fuzz/corpus/; a crash leaves build-fuzz/crash-* and stops the script with a non-zero status.
# Usage: fuzz/run.sh [seconds] [target…]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
shift || true
# The machine is shared: two jobs at most unless AAP_FUZZ_JOBS says otherwise.
jobs="${AAP_FUZZ_JOBS:-2}"

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DAAP_FUZZ=ON -DBUILD_TESTING=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_dossier_json fuzz_campaign fuzz_template fuzz_dossier_workbook fuzz_workbook_parts)
  [ -f fuzz/fuzz_dossier_csv.cpp ] && targets+=(fuzz_dossier_csv)
fi
cmake --build build-fuzz -j"$jobs" --target "${targets[@]}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/.ci/lsan.supp}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
for target in "${targets[@]}"; do
  name="${target#fuzz_}"
  mkdir -p "build-fuzz/corpus/$name"
  # A workbook is a ZIP archive: its seeds (the fixture workbooks) take some 45 Ko.
  max_len=16384
  [ "$name" = dossier_workbook ] && max_len=65536
  # One part of a workbook: the fixture's largest, the Dossiers sheet, takes some 28 Ko.
  [ "$name" = workbook_parts ] && max_len=65536
  echo "== $target, ${seconds} s"
  # -timeout: one input taking over 10 s is a hang; -max_len: a dossier file of a few dossiers;
  # -rss_limit_mb: an input that makes the reader hold over 1 Go (ASan's own share included) is a failure.
  (cd build-fuzz && "./fuzz/$target" -max_total_time="$seconds" -timeout=10 -max_len="$max_len" \
     -rss_limit_mb="${AAP_FUZZ_RSS_MB:-1024}" \
     -print_final_stats=1 "corpus/$name" "../fuzz/corpus/$name" 2>&1 | tee "fuzz-$name.log" |
     grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|==[0-9]+==ERROR|SUMMARY|Test unit written)' || true)
  if grep -q 'Test unit written\|==ERROR' "build-fuzz/fuzz-$name.log"; then
    echo "$target: a crash was found, see build-fuzz/fuzz-$name.log" >&2
    exit 1
  fi
done
