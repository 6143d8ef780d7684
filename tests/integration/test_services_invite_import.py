"""Calendar invites imported into a real database: added once, moved, called off, all or none."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from nextround.bootstrap import Nextround
from nextround.domain.contacts import ContactRole
from nextround.domain.journey import Interviewer, InterviewFormat, Outcome, RoundKind
from nextround.errors import InvalidInputError, NextroundError
from nextround.io.calendar import event_uid
from nextround.io.invites import read_invite
from nextround.services import applications, contacts, process
from nextround.services.data import export_ics
from nextround.services.invite_import import Step, import_invite, plan_invite
from nextround.services.invite_memory import INVITES_KEY
from nextround.services.note_sender import set_sender

INVITES = Path(__file__).resolve().parents[1] / "fixtures" / "invites"


def invite(name: str):  # type: ignore[no-untyped-def]
    return read_invite((INVITES / name).read_bytes(), name)


def with_round(app: Nextround, company: str, round_name: str = "Onsite") -> int:
    with app.uow() as uow:
        made = applications.add_application(
            uow, {"company": company, "role_title": "Engineer", "applied_on": date(2026, 11, 1)}
        )
        assert made.id is not None
        process.add_round(
            uow,
            made.id,
            {
                "name": round_name,
                "kind": RoundKind.HIRING_MANAGER,
                "started_on": date(2026, 11, 20),
            },
        )
        return made.id


def interviews(app: Nextround, app_id: int) -> list:  # type: ignore[type-arg]
    with app.uow() as uow:
        found = uow.applications.get(app_id)
        return [i for r in found.ordered_rounds for i in r.sorted_interviews]


def run(app: Nextround, name: str, app_id: int | None = None, me: list[str] | None = None):  # type: ignore[no-untyped-def]
    with app.uow() as uow:
        plan = plan_invite(uow, invite(name), app_id, None, me)
        return import_invite(uow, plan)


def test_a_google_invite_adds_one_interview_on_its_clock_and_once_only(
    sqlite_app: Nextround,
) -> None:
    app_id = with_round(sqlite_app, "Zentrofy")
    with_round(sqlite_app, "Kornblum GmbH")
    done = run(sqlite_app, "google.ics", me=["Sam.Candidate@mail.example"])
    assert done.plan.picked is not None and "Zentrofy" in done.plan.picked
    (made,) = interviews(sqlite_app, app_id)
    assert made.title == "System Design Interview"  # your own name (from --me) left out
    assert made.format is InterviewFormat.SYSTEM_DESIGN
    assert made.time_zone == "America/New_York"
    assert made.scheduled_at == datetime(2027, 1, 14, 15, 0, tzinfo=UTC)
    assert made.duration_minutes == 60
    assert [p.name for p in made.interviewers] == ["Riley Recruiter", "Dana Architect"]
    assert made.notes.startswith("Where: https://meet.example/abc-defg-hij")
    # The same invite again: already on record, nothing written.
    with sqlite_app.uow() as uow:
        again = plan_invite(uow, invite("google.ics"), None, None, ["sam.candidate@mail.example"])
    assert [e.step for e in again.events] == [Step.ON_RECORD] and not again.writes
    assert len(interviews(sqlite_app, app_id)) == 1


def test_an_updated_invite_moves_the_interview_and_a_cancellation_calls_it_off(
    sqlite_app: Nextround,
) -> None:
    app_id = with_round(sqlite_app, "Lumenhall")
    run(sqlite_app, "utc.ics")
    moved = run(sqlite_app, "utc-moved.ics")
    assert [e.step for e in moved.plan.events] == [Step.MOVE]
    (made,) = interviews(sqlite_app, app_id)
    assert made.scheduled_at == datetime(2027, 2, 6, 17, 0, tzinfo=UTC)
    assert made.format is InterviewFormat.TECHNICAL
    off = run(sqlite_app, "utc-cancel.ics")
    assert [e.step for e in off.plan.events] == [Step.CALL_OFF]
    (made,) = interviews(sqlite_app, app_id)
    assert made.called_off and made.scheduled_at == datetime(2027, 2, 6, 17, 0, tzinfo=UTC)
    with sqlite_app.uow() as uow:
        assert uow.preferences.get(INVITES_KEY) == {
            "goodtime-example-0003@goodtime.example": {
                "interview": made.id,
                "sequence": 1,
                "stamp": "2026-12-02T09:00:00+00:00",
                "recorded": event_uid(made),
            }
        }
    # The invite as it stood before the cancellation: on record, and said to be called off.
    with sqlite_app.uow() as uow:
        (item,) = plan_invite(uow, invite("utc-moved.ics")).events
    assert item.step is Step.ON_RECORD and any("called off" in n for n in item.notes)


def test_an_outlook_invite_is_on_berlin_time_and_the_hiring_manager_is_behavioural(
    sqlite_app: Nextround,
) -> None:
    app_id = with_round(sqlite_app, "Kornblum GmbH")
    run(sqlite_app, "outlook.ics", app_id, me=["sam.candidate@mail.example"])
    (made,) = interviews(sqlite_app, app_id)
    assert (made.time_zone, made.scheduled_at) == (
        "Europe/Berlin",
        datetime(2027, 3, 10, 13, 0, tzinfo=UTC),
    )
    assert made.format is InterviewFormat.BEHAVIOURAL
    assert made.title == "Hiring manager interview"  # "Kornblum: " names the company
    assert [p.name for p in made.interviewers] == ["Jonas Einhorn"]
    assert "Where: Kornblum office, Hafenstrasse 1, Room Elbe" in made.notes


def test_which_application_is_asked_when_the_invite_names_none_or_several(
    sqlite_app: Nextround,
) -> None:
    with_round(sqlite_app, "Acme")
    with sqlite_app.uow() as uow, pytest.raises(InvalidInputError, match="names no running"):
        plan_invite(uow, invite("utc.ics"))
    with_round(sqlite_app, "Lumenhall")
    with_round(sqlite_app, "Lumenhall")
    with sqlite_app.uow() as uow, pytest.raises(InvalidInputError, match="could be for"):
        plan_invite(uow, invite("utc.ics"))


def test_a_far_future_invite_is_refused_and_a_failing_event_writes_nothing(
    sqlite_app: Nextround,
) -> None:
    app_id = with_round(sqlite_app, "Acme")
    with sqlite_app.uow() as uow, pytest.raises(InvalidInputError, match="years ahead"):
        plan_invite(uow, invite("far-future.ics"), app_id)
    # Two events; the second comes after the decision, refused by the rules of adding an
    # interview once the first is added: the first is not kept either.
    two = (INVITES / "utc.ics").read_bytes().replace(b"20270205T160000Z", b"20261120T160000Z")
    two = two.replace(
        b"END:VEVENT\r\n",
        b"END:VEVENT\r\nBEGIN:VEVENT\r\nUID:second@x\r\nDTSTART:20261124T090000Z\r\n"
        b"SUMMARY:Coding\\nround\x07\r\nDURATION:PT800M\r\nEND:VEVENT\r\n",
    )
    with sqlite_app.uow() as uow:
        process.set_decision(uow, app_id, Outcome.REJECTION, date(2026, 11, 22))
    with sqlite_app.uow() as uow:
        plan = plan_invite(uow, read_invite(two, "two.ics"), app_id)
        assert [e.step for e in plan.events] == [Step.ADD, Step.ADD]
        # One line, no control character; too long to be an interview, so no length.
        assert plan.events[1].fields["title"] == "Coding round"
        assert any("length is left out" in n for n in plan.events[1].notes)
        with pytest.raises(NextroundError, match="after the decision"):
            import_invite(uow, plan)
    assert interviews(sqlite_app, app_id) == []
    with sqlite_app.uow() as uow:
        assert uow.preferences.get(INVITES_KEY) is None


def test_exported_interviews_import_into_a_fresh_database_unchanged(
    sqlite_app: Nextround, make_app: Callable[[str], Nextround], tmp_path: Path
) -> None:
    """Round trip: the calendar export, read back, gives the same times, formats and people."""
    source = with_round(sqlite_app, "Acme")
    sessions = [
        {
            "title": "Design a rate limiter",
            "format": InterviewFormat.SYSTEM_DESIGN,
            "scheduled_at": datetime(2027, 3, 29, 9, 30),  # the day after Berlin's clocks go on
            "time_zone": "Europe/Berlin",
            "duration_minutes": 60,
            "interviewers": [
                Interviewer("Ada Park", "Engineering Manager"),
                Interviewer("Li Chen"),
            ],
        },
        {
            "title": "Pairing",
            "format": InterviewFormat.CODING,
            "scheduled_at": datetime(2027, 3, 30, 16, 0, tzinfo=UTC),
            "duration_minutes": 45,
        },
        {
            "title": "Values chat",
            "format": InterviewFormat.PRACTICAL_EXERCISE,
            "scheduled_at": datetime(2027, 3, 31, 8, 0, tzinfo=UTC),
        },
    ]
    with sqlite_app.uow() as uow:
        for fields in sessions:
            process.add_interview(uow, source, None, fields)  # type: ignore[arg-type]
        exported = export_ics(uow)
    fresh = make_app(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    target = with_round(fresh, "Acme")
    with fresh.uow() as uow:
        plan = plan_invite(uow, read_invite(exported, "interviews.ics"), target)
        import_invite(uow, plan)

    def seen(app: Nextround, app_id: int) -> list[tuple]:  # type: ignore[type-arg]
        return [
            (
                i.title,
                i.format,
                i.scheduled_at,
                i.time_zone,
                i.duration_minutes,
                [(p.name, p.title) for p in i.interviewers],
            )
            for i in interviews(app, app_id)
        ]

    assert seen(fresh, target) == seen(sqlite_app, source)
    # Read back into the database that wrote it: its own UIDs find every interview.
    with sqlite_app.uow() as uow:
        back = plan_invite(uow, read_invite(exported, "interviews.ics"), source)
    assert {e.step for e in back.events} == {Step.ON_RECORD}


TOM = ["tom.becker@posteo.de"]


def test_an_older_copy_of_an_invite_changes_nothing_after_a_move_or_cancellation(
    sqlite_app: Nextround,
) -> None:
    app_id = with_round(sqlite_app, "Tidewater Labs")
    run(sqlite_app, "outlook-final.ics", me=TOM)
    assert [e.step for e in run(sqlite_app, "outlook-final-moved.ics", me=TOM).plan.events] == [
        Step.MOVE
    ]
    run(sqlite_app, "outlook-final-cancel.ics", me=TOM)
    moved_at = datetime(2027, 2, 2, 9, 0, tzinfo=UTC)
    # The original (SEQUENCE 0) and the move (SEQUENCE 1) opened again from old e-mails.
    for name, said in (
        ("outlook-final.ics", "sequence 0 < 2"),
        ("outlook-final-moved.ics", "sequence 1 < 2"),
    ):
        again = run(sqlite_app, name, me=TOM)
        (item,) = again.plan.events
        assert item.step is Step.OLDER and not again.plan.writes and not again.interviews
        assert said in item.line() and "nothing changed" in item.line()
        (made,) = interviews(sqlite_app, app_id)
        assert made.called_off and made.scheduled_at == moved_at


def test_of_two_copies_with_one_sequence_the_later_stamp_stands(sqlite_app: Nextround) -> None:
    app_id = with_round(sqlite_app, "Tidewater Labs")
    run(sqlite_app, "outlook-final-moved.ics", me=TOM)  # SEQUENCE 1, written 24 Nov
    raw = (INVITES / "outlook-final-moved.ics").read_bytes()
    earlier = raw.replace(b"DTSTAMP:20261124T081500Z", b"DTSTAMP:20261121T081500Z").replace(
        b"20270202T", b"20270203T"
    )
    with sqlite_app.uow() as uow:
        (item,) = plan_invite(uow, read_invite(earlier, "old.ics"), None, None, TOM).events
    assert item.step is Step.OLDER and "before 2026-11-24 08:15" in item.line()
    (made,) = interviews(sqlite_app, app_id)
    assert made.scheduled_at == datetime(2027, 2, 2, 9, 0, tzinfo=UTC)


def test_a_newer_invite_after_a_cancellation_puts_the_interview_back_on(
    sqlite_app: Nextround,
) -> None:
    app_id = with_round(sqlite_app, "Tidewater Labs")
    run(sqlite_app, "outlook-final.ics", me=TOM)
    run(sqlite_app, "outlook-final-cancel.ics", me=TOM)
    raw = (INVITES / "outlook-final-moved.ics").read_bytes()
    again = raw.replace(b"SEQUENCE:1", b"SEQUENCE:3")
    with sqlite_app.uow() as uow:
        plan = plan_invite(uow, read_invite(again, "again.ics"), None, None, TOM)
        done = import_invite(uow, plan)
    (item,) = done.plan.events
    assert item.step is Step.BACK_ON and "back on" in item.line()
    assert done.summary() == "Put back on interview 1."
    (made,) = interviews(sqlite_app, app_id)
    assert not made.called_off and made.scheduled_at == datetime(2027, 2, 2, 9, 0, tzinfo=UTC)


def test_a_uid_remembered_the_old_way_still_finds_its_interview(sqlite_app: Nextround) -> None:
    app_id = with_round(sqlite_app, "Tidewater Labs")
    run(sqlite_app, "outlook-final.ics", me=TOM)
    (made,) = interviews(sqlite_app, app_id)
    uid = read_invite((INVITES / "outlook-final.ics").read_bytes(), "x").events[0].uid
    with sqlite_app.uow() as uow:  # as the first release stored it: UID -> interview id
        uow.preferences.set(INVITES_KEY, {uid: made.id}, uow.now())
        uow.commit()
    moved = run(sqlite_app, "outlook-final-moved.ics", me=TOM)
    assert [e.step for e in moved.plan.events] == [Step.MOVE]
    with sqlite_app.uow() as uow:
        assert uow.preferences.get(INVITES_KEY)[uid]["sequence"] == 1


def test_outlook_people_come_once_each_with_their_address_and_title(
    sqlite_app: Nextround,
) -> None:
    app_id = with_round(sqlite_app, "Tidewater Labs")
    done = run(sqlite_app, "outlook-final.ics", me=TOM)
    (made,) = interviews(sqlite_app, app_id)
    assert made.title == "Final interview - Presentation"
    assert [(p.name, p.title) for p in made.interviewers] == [
        ("Sabine Roth", None),
        ("Markus Engel", "CCO"),
        ("Priya Nair", None),
    ]
    assert done.new_people == ["Sabine Roth", "Markus Engel", "Priya Nair"]
    with sqlite_app.uow() as uow:
        people = {c.name: (c.email, c.title) for c in uow.contacts.list(app_id)}
    assert people == {
        "Sabine Roth": ("sabine.roth@tidewaterlabs.com", None),
        "Markus Engel": ("markus.engel@tidewaterlabs.com", "CCO"),
        "Priya Nair": ("priya.nair@tidewaterlabs.com", None),
    }
    case = run(sqlite_app, "outlook-case.ics", me=TOM)
    assert case.interviews[0].title == "Case study with CFO" and case.new_people == []


def test_an_invite_of_another_application_is_warned_about_and_not_doubled_unasked(
    sqlite_app: Nextround,
) -> None:
    aurora = with_round(sqlite_app, "Aurora Analytics GmbH")
    tidewater = with_round(sqlite_app, "Tidewater Labs")
    first = run(sqlite_app, "google-other-company.ics", me=TOM)
    assert first.plan.app_id == aurora and not first.plan.warnings
    assert first.interviews[0].title == "Interview with Jana Hoffmann"
    with sqlite_app.uow() as uow:
        plan = plan_invite(uow, invite("google-other-company.ics"), tidewater, None, TOM)
        assert plan.warnings == [
            f"this invite is already interview 1 of Aurora Analytics GmbH (application {aurora})",
            f"the invite names Aurora Analytics GmbH (application {aurora}), not Tidewater Labs",
        ]
        with pytest.raises(InvalidInputError, match="confirm importing a second copy"):
            import_invite(uow, plan)
    assert interviews(sqlite_app, tidewater) == []
    with sqlite_app.uow() as uow:
        plan = plan_invite(uow, invite("google-other-company.ics"), tidewater, None, TOM)
        done = import_invite(uow, plan, also_here=True)
    assert [i.id for i in interviews(sqlite_app, tidewater)] == [done.interviews[0].id]
    # The second copy's title loses Aurora's name as the first's did, not "(Aurora Analytics)".
    assert done.interviews[0].title == "Interview with Jana Hoffmann"
    # Named only, not on record there: a warning, and the import goes ahead when asked.
    lumen = with_round(sqlite_app, "Lumen Cloud")
    with sqlite_app.uow() as uow:
        plan = plan_invite(uow, invite("outlook-case.ics"), lumen, None, TOM)
    assert plan.warnings == [
        f"the invite names Tidewater Labs (application {tidewater}), not Lumen Cloud"
    ]
    assert plan.elsewhere == []


def test_a_recruiter_who_only_organises_is_no_interviewer_and_her_contact_stays(
    sqlite_app: Nextround,
) -> None:
    app_id = with_round(sqlite_app, "Tidewater Labs")
    with sqlite_app.uow() as uow:
        plan = plan_invite(uow, invite("outlook-recruiter.ics"), app_id, None, TOM)
    assert plan.left_out == ["Left out the organiser, Jana Roth (recruiter?) — not an attendee"]
    # On record as a contact (of another application): said, and left as it is.
    other = with_round(sqlite_app, "Hunter Hale")
    with sqlite_app.uow() as uow:
        jana = contacts.add_person(
            uow, "Jana Roth", ContactRole.RECRUITER, application_id=other
        ).contact
    done = run(sqlite_app, "outlook-recruiter.ics", app_id, me=TOM)
    assert done.plan.left_out == [
        f"Left out the organiser, Jana Roth (recruiter, contact {jana.id}) — not an attendee"
    ]
    (made,) = interviews(sqlite_app, app_id)
    assert [p.name for p in made.interviewers] == ["Markus Engel", "Priya Nair"]
    assert done.new_people == ["Markus Engel", "Priya Nair"]
    with sqlite_app.uow() as uow:
        kept = uow.contacts.get(jana.id)
        assert (kept.application_id, kept.email, kept.role) == (other, None, ContactRole.RECRUITER)
        assert [c.name for c in uow.contacts.list(app_id)] == ["Markus Engel", "Priya Nair"]


def test_the_preview_names_each_guest_left_out_and_why(sqlite_app: Nextround) -> None:
    # Dana copied in as optional, Priya who declined: said, as the organiser is.
    app_id = with_round(sqlite_app, "Zentrofy")
    raw = (INVITES / "google.ics").read_bytes()
    raw = raw.replace(
        b"ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Dana Ar",
        b"ROLE=OPT-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Dana Ar",
    ).replace(
        b"ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Riley R",
        b"ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;CN=Riley R",
    )
    with sqlite_app.uow() as uow:
        plan = plan_invite(
            uow, read_invite(raw, "google.ics"), app_id, None, ["sam.candidate@mail.example"]
        )
    assert plan.left_out == [
        "Left out the organiser, Riley Recruiter (recruiter?) — declined the invite",
        "Left out Dana Architect — an optional attendee",
    ]
    assert plan.events[0].fields.get("interviewers", []) == []


def test_the_address_you_sign_notes_with_is_you_unless_another_is_given(
    sqlite_app: Nextround,
) -> None:
    app_id = with_round(sqlite_app, "Zentrofy")
    with sqlite_app.uow() as uow:
        set_sender(uow, "Sam Candidate <Sam.Candidate@mail.example>")
    with sqlite_app.uow() as uow:
        plan = plan_invite(uow, invite("google.ics"), app_id)
        given = plan_invite(uow, invite("google.ics"), app_id, None, ["dana@zentrofy.example"])
    assert plan.you_by_default == "Sam.Candidate@mail.example" and not plan.may_list_you
    (item,) = plan.events
    assert item.fields["title"] == "System Design Interview"
    assert [p.name for p in item.fields["interviewers"]] == ["Riley Recruiter", "Dana Architect"]
    # An address given wins: it alone is you.
    assert given.you_by_default is None
    assert [p.name for p in given.events[0].fields["interviewers"]] == [
        "Riley Recruiter",
        "Sam Candidate",
    ]


def _three_events() -> bytes:
    """utc.ics with a copy of its event at the same time (another UID) and one two hours on."""
    raw = (INVITES / "utc.ics").read_bytes()
    start = raw.index(b"BEGIN:VEVENT")
    end = raw.index(b"END:VEVENT") + len(b"END:VEVENT\r\n")
    event = raw[start:end]
    copy = event.replace(b"goodtime-example-0003", b"goodtime-example-copy")
    later = event.replace(b"goodtime-example-0003", b"goodtime-example-0004").replace(
        b"20270205T160000Z", b"20270205T180000Z"
    )
    return raw[:end] + copy + later + raw[end:]


def test_two_events_at_one_time_import_once_and_either_uid_finds_the_interview(
    sqlite_app: Nextround,
) -> None:
    app_id = with_round(sqlite_app, "Lumenhall")
    with sqlite_app.uow() as uow:
        plan = plan_invite(uow, read_invite(_three_events(), "three.ics"), app_id)
        done = import_invite(uow, plan)
    assert [e.step for e in plan.events] == [Step.ADD, Step.ADD]
    assert "the invite holds it twice at this time: imported once" in plan.events[0].notes
    assert done.summary() == "Added interviews 1, 2."
    assert [i.scheduled_at for i in interviews(sqlite_app, app_id)] == [
        datetime(2027, 2, 5, 16, 0, tzinfo=UTC),
        datetime(2027, 2, 5, 18, 0, tzinfo=UTC),
    ]
    # The copy, moved later under its own UID, moves the one interview it was imported as.
    moved = (
        (INVITES / "utc-moved.ics")
        .read_bytes()
        .replace(b"goodtime-example-0003", b"goodtime-example-copy")
    )
    with sqlite_app.uow() as uow:
        again = plan_invite(uow, read_invite(moved, "moved.ics"), app_id)
    assert [(e.step, e.interview_id) for e in again.events] == [(Step.MOVE, 1)]


def test_an_invite_on_record_for_a_deleted_interview_finds_no_new_one_with_its_id(
    app: Nextround, make_app: Callable[[str], Nextround], second_url: str, clock
) -> None:
    """A restore numbers on after the backup's highest id: a new interview may reuse one."""
    from datetime import timedelta

    from nextround.services.data import export_backup, restore_backup
    from nextround.services.process_removal import remove_interview

    app_id = with_round(app, "Zentrofy")
    run(app, "google.ics", me=["sam.candidate@mail.example"])
    (made,) = interviews(app, app_id)
    with app.uow() as uow:
        remove_interview(uow, made.id)
        doc = export_backup(uow)
    restored = make_app(second_url)
    with restored.uow() as uow:
        restore_backup(uow, doc)
        uow.commit()
    clock.now += timedelta(days=3)
    with restored.uow() as uow:
        other = process.add_interview(
            uow,
            app_id,
            None,
            {"title": "Coffee", "scheduled_at": datetime(2027, 2, 1, 9, tzinfo=UTC)},
        )
    assert other.id == made.id  # the id came back
    with restored.uow() as uow:
        again = plan_invite(uow, invite("google.ics"), None, None, ["sam.candidate@mail.example"])
    # The invite is not the coffee chat that took its old interview's id: it is added anew.
    assert [(e.step, e.interview_id) for e in again.events] == [(Step.ADD, None)]


