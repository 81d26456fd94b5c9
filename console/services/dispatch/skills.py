"""Crew competences and what a visit needs (R-CREW-SKILL, issue 18). Pure: no database, no Qt.

There is no table of competences: they are read from text the dispatcher already writes, in
square brackets.

- A **crew** (``shift_car.crew``, free text) lists its competences in brackets after a name or
  for the whole crew: ``"Anna Holm [PVK, blood culture] / Bo Lund [catheter]"``. The car can do
  what anyone on it can do.
- A **visit** needs what its MBE task needs (``visit.task``, ``course/mbe_tasks.py``) and what
  its note (``visit.note``) names in brackets that start with ``needs:`` or ``kræver:``:
  ``"New access [needs: PVK]"``, ``"[kræver: bloddyrkning, KAD]"``. Other brackets in a note
  are ordinary text.

Competences are compared by a canonical name (``ALIASES`` maps the ward's Danish and English
words onto it); a word the list does not know is compared as written (case and spacing aside),
so a ward can use its own terms on both sides without a code change.
"""

from __future__ import annotations

import re

from console.services.course.mbe_tasks import task_needs

_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
_NEEDS = re.compile(r"^\s*(?:needs|kræver)\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
_SPLIT = re.compile(r"[,;]")

# canonical name → the words that mean it (R-MBE-TASKS lists the MBE's tasks)
_CANONICAL: dict[str, tuple[str, ...]] = {
    "pvk": ("pvk", "pvk placement", "pvk-anlæggelse", "pvk anlæggelse", "venflon"),
    "blood culture": ("blood culture", "blood cultures", "bloddyrkning", "bloddyrkninger"),
    "catheter": ("catheter", "urinary catheter", "kateter", "blærekateter", "kad"),
    "central line": ("central line", "picc", "cvk", "port", "picc/cvk", "picc/cvk/port",
                     "iv in picc/cvk/port"),
    "pump": ("pump", "cadd", "cadd pump", "elastomeric pump", "pumpe"),
    "nasal tube": ("nasal tube", "nasalsonde", "ventrikelsonde", "sonde"),
}
ALIASES: dict[str, str] = {word: name for name, words in _CANONICAL.items() for word in words}


def canonical(word: str) -> str:
    """The competence a word names: lower case, single spaces, the ward's synonyms merged."""
    text = " ".join(word.casefold().split())
    return ALIASES.get(text, text)


def _words(text: str) -> frozenset[str]:
    return frozenset(canonical(w) for w in _SPLIT.split(text) if w.strip())


def crew_skills(crew: str | None) -> frozenset[str]:
    """Every competence named in brackets in a crew text."""
    return frozenset().union(*(_words(m) for m in _BRACKETS.findall(crew or "")))


def visit_needs(note: str | None, task: str | None = None) -> frozenset[str]:
    """The competences a visit needs: its MBE task's (R-MBE-TASKS) and what its note asks for
    in ``[needs: …]`` / ``[kræver: …]`` brackets."""
    found: set[str] = {canonical(n) for n in task_needs(task)}
    for inside in _BRACKETS.findall(note or ""):
        match = _NEEDS.match(inside)
        if match:
            found |= _words(match.group(1))
    return frozenset(found)


def missing(needs: frozenset[str], skills: frozenset[str]) -> frozenset[str]:
    """What a visit needs that a crew does not have (empty: the crew can do it)."""
    return needs - skills


_SHOWN = {"pvk": "PVK"}  # as a nurse writes it (the canonical names are compared lower case)


def listed(skills: frozenset[str]) -> str:
    """Competences for a message, sorted, as they can be written in a crew's brackets:
    ``"blood culture, PVK"``."""
    return ", ".join(sorted((_SHOWN.get(s, s) for s in skills), key=str.casefold))
