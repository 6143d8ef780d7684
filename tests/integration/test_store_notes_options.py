"""Notes, Option A ratings and the definition in a real database, on both backends."""

from __future__ import annotations

import email
from datetime import date, timedelta
from email import policy

import pytest

from nextround.domain.contacts import ContactRole
from nextround.domain.notes import Recipient, Tone
from nextround.io import backup
from nextround.services import options
from nextround.services.applications import remove_application
from nextround.services.contacts import add_contact
from nextround.services.data import export_backup, restore_backup
from nextround.services.note_drafting import NoteRequest, draft_notes
from nextround.services.note_sender import set_sender
from nextround.services.notes import as_eml, get_note, list_notes, mark_sent, save_note
from tests.integration.conftest import load_journey
from tests.integration.migration_steps import downgrade


@pytest.fixture
def noted(app):
    """The known journey with a sender, a second contact, a saved note and Option A."""
    journey = load_journey(app)
    with app.uow() as uow:
        set_sender(uow, "Zoë Ångström <zoe@example.test>")
        add_contact(
            uow,
            "Łukasz Wiśniewski",
            ContactRole.HIRING_MANAGER,
            application_id=journey.main,
            email="lukasz@tempoline.example",
        )
        drafts = draft_notes(uow, NoteRequest(journey.main))
        note = save_note(uow, drafts, 1)
        options.set_weights(uow, {"scope": 3})
        options.define(uow, must_haves=["no relocation [location~amsterdam]"], threshold=3.2)
        options.rate(uow, journey.main, {"scope": 4, "mission": 5}, {"no-relocation": True})
        options.rate(uow, journey.offer, {"scope": 2})
    return journey, note.id


def test_a_saved_note_reads_back_exactly(app, noted):
    journey, note_id = noted
    with app.uow() as uow:
        item = get_note(uow, note_id)
        listed = list_notes(uow, journey.main)
    note = item.note
    assert note.tone is Tone.AFTER_REJECTION
    assert note.recipients == [
        Recipient("Maya Lindgren", "maya@tempoline.example", journey.recruiter),
        Recipient("Łukasz Wiśniewski", "lukasz@tempoline.example", note.recipients[1].contact_id),
    ]
    assert note.body.startswith("Dear Maya and Łukasz,")
    assert note.body.endswith("Best regards,\nZoë Ångström")
    assert (note.variant, note.sent_on, item.company) == (1, None, "Tempoline")
    assert [n.note.id for n in listed] == [note_id]
    with app.uow() as uow:
        mark_sent(uow, note_id, date(2025, 6, 19))
    with app.uow() as uow:
        assert get_note(uow, note_id).note.sent_on == date(2025, 6, 19)


def test_ratings_and_the_definition_read_back_and_update(app, noted):
    journey, _ = noted
    with app.uow() as uow:
        defined = options.get_option_a(uow)
        first = options.assess_application(uow, journey.main)
        options.rate(uow, journey.main, {"scope": None, "growth": 2})
    with app.uow() as uow:
        again = uow.option_ratings.get(journey.main)
    assert defined.defined and defined.criterion("scope").weight == 3
    assert defined.threshold == 3.2 and defined.must_haves[0].id == "no-relocation"
    assert {v.criterion.id: v.value for v in first.values if v.value} == {
        "scope": 4,
        "mission": 5,
        "location": 5,  # derived: the journey's main application is remote
    }
    assert again.scores == {"mission": 5, "growth": 2}
    assert again.must_haves == {"no-relocation": True}


def test_removing_an_application_removes_its_notes_and_ratings(app, noted):
    journey, _ = noted
    with app.uow() as uow:
        remove_application(uow, journey.main)
    with app.uow() as uow:
        assert uow.notes.list() == []
        assert uow.option_ratings.get(journey.main) is None
        assert uow.option_ratings.get(journey.offer) is not None


