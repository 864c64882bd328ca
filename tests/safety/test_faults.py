"""Fault injection: SG Desk's commands on a failing drive (libfiu) and on a full one (a small tmpfs).

Each run is one command (import, export, backup, restore, check, report, anonymise) or an app-like
editing session on a fresh copy of the demo board; afterwards the file must be whole, its data
wholly before or wholly after, every output and backup whole or as it was, no traceback, a failure
told in one line naming the file, and the next edit must succeed (see benchmarks/faultprobe.py). The suite runs
a few dozen runs, bounded in time; ``benchmarks/soak_faults.py`` runs thousands.
"""

from __future__ import annotations

import random
import sys

import faultprobe
import pytest

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="libfiu and tmpfs are Linux tools")

RUNS, SECONDS = 16, 15.0      # each kind of fault, whichever ends first
SEED = 15


@pytest.fixture(scope="module")
def server():
    with faultprobe.Server(use_fiu=faultprobe.fiu_run() is not None) as running:
        yield running


def _check(tally: faultprobe.Tally) -> None:
    print(tally.summary())
    assert tally.problems == []
    assert tally.runs >= RUNS // 2, "too few runs to say anything (a very slow machine?)"
    assert tally.failed_as_told >= tally.runs // 5, "the faults must make some commands fail"


def test_under_random_read_write_flush_and_open_failures_every_run_ends_whole_and_told(server, demo_template,
                                                                                      tmp_path):
    if faultprobe.fiu_run() is None:
        pytest.skip("fiu-run is not installed (Debian package fiu-utils; build_scripts/run_tests.sh installs it "
                    "where it may)")
    drive = tmp_path / "drive"
    drive.mkdir()
    stuff = faultprobe.make_materials(drive, demo_template)
    faultprobe.warm_up(server, stuff, drive)
    _check(faultprobe.probe(server, stuff, drive, mode="fiu", runs=RUNS, seconds=SECONDS, rng=random.Random(SEED)))


def test_on_a_drive_that_fills_up_every_run_ends_whole_and_told(server, demo_template, tmp_path):
    drive = tmp_path / "full"
    why = faultprobe.mount_drive(drive)
    if why is not None:
        pytest.skip(f"no small drive to fill: {why}")
    try:
        stuff = faultprobe.make_materials(drive, demo_template)
        faultprobe.warm_up(server, stuff, drive)
        tally = faultprobe.probe(server, stuff, drive, mode="full", runs=RUNS, seconds=SECONDS,
                                 rng=random.Random(SEED))
    finally:
        faultprobe.unmount_drive(drive)
    _check(tally)
