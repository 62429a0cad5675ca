#!/usr/bin/env python3
"""`make bench`: time cplan on large generated plans against sqlite3 loading the same data.

    python3 bench/run.py [--cplan PATH] [--sizes 1000,10000,20000] [--runs 5] [--seed 1]
                         [--quick] [--out bench/results.md] [--timeout 600] [--strict]

For each size N (consortia), bench/gen.py writes the plan twice — in canonical order
(bench/out/nN.plan) and grouped per consortium, every goal and measure named distinctly
(bench/out/nN-grouped.plan: each consortium's orgs, members, goals, measures and funding
together, as a script writing a plan from a spreadsheet writes it) — and the equivalent SQL
script, into bench/out/ (git-ignored). Then, median wall time of --runs runs and peak RSS
(ru_maxrss of the command, through GNU time; see run_once) of, for each order:

  check      cplan check PLAN
  export     cplan export PLAN --format json -o bench/out/nN.json
  load+save  cplan run SCRIPT         (SCRIPT: `load PLAN` then `save OUT force`)

and once:

  sqlite3    sqlite3 :memory: < SQL   (PRAGMA foreign_keys=ON; BEGIN; INSERTs; COMMIT;)

Prints a Markdown table with the ratio to sqlite3 and the time per plan statement, checks the
targets of the performance issue, and writes everything to bench/results.md with the machine
and date. This script builds nothing: the Makefile runs `swift build -c release` first. A missing
binary or a failing cplan command is recorded in the table and the run goes on.

Then the feature benchmarks of bench/features.py (one function per feature: merge, the shell's
and the language server's latency, and those the version-2 issues add), each row a target.

Targets: check <= 0.5x sqlite3; export json <= 1x sqlite3; peak RSS of each cplan command
<= 6x the plan file size; time per statement of each cplan command within 1.5x across sizes
(each in either order). Loading in any order (issue 12), at N = 10,000: check of the grouped plan
<= 0.35x sqlite3 and within 1.2x of the canonical plan's check; the canonical check no slower
than before (<= 0.27x sqlite3; it was 0.25-0.26x); peak RSS of check <= 4x the plan file size
at N = 10,000 and 20,000 in either order. MB means 10^6 bytes throughout (RSS too).
"""

import argparse
import datetime
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.dont_write_bytecode = True  # no bench/__pycache__ (not git-ignored)
sys.path.insert(0, BENCH)
import gen  # noqa: E402  (bench/gen.py)
import features  # noqa: E402  (bench/features.py: the feature benchmarks, one function each)

ORDERS = ["canonical", "grouped"]
CPLAN_OPS = ["check", "export json", "load+save"]
OPS = [(order, op) for order in ORDERS for op in CPLAN_OPS] + [("", "sqlite3")]


# ---------------------------------------------------------------------------------------------
# Running one command


class Result:
    """Outcome of measuring one operation at one size."""

    def __init__(self):
        self.times = []          # seconds, successful runs
        self.rss_kb = 0          # max ru_maxrss over the runs (KiB on Linux)
        self.error = None        # first failure, as a short text
        self.note = None         # extra information (diagnostic summary, round trip)

    @property
    def ok(self):
        return self.error is None and bool(self.times)

    @property
    def median(self):
        return statistics.median(self.times) if self.times else None

    @property
    def rss_bytes(self):
        return self.rss_kb * 1024


def find_gnu_time():
    """GNU time, if installed: it measures the child's peak RSS exactly (see run_once)."""
    for path in ("/usr/bin/time", shutil.which("gtime") or ""):
        if path and os.access(path, os.X_OK):
            try:
                p = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=10)
                if "GNU" in p.stdout + p.stderr:
                    return path
            except (OSError, subprocess.SubprocessError):
                pass
    return None


GNU_TIME = find_gnu_time()
RSS_METHOD = ("GNU time %M (ru_maxrss of the child, from wait4)" if GNU_TIME else
              "VmHWM from /proc/PID/status, polled every 2 ms (GNU time not installed)")


def poll_hwm(pid, done, peak):
    """Fallback: follow the child's VmHWM (peak RSS of its own address space, in KiB)."""
    path = f"/proc/{pid}/status"
    while not done.is_set():
        try:
            with open(path, "rb") as f:
                for line in f:
                    if line.startswith(b"VmHWM:"):
                        peak[0] = max(peak[0], int(line.split()[1]))
                        break
        except (OSError, ValueError):
            pass
        done.wait(0.002)


