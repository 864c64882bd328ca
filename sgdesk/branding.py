"""A board's branding: the names, logo, accent colour, footer text and protective marking that
every PDF and Word file it produces carries.

The full and short names are the board's own (the ``board`` row); the rest are board settings
(``branding.*``). The logo is kept inside the board file, so a file moved to a shared drive keeps
it. :func:`document_spec` gives the :class:`~sgdesk.pdf.DocumentSpec` of a board's PDF.
"""

from __future__ import annotations

import base64
import colorsys
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sgdesk.boards import get_board, get_setting, set_setting
from sgdesk.errors import InputError, SGDeskError
from sgdesk.money import NEGATIVE_STYLES, NegativeStyle
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

if TYPE_CHECKING:
    from sgdesk.pdf import DocumentSpec

ACCENT_KEY = "branding.accent"
FOOTER_KEY = "branding.footer_text"
MARKING_KEY = "branding.marking"
LOGO_KEY = "branding.logo"
NEGATIVE_KEY = "branding.negative_amounts"

MARKINGS = ("OFFICIAL", "OFFICIAL-SENSITIVE")  # the Government Security Classifications a board uses
MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_TEXT = 120
_HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
MIN_CONTRAST = 4.5  # WCAG 2.2 AA for text: headings are printed in the accent, table header text on it
ON_ACCENT = "#FFFFFF"  # the page behind accent headings, and the text of table headers
_IMAGE_KINDS = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


@dataclass(frozen=True)
class Branding:
    """What a board's documents look like. ``accent`` None means the house accent."""

    full_name: str
    short_name: str | None = None
    accent: str | None = None
    footer_text: str | None = None
    marking: str | None = None
    logo: bytes | None = None
    negative: NegativeStyle = "minus"  # how negative amounts print: −£5.00 (council style) or (£5.00)

    @property
    def display_name(self) -> str:
        return self.short_name or self.full_name


def house_accent() -> str:
    """The accent SG Desk uses when a board has not chosen one."""
    from sgdesk.pdf.colours import DEFAULT_ACCENT

    return DEFAULT_ACCENT


def load_branding(bf: BoardFile, board_id: int) -> Branding:
    board = get_board(bf, board_id)
    logo = get_setting(bf, board_id, LOGO_KEY)
    return Branding(
        full_name=board.name,
        short_name=board.short_name,
        accent=get_setting(bf, board_id, ACCENT_KEY),
        footer_text=get_setting(bf, board_id, FOOTER_KEY),
        marking=get_setting(bf, board_id, MARKING_KEY),
        logo=base64.b64decode(logo["data"]) if logo else None,
        negative=get_setting(bf, board_id, NEGATIVE_KEY) or "minus",
    )


def save_branding(ed: Action, bf: BoardFile, board_id: int, branding: Branding) -> None:
    """Store ``branding`` for the board (checked first; only what changed is written)."""
    branding = checked(branding)
    clash = bf.scalar("SELECT name FROM board WHERE name = ? COLLATE NOCASE AND id <> ?",
                      (branding.full_name, board_id))
    if clash is not None:
        raise InputError(f"'{branding.full_name}'", "is already the name of another board in this file",
                         "give this board a different full name")
    ed.update("board", board_id, {"name": branding.full_name, "short_name": branding.short_name})
    logo = None if branding.logo is None else {"data": base64.b64encode(branding.logo).decode("ascii")}
    negative = None if branding.negative == "minus" else branding.negative
    for key, value in ((ACCENT_KEY, branding.accent), (FOOTER_KEY, branding.footer_text),
                       (MARKING_KEY, branding.marking), (LOGO_KEY, logo), (NEGATIVE_KEY, negative)):
        if value != get_setting(bf, board_id, key):
            set_setting(ed, bf, board_id, key, value)


def _optional_text(value: str | None, what: str) -> str | None:
    text = " ".join((value or "").split())
    if len(text) > MAX_TEXT:
        raise InputError(f"The {what}", f"is {len(text)} characters long", f"keep it to {MAX_TEXT} characters")
    return text or None


def ratio_text(ratio: float) -> str:
    """A contrast ratio as people write it, never rounded up to a pass.

    >>> ratio_text(contrast_ratio("#000000", "#FFFFFF")), ratio_text(contrast_ratio("#1F4E79", "#FFFFFF"))
    ('21.0:1', '8.6:1')
    """
    return f"{math.floor(ratio * 10) / 10:.1f}:1"


def accent_contrast(accent: str) -> float:
    """How well the accent stands out from white, behind headings and under table header text."""
    return contrast_ratio(accent, ON_ACCENT)


