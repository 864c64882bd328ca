"""The layout holds: no import loops, GUI feature folders apart, and no SQL in the GUI.

These read the sources (every import, also those inside functions and under TYPE_CHECKING),
so a loop or a shortcut fails here before anyone trips over it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import sgdesk

ROOT = Path(sgdesk.__file__).parent
#: SQL as SG Desk writes it (upper-case keywords), in any string or f-string of the GUI
SQL = re.compile(r"\b(SELECT\b.+\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX)|"
                 r"PRAGMA\s+\w+|WHERE\s+\w+(\.\w+)?\s*(=|IN|IS|<|>))", re.DOTALL)
#: what reads or writes the board file directly: BoardFile.query/scalar/query_one/conn, a cursor
DIRECT = frozenset({"query", "query_one", "scalar", "conn", "execute", "executemany", "executescript"})
#: the write path's raw row methods (an ``Action``); the GUI calls core functions instead
ROW_WRITES = frozenset({"insert", "insert_many", "update", "delete"})


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(ROOT.rglob("*.py"))}


def _imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The sgdesk modules ``name`` imports (a name taken from a package counts as its module when it is one)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {module for module in found if module in known and module != name}


def import_graph() -> dict[str, set[str]]:
    known = _modules()
    return {name: _imports(name, path, known) for name, path in known.items()}


def loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, round and round (Tarjan's strongly connected parts)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def _edges_within(graph: dict[str, set[str]], group: list[str]) -> list[str]:
    return [f"{a} -> {b}" for a in group for b in sorted(graph[a]) if b in group]


def test_no_module_imports_itself_round_a_loop():
    graph = import_graph()
    assert "sgdesk.store.boardfile" in graph and "sgdesk.gui.shell.app" in graph
    found = loops(graph)
    assert not found, "import loops: " + "; ".join(", ".join(_edges_within(graph, group)) for group in found)


def test_the_loop_finder_finds_a_loop():
    assert loops({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert loops({"a": {"b"}, "b": set()}) == []


def _gui_folder(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "gui" else None


def test_gui_feature_folders_import_only_widgets_and_the_core():
    crossings = []
    for module, imported in import_graph().items():
        folder = _gui_folder(module)
        if folder is None or folder == "shell":
            continue
        for other in imported:
            target = _gui_folder(other)
            if target is not None and target not in (folder, "widgets"):  # widgets import no feature nor the shell
                crossings.append(f"{module} -> {other}")
    assert not crossings


def _edit_names(tree: ast.AST) -> set[str]:
    """Names bound by ``with ... .edit(...) as NAME`` (an open action of the write path)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                call = item.context_expr
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "edit" \
                        and isinstance(item.optional_vars, ast.Name):
                    names.add(item.optional_vars.id)
    return names | {"ed"}


def sql_in(path: Path) -> list[str]:
    """Where ``path`` holds SQL text, reads the board file past the core, or writes rows itself."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    edits = _edit_names(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
            found.append(f"{path.name}:{node.lineno}: SQL text {node.value[:60]!r}")
        elif isinstance(node, ast.Attribute) and node.attr in DIRECT:
            found.append(f"{path.name}:{node.lineno}: .{node.attr} reads or writes the board file directly")
        elif isinstance(node, ast.Attribute) and node.attr in ROW_WRITES and isinstance(node.value, ast.Name) \
                and node.value.id in edits:
            found.append(f"{path.name}:{node.lineno}: {node.value.id}.{node.attr} writes rows past the core")
    return found


def test_the_gui_has_no_sql_and_writes_only_through_core_functions():
    files = sorted((ROOT / "gui").rglob("*.py"))
    assert len(files) > 40
    assert not [finding for path in files for finding in sql_in(path)]


def test_the_sql_finder_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "view.py"
    sample.write_text(
        'rows = bf.query("SELECT id, name FROM person ORDER BY name")\n'
        'where = f"x WHERE p.id = {n}"\n'
        'with context.edit("Rename") as step:\n'
        '    step.update("person", 1, {"name": "A"})\n'
        'settings.update({"a": 1})\n'
        'label = "Select the rows from the list, then update the set"\n', encoding="utf-8")
    assert [line.split(": ", 1)[0] for line in sql_in(sample)] == ["view.py:1", "view.py:1", "view.py:2",
                                                                   "view.py:4"]
