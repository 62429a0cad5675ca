#!/usr/bin/env bash
# make fuzz [SECONDS=600]: builds the libFuzzer target (Fuzz/CPlanFuzz) with the fuzzer and
# AddressSanitizer, and fuzzes the lexer, parser, plan loader, engine and exports for SECONDS.
#
#   seed corpus   plans/*.plan and Fuzz/seeds/ (test fixtures, actions, extremes, bad bytes)
#   dictionary    Fuzz/cplan.dict (verbs, kinds, attributes, enum values, SPEC §2 tokens)
#   output        fuzz-out/corpus (grows; kept between runs), fuzz-out/crash-* (the inputs that
#                 failed), fuzz-out/fuzz.log; the last lines of the log give executions and coverage.
#
# A crash is replayed without libFuzzer by `swift run CPlanFuzz fuzz-out/crash-…`, and minimised with
# `.build-fuzz/release/CPlanFuzz -minimize_crash=1 -runs=10000 fuzz-out/crash-…`.
# Environment: JOBS (parallel fuzzing processes, default 1), FUZZ_ARGS (more libFuzzer flags).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
out=fuzz-out
scratch=.build-fuzz
swift build -c release --product CPlanFuzz --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
  -Xswiftc -DCPLAN_FUZZ -Xswiftc -enable-experimental-feature -Xswiftc Extern
binary="$scratch/release/CPlanFuzz"
mkdir -p "$out/corpus" "$out/seeds"
cp plans/*.plan Fuzz/seeds/* "$out/seeds/"
jobs="${JOBS:-1}"
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
echo "fuzzing for ${seconds}s; log: $out/fuzz.log"
# Leak detection is off: the Swift runtime's and the program's static caches (interned file
# names, the schema) live for the whole process and read as leaks. Every other ASan check is on.
status=0
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$binary" "$out/corpus" "$out/seeds" \
  -dict=Fuzz/cplan.dict -max_total_time="$seconds" -max_len=16384 -timeout=20 -rss_limit_mb=4096 \
  -artifact_prefix="$out/" -print_final_stats=1 "${parallel[@]}" ${FUZZ_ARGS:-} \
  >"$out/fuzz.log" 2>&1 || status=$?
grep -E '^(#[0-9]+.*(DONE|pulse|NEW|REDUCE)|stat::|Done [0-9]+ runs)' "$out/fuzz.log" | tail -n 12 || true
crashes=$(find "$out" -maxdepth 1 -name 'crash-*' -o -maxdepth 1 -name 'timeout-*' -o -maxdepth 1 -name 'oom-*' | wc -l)
echo "corpus: $(find "$out/corpus" -type f | wc -l) inputs; findings in $out/: $crashes"
if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
  echo "the fuzzer found a failure: see $out/fuzz.log" >&2
  exit 1
fi
