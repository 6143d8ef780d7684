"""The lines a copied chat or LinkedIn message carries around its words: name, headline, time.

Copied from LinkedIn, a message comes with "Tomas Berg • 1st", the sender's headline
("Head of Platform at Stackwise") and "Sent 3:14 PM"; from a chat app, "Dana Ruiz 10:42".
They say who wrote and when, not what they think of the person.
"""

from __future__ import annotations

import re
from functools import cache

from nextround.analysis.pasted_mail import Aside
from nextround.analysis.polarity_lexicon import word_set

MESSAGE_HEADER = "message header"

# Words a job headline is built around ("Head of Platform", "Senior Technical Recruiter").
_JOB_WORDS = word_set("""
    head lead director manager recruiter partner engineer officer chief president vp svp evp
    founder cofounder co-founder owner designer analyst consultant specialist coordinator
    architect principal scientist researcher advisor adviser coach mentor ceo cto cfo coo cpo
    cmo ciso administrator associate executive sourcer developer programmer strategist
    editor writer producer teacher professor lecturer nurse doctor accountant attorney
    counsel paralegal talent
    """)
_JOINERS = word_set("of and & for the at in to de la van von der @ a an | -")


class _Patterns:
    def __init__(self) -> None:
        # "Tomas Berg • 1st", "Tomas Berg (He/Him) · 2nd degree connection"
        self.degree = re.compile(
            r"[^\n.!?]{2,80}?\s[•·]\s*(?:1st|2nd|3rd\+?)(?:\s+degree)?(?:\s+connection)?\b"
            r"[^\n.!?]{0,80}$",
            re.IGNORECASE,
        )
        time = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?"
        day = r"(?:today|yesterday|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)"
        # "Sent 3:14 PM", "Seen at 10:02", "Yesterday 3:14 PM", "Sent on Mon, 3:14 PM".
        self.sent = re.compile(
            rf"(?:(?:sent|seen|delivered|read|received|edited|replied)\b\.?\s*)?"
            rf"(?:(?:at|on)\s+)?(?:{day},?\s*)?(?:at\s+)?{time}$|"
            rf"(?:sent|seen|delivered|today|yesterday)\.?$",
            re.IGNORECASE,
        )
        # "Tomas Berg 3:14 PM", "Tomas Berg sent the following message at 3:14 PM"
        self.name_time = re.compile(
            rf"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})\s+"
            rf"(?i:(?:sent the following messages? )?(?:at\s+)?(?:{day},?\s*)?{time})$"
        )


@cache
def _re() -> _Patterns:
    return _Patterns()


def is_headline(line: str) -> bool:
    """Whether a line is a profile headline: "Head of Platform at Stackwise".

    Title-case words around a job word, then "at", "@", "," or "|" and a name; no verb,
    no sentence punctuation. "Great at stakeholder management" has no job word and lower-
    case words, and stays feedback.
    """
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?;:" or len(stripped.split()) > 12:
        return False
    parts = re.split(r"\s+(?:at|@)\s+|\s*[,|]\s+", stripped, maxsplit=1)
    if len(parts) != 2 or not parts[1]:
        return False
    role = [w.strip("()") for w in parts[0].split()]
    if not any(w.lower().rstrip("s") in _JOB_WORDS for w in role):
        return False
    words = [w.strip("(),") for w in stripped.split() if w.strip("(),")]
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _JOINERS for w in words)


def chrome_asides(text: str) -> list[Aside]:
    """The message-header lines of a copied message: name with degree, headline, time sent.

    A headline counts only next to another header line (a name with its degree, the time
    sent): alone in a text it could be a note.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    kinds: list[str | None] = []
    for start, end in spans:
        line = text[start:end].strip()
        if not line:
            kinds.append(None)
        elif _re().degree.match(line) and len(line.split()) <= 16:
            kinds.append("name")
        elif _re().sent.match(line) or _re().name_time.match(line):
            kinds.append("time")
        elif is_headline(line):
            kinds.append("headline")
        else:
            kinds.append(None)
    asides = []
    for index, kind in enumerate(kinds):
        if kind is None:
            continue
        if kind == "headline" and not _next_to_header(kinds, index):
            continue
        start, end = spans[index]
        asides.append(Aside(start, end, MESSAGE_HEADER))
    return asides


def _next_to_header(kinds: list[str | None], index: int) -> bool:
    near = [kinds[i] for i in (index - 1, index + 1) if 0 <= i < len(kinds)]
    return any(k in ("name", "time") for k in near)
