"""Setting up on a minimal Linux: the demo script finds every library Qt's window plugin lacks, and the README
says how to reach the ``sgdesk`` command."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# what ldd says of Qt's xcb plugin on a fresh Debian 12 with only Python installed
FRESH_DEBIAN_LDD = """\
\tlinux-vdso.so.1 (0x00007ffd5c3f1000)
\tlibQt6XcbQpa.so.6 => /venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f1c0a000000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f1c09f00000)
\tlibwhatever.so.7 => not found
"""


def _helper():
    spec = importlib.util.spec_from_file_location("qt_libraries", ROOT / "build_scripts" / "qt_libraries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_missing_library_is_named_by_its_package():
    helper = _helper()
    missing = helper.missing_libraries(FRESH_DEBIAN_LDD)
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libwhatever.so.7"]
    assert helper.packages_for(missing) == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libwhatever.so.7"]


def test_the_helper_reads_the_installed_plugin():
    helper = _helper()
    if sys.platform != "linux":
        pytest.skip("Qt's xcb plugin is Linux only")
    assert helper.xcb_plugin_files()[0].name == "libqxcb.so"


@pytest.fixture
def demo_script(tmp_path: Path) -> tuple[Path, Path]:
    """run_demo.sh in a folder of its own, with stand-ins for the venv's programs, apt-get and id."""
    log = tmp_path / "log.txt"
    _script_in_a_folder(tmp_path, "run_demo.sh", {
        ".venv/bin/python": 'case "$*" in *qt_libraries.py*) printf "libxcb-icccm4\\nlibxcb-keysyms1\\n";; esac',
        ".venv/bin/sgdesk": f'echo "sgdesk $*" >> {log}',
        "tools/apt-get": f'echo "apt-get $*" >> {log}',
        "tools/id": 'echo "${FAKE_UID}"',
    })
    return tmp_path, log


def _script_in_a_folder(folder: Path, script: str, stand_ins: dict[str, str]) -> None:
    """Copy ``build_scripts/<script>`` into ``folder``, with stand-in programs (path in the folder: shell body)."""
    (folder / "build_scripts").mkdir()
    shutil.copy(ROOT / "build_scripts" / script, folder / "build_scripts")
    for name, body in stand_ins.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(0o755)


def _run(folder: Path, uid: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{folder / 'tools'}:{os.environ['PATH']}", "FAKE_UID": uid, "DISPLAY": ":0"}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(["bash", str(folder / "build_scripts" / "run_demo.sh")], env=env, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.skipif(sys.platform != "linux", reason="the demo script is for Linux")
def test_the_demo_script_installs_what_qt_lacks_when_it_may(demo_script):
    folder, log = demo_script
    done = _run(folder, "0")
    assert done.returncode == 0, done.stderr
    lines = log.read_text().splitlines()
    assert "apt-get install -y -qq libxcb-icccm4 libxcb-keysyms1" in lines
    assert lines[-1] == "sgdesk demo.sgdesk"       # then it opens the demo


@pytest.mark.skipif(sys.platform != "linux", reason="the demo script is for Linux")
def test_the_demo_script_says_exactly_what_to_install_otherwise(demo_script):
    folder, log = demo_script
    done = _run(folder, "1000")
    assert done.returncode == 1
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in done.stderr
    assert "xcb-cursor0 or libxcb-cursor0 is needed" not in done.stderr
    assert not log.exists() or "sgdesk demo.sgdesk" not in log.read_text()


def test_the_readme_keeps_two_set_up_commands_and_says_how_to_reach_sgdesk():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    set_up = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^    (bash .+)$", set_up, re.MULTILINE) == ["bash build_scripts/run_demo.sh",
                                                                      "bash build_scripts/run_tests.sh"]
    assert ".venv/bin/sgdesk" in readme and "source .venv/bin/activate" in readme


@pytest.fixture
def test_script(tmp_path: Path):
    """``run(uid, apt_works)``: run_tests.sh in a folder of its own, on a PATH without fiu-run, with stand-ins for
    the venv's python, apt-get (which puts a fiu-run on the PATH when it installs fiu-utils) and id; returns the
    finished run and what the stand-ins were asked to do."""
    log, tools = tmp_path / "log.txt", tmp_path / "tools"
    fiu_run = tools / "fiu-run"
    _script_in_a_folder(tmp_path, "run_tests.sh", {
        ".venv/bin/python": f'echo "python $*" >> {log}',
        "tools/apt-get": (f'echo "apt-get $*" >> {log}\n[ -z "$APT_FAILS" ] || exit 100\n'
                          f'case "$*" in *"install"*fiu-utils*) echo "#!/bin/sh" > {fiu_run}; '
                          f'{shutil.which("chmod")} +x {fiu_run};; esac'),
        "tools/id": 'echo "${FAKE_UID}"',
    })
    (tools / "dirname").symlink_to(shutil.which("dirname"))

    def run(uid: str, *, apt_works: bool = True) -> tuple[subprocess.CompletedProcess, list[str]]:
        env = {"PATH": str(tools), "FAKE_UID": uid, "HOME": str(tmp_path), **({} if apt_works else {"APT_FAILS": "1"})}
        done = subprocess.run([shutil.which("bash"), str(tmp_path / "build_scripts" / "run_tests.sh"), "-x"], env=env,
                              capture_output=True, text=True, timeout=60)
        return done, log.read_text().splitlines()

    return run


