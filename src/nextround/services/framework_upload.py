"""Importing a framework file sent through the web app: all of it, or nothing."""

from __future__ import annotations

from nextround.frameworks.files import FrameworkFile, read_framework_bytes
from nextround.services.frameworks import import_framework
from nextround.services.ports import GrowthUnitOfWork


def import_uploaded_framework(
    uow: GrowthUnitOfWork,
    raw: bytes,
    filename: str,
    *,
    framework_id: str | None = None,
    name: str | None = None,
    replace: bool = False,
    use: bool = False,
) -> FrameworkFile:
    """Read, check and store an uploaded framework; a bad file changes nothing."""
    read = read_framework_bytes(raw, filename, framework_id, name)
    import_framework(uow, read.framework, replace=replace, use=use)
    return read
