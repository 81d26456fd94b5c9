"""Generated narratives: MedCom requires ``text`` (status + XHTML div) on every resource.

The div is built with lxml, so every value is escaped, and serialised in the form fhir.resources
gives a div it reads from XML (ASCII, other characters as references such as ``&#230;``), so a
JSON ⇄ XML round trip leaves the Bundle unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

from fhir.resources.R4B.narrative import Narrative
from lxml import etree

XHTML = "http://www.w3.org/1999/xhtml"


def _element(tag: str, parent: etree._Element | None = None) -> etree._Element:
    name = f"{{{XHTML}}}{tag}"
    if parent is None:
        return etree.Element(name, nsmap={None: XHTML})
    return etree.SubElement(parent, name)


def narrative(title: str, rows: Iterable[tuple[str, str | None]]) -> Narrative:
    """A narrative with a heading and one ``label: value`` paragraph per row (empty rows left out).

    Line breaks in a value become ``<br/>`` so a message text reads as written.
    """
    div = _element("div")
    heading = _element("p", div)
    bold = _element("b", heading)
    bold.text = title
    for label, value in rows:
        if value is None or value == "":
            continue
        para = _element("p", div)
        strong = _element("b", para)
        strong.text = label
        strong.tail = ": "
        lines = value.split("\n")
        strong.tail += lines[0]
        for line in lines[1:]:
            br = _element("br", para)
            br.tail = line
    markup = etree.tostring(div).decode("ascii")  # non-ASCII as character references, as lxml reads it back
    return Narrative(status="generated", div=markup)