def test_backup_round_trips_notes_ratings_and_option_a_exactly(app, noted, make_app, tmp_path):
    schema = backup.backup_schema()["properties"]["tables"]["properties"]
    assert {"notes", "option_ratings"} <= set(schema)
    recipients = schema["notes"]["items"]["properties"]["recipients"]
    assert recipients["items"]["required"] == ["name"]
    with app.uow() as uow:
        first = export_backup(uow)
    assert len(first["tables"]["notes"]) == 1
    assert len(first["tables"]["option_ratings"]) == 2
    target = make_app(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    with target.uow() as uow:
        restore_backup(uow, first)
    with target.uow() as uow:
        again = export_backup(uow)
        assert options.get_option_a(uow).threshold == 3.2
    assert again["tables"] == first["tables"]


def test_the_eml_parses_back_with_names_and_subject_intact(app, noted):
    _, note_id = noted
    with app.uow() as uow:
        note = get_note(uow, note_id).note
        data = as_eml(
            uow,
            subject=note.subject + " – Zoë’s note",
            body=note.body,
            recipients=note.recipients,
            sender=options_sender(uow),
            sent_on=None,
        )
    assert all(byte < 128 for byte in data)  # 7-bit clean: encoded words and quoted-printable
    message = email.message_from_bytes(data, policy=policy.default)
    assert message["Subject"] == note.subject + " – Zoë’s note"
    assert [a.display_name for a in message["To"].addresses] == [
        "Maya Lindgren",
        "Łukasz Wiśniewski",
    ]
    assert message["To"].addresses[1].addr_spec == "lukasz@tempoline.example"
    assert message["From"].addresses[0].display_name == "Zoë Ångström"
    assert message["X-Unsent"] == "1"
    assert message["Date"] is None  # a draft has no date yet: the mail client gives it one
    # SMTP policy: CRLF line ends, as RFC 5322 wants them.
    assert message.get_content().replace("\r\n", "\n").rstrip("\n") == note.body


def test_a_sent_note_is_dated_the_day_it_went_out_not_the_day_it_was_exported(app, noted):
    _, note_id = noted
    with app.uow() as uow:
        note = get_note(uow, note_id).note
        today = uow.today()
        sent_on = today - timedelta(days=22)
        exported = [
            email.message_from_bytes(
                as_eml(
                    uow,
                    subject=note.subject,
                    body=note.body,
                    recipients=note.recipients,
                    sender=options_sender(uow),
                    sent_on=day,
                ),
                policy=policy.default,
            )
            for day in (sent_on, today)
        ]
    earlier, now = exported
    assert earlier["Date"].datetime.date() == sent_on
    assert earlier["X-Unsent"] is None
    # Sent today: the moment of the export is as good as any, and it is today.
    assert now["Date"].datetime.date() == today


def options_sender(uow):
    from nextround.services.note_sender import get_sender

    return get_sender(uow)


def test_check_in_notes_get_their_own_tone_on_upgrade(app, clock):
    from sqlalchemy import select

    from nextround.services.applications import add_application, close_application
    from nextround.store import tables as t
    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    def process(company: str) -> int:
        with app.uow() as uow:
            found = add_application(
                uow, {"company": company, "role_title": "Ops Lead", "applied_on": date(2026, 9, 1)}
            )
            add_contact(uow, "Marta Silva", ContactRole.RECRUITER, application_id=found.id)
            uow.commit()
            assert found.id is not None
            return found.id

    quiet, thanked = process("Brightwave"), process("Corvid")
    with app.uow() as uow:
        # Thanked while the process was open, closed without an answer later: a thank-you.
        save_note(uow, draft_notes(uow, NoteRequest(thanked)), 1)
    clock.now += timedelta(hours=1)
    with app.uow() as uow:
        close_application(uow, thanked)
        close_application(uow, quiet)
    clock.now += timedelta(hours=1)
    with app.uow() as uow:
        drafts = draft_notes(uow, NoteRequest(quiet))
        assert drafts.facts.tone is Tone.CHECK_IN
        save_note(uow, drafts, 1)
    tones = select(t.notes.c.application_id, t.notes.c.tone).order_by(t.notes.c.application_id)
    expected = [(quiet, "check_in"), (thanked, "after_interview")]
    with app.engine.connect() as conn:
        assert [tuple(row) for row in conn.execute(tones)] == expected
    # Back to the schema that stored a check-in as after-interview, then forward again.
    downgrade(app.engine, "0006")
    with app.engine.connect() as conn:
        assert {row.tone for row in conn.execute(tones)} == {"after_interview"}
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    with app.engine.connect() as conn:
        assert [tuple(row) for row in conn.execute(tones)] == expected
    with app.uow() as uow:
        assert [n.note.tone for n in list_notes(uow, quiet)] == [Tone.CHECK_IN]


def test_a_note_after_an_offer_keeps_the_answer_it_was_written_after(app, clock):
    from sqlalchemy import select

    from nextround.domain.journey import OfferResponse, Outcome
    from nextround.services.applications import add_application
    from nextround.services.process import edit_decision, set_decision
    from nextround.store import tables as t
    from nextround.store.database import upgrade

    def offered(company: str, answer: OfferResponse) -> int:
        with app.uow() as uow:
            found = add_application(
                uow, {"company": company, "role_title": "Ops Lead", "applied_on": date(2026, 9, 1)}
            )
            add_contact(uow, "Marta Silva", ContactRole.RECRUITER, application_id=found.id)
            assert found.id is not None
            set_decision(uow, found.id, Outcome.OFFER, date(2026, 10, 1), offer_response=answer)
            return found.id

    declined = offered("Brightwave", OfferResponse.DECLINED)
    pending = offered("Corvid", OfferResponse.PENDING)
    accepted = offered("Dunmore", OfferResponse.ACCEPTED)
    clock.now += timedelta(hours=1)
    for app_id in (declined, pending, accepted):
        with app.uow() as uow:
            save_note(uow, draft_notes(uow, NoteRequest(app_id)), 1)
    clock.now += timedelta(hours=1)
    with app.uow() as uow:
        # Thanked for the offer while it was open, declined afterwards.
        edit_decision(uow, pending, {"offer_response": OfferResponse.DECLINED})
    answers = select(t.notes.c.application_id, t.notes.c.offer_answer).order_by(
        t.notes.c.application_id
    )
    expected = [(declined, "declined"), (pending, None), (accepted, "accepted")]
    with app.engine.connect() as conn:
        assert [tuple(row) for row in conn.execute(answers)] == expected
    with app.uow() as uow:
        said = {n.note.application_id: n.note.occasion for n in list_notes(uow)}
    assert said == {
        declined: "after declining the offer",
        pending: "after offer",
        accepted: "after accepting the offer",
    }
    # Notes kept before revision 0012 get the answer back where the record can tell it.
    downgrade(app.engine, "0011")
    upgrade(app.engine)
    with app.engine.connect() as conn:
        assert [tuple(row) for row in conn.execute(answers)] == expected


def test_the_question_before_deleting_an_application_counts_everything_that_goes(app, noted):
    from nextround.domain.feedback import FeedbackSource
    from nextround.domain.plan import PlanAction
    from nextround.services.application_removal import application_removal
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from nextround.services.frameworks import import_framework
    from nextround.services.notes import mark_sent
    from tests.unit.growth_fakes import keyword_mapper
    from tests.unit.growth_fixtures import FRAMEWORK

    journey, note_id = noted
    mapper = keyword_mapper()
    with app.uow() as uow:
        import_framework(uow, FRAMEWORK, use=True)
    with app.uow() as uow:
        mark_sent(uow, note_id, date(2025, 6, 20))
        _, statements = add_mapped_feedback(
            uow, "Risk management did not come through.", FeedbackSource.INTERVIEWER,
            lambda: mapper, "test", received_on=date(2025, 6, 12),
            links=FeedbackLinks(journey.main),
        )  # fmt: skip
    assert statements
    cited = f"feedback:{statements[0].id}"

    def action(ident: str, refs: tuple[str, ...], done: date | None = None) -> PlanAction:
        return PlanAction(ident, "mitigate", None, ident, "", "", date(2025, 7, 1), done,
                          evidence_refs=refs)  # fmt: skip

    with app.uow() as uow:
        uow.plan.replace_all(
            [
                action("open-cites-it", (cited,)),
                action("done-cites-it", (cited,), date(2025, 7, 2)),
                action("open-elsewhere", ("feedback:999999",)),
            ]
        )
        uow.commit()
    with app.uow() as uow:
        removal = application_removal(uow, journey.main)
    assert (removal.rounds, removal.interviews, removal.decisions) == (2, 3, 1)
    assert (removal.feedback, removal.statements) == (2, len(statements))
    assert (removal.notes, removal.sent_notes, removal.rated) == (1, 1, True)
    # With the two interviewers the whiteboard's interviews made people of.
    assert (removal.contacts, removal.plan_actions) == (4, 1)
    assert removal.summary == (
        "Technical Program Manager at Tempoline with 2 rounds, 3 interviews, 1 decision, "
        f"2 feedback items with {len(statements)} statement{'s' * (len(statements) > 1)}, "
        "1 thank-you note (1 sent) and its Option A rating"
    )
    assert removal.kept == (
        "4 people on it stay in your contacts. 1 open plan action built from it goes; "
        "1 done action stays as history, without its quotes of it."
    )
