"""The user guide: F1 and Help > User guide open its local pages in the browser; every view and empty state
links to its page; the pages work offline; non-obvious controls say what they do."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence

from sgdesk import registry
from sgdesk.gui.shell.viewspecs import load_view, view_specs
from sgdesk.importing.docs import help_page
from sgdesk.paths import resource_path

HELP = resource_path("help")
PAGES = sorted(HELP.glob("*.html"))


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.sources: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        values = dict(attrs)
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.hrefs.append(values["href"])
        for key in ("src", "srcset") if tag != "a" else ():
            if key in values:
                self.sources.append(values[key])
        if tag == "link":
            self.sources.append(values.get("href", ""))


def parsed(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


@pytest.fixture
def opened(monkeypatch) -> list[QUrl]:
    """The URLs SG Desk asked the system to open (instead of starting a browser)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(QUrl(url)) or True)
    return urls


def test_f1_opens_the_guides_page_about_the_view_on_screen(window, opened):
    window.show_view("meetings")
    assert window.context_help_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    window.context_help_action.trigger()
    assert opened[-1].isLocalFile()
    assert Path(opened[-1].toLocalFile()) == HELP / "meetings.html"
    window.guide_action.trigger()
    assert Path(opened[-1].toLocalFile()) == HELP / "index.html"


@pytest.mark.parametrize("spec", view_specs(), ids=lambda spec: spec.key)
def test_every_view_names_a_page_of_the_guide(spec):
    assert (HELP / load_view(spec).help_page).is_file()


def test_each_views_empty_state_on_a_new_board_links_to_its_page(qtbot, settings, empty_board, opened):
    from sgdesk.gui.shell.main_window import MainWindow

    path = empty_board.path
    empty_board.close()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.open_path(path)
    for key in ("membership", "meetings", "governance", "training", "assessment", "finance"):
        view = window.show_view(key)
        assert view.stack.currentWidget() is view.empty, key
        view.empty.help_link.linkActivated.emit(view.empty.help_link.text().split('"')[1])
        assert Path(opened[-1].toLocalFile()) == HELP / view.help_page, key


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_link_of_the_guide_leads_somewhere_on_this_computer(page):
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"(https?:)?//", re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)), \
        "the guide is read offline: no web addresses, fonts or scripts from the network"
    links = parsed(page)
    assert links.sources == ["style.css"]
    for href in links.hrefs:
        name, _hash, anchor = href.partition("#")
        target = (page.parent / name).resolve() if name else page
        assert target.is_file(), f"{page.name} links to {href}, which is not there"
        if anchor and target.suffix == ".html":
            assert anchor in parsed(target).ids, f"{page.name} links to {href}: no such heading"


def test_getting_started_covers_a_new_boards_first_steps():
    text = " ".join((HELP / "getting-started.html").read_text(encoding="utf-8").split())
    for topic in ("Add the organisations", "Import your attendance grid", "Set the charging policy",
                  "Start a self-assessment round", "Ctrl+K"):
        assert topic in text


def test_the_guides_imports_page_has_every_kind_with_its_template_and_is_up_to_date():
    kinds = registry.load().import_kinds
    page = HELP / "imports.html"
    text = page.read_text(encoding="utf-8")
    assert text == help_page(text, kinds), "run: python build_scripts/make_import_docs.py"
    ids = parsed(page).ids
    for name in kinds:
        assert name in ids and f'href="../templates/{name}.csv"' in text


def test_whats_this_is_in_the_help_menu_and_non_obvious_controls_explain_themselves(window):
    whats_this = next(a for a in window.findChildren(type(window.guide_action)) if a.objectName() == "whats_this")
    assert whats_this.shortcut() == QKeySequence("Shift+F1")
    meetings = window.show_view("meetings")
    membership = window.show_view("membership")
    finance = window.show_view("finance")
    for control in (meetings.body_combo, meetings.period_combo, meetings.quorum_button, membership.add_alias_button,
                    membership.end_seat_button, membership.remove_term_button, finance.year, window.search_box):
        assert control.toolTip(), control.accessibleName() or control.text()
    assert meetings.period_combo.whatsThis() == meetings.period_combo.toolTip()
