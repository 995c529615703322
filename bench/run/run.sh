#!/usr/bin/env bash
# Whole-run benchmark (issue 7): `aap run` on N synthetic dossiers under /usr/bin/time -v, for each N given.
# usage: bench/run/run.sh [JOBS] [N...]   (defaults: JOBS = nproc, N = 1000 10000)
# Prints one Markdown table row per N: wall, CPU, peak memory, letters per second, bytes per output, under
# the date and the machine, and appends the same report to bench/RESULTS.md (RECORD=0 to only print it).
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=${1:-$(nproc)}
shift || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench --target aap -j2 >/dev/null 2>&1 || { echo "build failed" >&2; exit 1; }

{
echo "date: $(date -u '+%F %H:%M UTC'); machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average: $(cut -d' ' -f1-3 /proc/loadavg); --jobs $jobs"
echo
echo "| N | wall | user + sys CPU | peak RSS | letters | letters / s (wall) | letters / s / core (CPU) | bytes / letter | print batch | other outputs |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for n in "${sizes[@]}"; do
  rm -rf "$work/dossiers" "$work/out"
  /usr/bin/python3 bench/generate_dossiers.py "$n" "$work/dossiers"
  sync
  /usr/bin/time -v ./build-bench/aap run --quiet --jobs "$jobs" --date 2027-03-20 \
    --dossiers "$work/dossiers" --out "$work/out" 2> "$work/time.txt" >/dev/null
  wall=$(grep "Elapsed (wall" "$work/time.txt" | awk '{print $NF}')
  user=$(grep "User time" "$work/time.txt" | awk '{print $NF}')
  sys=$(grep "System time" "$work/time.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident" "$work/time.txt" | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  letters=$(find "$work/out/courriers" -maxdepth 1 -name '*.pdf' ! -name 'courriers-a-imprimer.pdf' | wc -l)
  letter_bytes=$(find "$work/out/courriers" -maxdepth 1 -name '*.pdf' ! -name 'courriers-a-imprimer.pdf' -printf '%s\n' | awk '{s+=$1} END {print s}')
  batch=$(stat -c %s "$work/out/courriers/courriers-a-imprimer.pdf")
  # Every other output with its size, e.g. "annexes.xlsx 1.2 MB".
  others=$(cd "$work/out" && find . -type f ! -path './courriers/*.pdf' -printf '%P %s\n' | sort |
    awk '{ if ($2 >= 1048576) printf "%s%s %.1f MB", sep, $1, $2/1048576; else printf "%s%s %.0f KB", sep, $1, $2/1024; sep=", " }' |
    sed 's/, [^,]*emails\/[^,]*//g')
  emails=$(find "$work/out" -path '*emails*' -type f | wc -l)
  [ "$emails" -gt 0 ] && others="$others, $emails e-mails"
  awk -v n="$n" -v s="$secs" -v u="$user" -v y="$sys" -v r="$rss" -v l="$letters" -v lb="$letter_bytes" \
      -v b="$batch" -v o="$others" 'BEGIN {
    printf "| %d | %.1f s | %.1f + %.1f s | %d MB | %d | %.0f | %.0f | %.1f KB | %.1f MB | %s |\n",
      n, s, u, y, r / 1024, l, l / s, l / (u + y), lb / l / 1024, b / 1048576, o }'
done
} | tee "$work/report.md"
if [ "${RECORD:-1}" != 0 ]; then
  { echo; echo "### \`bench/run/run.sh $jobs ${sizes[*]}\`"; echo; cat "$work/report.md"; } >> bench/RESULTS.md
  echo "(appended to bench/RESULTS.md)" >&2
fi
