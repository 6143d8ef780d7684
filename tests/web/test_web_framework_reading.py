"""Frameworks on the web: reading feedback on an imported one, and deleting one imported."""

from __future__ import annotations

import html
import re

import pytest

from nextround.analysis.lexical import LexicalMapper
from nextround.bootstrap import Nextround
from nextround.domain.feedback import FeedbackSource
from nextround.services.feedback import add_mapped_feedback
from nextround.services.frameworks import get_framework, import_framework, use_framework
from nextround.services.profile import current_profile
from tests.unit.test_services_framework_reading import VALUES
from tests.web.conftest import Browser, field_error

HTMX = {"HX-Request": "true", "HX-Target": "feedback-reading"}
TEXTS = (
    "Strong stakeholder management; the risk register was thin.",
    "Clear, calm updates to the leadership team.",
    "She did not push back when challenged.",
)


def _text(page: str) -> str:
    plain = re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style).*?</\1>", "", page, flags=re.S))
    return " ".join(html.unescape(plain).split())


@pytest.fixture
def on_values(sqlite_app: Nextround) -> Nextround:
    """Three pieces of feedback mapped on the built-in framework, then "values" in use."""
    with sqlite_app.uow() as uow:
        core = get_framework(uow)
        for text in TEXTS:
            add_mapped_feedback(
                uow, text, FeedbackSource.INTERVIEWER, lambda: LexicalMapper(core), core.id
            )
        import_framework(uow, VALUES, use=True)
    return sqlite_app


def _flash(page: str) -> str:
    """The message after an action, checked to name no command: the fix is on the page."""
    found = re.search(r'<p class="flash(?:-warning)?">(.*?)</p>', page, flags=re.S)
    assert found, "no message shown"
    said = _text(found.group(1))
    assert "`" not in said and " --" not in said, said
    return said


def _statements(app: Nextround) -> dict[str, int]:
    with app.uow() as uow:
        found: dict[str, int] = {}
        for s in uow.statements.all_readings():
            found[s.framework_id] = found.get(s.framework_id, 0) + 1
        return found


def test_the_empty_profile_offers_to_read_the_feedback_mapped_elsewhere(
    browser: Browser, on_values: Nextround
) -> None:
    with on_values.uow() as uow:
        core = current_profile(uow, 365, "nextround-core").profile.to_json()
    page = _text(browser.get("/profile").text)
    assert "No evidence yet" not in page
    count = _statements(on_values)["nextround-core"]
    assert f"{count} statements are mapped on another framework" in page
    assert "Read my feedback on Values" in page
    done = browser.post("/frameworks/values/read-feedback", {"back": "/profile"})
    assert done.status_code == 303 and done.headers["location"] == "/profile"
    assert _statements(on_values) == {"nextround-core": count, "values": count}
    after = browser.get("/profile")
    flash = _flash(after.text)
    assert "Read your feedback on Values: its statements are suggestions" in flash
    assert "Your mappings on nextround core interview competencies stay as they were" in flash
    assert "statements are mapped on another framework" not in _text(after.text)
    # Reading again reads nothing twice.
    again = browser.post("/frameworks/values/read-feedback", {"back": "/profile"})
    assert again.status_code == 303
    assert _statements(on_values) == {"nextround-core": count, "values": count}
    # Back on the built-in framework, its profile is as it was.
    assert browser.post("/frameworks/nextround-core/use").status_code == 303
    with on_values.uow() as uow:
        assert current_profile(uow, 365).profile.to_json() == core


