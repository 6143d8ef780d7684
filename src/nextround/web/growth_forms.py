"""The growth engine's forms: debriefs, competency verdicts on statements, and stories."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from starlette.datastructures import ImmutableMultiDict

from nextround.domain.competency import CompetencyMatch, Framework, Polarity
from nextround.domain.debrief import Debrief
from nextround.domain.statements import FeedbackStatement, nothing_fits
from nextround.domain.stories import Story
from nextround.services.debrief_entry import DebriefFields
from nextround.services.stories import StoryFields
from nextround.web.forms import ErrorRoutes, FormReader, values_of

DEBRIEF_ERRORS: ErrorRoutes = (
    ("overall", r"^overall\b"),
    ("went_well", r"^what went well\b"),
    ("went_badly", r"^what did not go well\b"),
    ("questions", r"^question\b|questions per debrief"),
)
STORY_ERRORS: ErrorRoutes = (
    ("title", r"^story title\b|needs a title"),
    ("situation", r"^situation\b"),
    ("task", r"^task\b"),
    ("action", r"^action\b"),
    ("result", r"^result\b"),
    ("competencies", r"competenc"),
)
STORY_TEXTS = ("title", "situation", "task", "action", "result")
RATINGS = ("1", "2", "3", "4", "5")
OVERALL_LABELS = {
    "1": "Badly",
    "2": "Not well",
    "3": "Mixed",
    "4": "Well",
    "5": "Very well",
}


# -- debriefs -------------------------------------------------------------------------------------


def rating_field(competency_id: str) -> str:
    """The form field of one competency's self-rating."""
    return f"rating-{competency_id}"


def read_debrief(form: FormReader, framework: Framework) -> DebriefFields:
    """The debrief fields; each self-rating is 1-5 or left out."""
    overall = form.raw("overall").strip()
    if overall not in RATINGS:
        form.fail("overall", "choose how it went overall, from 1 (badly) to 5 (very well)")
    ratings = {}
    for competency in framework.competencies:
        name = rating_field(competency.id)
        value = form.raw(name).strip()
        if not value:
            continue
        if value not in RATINGS:
            form.fail(name, f"rate {competency.name} from 1 to 5, or leave it unrated")
        else:
            ratings[competency.id] = int(value)
    return DebriefFields(
        overall=int(overall) if overall in RATINGS else 0,
        went_well=form.text("went_well"),
        went_badly=form.text("went_badly"),
        ratings=ratings,
        questions=form.lines("questions"),
    )


def debrief_values(debrief: Debrief | None) -> dict[str, str]:
    """A stored debrief as form values (a blank form when there is none)."""
    if debrief is None:
        return {}
    values = values_of(
        [
            ("overall", debrief.overall),
            ("went_well", debrief.went_well),
            ("went_badly", debrief.went_badly),
            ("questions", "\n".join(q.text for q in debrief.questions)),
        ]
    )
    values.update({rating_field(c): str(r) for c, r in debrief.ratings.items()})
    return values


# -- verdicts on statements -----------------------------------------------------------------------


