"""What the features contribute: import kinds, reports, exports, appendices, demo parts, attention
items, domain checks, the years they have records for, their sidebar views, their searchable records,
and a new board's first steps and the Overview's glances.

:data:`FEATURE_MODULES` is the one list of features: each has a ``register(registry)``
function, and :func:`load` imports them once. Registering imports nothing of a feature's own: a
feature names each function it contributes by a "module:name" string (:class:`Lazy`), an import
kind by its class's, and its first steps by their tuple's, imported the first time they are used,
so a command or a view pays only for what it uses (``sgdesk export FILE pack`` never imports an
importer or the demo). A view is named by a "module:Class" string the GUI's shell imports, so the
core never imports Qt.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable

from sgdesk.exporting import Appendix, Export, numbered_title
from sgdesk.reporting import Report
from sgdesk.search import Searchable

if TYPE_CHECKING:
    from sgdesk.activity import YearsProvider
    from sgdesk.attention import AttentionProvider
    from sgdesk.checks import DomainCheck
    from sgdesk.importing.framework import ImportKind
    from sgdesk.overview import FirstStep, GlanceProvider
    from sgdesk.store import BoardFile
    from sgdesk.store.changes import Action

FEATURE_MODULES: tuple[str, ...] = (
    "sgdesk.core_feature",
    "sgdesk.membership.feature",
    "sgdesk.finance.feature",
    "sgdesk.assessment.feature",
    "sgdesk.training.feature",
    "sgdesk.governance.feature",
    "sgdesk.indicators.feature",
    "sgdesk.pack.feature",  # last: it wraps every report registered before it as an export
)

DemoPart = Callable[["BoardFile", "Action", int], None]


def import_target(target: str) -> Any:
    """The object ``target`` ("module:name") names, its module imported now."""
    module_name, _, name = target.partition(":")
    return getattr(importlib.import_module(module_name), name)


class Lazy:
    """A function named by ``"module:name"`` (``"sgdesk.finance.reports:ledger_report"``), imported the
    first time it is called: what a feature registers costs no import until it is used."""

    __slots__ = ("target", "_function")

    def __init__(self, target: str) -> None:
        module_name, colon, name = target.partition(":")
        if not (module_name and colon and name.isidentifier()):
            raise ValueError(f"{target!r} does not name a function as 'module:name'")
        self.target = target
        self._function: Callable[..., Any] | None = None

    @property
    def __name__(self) -> str:  # what a check that fails is called (sgdesk.checks.run_checks)
        return self.target.partition(":")[2]

    def resolve(self) -> Callable[..., Any]:
        """The function itself, imported the first time."""
        if self._function is None:
            self._function = import_target(self.target)
        return self._function

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.resolve()(*args, **kwargs)

    def __repr__(self) -> str:
        return f"Lazy({self.target!r})"


class ImportKinds(Mapping[str, "ImportKind"]):
    """The import kinds by name, each made from its class (named "module:Class") when first asked for."""

    def __init__(self) -> None:
        self._classes: dict[str, str] = {}
        self._made: dict[str, ImportKind] = {}

    def add(self, name: str, kind_class: str) -> None:
        Lazy(kind_class)  # a well-formed name, said when registered rather than when first imported
        Registry._unique(self._classes, name, kind_class)

    def __getitem__(self, name: str) -> ImportKind:
        if name not in self._made:
            kind = import_target(self._classes[name])()
            if kind.name != name:
                raise ValueError(f"{self._classes[name]} makes the import kind {kind.name!r}, registered as {name!r}")
            self._made[name] = kind
        return self._made[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._classes)

    def __len__(self) -> int:
        return len(self._classes)


@dataclass(frozen=True)
class SidebarView:
    """A main view of the window, in the sidebar in ``order`` (Overview 0, membership 10...).

    ``target`` names its class, ``"sgdesk.gui.finance.view:FinanceView"``; the shell imports it
    the first time the view is shown (and the bundle lists it as a hidden import).
    """

    key: str
    title: str
    target: str
    order: int


@dataclass
class Registry:
    """Everything the features contribute, as they registered it: import kinds, reports, exports, views and the
    rest."""

    import_kinds: ImportKinds = field(default_factory=ImportKinds)
    reports: dict[str, Report] = field(default_factory=dict)
    exports: dict[str, Export] = field(default_factory=dict)
    report_exports: dict[str, Export] = field(default_factory=dict)   # each report as a file, by report name
    appendices: list[Appendix] = field(default_factory=list)
    demo_parts: list[tuple[int, str, DemoPart]] = field(default_factory=list)
    attention: list[AttentionProvider] = field(default_factory=list)
    checks: list[DomainCheck] = field(default_factory=list)
    years: list[YearsProvider] = field(default_factory=list)
    views: list[SidebarView] = field(default_factory=list)
    searchables: list[Searchable] = field(default_factory=list)
    glances: list[GlanceProvider] = field(default_factory=list)
    first_step_targets: list[str] = field(default_factory=list)   # "module:NAME" of a tuple of FirstSteps
    #: every "module:name" registered, imported when first used (the bundle lists their modules)
    targets: list[str] = field(default_factory=list)

    def lazy(self, target: str) -> Lazy:
        """The function ``target`` names ("module:name"), imported the first time it is called."""
        function = Lazy(target)
        self.targets.append(target)
        return function

    def add_import_kind(self, name: str, kind_class: str) -> None:
        """The import kind ``name``, made by the class ``kind_class`` names ("module:Class") when first used."""
        self.import_kinds.add(name, kind_class)
        self.targets.append(kind_class)

    def add_report(self, report: Report) -> None:
        self._unique(self.reports, report.name, report)

    def add_export(self, export: Export) -> None:
        self._unique(self.exports, export.name, export)

    def add_report_export(self, export: Export) -> None:
        """A report's export (PDF, Word, Excel, CSV); ``sgdesk export`` finds it by the report's name
        unless a document is exported under that name (``training``: the summary, not the tables)."""
        self._unique(self.report_exports, export.name, export)
        self.exports.setdefault(export.name, export)

    def add_appendix(self, appendix: Appendix) -> None:
        """An appendix for the annual-report pack, kept in the order the pack prints them."""
        if any(known.key == appendix.key for known in self.appendices):
            raise ValueError(f"{appendix.key!r} is registered twice")
        self.appendices.append(appendix)
        self.appendices.sort(key=lambda item: item.order)

    def add_demo_part(self, order: int, name: str, part: DemoPart) -> None:
        """Demo parts run in ``order`` (core 0, membership 10, finance 20, assessment 30, training 40,
        governance 50, indicators 60)."""
        self.demo_parts.append((order, name, part))
        self.demo_parts.sort(key=lambda item: item[0])

    def add_attention(self, provider: AttentionProvider) -> None:
        self.attention.append(provider)

    def add_check(self, check: DomainCheck) -> None:
        """A domain check for `sgdesk check` (e.g. bookings over capacity)."""
        self.checks.append(check)

    def add_years(self, provider: YearsProvider) -> None:
        """The financial years a feature has records for (see :mod:`sgdesk.activity`)."""
        self.years.append(provider)

    def add_view(self, view: SidebarView) -> None:
        """A sidebar view (see :class:`SidebarView`), kept in its order."""
        if any(known.key == view.key for known in self.views):
            raise ValueError(f"{view.key!r} is registered twice")
        self.views.append(view)
        self.views.sort(key=lambda item: item.order)
    def add_search(self, searchable: Searchable) -> None:
        """A table whose records search everywhere finds (see :mod:`sgdesk.search`; a migration builds its index)."""
        if any(known.table == searchable.table for known in self.searchables):
            raise ValueError(f"{searchable.table!r} is registered twice")
        self.searchables.append(searchable)

    def add_first_steps(self, target: str) -> None:
        """Steps the Overview lists for a new board until they are done (see :mod:`sgdesk.overview`):
        ``target`` names a tuple of them ("module:NAME"), imported when the Overview first asks."""
        self.lazy(target)
        self.first_step_targets.append(target)

    @property
    def first_steps(self) -> list[FirstStep]:
        return [step for target in self.first_step_targets for step in import_target(target)]

    def add_glance(self, provider: GlanceProvider) -> None:
        """A panel of the Overview's board at a glance (see :mod:`sgdesk.overview`)."""
        self.glances.append(provider)

    @staticmethod
    def _unique(mapping: dict, name: str, value: object) -> None:
        if name in mapping:
            raise ValueError(f"{name!r} is registered twice")
        mapping[name] = value


