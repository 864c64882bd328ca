"""Shared fixtures: board files in a temporary folder, and a Qt app that leaves no trace."""

from __future__ import annotations

import datetime as dt
import functools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

#: the offscreen screen the tests' windows open on: a laptop's 1280×800, where the main window opens maximised
SCREEN = Path(__file__).parent / "fixtures" / "screen-1280x800.json"
if os.environ.setdefault("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
#: reportlab checks every attribute given to a chart's shapes, as an export does not (sgdesk.reportlab_setup)
os.environ.setdefault("RL_shapeChecking", "1")
#: what SG Desk keeps between processes (sgdesk.cache) goes to the tests' own folder in the system's
#: temporary folder, not the user's, from the first import of sgdesk on (it keeps its dataclasses' methods);
#: the processes the tests start keep theirs there too, and the next test run finds it
os.environ["SGDESK_CACHE_DIR"] = str(Path(tempfile.gettempdir()) / "sgdesk-test-cache")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo board, built once per test run; copy it with ``demo_path`` to change it.

    It is built under another name and then moved, so each copy is a board file in its own right,
    not a copy of one that is still there (sgdesk.store.identity).
    """
    from sgdesk.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sgdesk"
    build_demo(path.with_name("building.sgdesk")).close()
    return path.with_name("building.sgdesk").rename(path)


@pytest.fixture(scope="session")
def build_stress():
    """Build the ten-year stress board as the tests share it: a tenth of the benchmarks' size, as of
    23 November 2026 (its years end with that day's, so its figures do not move with the calendar)."""
    from sgdesk.demo.large import build_large

    return functools.partial(build_large, scale=0.1, today=dt.date(2026, 11, 23))


@pytest.fixture(scope="session")
def stress_path(tmp_path_factory, build_stress) -> Path:
    """The stress board (``build_stress``), built once per test run."""
    path = tmp_path_factory.mktemp("stress") / "stress.sgdesk"
    build_stress(path).close()
    return path


@pytest.fixture
def stress(stress_path: Path):
    """The stress board, open read-only."""
    from sgdesk.store import open_board_file

    bf = open_board_file(stress_path, read_only=True)
    yield bf
    bf.close()


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo board file."""
    path = tmp_path / "demo.sgdesk"
    path.write_bytes(demo_template.read_bytes())
    return path


@pytest.fixture
def demo(demo_path: Path):
    """The demo board file, open for writing."""
    from sgdesk.store import open_board_file

    bf = open_board_file(demo_path)
    yield bf
    bf.close()


@pytest.fixture
def empty_board(tmp_path: Path):
    """A new board file holding one empty board, open for writing."""
    from sgdesk.boards import add_board
    from sgdesk.store import create_board_file

    bf = create_board_file(tmp_path / "empty.sgdesk")
    with bf.edit("Create board") as ed:
        add_board(ed, "Test Safeguarding Children Partnership", short_name="Test SCP")
    bf.editor.forget_history()
    yield bf
    bf.close()


@pytest.fixture
def settings(tmp_path: Path):
    """QSettings in a temporary INI file, so tests never touch the user's settings."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings, demo_path: Path):
    """The main window on a copy of the demo board."""
    from sgdesk.gui.shell.main_window import MainWindow
    from sgdesk.gui.widgets.unsaved import pending_edits

    win = MainWindow(settings)     # closed here rather than by qtbot, after what a test left typed is dropped
    assert win.open_path(demo_path)
    win.show()
    yield win
    for edit in pending_edits(win) if win.context is not None else []:
        edit.discard()
    win.close()
    win.deleteLater()


#: Qt warnings that mean a widget or QObject was misused, often from a worker thread: they fail the test
_QT_FAULTS = ("different thread", "QObject::", "QObject:")
#: such warnings Qt gave while no test was capturing its messages (in a test's teardown)
_faults_outside_tests: list[str] = []


def _is_fault(message: str) -> bool:
    return any(fault in message for fault in _QT_FAULTS)


def pytest_configure(config) -> None:
    """Install a Qt message handler for the whole run, and import as the app does.

    pytest-qt captures Qt's messages during each test's setup and call (and puts this handler back
    after); this one hears what is said in between, e.g. while a test's widgets are torn down.
    pytest-qt makes its own QApplication, so PySide's import statement is put out of the way here as
    the app's ``create_application`` does.
    """
    from PySide6.QtCore import qInstallMessageHandler

    from sgdesk.gui.shell.app import import_without_features

    import_without_features()

    def handler(kind, context, message: str) -> None:
        if _is_fault(message):
            _faults_outside_tests.append(message)

    qInstallMessageHandler(handler)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Fail a test during which Qt warned of an object used from the wrong thread (or otherwise misused)."""
    capture = getattr(item, "qt_log_capture", None)   # pytest-qt's, read before it lets go of it
    faults = [r.message for r in capture.records if _is_fault(r.message)] if capture and call.when == "call" else []
    if call.when == "teardown":
        faults, _faults_outside_tests[:] = list(_faults_outside_tests), []
    report = yield
    if faults and report.passed:
        report.outcome = "failed"
        report.longrepr = f"Qt warned during the test ({call.when}): " + "; ".join(dict.fromkeys(faults))
    return report


@pytest.fixture(autouse=True)
def _backups_in_a_temporary_folder(tmp_path_factory, monkeypatch) -> None:
    """Session backups (made before the first change) go to a temporary folder, not the user's."""
    monkeypatch.setenv("SGDESK_BACKUP_DIR", str(tmp_path_factory.mktemp("backups")))


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch, request):
    """Fail a GUI test that would block on a modal message box, showing its text instead."""
    if "qtbot" not in request.fixturenames or "message_boxes" in request.fixturenames:
        return
    from PySide6.QtWidgets import QMessageBox

    def refuse(self, *args, **kwargs):
        raise AssertionError(f"unexpected message box: {self.text()}")

    monkeypatch.setattr(QMessageBox, "exec", refuse)


class MessageBoxes(list):
    """The text of each message box shown (none is really shown), the labels of its buttons in
    ``buttons``; ``press`` lists the labels of the buttons to press, one per box, in turn (a box
    with nothing left to press returns Ok, pressing none of its own buttons)."""

    def __init__(self) -> None:
        super().__init__()
        self.buttons: list[list[str]] = []
        self.press: list[str] = []


@pytest.fixture
def message_boxes(monkeypatch) -> MessageBoxes:
    """Record the text of each message box instead of showing it; see :class:`MessageBoxes`."""
    from PySide6.QtWidgets import QMessageBox

    shown = MessageBoxes()

    def record(self, *args, **kwargs):
        shown.append(self.text())
        labels = [button.text() for button in self.buttons()]
        shown.buttons.append(labels)
        if not shown.press:
            return QMessageBox.StandardButton.Ok
        wanted = shown.press.pop(0)
        button = next((b for b in self.buttons() if b.text() == wanted), None)
        if button is None:
            raise AssertionError(f"the box {self.text()!r} has no button {wanted!r}, only {labels}")
        button.click()
        return self.standardButton(button)

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


@pytest.fixture
def asks_before_removing(message_boxes, qtbot):
    """``asks_before_removing(button, action, keep, count)``: clicking ``button`` asks first, with buttons
    labelled ``action`` and ``keep``; keeping leaves ``count()`` as it was, ``action`` lowers it. Returns
    the question asked."""
    from PySide6.QtCore import Qt

    def check(button, action: str, keep: str, count) -> str:
        before = count()
        message_boxes.press.append(keep)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        question = message_boxes[-1]
        assert set(message_boxes.buttons[-1]) == {action, keep}
        assert count() == before, "nothing goes before the user says so"
        message_boxes.press.append(action)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert count() < before
        return question

    return check


@pytest.fixture
def fill_form():
    """``fill_form(monkeypatch, **values)``: the next FormDialog fills in ``values`` (by field key) and presses OK."""
    from sgdesk.gui.widgets.forms import FormDialog

    def _fill(monkeypatch, **values):
        def fake_exec(dialog):
            for key, value in values.items():
                widget = dialog.fields[key]
                if hasattr(widget, "setEditText") and widget.isEditable():
                    widget.setEditText(value)
                elif hasattr(widget, "findData"):
                    widget.setCurrentIndex(widget.findData(value))
                elif hasattr(widget, "setChecked"):
                    widget.setChecked(value)
                elif hasattr(widget, "setValue"):
                    widget.setValue(value)
                else:
                    widget.setText(value)
            dialog.accept()
            return dialog.result()

        monkeypatch.setattr(FormDialog, "exec", fake_exec)

    return _fill


@pytest.fixture
def painted():
    """``painted(widget, "#1F4E79")``: how many of the widget's pixels, as it paints itself now, have that colour."""
    def count(widget, colour: str) -> int:
        from PySide6.QtGui import QColor

        image = widget.grab().toImage()
        wanted = QColor(colour).rgb()
        return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == wanted)

    return count