@dataclass(frozen=True)
class Judgement:
    """One statement's competency picker: what is suggested, what is chosen, and any error.

    Field names start with ``prefix``, so several pickers can share one form.
    """

    prefix: str
    text: str
    suggestions: tuple[CompetencyMatch, ...]
    chosen: tuple[str, ...]
    polarity: str
    other: str = ""
    none: bool = False
    error: str | None = None
    cues: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def suggested(
        cls,
        prefix: str,
        text: str,
        suggestions: Sequence[CompetencyMatch],
        chosen: Sequence[str],
        polarity: Polarity,
        cues: Sequence[str] = (),
    ) -> Judgement:
        """The picker as the mapper filled it in.

        When nothing fitted at all, "About no competency" is ticked: the mapper's verdict, as
        Enter takes it in the command-line review (``nothing_fits``, the rule both use).
        """
        return cls(
            prefix,
            text,
            tuple(suggestions),
            tuple(chosen),
            polarity.value,
            none=nothing_fits(suggestions) and not chosen,
            cues=tuple(cues),
        )

    @classmethod
    def current(cls, statement: FeedbackStatement) -> Judgement:
        """The picker of a confirmed statement, as the user's verdict left it, to change it."""
        return cls(
            "",
            statement.text,
            tuple(statement.suggestions),
            tuple(statement.competencies),
            statement.polarity.value,
            none=statement.about_no_competency,
            cues=tuple(statement.cues),
        )

    def name(self, part: str) -> str:
        """A field name of this picker."""
        return f"{self.prefix}{part}"

    @property
    def offered(self) -> list[tuple[str, float | None]]:
        """Competencies to tick: the suggestions, then any chosen one not among them."""
        ids = [m.competency_id for m in self.suggestions]
        offered: list[tuple[str, float | None]] = [
            (m.competency_id, m.confidence) for m in self.suggestions
        ]
        return offered + [(c, None) for c in self.chosen if c not in ids]

    @property
    def competencies(self) -> list[str]:
        """The verdict: the ticked competencies and the one added, or none at all."""
        if self.none:
            return []
        picked = list(self.chosen)
        if self.other and self.other not in picked:
            picked.append(self.other)
        return picked

    def read(
        self, data: ImmutableMultiDict[str, Any], framework: Framework, *, need_pick: bool = True
    ) -> Judgement:
        """The picker as the user submitted it, checked against the framework.

        Without ``need_pick`` a picker left empty is fine: its statement waits for review.
        """
        known = {c.id for c in framework.competencies}
        chosen = tuple(v for v in data.getlist(self.name("competency")) if isinstance(v, str))
        other = str(data.get(self.name("other"), "") or "").strip()
        none = str(data.get(self.name("none"), "")) not in ("", "0", "off", "false")
        polarity = str(data.get(self.name("polarity"), "") or "").strip() or self.polarity
        error = None
        unknown = [c for c in (*chosen, other) if c and c not in known]
        if unknown:
            error = f"{unknown[0]!r} is not a competency of {framework.quoted}"
        elif polarity not in {p.value for p in Polarity}:
            error = "Choose whether the statement is a strength, a gap or neutral"
        elif need_pick and not self.picked(chosen, other, none):
            error = (
                "No competency is chosen for this statement yet: tick the one it is about, "
                "add one, or tick “About no competency”"
            )
        return replace(self, chosen=chosen, other=other, none=none, polarity=polarity, error=error)

    @staticmethod
    def picked(chosen: Sequence[str], other: str, none: bool) -> bool:
        """Whether the user decided anything: a competency ticked or added, or none at all."""
        return none or bool(chosen) or bool(other)

    @property
    def decided(self) -> bool:
        """Whether this picker holds a verdict rather than "later"."""
        return self.picked(self.chosen, self.other, self.none)

    @property
    def verdict_polarity(self) -> Polarity:
        """The polarity chosen."""
        return Polarity(self.polarity)


# -- stories --------------------------------------------------------------------------------------


def read_story(form: FormReader) -> StoryFields:
    """The story's texts and the competencies ticked or added."""
    fields: dict[str, Any] = {name: form.raw(name) for name in STORY_TEXTS}
    chosen = [v for v in form.data.getlist("competency") if isinstance(v, str)]
    other = form.raw("other").strip()
    if other and other not in chosen:
        chosen.append(other)
    fields["competencies"] = chosen
    return fields  # type: ignore[return-value]


def story_values(story: Story | None) -> dict[str, str]:
    """A story as form values."""
    if story is None:
        return {}
    return {name: getattr(story, name) or "" for name in STORY_TEXTS}


def story_draft(form: FormReader) -> dict[str, str]:
    """What the editor holds right now, for the live checks."""
    return {name: form.raw(name) for name in STORY_TEXTS}
