"""Use cases for thank-you notes: gather the facts, draft three variants, save, mark sent."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from email.utils import parseaddr
from functools import partial

from nextround.analysis.feedback_words import own_words
from nextround.domain import values
from nextround.domain.competency import Framework, Polarity
from nextround.domain.contacts import Contact, ContactRole
from nextround.domain.counts import joined
from nextround.domain.debrief import Debrief
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import Application, Interview, OfferResponse, Round, Status
from nextround.domain.note_drafts import Draft, draft_thank_you
from nextround.domain.note_facts import Learning, Moment, MomentKind, NoteFacts
from nextround.domain.note_gaps import Missing
from nextround.domain.note_moments import handled_badly, praised_in, topics
from nextround.domain.note_recipients import (
    RECRUITER_ROLES,
    ROLE_TO_ADD,
    ROUND_TONES,
    contact_of,
    default_recipients,
    how_addressed,
    in_process,
    interview_held,
    not_in_round,
    round_held,
)
from nextround.domain.notes import (
    DEFAULT_WORD_LIMIT,
    Note,
    Recipient,
    Tone,
    answer_problem,
    answered_occasion,
    default_tone,
    distinct_recipients,
    tone_problem,
)
from nextround.domain.round_names import round_phrase
from nextround.domain.skill_names import skills_phrase
from nextround.domain.statements import FeedbackStatement, in_use
from nextround.domain.tagging import Tagging
from nextround.domain.text_lines import split_lines
from nextround.errors import DomainError
from nextround.services.frameworks import active_framework
from nextround.services.ports import FullUnitOfWork
from nextround.services.process import resolve_round
from nextround.services.stamps import touch

SENDER_KEY = "notes.sender"
_OFFER_STATUSES = frozenset({Status.OFFER, Status.ACCEPTED, Status.DECLINED})
_ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
# A question longer than this reads as a case prompt, not a moment to quote back.
_QUESTION_MAX_WORDS = 20
_QUESTION_MIN_WORDS = 4
# A self-rating at or below this: the interview went badly, and its questions are not recalled.
_WENT_BADLY = 2


@dataclass(frozen=True)
class Sender:
    """Who signs the notes, and the address the .eml export puts in From."""

    name: str
    email: str | None = None

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name


def parse_sender(raw: str) -> Sender:
    """'Nadia Mensah <nadia@example.com>' or just 'Nadia Mensah'."""
    lines = [line for line in split_lines(raw.strip()) if line.strip()]
    if len(lines) > 1:
        # The address parser would keep the first line and drop the rest without a word.
        raise DomainError(
            f"the sender is written on {len(lines)} lines ({lines[0].strip()!r}, then "
            f"{lines[1].strip()!r}); give one line with your name and email address, e.g. "
            "'Nadia Mensah <nadia@example.com>'"
        )
    name, address = parseaddr(raw)
    if "@" not in raw and "<" not in raw:
        return Sender(values.name(raw, "sender name"))
    if not _ADDRESS.match(address):
        raise DomainError(
            f"{raw!r} is not a name with an email address; write it as 'Name <you@example.com>'"
        )
    return Sender(values.name(name or address.split("@")[0], "sender name"), address)


def get_sender(uow: FullUnitOfWork) -> Sender | None:
    """The sender saved with `note sender`, if any."""
    stored = uow.preferences.get(SENDER_KEY)
    if not isinstance(stored, dict) or not stored.get("name"):
        return None
    return Sender(str(stored["name"]), stored.get("email"))


def set_sender(uow: FullUnitOfWork, raw: str) -> Sender:
    """Remember who signs the notes."""
    sender = parse_sender(raw)
    uow.preferences.set(SENDER_KEY, {"name": sender.name, "email": sender.email}, uow.now())
    uow.commit()
    return sender


@dataclass(frozen=True)
class NoteRequest:
    """What the person asked for; everything optional except the application."""

    application_id: int
    to: tuple[str, ...] = ()
    round_position: int | None = None
    tone: Tone | None = None
    limit: int = DEFAULT_WORD_LIMIT
    sender: str | None = None
    # The answer to the offer the tone speaks of ("after-decline": declined), if it names one.
    answer: OfferResponse | None = None


@dataclass(frozen=True)
class DraftSet:
    """Three drafts and the record they were drafted from."""

    application: Application
    round: Round | None
    facts: NoteFacts
    drafts: list[Draft]
    sender: Sender | None
    #: People named by hand who were not in the round the note thanks them for.
    not_there: Missing | None = None
    #: How the recipients were chosen when no contact's role said who leads the process.
    addressed: Missing | None = None

    def draft(self, variant: int) -> Draft:
        """One of the three variants."""
        if not 1 <= variant <= len(self.drafts):
            raise DomainError(f"there is no draft {variant}", cli_hint="--variant is 1, 2 or 3")
        return self.drafts[variant - 1]


def draft_notes(uow: FullUnitOfWork, request: NoteRequest) -> DraftSet:
    """Draft three thank-you notes from the record of one application."""
    app = uow.applications.get(request.application_id)
    round_ = _round(app, request.round_position, uow.now())
    decision = app.current_decision
    # The offer's answer as the record holds it; None when the process holds no offer.
    response = (decision.offer_response if decision else None) or (
        None if app.status not in _OFFER_STATUSES else OfferResponse.PENDING
    )
    if request.answer is not None and (problem := answer_problem(request.answer, response)):
        raise DomainError(
            problem,
            cli_hint=f"e.g. `nextround decision edit {app.id} --response {request.answer.value}`"
            if response is not None
            else None,
        )
    if request.tone is not None and (problem := tone_problem(request.tone, app.status)):
        raise DomainError(problem)
    tone = request.tone or default_tone(app.status)
    recipients, addressed = _recipients(uow, app, request.to, round_, tone)
    framework = active_framework(uow)
    sender = parse_sender(request.sender) if request.sender else get_sender(uow)
    proper = {app.company, *(word for r in recipients for word in r.name.split())}
    proper |= {w for c in uow.contacts.list(app.id) for w in c.name.split()}
    proper_names = frozenset(word for name in proper for word in name.split())
    facts = NoteFacts(
        company=app.company,
        role_title=app.role_title,
        tone=tone,
        recipients=tuple(recipients),
        round_name=round_.name if round_ else None,
        moments=tuple(_moments(uow, app, round_, proper_names)) if round_ else (),
        learnings=tuple(_learnings(uow, app, framework)),
        sender=sender.name if sender else None,
        offer_response=response,
        proper_names=proper_names,
        outcome_told_by=frozenset(_told_the_outcome(uow, app)),
        feedback_to_review=_to_review(uow, app),
        application_id=app.id,
        round_position=round_.position if round_ else None,
        round_interviews=len(round_.interviews) if round_ else 0,
    )
    drafts = draft_thank_you(facts, request.limit)
    not_there = _not_there(uow, app, round_, tone, recipients) if request.to else None
    return DraftSet(app, round_, facts, drafts, sender, not_there, addressed)


def _not_there(
    uow: FullUnitOfWork,
    app: Application,
    round_: Round | None,
    tone: Tone,
    chosen: list[Recipient],
) -> Missing | None:
    """A caution when someone named by hand was not in the round the note thanks them for.

    Not refused: the person may know better than the record (an interviewer not written
    down), but a note thanking someone for a conversation they were not in reads badly.
    """
    if round_ is None or tone not in ROUND_TONES:
        return None
    absent, present = not_in_round(round_, chosen, uow.contacts.list(app.id), uow.now())
    if not absent:
        return None
    where = f"{round_phrase(round_.name, {app.company})} (round {round_.position})"
    return Missing(
        f"{joined([r.name for r in absent])} {'were' if len(absent) > 1 else 'was'} not in "
        f"{where}, which this note thanks them for; in it on record: "
        f"{joined([r.name for r in present])}",
        cli_hint="check --to, or pick the round they were in with --round N",
        web_hint="check who is ticked under “To”, or pick the round they were in",
    )


def _recipients(
    uow: FullUnitOfWork,
    app: Application,
    refs: tuple[str, ...],
    round_: Round | None,
    tone: Tone,
) -> tuple[list[Recipient], Missing | None]:
    """Who the note goes to, and how they were told apart when no role on record said so."""
    people = uow.contacts.list(app.id)
    now = uow.now()
    if refs:
        return distinct_recipients(_resolve(uow, app, people, ref, now) for ref in refs), None
    if tone in ROUND_TONES:
        default = default_recipients(app, round_, tone, people, now)
        addressed = None
    else:
        authors = [(i.source, i.author) for i in uow.feedback.list(app.id) if i.author]
        leads = in_process(app, people, now, authors)
        default, addressed = leads.recipients, how_addressed(app.id, leads)
    if default:
        return default, addressed
    raise _nobody_to_thank(app, round_, tone, _candidates(app, people, now), now)


def _nobody_to_thank(
    app: Application, round_: Round | None, tone: Tone, known: list[Recipient], now: datetime
) -> NobodyToThankError:
    """Nobody was there for what the note thanks: say who is missing and how to name them."""
    others = ", ".join(r.name for r in known)
    pick = f" (known in this process: {others})" if others else ""
    if tone not in ROUND_TONES or round_ is None:
        message = (
            f"nobody on record took part in application {app.id}'s process yet"
            if round_ is None
            else f"there is no recruiter or hiring manager on record for application {app.id}"
        )
        return NobodyToThankError(
            message,
            cli_hint=f"pass --to with who the note is for{pick}, or add the recruiter with "
            f"`nextround contact add NAME --app {app.id} --role recruiter`",
            web_hint="tick who the note is for under “To”, or add the recruiter under People "
            "on the application's page",
        )
    where = f"{round_phrase(round_.name, {app.company})} (round {round_.position})"
    if not round_held(round_, now):
        return NobodyToThankError(
            f"{where} has not taken place yet; a note thanks people for time already given",
            cli_hint="leave out --round for the latest round held, or pass --to",
            web_hint="pick a round that has taken place, or tick who the note is for under “To”",
        )
    role = ROLE_TO_ADD.get(round_.kind)
    add_cli = (
        f"add the {role.replace('-', ' ')} with `nextround contact add NAME --app {app.id} "
        f"--role {role}`"
        if role
        else "name who interviewed you with `nextround interview edit ID --with NAME`"
    )
    add_web = (
        f"add the {role.replace('-', ' ')} under People on the application's page"
        if role
        else "name the interviewers on the round's interviews"
    )
    return NobodyToThankError(
        f"nobody on record was in {where}",
        cli_hint=f"pass --to with who was{pick}, or {add_cli}",
        web_hint=f"tick who was there under “To”, or {add_web}",
    )


class NobodyToThankError(DomainError):
    """No recruiter, hiring manager or interviewer on record to address a note to."""


def _candidates(app: Application, people: list[Contact], now: datetime) -> list[Recipient]:
    """The contacts of a process, then the interviewers already met who are not among them."""
    # Every contact, even two of one name: the picker tells them apart by id. Not one
    # named only as an interviewer of interviews still ahead (as interviewers now become
    # contacts): nobody to thank yet, as for an interviewer recorded without a contact.
    ahead = _only_ahead(app, now)
    candidates = [
        contact_of(c) for c in people if not (c.role is ContactRole.INTERVIEWER and c.id in ahead)
    ]
    known = {r.name.casefold() for r in candidates}
    # By id too: an interview keeps the name it was recorded with, so a person renamed
    # since (a typo fixed) would otherwise be offered twice under one id.
    linked = {c.id for c in people}
    for round_ in app.ordered_rounds:
        for interview in round_.sorted_interviews:
            if not interview_held(round_, interview, now):
                continue  # nobody to thank yet for an interview still ahead
            for person in interview.interviewers:
                if person.contact_id in linked and person.contact_id is not None:
                    continue
                if person.name.casefold() not in known:
                    known.add(person.name.casefold())
                    candidates.append(Recipient(person.name, None, person.contact_id))
    return candidates


def _only_ahead(app: Application, now: datetime) -> set[int]:
    """The contacts named on the application's interviews, none of them held by ``now``."""
    named: set[int] = set()
    met: set[int] = set()
    for round_ in app.ordered_rounds:
        for interview in round_.interviews:
            ids = {p.contact_id for p in interview.interviewers if p.contact_id is not None}
            named |= ids
            if interview_held(round_, interview, now):
                met |= ids
    return named - met