@pytest.fixture(scope="session")
def demo_outputs(demo_template, tmp_path_factory) -> dict[str, Path]:
    """Every output of the demo board (:func:`sgdesk.demo.outputs.demo_outputs`), written once
    per test run, by file name ("appendix1.docx", "pack.pdf"...). Read them; never change them."""
    from sgdesk.demo.outputs import write_outputs
    from sgdesk.store import open_board_file

    folder = tmp_path_factory.mktemp("outputs")
    with open_board_file(demo_template, read_only=True) as bf:
        return {path.name: path for path in write_outputs(bf, folder)}


@pytest.fixture(scope="session")
def office_pdfs(demo_outputs, tmp_path_factory) -> dict[str, Path]:
    """Each Word and Excel file of ``demo_outputs`` as LibreOffice lays it out (converted to PDF
    once per test run), by the file's name ("appendix3.docx")."""
    import shutil

    from sgdesk.demo.outputs import office_pdfs as convert

    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice is not installed (build_scripts/run_tests.sh installs it)")
    converted = convert(list(demo_outputs.values()), tmp_path_factory.mktemp("office-pdf"))
    return {path.name: pdf for path, pdf in converted.items()}


_WITH_FILES_UP_TO = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)    # a file reaching the limit fails to grow, as on a full drive
from sgdesk import cli
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.RLIM_INFINITY))
sys.exit(cli.main(sys.argv[2:]))
"""


@pytest.fixture
def sgdesk_with_files_up_to():
    """``sgdesk_with_files_up_to(limit, *argv)``: the CLI in a process where no file may grow past ``limit``
    bytes, as if the drive filled up at that point (SQLite writes from C, which Python cannot fake)."""
    if sys.platform == "win32":
        pytest.skip("file size limits are POSIX")

    def run(limit: int, *argv: str) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        return subprocess.run([sys.executable, "-c", _WITH_FILES_UP_TO, str(limit), *argv], capture_output=True,
                              text=True, env=env, timeout=120)

    return run


_CUT_SHORT = """
import sys, time
from sgdesk.organisations import add_organisation
from sgdesk.store import open_board_file
bf = open_board_file(sys.argv[1])
bf.conn.execute("PRAGMA cache_size = 5")   # so SQLite writes into the file before the commit
with bf.edit("Add many agencies") as ed:
    for n in range(2000):
        add_organisation(ed, f"Agency {n:04d}")
    print("changing", flush=True)
    time.sleep(60)
