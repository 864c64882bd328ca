"""Regenerate docs/import-formats.md, the user guide's resources/help/imports.html and
resources/templates/<kind>.csv from the import kinds."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sgdesk import registry  # noqa: E402
from sgdesk.importing.docs import help_page, reference, template_csv  # noqa: E402


def main() -> None:
    kinds = registry.load().import_kinds
    (ROOT / "docs" / "import-formats.md").write_text(reference(kinds), encoding="utf-8")
    guide = ROOT / "resources" / "help" / "imports.html"
    guide.write_text(help_page(guide.read_text(encoding="utf-8"), kinds), encoding="utf-8")
    templates = ROOT / "resources" / "templates"
    templates.mkdir(parents=True, exist_ok=True)
    for name, kind in kinds.items():
        (templates / f"{name}.csv").write_text(template_csv(kind), encoding="utf-8-sig", newline="")
    print(f"wrote docs/import-formats.md, resources/help/imports.html and {len(kinds)} templates")


if __name__ == "__main__":
    main()
