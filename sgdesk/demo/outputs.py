"""Every file the demo board can be exported to, for review and for the tests that read them back.

:func:`demo_outputs` lists each export in each of its formats (CSV aside) with the options it
needs; :func:`write_outputs` writes them; :func:`office_pdfs` converts Word and Excel files to
PDF with LibreOffice headless, as Word and Excel would lay them out, so that they can be read
and rendered like SG Desk's own PDFs. SG Desk itself never needs LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sgdesk.fyear import Period
from sgdesk.store import BoardFile

YEAR = "2018/19"  # the year the demo board's records are about
GENERATED_ON = dt.date(2019, 6, 28)  # the date every demo output is printed with
SESSION = "26"  # a full session with a long course title: its register and certificates
RESPONDENT = "NPS"  # the agency whose self-assessment response form is written
MEETING = "06/02/2019"  # the board meeting whose papers are written
SEED_PERIOD = Period(dt.date(2017, 9, 1), dt.date(2019, 3, 31))  # the period of seed 000's report
_NOT_REVIEWED = ("csv",)  # a CSV file is data, not a document


@dataclass(frozen=True)
class DemoOutput:
    """One file: ``export`` written as ``name`` for ``period`` with ``options``."""

    name: str
    export: str
    period: Period | None
    options: dict[str, str] = field(default_factory=dict)

    @property
    def format(self) -> str:
        return Path(self.name).suffix.lstrip(".")


def demo_outputs() -> list[DemoOutput]:
    """Each export of the demo board in each of its formats, plus the pack over seed 000's period."""
    from sgdesk import registry

    year = Period.for_year(YEAR)
    needs = {"register": {"session": SESSION}, "certificates": {"session": SESSION},
             "assessment-form": {"respondent": RESPONDENT}, "meeting-pack": {"meeting": MEETING}}
    outputs = [DemoOutput(f"{name}.{fmt}", name, year, needs.get(name, {}))
               for name, export in sorted(registry.load().exports.items())
               for fmt in export.formats if fmt not in _NOT_REVIEWED]
    outputs.append(DemoOutput("pack-2017-19.pdf", "pack", SEED_PERIOD))
    return outputs


def write_outputs(bf: BoardFile, folder: Path, outputs: list[DemoOutput] | None = None) -> list[Path]:
    """Write ``outputs`` (by default all of them) for the board into ``folder``; return their paths."""
    from sgdesk import registry
    from sgdesk.exporting import ExportRequest, write_export

    exports = registry.load().exports
    board_id = bf.query("SELECT min(id) FROM board")[0][0]
    paths = []
    for output in demo_outputs() if outputs is None else outputs:
        path = folder / output.name
        write_export(exports[output.export], bf, ExportRequest(board_id, path, output.period,
                                                               options=dict(output.options), generated_on=GENERATED_ON))
        paths.append(path)
    return paths


def office_pdfs(paths: list[Path], folder: Path) -> dict[Path, Path]:
    """Each Word or Excel file in ``paths`` converted to PDF in ``folder`` by LibreOffice headless.

    One LibreOffice run converts them all, with a profile of its own, so that a LibreOffice the
    user has open is neither used nor disturbed.
    """
    office = [path for path in paths if path.suffix in (".docx", ".xlsx")]
    if not office:
        return {}
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise FileNotFoundError("LibreOffice (soffice) is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        # appendix1.docx and appendix1.xlsx would both become appendix1.pdf: convert them as
        # appendix1.docx.docx and appendix1.xlsx.xlsx, which become appendix1.docx.pdf and appendix1.xlsx.pdf
        sources = []
        for path in office:
            source = Path(work) / f"{path.name}{path.suffix}"
            shutil.copyfile(path, source)
            sources.append(source)
        profile = Path(work) / "profile"
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", os.fspath(folder), *map(os.fspath, sources)],
                       check=True, capture_output=True, timeout=600)
    converted = {path: folder / f"{path.name}.pdf" for path in office}
    missing = [path.name for path, pdf in converted.items() if not pdf.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice could not convert {', '.join(missing)}")
    return converted