def note_people(uow: FullUnitOfWork, application_id: int) -> list[Recipient]:
    """Everyone a note for this application could go to: its contacts and interviewers."""
    app = uow.applications.get(application_id)
    return _candidates(app, uow.contacts.list(app.id), uow.now())


def recipient_ref(recipient: Recipient) -> str:
    """What `NoteRequest.to` takes to pick this person again: a contact id, else the name."""
    return str(recipient.contact_id) if recipient.contact_id is not None else recipient.name


def _resolve(
    uow: FullUnitOfWork, app: Application, people: list[Contact], ref: str, now: datetime
) -> Recipient:
    """A contact id, or a name (full or first) of a contact or interviewer of this process."""
    ref = ref.strip()
    if ref.isdigit():
        contact = uow.contacts.get(int(ref))
        if contact.application_id not in (None, app.id):
            # A note about one process must not greet someone from another by mistake.
            raise DomainError(
                f"contact {contact.id} ({contact.name}) belongs to application "
                f"{contact.application_id}, not {app.id}; pick someone from this process"
            )
        return contact_of(contact)
    wanted = ref.casefold()
    candidates = _candidates(app, people, now)
    exact = [r for r in candidates if r.name.casefold() == wanted]
    partial = [
        r for r in candidates if r.first_name.casefold() == wanted or wanted in r.name.casefold()
    ]
    matches = exact or partial
    if len(matches) == 1:
        return matches[0]
    if not matches:
        _refuse_not_met_yet(app, wanted, now)
        if not candidates:
            # "one of these names" with no names would leave the person nowhere to go.
            raise DomainError(
                f"nobody called {ref!r} in application {app.id}'s process: nobody is on record "
                "in it yet",
                cli_hint=f"add them with `nextround contact add {_quoted(ref)} --app {app.id}`, "
                "then pass --to again",
                web_hint="add them under People on the application's page",
            )
        names = ", ".join(r.name for r in candidates)
        raise DomainError(
            f"nobody called {ref!r} in application {app.id}'s process (known: {names}); "
            "give a contact id or one of these names",
            cli_hint=f"or add them with `nextround contact add {_quoted(ref)} --app {app.id}`",
        )
    named = ", ".join(
        f"{r.name} (contact {r.contact_id})" if r.contact_id else r.name for r in matches
    )
    raise DomainError(f"{ref!r} could be {named}; give the full name or a contact id")