def run_once(argv, stdin_path, out_path, err_path, timeout, env, rss_path):
    """Run argv once; return (seconds, peak RSS KiB, exit code, timed_out).

    Peak RSS is not taken from this process's own wait4: on Linux a child's ru_maxrss starts at
    the RSS of the process that forked it (with vfork, that process's peak), so a child of this
    Python process would report at least Python's size (tens of MB after generating a plan).
    GNU time is a 1 MB process, so the ru_maxrss it reports is the command's own.
    """
    if GNU_TIME:
        full = [GNU_TIME, "-f", "%M", "-o", rss_path, "--"] + argv
    else:
        full = argv
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            t0 = time.perf_counter()
            p = subprocess.Popen(full, stdin=stdin, stdout=out, stderr=err, env=env, cwd=ROOT,
                                 start_new_session=True)
            killed, done, peak = [], threading.Event(), [0]

            def kill():
                killed.append(True)
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except OSError:
                    pass

            timer = threading.Timer(timeout, kill)
            timer.start()
            poller = None
            if not GNU_TIME:
                poller = threading.Thread(target=poll_hwm, args=(p.pid, done, peak), daemon=True)
                poller.start()
            try:
                _, status, usage = os.wait4(p.pid, 0)
            finally:
                timer.cancel()
                done.set()
            elapsed = time.perf_counter() - t0
            p.returncode = os.waitstatus_to_exitcode(status)  # tell Popen the child is reaped
            if poller:
                poller.join()
            rss = peak[0]
            if GNU_TIME:
                try:
                    with open(rss_path, encoding="utf-8", errors="replace") as f:
                        rss = int(f.read().split()[-1])
                except (OSError, ValueError, IndexError):
                    rss = 0
            return elapsed, rss, p.returncode, bool(killed)
    finally:
        if stdin_path:
            stdin.close()


def tail(path, lines=3, limit=300):
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 8192))
            text = f.read().decode("utf-8", "replace")
    except OSError:
        return ""
    text = " | ".join(line.strip() for line in text.strip().splitlines()[-lines:])
    return text[:limit]


def measure(name, argv, runs, timeout, workdir, tag, env, stdin_path=None, before=None, strict_stderr=False,
            findings_status=None):
    """Median of `runs` runs; stops at the first failure and records it.

    findings_status: an exit status that still counts as a timed run (for `check`, 1 means the
    plan has validation errors: the work was done, but the generator and cplan disagree).
    """
    res = Result()
    out_path = os.path.join(workdir, f"{tag}.stdout")
    err_path = os.path.join(workdir, f"{tag}.stderr")
    rss_path = os.path.join(workdir, f"{tag}.rss")
    if not (os.path.isfile(argv[0]) and os.access(argv[0], os.X_OK)):
        res.error = f"cannot run {shown(argv[0])}: no such executable"
        print(f"    {name:<12} FAILED: {res.error}", flush=True)
        return res
    for i in range(runs):
        if before:
            before()
        try:
            secs, rss, code, timed_out = run_once(argv, stdin_path, out_path, err_path, timeout, env, rss_path)
        except OSError as e:
            res.error = f"cannot run {shown(argv[0])}: {e.strerror or e}"
            break
        res.rss_kb = max(res.rss_kb, rss)
        if timed_out:
            res.error = f"timed out after {timeout:g} s"
            break
        if code != 0 and code == findings_status:
            res.note = f"exit status {code} (diagnostics): " + (tail(err_path) or tail(out_path))
        elif code != 0:
            msg = tail(err_path) or tail(out_path)
            res.error = f"exit status {code}" + (f": {msg}" if msg else "")
            break
        if strict_stderr and os.path.getsize(err_path) > 0:
            res.error = "errors on stderr: " + tail(err_path)
            break
        res.times.append(secs)
        print(f"    {name:<12} run {i + 1}/{runs}: {secs:8.3f} s  {rss / 1024:8.1f} MiB", flush=True)
    if res.error:
        print(f"    {name:<12} FAILED: {res.error}", flush=True)
    return res


# ---------------------------------------------------------------------------------------------
# Machine description


def shown(path):
    """A path for the report: relative to the repository when inside it."""
    rel = os.path.relpath(path, ROOT)
    return path if rel.startswith("..") else rel


