"""What a PDF says about itself beside its pages: its dates and its XMP metadata.

The document information dates and the XMP dates are the day printed in the footer, at
midnight UTC, so the same data on the same day gives the same bytes.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from sgdesk.pdf.markup import escape

LANGUAGE = "en-GB"


@dataclass(frozen=True)
class DayStamp:
    """A day as reportlab's document time stamp (it reads ``t``, ``YMDhms``, ``dhh`` and ``dmm``)."""

    day: datetime.date

    @property
    def t(self) -> int:
        return calendar.timegm(self.day.timetuple())

    @property
    def YMDhms(self) -> tuple[int, int, int, int, int, int]:  # noqa: N802 - reportlab's name
        return self.day.year, self.day.month, self.day.day, 0, 0, 0

    dhh = 0
    dmm = 0


def xmp_packet(*, title: str, author: str, subject: str, creator_tool: str, producer: str,
               day: datetime.date) -> bytes:
    """The XMP metadata of a PDF/UA-1 document: Dublin Core title and the pdfuaid part."""
    when = f"{day.isoformat()}T00:00:00Z"
    text = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{LANGUAGE}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>{escape(producer)}</pdf:Producer>
   <xmp:CreatorTool>{escape(creator_tool)}</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return text.encode("utf-8")
