#!/usr/bin/env python3
"""`make order`: write bench/cplan.order, the link order of cplan's functions.

The release build (`make release`) links with lld's `--symbol-ordering-file=bench/cplan.order`:
the functions named here are laid out first, together, in this order; the rest follow as usual.
They are the functions that `cplan --version`, `cplan check`, `cplan run` (load + save) and
`cplan export --format json` execute on the generated N = 1,000 plan, as valgrind's callgrind
records them (every function executed, not a sample). The kernel maps a program's code in
64 KB runs around each page it touches (fault-around), so code run together and laid out
together costs fewer resident pages: `cplan check` of the N = 1,000 plan touched 8.2 MB of code
scattered over the binary and touches 3.6 MB laid out so.

The order only moves code; a stale file (functions renamed since) costs pages, not correctness:
lld skips names it does not find. Regenerate after large changes: `make order` (needs valgrind;
about a minute).
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import gen  # noqa: E402


def main():
    cplan = os.path.join(ROOT, ".build", "release", "cplan")
    if not os.path.exists(cplan):
        sys.exit("order: build first (make release)")
    work = tempfile.mkdtemp(prefix="cplan-order-")
    plan = os.path.join(work, "n1000.plan")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen.py"), "1000", "--seed", "1", "--plan", plan],
                   check=True, stdout=subprocess.DEVNULL)
    script = os.path.join(work, "loadsave.cplan")
    with open(script, "w", encoding="utf-8") as f:
        f.write(f"load {gen.plan_str(plan)}\nsave {gen.plan_str(os.path.join(work, 'saved.plan'))} force\n")
    runs = [
        ["--version"],
        ["check", plan],
        ["run", script],
        ["export", plan, "--format", "json", "-o", os.path.join(work, "out.json")],
    ]
    names, seen = [], set()
    for i, args in enumerate(runs):
        out = os.path.join(work, f"callgrind.{i}")
        subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={out}", cplan] + args,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(out, encoding="utf-8", errors="replace") as f:
            for line in f:
                # Callgrind names a function once, as `fn=(id) name` or `cfn=(id) name`.
                m = re.match(r"^c?fn=\(\d+\) (\S.*)$", line.rstrip("\n"))
                if m and not m.group(1).startswith("0x") and m.group(1) not in seen:
                    seen.add(m.group(1))
                    names.append(m.group(1))
        print(f"order: {' '.join(args[:1])}: {len(names)} functions so far", flush=True)
    target = os.path.join(ROOT, "bench", "cplan.order")
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(names) + "\n")
    print(f"order: wrote {target} ({len(names)} functions)")


if __name__ == "__main__":
    main()
