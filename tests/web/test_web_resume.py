"""The resume upload on the Data page, the resume page, and a story started from a highlight."""

from __future__ import annotations

import html
from collections.abc import Callable

from starlette.testclient import TestClient

from nextround.bootstrap import Nextround
from tests.web.conftest import Browser, field_error, web_words
from tests.web.test_web_escaping import EVIL, assert_inert

RESUME = f"""\
# Priya Raman
## Experience
### Northwind Logistics — Senior Product Manager
Jan 2021 – Present
- Cut partner integration time from 6 weeks to 9 days. {EVIL}
- Ran weekly roadmap reviews.
## Skills
- SQL
## Projects
- {EVIL}
""".encode()


def _upload(browser: Browser, name: str, body: bytes, **fields: str):  # type: ignore[no-untyped-def]
    return browser.post(
        "/data/resume", fields, files={"resume": (name, body, "application/octet-stream")}
    )


def _stored(nextround: Nextround) -> list[str]:
    with nextround.uow() as uow:
        held = uow.resumes.current()
        return [] if held is None else [h.text for h in held.highlights]


def test_a_resume_is_uploaded_shown_escaped_and_seeds_a_story(
    browser: Browser, sqlite_app: Nextround
) -> None:
    assert "Import your resume" in browser.get("/data").text
    done = _upload(browser, "cv.md", RESUME)
    assert done.status_code == 303 and done.headers["location"] == "/resume"
    page = browser.get("/resume")
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "Senior Product Manager, Northwind Logistics" in text
    assert "never counts as evidence" in text
    assert "Sections kept as written, not read: Projects." in text
    # Mapped by word matching (no model in web tests), and the page says so once.
    assert "Mapped by word matching" in text
    assert_inert(page.text)
    assert "&lt;script&gt;" in page.text
    # The highlight with numbers is a seed; the one without is not.
    assert page.text.count("/stories/new?from_resume=") == 2  # in the seeds and in its role
    editor = browser.get("/stories/new?from_resume=1")
    assert editor.status_code == 200
    assert_inert(editor.text)
    assert 'name="from_resume" value="1"' in editor.text
    assert "At Northwind Logistics, as Senior Product Manager (Jan 2021 – Present)." in (
        html.unescape(editor.text)
    )
    saved = browser.post(
        "/stories",
        {
            "from_resume": "1",
            "title": "Partner sandbox",
            "situation": "At Northwind.",
            "action": "I built the sandbox.",
        },
    )
    assert saved.status_code == 303
    with sqlite_app.uow() as uow:
        held = uow.resumes.current()
        assert held is not None and held.highlights[0].story_id == 1
    assert "/stories/new?from_resume=" not in browser.get("/resume").text


def test_a_second_upload_needs_replace_and_then_replaces(
    browser: Browser, sqlite_app: Nextround
) -> None:
    assert _upload(browser, "cv.md", RESUME).status_code == 303
    other = b"# Sam\n## Experience\n### Globex - Program Manager\n- Shipped 3 releases.\n"
    refused = _upload(browser, "new.md", other)
    assert refused.status_code == 422
    message = web_words(field_error(refused.text, "resume-resume"))
    assert "A resume is already stored: cv.md (Markdown" in message
    assert "tick “Replace the stored resume”" in message and "Nothing was imported" in message
    assert len(_stored(sqlite_app)) == 2
    assert _upload(browser, "new.md", other, replace="1").status_code == 303
    assert _stored(sqlite_app) == ["Shipped 3 releases."]