@pytest.mark.parametrize("removed", ["interview", "round", "application"])
def test_removing_an_interview_forgets_its_invites_on_record(
    sqlite_app: Nextround, removed: str
) -> None:
    """Nothing on record points at a removed interview; another application's invite stays."""
    from nextround.services.application_removal import delete_application
    from nextround.services.invite_memory import remembered_events
    from nextround.services.process_removal import remove_interview, remove_round

    app_id = with_round(sqlite_app, "Zentrofy")
    run(sqlite_app, "google.ics", me=["sam.candidate@mail.example"])
    other_id = with_round(sqlite_app, "Acme")
    run(sqlite_app, "outlook.ics", other_id, me=["sam.candidate@mail.example"])
    (made,) = interviews(sqlite_app, app_id)
    (kept,) = interviews(sqlite_app, other_id)
    with sqlite_app.uow() as uow:
        on_record = remembered_events(uow)
        assert {r.interview_id for r in on_record.values()} == {made.id, kept.id}
        if removed == "interview":
            remove_interview(uow, made.id)
        elif removed == "round":
            remove_round(uow, uow.applications.get(app_id).ordered_rounds[0].id)
        else:
            delete_application(uow, app_id)
    with sqlite_app.uow() as uow:
        assert {r.interview_id for r in remembered_events(uow).values()} == {kept.id}


