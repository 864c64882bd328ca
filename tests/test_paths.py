"""sgdesk.paths finds ui/, resources/ and db/ from a checkout, a wheel and a PyInstaller bundle."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sgdesk import paths

ROOT = Path(__file__).resolve().parent.parent


def test_from_a_checkout_the_folders_beside_the_package_are_used():
    assert paths.data_root() == ROOT
    assert paths.data_path("db", "0001_core.sql").is_file()
    assert paths.resource_path("fonts", "DejaVuSans.ttf").is_file()
    assert paths.data_path("ui", "style.qss").is_file()


def test_in_a_pyinstaller_bundle_the_folders_come_from_meipass(tmp_path, monkeypatch):
    for folder in paths.DATA_FOLDERS:
        (tmp_path / folder).mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.data_root() == tmp_path
    assert paths.data_path("db") == tmp_path / "db"


def test_unknown_folders_are_refused():
    with pytest.raises(ValueError, match="data paths start with one of"):
        paths.data_path("secrets")


@pytest.mark.slow
def test_from_an_installed_wheel_the_copied_data_is_used(tmp_path):
    """Build the real wheel, unpack it as pip would install it, and ask it where its data is."""
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "build", "dist", "__pycache__",
                                                                 "*.sgdesk", ".pytest_cache", ".hypothesis"))
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"),
                             str(source)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    wheel = next((tmp_path / "dist").glob("sgdesk-*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    assert "sgdesk/_data/db/0001_core.sql" in names
    assert "sgdesk/_data/resources/fonts/DejaVuSans.ttf" in names
    assert "sgdesk/_data/ui/style.qss" in names
    found = subprocess.run(
        [sys.executable, "-c", "from sgdesk import paths; print(paths.data_root()); "
         "print(paths.data_path('db', '0001_core.sql').is_file())"],
        capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"})
    assert found.returncode == 0, found.stderr
    root, exists = found.stdout.split()
    assert Path(root) == site / "sgdesk" / "_data"
    assert exists == "True"
