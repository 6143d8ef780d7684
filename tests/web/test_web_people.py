"""The People card: each person corrected or removed, with and without JavaScript."""

from __future__ import annotations

import html
import re
from datetime import date

from nextround.bootstrap import Nextround
from nextround.domain.journey import Interviewer, RoundKind
from nextround.services.contacts import get_contact, list_contacts
from nextround.services.process import add_interview, add_round
from tests.web.conftest import Browser, field_error, input_value
from tests.web.test_web_escaping import EVIL, assert_inert

HTMX = {"HX-Request": "true"}


def _person(browser: Browser, app_id: int, **fields: str) -> int:
    """Add a person through the form; their id, read from the page's anchor."""
    data = {"name": "Dana Ruiz", "role": "hiring_manager", "email": "dana@x.test", **fields}
    assert browser.post(f"/applications/{app_id}/contacts", data).status_code == 303
    page = browser.get(f"/applications/{app_id}").text
    ids = [int(i) for i in re.findall(r'<li id="contact-(\d+)">', page)]
    return max(ids)


def _stored(nextround: Nextround, contact_id: int):
    with nextround.uow() as uow:
        return get_contact(uow, contact_id)


def _form(app_id: int, contact_id: int, **changes: str) -> dict[str, str]:
    """The edit form as the page fills it for Dana, with ``changes`` typed over it."""
    return {
        "name": "Dana Ruiz",
        "role": "hiring_manager",
        "title": "",
        "company": "Acme",
        "email": "dana@x.test",
        "phone": "",
        "notes": "",
        **changes,
    }


def test_each_person_offers_forms_that_load_on_demand(browser: Browser) -> None:
    app_id = browser.add_application()
    dana = _person(browser, app_id)
    page = browser.get(f"/applications/{app_id}").text
    edit_key, delete_key = f"edit-contact-{dana}", f"delete-contact-{dana}"
    assert f'hx-get="/applications/{app_id}/forms/{edit_key}"' in page
    assert f'hx-get="/applications/{app_id}/forms/{delete_key}"' in page
    assert "<summary>Edit Dana Ruiz</summary>" in page
    assert "<summary>Remove Dana Ruiz</summary>" in page
    # Without JavaScript, the disclosure's link opens the page with the form in it.
    assert f'href="/applications/{app_id}?form={edit_key}#contact-{dana}"' in page
    inline = browser.get(f"/applications/{app_id}?form={edit_key}").text
    assert input_value(inline, f"{edit_key}-email") == "dana@x.test"
    assert f'action="/applications/{app_id}/contacts/{dana}"' in inline
    # With htmx, just the form.
    fragment = browser.get(f"/applications/{app_id}/forms/{edit_key}", headers=HTMX)
    assert fragment.status_code == 200
    assert input_value(fragment.text, f"{edit_key}-name") == "Dana Ruiz"
    assert "<html" not in fragment.text
    removal = browser.get(f"/applications/{app_id}/forms/{delete_key}", headers=HTMX).text
    assert f'action="/applications/{app_id}/contacts/{dana}/delete"' in removal
    assert 'name="confirm"' in removal and 'name="csrf_token"' in removal
    plain = browser.get(f"/applications/{app_id}/forms/{edit_key}", follow_redirects=False)
    assert plain.status_code == 303
    assert plain.headers["location"] == f"/applications/{app_id}?form={edit_key}"


