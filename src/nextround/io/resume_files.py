"""Reading a resume file: JSON Resume, Markdown, Word (DOCX) or PDF, each refused clearly."""

from __future__ import annotations

import io
import re
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from nextround.domain.resume import Resume, ResumeKind
from nextround.errors import DomainError, InvalidInputError
from nextround.io.resume_text import BOLD_LEVEL, Line, LineKind, structure
from nextround.io.user_files import read_limited

if TYPE_CHECKING:
    from collections.abc import Iterator

#: A resume file larger than this is refused before it is read: resumes are a few pages.
MAX_RESUME_BYTES = 10 * 1024 * 1024

_KINDS = {
    ".json": ResumeKind.JSON_RESUME,
    ".md": ResumeKind.MARKDOWN,
    ".markdown": ResumeKind.MARKDOWN,
    ".txt": ResumeKind.MARKDOWN,
    ".docx": ResumeKind.DOCX,
    ".pdf": ResumeKind.PDF,
}
SUPPORTED = ".json (JSON Resume), .md, .txt, .docx and .pdf"
_GLYPHS = "•●▪◦‣∙➢➤►✓✔■\uf0b7\uf0a7"
_BULLET_MARKS = "•●▪◦‣∙·➢➤►✓✔■□–—*-\uf0b7\uf0a7\uf076\uf0d8"


def kind_of(file_name: str) -> ResumeKind:
    """The format a file name says, or a clear refusal."""
    suffix = PurePath(file_name).suffix.lower()
    if suffix in _KINDS:
        return _KINDS[suffix]
    if suffix in {".doc", ".rtf", ".odt", ".pages"}:
        raise InvalidInputError(
            f"{file_name}: {suffix} files are not read; save the resume as Word (.docx) or "
            "PDF from your editor and import that"
        )
    what = f"the extension {suffix}" if suffix else "no extension"
    raise InvalidInputError(f"{file_name} has {what}; a resume can be read from {SUPPORTED}")


def read_resume_file(path: Path) -> Resume:
    """The resume in a file on disk."""
    raw = read_limited(
        path,
        MAX_RESUME_BYTES,
        lambda size: (
            f"{path} is {size / 1e6:.1f} MB; a resume file may be at most "
            f"{MAX_RESUME_BYTES // (1024 * 1024)} MB (a resume is a few pages: export it "
            "without embedded images)"
        ),
    )
    return read_resume(raw, path.name)


def read_resume(raw: bytes, file_name: str) -> Resume:
    """The resume in a file's bytes, read by the format its name says; checked, not stored."""
    kind = kind_of(file_name)
    if len(raw) > MAX_RESUME_BYTES:
        raise InvalidInputError(
            f"{file_name} is {len(raw) / 1e6:.1f} MB; a resume file may be at most "
            f"{MAX_RESUME_BYTES // (1024 * 1024)} MB"
        )
    if not raw.strip():
        raise InvalidInputError(f"{file_name} is empty")
    if kind is ResumeKind.JSON_RESUME:
        from nextround.io.json_resume import read_json_resume

        resume = read_json_resume(raw, file_name)
    else:
        lines = {
            ResumeKind.MARKDOWN: markdown_lines,
            ResumeKind.DOCX: docx_lines,
            ResumeKind.PDF: pdf_lines,
        }[kind](raw, file_name)
        resume = structure(lines, kind, file_name)
    try:
        resume.check()
    except DomainError as exc:
        raise InvalidInputError(f"{file_name}: {exc.message}") from None
    return resume


# -- Markdown ------------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(.*)$")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_=]\s*){3,}$")
_MD_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<text>[^*_].*?)\1\s*:?\s*$")


def _plain(text: str) -> str:
    """Inline Markdown taken off: links keep their words, emphasis and code marks go."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<!\w)([*_])(?!\s)(.+?)(?<!\s)\1(?!\w)", r"\2", text)
    text = text.replace("`", "")
    return " ".join(text.split())


def _decode_text(raw: bytes, file_name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInputError(
            f"{file_name} is not UTF-8 text; save it as UTF-8 (or as .docx or .pdf) and retry"
        ) from None


def markdown_lines(raw: bytes, file_name: str) -> list[Line]:
    """A Markdown (or plain text) resume's lines: headings, bullets and text."""
    text = _decode_text(raw, file_name)
    if "\x00" in text:
        raise InvalidInputError(f"{file_name} is not a text file")
    lines: list[Line] = []
    previous_blank = True
    for source in text.splitlines():
        stripped = source.strip()
        if not stripped:
            previous_blank = True
            continue
        heading = _MD_HEADING.match(source)
        bullet = _MD_BULLET.match(source)
        bold = _MD_BOLD_LINE.match(source)
        if _MD_RULE.match(source):
            # "Title\n=====" (or ---) under a line of text makes that line a heading.
            if lines and not previous_blank and lines[-1].kind is LineKind.TEXT:
                level = 1 if stripped.startswith("=") else 2
                lines[-1] = Line(LineKind.HEADING, lines[-1].text, level)
        elif heading:
            lines.append(Line(LineKind.HEADING, _plain(heading.group(2)), len(heading.group(1))))
        elif bullet and bullet.group(1).strip():
            lines.append(Line(LineKind.BULLET, _plain(bullet.group(1))))
        elif bold:
            lines.append(Line(LineKind.HEADING, _plain(bold.group("text")), BOLD_LEVEL))
        elif (
            lines
            and not previous_blank
            and lines[-1].kind is LineKind.BULLET
            and source[:1].isspace()
        ):
            # An indented line under a bullet point carries it on.
            lines[-1] = Line(LineKind.BULLET, f"{lines[-1].text} {_plain(stripped)}")
        elif stripped.startswith("|") and set(stripped) <= set("|-: "):
            pass  # a table's header rule
        elif stripped.startswith("|"):
            cells = [_plain(c) for c in stripped.strip("|").split("|")]
            lines.append(Line(LineKind.TEXT, " | ".join(c for c in cells if c)))
        else:
            lines.append(Line(LineKind.TEXT, _plain(stripped)))
        previous_blank = False
    return lines


