"""People through the real command line: shown, corrected and removed, with nothing else lost."""

from __future__ import annotations

import json

import pytest

from nextround.domain.journey import Interviewer
from tests.e2e.conftest import Cli, dump, open_app
from tests.e2e.test_cli_errors import assert_clean_failure


def _link_maya(cli: Cli, main: int, recruiter: int) -> tuple[int, int]:
    """Name Maya (the recruiter) on the intro call and address a saved note to her."""
    from nextround.services.note_drafting import NoteRequest, draft_notes
    from nextround.services.notes import save_note
    from nextround.services.process import edit_interview

    app = open_app(cli)
    try:
        with app.uow() as uow:
            intro = uow.applications.get(main).round_at(1).sorted_interviews[0]
            assert intro.id is not None
            maya = Interviewer("Maya Lindgren", "TA Partner", recruiter)
            edit_interview(uow, intro.id, {"interviewers": [maya]})
            note = save_note(uow, draft_notes(uow, NoteRequest(main, sender="Zoë")), 1)
    finally:
        app.close()
    assert note.id is not None
    return intro.id, note.id


def test_a_person_is_shown_corrected_and_removed(seeded):
    cli, journey = seeded
    intro, note = _link_maya(cli, journey.main, journey.recruiter)
    maya = str(journey.recruiter)

    shown = " ".join(cli.ok("contact", "show", maya).split())
    assert shown.startswith(f"Maya Lindgren (contact {maya})")
    assert "Role talent acquisition" in shown
    assert "Email maya@tempoline.example" in shown
    assert f"App application {journey.main} (Tempoline)" in shown
    assert f"Interviewer in 1 interview • interview {intro}: Intro call — Screen at Tempoline" in (
        shown
    )
    assert f"Addressed in 1 note • note {note} for Tempoline" in shown
    assert "to maya@tempoline.example, not sent" in shown
    data = json.loads(cli.ok("contact", "show", maya, "--json"))
    assert (data["name"], data["notes"]) == ("Maya Lindgren", None)
    assert [i["interview_id"] for i in data["named_in"]["interviews"]] == [intro]
    assert [(n["note_id"], n["email"]) for n in data["named_in"]["notes"]] == [
        (note, "maya@tempoline.example")
    ]

    out = cli.ok(
        "contact", "edit", maya, "--email", "maya@new.example", "--title", "", "--role", "recruiter"
    )
    assert out.strip() == f"Updated contact {maya} (Maya Lindgren): email, role, title."
    edited = json.loads(cli.ok("contact", "show", maya, "--json"))
    assert (edited["email"], edited["title"], edited["role"]) == (
        "maya@new.example",
        None,
        "recruiter",
    )
    # '' empties the role as a blank choice on the web does: back to other.
    cli.ok("contact", "edit", maya, "--role", "")
    assert json.loads(cli.ok("contact", "show", maya, "--json"))["role"] == "other"
    cli.ok("contact", "edit", maya, "--role", "recruiter")
    out = cli.ok("contact", "edit", maya, "--no-app")
    assert out.strip() == f"Updated contact {maya} (Maya Lindgren): application."
    assert json.loads(cli.ok("contact", "show", maya, "--json"))["application_id"] is None
    cli.ok("contact", "edit", maya, "--app", str(journey.main))

    twin = cli.ok("contact", "add", "Maya Lindgren", "--app", str(journey.main)).split()[2]
    twin = twin.rstrip(":")
    before = dump(cli.db)
    kept = cli("contact", "rm", maya, stdin="n\n")
    assert kept.code == 1
    assert (
        f"Remove contact {maya} (Maya Lindgren)? Interviews and notes that name them keep "
        "the name" in " ".join(kept.out.split())
    )
    assert kept.err.strip() == "Aborted; nothing was changed."
    assert dump(cli.db) == before

    out = cli.ok("contact", "rm", maya, "--yes")
    assert out.strip() == (
        f"Removed contact {maya} (Maya Lindgren); 1 interview and 1 note still name them."
    )
    app = json.loads(cli.ok("app", "show", str(journey.main), "--json"))
    assert app["rounds"][0]["interviews"][0]["interviewers"] == [
        {"name": "Maya Lindgren", "title": "TA Partner", "contact_id": None}
    ]
    assert [c["id"] for c in app["contacts"] if c["name"] == "Maya Lindgren"] == [int(twin)]
    saved = json.loads(cli.ok("note", "show", str(note), "--json"))
    assert saved["recipients"][0] == {
        "name": "Maya Lindgren",
        "email": "maya@tempoline.example",
        "contact_id": None,
    }
    # The twin was named nowhere: it goes with nothing to say.
    assert cli.ok("contact", "rm", twin, "-y").strip() == f"Removed contact {twin} (Maya Lindgren)."
    # Left: the interviewers the seeded interviews made contacts of.
    left = json.loads(cli.ok("contact", "list", "--json"))
    assert {c["role"] for c in left} == {"interviewer"}
    assert "Maya Lindgren" not in {c["name"] for c in left}