def test_an_own_export_with_the_stored_calendar_id_finds_no_new_interview_with_its_id(
    app: Nextround, make_app: Callable[[str], Nextround], second_url: str, clock
) -> None:
    """Its UID names the interview by id alone: an event written before the interview is not it."""
    from datetime import timedelta

    from nextround.services.data import export_backup, restore_backup
    from nextround.services.process_removal import remove_interview

    app_id = with_round(app, "Zentrofy")
    with app.uow() as uow:
        uow.preferences.set("calendar.id", "c0ffee-0123456789", uow.now())
        made = process.add_interview(
            uow,
            app_id,
            None,
            {"title": "Systems", "scheduled_at": datetime(2027, 1, 20, 9, tzinfo=UTC)},
        )
        exported = export_ics(uow)
    assert f"interview-{made.id}-c0ffee-0123456789@nextround".encode() in exported
    with app.uow() as uow:
        # Read back by the database that wrote it, the interview is found by its UID.
        back = plan_invite(uow, read_invite(exported, "interviews.ics"), app_id)
        assert [(e.step, e.interview_id) for e in back.events] == [(Step.ON_RECORD, made.id)]
        remove_interview(uow, made.id)
        doc = export_backup(uow)
    restored = make_app(second_url)
    with restored.uow() as uow:
        restore_backup(uow, doc)
        uow.commit()
    clock.now += timedelta(days=3)
    with restored.uow() as uow:
        other = process.add_interview(
            uow,
            app_id,
            None,
            {"title": "Coffee", "scheduled_at": datetime(2027, 2, 1, 9, tzinfo=UTC)},
        )
    assert other.id == made.id  # the id came back
    with restored.uow() as uow:
        again = plan_invite(uow, read_invite(exported, "interviews.ics"), app_id)
    # Exported before the coffee chat was recorded: it is the deleted interview, added anew.
    assert [(e.step, e.interview_id) for e in again.events] == [(Step.ADD, None)]
