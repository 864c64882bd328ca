"""The long kill test (crash safety), on demand: thousands of SIGKILLs during imports and edits.

    .venv/bin/python benchmarks/soak_kill.py                 # 1000 import kills, 2000 edit kills
    .venv/bin/python benchmarks/soak_kill.py --import-kills 200 --edit-kills 300 --rows 5000

Prints, per kind of work, the kills survived, the rows lost (must be 0) and what state each
kill left the file in; exits 1 if any kill damaged the file or lost a committed change.
See benchmarks/crashtest.py for what is checked after each kill.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from crashtest import kill_edits, kill_import


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--import-kills", type=int, default=1000)
    parser.add_argument("--edit-kills", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=5000, help="organisations in the imported file")
    parser.add_argument("--steps", type=int, default=200, help="app actions in each edit series")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    print(f"seed {args.seed}")
    ok = True
    with tempfile.TemporaryDirectory(prefix="sgdesk-soak-") as work:
        for name, run in (("import", lambda w: kill_import(w, args.import_kills, rows=args.rows, seed=args.seed)),
                          ("edits", lambda w: kill_edits(w, args.edit_kills, steps=args.steps, seed=args.seed))):
            started = time.perf_counter()
            report = run(Path(work) / name)
            print(f"{report.summary()}  [{time.perf_counter() - started:.0f} s]", flush=True)
            for problem in report.problems[:20]:
                print(f"  problem: {problem}")
            ok = ok and report.ok
    print("PASS: every kill survived, no rows lost" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
