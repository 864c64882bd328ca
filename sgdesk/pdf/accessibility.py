"""A check of a PDF against the machine-checkable conditions of PDF/UA-1 that SG Desk's PDFs meet.

:func:`check_pdf` reads a PDF with pikepdf and returns its :class:`Problem` s, each naming the
Matterhorn Protocol failure condition it is (or ``UA`` for a rule of ISO 14289-1 the Protocol
does not number, ``SG`` for a house rule). It checks:

- the document: tagged (MarkInfo Marked, a structure tree), no Suspects, /Lang, a title in the
  document information, DisplayDocTitle, XMP metadata with dc:title and pdfuaid:part 1;
- every page's content: nothing painted outside both marked content and artifacts, no
  artifact inside tagged content nor tagged content inside an artifact, every MCID reachable
  from the structure tree and the parent tree pointing back at its element;
- the structure tree: each element naming the element that holds it as its parent (/P),
  standard structure types only, tables, lists and contents in the shape
  ISO 32000-1 gives them, every table with header cells and every header cell with a Scope,
  every Figure with alternative text, headings starting at H1 without skipping a level;
- link annotations inside Link elements, with a description and pages tabbing in structure order;
- fonts: every font embedded, with a ToUnicode map.

docs/pdf-house-style.md says what of the Matterhorn Protocol it leaves out. pikepdf is
imported when a check runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STANDARD_TYPES = frozenset(
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 "
    "L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot "
    "Ruby RB RT RP Warichu WT WP Figure Formula Form".split())
_PAINTING = frozenset({"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do",
                       "INLINE IMAGE"})
_TABLE_ROWS = {"Table": {"TR", "THead", "TBody", "TFoot", "Caption"}, "THead": {"TR"}, "TBody": {"TR"},
               "TFoot": {"TR"}, "TR": {"TH", "TD"}}
_LIST_KIDS = {"L": {"LI", "L", "Caption"}, "LI": {"Lbl", "LBody"}}
_TOC_KIDS = {"TOC": {"TOC", "TOCI", "Caption"}, "TOCI": {"TOC", "Lbl", "Reference", "P", "NonStruct"}}
_PARENTS = {"TR": ("09-004", {"Table", "THead", "TBody", "TFoot"}), "TH": ("09-004", {"TR"}),
            "TD": ("09-004", {"TR"}), "THead": ("09-004", {"Table"}), "TBody": ("09-004", {"Table"}),
            "TFoot": ("09-004", {"Table"}), "LI": ("09-005", {"L"}), "LBody": ("09-005", {"LI"}),
            "TOCI": ("09-006", {"TOC"})}
_ENOUGH = 5  # problems of one kind on one page reported before the rest are counted


@dataclass(frozen=True)
class Problem:
    """One failure: ``check`` is the Matterhorn failure condition (e.g. "01-005"), or UA/SG."""

    check: str
    what: str
    page: int | None = None

    def __str__(self) -> str:
        where = f"page {self.page}: " if self.page is not None else ""
        return f"{where}{self.what} [{self.check}]"


def check_pdf(source: str | Path | bytes) -> list[Problem]:
    """The problems of the PDF at ``source`` (a path or the file's bytes); none means it passes."""
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(source) if isinstance(source, bytes) else source) as pdf:
        return _Check(pdf).run()


def _text(value: Any) -> str:
    return str(value) if value is not None else ""


def _name(value: Any) -> str:
    return str(value)[1:] if value is not None else ""


