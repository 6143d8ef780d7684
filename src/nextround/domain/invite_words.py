"""What an invite's words say about an interview: its title, format, people and company."""

from __future__ import annotations

import re

from nextround.domain.journey import Interviewer, InterviewFormat
from nextround.domain.labels import words

#: Most telling first: "Technical case study" is a case, "Coding (technical)" coding.
_FORMAT_WORDS: tuple[tuple[InterviewFormat, tuple[str, ...]], ...] = (
    (InterviewFormat.SYSTEM_DESIGN, ("system design", "systems design", "architecture")),
    (
        InterviewFormat.CODING,
        ("coding", "pair programming", "pairing", "live code", "leetcode", "algorithm"),
    ),
    (InterviewFormat.GROUP_EXERCISE, ("group exercise", "group task", "group discussion")),
    (InterviewFormat.CASE, ("case study", "case interview", "case")),
    (InterviewFormat.PRESENTATION, ("presentation", "present", "portfolio review")),
    (InterviewFormat.PRACTICAL_EXERCISE, ("take-home", "take home", "exercise", "work sample")),
    (InterviewFormat.TECHNICAL, ("technical", "tech screen", "tech interview")),
    (
        InterviewFormat.BEHAVIOURAL,
        (
            "behavioural",
            "behavioral",
            "hiring manager",
            "culture",
            "values",
            "competency",
            "screen",
            "recruiter",
            "intro call",
        ),
    ),
)
#: What calendars put before an updated or cancelled event's summary.
_TITLE_PREFIX = re.compile(
    r"^\s*(updated invitation|invitation|canceled event|cancelled event|canceled|cancelled|"
    r"updated)\s*(with note)?\s*:\s*",
    re.IGNORECASE,
)
#: nextround's own calendar export names the people met ("With: Ada Park (CTO), Li Chen").
_WITH = re.compile(r"^With:\s*(.+)$", re.MULTILINE)
_PERSON = re.compile(r"^(.*?)(?:\s*\(([^()]*)\))?$")
#: nextround's own calendar export says the format outright ("Format: System design").
_FORMAT_LINE = re.compile(r"^\s*Format:\s*(.+?)\s*$", re.MULTILINE | re.IGNORECASE)


def guess_format(summary: str, description: str = "") -> tuple[InterviewFormat, str | None]:
    """The format the invite's words suggest, and the words that said so (None: not said).

    The summary speaks first: a description is boilerplate as often as not (video links,
    "please be on time").
    """
    line = _FORMAT_LINE.search(description)
    if line:
        said = line.group(1).strip().lower()
        for fmt in InterviewFormat:
            if said in {words(fmt).lower(), fmt.value}:
                return fmt, f"Format: {line.group(1).strip()}"
    for text in (summary, description):
        lowered = text.lower()
        for fmt, cues in _FORMAT_WORDS:
            for cue in cues:
                if re.search(rf"(?<![a-z]){re.escape(cue)}(?![a-z])", lowered):
                    return fmt, cue
    return InterviewFormat.BEHAVIOURAL, None


def company_key(name: str) -> str:
    """A company name as letters and digits, lower case: 'Acme, Inc.' -> 'acmeinc'."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


_SUFFIXES = ("inc", "ltd", "llc", "gmbh", "plc", "corp", "co", "ag", "sa", "bv")


def company_base(company: str) -> str:
    """The company's name without its legal form: 'Kornblum GmbH' -> 'Kornblum'."""
    return re.sub(rf"[\s,.]+({'|'.join(_SUFFIXES)})\.?$", "", company.strip(), flags=re.I)


def names_company(company: str, summary: str, domains: list[str]) -> bool:
    """Whether an invite names ``company``: in its summary, or as a sender's mail domain.

    'Interview with Acme' and 'jane@acme.io' both name Acme Inc.; a two-letter company
    name matches only as a whole word, never inside another.
    """
    base = company_base(company)
    if not base:
        return False
    if re.search(rf"(?<![0-9a-z]){re.escape(base.lower())}(?![0-9a-z])", summary.lower()):
        return True
    key = company_key(base)
    for domain in domains:
        labels = domain.lower().split(".")
        if len(labels) >= 2 and len(key) >= 3 and company_key(labels[-2]) == key:
            return True
    return False


