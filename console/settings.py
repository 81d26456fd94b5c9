"""Per-user settings: where the database is, who the user is, the language.

These live in a small JSON file in the user's config directory (platformdirs), never in the
shared database (style.md: per-user state stays per user). Secrets never go here: database
passwords belong in the OS keyring or a 0600 ``.pgpass``.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

APP_NAME = "eward"
ENV_DATABASE_URL = "EWARD_DATABASE_URL"
ENV_USER = "EWARD_USER"
ENV_CONFIG_DIR = "EWARD_CONFIG_DIR"
ENV_DATA_DIR = "EWARD_DATA_DIR"


@dataclass
class UserSettings:
    database_url: str | None = None
    user: str | None = None
    language: str | None = None


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_user_settings() -> UserSettings:
    path = settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return UserSettings()
    except (OSError, ValueError):
        # A damaged settings file must not stop the console; defaults apply.
        return UserSettings()
    known = {k: raw.get(k) for k in asdict(UserSettings()) if isinstance(raw.get(k), str)}
    return UserSettings(**known)


def save_user_settings(settings: UserSettings) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
