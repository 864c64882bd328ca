"""The PyInstaller bundle: what the spec asks for, the icon, start-up failures, and (slow) the real build.

The fast tests run the spec with stand-ins for PyInstaller's Analysis/PYZ/EXE/COLLECT, so they
check what it would build without building. ``test_the_bundle_builds_and_passes_its_smoke_test``
builds the bundle for real and runs ``build_scripts/smoke_test`` on it (marked ``slow``).
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sgdesk
from sgdesk import cli, registry
from sgdesk.errors import BoardFileError
from sgdesk.gui.shell import app as startup
from sgdesk.gui.shell.viewspecs import view_specs
from sgdesk.paths import DATA_FOLDERS, data_path, data_root, resource_path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_scripts" / "sgdesk.spec"


class Recorded:
    """Stands in for a PyInstaller build step and remembers how it was called."""

    calls: list[Recorded] = []

    def __init__(self, *args, **kwargs) -> None:
        self.args, self.kwargs = args, kwargs
        self.calls.append(self)


class FakeAnalysis(Recorded):
    pure: list = []
    scripts: list = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.binaries = [("PySide6/Qt/lib/libQt6Widgets.so.6", "/x", "BINARY"),
                         ("PySide6\\opengl32sw.dll", "/x", "BINARY"),
                         ("PySide6\\Qt6Widgets.dll", "/x", "BINARY")]
        self.datas = [("PySide6/Qt/translations/qtbase_de.qm", "/x", "DATA"),
                      ("PySide6\\translations\\qt_fr.qm", "/x", "DATA"),
                      ("resources/icons/sgdesk.ico", "/x", "DATA")]


def run_spec(workpath: Path) -> dict:
    """Execute the spec as PyInstaller would, with recording stand-ins; return its namespace."""
    Recorded.calls = []
    namespace = {"__name__": "__main__", "__file__": str(SPEC), "SPECPATH": str(SPEC.parent),
                 "workpath": str(workpath), "Analysis": FakeAnalysis, "PYZ": Recorded, "EXE": Recorded,
                 "COLLECT": Recorded}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return namespace


@pytest.fixture
def spec(tmp_path) -> dict:
    return run_spec(tmp_path)


def analysis(spec: dict) -> FakeAnalysis:
    return next(call for call in Recorded.calls if isinstance(call, FakeAnalysis))


def imported_modules(path: Path, *, modules_only: bool = False) -> set[str]:
    """Every module a source file imports, at top level or inside functions; unless ``modules_only``,
    also ``module.name`` for each ``from module import name`` (which may be a submodule)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            if not modules_only:
                names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def is_excluded(module: str, excludes: list[str]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in excludes)


# -- what the spec builds ---------------------------------------------------------------------------

def test_every_feature_module_and_view_is_a_hidden_import(spec):
    hidden = set(analysis(spec).kwargs["hiddenimports"])
    assert set(registry.FEATURE_MODULES) <= hidden
    assert {view.target.split(":")[0] for view in view_specs()} <= hidden
    assert {target.split(":")[0] for target in registry.load().targets} <= hidden
    package = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
               for p in (ROOT / "sgdesk").rglob("*.py") if "__pycache__" not in p.parts}
    assert package <= hidden
    assert {"sgdesk.gui.shell.app", "sgdesk.cli", "sgdesk.pdf.tables"} <= hidden


