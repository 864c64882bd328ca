"""Where SG Desk finds its read-only data folders: ``ui/``, ``resources/`` and ``db/``.

The same code runs from three layouts:

* a PyInstaller bundle, where the folders sit in ``sys._MEIPASS``;
* an installed wheel, where the build copies them into ``sgdesk/_data/``;
* a source checkout (including an editable install), where they sit beside the package.

>>> data_path("db").name
'db'
"""

from __future__ import annotations

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