_registry: Registry | None = None


def collect(module_names: Iterable[str]) -> Registry:
    """A registry holding what each of the feature modules ``module_names`` registers."""
    registry = Registry()
    for module_name in module_names:
        importlib.import_module(module_name).register(registry)
    return registry


def load() -> Registry:
    """The registry with every feature registered (loaded on first use)."""
    global _registry
    if _registry is None:
        _registry = collect(FEATURE_MODULES)
    return _registry


def load_overview() -> Registry:
    """The registry, with what the Overview calls imported now: each feature's attention items, glances and
    first steps (and the models they read), about 50 ms of imports on the ten-year stress board.

    The app calls this before the Overview is first built: on the welcome screen while the user looks at it,
    and when started on a file before it loads Qt.
    A module that fails to import is left for the Overview, which imports it again as it is built
    and says what failed there, in its own view: loading ahead never stops the app starting.
    """
    loaded = load()
    imports = [p.resolve for p in (*loaded.attention, *loaded.glances) if isinstance(p, Lazy)]
    imports += [functools.partial(import_target, target) for target in loaded.first_step_targets]
    for load_ahead in imports:
        with contextlib.suppress(Exception):
            load_ahead()
    return loaded


def appendix_title(key: str, title: str) -> str:
    """The title of the appendix ``key`` printed on its own, numbered by its place in the annual
    report as the pack numbers it by default: ``Appendix 1: Board membership and attendance``."""
    keys = [appendix.key for appendix in load().appendices if appendix.in_pack]
    return numbered_title(str(keys.index(key) + 1), title) if key in keys else title
