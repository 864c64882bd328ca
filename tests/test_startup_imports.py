"""The core never imports Qt, and starting the CLI or the app loads no heavy library early."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import sgdesk

#: heavy libraries, and ones that load much for little early: sqlite-utils (search loads it once a letter is
#: typed or the search box is chosen) and urllib.request (http and ssl, loaded by xml.sax.saxutils)
HEAVY = ("pandas", "numpy", "reportlab", "openpyxl", "docx", "pikepdf", "sqlite_utils", "urllib.request")


def _run(code: str, tmp_path: Path | None = None) -> list[str]:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


def _core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(sgdesk.__path__, "sgdesk.")
                  if not m.name.startswith("sgdesk.gui") and m.name != "sgdesk.__main__")


def test_the_core_imports_no_qt():
    modules = _core_modules()
    assert "sgdesk.store.boardfile" in modules and "sgdesk.registry" in modules
    loaded = _run(
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "from sgdesk import registry; registry.load()\n"
        "print('\\n'.join(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n")
    assert loaded == []


def test_cli_start_and_registry_load_no_heavy_library():
    loaded = _run(
        "import sys\n"
        "from sgdesk import cli, registry\n"
        "registry.load()\n"
        f"print('\\n'.join(m for m in {HEAVY!r} if m in sys.modules))\n")
    assert loaded == []


#: what writing the pack as a PDF does not need: the Word and Excel writers and their libraries, import code,
#: the GUI and Qt, the code of registers the pack does not print (the risk register, the retention log), and
#: the sockets that name the computer in a lock (a read-only export takes none)
NOT_FOR_THE_PDF_PACK = ("docx", "openpyxl", "pandas", "numpy", "PySide6", "sgdesk.gui", "sgdesk.office.word",
                        "sgdesk.office.excel", "sgdesk.importing.framework", "sgdesk.governance.risks",
                        "sgdesk.training.retention", "sgdesk.organisations", "socket")


def test_exporting_the_pack_as_pdf_loads_no_other_writer_import_code_or_qt(tmp_path, demo_path):
    loaded = _run(
        "import sys\n"
        "from sgdesk.cli import main\n"
        f"assert main(['export', {str(demo_path)!r}, 'pack', '--year', '2018/19', '--out', 'pack.pdf']) == 0\n"
        f"print('\\n'.join('loaded ' + m for m in {NOT_FOR_THE_PDF_PACK!r} if m in sys.modules))\n", tmp_path)
    assert loaded[0].startswith("Wrote ") and loaded[1:] == []


def _loaded_at_first_paint(modules: tuple[str, ...], tmp_path, demo_path) -> list[str]:
    """Which of ``modules`` are loaded once the app has opened the demo board and painted its window."""
    return _run(
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from sgdesk.gui.shell.app import create_application\n"
        "from sgdesk.gui.shell.main_window import MainWindow\n"
        "app = create_application()\n"
        "window = MainWindow(QSettings('s.ini', QSettings.Format.IniFormat))\n"
        f"assert window.open_path(Path({str(demo_path)!r}))\n"
        "window.show(); app.processEvents()\n"
        f"print('\\n'.join(m for m in {modules!r} if m in sys.modules))\n", tmp_path)


def test_opening_the_app_on_the_demo_loads_no_heavy_library(tmp_path, demo_path):
    assert _loaded_at_first_paint(HEAVY, tmp_path, demo_path) == []


#: parts of the app its first paint on a file does not need, loaded when they are first used
LATER = ("sgdesk.gui.widgets.date_field",)


def test_the_first_paint_on_a_file_leaves_the_date_picker_to_later(tmp_path, demo_path):
    assert _loaded_at_first_paint(LATER, tmp_path, demo_path) == []


def test_board_file_queries_do_not_load_pandas_through_sqlite_utils(demo):
    loaded = _run(
        "import sys\n"
        "from sgdesk.store import open_board_file\n"
        f"bf = open_board_file({str(demo.path)!r}, read_only=True)\n"
        "assert 'organisation' in bf.db.table_names()\n"
        "print('\\n'.join(m for m in ('pandas', 'numpy') if m in sys.modules))\n")
    assert loaded == []


#: what the Overview calls, loaded before it is first built (sgdesk.registry.load_overview)
OVERVIEW_CODE = ("sgdesk.training.attention", "sgdesk.indicators.attention", "sgdesk.finance.overview")


def test_the_welcome_screen_loads_the_overview_while_the_user_looks_at_it(tmp_path):
    loaded = _run(
        "import sys, time\n"
        "from PySide6.QtCore import QSettings\n"
        "from sgdesk.gui.shell.app import create_application\n"
        "from sgdesk.gui.shell.main_window import WARM_UP_MS, MainWindow\n"
        "from sgdesk.store.schema import expected_objects\n"
        "app = create_application()\n"
        "window = MainWindow(QSettings('s.ini', QSettings.Format.IniFormat))\n"
        "window.show()\n"
        "def ready():\n"
        f"    return all(m in sys.modules for m in {OVERVIEW_CODE + ('sgdesk.gui.shell.overview',)!r}), "
        "expected_objects.cache_info().currsize\n"
        "app.processEvents()\n"
        "print(*ready())\n"
        "until = time.monotonic() + WARM_UP_MS / 1000 + 2\n"
        "while time.monotonic() < until:\n"
        "    app.processEvents()\n"
        "print(*ready())\n", tmp_path)
    assert loaded == ["False 0", "True 1"]     # at first paint not yet; then the Overview's code and the schema


def test_started_on_a_file_the_app_loads_the_overview_before_qt(tmp_path, demo_path):
    """Started on a file, the app imports the Overview's code (registry.load_overview) before it loads Qt."""
    loaded = _run(
        "import sys\n"
        "from pathlib import Path\n"
        "from sgdesk.gui.shell import app\n"
        "class QtNow(Exception):\n"
        "    pass\n"
        "def create_application():\n"
        f"    print(all(m in sys.modules for m in {OVERVIEW_CODE!r}), 'PySide6' in sys.modules)\n"
        "    raise QtNow\n"
        "app.create_application = create_application\n"
        "try:\n"
        f"    app.run_app(Path({str(demo_path)!r}))\n"
        "except QtNow:\n"
        "    pass\n", tmp_path)
    assert loaded == ["True False"]