def passing_accent(accent: str) -> str:
    """The nearest colour of the same hue and saturation that is dark enough, e.g. for a pale blue a mid blue.

    >>> passing_accent("#1F4E79"), passing_accent("#7FB3D5")
    ('#1F4E79', '#377BA8')
    """
    red, green, blue = (int(accent[i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    candidate = accent.upper()
    while accent_contrast(candidate) < MIN_CONTRAST:
        lightness -= 0.005
        channels = colorsys.hls_to_rgb(hue, max(lightness, 0), saturation)
        candidate = "#" + "".join(f"{round(c * 255):02X}" for c in channels)
    return candidate


def accent_problem(accent: str) -> InputError | None:
    """Why ``accent`` is too light to be the accent, with a nearby colour that is not; None if it will do."""
    ratio = accent_contrast(accent)
    if ratio >= MIN_CONTRAST:
        return None
    nearby = passing_accent(accent)
    return InputError(f"The accent colour {accent.upper()}",
                      f"has a contrast of {ratio_text(ratio)} with white, and headings and table headers need at "
                      f"least {ratio_text(MIN_CONTRAST)} to be readable",
                      f"choose a darker colour, such as {nearby} ({ratio_text(accent_contrast(nearby))})")


def checked(branding: Branding) -> Branding:
    """``branding`` with its text tidied, or an :class:`InputError` saying what to fix."""
    full_name = _optional_text(branding.full_name, "board's full name")
    if full_name is None:
        raise InputError("The board's full name", "is empty", "type the name printed on the board's documents")
    accent = (branding.accent or "").strip() or None
    if accent is not None and not _HEX_COLOUR.fullmatch(accent):
        raise InputError(f"'{accent}'", "is not a colour", "write it as # and six hex digits, e.g. #1F4E79")
    problem = accent_problem(accent) if accent is not None else None
    if problem is not None:
        raise problem
    if branding.logo is not None:
        logo_kind(branding.logo)
    if branding.negative not in NEGATIVE_STYLES:
        raise InputError(f"'{branding.negative}'", "is not a way to print negative amounts",
                         "choose minus (−£5.00) or brackets ((£5.00))")
    return replace(
        branding,
        full_name=full_name,
        short_name=_optional_text(branding.short_name, "short name"),
        accent=accent.upper() if accent else None,
        footer_text=_optional_text(branding.footer_text, "footer text"),
        marking=_optional_text(branding.marking, "protective marking"),
    )


def contrast_ratio(colour: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two colours written as hex (``"#1F4E79"`` or ``"1F4E79"``),
    from 1 (the same) to 21 (black on white); text needs 4.5 to pass AA.

    >>> round(contrast_ratio("#000000", "#FFFFFF"), 1), round(contrast_ratio("FFFFFF", "1F4E79"), 1)
    (21.0, 8.7)
    """
    def luminance(hex_colour: str) -> float:
        channels = []
        for value in bytes.fromhex(hex_colour.lstrip("#")):
            share = value / 255
            channels.append(share / 12.92 if share <= 0.04045 else ((share + 0.055) / 1.055) ** 2.4)
        red, green, blue = channels
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    lighter, darker = sorted((luminance(colour), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def logo_kind(data: bytes) -> str:
    """"PNG" or "JPEG" for an image a logo may be, else an :class:`InputError`."""
    if len(data) > MAX_LOGO_BYTES:
        raise InputError(f"The logo ({len(data) // 1024:,} KB)", "is too large",
                         f"save a copy under {MAX_LOGO_BYTES // (1024 * 1024)} MB and choose that")
    for magic, kind in _IMAGE_KINDS.items():
        if data.startswith(magic):
            return kind
    raise InputError("The logo", "is not a PNG or JPEG image", "save the logo as PNG or JPEG and choose that")


def read_logo(path: str | Path) -> bytes:
    """The image at ``path``, checked to be a usable logo, to embed in the board file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SGDeskError(f"the logo {path.name} cannot be read ({error.strerror}): choose another file") from None
    logo_kind(data)
    return data


def document_spec(bf: BoardFile, board_id: int, title: str, **fields: Any) -> "DocumentSpec":
    """The :class:`~sgdesk.pdf.DocumentSpec` of a PDF for the board, in its branding.

    ``fields`` are the other DocumentSpec fields (``subject``, ``draft``, ``generated_on``...);
    a ``marking`` given here replaces the board's (``None`` prints none); a document's own
    ``footer_text`` follows the board's, after a middle dot.
    """
    from sgdesk.pdf import DocumentSpec

    branding = load_branding(bf, board_id)
    footers = [text for text in (branding.footer_text, fields.pop("footer_text", None)) if text]
    values: dict[str, Any] = {"board_name": branding.full_name, "marking": branding.marking,
                              "footer_text": " · ".join(footers) or None}
    if branding.accent:
        values["accent"] = branding.accent
    return DocumentSpec(title=title, **{**values, **fields})
