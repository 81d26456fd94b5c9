"""Moving message bytes: a pluggable ``Transport`` and the default mailbox folder pair.

``MailboxTransport`` is what a VANS or EDI gateway picks up: it writes each outgoing message
atomically into ``outbox/`` (a temp file in the same folder, fsynced, then renamed, so a gateway
never sees half a file), reads ``inbox/`` in arrival order, and moves a handled file to
``inbox/processed/``. Folders are created 0700 and files 0600: they hold patient data. No
network; no message content is ever logged.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

DIR_MODE = 0o700
FILE_MODE = 0o600
PROCESSED = "processed"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")
_TEMP_PREFIX = ".incoming-"


@dataclass(frozen=True)
class ReceivedFile:
    """One message waiting in the inbox: its name, bytes and arrival time (ns since the epoch)."""

    name: str
    data: bytes
    arrived_ns: int


@runtime_checkable
class Transport(Protocol):
    """How the console sends and receives MedCom messages."""

    def send(self, filename: str, data: bytes) -> None:
        """Hand one message over for sending under ``filename``."""

    def receive(self) -> list[ReceivedFile]:
        """Every message waiting, oldest first. Calling again returns them again until processed."""

    def mark_processed(self, name: str) -> None:
        """The message ``name`` is handled (stored, acknowledged): take it off the waiting list."""


def message_filename(bundle_id: str, suffix: str) -> str:
    """The outbox name of a message: its Bundle id (unique per send) and ``.json`` or ``.xml``."""
    return _safe(f"{bundle_id}{suffix}")


def _safe(name: str) -> str:
    if not _SAFE_NAME.match(name) or name.startswith(_TEMP_PREFIX):
        raise ValueError(f"unsafe message file name: {name!r}")
    return name


def _ensure_dir(path: Path) -> None:
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)


class MailboxTransport:
    """The default transport: an ``outbox`` and an ``inbox`` folder (see the module docstring)."""

    def __init__(self, outbox: Path, inbox: Path) -> None:
        self.outbox = Path(outbox)
        self.inbox = Path(inbox)
        self.processed = self.inbox / PROCESSED
        for folder in (self.outbox, self.inbox, self.processed):
            _ensure_dir(folder)

    def send(self, filename: str, data: bytes) -> None:
        """Write ``outbox/filename`` atomically (temp file + fsync + rename); never overwrite."""
        target = self.outbox / _safe(filename)
        if target.exists():
            raise FileExistsError(f"already in the outbox: {filename}")
        fd, temp = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=self.outbox)
        try:
            os.fchmod(fd, FILE_MODE)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.link(temp, target)  # fails if the name appeared meanwhile: never overwrite
        finally:
            Path(temp).unlink(missing_ok=True)
        _fsync_dir(self.outbox)

    def receive(self) -> list[ReceivedFile]:
        """Waiting inbox files, oldest arrival first (modification time, then name).

        Every regular file counts, whatever its name, so none is silently left behind; names
        starting with a dot are files a gateway is still writing.
        """
        found = []
        for path in self.inbox.iterdir():
            if not path.is_file() or path.name.startswith("."):
                continue
            arrived = path.stat().st_mtime_ns
            found.append(ReceivedFile(path.name, path.read_bytes(), arrived))
        return sorted(found, key=lambda f: (f.arrived_ns, f.name))

    def mark_processed(self, name: str) -> None:
        """Move ``inbox/name`` to ``inbox/processed/``, keeping an earlier file of that name."""
        if name != Path(name).name or name.startswith(".") or not name:
            raise ValueError(f"not an inbox file name: {name!r}")
        source = self.inbox / name
        target = self.processed / name
        counter = 1
        while target.exists():
            target = self.processed / f"{name}.{counter}"
            counter += 1
        os.replace(source, target)
        _fsync_dir(self.inbox)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
