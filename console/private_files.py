"""Files the console writes are for their owner only (issue 21).

Everything the console writes holds patient data or can (the embedded database, PDFs, workbooks,
CSV, screenshots of screens with names on them). While the console runs, its process creates
files 0600 and folders 0700 (``private_umask``, set by ``console.cli.main`` for the GUI and
every command); a file written over an existing one is set to 0600 afterwards
(``make_private``), since overwriting keeps the old mode. Folders the person chose (their
Documents) are left as they are: only what the console creates is closed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

PRIVATE_UMASK = 0o077
FILE_MODE = 0o600


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """New files 0600 and folders 0700 for the duration (POSIX; a no-op elsewhere)."""
    old = os.umask(PRIVATE_UMASK)
    try:
        yield
    finally:
        os.umask(old)


def make_private(path: str | Path) -> None:
    """0600 for a file the console has just written (over an older file, too)."""
    with contextlib.suppress(OSError):
        os.chmod(path, FILE_MODE)
