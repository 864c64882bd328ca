"""The sidebar: the Overview, then the views the features register (``registry.add_view``), in order.

Views are imported when first shown, so start-up only pays for the Overview.
"""

from __future__ import annotations

from sgdesk.registry import Registry, SidebarView, import_target

OVERVIEW = SidebarView("overview", "Overview", "sgdesk.gui.shell.overview:OverviewView", 0)


def view_specs(loaded: Registry | None = None) -> tuple[SidebarView, ...]:
    """Every main view, in sidebar order (of ``loaded``, or of the features' registry)."""
    if loaded is None:
        from sgdesk import registry

        loaded = registry.load()
    return (OVERVIEW, *loaded.views)


def load_view(spec: SidebarView) -> type:
    """The view's class, imported now."""
    return import_target(spec.target)