#: What schedulers put between the parts of a title: "Acme | Case study", "Onsite – Acme".
_SEPARATOR = re.compile(r"(\s+[|–—-]\s+|\s*\|\s*|:\s+)")
#: Two sides of a meeting: "Tom Becker <> Jana Hoffmann", "Acme x Tom", "Tom / Jana".
_PAIR = re.compile(r"\s*(?:<>|<->|\s[xX/]\s)\s*")


def clean_title(summary: str, companies: list[str], own_names: list[str]) -> str:
    """An invite's summary as an interview's title: the company and your own name taken out.

    They are on the application and in your profile already; the title keeps what the
    interview is. "Tidewater Labs | Case study with CFO" -> "Case study with CFO";
    "Interview: Tom Becker <> Jana Hoffmann (Aurora)" -> "Interview with Jana Hoffmann";
    "Final interview - Presentation (Tom Becker)" -> "Final interview - Presentation".
    """
    known = {company_key(n) for n in [*companies, *map(company_base, companies)] if n.strip()}
    own = {company_key(n) for n in own_names if n.strip()}
    drop = known | own
    known.discard("")
    drop.discard("")

    def dropped(text: str) -> bool:
        return company_key(text) in drop

    title = re.sub(
        r"\s*\(([^()]*)\)",
        lambda m: "" if dropped(m.group(1)) else m.group(0),
        " ".join(summary.split()),
    ).strip()
    parts = _SEPARATOR.split(title)
    pieces = parts[::2]
    seps = parts[1::2]
    kept: list[tuple[str, str]] = []  # (separator before it, piece)
    for index, raw in enumerate(pieces):
        sep = seps[index - 1] if index else ""
        piece = raw.strip()
        sides = _PAIR.split(piece)
        if len(sides) > 1:
            others = [s.strip() for s in sides if s.strip() and not dropped(s)]
            if len(others) < len(sides):  # one side was you or the company: the other is met
                piece = " and ".join(others)
                if piece and kept and sep.strip() == ":":
                    last_sep, last = kept.pop()
                    piece = f"{last} with {piece}"
                    sep = last_sep
                elif piece:
                    piece = f"Interview with {piece}"
        for name in sorted(known, key=len, reverse=True):
            piece = _strip_company_words(piece, name)
        if piece and not dropped(piece):
            kept.append((sep if kept else "", piece))
    cleaned = "".join(sep + piece for sep, piece in kept).strip(" -–—|:")
    return cleaned or ""


def _strip_company_words(piece: str, key: str) -> str:
    """'Case study at Acme' -> 'Case study': a trailing 'with/at/@ company' is the company."""
    match = re.search(r"\s+(?:with|at|@|bei)\s+(.+)$", piece, flags=re.IGNORECASE)
    if match and company_key(match.group(1)) == key and match.start() > 0:
        return piece[: match.start()].strip()
    return piece


def invite_title(summary: str, company: str | list[str], own_names: list[str]) -> str:
    """The summary without 'Invitation:', the company (or companies) and your own name."""
    title = " ".join(_TITLE_PREFIX.sub("", summary).split())  # a title is one line
    companies = [company] if isinstance(company, str) else company
    return (clean_title(title, companies, own_names) or "Interview")[:200]


def exported_people(description: str) -> list[Interviewer]:
    """'With: Ada Park (Engineering Manager), Li Chen' as written by the calendar export."""
    line = _WITH.search(description)
    if line is None:
        return []
    out = []
    for part in line.group(1).split(", "):
        match = _PERSON.match(part.strip())
        if match and match.group(1).strip():
            out.append(Interviewer(name=match.group(1).strip(), title=match.group(2) or None))
    return out
