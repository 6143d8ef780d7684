"""A form refused with errors lands the page on its first bad field, without a script.

The first field with an error carries ``autofocus`` (or, when the message is about the whole
form, the message does), so the browser scrolls to it and a screen reader reads its label and
error; a page shown without errors never moves the focus.
"""

from __future__ import annotations

import re

import pytest

from nextround.bootstrap import Nextround
from nextround.services.contacts import list_contacts
from tests.web.conftest import Browser

#: Every opening tag with the autofocus attribute.
AUTOFOCUS = re.compile(r"<[a-z]+\b[^<>]*\sautofocus\b[^<>]*>")


def focused(html: str) -> list[str]:
    """The elements the page puts the focus on."""
    return AUTOFOCUS.findall(html)


def lands_on(html: str, field_id: str) -> None:
    """The page's only autofocus is the field ``field_id``, marked invalid.

    A radio group is marked invalid as a whole, on its fieldset.
    """
    [tag] = focused(html)
    assert f'id="{field_id}"' in tag, tag
    if 'type="radio"' not in tag:
        assert 'aria-invalid="true"' in tag, tag
    assert 'class="field-error"' in html


@pytest.fixture
def process(browser: Browser, sqlite_app: Nextround) -> dict[str, int]:
    """An application with a round, an interview and a person."""
    app_id = browser.add_application()
    for path, data in [
        ("rounds", {"name": "Screen", "kind": "screen", "started_on": "2026-10-05"}),
        ("interviews", {"round": "1", "title": "Call", "format": "behavioural"}),
        ("contacts", {"name": "Dana Ruiz", "role": "recruiter"}),
    ]:
        assert browser.post(f"/applications/{app_id}/{path}", data).status_code == 303
    with sqlite_app.uow() as uow:
        [round_] = uow.applications.get(app_id).rounds
        [interview] = round_.interviews
        [person] = list_contacts(uow, app_id)
    assert round_.id and interview.id and person.id
    return {"app": app_id, "round": round_.id, "interview": interview.id, "person": person.id}


#: Each form of the application page, refused: (path, fields, the field the page lands on).
REFUSED: list[tuple[str, dict[str, str], str]] = [
    (
        "/applications/{app}/rounds",
        {"name": "", "kind": "screen", "started_on": "2026-10-06"},
        "new-round-name",
    ),
    (
        "/rounds/{round}",
        {"name": "Screen", "kind": "screen", "started_on": "2026-10-05", "ended_on": "2026-10-01"},
        "round-{round}-ended-on",
    ),
    ("/applications/{app}/interviews", {"round": "1", "title": ""}, "new-interview-1-title"),
    (
        "/interviews/{interview}",
        {"title": "", "format": "behavioural"},
        "interview-{interview}-title",
    ),
    ("/rounds/{round}/delete", {}, "delete-round-{round}-confirm"),
    ("/interviews/{interview}/delete", {}, "delete-interview-{interview}-confirm"),
    ("/interviews/{interview}/debrief", {"went_well": "Calm"}, "debrief-{interview}-overall-1"),
    ("/applications/{app}/close", {"outcome": "rejection", "on": "soon"}, "close-on"),
    ("/applications/{app}/decision", {"outcome": "offer", "decided_on": ""}, "decision-decided-on"),
    ("/applications/{app}/feedback/preview", {"text": "", "source": "recruiter"}, "feedback-text"),
    ("/applications/{app}/contacts", {"name": "", "role": "recruiter"}, "contact-name"),
    ("/applications/{app}/contacts/{person}", {"name": ""}, "edit-contact-{person}-name"),
    ("/applications/{app}/contacts/{person}/delete", {}, "delete-contact-{person}-confirm"),
    (
        "/applications/{app}/edit",
        {"company": "", "role_title": "TPM", "applied_on": "2026-10-01"},
        "edit-app-company",
    ),
    ("/applications/{app}/delete", {}, "delete-confirm"),
]


@pytest.mark.parametrize(("path", "fields", "field_id"), REFUSED, ids=[r[2] for r in REFUSED])
def test_each_refused_form_of_the_application_page_lands_on_its_first_bad_field(
    browser: Browser, process: dict[str, int], path: str, fields: dict[str, str], field_id: str
) -> None:
    refused = browser.post(path.format(**process), fields)
    assert refused.status_code == 422, refused.text
    lands_on(refused.text, field_id.format(**process))


def test_the_first_of_several_bad_fields_takes_the_focus(
    browser: Browser, process: dict[str, int]
) -> None:
    refused = browser.post(
        f"/applications/{process['app']}/edit",
        {"company": "Acme", "role_title": "TPM", "applied_on": "someday", "posting_url": "x"},
    )
    assert refused.status_code == 422
    lands_on(refused.text, "edit-app-applied-on")


def test_a_message_about_the_whole_form_takes_the_focus_itself(
    browser: Browser, process: dict[str, int]
) -> None:
    refused = browser.post(
        f"/applications/{process['app']}/close", {"outcome": "offer", "on": "2026-10-20"}
    )
    assert refused.status_code == 422
    [tag] = focused(refused.text)
    assert tag == '<div class="form-error" role="alert" tabindex="-1" autofocus>'
    assert "An offer is not a way to close" in refused.text


#: Forms on other pages, refused: (setup, path, fields, the field the page lands on).
OTHER_PAGES: list[tuple[str, dict[str, str], str]] = [
    (
        "/applications",
        {"company": "", "role_title": "TPM", "applied_on": "2026-10-01"},
        "new-app-company",
    ),
    ("/stories", {"title": "", "situation": "We shipped."}, "story-title"),
    ("/notes/sender", {"sender": "Nadia <not an address>"}, "sender-sender"),
]


@pytest.mark.parametrize(
    ("path", "fields", "field_id"), OTHER_PAGES, ids=[r[0] for r in OTHER_PAGES]
)
def test_refused_forms_on_other_pages_land_on_their_first_bad_field(
    browser: Browser, path: str, fields: dict[str, str], field_id: str
) -> None:
    refused = browser.post(path, fields)
    assert refused.status_code == 422, refused.text
    lands_on(refused.text, field_id)


def test_a_refused_framework_import_lands_on_the_file_field(browser: Browser) -> None:
    refused = browser.post(
        "/frameworks/import", files={"file": ("f.yaml", b"not: [a framework", "application/yaml")}
    )
    assert refused.status_code == 422
    lands_on(refused.text, "import-file")


def test_a_refused_story_lands_on_its_competencies(browser: Browser) -> None:
    refused = browser.post("/stories", {"title": "Onboarding", "competency": "not-a-competency"})
    assert refused.status_code == 422
    [tag] = focused(refused.text)
    assert 'id="story-other"' in tag, tag


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/applications",
        "/applications/{app}",
        "/applications/{app}?form=round-{round}",
        "/applications/{app}?form=delete-contact-{person}",
        "/applications/{app}/forms/edit-app",
        "/stories/new",
        "/notes",
        "/frameworks",
    ],
)
def test_a_page_without_errors_leaves_the_focus_alone(
    browser: Browser, process: dict[str, int], path: str
) -> None:
    page = browser.get(
        path.format(**process), headers={"HX-Request": "true"} if "/forms/" in path else {}
    )
    assert page.status_code == 200
    assert focused(page.text) == []