def _quoted(name: str) -> str:
    """A name as a shell command takes it: quoted when it has spaces."""
    return f'"{name}"' if " " in name else name


def _refuse_not_met_yet(app: Application, wanted: str, now: datetime) -> None:
    """Say so when the name is an interviewer of an interview still ahead."""
    for round_ in app.ordered_rounds:
        for interview in round_.sorted_interviews:
            for person in interview.interviewers:
                name = person.name.casefold()
                if not interview_held(round_, interview, now) and (
                    name == wanted or name.split()[0] == wanted
                ):
                    raise DomainError(
                        f"{person.name} is in “{interview.title}”, which has not happened yet; "
                        "a note thanks people for time they have already given"
                    )


def _round(app: Application, position: int | None, now: datetime) -> Round | None:
    if position is not None:
        return resolve_round(app, position)
    started = [r for r in app.ordered_rounds if r.started_on <= now.astimezone().date()]
    # A note thanks people for time already given: a round whose interviews are all still
    # ahead (later today, say) is not the one to write about yet.
    held = [r for r in started if any(interview_held(r, i, now) for i in r.interviews)]
    candidates = held or started
    return candidates[-1] if candidates else None


def _moments(
    uow: FullUnitOfWork, app: Application, round_: Round, proper: frozenset[str]
) -> list[Moment]:
    """Moments of the note's round, then of earlier rounds (tagged with their name).

    Each carries who praised it in the application's confirmed feedback, if anyone did.
    """
    found = _round_moments(uow, round_, None, proper)
    for earlier in app.ordered_rounds:
        if earlier.position < round_.position:
            found += _round_moments(uow, earlier, earlier.name, proper)
    praise = _praise(uow, app)
    people = {
        person.name.split()[0].casefold()
        for r in app.ordered_rounds
        for i in r.interviews
        for person in i.interviewers
        if person.name.split()
    }
    return [_with_praise(moment, praise, people) for moment in found]


