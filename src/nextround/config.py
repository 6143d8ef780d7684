"""Settings: one declared tuple, each with its environment variable, default and help."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import Any

from nextround.domain.calendar_days import DayOrder
from nextround.errors import InvalidInputError

ENV_PREFIX = "NEXTROUND_"


def default_data_dir() -> Path:
    """The per-user data folder, e.g. ~/.local/share/nextround on Linux."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("nextround", appauthor=False))


@dataclass(frozen=True)
class FromEnv:
    """A setting's default: NEXTROUND_<NAME> when set, else the built-in ``fallback``.

    Reading the environment in the default itself, not only in ``from_env``, means no code
    path can build settings that quietly ignore NEXTROUND_DATA_DIR and write to the home
    folder: ``Settings(database_url=...)`` still honours the environment for the rest.
    """

    name: str
    kind: str  # "int", "path", "day_order" or "text": how the variable's text is read
    fallback: Callable[[], Any]

    def __call__(self, environ: Mapping[str, str] | None = None) -> Any:
        raw = (os.environ if environ is None else environ).get(ENV_PREFIX + self.name.upper())
        return _parse(self.name, self.kind, raw) if raw else self.fallback()


# A plain dataclass rather than pydantic-settings: every CLI call reads settings, and
# importing pydantic-settings alone costs ~130 ms of the 500 ms a command may take.
@dataclass(frozen=True)
class Settings:
    """Everything configurable; a setting not given reads its NEXTROUND_* variable."""

    data_dir: Path = field(
        default_factory=FromEnv("data_dir", "path", default_data_dir),
        metadata={"help": "folder for the database, model cache and exports"},
    )
    database_url: str = field(
        default_factory=FromEnv("database_url", "text", str),
        metadata={"help": "any SQLAlchemy URL; default: SQLite in the data folder"},
    )
    half_life_days: int = field(
        default_factory=FromEnv("half_life_days", "int", lambda: 365),
        metadata={"help": "evidence loses half its weight after this many days"},
    )
    story_budget_seconds: int = field(
        default_factory=FromEnv("story_budget_seconds", "int", lambda: 120),
        metadata={"help": "speaking-time budget for a story, in seconds"},
    )
    model_cache: Path | None = field(
        default_factory=FromEnv("model_cache", "path", lambda: None),
        metadata={"help": "folder for the exported model (default: models/ in the data folder)"},
    )
    access_token: str = field(
        default_factory=FromEnv("access_token", "text", str),
        metadata={"help": "token the web app requires on a non-loopback bind"},
    )
    date_order: DayOrder | None = field(
        default_factory=FromEnv("date_order", "day_order", lambda: None),
        metadata={
            "help": "how you write a date such as 10/05/2026: month-first (US) or day-first "
            "(UK, Europe); unset, such a date is taken only when it can be read one way"
        },
    )
    upload_limit_bytes: int = field(
        default_factory=FromEnv("upload_limit_bytes", "int", lambda: 5 * 1024 * 1024),
        metadata={"help": "largest file the web app accepts"},
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
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``environ`` (default: the process environment); overrides win.

        An explicit ``environ`` is the whole environment: a variable it lacks takes the
        built-in default, not the process's value.
        """
        given = {k: v for k, v in overrides.items() if v is not None}
        if environ is None:
            return cls(**given)  # type: ignore[arg-type]
        values = {spec.name: _default(spec)(environ) for spec in fields(cls)}
        return cls(**(values | given))


def _default(spec: Field[Any]) -> FromEnv:
    default = spec.default_factory
    assert isinstance(default, FromEnv), f"setting {spec.name} lacks its environment default"
    return default


def database_url(given: str) -> str:
    """A database URL from what the user typed: a URL as it is, a file path as SQLite."""
    if not given or "://" in given:
        return given
    return f"sqlite:///{Path(given).expanduser().resolve()}"


def _parse(name: str, kind: str, raw: str) -> object:
    if kind == "int":
        try:
            value = int(raw)
        except ValueError:
            raise InvalidInputError(
                f"{ENV_PREFIX}{name.upper()}={raw!r} is not a whole number"
            ) from None
        if value <= 0:
            raise InvalidInputError(f"{ENV_PREFIX}{name.upper()} must be positive, not {value}")
        return value
    if kind == "path":
        return Path(raw).expanduser()
    if kind == "day_order":
        typed = raw.strip().lower().replace("-", "_").replace(" ", "_")
        for order in DayOrder:
            if typed == order.value:
                return order
        raise InvalidInputError(
            f"{ENV_PREFIX}{name.upper()}={raw!r} is not a date order; set it to month-first "
            "(10/05/2026 is October 5) or day-first (10/05/2026 is 10 May)"
        )
    return raw


def date_order(environ: Mapping[str, str] | None = None) -> DayOrder | None:
    """The order the user writes dates in (NEXTROUND_DATE_ORDER), None when not set.

    Read alone, not through Settings: every date option reads it, and building the whole
    Settings would look up the data folder for nothing.
    """
    order = _default(next(f for f in fields(Settings) if f.name == "date_order"))(environ)
    assert order is None or isinstance(order, DayOrder)
    return order


#: The variable that sets the evidence half-life, named wherever the half-life is printed.
HALF_LIFE_VARIABLE = ENV_PREFIX + "HALF_LIFE_DAYS"


def describe() -> list[tuple[str, str]]:
    """(environment variable, help) for every setting, for the CLI's help text."""
    return [
        (ENV_PREFIX + f.name.upper(), str(f.metadata.get("help", ""))) for f in fields(Settings)
    ]