# -- Word ----------------------------------------------------------------------------------------


def docx_lines(raw: bytes, file_name: str) -> list[Line]:
    """A Word resume's lines: Title and Heading styles, list paragraphs, bold lines, tables."""
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise InvalidInputError(
            f"{file_name} is not a Word document (.docx); open it in your editor and save it "
            "as Word Document (.docx), or export a PDF"
        ) from None
    lines: list[Line] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
                lines += _paragraph_lines(" | ".join(cells), None, False, False)
        else:
            style = (block.style.name if block.style is not None else "") or ""
            numbered = block._p.pPr is not None and block._p.pPr.numPr is not None
            runs = [r for r in block.runs if r.text.strip()]
            bold = bool(runs) and all(r.bold for r in runs)
            lines += _paragraph_lines(block.text, style, numbered, bold)
    return lines


def _paragraph_lines(text: str, style: str | None, numbered: bool, bold: bool) -> list[Line]:
    parts = [" ".join(p.split()) for p in text.splitlines() if p.strip()]
    if not parts:
        return []
    style = (style or "").lower()
    level = _heading_level(style)
    if level is not None:
        return [Line(LineKind.HEADING, " ".join(parts), level)]
    if numbered or "list" in style or parts[0][0] in _BULLET_MARKS:
        return [Line(LineKind.BULLET, _unmarked(" ".join(parts)))]
    if bold and len(parts) == 1 and len(parts[0].split()) <= 15:
        return [Line(LineKind.HEADING, parts[0].rstrip(":"), BOLD_LEVEL)]
    return [Line(LineKind.TEXT, p) for p in parts]


def _heading_level(style: str) -> int | None:
    if style == "title":
        return 1
    found = re.fullmatch(r"heading (\d)", style)
    return int(found.group(1)) + 1 if found else None


def _unmarked(text: str) -> str:
    return text.lstrip(_BULLET_MARKS + " \t")


# -- PDF -----------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?$", re.IGNORECASE)


def pdf_lines(raw: bytes, file_name: str) -> list[Line]:
    """A PDF resume's lines; bullet marks are the only structure a PDF's text keeps."""
    lines: list[Line] = []
    for text in _pdf_text(raw, file_name):
        stripped = " ".join(text.split())
        if not stripped or _PAGE_NUMBER.match(stripped):
            continue
        # A glyph is a bullet on its own; a dash or star only with a space after it.
        glyph = stripped[0] in _GLYPHS
        if glyph or (stripped[0] in _BULLET_MARKS and stripped[1:2] == " "):
            lines.append(Line(LineKind.BULLET, _unmarked(stripped)))
        else:
            lines.append(Line(LineKind.TEXT, stripped))
    return lines


def _pdf_text(raw: bytes, file_name: str) -> Iterator[str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if not raw.lstrip().startswith(b"%PDF"):
        raise InvalidInputError(f"{file_name} is not a PDF file (it does not start with %PDF)")
    locked = InvalidInputError(
        f"{file_name} is protected with a password, so its text cannot be read; save an "
        "unprotected copy (print it to PDF, or export it again without a password) and retry"
    )
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not _opened(reader):
            raise locked
        pages: list[Any] = list(reader.pages)
        texts = [_with_bullets_in_place(page) for page in pages]
    except (FileNotDecryptedError, DependencyError):
        raise locked from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise InvalidInputError(
            f"{file_name} is a damaged PDF whose text cannot be read; export it again from "
            "your editor"
        ) from None
    if sum(len(t.split()) for t in texts) < 20:
        raise InvalidInputError(
            f"{file_name} holds no text to read ({len(pages)} page{'s' * (len(pages) != 1)}, "
            "no words): it is most likely a scanned image; export the resume from your "
            "editor as a PDF with text, or as .docx or .md"
        )
    for text in texts:
        yield from text.splitlines()


def _with_bullets_in_place(page: Any) -> str:
    """A page's text with its bullet glyphs in front of the lines they mark.

    Some PDF writers (browsers, WeasyPrint) draw a list's bullets after all the text, so the
    text reads them as lines of their own at the end of the page, marking nothing. The
    layout text puts each glyph where it is drawn, before its line; a line it marks there is
    marked here too. Lines whose layout text differs (columns side by side) stay as they are.
    """
    text: str = page.extract_text() or ""
    lines = text.splitlines()
    if not any(_lone_glyph(line) for line in lines):
        return text
    try:
        laid_out: str = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # pypdf's layout mode is newer and less tried than its plain text
        return text
    marked = {
        _bare(stripped[1:])
        for stripped in (line.strip() for line in laid_out.splitlines())
        if stripped[:1] in _GLYPHS and _bare(stripped[1:])
    }
    if not marked:
        return text
    kept = [line for line in lines if not _lone_glyph(line)]
    return "\n".join(f"• {line}" if _bare(line) in marked else line for line in kept)


def _lone_glyph(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) == 1 and stripped in _GLYPHS


def _bare(text: str) -> str:
    """Text without its spaces: layout text spreads words that the plain text packs."""
    return "".join(text.split())


def _opened(reader: Any) -> bool:
    """Whether an encrypted PDF opens without a password (many are locked only for editing)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:
        return False
