"""Feedback pasted as HTML ("<br>", "<ul><li>", "&mdash;") read as the text it shows.

The splitter reads it this way, and every place that shows the feedback (its page, the
timeline, the command line, the reports) shows it this way: the paste itself is kept as
entered, so a backup gives it back unchanged, and its markup is never rendered as HTML.

A mail client's "show original" or a copy out of a web form gives markup, not text:
"<ul>" would be a statement of its own and "&mdash;" a sentence cut at its ";". The
splitter reads what the markup displays instead: block tags and "<br>" end a line, "<li>"
opens a bullet, inline tags go, entities are decoded, and script or style content is no
text at all. Every character read keeps where it came from in the paste, so statements
still point into the text as stored, which stays as it was entered.

Plain text is left alone: only a known HTML tag or a real entity makes a text read as
HTML, so "latency < 100ms" or "Jane <jane@example.com>" stays as typed.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from html.parser import HTMLParser

# What a line or a paragraph break: the tags that break the flow of text when shown.
_LINE_TAGS = frozenset({"br", "li", "tr", "div", "dt", "dd", "section", "article", "header"})
_PARAGRAPH_TAGS = frozenset(
    {"p", "ul", "ol", "dl", "table", "blockquote", "pre", "hr"} | {f"h{n}" for n in range(1, 7)}
)
# Tags whose content is never shown as text.
_HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript"})
# Inline tags that only style their text: dropped, their text kept.
_INLINE_TAGS = frozenset(
    {
        "b",
        "i",
        "u",
        "s",
        "em",
        "strong",
        "span",
        "a",
        "font",
        "small",
        "big",
        "sub",
        "sup",
        "mark",
        "code",
        "tt",
        "del",
        "ins",
        "abbr",
        "cite",
        "q",
        "img",
        "wbr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "html",
        "body",
        "meta",
        "link",
        "o:p",
        "center",
        "label",
    }
)
_REFERENCE = re.compile(r"&#?\w+;?")
_KNOWN_TAGS = _LINE_TAGS | _PARAGRAPH_TAGS | _HIDDEN_TAGS | _INLINE_TAGS


@cache
def _looks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(sorted((re.escape(t) for t in _KNOWN_TAGS), key=len, reverse=True))
    tag = re.compile(rf"</?(?:{names})(?:\s[^<>]*)?/?>", re.IGNORECASE)
    entity = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
    return tag, entity


def looks_like_html(text: str) -> bool:
    """Whether a paste holds an HTML tag or a real entity, rather than plain text."""
    if "<" not in text and "&" not in text:
        return False
    tag, entity = _looks()
    if tag.search(text):
        return True
    return any(html.unescape(m.group(0)) != m.group(0) for m in entity.finditer(text))


@dataclass(frozen=True)
class ReadableText:
    """The text a paste shows, each character knowing the stretch of the paste it came from.

    ``text[i]`` was read from ``source[starts[i]:ends[i]]``.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    source_length: int

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The stretch of the paste that ``text[start:end]`` was read from."""
        if start >= end or not self.text:
            at = self.starts[start] if start < len(self.starts) else self.source_length
            return at, at
        return self.starts[start], self.ends[end - 1]

    def from_source(self, start: int, end: int) -> tuple[int, int]:
        """The stretch of ``text`` read from ``source[start:end]``."""
        return bisect_left(self.ends, start + 1), bisect_left(self.starts, end)


class _Reader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.hidden = 0
        self.breaks = 0  # line breaks the markup asks for before the next text
        self.break_at = 0
        self.bullet = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _emit(self, text: str, start: int, end: int) -> None:
        self.chars.extend(text)
        self.starts.extend([start] * len(text))
        self.ends.extend([end] * len(text))

    def _trailing_lines(self) -> int:
        """The line breaks the text read so far ends with (typed ones between tags)."""
        lines = 0
        for char in reversed(self.chars):
            if char == "\n":
                lines += 1
            elif not char.isspace():
                break
        return lines

    def _ask_break(self, lines: int) -> None:
        if not self.breaks:
            self.break_at = self._offset()
        self.breaks = min(2, max(self.breaks, lines) if lines == 2 else self.breaks + lines)

    def _text(self, text: str, start: int, end: int) -> None:
        if self.hidden or not text:
            return
        if self.breaks or self.bullet:
            stripped = text.lstrip()
            if not stripped:
                return  # the white space between tags: the markup decides the breaks
            raw_lines = text[: len(text) - len(stripped)].count("\n")
            if self.chars:
                lines = max(self.breaks, min(raw_lines, 2)) - self._trailing_lines()
                self._emit("\n" * max(0, lines), self.break_at, self.break_at)
            if self.bullet:
                self._emit("- ", start, start)
            start += len(text) - len(stripped)
            text = stripped
            self.breaks, self.bullet = 0, False
        if len(text) == end - start:
            for i, char in enumerate(text):
                self._emit(char, start + i, start + i + 1)
        else:
            self._emit(text, start, end)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, opening=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HIDDEN_TAGS:
            self._tag(tag, opening=True)

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, opening=False)

    def _tag(self, tag: str, *, opening: bool) -> None:
        if tag not in _KNOWN_TAGS:
            self._unknown()
        elif tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden + (1 if opening else -1))
        elif tag in _PARAGRAPH_TAGS:
            self._ask_break(2)
        elif tag in _LINE_TAGS:
            if tag != "li" or opening:
                self._ask_break(1)
            self.bullet = self.bullet or (tag == "li" and opening)

    def _unknown(self) -> None:
        # "<jane@example.com>" or "<Kevin>": no HTML, shown as typed.
        start = self._offset()
        end = self.source.find(">", start) + 1 or len(self.source)
        self._text(self.source[start:end], start, end)

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self._text(data, start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def _reference(self) -> None:
        start = self._offset()
        match = _REFERENCE.match(self.source, start)
        end = match.end() if match else start + 1
        self._text(html.unescape(self.source[start:end]).replace("\xa0", " "), start, end)

    def handle_comment(self, data: str) -> None:
        return  # "<!-- ... -->" and conditional comments show nothing

    def handle_decl(self, decl: str) -> None:
        return

    def handle_pi(self, data: str) -> None:
        return


@lru_cache(maxsize=64)
def readable_text(source: str) -> ReadableText | None:
    """What an HTML paste shows as text, with where each character came from.

    None when the paste does not look like HTML: it is read as it is. Cached, as a page
    reads the same feedback for its text, its excerpt and its statements' sentences.
    """
    if not looks_like_html(source):
        return None
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    return ReadableText(
        "".join(reader.chars), tuple(reader.starts), tuple(reader.ends), len(source)
    )


def shown_text(source: str) -> str:
    """A feedback as it reads: an HTML paste as the text it shows, anything else as typed."""
    shown = readable_text(source)
    return source if shown is None else shown.text


def shown_offset(source: str, offset: int) -> int:
    """Where ``source[offset]`` is in `shown_text` of it (its first statement's start, say)."""
    shown = readable_text(source)
    return offset if shown is None else shown.from_source(offset, offset)[0]
