#!/usr/bin/env bash
# Compares the outputs of two cplan binaries byte for byte: check, rank, export (every format),
# diff, fmt --check, help and some failing commands, in English and Chinese, over the sample
# plans, the fuzz seeds and a few generated plans.
# Usage: bench/compare_outputs.sh OLD_BINARY NEW_BINARY   (exit 1 and a diff when they differ)
set -u
old=$(realpath "${1:?old binary}")
new=$(realpath "${2:?new binary}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/plans"
for seed in 1 2 3; do python3 "$root/bench/gen.py" -q --seed $seed --plan "$work/plans/gen$seed.plan" 12; done
plans=("$root"/plans/*.plan "$root"/Fuzz/seeds/*.plan "$work"/plans/gen*.plan)

run_all() { # binary outdir
  local bin=$1 out=$2 n=0
  mkdir -p "$out"
  one() { # name args...
    local name=$1; shift
    (cd "$work" && "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err" </dev/null; echo $? >"$out/$name.rc")
  }
  for lang in en zh; do
    local prev=""
    for p in "${plans[@]}"; do
      n=$((n + 1)); local t="$lang-$n-$(basename "$p")"
      one "$t-check" --lang $lang check "$p"
      one "$t-check-json" --lang $lang check --format json "$p"
      one "$t-rank" --lang $lang rank "$p"
      one "$t-rank-sens" --lang $lang rank --sensitivity --method topsis "$p"
      one "$t-rank-weighted-json" --lang $lang rank --method weighted --format json --sensitivity "$p"
      for f in text markdown json csv html; do one "$t-export-$f" --lang $lang export --format $f "$p"; done
      one "$t-export-text-60-ascii" --lang $lang export --format text --width 60 --ascii "$p"
      one "$t-fmt-check" --lang $lang fmt --check "$p"
      if [ -n "$prev" ]; then
        one "$t-diff" --lang $lang diff "$prev" "$p"
        one "$t-diff-json" --lang $lang diff --format json "$prev" "$p"
      fi
      prev=$p
    done
    for topic in "" rules R04 R27 add set remove rank export list show kinds field consortium; do
      one "$lang-help-$topic" --lang $lang -c "help $topic"
    done
    one "$lang-script-errors" --lang $lang -c 'add field' -c 'add nonsense X' -c 'set field F9 name "x"' -c 'rank' \
      -c 'undo' -c 'redo' -c 'remove phase P1' -c 'add criterion C1 "c" tag chain weight 2,3' -c 'validate'
    one "$lang-shell-plan" --lang $lang -c 'list' -c 'show consortium' -c 'validate' -c 'rank' "${plans[0]}"
  done
  one "help" --help
  for c in check rank export diff fmt run shell; do one "help-$c" $c --help; done
  one "bad-lang" --lang xx check "${plans[0]}"
  one "bad-lang-before" check --lang fr "${plans[0]}"
  one "bad-color" --color sometimes check "${plans[0]}"
  one "bad-method" rank --method best "${plans[0]}"
  one "bad-format" export --format pdf "${plans[0]}"
  one "bad-report-format" check --format xml "${plans[0]}"
  one "lang-upper" --lang ZH check "${plans[0]}"
  one "color-always" --color always check "${plans[0]}"
}
run_all "$old" "$work/old"
run_all "$new" "$work/new"
if diff -r "$work/old" "$work/new" >"$work/diff.txt"; then
  echo "identical: $(ls "$work/old" | wc -l) files"
else
  grep "^diff \\|^Only " "$work/diff.txt" | sed "s|.*/new/||" | sort | head -40
  head -"${LINES_SHOWN:-100}" "$work/diff.txt"
  echo "DIFFERENT: $(grep -c '^diff ' "$work/diff.txt") files"
  exit 1
fi
