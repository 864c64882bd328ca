"""The long fault probe, on demand: SG Desk's commands on a failing and on a full drive.

    .venv/bin/python benchmarks/soak_faults.py                      # 1000 libfiu runs, 500 full-drive runs
    .venv/bin/python benchmarks/soak_faults.py --fiu-runs 200 --full-runs 100 --seed 7

Each run is one command (import, export, backup, restore, check, report, anonymise) or an
app-like editing session on a fresh copy of the demo board; see benchmarks/faultprobe.py
for the faults and what is counted. Prints the counts per kind of fault and exits 1 if any
run left a damaged file, a partial change, a traceback, an unclear message or a jammed file.
The full-drive runs need root (to mount a tmpfs); the libfiu runs need fiu-run (fiu-utils).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import faultprobe


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fiu-runs", type=int, default=1000)
    parser.add_argument("--full-runs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--problems", type=int, default=15, help="how many problems to list per kind of fault")
    parser.add_argument("--only", nargs="+", choices=faultprobe.SCENARIOS, default=faultprobe.SCENARIOS,
                        help="run only these commands")
    args = parser.parse_args()
    print(f"seed {args.seed}")
    from sgdesk.demo import build_demo

    ok = True
    with tempfile.TemporaryDirectory(prefix="sgdesk-faults-") as work:
        work = Path(work)
        template = work / "demo.sgdesk"
        build_demo(template).close()
        use_fiu = faultprobe.fiu_run() is not None
        with faultprobe.Server(use_fiu) as server:
            for mode, runs in (("fiu", args.fiu_runs), ("full", args.full_runs)):
                drive = work / mode
                drive.mkdir()
                if mode == "fiu" and not use_fiu:
                    print("fiu: skipped (fiu-run is not installed: apt-get install fiu-utils)")
                    continue
                if mode == "full" and (why := faultprobe.mount_drive(drive)):
                    print(f"full: skipped ({why})")
                    continue
                try:
                    stuff = faultprobe.make_materials(drive, template)
                    faultprobe.warm_up(server, stuff, drive)
                    tally = faultprobe.probe(server, stuff, drive, mode=mode, runs=runs, seconds=float("inf"),
                                             rng=random.Random(args.seed), scenarios=tuple(args.only))
                finally:
                    if mode == "full":
                        faultprobe.unmount_drive(drive)
                print(f"{mode}: {tally.summary()}")
                print("   runs per command: " + ", ".join(f"{k} {n}" for k, n in sorted(tally.by_scenario.items())))
                if tally.kinds:
                    print("   shortfalls: " + ", ".join(f"{k} {n}" for k, n in tally.kinds.most_common()))
                for problem in tally.problems[:args.problems]:
                    print(f"   problem: {problem}")
                ok = ok and tally.clean
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
