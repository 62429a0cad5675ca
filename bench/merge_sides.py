#!/usr/bin/env python3
"""OURS and THEIRS for timing `cplan merge BASE OURS THEIRS` (issue 16): two planners' edits of BASE.

    python3 bench/merge_sides.py [--cplan PATH] [--edits 300] [--seed 1] BASE OURS THEIRS

Each side is BASE loaded in `cplan run`, edited and saved by cplan (as a planner's commit is, so
canonical): `edits` statements each — goals' and consortia's names set, a few measures added
(copies of others under new IDs) and removed — on entities drawn at random (seeded) and disjoint
between the sides, so that the merge is clean and each side checks as clean as BASE.
bench/features.py's `merge` feature uses it.
"""

import argparse
import os
import random
import re
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def quoted(path):
    return '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ids(text, kind):
    return re.findall(rf"^add {kind} (\S+) ", text, re.M)


def scripts(base_text, edits, seed):
    """The two sides' edit scripts (without load and save): lists of cplan statements."""
    rng = random.Random(seed)
    goals = ids(base_text, "goal")
    consortia = ids(base_text, "consortium")
    measure_lines = re.findall(r"^add measure (\S+) (.*)$", base_text, re.M)
    measures = [m for m, _ in measure_lines]
    # Per side: most edits set a goal's name, a tenth a consortium's, a few add or remove measures.
    n_goals, n_names, n_adds, n_removes = edits * 8 // 10, edits // 10, edits // 20, edits - edits * 8 // 10 - edits // 10 - edits // 20
    picked_goals = rng.sample(goals, 2 * n_goals)
    picked_consortia = rng.sample(consortia, 2 * n_names)
    picked_measures = rng.sample(measures, 2 * n_removes)
    removed = set(picked_measures)
    copies = rng.sample([rest for m, rest in measure_lines if m not in removed], 2 * n_adds)
    sides = []
    for s, tag in enumerate(("甲", "乙")):
        lines = []
        for g in picked_goals[s * n_goals:(s + 1) * n_goals]:
            lines.append(f'set goal {g} name "合并测试{tag}{g}"')
        for k in picked_consortia[s * n_names:(s + 1) * n_names]:
            lines.append(f'set consortium {k} name "合并测试{tag}{k}"')
        for i, rest in enumerate(copies[s * n_adds:(s + 1) * n_adds]):
            # Without an amount: the copy adds nothing to its funder's total (R28).
            lines.append(f"add measure MMERGE{s}X{i} {re.sub(r' amount [0-9.]+', '', rest)}")
        for m in picked_measures[s * n_removes:(s + 1) * n_removes]:
            lines.append(f"remove measure {m}")
        sides.append(lines)
    return sides


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cplan", default=os.path.join(ROOT, ".build/release/cplan"))
    ap.add_argument("--edits", type=int, default=300, help="statements per side (default 300)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("base")
    ap.add_argument("ours")
    ap.add_argument("theirs")
    args = ap.parse_args()
    with open(args.base, encoding="utf-8") as f:
        base_text = f.read()
    for lines, out in zip(scripts(base_text, args.edits, args.seed), (args.ours, args.theirs)):
        script = f"load {quoted(args.base)}\n" + "\n".join(lines) + f"\nsave {quoted(out)} force\n"
        with tempfile.NamedTemporaryFile("w", suffix=".cplan", delete=False, encoding="utf-8") as f:
            f.write(script)
            path = f.name
        try:
            subprocess.run([args.cplan, "run", path], check=True, capture_output=True)
        finally:
            os.unlink(path)


if __name__ == "__main__":
    main()
