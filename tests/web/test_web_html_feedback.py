"""Feedback pasted as HTML shows as the text it reads as, its markup shown on request, never run."""

from __future__ import annotations

import re
from datetime import date

from nextround.bootstrap import Nextround
from nextround.domain.feedback import FeedbackSource
from nextround.services.feedback import add_feedback
from tests.web.conftest import Browser
from tests.web.test_web_feedback import picks

EMAIL = (
    '<html><body><div style="font-family:Arial"><p>Hi Adebayo,</p>\n'
    "<p>Thank you for your time. Unfortunately, we&rsquo;ve decided not to move forward.</p>\n"
    "<p>The panel were impressed by your take-home: the churn model was rigorous.</p>\n"
    "<p>However, in the <b>system design</b> interview the design stayed at a high level.</p>\n"
    "<p>Best wishes,<br>Jess</p>"
    '<p style="font-size:9px;color:#999">This email is confidential.</p>'
    "<script>alert('run')</script><img src=x onerror=alert(1)>"
    "<p>Your &lt;b&gt;tags&lt;/b&gt; here.</p></div></body></html>"
)
READS = "Unfortunately, we’ve decided not to move forward."


def _paste(browser: Browser, app_id: int) -> int:
    data = {"text": EMAIL, "source": "recruiter", "author": "Jess", "received_on": "2026-10-16"}
    fields = picks(browser.post(f"/applications/{app_id}/feedback/preview", data).text)
    saved = browser.post(f"/applications/{app_id}/feedback", {**data, **fields, "confirm": "all"})
    assert saved.status_code == 303, saved.text
    return int(re.findall(r"\d+", saved.headers["location"])[-1])


def _no_markup_shown(page: str) -> None:
    """What the page shows holds none of the paste's markup, rendered or as text."""
    assert "&lt;/p&gt;" not in page and "&lt;p&gt;" not in page and "&amp;rsquo;" not in page
    assert "<script>alert" not in page and "onerror=alert" not in page
    assert "<b>tags</b>" not in page  # an entity decoded to a tag is shown as text
    assert "Your &lt;b&gt;tags&lt;/b&gt; here." in page


def test_an_html_email_shows_as_text_on_the_application_its_timeline_and_all_feedback(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application(company="Monzo")
    feedback_id = _paste(browser, app_id)
    with sqlite_app.uow() as uow:
        assert uow.feedback.get(feedback_id).text == EMAIL  # kept as pasted
    page = browser.get(f"/applications/{app_id}").text
    _no_markup_shown(page)
    card = page[page.index(f'id="feedback-{feedback_id}"') :]
    assert "Hi Adebayo,\n\nThank you for your time. " + READS in card
    assert "However, in the system design interview" in card
    # The timeline quotes it from its first statement, as it reads.
    timeline = page[: page.index(f'id="feedback-{feedback_id}"')]
    assert "…The panel were impressed by your take-home: the churn model was rigorous." in (
        timeline
    )
    listed = browser.get("/feedback/all").text
    _no_markup_shown(listed)
    assert READS in listed


def test_the_feedback_page_shows_an_html_email_as_text_and_its_markup_on_request(
    browser: Browser, sqlite_app: Nextround
) -> None:
    feedback_id = _paste(browser, browser.add_application(company="Monzo"))
    page = browser.get(f"/feedback/{feedback_id}").text
    received = page[page.index("As you received it") : page.index('id="pasted-html"')]
    _no_markup_shown(received)
    assert READS in received and "Best wishes,\nJess" in received
    original = page[page.index('id="pasted-html"') : page.index("</details>")]
    assert "see the markup as pasted" in original
    # The paste itself, every character of it, shown as text and never run.
    assert "&lt;p&gt;Hi Adebayo,&lt;/p&gt;" in original and "we&amp;rsquo;ve" in original
    assert "&lt;script&gt;alert(&#39;run&#39;)&lt;/script&gt;" in original
    assert "<script>" not in page.replace('<script src="/static/', "")


def test_feedback_stored_as_html_before_shows_as_text_and_plain_text_offers_no_markup(
    browser: Browser, sqlite_app: Nextround
) -> None:
    app_id = browser.add_application(company="Monzo")
    with sqlite_app.uow() as uow:  # stored unread, as older versions kept it
        old = add_feedback(
            uow, EMAIL, FeedbackSource.RECRUITER, received_on=date(2026, 10, 16),
            application_id=app_id,
        )  # fmt: skip
        plain = add_feedback(
            uow, "Latency < 100ms & calm.\n\nThin on risk.", FeedbackSource.PEER,
            received_on=date(2026, 10, 17), application_id=app_id,
        )  # fmt: skip
        uow.commit()
    page = browser.get(f"/feedback/{old.id}").text
    assert READS in page and "&lt;/p&gt; &lt;p&gt;" not in page.split('id="pasted-html"')[0]
    _no_markup_shown(browser.get(f"/applications/{app_id}").text)
    typed = browser.get(f"/feedback/{plain.id}").text
    assert "Latency &lt; 100ms &amp; calm.\n\nThin on risk." in typed
    assert 'id="pasted-html"' not in typed
