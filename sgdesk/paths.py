"""Where SG Desk finds its read-only data folders (``ui/``, ``resources/`` and ``db/``), and where it
keeps what it can always make again (:func:`cache_dir`).

The same code runs from three layouts:

* a PyInstaller bundle, where the folders sit in ``sys._MEIPASS``;
* an installed wheel, where the build copies them into ``sgdesk/_data/``;
* a source checkout (including an editable install), where they sit beside the package.

>>> data_path("db").name
'db'
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_FOLDERS = ("ui", "resources", "db")
_PACKAGE_DIR = Path(__file__).resolve().parent


def data_root() -> Path:
    """The folder that holds ``ui/``, ``resources/`` and ``db/`` for this run."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    wheel_data = _PACKAGE_DIR / "_data"
    if (wheel_data / "db").is_dir():
        return wheel_data
    return _PACKAGE_DIR.parent


def data_path(*parts: str) -> Path:
    """A path inside the data root, e.g. ``data_path("resources", "fonts")``."""
    if not parts or parts[0] not in DATA_FOLDERS:
        raise ValueError(f"data paths start with one of {', '.join(DATA_FOLDERS)}")
    return data_root().joinpath(*parts)


def resource_path(*parts: str) -> Path:
    """A path inside ``resources/``."""
    return data_path("resources", *parts)


#: the environment variable that puts the cache elsewhere (the tests' temporary folder)
CACHE_DIR_VARIABLE = "SGDESK_CACHE_DIR"


def cache_dir() -> Path:
    """The per-user folder for what SG Desk keeps to start and write faster, and makes again if it is
    gone (``%LOCALAPPDATA%\\SG Desk\\Cache`` on Windows; ``$SGDESK_CACHE_DIR`` if set)."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("SG Desk", appauthor=False))