def test_what_a_person_typed_is_printed_as_typed(cli):
    cli.ok("contact", "add", "[bold]Eve[/bold] <script>", "--notes", "[red]not red[/] <b>x</b>")
    out = cli.ok("contact", "show", "1")
    assert "[bold]Eve[/bold] <script>" in out
    assert "[red]not red[/] <b>x</b>" in out
    out = cli.ok("contact", "edit", "1", "--name", "[i]Eve[/i]")
    assert out.strip() == "Updated contact 1 ([i]Eve[/i]): name."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["contact", "show", "42"], r"no contact with id 42; see `nextround contact list`"),
        (["contact", "edit", "42", "--name", "Bob"], r"no contact with id 42"),
        (["contact", "rm", "42", "--yes"], r"no contact with id 42"),
        (["contact", "rm", "42"], r"no contact with id 42"),  # before any question
        (["contact", "edit", "1"], r"nothing to change; give at least one option"),
        (
            ["contact", "edit", "1", "--email", "maya-at-tempoline"],
            r"email 'maya-at-tempoline' is not an address like name@example\.com",
        ),
        (["contact", "edit", "1", "--name", ""], r"contact name is required"),
        (["contact", "edit", "1", "--name", "  "], r"contact name is required"),
        (["contact", "edit", "1", "--app", "42"], r"no application with id 42"),
        (["contact", "edit", "1", "--app", "2", "--no-app"], r"give --app or --no-app, not both"),
        (["contact", "edit", "1", "--role", "boss"], r"--role 'boss' is not one of: talent-"),
        (["contact", "show", "abc"], r"(?i)Invalid value for 'CONTACT_ID'"),
    ],
)
def test_bad_input_says_what_to_fix_and_changes_nothing(seeded, args, message):
    cli, _ = seeded
    assert_clean_failure(cli, args, message)


@pytest.mark.parametrize(
    "args", [["contact", "show", "1"], ["contact", "edit", "1", "--phone", "1"]]
)
def test_contact_commands_stay_light(seeded, args):
    cli, _ = seeded
    imported = cli.imported(*args)
    assert "nextround.services.contacts" in imported  # it did run the use case
    heavy = {"torch", "sentence_transformers", "onnxruntime", "numpy", "fastapi", "nextround.web"}
    assert not heavy & imported


def test_interviewers_and_people_are_linked_by_name_whichever_came_first(cli: Cli) -> None:
    # The README's tour: the interview names Maya before she is added as a contact.
    cli.ok("app", "add", "Tempoline", "TPM", "--applied", "2025-05-06")
    cli.ok("round", "add", "1", "Screen", "--kind", "screen", "--on", "2025-05-14")
    cli.ok(
        "interview", "add", "1", "Intro call", "--at", "2025-05-14T10:00+02:00",
        "--with", "Maya Lindgren, Talent Acquisition Partner",
    )  # fmt: skip
    cli.ok("contact", "add", "Maya Lindgren", "--role", "talent-acquisition", "--app", "1")
    shown = " ".join(cli.ok("contact", "show", "1").split())
    assert "Interviewer in 1 interview" in shown and "Intro call" in shown
    # And the other way round: a person on record is linked when an interview names them.
    cli.ok("interview", "add", "1", "Follow-up", "--with", "maya lindgren")
    shown = " ".join(cli.ok("contact", "show", "1").split())
    assert "Interviewer in 2 interviews" in shown and "Follow-up" in shown
    removed = " ".join(cli.ok("contact", "rm", "1", "--yes").split())
    assert "2 interviews" in removed and "still name them" in removed


def test_adding_a_person_twice_says_so(cli: Cli) -> None:
    cli.ok("app", "add", "Tempoline", "TPM", "--applied", "2025-05-06")
    cli.ok("contact", "add", "Jon Berg", "--app", "1")
    out = " ".join(cli.ok("contact", "add", "jon berg", "--app", "1").split())
    assert out == (
        "Added contact 2: jon berg. Note: jon berg was on application 1 already (contact 1); "
        "if this was a slip: `nextround contact rm 2`."
    )
    general = " ".join(cli.ok("contact", "add", "Jon Berg").split())  # no application
    assert "Note: Jon Berg was among your contacts already (contact 1, 2)" in general


def test_interviewers_become_contacts_and_a_thank_you_can_reach_them(cli: Cli) -> None:
    cli.ok("app", "add", "Fernhill", "Ops lead", "--applied", "2026-09-01")
    cli.ok("round", "add", "1", "Final loop", "--kind", "final-loop", "--on", "2026-09-09")
    out = " ".join(
        cli.ok(
            "interview", "add", "1", "Panel", "--at", "2026-09-09T10:00",
            "--with", "Ravi Menon, Director of Operations",
        ).split()
    )  # fmt: skip
    assert (
        "Added to the people of application 1, as interviewer: Ravi Menon (contact 1). For "
        "thank-you notes, add an email: `nextround contact edit 1 --email ADDRESS`." in out
    )
    listed = json.loads(cli.ok("contact", "list", "--json"))
    assert [
        (c["name"], c["role"], c["title"], c["company"], c["application_id"]) for c in listed
    ] == [("Ravi Menon", "interviewer", "Director of Operations", "Fernhill", 1)]
    # Adding him by hand completes the one record rather than making a second.
    out = " ".join(
        cli.ok("contact", "add", "ravi menon", "--app", "1", "--email", "ravi@f.example").split()
    )
    assert out == (
        "Ravi Menon was among the people of application 1 already, named on an interview "
        "(contact 1); added email there."
    )
    note = json.loads(cli.ok("note", "thank-you", "1", "--json"))
    assert [(r["name"], r["email"]) for r in note["recipients"]] == [
        ("Ravi Menon", "ravi@f.example")
    ]


