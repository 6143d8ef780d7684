"""The database tables: one source of truth for the schema, the migrations and the backup."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    true,
)

from nextround.domain.competency import Polarity
from nextround.domain.contacts import ContactRole
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import (
    ApplyMethod,
    InterviewFormat,
    OfferResponse,
    Outcome,
    RoundKind,
    RoundMode,
    RoundOutcome,
    Source,
    WorkMode,
)
from nextround.domain.notes import NoteKind, Tone
from nextround.domain.offer_terms import currency
from nextround.domain.resume import ResumeKind
from nextround.store.types import (
    InterviewerList,
    MatchList,
    RecipientList,
    TaggingMap,
    UTCDateTime,
)

# Named constraints let Alembic alter SQLite tables (batch mode) and name what failed.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def choice(enum: type[StrEnum], name: str) -> Enum:
    """A string column limited to an enum's values, portable across backends."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


#: A column's ``info`` key for the domain rule that writes its value as the app stores it
#: (upper-case, trimmed…); a backup's value is restored through it, so a hand-edited file
#: holds what the app would have, and a value the rule refuses is named with its path.
NORMALISE = "normalise"

_STRINGS = {"type": "array", "items": {"type": "string"}}
_RATINGS = {
    "type": "object",
    "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 5},
}
_VERDICTS = {"type": "object", "additionalProperties": {"type": "boolean"}}


def _stamps() -> list[Column[object]]:
    return [
        Column("created_at", UTCDateTime(), nullable=False),
        Column("updated_at", UTCDateTime(), nullable=False),
    ]


applications = Table(
    "applications",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("company", String(200), nullable=False),
    Column("role_title", String(200), nullable=False),
    Column("level", String(200)),
    Column("location", String(200)),
    Column("work_mode", choice(WorkMode, "work_mode")),
    Column("source", choice(Source, "source"), nullable=False),
    Column("posting_url", Text),
    Column("posting_text", Text),
    Column("applied_on", Date, nullable=False),
    Column("tags", JSON, nullable=False, info={"json_schema": _STRINGS}),
    Column("notes", Text),
    *_stamps(),
    # After the stamps: added by revision 0023, where ALTER TABLE puts it.
    Column("method", choice(ApplyMethod, "apply_method")),
    Index("ix_applications_applied_on", "applied_on"),
    Index("ix_applications_company", "company"),
    sqlite_autoincrement=True,
)

