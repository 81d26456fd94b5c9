"""Database passwords: only in the OS keyring (or a 0600 ``.pgpass``), never in files or logs.

On PostgreSQL every person signs in with their own login of the ward's database
(``console.dbnames.login_name``). The
console keeps a remembered password in the system keyring under ``eward-console`` with the
server, database and initials as the user name. When the machine has no usable keyring (a
headless Linux box without a Secret Service), the console says how to set one up and asks for
the password at every sign-in; it never falls back to a plaintext store.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from types import ModuleType

from sqlalchemy.engine import URL, make_url

from console import dbnames

SERVICE = "eward-console"
NO_KEYRING_HELP = (
    "No system keyring is available, so the password cannot be remembered: it is asked at "
    "every sign-in. To remember it, run a Secret Service keyring (e.g. GNOME Keyring or KWallet) "
    "in your desktop session, or put the login in a ~/.pgpass file readable only by you "
    "(chmod 600). The console never stores passwords in plain text."
)


def _account(url: URL, initials: str) -> str:
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}/{initials.upper()}"


def describe_server(raw_url: str) -> str:
    """``host:port/database`` of a PostgreSQL URL (never the password)."""
    url = make_url(raw_url)
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def _keyring() -> ModuleType:
    """The keyring package, loaded when a password is remembered or asked for: loading it finds
    its backends (30-60 ms), which a desk on SQLite never needs at start (issue 17)."""
    import keyring
    import keyring.errors

    return keyring


def keyring_usable() -> bool:
    """A real keyring backend (not the 'fail' or a plaintext one) is configured."""
    backend = _keyring().get_keyring()
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyrings.alt")):
        return False
    priority = getattr(backend, "priority", 0)
    return not (isinstance(priority, int | float) and priority <= 0)


def remembered_password(raw_url: str, initials: str) -> str | None:
    if not keyring_usable():
        return None
    keyring = _keyring()
    try:
        return keyring.get_password(SERVICE, _account(make_url(raw_url), initials))
    except keyring.errors.KeyringError:
        return None


def remember_password(raw_url: str, initials: str, password: str) -> bool:
    """Store in the keyring; False (and nothing stored anywhere) when there is none."""
    if not keyring_usable():
        return False
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, _account(make_url(raw_url), initials), password)
    except keyring.errors.KeyringError:
        return False
    return True


def forget_password(raw_url: str, initials: str) -> None:
    if not keyring_usable():
        return
    keyring = _keyring()
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, _account(make_url(raw_url), initials))


def needs_sign_in(raw_url: str) -> bool:
    """PostgreSQL without a fixed login in the URL: each person signs in as themselves.

    A URL naming a user (e.g. the owner, for set-up and the demo) connects as that user and
    the acting person comes from ``--user``; the database then cannot tell people apart.
    """
    url = make_url(raw_url)
    return url.get_backend_name() in ("postgresql", "postgres") and not url.username


def person_url(raw_url: str, initials: str, password: str | None) -> str:
    """The server URL with the person's own login (and password, kept in memory only)."""
    url = make_url(raw_url)
    url = url.set(username=dbnames.login_name(initials, url.database or ""),
                  password=password or None)
    return url.render_as_string(hide_password=False)


def initials_of_login(username: str | None, database: str) -> str | None:
    """The initials of one of this ward database's logins; None for any other user."""
    return dbnames.initials_of_login(username, database)


def pgpass_problem(home: Path | None = None) -> str | None:
    """A sentence when ``~/.pgpass`` exists but libpq would ignore it (not 0600)."""
    path = Path(os.environ.get("PGPASSFILE") or (home or Path.home()) / ".pgpass")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        return (f"{path} can be read by others, so PostgreSQL ignores it: run "
                f"'chmod 600 {path}'.")
    return None
