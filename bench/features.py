"""The feature benchmarks of `make bench`: one function per timed feature, each beside its target.

bench/run.py first times loading (check, export json, load+save against sqlite3) on the plans of
each size, in both statement orders; then it calls every function registered here with a
``Context`` and puts the ``Row``s they return in the report's "Features" table, each row a target
that passes or fails (a row that could not be measured fails).

To time a new feature, add one function here:

    @feature
    def my_feature(ctx):
        n = ctx.size(10000)                   # the size the target names (else the largest run)
        if n is None: return []
        plan = ctx.plan(n, "grouped")         # or "canonical"; bench/out/nN[-grouped].plan
        r = ctx.measure("my op", [ctx.cplan, "…", plan], tag=f"n{n}-my-op")
        return [Row("my feature", n, "grouped", "cplan … PLAN", r, "≤ 1 s", r.median if r.ok else None, 1.0,
                    fmt_s)]

``ctx.measure`` is run.py's ``measure`` (median wall time of ``--runs`` runs, peak RSS) with the
run's working folder, environment and timeout; ``ctx.result(n, order, op)`` gives the loading
results (for a target relative to `check`, say).
"""

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from typing import Callable, Optional

BENCH = os.path.dirname(os.path.abspath(__file__))
FEATURES = []


def feature(fn):
    """Registers `fn(ctx) -> [Row]` as a feature benchmark, run in the order of registration."""
    FEATURES.append(fn)
    return fn


def fmt_s(x):
    return f"{x:.3f} s"


def fmt_ms(x):
    return f"{x:.1f} ms"


def fmt_ratio(x):
    return f"{x:.2f}×"


@dataclass
class Row:
    """One measured target: what ran, its result (run.py's Result, or None when the feature
    measured itself), the target as text, the figure compared and its limit (figure <= limit
    passes; a figure of None fails), and how to print the figure."""
    feature: str
    n: int
    order: str
    operation: str
    result: object
    target: str
    figure: Optional[float]
    limit: float
    shown: Callable[[float], str] = fmt_s
    note: str = ""

    @property
    def passed(self):
        return self.figure is not None and self.figure <= self.limit


class Context:
    def __init__(self, cplan, workdir, env, runs, timeout, sizes, results, measure, seed):
        self.cplan = cplan
        self.workdir = workdir
        self.env = env
        self.runs = runs
        self.timeout = timeout
        self.sizes = sizes
        self.results = results
        self._measure = measure
        self.seed = seed

    def size(self, wanted):
        """`wanted` when it was run, else the largest size run (None when none)."""
        if wanted in self.sizes:
            return wanted
        return max(self.sizes) if self.sizes else None

    def plan(self, n, order):
        return os.path.join(self.workdir, f"n{n}.plan" if order == "canonical" else f"n{n}-grouped.plan")

    def result(self, n, order, op):
        return self.results.get(n, {}).get((order, op))

    def measure(self, name, argv, tag, runs=None, before=None, findings_status=None, stdin_path=None):
        kw = {"before": before, "stdin_path": stdin_path}
        if findings_status is not None:
            kw["findings_status"] = findings_status
        return self._measure(name, argv, runs or self.runs, self.timeout, self.workdir, tag, self.env, **kw)

    def cplan_run(self, script_text, tag):
        """Runs a cplan script (setup, not timed); raises on failure."""
        path = os.path.join(self.workdir, f"{tag}.cplan")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(script_text)
        subprocess.run([self.cplan, "run", path], env=self.env, check=True, capture_output=True, timeout=self.timeout)


def quoted(path):
    return '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------------------------------------------
# Issue 16: merge of two 10,000-consortium plans <= 2x `cplan check` of one.

@feature
def merge(ctx):
    n = ctx.size(10000)
    if n is None:
        return []
    rows = []
    for order in ("canonical", "grouped"):
        base = ctx.plan(n, order)
        tag = f"n{n}-{order}-merge"
        ours = os.path.join(ctx.workdir, f"{tag}-ours.plan")
        theirs = os.path.join(ctx.workdir, f"{tag}-theirs.plan")
        out = os.path.join(ctx.workdir, f"{tag}-out.plan")
        # Each side a session's edit of BASE (300 statements, disjoint from the other side's),
        # saved by cplan as a planner's commit is (bench/merge_sides.py).
        subprocess.run([sys.executable, os.path.join(BENCH, "merge_sides.py"), "--cplan", ctx.cplan,
                        "--edits", "300", base, ours, theirs], env=ctx.env, check=True, capture_output=True,
                       timeout=ctx.timeout)
        r = ctx.measure("merge", [ctx.cplan, "merge", base, ours, theirs, "-o", out], tag)
        check = ctx.result(n, order, "check")
        figure = r.median / check.median if (r.ok and check is not None and check.ok and check.median) else None
        rows.append(Row("merge (issue 16)", n, order, "cplan merge BASE OURS THEIRS -o OUT (BASE in this order, "
                        "each side 300 statements of its own saved by cplan: bench/merge_sides.py)", r,
                        "≤ 2× `check` of BASE", figure, 2.0, fmt_ratio))
    return rows


