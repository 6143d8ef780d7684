"""Importing a framework file sent through the web app: all of it, or nothing."""

from __future__ import annotations

from nextround.errors import DomainError
from nextround.frameworks.files import BUILTIN_ID, FrameworkFile, read_framework_bytes
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
    framework = read.framework
    if framework.id == BUILTIN_ID:
        raise DomainError(f"{BUILTIN_ID!r} is the built-in framework's id; give yours another id")
    if uow.frameworks.exists(framework.id) and not replace:
        raise DomainError(
            f"a framework with id {framework.id!r} is already imported; tick “Replace” to "
            "overwrite it, or give this one another id"
        )
    import_framework(uow, framework, replace=replace, use=use)
    return read
