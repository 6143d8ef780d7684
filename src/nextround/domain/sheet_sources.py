"""A spreadsheet's Source cell as a channel: a job board by its name, anything unknown as other."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nextround.domain.choice_words import read_choice, synonyms_for
from nextround.domain.journey import Source
from nextround.domain.near_miss import word_key
from nextround.errors import InvalidInputError


@dataclass(frozen=True)
class SourceReading:
    """The channel a cell names, and the name to keep in the notes ("Indeed"), if any."""

    source: Source
    #: The cell as written, kept as "via Indeed" when the channel alone would lose it.
    named: str | None = None

    @property
    def mapped(self) -> bool:
        """Whether the cell was a name read as a channel rather than the channel itself."""
        return self.named is not None

    @property
    def via(self) -> str | None:
        """'via Indeed', for the notes; None when the channel says it all."""
        return f"via {self.named}" if self.source in _NAMED_IN_NOTES and self.named else None


#: A name that says it lists jobs: "...jobs", "...job", "...joblink", "...jobbank", "jobs.…".
#: A job fair or a job club is an event, not a board: those stay other.
_JOB_SITE = re.compile(r"(jobs?(_?link|_?bank)?$|^jobs?\.)")

#: The channels whose name says too little on its own: which board, which other channel.
_NAMED_IN_NOTES = frozenset({Source.JOB_BOARD, Source.OTHER})


def sheet_source(cell: str) -> SourceReading:
    """The channel of ``cell``, never refused: a sheet is not a prompt that can ask again.

    A choice as `app add --source` takes it is itself; a name that can only mean one
    choice (Indeed, Gradcracker: a job board; "company website": the careers page) is that
    choice; anything else (Xing, a meetup) is other. A board's or other channel's name
    goes to the notes, as `app add` asks for it ("--notes 'via Xing'").
    """
    text = cell.strip()
    try:
        return SourceReading(read_choice(Source, text, "source"))
    except InvalidInputError:
        pass
    key = word_key(text)
    meant = synonyms_for(Source).get(key)
    if meant is None and _JOB_SITE.search(key):
        # A state's or a sector's job bank named for what it lists (OhioMeansJobs, CalJOBS,
        # IllinoisJobLink, jobs.ac.uk, CharityJob): no list of boards can name them all.
        meant = Source.JOB_BOARD.value
    return SourceReading(Source(meant) if meant else Source.OTHER, text)
