"""Files the CLI writes: whole or not at all, and never over a file the person did not give up."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from nextround.cli.data import write_output


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_new_file_is_written_whole_and_no_temporary_file_stays(tmp_path: Path) -> None:
    target = tmp_path / "note.eml"
    write_output(b"new", target, overwrite=False)
    assert target.read_bytes() == b"new"
    assert _left(tmp_path) == ["note.eml"]


def test_an_existing_file_is_kept_unless_overwriting(tmp_path: Path) -> None:
    target = tmp_path / "note.eml"
    target.write_bytes(b"mine")
    with pytest.raises(FileExistsError):
        write_output(b"new", target, overwrite=False)
    assert target.read_bytes() == b"mine" and _left(tmp_path) == ["note.eml"]
    write_output(b"new", target, overwrite=True)
    assert target.read_bytes() == b"new" and _left(tmp_path) == ["note.eml"]


def test_without_hard_links_an_existing_file_is_still_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FAT and some network shares have no hard links: the check falls back to looking first.
    def no_links(src: str, dst: str) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    fresh, taken = tmp_path / "fresh.eml", tmp_path / "taken.eml"
    taken.write_bytes(b"mine")
    write_output(b"new", fresh, overwrite=False)
    with pytest.raises(FileExistsError):
        write_output(b"new", taken, overwrite=False)
    assert fresh.read_bytes() == b"new" and taken.read_bytes() == b"mine"
    assert _left(tmp_path) == ["fresh.eml", "taken.eml"]


@pytest.mark.parametrize("overwrite", [True, False])
def test_a_failed_write_leaves_no_half_file_and_the_old_one_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, overwrite: bool
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    old = tmp_path / "old.eml"
    old.write_bytes(b"mine")
    target = old if overwrite else tmp_path / "new.eml"
    with pytest.raises(OSError, match="No space left"):
        write_output(b"x" * 100_000, target, overwrite=overwrite)
    assert old.read_bytes() == b"mine"
    assert _left(tmp_path) == ["old.eml"]