def test_interviewers_recorded_before_become_contacts_on_request(cli: Cli) -> None:
    cli.ok("app", "add", "Fernhill", "Ops lead", "--applied", "2026-09-01")
    cli.ok("round", "add", "1", "Final loop", "--kind", "final-loop", "--on", "2026-09-09")
    cli.ok("interview", "add", "1", "Panel", "--with", "Ravi Menon", "--with", "Clara Jung")
    # As recorded before interviewers became contacts: names without people.
    cli.ok("contact", "rm", "1", "--yes")
    cli.ok("contact", "rm", "2", "--yes")
    listed = " ".join(cli.ok("contact", "list").split())
    assert (
        "Note: Clara Jung, Ravi Menon are named on interviews but not among the contacts: "
        "`nextround contact from-interviews` adds them." in listed
    )
    out = " ".join(cli.ok("contact", "from-interviews").split())
    assert "Added contact 3: Ravi Menon (interviewer, application 1)." in out
    assert "Added contact 4: Clara Jung (interviewer, application 1)." in out
    again = cli.ok("contact", "from-interviews", "--app", "1")
    assert "among the contacts already" in again
    assert "named on interviews" not in cli.ok("contact", "list")


def test_contact_show_marks_an_interview_called_off(cli: Cli) -> None:
    from datetime import UTC, datetime, timedelta

    ahead = datetime.now(UTC).date() + timedelta(days=5)
    cli.ok("app", "add", "Acme", "PM", "--applied", str(ahead - timedelta(days=30)))
    cli.ok("round", "add", "1", "Hiring manager", "--on", str(ahead))
    cli.ok("interview", "add", "1", "HM chat", "--at", f"{ahead}T10:00", "--with", "Jordan Lee")
    cli.ok("interview", "edit", "1", "--called-off")
    shown = " ".join(cli.ok("contact", "show", "1").split())
    assert "Interviewer in 1 interview (1 called off)" in shown
    assert (
        f"• interview 1: HM chat — Hiring manager at Acme (application 1), {ahead} 10:00, "
        "called off" in shown
    )
    data = json.loads(cli.ok("contact", "show", "1", "--json"))
    assert data["named_in"]["interviews"][0]["called_off"] is True


def test_contact_list_orders_filters_and_dates_like_the_people_page(cli: Cli) -> None:
    cli.ok("app", "add", "Orbital Pay", "TPM", "--applied", "2025-09-01")
    cli.ok("app", "add", "Cobalt", "Staff PM", "--applied", "2025-09-03")
    cli.ok("round", "add", "1", "Loop", "--kind", "final-loop", "--on", "2025-10-01")
    cli.ok("interview", "add", "1", "Deep dive", "--at", "2025-10-02T10:00", "--with", "Ravi Menon")
    cli.ok("contact", "add", "Zoe Park", "--role", "recruiter", "--app", "1")
    cli.ok("contact", "add", "Élodie Marchand", "--role", "hiring-manager", "--app", "2")
    listed = json.loads(cli.ok("contact", "list", "--json"))
    # By company, the recruiter before the interviewer.
    assert [c["name"] for c in listed] == ["Élodie Marchand", "Zoe Park", "Ravi Menon"]
    out = cli.ok("contact", "list")
    assert "Last contact" in out and "2025-10-02" in out
    assert out.rstrip().endswith("3 people at 2 companies")
    some = cli.ok("contact", "list", "--company", "orbital", "--role", "interviewer")
    assert "Ravi Menon" in some and "Zoe Park" not in some
    assert some.rstrip().endswith("1 person at 1 company")
    words = json.loads(cli.ok("contact", "list", "--search", "elodie", "--json"))
    assert [c["name"] for c in words] == ["Élodie Marchand"]
    recent = json.loads(cli.ok("contact", "list", "--recent", "--json"))
    assert next(c["name"] for c in recent) == "Ravi Menon"
    assert "No contact matches these filters." in cli.ok("contact", "list", "--search", "nobody")
    # Narrower, the column goes, and the list says so (QA11 F9: it went without a word).
    cli.env["COLUMNS"] = "100"
    narrow = " ".join(cli.ok("contact", "list").split())
    assert "2025-10-02" not in narrow
    assert "The last contact is hidden at this width; `nextround contact list --recent`" in narrow
