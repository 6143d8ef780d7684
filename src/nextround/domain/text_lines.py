"""Lines of text as an editor shows them: split at LF, CRLF and CR only."""

from __future__ import annotations

import re

# str.splitlines() also breaks at form feeds (pdftotext puts one between pages), \x1c-\x1e,
# \x85 and U+2028/U+2029: characters that sit inside a line in any editor or in `wc -l`.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, without their line ends; a final line end starts no new line."""
    lines = _LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()
    return lines


def newline_ends(text: str) -> str:
    """``text`` with every CRLF and lone CR made LF, as the command line reads text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
