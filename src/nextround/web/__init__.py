"""The local web app: server-rendered pages over the same services as the CLI."""

from nextround.web.app import create_app

__all__ = ["create_app"]
