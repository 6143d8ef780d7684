"""nextround: turn every interview process, above all every "no", into measured growth."""

__version__ = "0.1.0"
