#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running aap need. Idempotent; run as root.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config
  # libraries (the chosen stack)
  libboost-program-options-dev nlohmann-json3-dev libkainjow-mustache-dev libmd4c-dev
  libpodofo-dev libxlsxwriter-dev libzip-dev libhyphen-dev hyphen-fr zlib1g-dev libssl-dev
  # dossiers read from the instructors' .xlsx/.ods workbooks (LibreOffice's import library, API 0.17)
  liborcus-dev
  # a faster malloc for the program, faster compression of the PDFs (CMakeLists.txt says why)
  libmimalloc-dev libdeflate-dev
  # fonts embedded in the PDFs
  fonts-liberation2
  # the sRGB ICC profile of the PDFs' output intent (PDF/A-2), compiled in (src/render/pdf/make_icc_table.py)
  icc-profiles-free
  # build: the PDF fonts are subset at build time (src/render/pdf/make_font_tables.py)
  python3-fonttools
  # tests: GoogleTest and the independent readers of our documents
  libgtest-dev libgmock-dev poppler-utils qpdf python3 python3-openpyxl
  libreoffice-writer-nogui libreoffice-calc-nogui
  # tests: the official schemas (tests/data/schemas) validate what other systems read: xmllint the @ctes
  # envelope against the ACTES XSD, jing the ODT's parts against the ODF 1.2 RelaxNG
  libxml2-utils jing
  # tests: pikepdf reads the PDFs' catalog, XMP, structure tree and marked content (PDF/A-2, PDF/UA-1)
  python3-pikepdf
  # tests and bench/: /usr/bin/time measures aap's peak memory (tests/robustness/limits_test.cpp)
  time
  # fuzzing (fuzz/run.sh): clang and its libFuzzer runtime
  clang libclang-rt-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: tout est déjà installé."
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: paquets manquants (${missing[*]}) ; relancez en root." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
