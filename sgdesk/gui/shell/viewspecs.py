"""The sidebar: the Overview, then the views the features register (``registry.add_view``), in order.

Views are imported when first shown, so start-up only pays for the Overview.
"""

from __future__ import annotations

import linecache

from sgdesk.registry import Registry, SidebarView, import_target

OVERVIEW = SidebarView("overview", "Overview", "sgdesk.gui.shell.overview:OverviewView", 0)


def view_specs(loaded: Registry | None = None) -> tuple[SidebarView, ...]:
    """Every main view, in sidebar order (of ``loaded``, or of the features' registry)."""
    if loaded is None:
        from sgdesk import registry

        loaded = registry.load()
    return (OVERVIEW, *loaded.views)


def load_view(spec: SidebarView) -> type:
    """The view's class, imported now.

    PySide reads the source of each module that imports it (to see whether it asks for a ``__feature__``)
    through ``linecache``, which keeps every line: 7 MB once the views are loaded. Only a traceback needs
    them, and it reads them again, so they are let go once a view's modules are in.
    """
    view = import_target(spec.target)
    linecache.clearcache()
    return view
