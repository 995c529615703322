#!/usr/bin/env bash
# Letters benchmark (issues 3 and 7): `aap letters` on N synthetic dossiers under /usr/bin/time -v, then
# letters_bench on the same dossiers: the CPU time of each step of a letter on one thread, without the disk.
# usage: bench/letters/run.sh [N] [JOBS]   (defaults 1000, 1). Prints wall, CPU, peak memory, letters/s, KB/letter,
# then letters_bench's table (ms a letter per step, letters per second per core).
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000}
jobs=${2:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DAAP_BENCH=ON >/dev/null
cmake --build build-bench --target aap letters_bench -j"$(nproc)" >/dev/null
/usr/bin/python3 bench/generate_dossiers.py "$n" "$work/dossiers"
/usr/bin/time -v ./build-bench/aap letters --quiet --jobs "$jobs" --dossiers "$work/dossiers" --out "$work/out" \
  2> "$work/time.txt"
wall=$(grep "Elapsed (wall" "$work/time.txt" | awk '{print $NF}')
user=$(grep "User time" "$work/time.txt" | awk '{print $NF}')
sys=$(grep "System time" "$work/time.txt" | awk '{print $NF}')
rss=$(grep "Maximum resident" "$work/time.txt" | awk '{print $NF}')
letters=$(find "$work/out/courriers" -name '*.pdf' ! -name 'courriers-a-imprimer.pdf' | wc -l)
bytes=$(find "$work/out/courriers" -name '*.pdf' ! -name 'courriers-a-imprimer.pdf' -printf '%s\n' | awk '{s+=$1} END {print s}')
batch=$(stat -c %s "$work/out/courriers/courriers-a-imprimer.pdf")
secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
echo "date: $(date -u +%F) machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "dossiers: $n jobs: $jobs letters: $letters"
echo "wall: ${secs} s user: ${user} s sys: ${sys} s peak RSS: $((rss / 1024)) MB"
echo "letters/s (wall): $(awk -v l="$letters" -v s="$secs" 'BEGIN {printf "%.1f", l / s}')"
echo "bytes/letter: $((bytes / letters)) print batch: $((batch / 1024)) KB"
echo
./build-bench/bench/letters_bench "$work/dossiers" fixtures/campaign.json 2027-03-20
