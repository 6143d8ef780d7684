"""Feedback read on another framework: its statements mapped afresh there, other readings kept.

Importing a target company's principles is for seeing one's record through them. Statements
are split once; reading an item on another framework copies its statements there, each
mapped onto that framework's competencies as suggestions to review. The readings on other
frameworks stay as they were, so choosing one back gives its profile exactly as it was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nextround.domain.competency import Framework
from nextround.domain.counts import counted
from nextround.domain.debrief import Debrief, DebriefQuestion
from nextround.domain.feedback import Feedback
from nextround.domain.statements import FeedbackStatement, readings
from nextround.domain.tagging import TaggedOnFrameworks, Tagging
from nextround.errors import DomainError
from nextround.services.ports import GrowthUnitOfWork
from nextround.services.stamps import touch

if TYPE_CHECKING:
    from nextround.analysis.mapper import Mapper

#: Statements mapped in one call of the mapper: progress moves between chunks.
CHUNK = 64

#: Called with (done, total): statements re-read so far, plus feedback items split so far.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReadElsewhere:
    """What the profile on one framework leaves out because it is on other frameworks."""

    framework_id: str
    #: Statements of feedback items not read on this framework, by the framework they are on.
    statements: dict[str, int]
    #: Those feedback items.
    items: int
    #: Feedback items never split (stored with --no-map): reading all feedback splits them.
    unsplit: int
    #: Debriefs whose self-ratings are on another framework, by that framework.
    rated: dict[str, int]
    #: Each framework's name, by id (the id itself for one deleted since).
    names: dict[str, str] = field(default_factory=dict)
    #: Questions logged in debriefs that are mapped on another framework only, by framework:
    #: reading the feedback on this one maps them too.
    questions: dict[str, int] = field(default_factory=dict)
    #: Stories tagged on another framework only, by framework: tagging them is the user's.
    stories: dict[str, int] = field(default_factory=dict)
    #: Interviews to come whose competencies are on another framework only, by framework:
    #: the plan and story coverage prepare for them there.
    interviews: dict[str, int] = field(default_factory=dict)

    @property
    def to_read(self) -> int:
        """Statements that reading the feedback on this framework would map afresh."""
        return sum(self.statements.values())

    @property
    def to_map(self) -> int:
        """Logged questions that reading it on this framework would map afresh."""
        return sum(self.questions.values())

    @property
    def work(self) -> int:
        """Progress units of reading it all: statements and questions to map, items to split."""
        return self.to_read + self.unsplit + self.to_map

    def words(self) -> str | None:
        """What the profile, plan and story coverage leave out, in a clause; None if nothing.

        Each surface adds what to do about it: the command, or the button.
        """
        kinds = (self.statements, self.rated, self.stories, self.questions, self.interviews)
        if not any(kinds):
            return None
        parts = []
        order = sorted(set().union(*kinds), key=lambda f: -sum(kind.get(f, 0) for kind in kinds))
        for other in order:
            said = self.statements.get(other, 0)
            what = [counted(said, "feedback statement")] if said else []
            if self.rated.get(other):
                what.append(f"the self-ratings of {counted(self.rated[other], 'debrief')}")
            if self.stories.get(other):
                what.append(f"the tags of {counted(self.stories[other], 'story', 'stories')}")
            if self.questions.get(other):
                asked = counted(self.questions[other], "question")
                what.append(f"what {asked} logged in debriefs probed")
            if self.interviews.get(other):
                coming = counted(self.interviews[other], "interview")
                what.append(f"the competencies noted on {coming} to come")
            listed = what[0] if len(what) == 1 else ", ".join(what[:-1]) + " and " + what[-1]
            parts.append(f"{listed} on {self.names.get(other, other)} ({other})")
        return (
            f"your profile, plan and story coverage leave out {'; '.join(parts)}: they are on "
            "another framework, and choosing it back brings them back"
        )

    def story_words(self) -> str:
        """Which stories are tagged on other frameworks only, in a sentence ("" if none)."""
        if not self.stories:
            return ""
        on = " and ".join(
            f"{counted(n, 'story', 'stories')} on {self.names.get(f, f)}"
            for f, n in self.stories.items()
        )
        return (
            f"the tags of {on} stay there: which competencies a story shows is your own "
            "choice, so it is not made for you on another framework"
        )

    def rated_words(self) -> str | None:
        """Why the self-ratings on other frameworks stay there, in a sentence; None if none."""
        if not self.rated:
            return None
        on = " and ".join(
            f"{counted(n, 'debrief')} on {self.names.get(f, f)}" for f, n in self.rated.items()
        )
        return (
            f"the self-ratings of {on} stay there: a self-rating is your own number for one "
            "of that framework's competencies, so it does not carry over to another"
        )


def read_elsewhere(uow: GrowthUnitOfWork, framework_id: str | None = None) -> ReadElsewhere:
    """What is on other frameworks and not on this one (by default the one in use)."""
    framework_id = framework_id or uow.frameworks.in_use()
    grouped = readings(uow.statements.all_readings())
    statements: Counter[str] = Counter()
    items = 0
    for by_framework in grouped.values():
        if framework_id in by_framework:
            continue
        items += 1
        first = next(iter(by_framework))
        statements[first] += len(by_framework[first])
    unsplit = sum(1 for item in uow.feedback.list() if item.id not in grouped)
    debriefs = uow.debriefs.all()
    rated = Counter(
        d.framework_id
        for d in debriefs
        if d.ratings and d.framework_id is not None and d.framework_id != framework_id
    )
    asked = Counter(_elsewhere(q, framework_id) for q in questions_to_map(debriefs, framework_id))
    stories = Counter(
        _elsewhere(s, framework_id)
        for s in uow.stories.all()
        if not s.tags_on(framework_id).competencies and s.tagged_on() - {framework_id}
    )
    interviews = _interviews_elsewhere(uow, framework_id)
    names = {
        f: uow.frameworks.get(f).name if uow.frameworks.exists(f) else f
        for f in statements.keys()
        | rated.keys()
        | asked.keys()
        | stories.keys()
        | interviews.keys()
    }
    return ReadElsewhere(
        framework_id,
        dict(statements),
        items,
        unsplit,
        dict(rated),
        names,
        questions=dict(asked),
        stories=dict(stories),
        interviews=dict(interviews),
    )


def _interviews_elsewhere(uow: GrowthUnitOfWork, framework_id: str) -> Counter[str]:
    """Interviews to come tagged only with competencies of another framework, by framework."""
    ours = uow.frameworks.get(framework_id).ids if uow.frameworks.exists(framework_id) else set()
    now = uow.now()
    found: Counter[str] = Counter()
    # Only processes with an interview to come: the whole record is not loaded for this.
    for app_id in uow.applications.next_interviews(now):
        for round_ in uow.applications.get(app_id).rounds:
            for interview in round_.interviews:
                tagged = set(interview.competencies)
                if not tagged or tagged & ours or not round_.is_to_come(interview, now):
                    continue
                holder = holding_framework(uow, framework_id, tagged)
                if holder is not None:
                    found[holder.id] += 1
    return found


def holding_framework(
    uow: GrowthUnitOfWork, framework_id: str, tagged: Collection[str]
) -> Framework | None:
    """The framework other than this one that an interview's competencies were noted on.

    An interview's competencies are ids noted on the framework in use then. The one holding
    most of them is it; between equals, one the person has read feedback, rated or tagged
    stories on (the built-in framework shares many ids with imported ones). None when no
    framework holds any.
    """
    others = [uow.frameworks.get(f) for f in uow.frameworks.ids() if f != framework_id]
    wanted = set(tagged)
    used = {s.framework_id for s in uow.statements.all_readings()}
    used |= {d.framework_id for d in uow.debriefs.all() if d.framework_id}
    best = max(others, key=lambda f: (len(wanted & f.ids), f.id in used), default=None)
    return best if best is not None and wanted & best.ids else None


def _elsewhere(record: TaggedOnFrameworks, framework_id: str) -> str:
    """The framework a record's tags are on, of those other than this one (its own first)."""
    others = record.tagged_on() - {framework_id}
    return record.framework_id if record.framework_id in others else sorted(others)[0]