def _praise(uow: FullUnitOfWork, app: Application) -> list[tuple[str, int, str]]:
    """Confirmed praise in the application's feedback: (author or "", statement id, text)."""
    found = []
    for item in uow.feedback.list(app.id):
        assert item.id is not None
        for statement in in_use(uow.statements.for_feedback(item.id)):
            if statement.confirmed and statement.polarity is Polarity.STRENGTH:
                assert statement.id is not None
                found.append((item.author or "", statement.id, statement.text))
    return found


def _with_praise(moment: Moment, praise: list[tuple[str, int, str]], people: set[str]) -> Moment:
    """The moment with the praise that speaks of it, if any.

    Praise naming an interviewer ("Priyanka was impressed by how you re-planned Tilburg")
    speaks of that interviewer's interview: it is not the praise of another one about the
    same project.
    """
    here = {name.split()[0].casefold() for name in moment.interviewers if name.split()}

    def about_this_interview(text: str) -> bool:
        named = people & {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}
        return not named or bool(named & here)

    said = [
        (author, sid)
        for author, sid, text in praise
        if praised_in(moment.text, text) and about_this_interview(text)
    ]
    if not said:
        return moment
    return replace(
        moment,
        praised_by=tuple(dict.fromkeys(author for author, _ in said)),
        praise_ids=tuple(sid for _, sid in said),
    )