@pytest.mark.skipif(sys.platform != "linux", reason="the test script is for Linux")
def test_the_test_script_installs_fiu_utils_for_the_fault_tests_when_it_may(test_script):
    done, asked = test_script("0")
    assert done.returncode == 0, done.stderr
    assert "apt-get install -y -qq fiu-utils --no-install-recommends" in asked
    assert "apt-get install -y -qq poppler-utils --no-install-recommends" in asked  # pdfinfo, for the accessibility tests
    assert asked[-1] == "python -m pytest -q -p no:cacheprovider -x"
    assert done.stderr == ""


@pytest.mark.skipif(sys.platform != "linux", reason="the test script is for Linux")
@pytest.mark.parametrize(("uid", "apt_works"), [("1000", True), ("0", False)], ids=["not root", "apt-get fails"])
def test_without_fiu_utils_the_tests_still_run_and_the_script_says_the_fault_tests_are_skipped(test_script, uid,
                                                                                               apt_works):
    done, asked = test_script(uid, apt_works=apt_works)
    assert done.returncode == 0, done.stderr
    assert asked[-1] == "python -m pytest -q -p no:cacheprovider -x"
    assert ("fiu-run (Debian package fiu-utils) is missing and could not be installed here: the fault-injection "
            "tests under libfiu will be skipped") in done.stderr
    assert ("pdfinfo (Debian package poppler-utils) is missing and could not be installed here: the tests that ask "
            "it whether each PDF is tagged will be skipped") in done.stderr
    assert any(line.startswith("apt-get ") for line in asked) == (uid == "0")   # only root tries


# -- PySide's support code, unpacked and compiled (build_scripts/qt_support.py) --------------------------------

@pytest.mark.skipif(sys.platform != "linux", reason="the test script is for Linux")
def test_the_test_script_unpacks_qts_support_code_after_every_install(test_script):
    _done, asked = test_script("1000")
    installs = [i for i, line in enumerate(asked) if line.startswith("python -m pip install")]
    assert asked.index("python build_scripts/qt_support.py") > max(installs)


def test_qt_reads_its_support_code_as_bytecode_instead_of_compiling_it_at_every_start():
    """What the set-up scripts leave (they run qt_support.py): shiboken6's support modules are files beside it, read
    from their compiled bytecode, not its embedded copy compiled again by every start (some 40 ms)."""
    done = subprocess.run([sys.executable, "-c", (
        "import sys, PySide6.QtWidgets\n"
        "for name in sorted(n for n in sys.modules if n.startswith('shibokensupport.')):\n"
        "    module = sys.modules[name]\n"
        "    print(name, type(module.__spec__.loader).__name__, module.__cached__)\n")],
        capture_output=True, text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    modules = [line.split() for line in done.stdout.splitlines()]
    assert len(modules) > 5
    assert {loader for _name, loader, _cached in modules} == {"SourceFileLoader"}
    assert all(Path(cached).is_file() and "files.dir" in Path(cached).parts for _name, _loader, cached in modules)


def test_qt_support_writes_the_folder_afresh_for_the_installed_pyside_compiled_with_unchecked_hashes():
    script = ROOT / "build_scripts" / "qt_support.py"
    first = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    folder = Path(first.stdout.strip())
    left_by_an_older_pyside = folder / "shibokensupport" / "signature" / "old_module.py"
    left_by_an_older_pyside.write_text("raise ImportError\n", encoding="utf-8")
    again = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert Path(again.stdout.strip()) == folder and not left_by_an_older_pyside.exists()
    sources, compiled = sorted(folder.rglob("*.py")), sorted(folder.rglob("*.pyc"))
    assert len(compiled) == len(sources) > 10
    # PEP 552: flags 1 = checked by hash, and the hash never checked (no start stats the sources or writes)
    assert {int.from_bytes(pyc.read_bytes()[4:8], "little") for pyc in compiled} == {1}
