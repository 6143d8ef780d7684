"""Hostile HTML and JavaScript in every text of the growth pages comes back as text."""

from __future__ import annotations

import json

from markupsafe import escape

from nextround.bootstrap import Nextround
from tests.web.conftest import Browser
from tests.web.test_web_escaping import EVIL, assert_inert
from tests.web.test_web_feedback import picks


def _interview(browser: Browser) -> tuple[int, int]:
    app_id = browser.add_application(company=f"Acme {EVIL}")
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": f"Loop {EVIL}", "kind": "final_loop", "started_on": "2026-10-05"},
    )
    response = browser.post(
        f"/applications/{app_id}/interviews",
        {"round": "1", "title": f"Whiteboard {EVIL}", "scheduled_at": "2026-10-05T10:00"},
    )
    return app_id, int(response.headers["location"].rsplit("-", 1)[1])


def _none_of_them(html: str) -> dict[str, str]:
    """The preview's fields, every statement marked as about no competency."""
    fields = picks(html)
    count = int(fields["statements"])
    return {**fields, **{f"s{n}-none": "1" for n in range(1, count + 1)}}


def test_debrief_feedback_and_profile_escape_every_text(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id, interview_id = _interview(browser)
    assert (
        browser.post(
            f"/interviews/{interview_id}/debrief",
            {
                "overall": "3",
                "went_well": EVIL,
                "went_badly": EVIL,
                "rating-risk-management": "2",
                "rating-systems-thinking": "2",
                "rating-communication": "4",
                "questions": f"{EVIL}\nWhy {EVIL}?",
            },
        ).status_code
        == 303
    )
    feedback = {
        "text": f"Weak risk management {EVIL}. Great communication {EVIL}.",
        "author": EVIL,
        "source": "interviewer",
        "received_on": "2026-10-10",
    }
    preview = browser.post(f"/applications/{app_id}/feedback/preview", feedback)
    assert preview.status_code == 200
    assert_inert(preview.text)
    assert str(escape(EVIL)) in preview.text
    saved = browser.post(
        f"/applications/{app_id}/feedback",
        {**feedback, **_none_of_them(preview.text), "confirm": "changed"},
    )
    assert saved.status_code == 303
    # The inbox (the none verdicts confirmed them all, so add one more to review).
    browser.post(
        f"/applications/{app_id}/feedback",
        {"text": f"The risk register was thin {EVIL}.", "source": "recruiter"},
    )
    assert browser.post("/plan/refresh").status_code == 303
    for path in (
        "/plan",
        f"/applications/{app_id}",
        f"/applications/{app_id}?form=debrief-{interview_id}",
        "/feedback",
        "/feedback/questions",
        "/feedback/all",
        "/feedback/1",
        "/profile",
        "/profile/risk-management",
        "/profile/communication",
        "/",
    ):
        page = browser.get(path)
        assert page.status_code == 200, path
        assert_inert(page.text)
    detail = browser.get(f"/applications/{app_id}").text
    assert detail.count(str(escape(EVIL))) >= 5


def test_stories_escape_every_field(browser: Browser) -> None:
    fields = {name: f"{name} {EVIL}" for name in ("title", "situation", "task", "action")}
    fields["result"] = f"Saved 20% {EVIL}"
    response = browser.post("/stories", {**fields, "other": "ownership"})
    assert response.status_code == 303
    for path in (response.headers["location"], "/stories"):
        page = browser.get(path).text
        assert_inert(page)
        assert str(escape(EVIL)) in page
    checks = browser.post("/stories/check", fields, headers={"HX-Request": "true"})
    assert_inert(checks.text)
    refused = browser.post("/stories", {**fields, "title": "", "other": EVIL})
    assert refused.status_code == 422
    assert_inert(refused.text)


def test_an_imported_framework_is_shown_as_text_everywhere(
    browser: Browser, sqlite_app: Nextround
) -> None:
    doc = {
        "id": "evil",
        "name": f"Evil {EVIL}",
        "source": EVIL,
        "description": EVIL,
        "competencies": [
            {
                "name": f"Skill {n} {EVIL}",
                "description": f"Does {n} {EVIL}",
                "indicators": [EVIL],
                "practice": [EVIL],
            }
            for n in range(1, 4)
        ],
    }
    imported = browser.post(
        "/frameworks/import",
        {"use": "1"},
        files={"file": ("evil.json", json.dumps(doc).encode(), "application/json")},
    )
    assert imported.status_code == 303
    with sqlite_app.uow() as uow:
        ids = [c.id for c in uow.frameworks.get("evil").competencies]
    # Self-ratings on all three make the radar draw the names as SVG labels.
    app_id, interview_id = _interview(browser)
    ratings = {f"rating-{cid}": str(n + 2) for n, cid in enumerate(ids)}
    assert (
        browser.post(f"/interviews/{interview_id}/debrief", {"overall": "4", **ratings})
    ).status_code == 303
    for path in (
        "/frameworks",
        "/frameworks/evil",
        f"/applications/{app_id}?form=debrief-{interview_id}",
        "/profile",
        f"/profile/{ids[0]}",
        "/",
        "/stories",
    ):
        page = browser.get(path)
        assert page.status_code == 200, path
        assert_inert(page.text)
    profile = browser.get("/profile").text
    start = profile.index('class="chart"')
    radar = profile[start : profile.index("</svg>", start)]
    assert "Skill 1 &lt;script&gt;" in radar and "<script" not in radar
    # A bad file's own name comes back escaped in the error.
    bad = browser.post(
        "/frameworks/import", files={"file": (f"{EVIL}.json", b"{", "application/json")}
    )
    assert bad.status_code == 422
    assert_inert(bad.text)