class _Check:
    def __init__(self, pdf: Any) -> None:
        import pikepdf

        self.pikepdf = pikepdf
        self.pdf = pdf
        self.problems: list[Problem] = []
        self.page_numbers = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        self.tree_mcids: dict[tuple[int, int], Any] = {}  # (page, mcid) -> the element holding it
        self.annotation_elements: dict[tuple[int, int], str] = {}  # annotation objgen -> tag of its element

    def add(self, check: str, what: str, page: int | None = None) -> None:
        self.problems.append(Problem(check, what, page))

    def run(self) -> list[Problem]:
        self.document()
        root = self.pdf.Root.get("/StructTreeRoot")
        if root is not None:
            self.structure(root)
        content_mcids = self.content()
        if root is not None:
            self.mcids(content_mcids, root)
        self.annotations()
        self.fonts()
        return self.problems

    # -- the document ---------------------------------------------------------------------------------------
    def document(self) -> None:
        root = self.pdf.Root
        mark_info = root.get("/MarkInfo")
        if mark_info is None or not bool(mark_info.get("/Marked", False)):
            self.add("UA", "the document is not marked as tagged (MarkInfo Marked is not true)")
        elif bool(mark_info.get("/Suspects", False)):
            self.add("01-007", "MarkInfo Suspects is true")
        if "/StructTreeRoot" not in root:
            self.add("UA", "the document has no structure tree")
        if not _text(root.get("/Lang")).strip():
            self.add("11-001", "the document has no /Lang, so the language of its text cannot be determined")
        info = self.pdf.trailer.get("/Info")
        if info is None or not _text(info.get("/Title")).strip():
            self.add("SG", "the document information has no title")
        preferences = root.get("/ViewerPreferences")
        if preferences is None or "/DisplayDocTitle" not in preferences:
            self.add("07-001", "ViewerPreferences has no DisplayDocTitle")
        elif not bool(preferences.DisplayDocTitle):
            self.add("07-002", "DisplayDocTitle is false")
        self.metadata(root.get("/Metadata"))

    def metadata(self, stream: Any) -> None:
        if stream is None:
            self.add("06-001", "the document has no XMP metadata stream")
            return
        xmp = stream.read_bytes().decode("utf-8", "replace")
        part = re.search(r"<pdfuaid:part>\s*(\d+)\s*</pdfuaid:part>|pdfuaid:part=\"(\d+)\"", xmp)
        if part is None:
            self.add("06-002", "the XMP metadata has no PDF/UA identifier (pdfuaid:part)")
        elif (part.group(1) or part.group(2)) != "1":
            self.add("06-002", f"the XMP metadata says pdfuaid:part {part.group(1) or part.group(2)}, not 1")
        title = re.search(r"<dc:title>.*?<rdf:li[^>]*>([^<]*)</rdf:li>", xmp, re.DOTALL)
        if title is None or not title.group(1).strip():
            self.add("06-003", "the XMP metadata has no dc:title")

    # -- the structure tree -----------------------------------------------------------------------------------
    def structure(self, root: Any) -> None:
        role_map = {_name(key): _name(value) for key, value in root.get("/RoleMap", {}).items()}
        for remapped in sorted(set(role_map) & STANDARD_TYPES):
            self.add("02-004", f"the role map remaps the standard type {remapped}")
        headings: list[tuple[int, int | None]] = []
        for element, parent_tag in self.elements(root):
            tag = _name(element.get("/S"))
            page = self.page_of(element)
            seen = {tag}
            while tag not in STANDARD_TYPES and tag in role_map and role_map[tag] not in seen:
                tag = role_map[tag]
                seen.add(tag)
            if tag not in STANDARD_TYPES:
                self.add("02-001", f"{_name(element.get('/S'))} is not a standard structure type, nor mapped to one",
                         page)
            kid_tags = [_name(kid.get("/S")) for kid in self.kid_elements(element)]
            self.shape(tag, parent_tag, kid_tags, page)
            if tag == "Table" and not self.has_header_cell(element):
                self.add("SG", "a Table has no TH header cell", page)
            if tag == "TH" and not self.scope(element):
                self.add("15-003", "a TH cell has no Scope attribute", page)
            described = _text(element.get("/Alt")).strip() or _text(element.get("/ActualText")).strip()
            if tag == "Figure" and not described:
                self.add("13-004", "a Figure has no alternative text (/Alt)", page)
            if re.fullmatch(r"H[1-6]", tag):
                headings.append((int(tag[1]), page))
            self.element_content(element)
        last = 0
        for index, (level, page) in enumerate(headings):
            if index == 0 and level != 1:
                self.add("14-002", f"the first heading is H{level}, not H1", page)
            elif level > last + 1 and index:
                self.add("14-003", f"H{level} follows H{last}: a heading level is skipped", page)
            last = level

    def elements(self, root: Any) -> Iterator[tuple[Any, str]]:
        """Every structure element with its parent's tag, in reading order; each must name the element
        (or the root) that holds it as its parent (/P)."""
        todo = [(kid, "StructTreeRoot", root) for kid in reversed(self.kids(root))]
        seen = set()
        while todo:
            element, parent_tag, parent = todo.pop()
            if not isinstance(element, self.pikepdf.Dictionary) or "/S" not in element:
                continue
            if element.objgen != (0, 0):
                if element.objgen in seen:
                    self.add("UA", "a structure element appears twice in the structure tree", self.page_of(element))
                    continue
                seen.add(element.objgen)
            tag = _name(element.get("/S"))
            named = element.get("/P")
            if named is None or named.objgen != parent.objgen or parent.objgen == (0, 0):
                self.add("UA", f"a {tag} element's parent (/P) is not the {parent_tag} that holds it",
                         self.page_of(element))
            yield element, parent_tag
            todo.extend((kid, tag, element) for kid in reversed(self.kids(element)))

    def kids(self, element: Any) -> list[Any]:
        kids = element.get("/K")
        if kids is None:
            return []
        return list(kids) if isinstance(kids, self.pikepdf.Array) else [kids]

    def kid_elements(self, element: Any) -> list[Any]:
        return [kid for kid in self.kids(element) if isinstance(kid, self.pikepdf.Dictionary) and "/S" in kid]

    def page_of(self, element: Any) -> int | None:
        page = element.get("/Pg")
        return self.page_numbers.get(page.objgen) if page is not None else None

    def shape(self, tag: str, parent: str, kids: list[str], page: int | None) -> None:
        """Tables, lists and contents as ISO 32000-1 Tables 333, 336 and 337 give them."""
        for rules, check, what in ((_TABLE_ROWS, "09-004", "table"), (_LIST_KIDS, "09-005", "list"),
                                   (_TOC_KIDS, "09-006", "contents")):
            allowed = rules.get(tag)
            if allowed is not None and any(kid not in allowed for kid in kids):
                self.add(check, f"a {what} element {tag} holds {', '.join(sorted(set(kids) - allowed))}", page)
        expected = _PARENTS.get(tag)
        if expected is not None and parent not in expected[1]:
            self.add(expected[0], f"{tag} is inside {parent}", page)

    def has_header_cell(self, table: Any) -> bool:
        todo = self.kid_elements(table)
        while todo:
            element = todo.pop()
            tag = _name(element.get("/S"))
            if tag == "TH":
                return True
            if tag != "Table":
                todo.extend(self.kid_elements(element))
        return False

    def scope(self, element: Any) -> bool:
        attributes = element.get("/A")
        if attributes is None:
            return False
        for entry in attributes if isinstance(attributes, self.pikepdf.Array) else [attributes]:
            if isinstance(entry, self.pikepdf.Dictionary) and "/Scope" in entry:
                return True
        return False

    def element_content(self, element: Any) -> None:
        """Note the marked content and annotations ``element`` holds."""
        default_page = self.page_of(element)
        for kid in self.kids(element):
            if isinstance(kid, int):
                if default_page is None:
                    self.add("UA", "an element holds an MCID without a page (/Pg)")
                else:
                    self.tree_mcids[default_page, int(kid)] = element
            elif isinstance(kid, self.pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                page = self.page_numbers.get(kid.Pg.objgen) if "/Pg" in kid else default_page
                self.tree_mcids[page, int(kid.MCID)] = element
            elif isinstance(kid, self.pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                self.annotation_elements[kid.Obj.objgen] = _name(element.get("/S"))

    # -- page content ------------------------------------------------------------------------------------------
    def content(self) -> dict[tuple[int, int], None]:
        """Walk every page's content stream; return the MCIDs it marks."""
        found: dict[tuple[int, int], None] = {}
        for number, page in enumerate(self.pdf.pages, start=1):
            stack: list[str] = []  # "artifact", "mcid" or "other" for each open marked-content sequence
            counts: dict[str, int] = {}
            for instruction in self.pikepdf.parse_content_stream(page):
                operator = str(instruction.operator)
                if operator in ("BDC", "BMC"):
                    stack.append(self.open_marked(instruction, operator, stack, number, found, counts))
                elif operator == "EMC":
                    if stack:
                        stack.pop()
                    else:
                        self.once(counts, number, "UA", "EMC without a marked-content sequence to end")
                elif operator in _PAINTING and "artifact" not in stack and "mcid" not in stack:
                    self.once(counts, number, "01-005",
                              f"content ({operator}) is neither marked as an artifact nor tagged")
            for what, count in counts.items():
                if count > _ENOUGH:
                    self.add(what.split(" ", 1)[0], f"and {count - _ENOUGH} more like it", number)
        return found

    def open_marked(self, instruction: Any, operator: str, stack: list[str], page: int,
                    found: dict[tuple[int, int], None], counts: dict[str, int]) -> str:
        operands = list(instruction.operands)
        tag = _name(operands[0]) if operands else ""
        properties = operands[1] if operator == "BDC" and len(operands) > 1 else None
        if tag == "Artifact":
            if "mcid" in stack:
                self.once(counts, page, "01-003", "an artifact is inside tagged content")
            return "artifact"
        mcid = properties.get("/MCID") if isinstance(properties, self.pikepdf.Dictionary) else None
        if mcid is None:
            return "other"
        if "artifact" in stack:
            self.once(counts, page, "01-004", "tagged content is inside an artifact")
        if (page, int(mcid)) in found:
            self.add("UA", f"MCID {int(mcid)} marks two sequences", page)
        found[page, int(mcid)] = None
        return "mcid"

    def once(self, counts: dict[str, int], page: int, check: str, what: str) -> None:
        """Report a problem on a page up to a few times, then only count it."""
        key = f"{check} {what}"
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= _ENOUGH:
            self.add(check, what, page)

    def mcids(self, content: dict[tuple[int, int], None], root: Any) -> None:
        """Every MCID is reachable from the tree, and the parent tree points back at its element."""
        for page, mcid in content.keys() - self.tree_mcids.keys():
            self.add("UA", f"MCID {mcid} is not reachable from the structure tree", page)
        for page, mcid in self.tree_mcids.keys() - content.keys():
            self.add("UA", f"the structure tree names MCID {mcid}, which marks nothing", page)
        parents = self.parent_tree(root)
        for number, page in enumerate(self.pdf.pages, start=1):
            key = page.obj.get("/StructParents")
            held = [mcid for (p, mcid) in self.tree_mcids if p == number]
            if not held:
                continue
            entry = parents.get(int(key)) if key is not None else None
            if entry is None:
                self.add("UA", "the page has tagged content but no parent tree entry (/StructParents)", number)
                continue
            for mcid in held:
                if mcid >= len(entry) or entry[mcid].objgen != self.tree_mcids[number, mcid].objgen:
                    self.add("UA", f"the parent tree does not lead MCID {mcid} back to its element", number)

    def parent_tree(self, root: Any) -> dict[int, Any]:
        tree = root.get("/ParentTree")
        found: dict[int, Any] = {}
        todo = [tree] if tree is not None else []
        while todo:
            node = todo.pop()
            nums = node.get("/Nums")
            if nums is not None:
                for index in range(0, len(nums) - 1, 2):
                    found[int(nums[index])] = nums[index + 1]
            todo.extend(node.get("/Kids", []))
        return found

    # -- annotations and fonts -----------------------------------------------------------------------------------
    def annotations(self) -> None:
        for number, page in enumerate(self.pdf.pages, start=1):
            annotations = page.obj.get("/Annots") or []
            if annotations and page.obj.get("/Tabs") is None:
                self.add("28-008", "the page has annotations but no Tabs entry", number)
            elif annotations and page.obj.get("/Tabs") != "/S":
                self.add("28-009", "the page's Tabs entry is not S (structure order)", number)
            for annotation in annotations:
                if annotation.get("/Subtype") != "/Link":
                    continue
                if self.annotation_elements.get(annotation.objgen) != "Link":
                    self.add("28-011", "a link annotation is not inside a Link element", number)
                if not _text(annotation.get("/Contents")).strip():
                    self.add("28-012", "a link annotation has no description (/Contents)", number)

    def fonts(self) -> None:
        seen = set()
        for number, page in enumerate(self.pdf.pages, start=1):
            fonts = page.obj.get("/Resources", {}).get("/Font", {})
            for font in fonts.values():
                if font.objgen in seen:
                    continue
                seen.add(font.objgen)
                name = _name(font.get("/BaseFont"))
                if font.get("/Subtype") == "/Type3":
                    continue
                descendant = font.DescendantFonts[0] if font.get("/Subtype") == "/Type0" else font
                descriptor = descendant.get("/FontDescriptor")
                files = ("/FontFile", "/FontFile2", "/FontFile3")
                if descriptor is None or not any(key in descriptor for key in files):
                    self.add("31-009", f"the font {name} is not embedded", number)
                if "/ToUnicode" not in font:
                    self.add("31-027", f"the font {name} has no ToUnicode map", number)
