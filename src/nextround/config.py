"""Settings: one declared tuple, each with its environment variable, default and help."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from nextround.errors import InvalidInputError

ENV_PREFIX = "NEXTROUND_"


def default_data_dir() -> Path:
    """The per-user data folder, e.g. ~/.local/share/nextround on Linux."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("nextround", appauthor=False))


# A plain dataclass rather than pydantic-settings: every CLI call reads settings, and
# importing pydantic-settings alone costs ~130 ms of the 500 ms a command may take.
@dataclass(frozen=True)
class Settings:
    """Everything configurable, read from NEXTROUND_* environment variables."""

    data_dir: Path = field(
        default_factory=default_data_dir,
        metadata={"help": "folder for the database, model cache and exports"},
    )
    database_url: str = field(
        default="",
        metadata={"help": "any SQLAlchemy URL; default: SQLite in the data folder"},
    )
    half_life_days: int = field(
        default=365, metadata={"help": "evidence loses half its weight after this many days"}
    )
    story_budget_seconds: int = field(
        default=120, metadata={"help": "speaking-time budget for a story, in seconds"}
    )
    model_cache: Path | None = field(
        default=None,
        metadata={"help": "folder for the exported model (default: models/ in the data folder)"},
    )
    access_token: str = field(
        default="", metadata={"help": "token the web app requires on a non-loopback bind"}
    )
    upload_limit_bytes: int = field(
        default=5 * 1024 * 1024, metadata={"help": "largest file the web app accepts"}
    )

    @property
    def default_database_path(self) -> Path:
        """Where the SQLite database lives by default."""
        return self.data_dir / "nextround.sqlite3"

    @property
    def resolved_database_url(self) -> str:
        """The database URL in force."""
        return database_url(self.database_url) or f"sqlite:///{self.default_database_path}"

    @property
    def models_dir(self) -> Path:
        """Where exported models are cached; several data folders may share one."""
        return self.model_cache or self.data_dir / "models"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Read settings from the environment; explicit overrides win."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for spec in fields(cls):
            raw = env.get(ENV_PREFIX + spec.name.upper())
            if raw is None or raw == "":
                continue
            values[spec.name] = _parse(spec.name, spec.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


def database_url(given: str) -> str:
    """A database URL from what the user typed: a URL as it is, a file path as SQLite."""
    if not given or "://" in given:
        return given
    return f"sqlite:///{Path(given).expanduser().resolve()}"


def _parse(name: str, kind: object, raw: str) -> object:
    if kind in ("int", int):
        try:
            value = int(raw)
        except ValueError:
            raise InvalidInputError(
                f"{ENV_PREFIX}{name.upper()}={raw!r} is not a whole number"
            ) from None
        if value <= 0:
            raise InvalidInputError(f"{ENV_PREFIX}{name.upper()} must be positive, not {value}")
        return value
    if kind in ("Path", Path, "Path | None"):
        return Path(raw).expanduser()
    return raw


def describe() -> list[tuple[str, str]]:
    """(environment variable, help) for every setting, for the CLI's help text."""
    return [
        (ENV_PREFIX + f.name.upper(), str(f.metadata.get("help", ""))) for f in fields(Settings)
    ]
