"""Tools in a board file: installing a built-in tool, copying, saving an edited version.

A tool version that a round has used is never changed: saving an edit makes the next version
(same key), and the round keeps the version it was run with.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

from sgdesk.assessment.scores import Scale
from sgdesk.assessment.tools import (
    SectionSpec,
    StatementSpec,
    ThemeSpec,
    ToolSpec,
    tool_key_for,
)
from sgdesk.errors import InputError, NotFoundError
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action


@dataclass(frozen=True)
class StoredTool:
    """A tool version as a board file stores it, and whether it came built in."""

    id: int
    spec: ToolSpec
    built_in: bool

    @property
    def label(self) -> str:
        return f"{self.spec.name} (version {self.spec.version})"


def load_tool(bf: BoardFile, tool_id: int) -> StoredTool:
    row = bf.query_one("SELECT * FROM assessment_tool WHERE id = ?", (tool_id,))
    if row is None:
        raise NotFoundError(f"there is no assessment tool {tool_id} in {bf.path.name}")
    sections = []
    for section in bf.query("SELECT * FROM assessment_section WHERE tool_id = ? ORDER BY position", (tool_id,)):
        themes = []
        for theme in bf.query("SELECT * FROM assessment_theme WHERE section_id = ? ORDER BY position", (section["id"],)):
            statements = tuple(StatementSpec(r["code"], r["text"]) for r in bf.query(
                "SELECT code, text FROM assessment_statement WHERE theme_id = ? ORDER BY position", (theme["id"],)))
            themes.append(ThemeSpec(theme["title"], statements))
        sections.append(SectionSpec(section["title"], tuple(themes), bool(section["themes_in_table"])))
    spec = ToolSpec(key=row["tool_key"], version=row["version"], name=row["name"],
                    scale=Scale.from_json(json.loads(row["scale"])), sections=tuple(sections),
                    purpose=row["purpose"], introduction=row["introduction"], source=row["source"],
                    prompts=tuple(json.loads(row["prompts"])))
    return StoredTool(row["id"], spec, bool(row["built_in"]))


def statement_rows(bf: BoardFile, tool_id: int) -> list:
    """A tool's statements in order, each with ``id, code, text, section, section_position, theme, theme_id,
    themes_in_table``."""
    return bf.query(
        "SELECT st.id, st.code, st.text, se.title AS section, se.position AS section_position, th.title AS theme, "
        "th.id AS theme_id, se.themes_in_table FROM assessment_statement st "
        "JOIN assessment_theme th ON th.id = st.theme_id JOIN assessment_section se ON se.id = th.section_id "
        "WHERE st.tool_id = ? ORDER BY st.position", (tool_id,))


def list_tools(bf: BoardFile, *, latest_only: bool = False) -> list[StoredTool]:
    """The tools in the file, by name then version (only each key's newest with ``latest_only``)."""
    sql = "SELECT id FROM assessment_tool t"
    if latest_only:
        sql += " WHERE version = (SELECT max(version) FROM assessment_tool u WHERE u.tool_key = t.tool_key)"
    return [load_tool(bf, row[0]) for row in bf.query(sql + " ORDER BY name COLLATE NOCASE, version")]


def find_tool(bf: BoardFile, key: str, version: int) -> int | None:
    return bf.scalar("SELECT id FROM assessment_tool WHERE tool_key = ? AND version = ?", (key, version))


def tool_in_use(bf: BoardFile, tool_id: int) -> bool:
    return bf.scalar("SELECT count(*) FROM assessment_round WHERE tool_id = ?", (tool_id,)) > 0


def install_tool(ed: Action, bf: BoardFile, spec: ToolSpec, *, built_in: bool = False) -> int:
    """The id of ``spec`` in the file, writing it first if this key and version are not there yet."""
    existing = find_tool(bf, spec.key, spec.version)
    if existing is not None:
        return existing
    spec.validate()
    tool_id = ed.insert("assessment_tool", {
        "tool_key": spec.key, "version": spec.version, "name": spec.name.strip(), "purpose": spec.purpose,
        "introduction": spec.introduction, "source": spec.source, "scale": json.dumps(spec.scale.to_json()),
        "prompts": json.dumps(list(spec.prompts)), "built_in": built_in, "created_on": dt.date.today()})
    _write_content(ed, tool_id, spec)
    return tool_id


def _write_content(ed: Action, tool_id: int, spec: ToolSpec) -> None:
    position = 0
    for s_index, section in enumerate(spec.sections):
        section_id = ed.insert("assessment_section", {"tool_id": tool_id, "position": s_index,
                                                      "title": section.title.strip(),
                                                      "themes_in_table": section.themes_in_table})
        for t_index, theme in enumerate(section.themes):
            theme_id = ed.insert("assessment_theme", {"section_id": section_id, "position": t_index,
                                                      "title": theme.title.strip()})
            for statement in theme.statements:
                position += 1
                ed.insert("assessment_statement", {"tool_id": tool_id, "theme_id": theme_id, "position": position,
                                                   "code": statement.code.strip(), "text": statement.text.strip()})


def _delete_content(ed: Action, bf: BoardFile, tool_id: int) -> None:
    for row in bf.query("SELECT id FROM assessment_statement WHERE tool_id = ?", (tool_id,)):
        ed.delete("assessment_statement", row[0])
    sections = bf.query("SELECT id FROM assessment_section WHERE tool_id = ?", (tool_id,))
    for section in sections:
        for theme in bf.query("SELECT id FROM assessment_theme WHERE section_id = ?", (section[0],)):
            ed.delete("assessment_theme", theme[0])
        ed.delete("assessment_section", section[0])


def copy_tool(ed: Action, bf: BoardFile, tool_id: int, name: str) -> int:
    """A new, editable tool made from ``tool_id`` under ``name``."""
    name = name.strip()
    if not name:
        raise InputError("The new tool", "has no name", "give the copy a name")
    if bf.scalar("SELECT count(*) FROM assessment_tool WHERE name = ? COLLATE NOCASE", (name,)):
        raise InputError(f"'{name}'", "is already the name of a tool", "choose another name")
    base, key, n = tool_key_for(name), tool_key_for(name), 1
    while bf.scalar("SELECT count(*) FROM assessment_tool WHERE tool_key = ?", (key,)):
        n += 1
        key = f"{base}-{n}"
    return install_tool(ed, bf, load_tool(bf, tool_id).spec.renamed(name, key))


def save_tool(ed: Action, bf: BoardFile, tool_id: int, spec: ToolSpec) -> int:
    """Store an edited ``spec`` of tool ``tool_id``; returns the id now holding it.

    A tool no round has used is changed in place; otherwise the edit becomes the next version,
    leaving the used version as its rounds knew it. Built-in tools are copied, not edited.
    """
    stored = load_tool(bf, tool_id)
    if stored.built_in:
        raise InputError(f"'{stored.spec.name}'", "is a built-in tool and cannot be changed",
                         "make a copy of it and edit the copy")
    spec = replace(spec, key=stored.spec.key).validate()
    if tool_in_use(bf, tool_id):
        newest = bf.scalar("SELECT max(version) FROM assessment_tool WHERE tool_key = ?", (stored.spec.key,))
        return install_tool(ed, bf, replace(spec, version=newest + 1))
    ed.update("assessment_tool", tool_id, {
        "name": spec.name.strip(), "purpose": spec.purpose, "introduction": spec.introduction, "source": spec.source,
        "scale": json.dumps(spec.scale.to_json()), "prompts": json.dumps(list(spec.prompts))})
    _delete_content(ed, bf, tool_id)
    _write_content(ed, tool_id, spec)
    return tool_id