# ---------------------------------------------------------------------------------------------
# The shell: every editing and viewing command under 50 ms on the 10,000-consortium plan, `validate`
# at the first prompt included, in either statement order (bench/latency.py).

@feature
def shell_latency(ctx):
    n = ctx.size(10000)
    if n is None:
        return []
    rows = []
    for order in ("canonical", "grouped"):
        out = os.path.join(ctx.workdir, f"n{n}-{order}-latency.json")
        md = os.path.join(ctx.workdir, f"n{n}-{order}-latency.md")
        proc = subprocess.run([sys.executable, os.path.join(BENCH, "latency.py"), "--cplan", ctx.cplan,
                               "--plan", ctx.plan(n, order), "--n", str(n), "--reps", "10", "--out", md, "--json", out],
                              capture_output=True, text=True, timeout=ctx.timeout * 4)
        if not os.path.exists(out):
            rows.append(Row("shell latency", n, order, "bench/latency.py", None, "every command < 50 ms", None, 50,
                            fmt_ms, note=(proc.stderr or proc.stdout)[-300:].replace("\n", " ")))
            continue
        with open(out, encoding="utf-8") as f:
            summary = json.load(f)
        for c in summary["commands"]:
            rows.append(Row("shell latency", n, order, f"`{c['example']}` ({c['runs']} runs, median "
                            f"{c['median_ms']:.1f} ms)", None, "worst < 50 ms",
                            None if c["failed"] else c["worst_ms"], 50, fmt_ms,
                            note="failed: " + " / ".join(c["failed"]) if c["failed"] else ""))
    return rows


# ---------------------------------------------------------------------------------------------
# Issue 16: `cplan lsp` diagnostics after a one-line edit <= 100 ms (bench/lsp_latency.py).

@feature
def lsp_latency(ctx):
    n = ctx.size(10000)
    if n is None:
        return []
    rows = []
    for order in ("canonical", "grouped"):
        out = os.path.join(ctx.workdir, f"n{n}-{order}-lsp.json")
        proc = subprocess.run([sys.executable, os.path.join(BENCH, "lsp_latency.py"), "--cplan", ctx.cplan,
                               "--plan", ctx.plan(n, order), "--reps", "20", "--burst", "2000", "--json", out],
                              capture_output=True, text=True, timeout=ctx.timeout * 4)
        if not os.path.exists(out):
            rows.append(Row("lsp", n, order, "bench/lsp_latency.py", None, "≤ 100 ms", None, 100, fmt_ms,
                            note=(proc.stderr or proc.stdout)[-300:].replace("\n", " ")))
            continue
        with open(out, encoding="utf-8") as f:
            s = json.load(f)
        rows.append(Row("lsp (issue 16)", n, order, f"one-line didChange → publishDiagnostics (median "
                        f"{s['median_ms']:.1f} ms; didOpen {s['open_ms']:.0f} ms)", None, "worst ≤ 100 ms",
                        s["worst_ms"], 100, fmt_ms))
        rows.append(Row("lsp (issue 16)", n, order, f"burst of {s['burst']:,} changes: last diagnostics equal "
                        f"`cplan check`'s ({s['burst_s']:.2f} s)", None, "equal (0 differences)",
                        0 if s["matches"] and s["status"] == 0 else None, 0, lambda x: "equal"))
    return rows


# ---------------------------------------------------------------------------------------------
# Issue 15: the workbook export of the 1,000-consortium plan <= 3 s.

@feature
def export_xlsx(ctx):
    n = ctx.size(1000)
    if n is None:
        return []
    plan = ctx.plan(n, "canonical")
    out = os.path.join(ctx.workdir, f"n{n}.xlsx")
    r = ctx.measure("export xlsx", [ctx.cplan, "export", plan, "--format", "xlsx", "-o", out], f"n{n}-export-xlsx",
                    before=lambda: os.path.exists(out) and os.remove(out))
    return [Row("export xlsx (issue 15)", n, "canonical", "cplan export PLAN --format xlsx -o OUT", r, "≤ 3 s",
                r.median if r.ok else None, 3.0, fmt_s)]


# ---------------------------------------------------------------------------------------------
# Issue 15: `cplan import` of a 10,000-row CSV of orgs into an empty plan <= 1 s.

def write_org_csv(path, rows, seed=1):
    """A CSV of `rows` orgs as a planner's sheet has them: Chinese headers (the export's labels),
    types as Chinese terms or keywords, sizes, R&D intensities as percents, names with commas quoted."""
    import random
    rng = random.Random(seed)
    types = ["企业", "enterprise", "高校", "科研院所", "新型研发机构", "finance"]
    sizes = ["large", "medium", "small", ""]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("ID,名称,类型,企业规模,研发投入强度\n")
        for i in range(1, rows + 1):
            name = f"吉林省第{i}号单位" + (", 长春" if i % 7 == 0 else "")
            name = f'"{name}"' if "," in name else name
            pct = f"{rng.randint(5, 120) / 10:g}%" if i % 3 else ""
            f.write(f"o{i},{name},{rng.choice(types)},{rng.choice(sizes)},{pct}\n")