def questions_to_map(debriefs: Sequence[Debrief], framework_id: str) -> list[DebriefQuestion]:
    """Questions logged in debriefs that are mapped on other frameworks, not on this one."""
    return [
        q
        for d in debriefs
        for q in d.questions
        if _unread(q.tags_on(framework_id)) and q.tagged_on() - {framework_id}
    ]


def _unread(tagging: Tagging) -> bool:
    # A question confirmed as probing none of this framework's competencies was read on it.
    return tagging.empty and not tagging.confirmed


def verdicts_carried(uow: GrowthUnitOfWork, framework_id: str) -> int:
    """Statements on a framework still holding an "about no competency" verdict from another."""
    return sum(
        1
        for s in uow.statements.all_readings()
        if s.framework_id == framework_id and s.verdict_carried
    )


@dataclass(frozen=True)
class FeedbackRead:
    """What one reading of feedback on a framework did, and what is left for another."""

    framework_id: str
    #: Every statement stored on the framework by this call, new readings and new splits.
    statements: list[FeedbackStatement]
    #: Feedback items read again (they had a reading on another framework).
    reread: int
    #: Feedback items split for the first time (stored with --no-map).
    split: int
    #: Progress units left for a later call (see ReadElsewhere.work); 0 when all is done.
    left: int
    #: Questions logged in debriefs, mapped on the framework (they were on others only).
    questions: int = 0

    @property
    def about_none(self) -> list[FeedbackStatement]:
        """Statements that kept the user's "about no competency" verdict from another reading.

        That verdict belongs to the words, as a confirmed polarity does: they wait for no
        review here (see FeedbackStatement.read_on).
        """
        return [s for s in self.statements if s.about_none]


