#!/usr/bin/env bash
# Installs what is missing, builds aap and runs `aap run` on the shipped fixtures (outputs in output/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target aap -j"$(nproc)"
./build/aap run "$@"