def command_output(argv):
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        text = (p.stdout or p.stderr).strip()
        return text.splitlines()[0] if text else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unavailable"


def machine_info(cplan):
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "unknown"
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                    break
    except (OSError, ValueError):
        pass
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    commit = command_output(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    return [
        ("date", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("machine", f"{platform.system()} {platform.release()} {platform.machine()}"),
        ("cpu", f"{cpu}, nproc {nproc}"),
        ("memory", mem),
        ("swift", command_output([os.environ.get("SWIFT", "swift"), "--version"])),
        ("cplan", f"{shown(cplan)} ({command_output([cplan, '--version']) if os.path.exists(cplan) else 'missing'}), "
                  f"commit {commit}"),
        ("sqlite3", command_output(["sqlite3", "--version"])[:40]),
        ("python", platform.python_version()),
        ("peak RSS", RSS_METHOD),
    ]


# ---------------------------------------------------------------------------------------------
# Report


def fmt_s(x):
    return "—" if x is None else (f"{x:.3f}" if x < 100 else f"{x:.1f}")


def fmt_ratio(x):
    return "—" if x is None else f"{x:.2f}×"


def report(args, info, sizes, results, argv_text, feature_rows=()):
    """Returns (markdown text, number of failed targets)."""
    L = []
    L.append("# cplan benchmark results")
    L.append("")
    L.append("Generated by `bench/run.py` (`make bench`); plans from `bench/gen.py` "
             f"(seed {args.seed}). Times are the median of {args.runs} run(s) of wall time; RSS is "
             "the peak resident set size of the command over the runs. MB = 10⁶ bytes. "
             "µs/stmt divides the median time by the number of plan statements.")
    L.append("")
    for k, v in info:
        L.append(f"- **{k}**: {v}")
    L.append(f"- **command**: `{argv_text}`")
    L.append("")
    L.append("## Inputs")
    L.append("")
    L.append("| N | fields | plan statements | plan MB (canonical) | plan MB (grouped) | SQL INSERTs | SQL MB |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        s = results[n]["sizes"]
        L.append(f"| {n:,} | {max(1, n // 2):,} | {s['stmts']:,} | {s['plan_bytes']['canonical'] / 1e6:.1f} | "
                 f"{s['plan_bytes']['grouped'] / 1e6:.1f} | {s['inserts']:,} | {s['sql_bytes'] / 1e6:.1f} |")
    L.append("")
    L.append("## Results")
    L.append("")
    L.append("Order: *canonical* is the plan as cplan writes it (kind order, natural key order within a "
             "kind); *grouped* is the same data grouped per consortium, every goal and measure named "
             "distinctly (a larger file).")
    L.append("")
    L.append("| N | statements | order | plan MB | operation | median s | peak RSS MB | time ÷ sqlite3 | "
             "RSS ÷ plan size | µs/stmt |")
    L.append("|---:|---:|---|---:|---|---:|---:|---:|---:|---:|")
    for n in sizes:
        s = results[n]["sizes"]
        base = results[n][("", "sqlite3")]
        for key in OPS:
            order, op = key
            r = results[n][key]
            size = s["plan_bytes"][order] if order else s["sql_bytes"]
            t = r.median if r.ok else None
            ratio = t / base.median if (t is not None and base.ok and base.median) else None
            rss = f"{r.rss_bytes / 1e6:.1f}" if r.ok else "—"
            rss_ratio = fmt_ratio(r.rss_bytes / size) if (r.ok and order) else "—"
            per = f"{t / s['stmts'] * 1e6:.2f}" if t is not None else "—"
            shown = fmt_s(t) if r.ok else "FAIL"
            L.append(f"| {n:,} | {s['stmts']:,} | {order or '—'} | {size / 1e6:.1f} | {op} | {shown} | {rss} | "
                     f"{fmt_ratio(ratio) if op != 'sqlite3' else '1×'} | {rss_ratio} | {per} |")
    L.append("")

    # Targets
    L.append("## Targets")
    L.append("")
    L.append("| target | result | detail |")
    L.append("|---|---|---|")
    failed = 0

    def verdict(values, limit, fmt):
        """values: list of (label, value or None). PASS when all measured and <= limit."""
        nonlocal failed
        measured = [(lab, v) for lab, v in values if v is not None]
        detail = ", ".join(f"{lab}: {fmt(v)}" if v is not None else f"{lab}: not measured" for lab, v in values)
        if not values or len(measured) < len(values):
            failed += 1
            return ("n/a" if not measured else "FAIL"), detail
        ok = all(v <= limit for _, v in measured)
        if not ok:
            failed += 1
        return ("PASS" if ok else "FAIL"), detail

    def time_ratio(n, key, base=("", "sqlite3")):
        r, b = results[n][key], results[n][base]
        return r.median / b.median if (r.ok and b.ok and b.median) else None

    def rss_ratio(n, key):
        r = results[n][key]
        return r.rss_bytes / results[n]["sizes"]["plan_bytes"][key[0]] if r.ok else None

    # Loading in any order (issue 12), at the sizes measured among 10,000 and 20,000.
    at10 = [n for n in sizes if n == 10000]
    big = [n for n in sizes if n in (10000, 20000)]
    if at10:
        v, d = verdict([("N=10,000", time_ratio(10000, ("grouped", "check")))], 0.35, fmt_ratio)
        L.append(f"| grouped plan: `check` time ≤ 0.35× sqlite3 | {v} | {d} |")
        v, d = verdict([("N=10,000", time_ratio(10000, ("grouped", "check"), ("canonical", "check")))], 1.2,
                       fmt_ratio)
        L.append(f"| grouped plan: `check` time ≤ 1.2× the canonical plan's | {v} | {d} |")
        v, d = verdict([("N=10,000", time_ratio(10000, ("canonical", "check")))], 0.27, fmt_ratio)
        L.append(f"| canonical plan: `check` time ≤ 0.27× sqlite3 (no slower than before: 0.25–0.26×) | {v} | {d} |")
    else:
        L.append("| grouped and canonical `check` against sqlite3 at N=10,000 | n/a | N=10,000 not measured |")
    if big:
        v, d = verdict([(f"N={n:,} {order}", rss_ratio(n, (order, "check"))) for n in big for order in ORDERS],
                       4.0, fmt_ratio)
        L.append(f"| `check` peak RSS ≤ 4× plan file size, either order | {v} | {d} |")
    for op, limit in (("check", 0.5), ("export json", 1.0)):
        v, d = verdict([(f"N={n:,} {order}", time_ratio(n, (order, op))) for n in sizes for order in ORDERS],
                       limit, fmt_ratio)
        L.append(f"| `{op}` time ≤ {limit:g}× sqlite3 | {v} | {d} |")
    for op in CPLAN_OPS:
        vals = [(f"N={n:,} {order}", rss_ratio(n, (order, op))) for n in sizes for order in ORDERS]
        v, d = verdict(vals, 6.0, fmt_ratio)
        L.append(f"| `{op}` peak RSS ≤ 6× plan file size | {v} | {d} |")
    for order in ORDERS:
        for op in CPLAN_OPS:
            key = (order, op)
            per = [(n, results[n][key].median / results[n]["sizes"]["stmts"] * 1e6 if results[n][key].ok else None)
                   for n in sizes]
            got = [p for _, p in per if p is not None]
            detail = ", ".join(f"N={n:,}: {p:.2f} µs" if p is not None else f"N={n:,}: not measured"
                               for n, p in per)
            if len(sizes) < 2:
                v = "n/a (one size)"
            elif len(got) < len(per):
                v = "FAIL" if got else "n/a"
                failed += 1
            else:
                spread = max(got) / min(got)
                v = "PASS" if spread <= 1.5 else "FAIL"
                failed += v == "FAIL"
                detail += f"; max/min {spread:.2f}×"
            L.append(f"| {order}: `{op}` µs/stmt constant within 1.5× | {v} | {detail} |")
    L.append("")

    # The feature benchmarks (bench/features.py), each row a target.
    if feature_rows:
        L.append("## Features")
        L.append("")
        L.append("Each row one target of a feature (bench/features.py); a row that could not be measured fails.")
        L.append("")
        L.append("| feature | N | order | operation | median s | peak RSS MB | target | figure | result |")
        L.append("|---|---:|---|---|---:|---:|---|---:|---|")
        for row in feature_rows:
            r = row.result
            med = fmt_s(r.median) if (r is not None and r.ok) else "—"
            rss = f"{r.rss_bytes / 1e6:.1f}" if (r is not None and r.ok) else "—"
            figure = row.shown(row.figure) if row.figure is not None else "not measured"
            verdict = "PASS" if row.passed else "FAIL"
            failed += not row.passed
            note = ""
            if row.note:
                note = " (" + row.note.replace("|", "/") + ")"
            elif r is not None and r.error:
                note = " (" + r.error.replace("|", "/")[:200] + ")"
            L.append(f"| {row.feature} | {row.n:,} | {row.order or '—'} | {row.operation} | {med} | {rss} | "
                     f"{row.target} | {figure} | {verdict}{note} |")
        L.append("")

    notes = []
    for n in sizes:
        for order, op in OPS:
            r = results[n][(order, op)]
            what = f"{order} `{op}`" if order else f"`{op}`"
            if r.error:
                notes.append(f"- N={n:,} {what} failed: {r.error.replace('|', '/')}")
            if r.note:
                notes.append(f"- N={n:,} {what}: {r.note}")
    if notes:
        L.append("## Notes")
        L.append("")
        L.extend(notes)
        L.append("")
    L.append("Commands (PLAN = `bench/out/nN.plan` or `bench/out/nN-grouped.plan`, SQL = `bench/out/nN.sql`):")
    L.append("")
    L.append("```")
    L.append(f"python3 bench/gen.py N --seed {args.seed} --plan bench/out/nN.plan --sql SQL")
    L.append(f"python3 bench/gen.py N --seed {args.seed} --order consortium --distinct-names "
             "--plan bench/out/nN-grouped.plan")
    L.append("cplan check PLAN")
    L.append("cplan export PLAN --format json -o bench/out/nN.json")
    L.append("cplan run bench/out/nN-loadsave.cplan      # load PLAN / save bench/out/nN.saved.plan force")
    L.append("sqlite3 :memory: < SQL")
    L.append("```")
    return "\n".join(L) + "\n", failed


# ---------------------------------------------------------------------------------------------


def main(argv=None):
    ap = argparse.ArgumentParser(description="cplan benchmark (make bench)")
    ap.add_argument("--cplan", default=os.path.join(ROOT, ".build", "release", "cplan"),
                    help="cplan binary (default .build/release/cplan)")
    ap.add_argument("--sizes", default="1000,10000,20000", help="comma-separated N (consortia)")
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    ap.add_argument("--seed", type=int, default=1, help="generator seed")
    ap.add_argument("--quick", action="store_true",
                    help="smoke test: N=1000, 1 run, report to bench/out/results-quick.md")
    ap.add_argument("--out", help="report file (default bench/results.md)")
    ap.add_argument("--workdir", default=os.path.join(BENCH, "out"), help="generated files (default bench/out)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds before one run is killed")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    ap.add_argument("--only", help="comma-separated feature benchmarks to run (bench/features.py; default all)")
    ap.add_argument("--no-features", action="store_true", help="time loading only, no feature benchmarks")
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes, args.runs = "1000", 1
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        ap.error(f"--sizes: not a list of integers: {args.sizes}")
    if not sizes or min(sizes) < 1 or args.runs < 1:
        ap.error("sizes and runs must be positive")
    out_file = args.out or (os.path.join(args.workdir, "results-quick.md") if args.quick
                            else os.path.join(BENCH, "results.md"))
    cplan = os.path.abspath(args.cplan)
    workdir = os.path.abspath(args.workdir)
    os.makedirs(workdir, exist_ok=True)
    env = dict(os.environ, NO_COLOR="1", XDG_STATE_HOME=os.path.join(workdir, "state"),
               CPLAN_HISTORY=os.path.join(workdir, "state", "history"))
    sqlite = shutil.which("sqlite3") or "sqlite3"
    if not os.path.exists(cplan):
        print(f"warning: {cplan} not found (run `swift build -c release`); cplan rows will fail", file=sys.stderr)

    info = machine_info(cplan)
    for k, v in info:
        print(f"{k}: {v}")
    results = {}
    for n in sizes:
        plans = {"canonical": os.path.join(workdir, f"n{n}.plan"),
                 "grouped": os.path.join(workdir, f"n{n}-grouped.plan")}
        sql = os.path.join(workdir, f"n{n}.sql")
        t0 = time.perf_counter()
        stmts, inserts = gen.generate(n, args.seed, plans["canonical"], sql)
        gen.generate(n, args.seed, plans["grouped"], None, order="consortium", distinct_names=True)
        sizes_info = {"stmts": stmts, "inserts": inserts,
                      "plan_bytes": {order: os.path.getsize(path) for order, path in plans.items()},
                      "sql_bytes": os.path.getsize(sql)}
        print(f"\nN={n:,}: {stmts:,} statements, {sizes_info['plan_bytes']['canonical'] / 1e6:.1f} MB plan "
              f"({sizes_info['plan_bytes']['grouped'] / 1e6:.1f} MB grouped), "
              f"{inserts:,} INSERTs, {sizes_info['sql_bytes'] / 1e6:.1f} MB SQL "
              f"(generated in {time.perf_counter() - t0:.1f} s)", flush=True)

        def remove(path):
            return lambda: os.path.exists(path) and os.remove(path)

        r = {"sizes": sizes_info}
        r[("", "sqlite3")] = measure("sqlite3", [sqlite, ":memory:"], args.runs, args.timeout, workdir,
                                     f"n{n}-sqlite3", env, stdin_path=sql, strict_stderr=True)
        for order, plan in plans.items():
            tag = f"n{n}" if order == "canonical" else f"n{n}-grouped"
            json_out = os.path.join(workdir, f"{tag}.json")
            saved = os.path.join(workdir, f"{tag}.saved.plan")
            script = os.path.join(workdir, f"{tag}-loadsave.cplan")
            with open(script, "w", encoding="utf-8", newline="\n") as f:
                f.write(f"load {gen.plan_str(plan)}\nsave {gen.plan_str(saved)} force\n")
            print(f"  {order}:", flush=True)
            check = r[(order, "check")] = measure("check", [cplan, "check", plan], args.runs, args.timeout, workdir,
                                                  f"{tag}-check", env, findings_status=1)
            r[(order, "export json")] = measure(
                "export json", [cplan, "export", plan, "--format", "json", "-o", json_out], args.runs, args.timeout,
                workdir, f"{tag}-export", env, before=remove(json_out))
            loadsave = r[(order, "load+save")] = measure("load+save", [cplan, "run", script], args.runs,
                                                         args.timeout, workdir, f"{tag}-loadsave", env,
                                                         before=remove(saved))
            # What check said (its summary line), and whether load+save reproduced the canonical
            # plan byte for byte (the grouped plan saves to canonical order: not compared).
            if check.ok and not check.note:
                summary = tail(os.path.join(workdir, f"{tag}-check.stderr"), 1) or \
                    tail(os.path.join(workdir, f"{tag}-check.stdout"), 1)
                if summary:
                    check.note = f"last line of output: {summary}"
            if order == "canonical" and loadsave.ok and os.path.exists(saved):
                loadsave.note = round_trip_note(plan, saved)
        results[n] = r

    ap_features = [] if args.no_features else [
        f for f in features.FEATURES if not args.only or f.__name__ in args.only.split(",")]
    ctx = features.Context(cplan, workdir, env, args.runs, args.timeout, sizes, results, measure, args.seed)
    feature_rows = []
    for fn in ap_features:
        print(f"\nfeature {fn.__name__}:", flush=True)
        try:
            feature_rows += fn(ctx)
        except Exception as e:  # a feature that breaks is a failed row, and the run goes on
            feature_rows.append(features.Row(fn.__name__, max(sizes), "", "(the benchmark itself failed)", None,
                                             "runs", None, 0, note=f"{type(e).__name__}: {e}"[:300]))

    argv_text = "python3 bench/run.py" + ("" if argv is None and len(sys.argv) < 2 else
                                         " " + " ".join(argv if argv is not None else sys.argv[1:]))
    text, failed = report(args, info, sizes, results, argv_text, feature_rows)
    print()
    print(text)
    with open(out_file, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"written to {os.path.relpath(out_file, os.getcwd())}")
    return 1 if (args.strict and failed) else 0


def round_trip_note(plan, saved):
    """Compare the saved plan with the generated (canonical) one."""
    with open(plan, "rb") as a, open(saved, "rb") as b:
        for lineno, (x, y) in enumerate(zip(a, b), 1):
            if x != y:
                return (f"round trip differs from the generated plan at line {lineno}: "
                        f"expected `{x.decode('utf-8', 'replace').strip()[:120]}`, "
                        f"saved `{y.decode('utf-8', 'replace').strip()[:120]}`")
    if os.path.getsize(plan) != os.path.getsize(saved):
        return "round trip differs from the generated plan in length"
    return "round trip: saved file is byte-identical to the generated plan"


if __name__ == "__main__":
    sys.exit(main())
