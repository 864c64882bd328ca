"""Assessment tools as data: sections, themes, statements with stable codes, a scale, prompts.

A tool is a JSON document (the built-in ones live in ``resources/assessment_tools/``) or the
same structure stored in a board file. Nothing here knows which tool it is: the board
self-assessment, a Section 11 audit and a schools (s175) return differ only in their data.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator

from sgdesk.assessment.scores import Scale
from sgdesk.errors import InputError
from sgdesk.paths import resource_path

SEED_TOOL_KEY = "lscb-board-self-assessment"  # the board self-assessment of the seed report
PURPOSES = ("board self-assessment", "section 11 audit", "s175 return", "other")
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9.\-]{0,15}")


@dataclass(frozen=True)
class StatementSpec:
    """One statement of a tool: the code it keeps across rounds, and its wording."""

    code: str
    text: str


@dataclass(frozen=True)
class ThemeSpec:
    """A theme of a tool: its title and the statements under it."""

    title: str
    statements: tuple[StatementSpec, ...]


@dataclass(frozen=True)
class SectionSpec:
    """A section of a tool: its title and its themes, in the tool's order."""

    title: str
    themes: tuple[ThemeSpec, ...]
    #: whether the published table shows theme names beside the statements of this section
    themes_in_table: bool = True


@dataclass(frozen=True)
class ToolSpec:
    """One version of a tool. ``key`` is stable across versions; codes are stable across rounds."""

    key: str
    version: int
    name: str
    scale: Scale
    sections: tuple[SectionSpec, ...]
    purpose: str = "board self-assessment"
    introduction: str = ""
    source: str = ""
    prompts: tuple[str, ...] = field(default_factory=tuple)

    def statements(self) -> Iterator[tuple[SectionSpec, ThemeSpec, StatementSpec]]:
        for section in self.sections:
            for theme in section.themes:
                for statement in theme.statements:
                    yield section, theme, statement

    def statement_count(self) -> int:
        return sum(1 for _ in self.statements())

    def validate(self) -> ToolSpec:
        """Check the tool is usable; raises InputError naming the first thing to fix."""
        where = f"The tool '{self.name}'"
        if not self.name.strip():
            raise InputError("The tool", "has no name", "give it a name, e.g. Section 11 audit 2019")
        if self.purpose not in PURPOSES:
            raise InputError(where, f"has the purpose '{self.purpose}'", f"use one of: {', '.join(PURPOSES)}")
        if not any(True for _ in self.statements()):
            raise InputError(where, "has no statements", "add at least one statement to a theme")
        seen: set[str] = set()
        for section, theme, statement in self.statements():
            if not section.title.strip() or not theme.title.strip():
                raise InputError(where, "has a section or theme without a title", "give each one a title")
            if not _CODE.fullmatch(statement.code):
                raise InputError(f"The code '{statement.code}'", "is not a usable statement code",
                                 "start with a letter and use up to 16 letters, digits, dots or dashes (e.g. SD1)")
            if statement.code.casefold() in seen:
                raise InputError(f"The code '{statement.code}'", f"is used twice in {self.name}",
                                 "give every statement its own code")
            seen.add(statement.code.casefold())
            if not statement.text.strip():
                raise InputError(f"Statement {statement.code}", "has no text", "type the statement")
        return self

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key, "version": self.version, "name": self.name, "purpose": self.purpose,
            "source": self.source, "introduction": self.introduction, "scale": self.scale.to_json(),
            "prompts": list(self.prompts),
            "sections": [{"title": s.title, "themes_in_table": s.themes_in_table,
                          "themes": [{"title": t.title,
                                      "statements": [{"code": st.code, "text": st.text} for st in t.statements]}
                                     for t in s.themes]}
                         for s in self.sections],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ToolSpec:
        try:
            sections = tuple(
                SectionSpec(str(s["title"]),
                            tuple(ThemeSpec(str(t["title"]),
                                            tuple(StatementSpec(str(st["code"]).strip(), str(st["text"]).strip())
                                                  for st in t["statements"]))
                                  for t in s["themes"]),
                            bool(s.get("themes_in_table", True)))
                for s in data["sections"])
            spec = cls(key=str(data["key"]), version=int(data.get("version", 1)), name=str(data["name"]),
                       scale=Scale.from_json(data["scale"]) if "scale" in data else Scale.default(),
                       sections=sections, purpose=str(data.get("purpose", "board self-assessment")),
                       introduction=str(data.get("introduction", "")), source=str(data.get("source", "")),
                       prompts=tuple(str(p) for p in data.get("prompts", ())))
        except (KeyError, TypeError, ValueError) as error:
            raise InputError("The tool file", f"is missing or misnames a part ({error})",
                             "compare it with resources/assessment_tools/lscb_board_self_assessment.json") from None
        return spec.validate()

    def renamed(self, name: str, key: str) -> ToolSpec:
        """A copy under a new name and key, starting again at version 1."""
        return replace(self, name=name, key=key, version=1, source=f"copied from {self.name}")


def tool_key_for(name: str) -> str:
    """A key made from a tool's name: ``Section 11 audit 2019`` -> ``section-11-audit-2019``."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "tool"


def load_tool_file(path: str | Path) -> ToolSpec:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(path.name, f"could not be read as a tool ({error})", "choose a tool's .json file") from None
    return ToolSpec.from_json(data)


def built_in_tools() -> list[ToolSpec]:
    """The tools shipped with SG Desk, by name."""
    folder = resource_path("assessment_tools")
    return sorted((load_tool_file(path) for path in folder.glob("*.json")), key=lambda spec: spec.name)


def built_in_tool(key: str) -> ToolSpec:
    for spec in built_in_tools():
        if spec.key == key:
            return spec
    raise KeyError(key)