rounds = Table(
    "rounds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "application_id",
        Integer,
        ForeignKey("applications.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False),
    Column("name", String(200), nullable=False),
    Column("kind", choice(RoundKind, "round_kind"), nullable=False),
    Column("mode", choice(RoundMode, "round_mode")),
    Column("started_on", Date, nullable=False),
    Column("ended_on", Date),
    Column("outcome", choice(RoundOutcome, "round_outcome"), nullable=False),
    Column("notes", Text),
    *_stamps(),
    UniqueConstraint("application_id", "position", name="uq_rounds_application_position"),
    sqlite_autoincrement=True,
)

interviews = Table(
    "interviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "round_id", Integer, ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("title", String(200), nullable=False),
    Column("format", choice(InterviewFormat, "interview_format"), nullable=False),
    Column("scheduled_at", UTCDateTime()),
    Column("duration_minutes", Integer),
    Column("time_zone", String(64)),
    Column("interviewers", InterviewerList, nullable=False),
    Column("competencies", JSON, nullable=False, info={"json_schema": _STRINGS}),
    Column("notes", Text),
    # Called off before it took place: kept on record, never held (revision 0009).
    Column("called_off", Boolean, nullable=False, default=False, server_default=false()),
    *_stamps(),
    sqlite_autoincrement=True,
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "application_id",
        Integer,
        ForeignKey("applications.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("outcome", choice(Outcome, "outcome"), nullable=False),
    Column("decided_on", Date, nullable=False),
    # False when no day was given (a sheet's "ghosted" with no closed date): decided_on then
    # only stands in, the earliest it can have been, and is shown and exported as unknown
    # (revision 0022).
    Column("day_known", Boolean, nullable=False, default=True, server_default=true()),
    Column("finalists", Integer),
    Column("reason", Text),
    Column("offer_response", choice(OfferResponse, "offer_response")),
    Column("reopened_on", Date),
    Column("responded_on", Date),
    Column("answer_by", Date),
    # An offer's terms as numbers, in whole units of its currency (revision 0019).
    # A hand-edited backup's "eur" is restored as EUR, as `--currency eur` is stored.
    Column("currency", String(3), info={NORMALISE: currency}),
    Column("base_salary", Integer),
    Column("variable_pay", Integer),
    Column("equity", String(500)),
    Column("equity_value", Integer),
    Column("sign_on", Integer),
    Column("starts_on", Date),
    *_stamps(),
    sqlite_autoincrement=True,
)

contacts = Table(
    "contacts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("role", choice(ContactRole, "contact_role"), nullable=False),
    Column("company", String(200)),
    Column("title", String(200)),
    Column("email", String(320)),
    Column("phone", String(50)),
    Column("notes", Text),
    Column(
        "application_id",
        Integer,
        ForeignKey("applications.id", ondelete="SET NULL"),
        index=True,
    ),
    *_stamps(),
    sqlite_autoincrement=True,
)

feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("source", choice(FeedbackSource, "feedback_source"), nullable=False),
    Column("received_on", Date, nullable=False),
    Column("author", String(200)),
    Column(
        "application_id",
        Integer,
        ForeignKey("applications.id", ondelete="CASCADE"),
        index=True,
    ),
    Column("round_id", Integer, ForeignKey("rounds.id", ondelete="CASCADE"), index=True),
    Column("interview_id", Integer, ForeignKey("interviews.id", ondelete="CASCADE"), index=True),
    *_stamps(),
    sqlite_autoincrement=True,
)

# -- the growth engine --------------------------------------------------------------------------

frameworks = Table(
    "frameworks",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("source", Text),
    Column("description", Text),
    *_stamps(),
)

competencies = Table(
    "competencies",
    metadata,
    Column(
        "framework_id",
        String(80),
        ForeignKey("frameworks.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("id", String(80), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("indicators", JSON, nullable=False, info={"json_schema": _STRINGS}),
    Column("missing_signs", JSON, nullable=False, info={"json_schema": _STRINGS}),
    Column("questions", JSON, nullable=False, info={"json_schema": _STRINGS}),
    Column("practice", JSON, nullable=False, info={"json_schema": _STRINGS}),
)

preferences = Table(
    "preferences",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("value", JSON, nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
)

statements = Table(
    "statements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "feedback_id",
        Integer,
        ForeignKey("feedback.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    # Soft reference: the built-in framework lives in the package, not in this table.
    Column("framework_id", String(80), nullable=False),
    Column("polarity", choice(Polarity, "polarity"), nullable=False),
    Column("polarity_confidence", Float, nullable=False),
    Column("cues", JSON, nullable=False, info={"json_schema": _STRINGS}),
    Column("suggestions", MatchList, nullable=False),
    Column("competencies", JSON, nullable=False, info={"json_schema": _STRINGS}),
    Column("confirmed", Boolean, nullable=False),
    Column("mapper", String(120), nullable=False),
    Column("reviewed_at", UTCDateTime()),
    # The round the statement names when it is not its feedback's ("your take-home" in an
    # email about the system design round); None: the feedback's own (revision 0022).
    Column("round_id", Integer, ForeignKey("rounds.id", ondelete="SET NULL")),
    *_stamps(),
    # One row per statement and framework: a feedback item read again on another framework
    # (`feedback map --all`) gets its statements there too, its other readings kept.
    UniqueConstraint(
        "feedback_id", "framework_id", "position", name="uq_statements_feedback_reading_position"
    ),
    sqlite_autoincrement=True,
)

debriefs = Table(
    "debriefs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "interview_id",
        Integer,
        ForeignKey("interviews.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("overall", Integer, nullable=False),
    Column("went_well", Text),
    Column("went_badly", Text),
    Column("ratings", JSON, nullable=False, info={"json_schema": _RATINGS}),
    # The framework the self-ratings are on (soft reference, as for statements). NULL in a
    # backup from before revision 0006: rated on whatever framework is in use.
    Column("framework_id", String(80)),
    *_stamps(),
    sqlite_autoincrement=True,
)

debrief_questions = Table(
    "debrief_questions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "debrief_id",
        Integer,
        ForeignKey("debriefs.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("suggestions", MatchList, nullable=False),
    Column("competencies", JSON, nullable=False, info={"json_schema": _STRINGS}),
    Column("confirmed", Boolean, nullable=False),
    # The framework the columns above are on; what it probed on others (revision 0012;
    # NULL reads as none, so SQLite could add the column without copying the table).
    Column("framework_id", String(80)),
    Column("elsewhere", TaggingMap, default={}),
    sqlite_autoincrement=True,
)

embedding_cache = Table(
    "embedding_cache",
    metadata,
    Column("model_id", String(120), primary_key=True),
    Column("text_hash", String(64), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)

# -- stories and the growth plan -----------------------------------------------------------------

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("situation", Text, nullable=False),
    Column("task", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("result", Text, nullable=False),
    Column("competencies", JSON, nullable=False, info={"json_schema": _STRINGS}),
    Column("suggestions", MatchList, nullable=False),
    # The framework the tags above are on; the tags on others (revision 0012).
    Column("framework_id", String(80)),
    Column("elsewhere", TaggingMap, default={}),
    *_stamps(),
    sqlite_autoincrement=True,
)

plan_actions = Table(
    "plan_actions",
    metadata,
    # Each framework has its own plan (soft reference, as for statements): switching back
    # finds it as it was, its done actions with it.
    Column("framework_id", String(80), primary_key=True),
    # Stable keys such as "mitigate:risk-management:practice-2", so a refresh keeps history.
    Column("id", String(200), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("competency_id", String(80)),
    Column("title", Text, nullable=False),
    Column("detail", Text, nullable=False),
    Column("why", Text, nullable=False),
    Column("created_on", Date, nullable=False),
    Column("done_on", Date),
    Column("week", String(10)),
    Column("rank", Integer, nullable=False),
    Column("evidence_refs", JSON, nullable=False, info={"json_schema": _STRINGS}),
)

# -- thank-you notes and Option A ----------------------------------------------------------------

notes = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "application_id",
        Integer,
        ForeignKey("applications.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("tone", choice(Tone, "note_tone"), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("body", Text, nullable=False),
    Column("recipients", RecipientList, nullable=False),
    Column("variant", Integer),
    Column("sent_on", Date),
    # The offer's answer the note was drafted after, for an after-offer note (revision 0011).
    Column("offer_answer", choice(OfferResponse, "offer_response")),
    # A thank-you note or a feedback request (revision 0021; every note before it thanked).
    Column(
        "kind",
        choice(NoteKind, "note_kind"),
        nullable=False,
        default=NoteKind.THANK_YOU.value,
        server_default=NoteKind.THANK_YOU.value,
    ),
    *_stamps(),
    sqlite_autoincrement=True,
)

# The person's view of one opportunity against their Option A. Scores for a criterion that
# was later removed stay here, ignored, so adding it back brings them back.
option_ratings = Table(
    "option_ratings",
    metadata,
    Column(
        "application_id",
        Integer,
        ForeignKey("applications.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("scores", JSON, nullable=False, info={"json_schema": _RATINGS}),
    Column("must_haves", JSON, nullable=False, info={"json_schema": _VERDICTS}),
    *_stamps(),
)

# -- the person's resume (revision 0011) ---------------------------------------------------------

# One resume at a time: importing another replaces it. Its highlights suggest stories to
# write; they are the person's own claims and never count as evidence in the profile.
resumes = Table(
    "resumes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("file_name", String(200), nullable=False),
    Column("kind", choice(ResumeKind, "resume_kind"), nullable=False),
    Column("name", String(200)),
    Column("label", String(200)),
    Column("summary", Text),
    Column("skills", JSON, nullable=False, info={"json_schema": _STRINGS}),
    Column("education", JSON, nullable=False, info={"json_schema": _STRINGS}),
    # Text whose structure could not be recovered, kept as written.
    Column("unread", Text),
    Column("notices", JSON, nullable=False, info={"json_schema": _STRINGS}),
    # What mapped the highlights (soft reference, as for statements).
    Column("framework_id", String(80)),
    Column("mapper", String(120)),
    *_stamps(),
    sqlite_autoincrement=True,
)

resume_roles = Table(
    "resume_roles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "resume_id",
        Integer,
        ForeignKey("resumes.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False),
    Column("heading", Text, nullable=False),
    Column("company", String(200)),
    Column("title", String(200)),
    # As the resume writes them ("2021-03", "Mar 2021", "Present"): not parsed further.
    Column("start", String(40)),
    Column("end", String(40)),
    Column("summary", Text),
    UniqueConstraint("resume_id", "position", name="uq_resume_roles_resume_position"),
    sqlite_autoincrement=True,
)

resume_highlights = Table(
    "resume_highlights",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "role_id",
        Integer,
        ForeignKey("resume_roles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("suggestions", MatchList, nullable=False),
    # The story written from this highlight; deleting the story makes it a seed again.
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="SET NULL"), index=True),
    UniqueConstraint("role_id", "position", name="uq_resume_highlights_role_position"),
    sqlite_autoincrement=True,
)
