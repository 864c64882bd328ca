"""Start-up to a painted window: the built bundle against ``python -m sgdesk``.

Run with ``.venv/bin/python benchmarks/bench_packaging.py`` after ``build_scripts/build``. Each run
launches a new process with ``SGDESK_TIMING=1 SGDESK_SMOKE=1`` (offscreen) and takes the time from
launch to the window's first paint (the app prints ``time.monotonic()`` then; see
``sgdesk/gui/shell/app.py``). ``--cold`` empties the operating system's file cache before each run
(Linux, as root), which is what the first start after a reboot sees; otherwise runs are warm.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAMP = re.compile(r"^sgdesk-timing first-paint monotonic=([0-9.]+)$", re.MULTILINE)


def drop_file_cache() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def time_to_paint(command: list[str], home: Path) -> float:
    """Seconds from launching ``command`` to its window's first paint."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SGDESK_TIMING": "1", "SGDESK_SMOKE": "1",
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_STATE_HOME": str(home / "state")}
    started = time.monotonic()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    match = STAMP.search(result.stderr)
    if result.returncode != 0 or match is None:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return float(match.group(1)) - started


def report(label: str, timings: list[float]) -> None:
    ms = [t * 1000 for t in timings]
    print(f"{label:<44} median {statistics.median(ms):7.0f} ms   min {min(ms):6.0f}   max {max(ms):6.0f}"
          f"   ({len(ms)} runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "SG Desk")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cold", action="store_true", help="empty the file cache before each run (root, Linux)")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="bench_packaging_"))
    demo = home / "demo.sgdesk"
    subprocess.run([sys.executable, "-m", "sgdesk", "demo", str(demo)], check=True, capture_output=True,
                   env={**os.environ, "XDG_DATA_HOME": str(home / "data")})
    gui = args.bundle / ("SG Desk.exe" if sys.platform == "win32" else "SG Desk")
    programs = {"python -m sgdesk": [sys.executable, "-m", "sgdesk"]}
    if gui.exists():
        programs["bundle (SG Desk)"] = [str(gui)]
    else:
        print(f"no bundle at {args.bundle}: run build_scripts/build first; timing python -m sgdesk only")

    print(f"time from launch to a painted window, {'cold' if args.cold else 'warm'} file cache, offscreen")
    for screen, extra in (("welcome screen", []), ("demo board", [str(demo)])):
        timings: dict[str, list[float]] = {label: [] for label in programs}
        for _ in range(args.runs):          # alternate the programs, so both meet the same machine load
            for label, command in programs.items():
                if args.cold:
                    drop_file_cache()
                timings[label].append(time_to_paint(command + extra, home))
        for label, measured in timings.items():
            report(f"{label}, {screen}", measured)


if __name__ == "__main__":
    main()