@dataclass(frozen=True)
class _Job:
    item: Feedback
    #: The statements to copy, one per position (empty: split the item afresh).
    source: list[FeedbackStatement]

    @property
    def size(self) -> int:
        return len(self.source) or 1


def read_feedback_on(
    uow: GrowthUnitOfWork,
    framework_id: str,
    get_mapper: Callable[[], Mapper],
    *,
    feedback_ids: Sequence[int] | None = None,
    budget: int | None = None,
    progress: Progress | None = None,
) -> FeedbackRead:
    """Read feedback on a framework: each item not read there yet, or only those given.

    Idempotent: an item already read on the framework is left as it is (named ones are
    refused, as a slip). ``budget`` stops after about that many progress units (whole items
    only), for a page that shows progress between calls. One transaction per call.
    """
    framework = uow.frameworks.get(framework_id)
    jobs = _jobs(uow, framework.id, feedback_ids)
    # Reading all feedback reads the questions logged in debriefs too: they are texts
    # mapped on a framework just like statements, and go last, in one batch.
    asked = questions_to_map(uow.debriefs.all(), framework.id) if feedback_ids is None else []
    total = sum(job.size for job in jobs) + len(asked)
    used = 0
    if budget is not None:
        taken: list[_Job] = []
        for job in jobs:
            if taken and used + job.size > budget:
                break
            taken.append(job)
            used += job.size
        if len(taken) < len(jobs) or (taken and used + len(asked) > budget):
            asked = []
        jobs = taken
    if not jobs and not asked:
        return FeedbackRead(framework.id, [], 0, 0, 0)
    mapper = get_mapper()
    done = 0

    def advance(units: int) -> None:
        nonlocal done
        done += units
        if progress is not None:
            progress(done, total)

    saved = _reread(uow, [j for j in jobs if j.source], framework.id, mapper, advance)
    split = [j for j in jobs if not j.source]
    if split:
        # Imported here: only a first split needs the splitter and the polarity reader.
        from nextround.services.feedback import store_statements
        from nextround.services.mapping import analyse

        for job in split:
            mapped = analyse([job.item.text], mapper)[0]
            saved += store_statements(uow, job.item, mapped, framework.id, mapper.name)
            advance(1)
    if asked:
        _map_questions(uow, asked, framework.id, mapper)
        advance(len(asked))
    uow.commit()
    return FeedbackRead(
        framework.id,
        saved,
        reread=len(jobs) - len(split),
        split=len(split),
        left=total - sum(job.size for job in jobs) - len(asked),
        questions=len(asked),
    )


