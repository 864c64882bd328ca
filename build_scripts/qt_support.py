"""Unpack PySide's support code beside shiboken6, compiled, so that no start of the app compiles it.

shiboken6 carries the Python code behind Qt's signatures, enums and features (``shibokensupport``,
about 120 KB of source) inside its binary, and compiles it every time a program imports PySide6:
some 40 ms of every start on a two-core laptop. When a folder ``files.dir`` exists beside shiboken6,
shiboken imports that code from there instead, as ordinary modules; its own switch writes the folder
(``SBK_EMBED=0``) or removes it (``SBK_EMBED=1``). This writes the folder afresh for the installed
shiboken6 (after an upgrade it would otherwise hold the old version's code) and compiles it with
unchecked hashes, so every start reads bytecode and none writes it, even where the folder is read-only.

The set-up scripts run it after every install, and the bundle carries the folder
(``build_scripts/sgdesk.spec``)::

    .venv/bin/python build_scripts/qt_support.py     # prints the folder it wrote
"""

from __future__ import annotations

import compileall
import importlib.util
import os
import py_compile
import shutil
import sys
from pathlib import Path

FOLDER_NAME = "files.dir"


def support_folder() -> Path:
    """Where shiboken6 looks for its unpacked support code (found without importing shiboken6)."""
    spec = importlib.util.find_spec("shiboken6")
    if spec is None or spec.origin is None:
        raise SystemExit("qt_support: shiboken6 is not installed in this Python: install SG Desk first")
    return Path(spec.origin).resolve().parent / FOLDER_NAME


def write_support_files() -> Path:
    """Write ``files.dir`` for this Python's shiboken6 and compile it; the folder written.

    Runs shiboken6's own unpacking, so it must be called before anything in this process imports
    shiboken6 or PySide6."""
    if "shiboken6" in sys.modules:
        raise RuntimeError("write_support_files() must run before shiboken6 is imported")
    folder = support_folder()
    shutil.rmtree(folder, ignore_errors=True)
    os.environ["SBK_EMBED"] = "0"
    import shiboken6  # noqa: F401  (importing it with SBK_EMBED=0 writes the folder)

    if not (folder / "shibokensupport").is_dir():
        raise SystemExit(f"qt_support: shiboken6 did not write {folder}: check that the folder can be written")
    if not compileall.compile_dir(folder, quiet=1, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH):
        raise SystemExit(f"qt_support: the support code in {folder} did not compile")
    return folder


if __name__ == "__main__":
    print(write_support_files())