def _round_moments(
    uow: FullUnitOfWork, round_: Round, tag: str | None, proper: frozenset[str]
) -> list[Moment]:
    framework = active_framework(uow)
    found: list[Moment] = []
    for interview in round_.sorted_interviews:
        assert interview.id is not None
        if not interview_held(round_, interview, uow.now()):
            continue  # nothing happened in it yet to recall
        debrief = uow.debriefs.for_interview(interview.id)
        make = partial(_moment, interview, debrief, tag, round_.position)
        if debrief is not None:
            found += [
                make(MomentKind.TOPIC, topic, interview.competencies)
                for topic in topics(debrief.went_well, proper)
            ]
            for question in debrief.questions:
                text = question.text.strip()
                # What it probed on the framework in use; a self-rating is compared with
                # what it probed on the framework the rating was given on.
                here = question.tags_on(framework.id, framework.ids)
                mapped = _probed(here)
                rated_on = question.tags_on(debrief.framework_id or framework.id, framework.ids)
                # Only a single, short question reads well quoted back; a case prompt does not.
                # Nor one the person handled badly: the note would remind them of it.
                if (
                    text.endswith("?")
                    and ". " not in text
                    # "Why Lumen?" is asked everywhere: no moment to remember.
                    and _QUESTION_MIN_WORDS <= len(text.split()) <= _QUESTION_MAX_WORDS
                    and debrief.overall > _WENT_BADLY
                    and not handled_badly(text, debrief.went_badly)
                    and not _rated_low(debrief, _probed(rated_on))
                ):
                    found.append(make(MomentKind.QUESTION, text, mapped))
        found.append(make(MomentKind.SESSION, interview.title, interview.competencies))
    return found


