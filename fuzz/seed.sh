#!/usr/bin/env bash
# Builds the seed corpus of every fuzz target from our own records and fixtures
# (tests/fixtures/**, records/): each file once, named by its content hash. The corpus
# folders are not committed; libFuzzer adds what it finds to them.
set -euo pipefail
cd "$(dirname "$0")"
targets=(parse_record score render_site)
for t in "${targets[@]}"; do mkdir -p "corpus/$t"; done
find ../tests/fixtures ../records -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' \) -print0 |
  while IFS= read -r -d '' f; do
    name=$(sha1sum "$f" | cut -c1-16)
    for t in "${targets[@]}"; do cp -n "$f" "corpus/$t/$name" 2>/dev/null || true; done
  done
for t in "${targets[@]}"; do echo "corpus/$t: $(find "corpus/$t" -type f | wc -l) seeds"; done
