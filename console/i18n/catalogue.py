"""The catalogue of source strings by context, and the ``.ts`` file that holds their Danish."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

Key = tuple[str, str]  # (context, source)
SERVICE_CONTEXT = "Service"  # the services' messages (console.i18n.service_messages)
SERVICE_TEMPLATES = "service_templates.json"
_HELPERS = {"translate", "QT_TRANSLATE_NOOP"}


@dataclass
class Catalogue:
    messages: dict[Key, list[str]] = field(default_factory=dict)  # key -> "file:line"

    def add(self, context: str, source: str, where: str) -> None:
        self.messages.setdefault((context, source), []).append(where)



def read_ts(path: Path) -> dict[Key, str | None]:
    """(context, source) → translation, or None when missing/unfinished."""
    out: dict[Key, str | None] = {}
    if not path.exists():
        return out
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            text = node.text if node is not None else None
            unfinished = node is not None and node.get("type") in ("unfinished", "obsolete",
                                                                    "vanished")
            out[(name, source)] = None if unfinished or not text else text
    return out


CORRECTIONS = "-corrections.json"  # pending files whose translations replace existing ones


def read_pending(folder: Path, *, corrections: bool = False) -> dict[Key, str]:
    """Translations written beside the code in ``pending/*.json`` as {"Context|source": "…"}
    (a branch adds its strings there instead of editing the ``.ts``, which merges badly);
    with ``corrections`` only the ``*-corrections.json`` files, which a reviewer writes to
    change a translation the ``.ts`` already has (issue 20)."""
    out: dict[Key, str] = {}
    for file in sorted(folder.glob("*.json")):
        if file.name.endswith(CORRECTIONS) != corrections:
            continue
        for key, text in json.loads(file.read_text(encoding="utf-8")).items():
            context, _, source = key.partition("|")
            if text:
                out[(context, source)] = text
    return out


def write_ts(path: Path, catalogue: Catalogue, language: str = "da_DK") -> tuple[int, int]:
    """Rewrite ``path`` for the catalogue, keeping translations and taking missing ones from
    ``pending/`` beside it, and replacing existing ones with ``pending/*-corrections.json``;
    returns (total, missing)."""
    pending = path.parent / "pending"
    existing: dict[Key, str | None] = {**read_pending(pending), **{
        k: v for k, v in read_ts(path).items() if v}, **read_pending(pending, corrections=True)}
    ts = ET.Element("TS", version="2.1", language=language)
    missing = 0
    contexts: dict[str, list[str]] = {}
    for context, source in catalogue.messages:
        contexts.setdefault(context, []).append(source)
    for context in sorted(contexts):
        ctx = ET.SubElement(ts, "context")
        ET.SubElement(ctx, "name").text = context
        for source in sorted(set(contexts[context])):
            message = ET.SubElement(ctx, "message")
            for where in catalogue.messages[(context, source)][:3]:
                file, _, line = where.rpartition(":")
                ET.SubElement(message, "location", filename=f"../../{file}", line=line)
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            text = existing.get((context, source))
            if text:
                translation.text = text
            else:
                translation.set("type", "unfinished")
                missing += 1
    ET.indent(ts)
    body = ET.tostring(ts, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")
    return len(catalogue.messages), missing


def service_templates(catalogue: Catalogue) -> list[str]:
    """The services' message templates, sorted (what ``service_templates.json`` holds)."""
    return sorted(source for context, source in catalogue.messages if context == SERVICE_CONTEXT)


def write_service_templates(path: Path, catalogue: Catalogue) -> int:
    """Write the templates the console matches service messages against at run time."""
    templates = service_templates(catalogue)
    path.write_text(json.dumps(templates, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(templates)


