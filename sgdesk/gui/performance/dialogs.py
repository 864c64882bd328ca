"""The forms of the Performance view: an indicator with its RAG rule, and an area."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sgdesk.gui.widgets.forms import FormDialog
from sgdesk.indicators.areas import KINDS, Area
from sgdesk.indicators.definitions import OTHER_SECTION, Indicator
from sgdesk.indicators.figures import UNITS
from sgdesk.indicators.rag import BASES, POLARITIES

RULE_HELP = ("Green: as good as the comparator or better. Amber: worse, but within the tolerance (points of the "
             "indicator's unit, such as 2, or a percentage of the comparator, such as 5%). Red: worse by more.")


def indicator_dialog(parent: QWidget, sections: list[str], indicator: Indicator | None = None) -> FormDialog:
    """The form for a new indicator, or for ``indicator``'s definition and rule."""
    title = f"Edit {indicator.name}" if indicator else "Add an indicator"
    dialog = FormDialog(title, parent, "What the indicator measures, which way is better and how it is rated. "
                        + RULE_HELP, action="Save indicator" if indicator else "Add indicator")
    dialog.add_text("name", "&Name", indicator.name if indicator else "")
    dialog.add_text("code", "&Code", indicator.code if indicator else "", "blank: made from the name")
    dialog.add_choice("section", "&Section", [(name, name) for name in sections or [OTHER_SECTION]],
                      current=indicator.section if indicator else None, editable=True)
    dialog.add_choice("unit", "&Unit", [(label, key) for key, label in UNITS.items()],
                      current=indicator.unit if indicator else "percent")
    dialog.add_choice("polarity", "&Better when", [(label, key) for key, label in POLARITIES.items()],
                      current=indicator.polarity if indicator else "higher")
    dialog.add_choice("basis", "&Rated against", [(label, key) for key, label in BASES.items()],
                      current=indicator.rule.basis if indicator else "england")
    tolerance = ""
    if indicator and indicator.rule.tolerance:
        tolerance = f"{indicator.rule.tolerance}" + ("%" if indicator.rule.relative else "")
    dialog.add_text("tolerance", "&Tolerance (Amber)", tolerance, "e.g. 2 (points) or 5% (of the comparator)")
    dialog.add_text("source", "S&ource", indicator.source if indicator else "", "e.g. DfE: Children in need")
    dialog.add_text("release", "Re&lease", indicator.release if indicator else "", "e.g. 2020 release")
    dialog.add_text("definition", "&Definition", indicator.definition if indicator else "")
    return dialog


def area_dialog(parent: QWidget, area: Area | None = None) -> FormDialog:
    """The form for a new area, or for ``area``'s name, kind, code and other names."""
    dialog = FormDialog(f"Edit {area.name}" if area else "Add an area", parent,
                        "An area figures are published for. The board has one of each of this authority, England, "
                        "the statistical neighbours' average and the region; any number of neighbours.",
                        action="Save area" if area else "Add area")
    dialog.add_text("name", "&Name", area.name if area else "")
    dialog.add_choice("kind", "&Kind", [(label, key) for key, label in KINDS.items()],
                      current=area.kind if area else "neighbour")
    dialog.add_text("code", "&Code", (area.code or "") if area else "", "ONS code (E06000033) or LA number")
    dialog.add_text("aliases", "&Other names", ", ".join(area.aliases) if area else "",
                    "as other tables write it, separated by commas")
    return dialog