def _map_questions(
    uow: GrowthUnitOfWork, asked: list[DebriefQuestion], framework_id: str, mapper: Mapper
) -> None:
    """Map logged questions on a framework; what they probed on others stays."""
    from nextround.services.debriefs import question_tags

    matches = []
    for start in range(0, len(asked), CHUNK):
        matches += mapper.map([q.text for q in asked[start : start + CHUNK]])
    touched = set()
    for question, found in zip(asked, matches, strict=True):
        question.tag_on(framework_id, question_tags(found))
        touched.add(question.debrief_id)
    for debrief in uow.debriefs.all():
        if debrief.id in touched:
            touch(uow.now(), debrief)


def _jobs(
    uow: GrowthUnitOfWork, framework_id: str, feedback_ids: Sequence[int] | None
) -> list[_Job]:
    items = (
        uow.feedback.list()
        if feedback_ids is None
        else [uow.feedback.get(i) for i in dict.fromkeys(feedback_ids)]
    )
    grouped = readings(uow.statements.all_readings([i.id for i in items if i.id is not None]))
    jobs = []
    for item in items:
        by_framework = grouped.get(item.id or 0, {})
        if framework_id in by_framework:
            if feedback_ids is not None:
                count = len(by_framework[framework_id])
                raise DomainError(
                    f"feedback {item.id} is already split into {counted(count, 'statement')} "
                    f"on {uow.frameworks.get(framework_id).quoted}",
                    cli_hint=f"see them with `nextround feedback show {item.id}`",
                    web_hint="see them on its page",
                )
            continue
        jobs.append(_Job(item, _source(by_framework)))
    return jobs


def _source(by_framework: dict[str, list[FeedbackStatement]]) -> list[FeedbackStatement]:
    """The statements to copy: the first reading's, with the verdicts the user gave.

    Polarity belongs to the words, not to a framework, and so does "about no competency":
    a verdict given on one reading (the latest, if several) holds on the next.
    """
    if not by_framework:
        return []
    first = next(iter(by_framework.values()))
    verdicts: dict[int, FeedbackStatement] = {}
    for reading in by_framework.values():
        for statement in reading:
            if not statement.confirmed:
                continue
            known = verdicts.get(statement.position)
            # A tie goes to the later reading: readings come in the order they were made.
            if known is None or _reviewed(statement) >= _reviewed(known):
                verdicts[statement.position] = statement
    return [verdicts.get(s.position, s) for s in first]


def _reviewed(statement: FeedbackStatement) -> float:
    return statement.reviewed_at.timestamp() if statement.reviewed_at else 0.0


def _reread(
    uow: GrowthUnitOfWork,
    jobs: list[_Job],
    framework_id: str,
    mapper: Mapper,
    advance: Callable[[int], None],
) -> list[FeedbackStatement]:
    sources = [s for job in jobs for s in job.source]
    matches = []
    for start in range(0, len(sources), CHUNK):
        chunk = sources[start : start + CHUNK]
        matches += mapper.map([s.text for s in chunk], k=3)
        advance(len(chunk))
    saved = []
    for source, found in zip(sources, matches, strict=True):
        statement = source.read_on(framework_id, found, mapper.name)
        touch(uow.now(), statement)
        uow.statements.add(statement)
        saved.append(statement)
    return saved
