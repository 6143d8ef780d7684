"""Reading a file the user named, with one clear line for each way it can go wrong."""

from __future__ import annotations

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
