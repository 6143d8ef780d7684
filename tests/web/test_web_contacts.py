"""The People page and each person's page, with the in-process client."""

from __future__ import annotations

import html
import re

from nextround.bootstrap import Nextround
from nextround.services.contacts import get_contact
from tests.integration.people_seed import seed_people
from tests.web.conftest import Browser, field_error, input_value
from tests.web.test_web_escaping import EVIL, assert_inert


def _text(page: str) -> str:
    """The page's words, tags and spacing aside."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_navigation_leads_to_everyone_met_grouped_by_company(
    browser: Browser, sqlite_app: Nextround
) -> None:
    ids = seed_people(sqlite_app)
    page = browser.get("/contacts")
    assert page.status_code == 200
    assert '<a href="/contacts" aria-current="page">People</a>' in page.text
    words = _text(page.text)
    assert "4 people at 2 companies." in words
    # Cobalt, then Orbital Pay (its recruiter first), then those with no company.
    order = [words.index(name) for name in ("Élodie", "Zoe Park", "Ravi Menon", "Sam Okafor")]
    assert order == sorted(order)
    assert re.search(r"<h2 [^>]*>Cobalt <span", page.text)
    assert f'<a href="/contacts/{ids.zoe}">Zoe Park</a>' in page.text
    assert 'href="mailto:zoe@orbital.example"' in page.text
    assert 'href="tel:+442079460000"' in page.text
    assert f'<a href="/applications/{ids.orbital}">TPM at Orbital Pay</a>' in page.text
    assert "Last contact 10 Oct 2026 (6 weeks ago, a note sent)" in words
    assert "Last contact 2 Oct 2026 (7 weeks ago, an interview)" in words
    assert "Next interview Wed 2 Dec 2026" in words
    # The person's page is also where the application's card leads.
    card = browser.get(f"/applications/{ids.orbital}").text
    assert f'href="/contacts/{ids.ravi}"' in card


def test_filters_work_as_a_plain_form_and_say_how_many(
    browser: Browser, sqlite_app: Nextround
) -> None:
    seed_people(sqlite_app)
    page = browser.get("/contacts").text
    assert '<form class="filters card" method="get" action="/contacts"' in page
    by_company = _text(browser.get("/contacts?company=Orbital+Pay").text)
    assert "2 people at 1 company (of 4)." in by_company
    assert "Zoe Park" in by_company and "Élodie" not in by_company
    assert "Clear" in by_company
    role = browser.get("/contacts?role=interviewer").text
    assert "Ravi Menon" in role and "Zoe Park" not in role
    assert '<option value="interviewer" selected>' in role
    words = _text(browser.get("/contacts?q=elodie").text)
    assert "1 person at 1 company (of 4)." in words
    recent = _text(browser.get("/contacts?sort=recent").text)
    order = [recent.index(name) for name in ("Zoe Park", "Ravi Menon", "Élodie", "Sam Okafor")]
    assert order == sorted(order)
    none = browser.get("/contacts?q=nobody+at+all")
    assert "Nobody matches these filters." in none.text
    bad = browser.get("/contacts?role=boss")
    assert bad.status_code == 200
    assert "'boss' is not one of" in html.unescape(field_error(bad.text, "filter-role") or "")


def test_the_empty_page_says_how_people_get_added(browser: Browser, sqlite_app: Nextround) -> None:
    from datetime import date

    from nextround.domain.journey import Interviewer, RoundKind
    from nextround.services.applications import add_application
    from nextround.services.contacts import list_contacts, remove_contact
    from nextround.services.process import add_interview, add_round

    words = _text(browser.get("/contacts").text)
    assert "No people yet" in words and "Add a person" in words
    assert 'class="filters' not in browser.get("/contacts").text
    with sqlite_app.uow() as uow:
        app = add_application(uow, {"company": "Acme", "role_title": "TPM",
                                    "applied_on": date(2026, 10, 1)})  # fmt: skip
        add_round(uow, app.id or 0, {"name": "Loop", "kind": RoundKind.FINAL_LOOP,
                                     "started_on": date(2026, 10, 5)})  # fmt: skip
        panel = {"title": "Panel", "interviewers": [Interviewer("Clara Jung")]}
        add_interview(uow, app.id or 0, None, panel)
    with sqlite_app.uow() as uow:
        # As recorded before interviewers became people: the name alone.
        for contact in list_contacts(uow):
            remove_contact(uow, contact.id or 0)
    page = browser.get("/contacts").text
    assert "Named on interviews, not among the people yet: Clara Jung." in page
    done = browser.post("/contacts/from-interviews", {})
    assert done.status_code == 303 and done.headers["location"] == "/contacts"
    after = browser.get("/contacts").text
    assert "Added to People: Clara Jung." in after
    assert "1 person at 1 company." in _text(after)


def test_a_person_s_page_shows_their_interviews_and_notes(
    browser: Browser, sqlite_app: Nextround
) -> None:
    ids = seed_people(sqlite_app)
    page = browser.get(f"/contacts/{ids.ravi}")
    assert page.status_code == 200
    words = _text(page.text)
    assert "People › Ravi Menon" in words
    for title in ("Deep dive", "Panel", "Wrap-up"):
        assert title in words
    assert "called off" in words
    assert page.text.count(f'href="/applications/{ids.orbital}"') >= 4  # details and interviews
    assert "Thanks, Ravi Menon" in words and "not sent yet" in words
    zoe = _text(browser.get(f"/contacts/{ids.zoe}").text)
    assert "Thanks, Zoe Park" in zoe and "to zoe@orbital.example; sent 10 Oct 2026" in zoe
    sam = browser.get(f"/contacts/{ids.sam}").text
    assert "Tied to no application." in sam and "Not named on any interview." in sam


def test_a_person_is_edited_and_removed_from_their_page_by_the_same_rules(
    browser: Browser, sqlite_app: Nextround
) -> None:
    ids = seed_people(sqlite_app)
    sam = ids.sam  # tied to no application: only this page can edit them
    page = browser.get(f"/contacts/{sam}").text
    key = f"edit-contact-{sam}"
    assert f'action="/contacts/{sam}"' in page and input_value(page, f"{key}-name") == "Sam Okafor"
    form = {"name": "Sam Okafor", "role": "mentor", "title": "", "company": "", "email": "",
            "phone": "", "notes": ""}  # fmt: skip
    refused = browser.post(f"/contacts/{sam}", {**form, "email": "sam-at-home"})
    assert refused.status_code == 422
    assert "is not an address like name@example.com" in html.unescape(
        field_error(refused.text, f"{key}-email") or ""
    )
    assert re.search(r'<details class="disclosure small" id="edit" open>', refused.text)
    assert input_value(refused.text, f"{key}-email") == "sam-at-home"
    assert get_contact_email(sqlite_app, sam) is None
    saved = browser.post(f"/contacts/{sam}", {**form, "email": "sam@home.example"})
    assert saved.status_code == 303 and saved.headers["location"] == f"/contacts/{sam}"
    assert "Saved Sam Okafor: email." in browser.get(saved.headers["location"]).text
    assert get_contact_email(sqlite_app, sam) == "sam@home.example"
    same = browser.post(f"/contacts/{sam}", {**form, "email": "sam@home.example"})
    assert "Nothing to change: it already says so." in browser.get(same.headers["location"]).text

    unticked = browser.post(f"/contacts/{ids.ravi}/delete", {})
    assert unticked.status_code == 422
    assert "Tick the box to confirm" in (
        field_error(unticked.text, f"delete-contact-{ids.ravi}-confirm") or ""
    )
    removed = browser.post(f"/contacts/{ids.ravi}/delete", {"confirm": "1"})
    assert removed.status_code == 303 and removed.headers["location"] == "/contacts"
    after = browser.get("/contacts").text
    assert "Removed Ravi Menon; 3 interviews and 1 note still name them." in after
    assert f'href="/contacts/{ids.ravi}"' not in after


def get_contact_email(nextround: Nextround, contact_id: int) -> str | None:
    with nextround.uow() as uow:
        return get_contact(uow, contact_id).email


def test_an_unknown_person_is_the_usual_404_pointing_to_the_people(browser: Browser) -> None:
    for path in ("/contacts/999", "/contacts/0"):
        page = browser.get(path)
        assert page.status_code == 404
        words = _text(page.text)
        assert "There is no contact with id" in words
        assert "The People page lists what there is." in words
        assert 'href="/contacts">Everyone you met</a>' in page.text
    assert browser.post("/contacts/999", {"name": "X"}).status_code == 404
    assert browser.post("/contacts/999/delete", {"confirm": "1"}).status_code == 404
    assert browser.get("/contacts/abc").status_code == 404


def test_forms_need_the_session_token(browser: Browser, sqlite_app: Nextround) -> None:
    ids = seed_people(sqlite_app)
    forged = browser.client.post(f"/contacts/{ids.sam}/delete", data={"confirm": "1"})
    assert forged.status_code == 403
    assert get_contact_email(sqlite_app, ids.sam) is None  # still there


def test_hostile_names_and_notes_stay_text(browser: Browser, sqlite_app: Nextround) -> None:
    from nextround.domain.contacts import ContactRole
    from nextround.services.contacts import add_contact

    with sqlite_app.uow() as uow:
        eve = add_contact(uow, f"Eve {EVIL}", ContactRole.OTHER, company=EVIL, title=EVIL,
                          notes=EVIL, phone="1<b>2</b>")  # fmt: skip
    for path in (
        "/contacts",
        f"/contacts/{eve.id}",
        f"/contacts?q={EVIL}",
        "/contacts?sort=recent",
    ):
        page = browser.get(path)
        assert page.status_code == 200, path
        assert_inert(page.text)
    assert "&lt;script&gt;" in browser.get(f"/contacts/{eve.id}").text
    refused = browser.post(f"/contacts/{eve.id}", {"name": EVIL, "email": EVIL})
    assert refused.status_code == 422
    assert_inert(refused.text)
    removed = browser.post(f"/contacts/{eve.id}/delete", {"confirm": "1"})
    assert_inert(browser.get(removed.headers["location"]).text)


def test_a_person_is_moved_to_another_application_or_untied_from_their_page(
    browser: Browser, sqlite_app: Nextround
) -> None:
    ids = seed_people(sqlite_app)
    key = f"edit-contact-{ids.zoe}"
    page = browser.get(f"/contacts/{ids.zoe}").text
    # Every application is offered, hers chosen, and "No application" to untie her.
    select = re.search(rf'<select id="{key}-application" name="application".*?</select>',
                       page, re.S)  # fmt: skip
    assert select is not None
    options = select.group(0)
    assert '<option value="">No application</option>' in options
    assert f'<option value="{ids.orbital}" selected>Orbital Pay — TPM ({ids.orbital})' in options
    assert f'<option value="{ids.cobalt}">Cobalt — Staff PM ({ids.cobalt})' in options
    form = {"name": "Zoe Park", "role": "recruiter", "title": "", "company": "Orbital Pay",
            "email": "zoe@orbital.example", "phone": "+44 20 7946 0000", "notes": ""}  # fmt: skip
    moved = browser.post(f"/contacts/{ids.zoe}", {**form, "application": str(ids.cobalt)})
    assert moved.status_code == 303
    assert "Saved Zoe Park: application." in browser.get(moved.headers["location"]).text
    assert _application(sqlite_app, ids.zoe) == ids.cobalt
    assert "Zoe Park" in _text(browser.get(f"/applications/{ids.cobalt}").text)
    untied = browser.post(f"/contacts/{ids.zoe}", {**form, "application": ""})
    assert untied.status_code == 303
    assert _application(sqlite_app, ids.zoe) is None
    assert "Tied to no application." in browser.get(f"/contacts/{ids.zoe}").text
    # An application that is not there is refused under the field, and nothing changes.
    refused = browser.post(f"/contacts/{ids.zoe}", {**form, "application": "999"})
    assert refused.status_code == 422
    assert "No application with id 999" in html.unescape(
        field_error(refused.text, f"{key}-application") or ""
    )
    assert _application(sqlite_app, ids.zoe) is None
    # A form without the field (the application page's) leaves it as it is.
    kept = browser.post(f"/contacts/{ids.elodie}", {"name": "Élodie Marchand", "notes": "Met."})
    assert kept.status_code == 303
    assert _application(sqlite_app, ids.elodie) == ids.cobalt


def _application(nextround: Nextround, contact_id: int) -> int | None:
    with nextround.uow() as uow:
        return get_contact(uow, contact_id).application_id