"""


@pytest.fixture
def cut_short():
    """``cut_short(path)``: SG Desk stops (is killed) part-way through writing a change into ``path``,
    leaving the change half in the file and a hot journal beside it to put it back."""
    from sgdesk.store.boardfile import hot_journal

    def run(path: Path) -> None:
        child = subprocess.Popen([sys.executable, "-c", _CUT_SHORT, str(path)], stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "changing"
        child.kill()
        child.wait()
        child.stdout.close()
        assert hot_journal(path)

    return run


@pytest.fixture
def extra_migration(tmp_path, monkeypatch):
    """``extra_migration(sql)``: SG Desk as it would be with one more migration in ``db/`` (another developer's
    new register, say): files open with it applied, and what it makes is SG Desk's own (sgdesk.store.schema)."""
    from sgdesk.store import migrations
    from sgdesk.store.schema import expected_objects

    def add(sql: str) -> int:
        version = migrations.latest_version() + 1
        path = tmp_path / f"{version:04d}_extra.sql"
        path.write_text(sql, encoding="utf-8")
        real = migrations.migrations()
        monkeypatch.setattr(migrations, "migrations", lambda: (*real, migrations.Migration(version, "extra", path)))
        monkeypatch.setattr(migrations, "latest_version", lambda: version)
        monkeypatch.setattr("sgdesk.store.boardfile.latest_version", lambda: version)
        return version

    yield add
    expected_objects.cache_clear()


