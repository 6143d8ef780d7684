"""Allow ``python -m nextround``."""

from nextround.cli import run

run()
