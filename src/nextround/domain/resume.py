"""The person's resume: roles and their highlights, and the highlights that could become stories.

A resume is the person's own claim about their past. It never counts as evidence in the
profile: its highlights only suggest stories to write, and a story is what gets checked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from nextround.domain import values
from nextround.domain.competency import CompetencyMatch
from nextround.errors import DomainError

if TYPE_CHECKING:
    from nextround.domain.stories import CoverageMatrix

# The story checks and the evidence rules are imported where they are used: the tables
# import this module for ResumeKind, and every command imports the tables.

#: Limits on what one resume may hold: far above any real resume, low enough that a file
#: which is not one (a book, a log) is refused rather than stored as thousands of "roles".
MAX_ROLES = 200
#: A highlight none of whose suggestions stands out: no competency is named for it.
UNCLEAR = "competency unclear"
#: A highlight's best suggestion is offered as a hint from this confidence: about twice
#: chance among the 16 or more competencies the mapper shares confidence with (see
#: MapperSettings.breadth); below it the best guess hardly stands out from the others.
HINT_MIN_CONFIDENCE = 0.12
#: Other suggestions join the best one as hints from this share of its confidence.
HINT_NEAR_BEST = 0.75
MAX_HIGHLIGHTS = 2_000
HIGHLIGHT_MAX = 2_000


class ResumeKind(StrEnum):
    """The file a resume was read from; it says how much of its structure could be trusted."""

    JSON_RESUME = "json_resume"
    MARKDOWN = "markdown"
    DOCX = "docx"
    PDF = "pdf"

    @property
    def label(self) -> str:
        """As people call the format."""
        return {
            "json_resume": "JSON Resume",
            "markdown": "Markdown",
            "docx": "Word (DOCX)",
            "pdf": "PDF",
        }[self.value]


@dataclass(eq=False)
class Highlight:
    """One bullet point of a role, as written, with the competencies it was mapped to."""

    text: str
    position: int = 0
    # What the mapper suggested; a resume's claims are never confirmed as evidence.
    suggestions: list[CompetencyMatch] = field(default_factory=list)
    # The story written from it, once there is one (kept when the story is deleted: NULL).
    story_id: int | None = None
    role_id: int | None = None
    id: int | None = None

    @property
    def numbers(self) -> list[str]:
        """The numbers it gives (years left out)."""
        from nextround.domain.story_wording import measured

        return measured(self.text)[0]

    @property
    def is_seed(self) -> bool:
        """Whether it reports a result worth a STAR story: a number, or a change it made."""
        from nextround.domain.story_wording import measured

        numbers, outcome = measured(self.text)
        return bool(numbers) or outcome

    @property
    def likely(self) -> list[str]:
        """The competencies it likely shows: those as likely as feedback needs to be pre-chosen.

        Below that bar a suggestion is more often wrong than right, so none is named (the
        highlight's competency is unclear) rather than the best of poor guesses.
        """
        from nextround.domain.statements import confident_pick

        return confident_pick(self.suggestions)

    @property
    def might_show(self) -> list[CompetencyMatch]:
        """When none is likely: the best suggestions that stand out from chance, best first.

        A highlight only points at a story to write, and an achievement line packs several
        acts, so its best guesses rarely reach the bar feedback needs. Shown with their
        confidence ("may show Risk management (23%)"), they are hints to check, where
        "competency unclear" hid a sound reading of most lines. Those close to the best
        come too: an incident response shows risk management and problem solving alike.
        """
        if self.likely or not self.suggestions:
            return []
        ranked = sorted(self.suggestions, key=lambda m: -m.confidence)
        bar = max(HINT_MIN_CONFIDENCE, HINT_NEAR_BEST * ranked[0].confidence)
        return [m for m in ranked if m.confidence >= bar]

    def reading(self, names: Mapping[str, str]) -> str:
        """What it shows, in words: 'likely shows A, B', 'may show A (29%)' or unclear."""
        from nextround.domain.statements import shown_share

        if self.likely:
            return "likely shows " + ", ".join(names.get(c, c) for c in self.likely)
        hints = self.might_show
        if not hints:
            return UNCLEAR
        return "may show " + ", ".join(
            f"{names.get(m.competency_id, m.competency_id)} ({shown_share(m.confidence)})"
            for m in hints
        )

    @property
    def candidates(self) -> list[str]:
        """What it may show: the likely competencies, else the hints."""
        return self.likely or [m.competency_id for m in self.might_show]


@dataclass(eq=False)
class ResumeRole:
    """A job (or volunteer position) on the resume."""

    #: The role's heading as written, kept even when company and title were told apart.
    heading: str
    company: str | None = None
    title: str | None = None
    #: Dates as the resume gives them ("2021-03", "Mar 2021", "Present"): not guessed further.
    start: str | None = None
    end: str | None = None
    summary: str | None = None
    position: int = 0
    highlights: list[Highlight] = field(default_factory=list)
    resume_id: int | None = None
    id: int | None = None

    @property
    def label(self) -> str:
        """'Title, Company', or the heading as written when they were not told apart."""
        if self.title and self.company:
            return f"{self.title}, {self.company}"
        return self.company or self.title or self.heading

    @property
    def heading_says_more(self) -> bool:
        """Whether the heading as written holds words its label and dates leave out.

        Shown then, so nothing read from the file is hidden: a town, a team, or a line the
        reading took for part of the heading.
        """
        if not (self.title or self.company):
            return False  # the label is the heading itself
        rest = self.heading
        for part in (self.title, self.company, self.start, self.end):
            if part:
                rest = rest.replace(part, " ", 1)
        return any(ch.isalnum() for ch in rest)

    @property
    def dates(self) -> str:
        """'2021-03 – Present', or '' when the resume gives none."""
        if self.start and self.end:
            return f"{self.start} – {self.end}"
        return self.start or self.end or ""


@dataclass(eq=False)
class Resume:
    """A resume as read from one file; at most one is kept, a new import replaces it."""

    file_name: str
    kind: ResumeKind
    name: str | None = None
    label: str | None = None
    summary: str | None = None
    skills: list[str] = field(default_factory=list)
    education: list[str] = field(default_factory=list)
    #: Text whose structure could not be recovered, kept as written rather than guessed at.
    unread: str | None = None
    #: What the reading could not do, in words for the person (shown with the resume).
    notices: list[str] = field(default_factory=list)
    #: The framework and mapper the highlights were mapped with.
    framework_id: str | None = None
    mapper: str | None = None
    roles: list[ResumeRole] = field(default_factory=list)
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def highlights(self) -> list[Highlight]:
        """Every highlight, role by role."""
        return [h for role in self.roles for h in role.highlights]

    def check(self) -> None:
        """Raise DomainError unless the resume is storable; positions are numbered here."""
        self.file_name = values.name(self.file_name, "file name")
        self.name = _line(self.name, "name")
        self.label = _line(self.label, "headline")
        self.summary = values.text(self.summary, "summary")
        self.unread = values.text(self.unread, "text kept as written")
        self.skills = [s for s in (_line(v, "skill", 500) for v in self.skills) if s]
        self.education = [e for e in (_line(v, "education", 500) for v in self.education) if e]
        if len(self.roles) > MAX_ROLES:
            raise DomainError(f"the resume has {len(self.roles)} roles; at most {MAX_ROLES}")
        if len(self.highlights) > MAX_HIGHLIGHTS:
            raise DomainError(
                f"the resume has {len(self.highlights)} bullet points; at most {MAX_HIGHLIGHTS}"
            )
        for number, role in enumerate(self.roles, start=1):
            role.position = number
            role.heading = values.text(role.heading, "role heading", required=True) or ""
            role.company = _line(role.company, "company")
            role.title = _line(role.title, "job title")
            role.start = _line(role.start, "start date", 40)
            role.end = _line(role.end, "end date", 40)
            role.summary = values.text(role.summary, "role summary")
            kept = []
            for highlight in role.highlights:
                text = values.text(highlight.text, "highlight", limit=HIGHLIGHT_MAX)
                if text:
                    highlight.text = text
                    kept.append(highlight)
            role.highlights = kept
            for place, highlight in enumerate(kept, start=1):
                highlight.position = place
        if not self.roles and not self.unread and not self.summary:
            raise DomainError("the resume holds no roles and no text")


def _line(value: str | None, field: str, limit: int = values.NAME_MAX) -> str | None:
    """One line of text, its inner runs of white space made single; None when empty."""
    if value is None:
        return None
    flat = " ".join(value.split())
    if len(flat) > limit:
        # A resume's headline or skill over the limit is cut, not refused: it is a claim
        # to show, and refusing a whole resume for one long line helps no one.
        flat = flat[: limit - 1].rstrip() + "…"
    return values.text(flat, field, limit=limit)


@dataclass(frozen=True)
class StorySeed:
    """A highlight that could become a STAR story, and the spikes or gaps it would cover."""

    highlight: Highlight
    role: ResumeRole
    #: Spikes and gaps with fewer stories than they need that this highlight likely shows
    #: (a hint below the bar covers nothing: "would cover" is a promise).
    covers: tuple[str, ...]


def story_seeds(resume: Resume, matrix: CoverageMatrix) -> list[StorySeed]:
    """Highlights with a number or a result and no story yet.

    Those that would cover a spike or gap short of stories come first, then the rest in
    resume order.
    """
    short = [r.competency_id for r in matrix.short]
    seeds = [
        StorySeed(h, role, tuple(c for c in short if c in h.likely))
        for role in resume.roles
        for h in role.highlights
        if h.story_id is None and h.is_seed
    ]
    return sorted(seeds, key=lambda s: not s.covers)


def unmatched_targets(seeds: Sequence[StorySeed], matrix: CoverageMatrix) -> list[str]:
    """The spikes and gaps short of stories that no highlight seems to show."""
    covered = {c for s in seeds for c in s.covers}
    return [r.competency_id for r in matrix.short if r.competency_id not in covered]


def story_draft(highlight: Highlight, role: ResumeRole) -> dict[str, str]:
    """A story pre-filled from a highlight: the role as situation, the highlight as action.

    Both as written. Task and result stay empty for the person to tell: a bullet point is a
    claim, and splitting it into what was asked and what changed would be invention.
    """
    dates = f" ({role.dates})" if role.dates else ""
    if role.company and role.title:
        situation = f"At {role.company}, as {role.title}{dates}."
    else:
        situation = f"{role.label}{dates}."
    title = highlight.text if len(highlight.text) <= 80 else highlight.text[:79].rstrip() + "…"
    return {
        "title": " ".join(title.split()),
        "situation": situation,
        "action": highlight.text,
    }
