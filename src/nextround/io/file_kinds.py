"""What a file that is not text most likely is, told by its first bytes."""

from __future__ import annotations

#: Leading bytes of the files people most often pick by mistake, and what to call them.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (such as a Word .docx file)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc or .xls)"),
    (b"SQLite format 3\x00", "a SQLite database"),
)

#: The kinds that may be a resume, which has its own import.
RESUME_KINDS = frozenset({"a PDF document", "a ZIP archive (such as a Word .docx file)"})


def binary_kind(raw: bytes) -> str | None:
    """'a PNG image' for a PNG's bytes; None when the start is none of the known kinds."""
    head = raw.lstrip()[:16]
    return next((kind for magic, kind in _SIGNATURES if head.startswith(magic)), None)