def test_with_htmx_the_card_shows_progress_between_batches(
    browser: Browser, on_values: Nextround, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("nextround.web.routes.frameworks.WEB_BATCH", 1)
    page = browser.get("/frameworks")
    assert 'id="feedback-reading"' in page.text and 'hx-post="/frameworks/values/read' in page.text
    count = _statements(on_values)["nextround-core"]
    first = browser.post("/frameworks/values/read-feedback", {"back": "/frameworks"}, headers=HTMX)
    assert first.status_code == 200 and "HX-Redirect" not in first.headers
    shown = _text(first.text)
    assert "Reading your feedback on Values…" in shown
    done = re.search(r"(\d+) of (\d+) done", shown)
    assert done and int(done.group(2)) == count and 0 < int(done.group(1)) < count
    assert 'hx-trigger="load' in first.text  # the card asks for the next batch itself
    fields = dict(re.findall(r'name="(back|total|others)" value="([^"]*)"', first.text))
    assert fields["total"] == str(count)
    steps = 1
    response = first
    while "HX-Redirect" not in response.headers:
        response = browser.post(
            "/frameworks/values/read-feedback", {k: html.unescape(v) for k, v in fields.items()},
            headers=HTMX,
        )  # fmt: skip
        steps += 1
        assert steps <= len(TEXTS)
    assert response.headers["HX-Redirect"] == "/frameworks"
    assert _statements(on_values)["values"] == count
    flash = _flash(browser.get("/frameworks").text)
    assert "Your mappings on nextround core interview competencies stay" in flash


def test_choosing_a_framework_says_what_it_leaves_out_and_where_to_read_it(
    browser: Browser, on_values: Nextround
) -> None:
    with on_values.uow() as uow:
        use_framework(uow, "nextround-core")
    response = browser.post("/frameworks/values/use")
    assert response.status_code == 303
    said = _flash(browser.get("/frameworks").text)
    count = _statements(on_values)["nextround-core"]
    assert f"leave out {count} feedback statements on nextround core" in said
    assert "read it on this one too with the button below" in said


def test_an_imported_framework_is_deleted_after_a_tick_and_feedback_stays(
    browser: Browser, on_values: Nextround
) -> None:
    assert browser.post("/frameworks/values/read-feedback", {}).status_code == 303
    assert browser.post("/frameworks/values/delete", {"confirm": "1"}).status_code == 303
    with on_values.uow() as uow:
        assert uow.frameworks.exists("values")  # the one in use is refused
    assert "is the framework in use" in _flash(browser.get("/frameworks").text)
    assert browser.post("/frameworks/nextround-core/use").status_code == 303
    page = browser.get("/frameworks")
    shown = _text(page.text)
    count = _statements(on_values)["values"]
    assert f"Yes, delete Values (values) with its mappings of {count} feedback statements" in shown
    assert "Your feedback stays exactly as given" in shown
    assert "/frameworks/nextround-core/delete" not in page.text  # nothing to delete there
    unticked = browser.post("/frameworks/values/delete", {})
    assert unticked.status_code == 422
    error = field_error(unticked.text, "delete-values-confirm") or ""
    assert error == "Tick the box to confirm; deleting cannot be undone"
    assert re.search(r'id="delete-values"[^>]* open', unticked.text)
    assert _statements(on_values)["values"] == count
    deleted = browser.post("/frameworks/values/delete", {"confirm": "1"})
    assert deleted.status_code == 303
    flash = _flash(browser.get("/frameworks").text)
    assert "Deleted Values (values) with its mappings of" in flash
    with on_values.uow() as uow:
        assert not uow.frameworks.exists("values")
        assert [f.text for f in uow.feedback.list()] == list(TEXTS)
    assert set(_statements(on_values)) == {"nextround-core"}


def test_a_verdict_of_no_competency_carries_over_and_is_undone_on_the_page(
    browser: Browser, on_values: Nextround, clock
) -> None:
    from datetime import timedelta

    from nextround.services.review import review_statement

    with on_values.uow() as uow:
        first = uow.statements.all_readings()[0]
        review_statement(uow, first.id, [])  # about no competency, on the built-in framework
    clock.now += timedelta(hours=1)
    browser.post("/frameworks/values/read-feedback", {"back": "/profile"})
    flash = _flash(browser.get("/profile").text)
    assert "1 statement you had reviewed as about no competency stays so here" in flash
    with on_values.uow() as uow:
        [kept] = [
            s for s in uow.statements.all_readings() if s.framework_id == "values" and s.confirmed
        ]
    record = browser.get(f"/feedback/{kept.feedback_id}").text
    assert "your verdict on another framework" in _text(record)
    assert f'action="/feedback/statements/{kept.id}/again"' in record
    again = browser.post(f"/feedback/statements/{kept.id}/again", {})
    assert again.status_code == 303
    assert again.headers["location"] == f"/feedback?statement={kept.id}"
    with on_values.uow() as uow:
        assert not uow.statements.get(kept.id).confirmed
    # Led there, the keyboard is on its first choice, not at the top of the page.
    inbox = browser.get(again.headers["location"]).text
    mine = inbox[inbox.index(f'id="statement-{kept.id}"') :]
    assert "autofocus" in mine[: mine.index("</fieldset>")]
    assert inbox.count("autofocus") == 1


def _debriefed(app: Nextround, *, feedback: bool) -> int:
    """A debrief with a self-rating and a question, a story, on the built-in framework; then
    "values" in use. Returns the application's id."""
    from datetime import UTC, datetime

    from nextround.services.debriefs import record_debrief
    from nextround.services.stories import add_story
    from tests.unit.growth_fakes import seed_process

    seeded = seed_process(app.uow(), interviews=[("Case", datetime(2026, 11, 2, tzinfo=UTC), [])])
    with app.uow() as uow:
        core = get_framework(uow)
        record_debrief(
            uow, seeded.interview_ids[0], 3, questions=["How do you mitigate risks early?"],
            mapper=LexicalMapper(core), ratings={"risk-management": 2},
        )  # fmt: skip
        add_story(uow, {"title": "Outage", "competencies": ["risk-management"]})
        if feedback:
            add_mapped_feedback(
                uow, TEXTS[2], FeedbackSource.INTERVIEWER, lambda: LexicalMapper(core), core.id
            )
        import_framework(uow, VALUES, use=True)
    return seeded.application_id


def test_questions_and_story_tags_on_another_framework_are_said_and_questions_read(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = _debriefed(sqlite_app, feedback=True)
    page = browser.get(f"/applications/{app_id}").text
    app_page = _text(page)
    assert "How do you mitigate risks early?" in app_page
    # Nothing pre-chosen here: confirming as it stands would say "about no competency".
    assert '<option value="" selected disabled>Choose what it probed here</option>' in page
    assert "Confirm what question 1 probed mapped on another framework" in app_page
    interview_id = int(re.search(r'action="/interviews/(\d+)/debrief/questions/1"', page)[1])
    refused = browser.post(f"/interviews/{interview_id}/debrief/questions/1", {})
    said = _text(browser.get(refused.headers["location"]).text)
    assert "Not confirmed: choose what question 1 probed" in said
    stories = _text(browser.get("/stories").text)
    assert "Tagged on another framework only: none of its tags count on this one." in stories
    card = _text(browser.get("/frameworks").text)
    assert "The 1 question you logged in debriefs is mapped on it too." in card
    done = browser.post("/frameworks/values/read-feedback", {"back": "/frameworks"})
    assert done.status_code == 303
    said = _flash(browser.get(done.headers["location"]).text)
    assert "The questions you logged in debriefs are mapped on Values too, as suggestions" in said
    assert "The tags of 1 story on nextround core interview competencies stay there" in said
    page = browser.get(f"/applications/{app_id}").text
    assert re.search(r'<option value="own-the-outcome" selected>Own the outcome</option>', page)
    assert "suggested" in _text(page)
    profile = _text(browser.get("/profile").text)
    assert (
        "The self-ratings of 1 debrief on nextround core interview competencies stay there: a "
        "self-rating is your own number for one of that framework's competencies, so it does "
        "not carry over to another; calibration here leaves them out."
    ) in profile


def test_with_no_feedback_elsewhere_the_card_offers_to_read_the_questions(
    browser: Browser, sqlite_app: Nextround
) -> None:
    _debriefed(sqlite_app, feedback=False)
    card = _text(browser.get("/frameworks").text)
    assert "1 question from your debriefs is mapped on another framework" in card
    done = browser.post("/frameworks/values/read-feedback", {"back": "/frameworks"})
    said = _flash(browser.get(done.headers["location"]).text)
    assert said.startswith(
        "The questions you logged in debriefs are mapped on Values, as suggestions; what they "
        "probed on nextround core interview competencies stays."
    )
    assert "question from your debriefs" not in _text(browser.get("/frameworks").text)
