"""Naming a file that is no text by its first bytes."""

from __future__ import annotations

import pytest

from nextround.io.file_kinds import binary_kind


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00", "a PNG image"),
        (b"\xff\xd8\xff\xe0", "a JPEG image"),
        (b"%PDF-1.7\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive (such as a Word .docx file)"),
        (b"SQLite format 3\x00\x10", "a SQLite database"),
        (b"\xff\xfe{}", None),
        (b"", None),
    ],
)
def test_binary_kind_names_common_files(raw: bytes, kind: str | None) -> None:
    assert binary_kind(raw) == kind