def _probed(tags: Tagging) -> list[str]:
    """What a question probed: the competencies chosen, else the mapper's top suggestion.

    One confirmed as about no competency ("Why us?") stays about none.
    """
    if tags.confirmed:
        return list(tags.competencies)
    return list(tags.competencies) or [m.competency_id for m in tags.suggestions[:1]]


def _rated_low(debrief: Debrief, competencies: list[str]) -> bool:
    """Whether the person rated themselves low on what the question probed.

    "How do you decide what not to do?" with prioritisation rated 2 is an answer that went
    badly, whatever words the "went badly" note used for it.
    """
    return any(debrief.ratings.get(c, _WENT_BADLY + 1) <= _WENT_BADLY for c in competencies)


def _moment(
    interview: Interview,
    debrief: Debrief | None,
    round_name: str | None,
    round_position: int,
    kind: MomentKind,
    text: str,
    competencies: list[str],
) -> Moment:
    assert interview.id is not None
    ratings = [debrief.overall, *debrief.ratings.values()] if debrief else []
    return Moment(
        kind=kind,
        text=text,
        interview_id=interview.id,
        interview_title=interview.title,
        interviewers=tuple(p.name for p in interview.interviewers),
        competencies=tuple(competencies),
        overall=debrief.overall if debrief else 3,
        round_name=round_name,
        debriefed=debrief is not None,
        went_badly=any(rating <= _WENT_BADLY for rating in ratings),
        went_well=debrief.went_well if debrief else None,
        round_position=round_position,
    )


# Feedback from these sources, written once the process had ended, delivered its outcome.
_COMPANY_SOURCES = frozenset({
    FeedbackSource.RECRUITER, FeedbackSource.HIRING_MANAGER, FeedbackSource.INTERVIEWER,
})  # fmt: skip


def _told_the_outcome(uow: FullUnitOfWork, app: Application) -> set[str]:
    """Who told the person how the process ended, as casefolded names.

    The record keeps no "told by" on a decision: whoever from the company wrote feedback on
    or after the decision day brought the news; failing that, the recruiter, whose job it is.
    """
    decision = app.current_decision
    if decision is None:
        return set()
    authors = {
        item.author.casefold()
        for item in uow.feedback.list(app.id)
        if item.author
        and item.source in _COMPANY_SOURCES
        and item.received_on >= decision.decided_on
    }
    if authors:
        return authors
    return {c.name.casefold() for c in uow.contacts.list(app.id) if c.role in RECRUITER_ROLES}


def _to_review(uow: FullUnitOfWork, app: Application) -> int:
    """How many pieces of the application's feedback still wait for the person's review."""
    waiting = 0
    for item in uow.feedback.list(app.id):
        assert item.id is not None
        statements = uow.statements.for_feedback(item.id)
        waiting += not statements or any(not s.confirmed for s in statements)
    return waiting


def _learnings(uow: FullUnitOfWork, app: Application, framework: Framework) -> list[Learning]:
    found = []
    for item in uow.feedback.list(app.id):  # linked to the application, a round or interview
        assert item.id is not None
        for statement in in_use(uow.statements.for_feedback(item.id)):
            ids = _statement_competencies(statement, framework)
            names = [c.name for c in map(framework.competency, ids) if c is not None]
            if not names:
                continue
            found.append(
                Learning(
                    words=own_words(statement.text),
                    topic=skills_phrase(names),
                    polarity=statement.polarity,
                    competencies=tuple(ids),
                    statement_id=statement.id,
                    author=item.author,
                    source=item.source,
                    confirmed=True,
                    confidence=1.0,
                )
            )
    return found


def _statement_competencies(statement: FeedbackStatement, framework: Framework) -> list[str]:
    # Only what the person confirmed: a guessed polarity could make the note thank someone
    # for praise that was really criticism, which is worse than naming no learning at all.
    if statement.framework_id != framework.id or not statement.confirmed:
        return []
    return list(statement.competencies)


# -- keeping notes ----------------------------------------------------------------------------