def test_an_edit_is_saved_and_an_emptied_field_is_cleared(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    dana = _person(browser, app_id, phone="+46 70 000", title="EM")
    saved = browser.post(
        f"/applications/{app_id}/contacts/{dana}",
        _form(app_id, dana, email="dana@tempoline.test", title="Director", notes="Kind.\r\nSharp."),
    )
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/applications/{app_id}#contact-{dana}"
    page = browser.get(saved.headers["location"]).text
    assert "Saved Dana Ruiz: email, notes, phone, title." in page
    person = _stored(sqlite_app, dana)
    assert (person.email, person.title, person.phone) == ("dana@tempoline.test", "Director", None)
    assert "dana@tempoline.test" in page and "+46 70 000" not in page
    # The same form again, as the browser would send it (CRLF and all): nothing to change.
    again = browser.post(
        f"/applications/{app_id}/contacts/{dana}",
        _form(
            app_id,
            dana,
            email="dana@tempoline.test",
            title="Director",
            notes="Kind.\r\nSharp.",
        ),
    )
    assert again.status_code == 303
    assert "Nothing to change: it already says so." in browser.get(again.headers["location"]).text
    assert _stored(sqlite_app, dana).updated_at == person.updated_at


def test_bad_input_is_shown_next_to_its_field_and_nothing_is_saved(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    dana = _person(browser, app_id)
    key = f"edit-contact-{dana}"
    before = _stored(sqlite_app, dana)
    cases = [
        ({"email": "dana-at-acme"}, "email", "is not an address like name@example.com"),
        ({"name": "   "}, "name", "Contact name is required"),
        ({"role": "boss"}, "role", "'boss' is not one of"),
        ({"phone": "1" * 51}, "phone", "Phone is 51 characters long; the limit is 50"),
    ]
    for typed, field, message in cases:
        response = browser.post(
            f"/applications/{app_id}/contacts/{dana}", _form(app_id, dana, **typed)
        )
        assert response.status_code == 422, typed
        assert message in html.unescape(field_error(response.text, f"{key}-{field}") or ""), typed
        # The form stays open with what was typed, so it can be fixed.
        assert re.search(
            r'<details class="disclosure small" open>\s*<summary>Edit Dana', response.text
        )
        if field == "email":
            assert input_value(response.text, f"{key}-email") == "dana-at-acme"
    after = _stored(sqlite_app, dana)
    assert (after.name, after.email, after.role, after.updated_at) == (
        before.name,
        before.email,
        before.role,
        before.updated_at,
    )


def test_unknown_people_and_people_of_another_application_are_not_found(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    other = browser.add_application(company="Elsewhere")
    dana = _person(browser, app_id)
    for path in (
        f"/applications/{app_id}/contacts/999",
        f"/applications/{other}/contacts/{dana}",
        f"/applications/{other}/contacts/{dana}/delete",
        f"/applications/{app_id}/contacts/999/delete",
    ):
        response = browser.post(path, {**_form(app_id, dana, name="Hijacked"), "confirm": "1"})
        assert response.status_code == 404, path
        assert "There is no contact with id" in response.text
    fragment = browser.get(f"/applications/{other}/forms/edit-contact-{dana}", headers=HTMX)
    assert fragment.status_code == 404
    assert _stored(sqlite_app, dana).name == "Dana Ruiz"


def test_removal_asks_for_the_tick_and_keeps_the_name_in_interviews(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    dana = _person(browser, app_id)
    maya = _person(browser, app_id, name="Maya Lindgren", email="maya@x.test")
    with sqlite_app.uow() as uow:
        add_round(uow, app_id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP, "started_on": _day()})
        add_interview(
            uow,
            app_id,
            None,
            {"title": "Panel", "interviewers": [Interviewer("Dana Ruiz", "EM", dana)]},
        )
    unticked = browser.post(f"/applications/{app_id}/contacts/{dana}/delete", {})
    assert unticked.status_code == 422
    assert "Tick the box to confirm" in field_error(unticked.text, f"delete-contact-{dana}-confirm")
    assert _stored(sqlite_app, dana).name == "Dana Ruiz"

    removed = browser.post(f"/applications/{app_id}/contacts/{dana}/delete", {"confirm": "1"})
    assert removed.status_code == 303
    assert removed.headers["location"] == f"/applications/{app_id}#people"
    page = browser.get(removed.headers["location"]).text
    assert "Removed Dana Ruiz; 1 interview still names them." in page
    assert f'id="contact-{dana}"' not in page and f'id="contact-{maya}"' in page
    assert "Dana Ruiz" in page  # still on the interview
    with sqlite_app.uow() as uow:
        assert [c.id for c in list_contacts(uow, app_id)] == [maya]
        [interview] = uow.applications.get(app_id).rounds[0].interviews
    assert interview.interviewers == [Interviewer("Dana Ruiz", "EM", None)]


def test_edits_and_removals_need_the_session_token(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = browser.add_application()
    dana = _person(browser, app_id)
    client = browser.client
    forged = client.post(
        f"/applications/{app_id}/contacts/{dana}/delete",
        data={"confirm": "1"},
        follow_redirects=False,
    )
    assert forged.status_code == 403
    edited = client.post(
        f"/applications/{app_id}/contacts/{dana}",
        data={**_form(app_id, dana, name="Mallory"), "csrf_token": "not-the-token"},
        follow_redirects=False,
    )
    assert edited.status_code == 403
    assert _stored(sqlite_app, dana).name == "Dana Ruiz"


def test_hostile_text_is_shown_escaped_in_the_card_the_forms_and_the_messages(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    eve = _person(browser, app_id, name="Eve", email="")
    saved = browser.post(
        f"/applications/{app_id}/contacts/{eve}",
        {**_form(app_id, eve, name=f"Eve {EVIL}", notes=EVIL, title=EVIL), "email": ""},
    )
    assert saved.status_code == 303
    assert _stored(sqlite_app, eve).notes == EVIL  # kept as typed
    page = browser.get(saved.headers["location"]).text  # with the flash naming her
    assert_inert(page)
    assert "&lt;script&gt;" in page
    for key in (f"edit-contact-{eve}", f"delete-contact-{eve}"):
        assert_inert(browser.get(f"/applications/{app_id}?form={key}").text)
        assert_inert(browser.get(f"/applications/{app_id}/forms/{key}", headers=HTMX).text)
    refused = browser.post(
        f"/applications/{app_id}/contacts/{eve}", _form(app_id, eve, name=EVIL, email=EVIL)
    )
    assert refused.status_code == 422
    assert_inert(refused.text)
    removed = browser.post(f"/applications/{app_id}/contacts/{eve}/delete", {"confirm": "1"})
    assert_inert(browser.get(removed.headers["location"]).text)


def _day():
    from datetime import date

    return date(2026, 10, 8)


def test_a_form_that_leaves_fields_out_changes_only_what_it_sends(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    dana = _person(browser, app_id, phone="+46 70 000", notes="Met at the meetup.")
    saved = browser.post(f"/applications/{app_id}/contacts/{dana}", {"email": ""})
    assert saved.status_code == 303
    assert "Saved Dana Ruiz: email." in browser.get(saved.headers["location"]).text
    person = _stored(sqlite_app, dana)
    assert (person.name, person.email, person.phone, person.notes) == (
        "Dana Ruiz",
        None,
        "+46 70 000",
        "Met at the meetup.",
    )


def test_a_person_added_twice_is_saved_with_a_warning(browser: Browser) -> None:
    app_id = browser.add_application()
    first = _person(browser, app_id)
    added = browser.post(
        f"/applications/{app_id}/contacts",
        {"name": "dana ruiz", "role": "hiring_manager", "email": "dana@x.test"},
    )
    assert added.status_code == 303
    page = browser.get(added.headers["location"]).text
    [warning] = re.findall(r'<p class="flash-warning">(.*?)</p>', page)
    assert html.unescape(warning) == (
        f"dana ruiz was on this application already (contact {first}). "
        "If it was a slip, remove the new one."
    )
    # Someone new gets no warning.
    other = browser.post(
        f"/applications/{app_id}/contacts", {"name": "Lee Park", "role": "interviewer"}
    )
    assert "flash-warning" not in browser.get(other.headers["location"]).text


def test_an_interviewer_listed_twice_is_refused_at_the_field(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Final loop", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    typed = {"round": "1", "title": "Deep dive", "interviewers": "Mei Chen\nmei chen, HM"}
    refused = browser.post(f"/applications/{app_id}/interviews", typed)
    assert refused.status_code == 422
    assert field_error(refused.text, "new-interview-1-interviewers") == (
        "Mei Chen is listed twice among the interviewers; list each person once"
    )
    with sqlite_app.uow() as uow:
        assert uow.applications.get(app_id).ordered_rounds[0].interviews == []


def test_interviewers_named_on_an_interview_join_the_people_card(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Final loop", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    round_id = list_rounds(sqlite_app, app_id)[0]
    done = browser.post(
        f"/applications/{app_id}/interviews",
        {
            "round": str(round_id),
            "title": "Panel",
            "format": "behavioural",
            "scheduled_at": "2026-10-05T10:00",
            "interviewers": "Ravi Menon, Director of Operations\nClara Jung",
        },
        follow_redirects=True,
    )
    assert "Added to People: Ravi Menon, Clara Jung; add an email there for thank-you notes." in (
        html.unescape(done.text)
    )
    with sqlite_app.uow() as uow:
        people = [(c.name, c.title, c.role.value) for c in list_contacts(uow, app_id)]
    assert people == [
        ("Clara Jung", None, "interviewer"),
        ("Ravi Menon", "Director of Operations", "interviewer"),
    ]
    page = browser.get(f"/applications/{app_id}").text
    assert "<strong>Ravi Menon</strong>" in page
    assert "not among its people yet" not in page


def test_interviewers_recorded_before_are_offered_to_people_with_one_button(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from nextround.services.contacts import remove_contact

    app_id = browser.add_application()
    with sqlite_app.uow() as uow:
        add_round(uow, app_id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP,
                                "started_on": date(2026, 10, 5)})  # fmt: skip
        add_interview(uow, app_id, None, {"title": "Panel",
                                          "interviewers": [Interviewer("Ravi Menon")]})  # fmt: skip
    with sqlite_app.uow() as uow:
        # As recorded before interviewers became people: the name alone.
        for contact in list_contacts(uow, app_id):
            remove_contact(uow, contact.id or 0)
    page = browser.get(f"/applications/{app_id}").text
    assert "Named on its interviews, not among its people yet: Ravi Menon." in page
    assert f'action="/applications/{app_id}/contacts/from-interviews"' in page
    done = browser.post(
        f"/applications/{app_id}/contacts/from-interviews", {}, follow_redirects=True
    )
    assert "Added to People: Ravi Menon." in done.text
    assert "not among its people yet" not in done.text
    with sqlite_app.uow() as uow:
        assert [c.name for c in list_contacts(uow, app_id)] == ["Ravi Menon"]


def list_rounds(nextround: Nextround, app_id: int) -> list[int]:
    with nextround.uow() as uow:
        return [r.id or 0 for r in uow.applications.get(app_id).ordered_rounds]


def test_a_bracketed_title_is_split_off_as_the_command_line_splits_it(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application()
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Final loop", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    typed = "Ana Silva (Engineering Manager)\nLi (Lily) Wang\nRiley Chen (Tech Recruiter)"
    done = browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": "Deep dive", "interviewers": typed},
    )
    assert done.status_code == 303
    with sqlite_app.uow() as uow:
        app = uow.applications.get(app_id)
        (interview,) = app.ordered_rounds[0].interviews
        roles = {c.name: c.role for c in uow.contacts.list(app_id)}
    assert [(i.name, i.title) for i in interview.interviewers] == [
        ("Ana Silva", "Engineering Manager"),
        ("Li (Lily) Wang", None),
        ("Riley Chen", "Tech Recruiter"),
    ]
    assert roles["Riley Chen"].value == "recruiter"
