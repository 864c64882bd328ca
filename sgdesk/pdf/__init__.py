"""SG Desk's PDF house style, built on reportlab platypus.

Import this package only when exporting: it is the one place that imports reportlab.
See ``docs/pdf-house-style.md`` for how a feature builds an appendix.
"""

from sgdesk.reportlab_setup import set_up_reportlab

set_up_reportlab()  # before the modules below import reportlab's layout and drawing code

from sgdesk.pdf.contents import Contents
from sgdesk.pdf.document import build_pdf, switch_orientation
from sgdesk.pdf.headings import heading
from sgdesk.pdf.lists import bullet_list
from sgdesk.pdf.page import frame_width
from sgdesk.pdf.spec import DocumentSpec
from sgdesk.pdf.styles import styles
from sgdesk.pdf.tables import data_table
from sgdesk.pdf.tagged_table import TaggedTable

__all__ = [
    "Contents",
    "DocumentSpec",
    "TaggedTable",
    "build_pdf",
    "bullet_list",
    "data_table",
    "frame_width",
    "heading",
    "styles",
    "switch_orientation",
]
