"""The user's files: reading one they named, with a clear line per problem; private copies."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from nextround.errors import InvalidInputError, MissingFileError


def read_limited(path: Path, max_bytes: int, too_big: Callable[[int], str]) -> bytes:
    """The file's bytes; a missing file, a folder or one over ``max_bytes`` is refused.

    The size is checked before reading, so a huge file is refused without loading it;
    ``too_big`` words the refusal from the size found.
    """
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError
        if size > max_bytes:
            raise InvalidInputError(too_big(size))
        return path.read_bytes()
    except FileNotFoundError:
        raise MissingFileError(path) from None
    except IsADirectoryError:
        raise InvalidInputError(f"{path} is a folder, not a file") from None
    except OSError as exc:
        raise InvalidInputError(f"cannot read {path}: {exc.strerror or exc}") from None


def private_folder(folder: Path) -> Path:
    """``folder``, created (with its parents) for its owner only when it is missing.

    For nextround's own folders of copies of the user's data (backups): the database
    file and every export are readable by their owner only, and so are these.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def write_private_new(target: Path, data: bytes) -> None:
    """Write a new file readable by its owner only, synced to disk; FileExistsError if there.

    The mode is given when the file is created, so no other user can open it in between.
    """
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        target.unlink(missing_ok=True)
        raise