def test_a_feature_added_to_the_registry_its_view_and_functions_are_picked_up_and_a_missing_one_stops_the_build(
        tmp_path, monkeypatch):
    (tmp_path / "papers_feature.py").write_text(
        "from sgdesk.registry import SidebarView\n"
        "def register(registry):\n"
        "    registry.add_view(SidebarView('papers', 'Papers', 'papers_view:PapersView', 50))\n"
        "    registry.add_check(registry.lazy('papers_checks:papers_checks'))\n", encoding="utf-8")
    (tmp_path / "papers_view.py").write_text("class PapersView:\n    pass\n", encoding="utf-8")
    (tmp_path / "papers_checks.py").write_text("def papers_checks(bf):\n    return []\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    features = registry.FEATURE_MODULES
    monkeypatch.setattr(registry, "FEATURE_MODULES", (*features, "papers_feature"))
    assert {"papers_feature", "papers_view", "papers_checks"} <= set(
        analysis(run_spec(tmp_path)).kwargs["hiddenimports"])

    (tmp_path / "papers_checks.py").unlink()
    importlib.invalidate_caches()
    with pytest.raises(SystemExit, match="papers_checks"):
        run_spec(tmp_path)
    (tmp_path / "papers_view.py").unlink()
    importlib.invalidate_caches()
    with pytest.raises(SystemExit, match="papers_view"):
        run_spec(tmp_path)
    monkeypatch.setattr(registry, "FEATURE_MODULES", (*features, "sgdesk.no_such_feature"))
    with pytest.raises(SystemExit, match="sgdesk.no_such_feature"):
        run_spec(tmp_path)


def _data_folders(spec: dict) -> list[tuple[str, str]]:
    """The spec's data folders less shiboken6's support code (tested on its own)."""
    return [(source, dest) for source, dest in analysis(spec).kwargs["datas"] if not dest.startswith("shiboken6/")]


def test_the_data_folders_go_where_the_bundle_looks_for_them(spec):
    datas = _data_folders(spec)
    assert sorted(dest for _source, dest in datas) == sorted(DATA_FOLDERS)
    assert all(Path(source) == ROOT / dest and Path(source).is_dir() for source, dest in datas)
    assert analysis(spec).args[0] == [str(ROOT / "sgdesk" / "__main__.py")]


def test_the_bundle_carries_qts_support_code_compiled_beside_shiboken(spec):
    import shiboken6

    support = [(source, dest) for source, dest in analysis(spec).kwargs["datas"] if dest.startswith("shiboken6/")]
    assert support == [(str(Path(shiboken6.__file__).resolve().parent / "files.dir"), "shiboken6/files.dir")]
    folder = Path(support[0][0])
    assert len(list(folder.rglob("*.pyc"))) == len(list(folder.rglob("*.py"))) > 10


def test_without_qts_support_code_unpacked_the_build_stops_and_says_what_to_run(spec, tmp_path, monkeypatch):
    from build_scripts import qt_support

    monkeypatch.setattr(qt_support, "support_folder", lambda: tmp_path / "files.dir")
    with pytest.raises(SystemExit, match="run build_scripts/qt_support.py first"):
        run_spec(tmp_path)


def test_one_folder_named_sg_desk_with_a_windowed_app_and_a_console_twin(spec):
    programs = [call for call in Recorded.calls if call.kwargs.get("exclude_binaries")]
    assert [(p.kwargs["name"], p.kwargs["console"]) for p in programs] == [("SG Desk", False), ("sgdesk", True)]
    assert all(p.kwargs["upx"] is False for p in programs)
    collect = Recorded.calls[-1]
    assert collect.kwargs["name"] == "SG Desk"
    assert collect.args[:2] == tuple(programs)
    if sys.platform == "win32":
        assert programs[0].kwargs["icon"].endswith("sgdesk.ico")
        assert Path(programs[0].kwargs["version"]).is_file()


def test_unused_qt_modules_and_packages_are_excluded(spec):
    excludes = analysis(spec).kwargs["excludes"]
    for heavy in ("QtWebEngineCore", "QtWebEngineWidgets", "QtQuick", "QtQml", "Qt3DCore", "QtMultimedia",
                  "QtCharts", "QtNetwork", "QtPdf", "QtSql", "QtTest", "QtOpenGL"):
        assert f"PySide6.{heavy}" in excludes
    for package in ("tkinter", "test", "pytest", "hypothesis", "PyInstaller", "pypdf", "pdfplumber", "setuptools",
                    "pip", "pandas.tests", "numpy.tests"):
        assert package in excludes
    assert "pandas" not in excludes and "numpy" not in excludes     # the indicators import reads with pandas
    kept = spec["QT_MODULES_USED"]
    assert not [name for name in excludes if name.split(".")[-1] in kept]


def test_nothing_the_app_imports_is_excluded(spec):
    excludes = analysis(spec).kwargs["excludes"]
    wrongly = {f"{path.relative_to(ROOT)}: {module}"
               for path in (ROOT / "sgdesk").rglob("*.py")
               for module in imported_modules(path) if is_excluded(module, excludes)}
    assert not wrongly, f"imported but excluded from the bundle: {sorted(wrongly)}"


def test_everything_the_app_imports_works_without_the_excluded_modules(spec):
    """As in the bundle, excluded modules cannot be imported: every sgdesk module, and everything they
    import (also inside functions, where features load reportlab, openpyxl, python-docx...), must still
    import; libraries that only try an excluded module (sqlite-utils tries pandas) are fine."""
    excludes = analysis(spec).kwargs["excludes"]
    ours = set(analysis(spec).kwargs["hiddenimports"]) - {"sgdesk.__main__"}
    theirs = {name for path in (ROOT / "sgdesk").rglob("*.py") for name in imported_modules(path, modules_only=True)
              if name.split(".")[0] != "sgdesk"}
    script = f"""
import importlib, importlib.abc, json, sys
EXCLUDED = {excludes!r}

class AsInTheBundle(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if any(name == e or name.startswith(e + ".") for e in EXCLUDED):
            raise ModuleNotFoundError(f"No module named {{name!r}} (excluded from the bundle)", name=name)
        return None

sys.meta_path.insert(0, AsInTheBundle())
failed = []
for name in {sorted(ours) + sorted(theirs)!r}:
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as error:
        if not (error.name == name and name.split(".")[0] in sys.stdlib_module_names):  # e.g. winreg here
            failed.append(f"{{name}}: {{error}}")
print(json.dumps({{"failed": failed, "loaded": sorted(sys.modules)}}))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=300)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.splitlines()[-1])
    assert found["failed"] == []
    assert {"reportlab.platypus", "openpyxl", "docx", "sqlite_utils", "PySide6.QtWidgets"} <= set(found["loaded"])


def test_qt_translations_and_software_opengl_are_left_out(spec):
    a = analysis(spec)
    assert [entry[0] for entry in a.binaries] == ["PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6\\Qt6Widgets.dll"]
    assert [entry[0] for entry in a.datas] == ["resources/icons/sgdesk.ico"]


def test_the_qt_we_bundle_does_not_lose_references_to_none(spec):
    """PySide6 6.12.0 on Python 3.11 does, and every program on it dies with "deallocating None"
    after a few thousand Qt calls; the build refuses such a Qt, and so does this test."""
    assert spec["qt_keeps_none_alive"](), (
        "this PySide6 loses a reference to None on each call returning nothing: pin PySide6-Essentials<6.12 "
        "(6.11.3 is fine) or use Python 3.12 or later")


def test_the_windows_version_resource_carries_sgdesks_version(spec, tmp_path):
    assert spec["version_numbers"]("0.1.0") == (0, 1, 0, 0)
    assert spec["version_numbers"]("2.10rc1") == (2, 10, 0, 0)
    text = (tmp_path / "version_info.txt").read_text(encoding="utf-8")
    assert f"StringStruct('ProductVersion', '{sgdesk.__version__}')" in text
    assert "StringStruct('FileDescription', \"SG Desk: records and reports for a safeguarding board's" in text
    # PyInstaller eval()s the text with its versioninfo classes in scope: do the same with recorders.
    made: dict[str, list[tuple]] = {}

    def maker(name: str):
        return lambda *args, **kwargs: made.setdefault(name, []).append((args, kwargs)) or name

    classes = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
               "VarStruct")
    assert eval(compile(text, "version_info.txt", "eval"), {name: maker(name) for name in classes}) == "VSVersionInfo"
    numbers = spec["version_numbers"](sgdesk.__version__)
    assert made["FixedFileInfo"][0][1]["filevers"] == numbers == made["FixedFileInfo"][0][1]["prodvers"]
    assert dict(args for args, _ in made["StringStruct"])["OriginalFilename"] == "SG Desk.exe"
    versioninfo = importlib.util.find_spec("PyInstaller.utils.win32.versioninfo")
    if versioninfo is not None:
        source = Path(versioninfo.origin).read_text(encoding="utf-8")
        assert all(f"class {name}" in source for name in classes)


# -- where the frozen app finds things ------------------------------------------------------------------------

def test_a_bundle_finds_its_folders_in_meipass_and_builds_a_board_file_from_them(spec, tmp_path, monkeypatch):
    from sgdesk.store import create_board_file, migrations

    meipass = tmp_path / "SG Desk" / "_internal"
    for source, dest in _data_folders(spec):   # lay the folders out as COLLECT does
        shutil.copytree(source, meipass / dest)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(meipass), raising=False)
    migrations.migrations.cache_clear()
    try:
        assert data_root() == meipass
        assert resource_path("icons", "sgdesk.ico").is_file()
        assert data_path("ui", "style.qss").is_file()
        assert all(m.path.parent == meipass / "db" for m in migrations.migrations())
        with create_board_file(tmp_path / "new.sgdesk") as bf:
            assert bf.schema_version() == migrations.latest_version()
    finally:
        migrations.migrations.cache_clear()


def test_outside_a_bundle_meipass_alone_is_not_trusted(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert data_root() != tmp_path
    assert (data_root() / "db").is_dir()


# -- the icon -----------------------------------------------------------------------------------------------------

def test_the_icon_files_exist_at_every_size():
    from PIL import Image

    make_icons = load_module(ROOT / "build_scripts" / "make_icons.py")
    for size in make_icons.SIZES:
        with Image.open(resource_path("icons", f"sgdesk-{size}.png")) as png:
            assert png.size == (size, size)
    with Image.open(resource_path("icons", "sgdesk.ico")) as ico:
        assert ico.info["sizes"] == {(s, s) for s in make_icons.ICO_SIZES}


def test_make_icons_draws_them_again(tmp_path):
    make_icons = load_module(ROOT / "build_scripts" / "make_icons.py")
    written = make_icons.write_icons(tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in resource_path("icons").iterdir())
    from PIL import Image

    with Image.open(tmp_path / "sgdesk-256.png") as image:
        centre = image.getpixel((128, 60))      # the shield, above the letters, is white on the blue
        corner = image.getpixel((2, 2))         # outside the rounded square is transparent
    assert centre[:3] == (255, 255, 255) and corner[3] == 0


def test_the_app_and_its_windows_carry_the_icon(qapp):
    from PySide6.QtCore import QSize

    from sgdesk.gui.shell.app import create_application

    before = (qapp.windowIcon(), qapp.styleSheet(), qapp.applicationName(), qapp.organizationName(),
              qapp.applicationDisplayName())
    try:
        app = create_application()
        sizes = app.windowIcon().availableSizes()
        assert QSize(16, 16) in sizes and QSize(256, 256) in sizes
    finally:
        for setter, value in zip((qapp.setWindowIcon, qapp.setStyleSheet, qapp.setApplicationName,
                                  qapp.setOrganizationName, qapp.setApplicationDisplayName), before):
            setter(value)


def load_module(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- when start-up fails ------------------------------------------------------------------------------------------

@pytest.fixture
def log_folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(startup, "log_dir", lambda: tmp_path / "Logs")
    return tmp_path / "Logs"


def test_a_failed_start_shows_a_readable_message_and_saves_the_details(qapp, message_boxes, log_folder,
                                                                         monkeypatch, capsys):
    def broken(path):
        raise RuntimeError("the style sheet is unreadable")

    monkeypatch.setattr("sgdesk.gui.shell.app.run_app", broken)
    assert cli.main([]) == 1

    log = log_folder / "startup-errors.log"
    [text] = message_boxes
    assert text == ("SG Desk stopped while starting, because of a problem inside it (RuntimeError: the style "
                    f"sheet is unreadable).\n\nThe details are saved in this file: please send it to your IT team.\n{log}")
    assert "Traceback" not in text
    details = log.read_text(encoding="utf-8")
    assert "Traceback" in details and "RuntimeError: the style sheet is unreadable" in details
    assert f"SG Desk {sgdesk.__version__}" in details
    assert "SG Desk could not start" in capsys.readouterr().err


def test_when_qt_cannot_load_windows_shows_its_own_message_box(log_folder, monkeypatch):
    import ctypes

    shown = []

    class User32:
        @staticmethod
        def MessageBoxW(owner, text, title, flags):  # noqa: N802 (the Windows name)
            shown.append((text, title, flags))
            return 1

    monkeypatch.setitem(sys.modules, "PySide6.QtWidgets", None)       # Qt will not load, for the app or the message box
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"user32": User32}), raising=False)
    monkeypatch.setattr(sys, "stderr", None)                          # a windowed program has no console

    assert startup.launch(None) == 1
    [(text, title, flags)] = shown
    assert title == "SG Desk could not start" and flags == 0x10
    assert text == ("A part of SG Desk could not be loaded (PySide6.QtWidgets): the installation is incomplete or "
                    "damaged. Ask your IT team to install SG Desk again.\n\n"
                    f"The details are saved in this file: please send it to your IT team.\n{log_folder}/startup-errors.log")


def test_if_the_log_cannot_be_written_the_message_still_says_what_to_do(monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setattr(startup, "log_dir", lambda: blocker / "Logs")
    error = BoardFileError("the board file is open on another computer: close it there first")
    assert startup.save_details(error) is None
    assert startup.failure_text(error, None) == ("the board file is open on another computer: close it there first"
                                                 "\n\nPlease tell your IT team what happened.")


# -- first paint: timing and the smoke check ---------------------------------------------------------------------

def test_timing_prints_when_the_window_first_paints(qtbot, settings, monkeypatch, capfd):
    import time

    from PySide6.QtCore import QEvent, QObject

    from sgdesk.gui.shell.main_window import MainWindow

    monkeypatch.setenv("SGDESK_TIMING", "1")
    monkeypatch.delenv("SGDESK_SMOKE", raising=False)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    contents_painted: list[bool] = []

    class Paints(QObject):
        def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt's name)
            contents_painted.append(event.type() == QEvent.Type.Paint)
            return False

    paints = Paints()
    window.statusBar().installEventFilter(paints)   # something inside the window, painted after the window itself
    before = time.monotonic()
    startup.watch_first_paint(window)
    window.show()
    seen: list[str] = []
    contents_painted_when_seen: list[bool] = []

    def painted() -> bool:
        seen.extend(line for line in capfd.readouterr().err.splitlines() if line.startswith("sgdesk-timing"))
        contents_painted_when_seen.append(any(contents_painted))
        return bool(seen)

    qtbot.waitUntil(painted, timeout=5000)
    assert contents_painted_when_seen[-1], "the first paint was reported before the window's contents were painted"
    [line] = seen
    assert line.startswith("sgdesk-timing first-paint monotonic=")
    assert before < float(line.split("=")[1]) <= time.monotonic()
    assert window.isVisible()                     # timing alone does not close the window


def test_the_smoke_check_builds_every_view_of_an_open_file(window, capsys):
    assert startup.smoke_check(window) == 0
    assert set(window.views) == {spec.key for spec in view_specs()}
    assert capsys.readouterr().out.strip() == (
        f"smoke: {len(registry.FEATURE_MODULES)} feature modules ({len(registry.load().import_kinds)} import "
        f"kinds, {len(registry.load().reports)} reports, {len(registry.load().exports)} exports), "
        f"{len(view_specs())} views loaded, {len(view_specs())} built")


def test_python_m_sgdesk_paints_and_closes_itself_in_smoke_mode(demo_path, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SGDESK_SMOKE": "1", "SGDESK_TIMING": "1",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run([sys.executable, "-m", "sgdesk", str(demo_path)], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "sgdesk-timing first-paint monotonic=" in result.stderr
    assert f"{len(view_specs())} views loaded, {len(view_specs())} built" in result.stdout
    assert (tmp_path / "config" / "SG Desk" / "SG Desk.conf").is_file()   # settings in the user's folder


# -- the real build (slow) ---------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_the_bundle_builds_and_passes_its_smoke_test(tmp_path):
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed: pip install -e '.[build]'")
    dist = tmp_path / "dist"
    build = subprocess.run(["bash", str(ROOT / "build_scripts" / "build"), "--venv", sys.prefix, "--no-install",
                            "--dist", str(dist)], capture_output=True, text=True, timeout=1800)
    assert build.returncode == 0, build.stdout + build.stderr
    bundle = dist / "SG Desk"
    assert "size: " in build.stdout

    internal = bundle / "_internal"
    assert sorted(p.name for p in bundle.iterdir()) == sorted(["SG Desk", "sgdesk", "_internal"]) or \
        sys.platform == "win32"
    assert all((internal / folder).is_dir() for folder in DATA_FOLDERS)
    assert (internal / "resources" / "icons" / "sgdesk.ico").is_file()
    assert list((internal / "shiboken6" / "files.dir" / "shibokensupport" / "signature").glob("__pycache__/*.pyc"))
    files = [str(p.relative_to(internal)) for p in internal.rglob("*")]
    for unwanted in ("WebEngine", "Qt6Quick", "Qt6Qml", "Qt63D", "Multimedia", "Charts", "tkinter", "_tkinter",
                     "translations", "opengl32sw", "pytest", "hypothesis"):
        assert not [f for f in files if unwanted.lower() in f.lower()], unwanted

    smoke = subprocess.run(["bash", str(ROOT / "build_scripts" / "smoke_test"), str(bundle)],
                           capture_output=True, text=True, timeout=900)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke: all" in smoke.stdout and "window on the demo board" in smoke.stdout

    # A damaged copy (Qt's widgets module gone) says so readably and saves the details, no traceback.
    damaged = tmp_path / "damaged"
    shutil.copytree(bundle, damaged, symlinks=True, copy_function=os.link)
    for widgets in (damaged / "_internal" / "PySide6").glob("QtWidgets.*"):
        widgets.unlink()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    program = damaged / ("SG Desk.exe" if sys.platform == "win32" else "SG Desk")
    started = subprocess.run([str(program)], capture_output=True, text=True, env=env, timeout=120)
    assert started.returncode == 1
    assert "SG Desk could not start: A part of SG Desk could not be loaded (PySide6.QtWidgets)" in started.stderr
    assert "Traceback" not in started.stderr
    [log] = (tmp_path / "state").rglob("startup-errors.log")
    assert "ModuleNotFoundError" in log.read_text(encoding="utf-8")
