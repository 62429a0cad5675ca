#!/usr/bin/env python3
"""Latency of `cplan lsp` diagnostics after an edit (issue 16, SPEC §14 "Editors").

    python3 bench/lsp_latency.py [--cplan PATH] [--n 10000] [--reps 30] [--burst 10000]
                                 [--out bench/lsp_latency.md]

Starts `cplan lsp` (the release build by default) on pipes, opens the generated plan of N
consortia (bench/gen.py, seed 1; written to bench/out/ when missing) and then, `reps` times,
changes one number on one `add goal` line (an incremental `didChange` of that number) and
times from writing the change notification to reading the `publishDiagnostics` of that
version: what an editor waits for. Target: at most 100 ms.

Then the same line with a syntax error, `reps` times: the number replaced by a malformed one
(`10@0`, E005), timed to its diagnostics (the file then fails on that line, and on the statements
that refer to the goal), then put right again (`1000`), timed too. The last broken text's
diagnostics are compared with `cplan check` of it.

Then a burst: `burst` one-line changes written as fast as the pipe takes them, without
waiting; the server coalesces them, and its last diagnostics must be those of `cplan check`
of the last text (compared by code, line and column).
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def frame(message):
    body = json.dumps(message, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Client:
    """A minimal LSP client: writes requests, reads every message on a thread of its own."""

    def __init__(self, cplan):
        self.proc = subprocess.Popen([cplan, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.messages = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = json.loads(out.read(length))
            with self.cond:
                self.messages.append((time.perf_counter(), body))
                self.cond.notify_all()

    def send(self, message):
        self.proc.stdin.write(frame(message))
        self.proc.stdin.flush()

    def wait(self, predicate, timeout=600):
        """The first message received satisfying `predicate` (removed from the list), and when."""
        deadline = time.time() + timeout
        with self.cond:
            while True:
                for i, (t, m) in enumerate(self.messages):
                    if predicate(m):
                        del self.messages[i]
                        return t, m
                left = deadline - time.time()
                if left <= 0:
                    raise TimeoutError("no such message")
                self.cond.wait(left)


def diagnostics_of(version):
    return lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cplan", default=os.path.join(ROOT, ".build/release/cplan"))
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--burst", type=int, default=10000)
    ap.add_argument("--out", default=None, help="also write the results as Markdown here")
    ap.add_argument("--plan", help="the plan to open (default: the generated plan of N consortia)")
    ap.add_argument("--json", help="also write {open_ms, median_ms, worst_ms, burst_s, matches, status} here")
    args = ap.parse_args()

    plan = args.plan or os.path.join(ROOT, "bench/out", f"plan{args.n}.plan")
    if not os.path.exists(plan):
        os.makedirs(os.path.dirname(plan), exist_ok=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen.py"), str(args.n), "--plan", plan, "-q"], check=True)
    text = open(plan, encoding="utf-8").read()
    lines = text.split("\n")
    # The line edited: the middle `add goal` line with a `target`; its target number is replaced.
    goal_lines = [i for i, l in enumerate(lines) if l.startswith("add goal ") and " target " in l]
    row = goal_lines[len(goal_lines) // 2]
    line = lines[row]
    start = line.index(" target ") + len(" target ")
    end = start
    while end < len(line) and line[end] not in " \t":
        end += 1
    utf16 = lambda s: len(s.encode("utf-16-le")) // 2
    col_start, col_end = utf16(line[:start]), utf16(line[:end])

    client = Client(args.cplan)
    uri = "file://" + plan
    client.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    client.wait(lambda m: m.get("id") == 1)
    client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    t0 = time.perf_counter()
    client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "cplan", "version": 1, "text": text}}})
    t1, first = client.wait(diagnostics_of(1))
    open_ms = (t1 - t0) * 1000
    base = len(first["params"]["diagnostics"])

    version = 1
    width = col_end - col_start
    times = []
    for i in range(args.reps):
        version += 1
        value = str(1000 + i % 2)  # the same width each time: the range stays valid
        change = {"range": {"start": {"line": row, "character": col_start},
                            "end": {"line": row, "character": col_start + width}}, "text": value}
        width = len(value)
        t0 = time.perf_counter()
        client.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        t1, _ = client.wait(diagnostics_of(version))
        times.append((t1 - t0) * 1000)

    # A syntax error on the line, and the line put right, `reps` times each.
    def change_to(value):
        nonlocal version, width
        version += 1
        change = {"range": {"start": {"line": row, "character": col_start},
                            "end": {"line": row, "character": col_start + width}}, "text": value}
        width = len(value)
        t0 = time.perf_counter()
        client.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        t1, published = client.wait(diagnostics_of(version))
        return (t1 - t0) * 1000, published

    broken_times, fixed_times = [], []
    broken_last = None
    for i in range(args.reps):
        t, broken_last = change_to("10@0")
        broken_times.append(t)
        t, _ = change_to("1000")
        fixed_times.append(t)
    broken_codes = sorted((d["code"], d["range"]["start"]["line"] + 1) for d in broken_last["params"]["diagnostics"])
    lines_broken = list(lines)
    lines_broken[row] = line[:start] + "10@0" + line[end:]
    with tempfile.NamedTemporaryFile("w", suffix=".plan", delete=False, encoding="utf-8") as f:
        f.write("\n".join(lines_broken))
        broken_path = f.name
    check = subprocess.run([args.cplan, "check", "--format", "json", broken_path], capture_output=True, text=True)
    os.unlink(broken_path)
    broken_expected = sorted((d["code"], d["line"]) for d in json.loads(check.stdout)["diagnostics"]) \
        if check.stdout.strip().startswith("{") else None
    broken_matches = broken_expected == broken_codes

    # The burst: `burst` changes of the same number without waiting.
    last_value = None
    t0 = time.perf_counter()
    for i in range(args.burst):
        version += 1
        last_value = str(2000 + i % 1000)
        change = {"range": {"start": {"line": row, "character": col_start},
                            "end": {"line": row, "character": col_start + width}}, "text": last_value}
        width = len(last_value)
        client.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
    t1, last = client.wait(diagnostics_of(version))
    burst_s = t1 - t0
    published = 1 + sum(1 for _, m in client.messages if m.get("method") == "textDocument/publishDiagnostics")
    client.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    client.wait(lambda m: m.get("id") == 2)
    client.send({"jsonrpc": "2.0", "method": "exit"})
    status = client.proc.wait(timeout=30)

    # `cplan check` of the last text.
    lines[row] = line[:start] + last_value + line[end:]
    with tempfile.NamedTemporaryFile("w", suffix=".plan", delete=False, encoding="utf-8") as f:
        f.write("\n".join(lines))
        last_path = f.name
    check = subprocess.run([args.cplan, "check", "--format", "json", last_path], capture_output=True, text=True)
    os.unlink(last_path)
    expected = sorted((d["code"], d["line"], d["column"]) for d in json.loads(check.stdout)["diagnostics"]) \
        if check.stdout.strip().startswith("{") else None
    got = sorted((d["code"], d["range"]["start"]["line"] + 1, None) for d in last["params"]["diagnostics"])
    matches = expected is not None and [(c, l) for c, l, _ in expected] == [(c, l) for c, l, _ in got]

    median, worst = statistics.median(times), max(times)
    b_median, b_worst = statistics.median(broken_times), max(broken_times)
    f_median, f_worst = statistics.median(fixed_times), max(fixed_times)
    report = [
        "# cplan lsp: diagnostics after an edit",
        "",
        f"`python3 bench/lsp_latency.py --n {args.n} --reps {args.reps} --burst {args.burst}`: `cplan lsp` on pipes, "
        f"the generated plan of {args.n:,} consortia ({os.path.getsize(plan) / 1e6:.1f} MB, {len(lines):,} lines) opened; "
        "each time runs from writing a `didChange` of one number on one `add goal` line to reading the "
        "`publishDiagnostics` of that version. Target: at most 100 ms.",
        "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- machine: {platform.system()} {platform.release()} {platform.machine()}, nproc {os.cpu_count()}",
        f"- load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"- didOpen to the first diagnostics ({base} findings): {open_ms:.0f} ms",
        f"- one-line edit to its diagnostics, {args.reps} runs: median {median:.1f} ms, worst {worst:.1f} ms "
        f"({'under' if worst <= 100 else 'OVER'} 100 ms)",
        f"- the same line given a syntax error (`10@0`), {args.reps} runs: median {b_median:.1f} ms, worst "
        f"{b_worst:.1f} ms ({'under' if b_worst <= 100 else 'OVER'} 100 ms); its {len(broken_codes)} diagnostics "
        f"{'match' if broken_matches else 'DIFFER FROM'} `cplan check` of that text "
        f"({', '.join(f'{c} line {l}' for c, l in broken_codes)})",
        f"- put right again (`1000`), {args.reps} runs: median {f_median:.1f} ms, worst {f_worst:.1f} ms "
        f"({'under' if f_worst <= 100 else 'OVER'} 100 ms)",
        f"- burst of {args.burst:,} changes written without waiting: the last diagnostics {burst_s:.2f} s after the first "
        f"change; {published} publications; last diagnostics {'match' if matches else 'DIFFER FROM'} `cplan check` "
        f"of the last text ({len(got)} findings)",
        f"- exit status after shutdown and exit: {status}",
    ]
    print("\n".join(report))
    print("times (ms):", " ".join(f"{t:.0f}" for t in times), file=sys.stderr)
    print("syntax error (ms):", " ".join(f"{t:.0f}" for t in broken_times), file=sys.stderr)
    print("put right (ms):", " ".join(f"{t:.0f}" for t in fixed_times), file=sys.stderr)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write("\n".join(report) + "\n")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"plan": plan, "open_ms": open_ms, "median_ms": median, "worst_ms": worst,
                       "syntax_error_median_ms": b_median, "syntax_error_worst_ms": b_worst,
                       "syntax_error_matches": broken_matches, "put_right_median_ms": f_median,
                       "put_right_worst_ms": f_worst, "burst": args.burst,
                       "burst_s": burst_s, "matches": matches, "status": status}, f, indent=1)
    ok = max(worst, b_worst, f_worst) <= 100 and matches and broken_matches and status == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