def test_the_cycle_collector_waits_until_the_window_is_shown(tmp_path, demo_path):
    """Python's cycle collector does not rescan what start-up makes (``collector_paused(made_is_old=True)``):
    off while the window is built, on once it is shown, with what was made by then counted as old."""
    seen = _run(
        "import gc, sys\n"
        "from pathlib import Path\n"
        "from sgdesk.gui.shell import app\n"
        "create = app.create_application\n"
        "def create_application():\n"
        "    qt = create()\n"
        "    print('building', gc.isenabled())\n"
        "    qt.exec = lambda: print('shown', gc.isenabled(), len(gc.get_objects(generation=0)) < 1000,\n"
        "                            any(o is sys.modules['sgdesk.gui.shell.main_window']\n"
        "                                for o in gc.get_objects(generation=2))) or 0\n"
        "    return qt\n"
        "app.create_application = create_application\n"
        f"app.run_app(Path({str(demo_path)!r}))\n", tmp_path)
    assert seen == ["building False", "shown True True True"]   # the window's code, made at start-up, is old


def test_modules_imported_once_the_app_has_started_are_not_read_and_kept_by_pyside(tmp_path):
    """PySide's own import statement reads and keeps the whole source of every module imported after Qt (17 MB
    once reportlab and the Word and Excel writers are in); the app puts back Python's as it makes its
    QApplication."""
    for name in ("before_the_app", "after_the_app"):
        (tmp_path / f"{name}.py").write_text("VALUE = 1\n", encoding="utf-8")
    kept = _run(
        "import linecache, sys\n"
        "sys.path.insert(0, '.')\n"
        "import PySide6.QtWidgets\n"
        "import before_the_app\n"
        "from sgdesk.gui.shell.app import create_application\n"
        "app = create_application()\n"
        "import after_the_app\n"
        "print(*sorted(name.rsplit('/', 1)[-1] for name in linecache.cache if name.endswith('the_app.py')))\n",
        tmp_path)
    assert kept == ["before_the_app.py"]    # read by PySide's import, as the app's own modules were before