@pytest.fixture
def structure_text():
    """``structure_text(pdf_bytes_or_path)``: each tagged element's own text in structure-tree order.

    A list of (path, text), e.g. ("Document/Sect/Table/TBody/TR/TD", "Essex Police"): what a
    screen reader reads, in the order it reads it. Table cells are listed even when empty.
    """
    import collections
    import io

    import pdfplumber
    import pikepdf
    from pdfplumber.utils import extract_text

    def read(source) -> list[tuple[str, str]]:
        opened = io.BytesIO(source) if isinstance(source, bytes) else source
        chars = collections.defaultdict(list)
        with pdfplumber.open(opened) as pdf:
            for page in pdf.pages:
                for char in page.chars:
                    if char.get("mcid") is not None:
                        chars[page.page_number, char["mcid"]].append(char)
        texts = {key: " ".join(extract_text(found).split()) for key, found in chars.items()}
        if isinstance(opened, io.BytesIO):
            opened.seek(0)
        found: list[tuple[str, str]] = []
        with pikepdf.open(opened) as pdf:
            pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}

            def walk(element, path: list[str]) -> None:
                tag = str(element.S)[1:]
                kids = element.get("/K")
                kids = list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
                page = pages.get(element.Pg.objgen) if "/Pg" in element else None
                own = []
                for kid in kids:
                    if isinstance(kid, int):
                        own.append(texts.get((page, int(kid)), ""))
                    elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                        own.append(texts.get((pages[kid.Pg.objgen], int(kid.MCID)), ""))
                    elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                        walk(kid, [*path, tag])
                if own or tag in ("TH", "TD"):
                    found.append(("/".join([*path, tag]), " ".join(text for text in own if text)))

            walk(pdf.Root.StructTreeRoot.K, [])
        return found

    return read


@pytest.fixture
def as_of_schema():
    """``as_of_schema(path, version)``: make the board file at ``path`` one of schema ``version``, as SG Desk of that
    version left it: every trigger, index and table a later migration made is dropped (what it filled goes with
    its table), and the file says it is of that version."""
    import sqlite3

    from sgdesk.store.schema import expected_objects, objects, schema_difference

    def take_back(path: Path, version: int) -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        later = objects(conn).keys() - expected_objects(version).keys()
        for kind in ("trigger", "index", "table"):
            for found_kind, name in sorted(later):
                if found_kind == kind and conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone():
                    conn.execute(f'DROP {kind.upper()} "{name}"')
        conn.execute(f"PRAGMA user_version = {version}")
        assert schema_difference(conn, version) is None      # exactly the schema SG Desk of that version made
        conn.close()

    return take_back
