#!/usr/bin/env python3
"""Compare two cplan binaries' outputs byte for byte: stdout, stderr and exit status.

    python3 bench/compare_binaries.py --old /tmp/cplan-old [--new .build/release/cplan]
                                      [--random 100] [--seed 1] [--keep DIR]

For the sample plans (plans/*.plan): check (en and zh), export in every format, rank, fmt (the
rewritten file too), fmt --check, and diff against a shuffled copy. For --random plans from
bench/gen.py (N from 1 to 40 consortia, seeds from --seed on), each in one of three statement
orders (canonical, grouped per consortium with distinct names, every statement shuffled) and
about half of them broken (a statement deleted, doubled, a value spoilt, an action or an
unterminated string added, a funding source in upper case): check, export json, rank, fmt.

Both binaries read the same path (the plan is copied to one place before each run), so paths in
messages agree. Prints every difference (the first lines of each side) and exits 1 when there is
one. Run it after a change that must keep outputs byte-identical (the loader, validation, exports).
"""

import argparse
import glob
import os
import random
import shutil
import subprocess
import sys
import tempfile

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.dont_write_bytecode = True
sys.path.insert(0, BENCH)
import gen  # noqa: E402  (bench/gen.py)

FORMATS = ["json", "text", "csv", "html", "markdown"]


def run(binary, argv, env, cwd):
    p = subprocess.run([binary] + argv, capture_output=True, env=env, cwd=cwd, timeout=300)
    return p.returncode, p.stdout, p.stderr


def statements(text):
    """The header and the statement lines of a generated plan (one statement a line)."""
    lines = text.split("\n")
    return lines[0], [line for line in lines[1:] if line]


def shuffled(text, rng):
    header, body = statements(text)
    rng.shuffle(body)
    return header + "\n" + "\n".join(body) + "\n"


def broken(text, rng):
    """The plan with one or two faults of the kinds a hand-edited file has."""
    header, body = statements(text)
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(body))
        fault = rng.choice(["delete", "double", "value", "action", "unterminated", "upper", "kind"])
        if fault == "delete":
            del body[i]  # references to it fail
        elif fault == "double":
            body.insert(rng.randrange(len(body) + 1), body[i])  # a duplicate key
        elif fault == "value":
            body[i] = body[i].replace(" type ", " type boss ", 1) if " type " in body[i] else body[i] + " colour red"
        elif fault == "action":
            body.insert(i, "save elsewhere.plan")
        elif fault == "unterminated":
            body.insert(i, 'add field FX "unterminated')
        elif fault == "upper":
            body = [b.replace(" enterprise ", " Enterprise ") if b.startswith("add funding") else b for b in body]
        else:
            body[i] = body[i].replace("add ", "add thing ", 1)
    return header + "\n" + "\n".join(body) + "\n"


class Comparison:
    def __init__(self, old, new, work):
        self.old, self.new, self.work = old, new, work
        self.env = dict(os.environ, NO_COLOR="1", LANG="C.UTF-8", LC_ALL="C.UTF-8",
                        XDG_STATE_HOME=os.path.join(work, "state"), CPLAN_HISTORY=os.path.join(work, "history"))
        self.env.pop("CPLAN_LANG", None)
        self.runs = 0
        self.differences = []

    def compare(self, label, text, argv_list, fmt=False):
        """Runs each argv (PLAN stands for the plan's path) with both binaries on a fresh copy."""
        path = os.path.join(self.work, "case.plan")
        for argv in argv_list:
            outcomes = []
            for binary in (self.old, self.new):
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(text)
                for leftover in glob.glob(os.path.join(self.work, "*.out")):
                    os.remove(leftover)
                code, out, err = run(binary, [a.replace("PLAN", path) for a in argv], self.env, self.work)
                rewritten = open(path, "rb").read() if fmt else b""
                outcomes.append((code, out, err, rewritten))
            self.runs += 1
            if outcomes[0] != outcomes[1]:
                self.differences.append((label, argv, outcomes))
                print(f"DIFFERENT: {label}: cplan {' '.join(argv)}", flush=True)

    def report(self):
        for label, argv, ((c1, o1, e1, r1), (c2, o2, e2, r2)) in self.differences[:20]:
            print(f"\n== {label}: cplan {' '.join(argv)}")
            print(f"   exit {c1} / {c2}")
            for name, a, b in (("stdout", o1, o2), ("stderr", e1, e2), ("file", r1, r2)):
                if a != b:
                    print(f"   {name} old: {a[:400]!r}")
                    print(f"   {name} new: {b[:400]!r}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--old", required=True, help="the binary before the change")
    ap.add_argument("--new", default=os.path.join(ROOT, ".build", "release", "cplan"), help="the binary after")
    ap.add_argument("--random", type=int, default=100, help="random plans (default 100)")
    ap.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    ap.add_argument("--keep", help="work in this folder and keep it")
    args = ap.parse_args(argv)
    work = args.keep or tempfile.mkdtemp(prefix="cplan-compare-")
    os.makedirs(work, exist_ok=True)
    c = Comparison(os.path.abspath(args.old), os.path.abspath(args.new), work)
    try:
        for sample in sorted(glob.glob(os.path.join(ROOT, "plans", "*.plan"))):
            text = open(sample, encoding="utf-8").read()
            label = os.path.basename(sample)
            c.compare(label, text, [["check", "PLAN"], ["check", "--lang", "zh", "PLAN"], ["rank", "PLAN"],
                                    ["fmt", "--check", "PLAN"]]
                      + [["export", "PLAN", "--format", f] for f in FORMATS])
            c.compare(label, text, [["fmt", "PLAN"]], fmt=True)
            other = os.path.join(work, "other.plan")
            with open(other, "w", encoding="utf-8") as f:
                f.write(shuffled(text.split("\n", 1)[0] + "\n" + "\n".join(
                    line for line in text.split("\n")[1:] if line and not line.startswith("#")) + "\n",
                    random.Random(args.seed)))
            c.compare(label, text, [["diff", "PLAN", other], ["diff", other, "PLAN"]])
        rng = random.Random(args.seed)
        for i in range(args.random):
            n = rng.randint(1, 40)
            seed = args.seed + i
            order = ["canonical", "consortium", "shuffled"][i % 3]
            path = os.path.join(work, "gen.plan")
            gen.generate(n, seed, path, None, "consortium" if order == "consortium" else "canonical",
                         distinct_names=order == "consortium")
            text = open(path, encoding="utf-8").read()
            if order == "shuffled":
                text = shuffled(text, rng)
            spoilt = rng.random() < 0.5
            if spoilt:
                text = broken(text, rng)
            label = f"random {i}: N={n} seed {seed} {order}{' broken' if spoilt else ''}"
            c.compare(label, text, [["check", "PLAN"], ["export", "PLAN", "--format", "json"], ["rank", "PLAN"]])
            c.compare(label, text, [["fmt", "PLAN"]], fmt=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    c.report()
    print(f"\n{c.runs} commands compared, {len(c.differences)} different")
    return 1 if c.differences else 0


if __name__ == "__main__":
    sys.exit(main())
