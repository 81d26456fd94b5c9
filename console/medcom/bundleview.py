"""Reading a message Bundle: its entries by type, and references resolved inside the Bundle.

MedCom messages are self-contained: every reference points at an entry (``Type/id``, or the
entry's fullUrl). Entries are unordered apart from the MessageHeader, which comes first.
"""

from __future__ import annotations

from typing import TypeVar

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.messageheader import MessageHeader
from fhir.resources.R4B.provenance import Provenance
from fhir.resources.R4B.reference import Reference
from fhir.resources.R4B.resource import Resource

R = TypeVar("R", bound=Resource)


class BundleView:
    """An index over one Bundle's entries."""

    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle
        self.entries: list[Resource] = [e.resource for e in bundle.entry or [] if e.resource is not None]
        self._by_key: dict[str, Resource] = {}
        for entry in bundle.entry or []:
            resource = entry.resource
            if resource is None:
                continue
            if resource.id:
                self._by_key.setdefault(f"{resource.get_resource_type()}/{resource.id}", resource)
            if entry.fullUrl:
                self._by_key.setdefault(str(entry.fullUrl), resource)

    @property
    def header(self) -> MessageHeader | None:
        """The MessageHeader, if it is the first entry as a message Bundle requires."""
        first = self.entries[0] if self.entries else None
        return first if isinstance(first, MessageHeader) else None

    def all(self, kind: type[R]) -> list[R]:
        return [r for r in self.entries if isinstance(r, kind)]

    def one(self, kind: type[R]) -> R | None:
        found = self.all(kind)
        return found[0] if len(found) == 1 else None

    def resolve(self, ref: Reference | None, kind: type[R]) -> R | None:
        """The entry a reference points at, if it is there and of the expected type."""
        if ref is None or not ref.reference:
            return None
        text = str(ref.reference)
        found = self._by_key.get(text)
        if found is None and "/" in text:
            parts = text.rstrip("/").split("/")
            found = self._by_key.get("/".join(parts[-2:]))
        return found if isinstance(found, kind) else None

    def provenance_for(self, header_id: str | None) -> Provenance | None:
        """The Provenance whose target is the given MessageHeader (this message's activity)."""
        if not header_id:
            return None
        for provenance in self.all(Provenance):
            for target in provenance.target or []:
                if target.reference and str(target.reference).split("/")[-1] == header_id:
                    return provenance
        return None


def extension(extensions: list[Extension] | None, url: str) -> Extension | None:
    for ext in extensions or []:
        if ext.url == url:
            return ext
    return None


def reference_id(ref: Reference | None) -> str | None:
    """The id part of a ``Type/id`` (or absolute) reference."""
    if ref is None or not ref.reference:
        return None
    return str(ref.reference).rstrip("/").split("/")[-1]
