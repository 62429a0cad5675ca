#!/usr/bin/env python3
"""Warns when bench/cplan.order has gone stale: more than a few percent of the symbols it names
(its Swift symbols) are no longer defined in the release binary (the link uses --no-warn-symbol-ordering, so lld
says nothing of each one). Run by `make release` after the link; `make order` regenerates the file.

Usage: order_check.py BINARY ORDERFILE [--max-missing PERCENT]   (default 5)
Exit status 0 always (a stale order only costs pages, not correctness); the warning goes to stderr.
"""
import subprocess
import sys


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    limit = 5.0
    if "--max-missing" in sys.argv:
        limit = float(sys.argv[sys.argv.index("--max-missing") + 1])
        args = args[:2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary, order_file = args
    # Swift symbols only: the order file also names the C library's functions that callgrind saw
    # (memcpy, _IO_…), which live in shared libraries and were never in the binary.
    wanted = [line.strip() for line in open(order_file, encoding="utf-8") if line.startswith("$s")]
    try:
        out = subprocess.run(["nm", "--defined-only", binary], check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"order_check: cannot read the symbols of {binary}: {e}", file=sys.stderr)
        return 0
    defined = {line.split()[-1] for line in out.splitlines() if line.split()}
    missing = [s for s in wanted if s not in defined]
    share = 100.0 * len(missing) / max(1, len(wanted))
    if share > limit:
        print(
            f"warning: {len(missing)} of {len(wanted)} symbols in {order_file} ({share:.1f}%) no longer exist in "
            f"{binary}; run `make order` to lay the code out again (first missing: {missing[0]})",
            file=sys.stderr,
        )
    else:
        print(f"order_check: {len(wanted) - len(missing)} of {len(wanted)} ordered symbols present ({share:.1f}% missing)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