@feature
def import_csv(ctx):
    rows = 10000
    csv = os.path.join(ctx.workdir, f"import-{rows}-单位.csv")
    write_org_csv(csv, rows, ctx.seed)
    empty = os.path.join(ctx.workdir, "import-empty.plan")
    with open(empty, "w", encoding="utf-8", newline="\n") as f:
        f.write("# cplan plan 1\n")
    out = os.path.join(ctx.workdir, f"import-{rows}.plan")

    def remove():
        if os.path.exists(out):
            os.remove(out)

    r = ctx.measure("import", [ctx.cplan, "import", empty, csv, "-o", out], f"import-{rows}", before=remove)
    return [Row("import (issue 15)", rows, "", f"cplan import EMPTY.plan 单位.csv -o OUT ({rows:,} orgs, UTF-8)",
                r, "≤ 1 s", r.median if r.ok else None, 1.0, fmt_s)]


# ---------------------------------------------------------------------------------------------
# Issue 13: `review` of the 10,000-consortium plan with 5 years of actuals <= 1.5x `check` of it.

@feature
def review(ctx):
    import gen  # bench/gen.py (run.py puts bench/ on the path)
    n = ctx.size(10000)
    if n is None:
        return []
    followed = os.path.join(ctx.workdir, f"n{n}-review.plan")
    # The canonical plan followed through 2025-2029: as-of 2029, one actual per goal per year,
    # the outlays of every funding line (`gen.py N --actuals 5`).
    gen.add_follow_up(ctx.plan(n, "canonical"), followed, 5, ctx.seed)
    out = os.path.join(ctx.workdir, f"n{n}-review.txt")
    check = ctx.measure("check", [ctx.cplan, "check", followed], f"n{n}-review-check", findings_status=1)
    r = ctx.measure("review", [ctx.cplan, "review", followed, "-o", out, "--force"], f"n{n}-review",
                    findings_status=1)
    ratio = r.median / check.median if (r.ok and check.ok and check.median) else None
    note = f"check of the same plan {fmt_s(check.median)}" if check.ok else f"check failed: {check.error}"
    return [Row("review, 5 years of actuals (issue 13)", n, "canonical", "cplan review PLAN -o OUT --force", r,
                "≤ 1.5× `check` of the same plan", ratio, 1.5, fmt_ratio, note)]


# ---------------------------------------------------------------------------------------------
# Issue 15: the SQLite export of the 10,000-consortium plan <= 1x sqlite3's own load of the bench SQL.

@feature
def export_sqlite(ctx):
    n = ctx.size(10000)
    if n is None:
        return []
    rows = []
    base = ctx.result(n, "", "sqlite3")
    for order in ("canonical", "grouped"):
        out = os.path.join(ctx.workdir, f"n{n}-{order}.db")
        r = ctx.measure("export sqlite", [ctx.cplan, "export", ctx.plan(n, order), "--format", "sqlite", "-o", out,
                                          "--force"], f"n{n}-{order}-export-sqlite",
                        before=lambda: os.path.exists(out) and os.remove(out))
        figure = r.median / base.median if (r.ok and base is not None and base.ok and base.median) else None
        rows.append(Row("export sqlite (issue 15)", n, order, "cplan export PLAN --format sqlite -o OUT --force", r,
                        "≤ 1× sqlite3 < SQL", figure, 1.0, fmt_ratio))
    return rows


# Issue 14: `rank robustness` with 10,000 samples on 5,000 fields × 4 criteria and cutoff 50 in
# <= 2 s (a panel's plan: its fields' scores; the sampling is what is timed, SPEC §12).

@feature
def rank_robustness(ctx):
    import random
    fields, criteria = 5000, 4
    rng = random.Random(ctx.seed)
    path = os.path.join(ctx.workdir, "robustness-5000x4.plan")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# cplan plan 1\nset plan title \"robustness\" cutoff 50\n")
        for j in range(1, criteria + 1):
            f.write(f"add criterion C{j} \"准则{j}\" weight 0.25\n")
        for i in range(1, fields + 1):
            f.write(f"add field F{i} \"领域{i}\"\n")
        for i in range(1, fields + 1):
            for j in range(1, criteria + 1):
                f.write(f"add score F{i} C{j} {rng.randint(10, 100) / 10}\n")
    r = ctx.measure("rank robustness", [ctx.cplan, "rank", path, "--robustness", "--samples", "10000"],
                    "robustness-5000x4")
    return [Row("rank robustness (issue 14)", fields, "canonical",
                "cplan rank PLAN --robustness --samples 10000 (5,000 fields × 4 criteria, cutoff 50)", r,
                "≤ 2 s", r.median if r.ok else None, 2.0, fmt_s)]