def save_note(
    uow: FullUnitOfWork,
    drafts: DraftSet,
    variant: int,
    *,
    subject: str | None = None,
    body: str | None = None,
    sent_on: date | None = None,
) -> Note:
    """Keep one variant (possibly edited), as a draft or as sent on a day."""
    chosen = drafts.draft(variant)
    app = drafts.application
    assert app.id is not None
    note = Note(
        application_id=app.id,
        tone=drafts.facts.tone,
        subject=subject if subject is not None else chosen.subject,
        body=body if body is not None else chosen.body,
        recipients=list(drafts.facts.recipients),
        variant=variant,
        offer_answer=_answered(drafts.facts.tone, drafts.facts.offer_response),
    )
    note.check()
    if sent_on is not None:
        note.mark_sent(sent_on, app.applied_on, uow.today())
    touch(uow.now(), note)
    uow.notes.add(note)
    uow.commit()
    return note


def _answered(tone: Tone, response: OfferResponse | None) -> OfferResponse | None:
    # Only an answer the drafts spoke of is the note's: an offer still pending is "after offer".
    return response if answered_occasion(tone, response) else None


@dataclass(frozen=True)
class NoteListing:
    """A saved note with the application it belongs to."""

    note: Note
    company: str
    role_title: str

    @property
    def label(self) -> str:
        """The note as the user knows it: "note 3 to Maya Lindgren (PM at Acme, not sent yet)"."""
        to = ", ".join(r.name for r in self.note.recipients)
        sent = f"sent on {self.note.sent_on}" if self.note.sent_on else "not sent yet"
        return f"note {self.note.id} to {to} ({self.role_title} at {self.company}, {sent})"


def list_notes(uow: FullUnitOfWork, application_id: int | None = None) -> list[NoteListing]:
    """Saved notes, oldest first, optionally of one application."""
    if application_id is not None:
        uow.applications.get(application_id)
    listings = []
    for note in uow.notes.list(application_id):
        app = uow.applications.get(note.application_id)  # the session caches repeats
        listings.append(NoteListing(note, app.company, app.role_title))
    return listings


def get_note(uow: FullUnitOfWork, note_id: int) -> NoteListing:
    """One saved note."""
    note = uow.notes.get(note_id)
    app = uow.applications.get(note.application_id)
    return NoteListing(note, app.company, app.role_title)


def remove_note(uow: FullUnitOfWork, note_id: int) -> NoteListing:
    """Delete a saved note: a draft kept twice, or one that will never go out."""
    removed = get_note(uow, note_id)
    uow.notes.delete(removed.note)
    uow.commit()
    return removed


def mark_sent(uow: FullUnitOfWork, note_id: int, on: date | None = None) -> Note:
    """Record the day a saved note went out (default today)."""
    note = uow.notes.get(note_id)
    app = uow.applications.get(note.application_id)
    note.mark_sent(on or uow.today(), app.applied_on, uow.today())
    touch(uow.now(), note)
    uow.commit()
    return note


def as_eml(
    uow: FullUnitOfWork,
    *,
    subject: str,
    body: str,
    recipients: list[Recipient],
    sender: Sender | None,
    sent_on: date | None,
) -> bytes:
    """A note as an RFC 5322 message (an .eml file); unsent notes open as drafts.

    A note sent is dated the day it went out, not the day it was exported; a draft has no
    date yet (the mail client gives it one when it is sent).
    """
    from nextround.io.eml import note_message

    return note_message(
        subject=subject,
        body=body,
        recipients=recipients,
        sender_name=sender.name if sender else "",
        sender_email=sender.email if sender else None,
        sent_at=sent_moment(sent_on, uow.now()) if sent_on is not None else None,
    )


def sent_moment(sent_on: date, now: datetime) -> datetime:
    """When a note sent on a day went out: now if that is today, else midday that day.

    The record keeps the day, not the hour; midday keeps the date the same in any time zone
    a mail client shows it in.
    """
    local = now.astimezone()
    if sent_on == local.date():
        return local
    return datetime.combine(sent_on, time(12, 0), tzinfo=local.tzinfo)
