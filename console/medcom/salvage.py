"""What can still be read from a message fhir.resources rejects: ids and the two parties.

An invalid message must still be recognised as a duplicate (its MessageHeader id) and answered
with a negative acknowledgement (its sender's SOR id), so this reads the raw JSON or XML tree
leniently. It returns nothing it cannot find and never raises.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from lxml import etree

from console.medcom import codes
from console.medcom.serialise import Format, safe_xml_parser
from console.medcom.types import AckSubject, Organisation

_FHIR_NS = "http://hl7.org/fhir"


@dataclass(frozen=True)
class Salvage:
    bundle_id: str | None = None
    header_id: str | None = None
    event: str | None = None
    ack_subject: AckSubject | None = None


def salvage(data: bytes, fmt: Format | None) -> Salvage:
    try:
        tree = _tree(data, fmt)
    except Exception:
        return Salvage()
    if not isinstance(tree, dict):
        return Salvage()
    return _from_tree(tree)


def _tree(data: bytes, fmt: Format | None) -> Any:
    if fmt is Format.JSON:
        return json.loads(data.removeprefix(b"\xef\xbb\xbf"))
    if fmt is Format.XML:
        root = etree.fromstring(data, parser=safe_xml_parser())
        return {"resourceType": etree.QName(root).localname, **_element_dict(root)}
    return None


def _element_dict(element: etree._Element) -> dict[str, Any]:
    """FHIR XML as JSON-like dicts; every child element becomes a list (XML cannot tell)."""
    out: dict[str, Any] = {}
    for child in element:
        if not isinstance(child.tag, str) or etree.QName(child).namespace != _FHIR_NS:
            continue
        name = etree.QName(child).localname
        if name == "resource":
            inner = next((c for c in child if isinstance(c.tag, str)), None)
            value: Any = ({"resourceType": etree.QName(inner).localname, **_element_dict(inner)}
                          if inner is not None else {})
        elif len(child) == 0:
            value = child.get("value")
        else:
            value = _element_dict(child)
            if child.get("value") is not None:
                value["value"] = child.get("value")
        out.setdefault(name, []).append(value)
    return out


def _first(obj: Any, *path: str) -> Any:
    """Follow a path of keys through dicts, taking the first element of any list on the way."""
    for key in path:
        if isinstance(obj, list):
            obj = obj[0] if obj else None
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    if isinstance(obj, list):
        obj = obj[0] if obj else None
    return obj


def _list(obj: Any) -> list[Any]:
    if obj is None:
        return []
    return obj if isinstance(obj, list) else [obj]


def _text(obj: Any) -> str | None:
    return obj if isinstance(obj, str) and obj else None


def _from_tree(bundle: dict[str, Any]) -> Salvage:
    resources = [r for e in _list(bundle.get("entry")) if isinstance(r := _first(e, "resource"), dict)]
    by_key = {f"{r.get('resourceType')}/{_first(r, 'id')}": r for r in resources}
    header = next((r for r in resources if r.get("resourceType") == "MessageHeader"), None)
    bundle_id = _text(_first(bundle, "id"))
    if header is None:
        return Salvage(bundle_id=bundle_id)
    header_id = _text(_first(header, "id"))
    event = _text(_first(header, "eventCoding", "code"))

    def organisation(reference: Any) -> Organisation | None:
        key = "/".join(str(reference).rstrip("/").split("/")[-2:]) if isinstance(reference, str) else ""
        org = by_key.get(key)
        if org is None:
            return None
        idents = {_first(i, "system"): _first(i, "value") for i in _list(org.get("identifier"))}
        sor = _text(idents.get(codes.SOR_SYSTEM))
        ean = _text(idents.get(codes.EAN_SYSTEM)) or _text(idents.get(codes.EAN_SYSTEM_OID))
        return Organisation(sor, ean, _text(_first(org, "name")) or "") if sor else None

    sender = organisation(_first(header, "sender", "reference"))
    receiver = organisation(_first(header, "destination", "receiver", "reference"))
    activity = None
    for provenance in (r for r in resources if r.get("resourceType") == "Provenance"):
        target = _text(_first(provenance, "target", "reference")) or ""
        if header_id and target.split("/")[-1] == header_id:
            activity = _text(_first(provenance, "activity", "coding", "code"))
    subject = (AckSubject(header_id, sender, receiver, activity)
               if header_id and sender is not None and receiver is not None else None)
    return Salvage(bundle_id=bundle_id, header_id=header_id, event=event, ack_subject=subject)
