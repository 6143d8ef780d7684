"""`feedback show`, `feedback list` and `timeline` print an e-mail pasted as HTML as it reads."""

import json

from tests.e2e.conftest import seed_application

EMAIL = (
    '<html><body><div style="font-family:Arial"><p>Hi Adebayo,</p>\n'
    "<p>Unfortunately, we&rsquo;ve decided not to move forward.</p>\n"
    "<p>The panel were impressed by your take-home: the churn model was rigorous.</p>\n"
    "<p>However, the <b>system design</b> stayed at a high level.</p>\n"
    "<p>Best wishes,<br>Jess</p><script>alert(1)</script></div></body></html>"
)
MARKUP = ("<p>", "</p>", "&rsquo;", "<b>", "<br>", "alert")


def test_an_html_email_prints_as_text_and_its_json_keeps_the_paste(cli):
    app = str(seed_application(cli, "Monzo").application)
    cli.ok("feedback", "add", EMAIL, "--no-map", "--app", app, "--author", "Jess")
    shown = cli.ok("feedback", "show", "1")
    assert not [m for m in MARKUP if m in shown], shown
    assert "Unfortunately, we’ve decided not to move forward." in shown
    assert "However, the system design stayed at a high level." in shown
    assert "Pasted as HTML, shown as it reads" in " ".join(shown.split())
    # The paste itself is what is stored, exported and given back as JSON.
    assert json.loads(cli.ok("feedback", "show", "1", "--json"))["text"] == EMAIL
    listed = cli.ok("feedback", "list")
    assert not [m for m in MARKUP if m in listed] and "we’ve decided" in listed
    # The timeline quotes it from its first statement, past the greeting and courtesy.
    timeline = " ".join(cli.ok("timeline", app).split())
    assert not [m for m in MARKUP if m in timeline], timeline
    assert "…The panel were impressed by your take-home" in timeline


def test_feedback_typed_as_text_prints_as_typed_with_no_word_of_html(cli):
    cli.ok("feedback", "add", "Latency < 100ms & calm. Thin on risk.", "--no-map")
    shown = cli.ok("feedback", "show", "1")
    assert "Latency < 100ms & calm. Thin on risk." in shown
    assert "HTML" not in shown
