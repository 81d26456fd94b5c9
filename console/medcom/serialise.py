"""Bundles to and from bytes, FHIR JSON or FHIR XML (fhir.resources, with lxml for XML).

XML is read with a parser that resolves no entities and fetches nothing (``huge_tree`` only
lifts libxml2's 10 MB text-node limit, which a 50 MB message's base64 attachment can pass).
"""

from __future__ import annotations

from enum import StrEnum

from fhir.resources.R4B.bundle import Bundle
from lxml import etree

JSON_MEDIA_TYPE = "application/fhir+json"
XML_MEDIA_TYPE = "application/fhir+xml"


class Format(StrEnum):
    JSON = "json"
    XML = "xml"

    @property
    def media_type(self) -> str:
        return JSON_MEDIA_TYPE if self is Format.JSON else XML_MEDIA_TYPE

    @property
    def suffix(self) -> str:
        return "." + self.value


def safe_xml_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=False)


def detect_format(data: bytes) -> Format | None:
    """JSON or XML by the first significant character (after a UTF-8 BOM and whitespace)."""
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        return Format.JSON
    if head.startswith(b"<"):
        return Format.XML
    return None


def to_json(bundle: Bundle) -> bytes:
    return bundle.model_dump_json().encode("utf-8")


def to_xml(bundle: Bundle) -> bytes:
    dumped: str | bytes = bundle.model_dump_xml(pretty_print=False)
    return dumped if isinstance(dumped, bytes) else dumped.encode("utf-8")


def dump(bundle: Bundle, fmt: Format) -> bytes:
    return to_json(bundle) if fmt is Format.JSON else to_xml(bundle)


def load_bundle(data: bytes, fmt: Format | None = None) -> Bundle:
    """Parse and validate a Bundle (raises ValueError / pydantic ValidationError when invalid)."""
    fmt = fmt or detect_format(data)
    if fmt is Format.JSON:
        return Bundle.model_validate_json(data.removeprefix(b"\xef\xbb\xbf"))
    if fmt is Format.XML:
        return Bundle.model_validate_xml(data, xmlparser=safe_xml_parser())
    raise ValueError("neither FHIR JSON nor FHIR XML")


def json_to_xml(data: bytes) -> bytes:
    return to_xml(load_bundle(data, Format.JSON))


def xml_to_json(data: bytes) -> bytes:
    return to_json(load_bundle(data, Format.XML))


def canonical_div(div: str) -> str:
    """An XHTML narrative div in one canonical form (C14N), to compare narratives across formats."""
    element = etree.fromstring(div.encode("utf-8"), parser=safe_xml_parser())
    return etree.tostring(element, method="c14n").decode("utf-8")
