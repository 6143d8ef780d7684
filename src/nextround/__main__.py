"""Allow ``python -m nextround``."""

from nextround.cli import main

main()