def test_bad_files_are_refused_with_what_to_fix_and_nothing_stored(
    browser: Browser, sqlite_app: Nextround
) -> None:
    cases = [
        ("cv.doc", b"\xd0\xcf\x11\xe0", ".doc files are not read; save the resume as Word"),
        ("cv.json", b'{"basics": ', "is not valid JSON"),
        ("cv.json", b'{"format": "nextround-backup", "tables": {}}', "restore it under"),
        ("cv.pdf", b"%PDF-1.4 broken", "damaged PDF"),
        ("notes.md", b"# Groceries\n- milk\n", "does not read as a resume"),
        (f"{EVIL}.png", b"x", "a resume can be read from .json"),
    ]
    for name, body, expected in cases:
        response = _upload(browser, name, body)
        assert response.status_code == 422, name
        assert_inert(response.text)
        message = web_words(field_error(response.text, "resume-resume"))
        assert expected in message, (name, message)
    assert _stored(sqlite_app) == []
    missing = browser.post("/data/resume", {})
    assert missing.status_code == 422
    assert "Choose your resume file" in missing.text


def test_an_oversized_resume_is_refused(make_web: Callable[..., TestClient]) -> None:
    with make_web(upload_limit_bytes=1024) as client:
        browser = Browser(client)
        response = _upload(browser, "cv.md", RESUME + b"\n" + b"x" * 2048)
        assert response.status_code == 413
        assert "a resume may be at most 1 KB. Nothing was imported" in response.text


def test_the_resume_page_without_a_resume_and_deleting_one(
    browser: Browser, sqlite_app: Nextround
) -> None:
    assert "No resume yet" in browser.get("/resume").text
    _upload(browser, "cv.md", RESUME)
    unconfirmed = browser.post("/resume/delete", {})
    assert unconfirmed.status_code == 303 and len(_stored(sqlite_app)) == 2
    deleted = browser.post("/resume/delete", {"confirm": "1"})
    assert deleted.status_code == 303 and _stored(sqlite_app) == []
    assert browser.get("/stories/new?from_resume=1").status_code == 404


def test_a_bad_file_is_refused_for_itself_even_with_a_resume_stored(
    browser: Browser, sqlite_app: Nextround
) -> None:
    """The file's own fault comes first: ticking "Replace" would not have helped."""
    assert _upload(browser, "cv.md", RESUME).status_code == 303
    refused = _upload(browser, "cv.doc", b"\xd0\xcf\x11\xe0")
    assert refused.status_code == 422
    message = web_words(field_error(refused.text, "resume-resume"))
    assert ".doc files are not read" in message and "already stored" not in message
    assert len(_stored(sqlite_app)) == 2


def test_a_seed_with_no_confident_competency_names_none(
    browser: Browser, sqlite_app: Nextround
) -> None:
    resume = b"# Sam\n## Experience\n### Globex - Program Manager\n- Painted 3 garden fences.\n"
    assert _upload(browser, "cv.md", resume).status_code == 303
    with sqlite_app.uow() as uow:
        held = uow.resumes.current()
        assert held is not None
        assert all(m.confidence < 0.35 for m in held.highlights[0].suggestions)
    text = web_words(browser.get("/resume").text)
    assert "Program Manager, Globex · competency unclear" in text
    assert "likely shows" not in text


def test_a_seed_below_the_bar_shows_its_best_suggestions_with_their_share(
    browser: Browser, sqlite_app: Nextround
) -> None:
    """QA10 F3: each achievement read "competency unclear"; the CLI's rule, on the page."""
    from nextround.domain.competency import CompetencyMatch

    resume = (
        b"# Sam\n## Experience\n### Globex - Ward Manager\n"
        b"- Led an incident response, cutting errors by 40%.\n"
    )
    assert _upload(browser, "cv.md", resume).status_code == 303
    with sqlite_app.uow() as uow:
        held = uow.resumes.current()
        assert held is not None
        held.highlights[0].suggestions = [
            CompetencyMatch("risk-management", 0.25),
            CompetencyMatch("problem-solving", 0.2),
            CompetencyMatch("customer-focus", 0.05),
        ]
        uow.commit()
    text = web_words(browser.get("/resume").text)
    hint = "may show Risk management (25%), Problem solving (20%)"
    assert f"Ward Manager, Globex · {hint}" in text  # the seed
    assert f"→ {hint}" in text  # and the highlight under its role
    assert "competency unclear" not in text and "Customer focus" not in text
