"""Which Debian/Ubuntu packages Qt's window system plugin (xcb) still needs on this machine.

    python build_scripts/qt_libraries.py        # prints the missing packages, one per line; none: Qt can open windows

PySide6 brings Qt but not the X11 libraries its xcb plugin links to; a minimal Debian lacks
several (libxcb-icccm4, libxcb-keysyms1, libxcb-cursor0...), and Qt's own message then names only
one of them. This reads the plugin's links with ``ldd`` and names every package to install.
``build_scripts/run_demo.sh`` installs them when it may (as root, with apt-get), else says which.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

#: the package that provides each library Qt's xcb plugin links to (Debian 12 and Ubuntu 22.04 names)
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-sync.so.1": "libxcb-sync1", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0", "libxcb-glx.so.0": "libxcb-glx0", "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6", "libSM.so.6": "libsm6", "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` could not find, in the order it lists them, each once."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def packages_for(libraries: list[str]) -> list[str]:
    """The packages to install for ``libraries`` (a library not in :data:`PACKAGES` is named as itself)."""
    return list(dict.fromkeys(PACKAGES.get(library, library) for library in libraries))


def xcb_plugin_files() -> list[Path]:
    """Qt's xcb platform plugin and the library it is built on, from the PySide6 installed."""
    import PySide6

    qt = Path(PySide6.__file__).resolve().parent / "Qt"
    return [p for p in (qt / "plugins" / "platforms" / "libqxcb.so", *sorted((qt / "lib").glob("libQt6XcbQpa.so*")))
            if p.exists()][:2]


def main() -> int:
    found = []
    for path in xcb_plugin_files():
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True)
        found += missing_libraries(result.stdout)
    for package in packages_for(found):
        print(package)
    return 0


if __name__ == "__main__":
    sys.exit(main())
