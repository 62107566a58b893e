#!/usr/bin/env bash
# Fuzzes every parser for SECONDS each (default 60) in a release build.
#   tests/fuzz.sh 60
# A failure leaves the input in target/fuzz-failures/; make it a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
CANON_FUZZ_SECONDS=${1:-60} cargo test --release --test fuzz -- --test-threads=1 --nocapture
