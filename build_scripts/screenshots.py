"""Render the welcome screen and every main view of the demo board to docs/screenshots/*.png.

Runs offscreen: python build_scripts/screenshots.py [OUTDIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402

from sgdesk.demo import build_demo  # noqa: E402
from sgdesk.gui.shell.app import create_application  # noqa: E402
from sgdesk.gui.shell.main_window import MainWindow  # noqa: E402
from sgdesk.gui.shell.viewspecs import view_specs  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "Southend LSCB demo.sgdesk"
        build_demo(demo).close()
        window = MainWindow(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(1366, 820)
        window.show()
        app.processEvents()
        window.grab().save(str(out / "welcome.png"))
        window.open_path(demo)
        for spec in view_specs():
            window.show_view(spec.key)
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(out / f"{spec.key}.png"))
            print(f"wrote {out / (spec.key + '.png')}")
        window.close()


if __name__ == "__main__":
    main()
