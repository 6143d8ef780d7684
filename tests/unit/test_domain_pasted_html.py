"""Feedback pasted as HTML is split as the text it shows, its statements pointing into the paste."""

from datetime import date

import pytest

from nextround.analysis.not_feedback import read_around
from nextround.analysis.statements import split_statements
from nextround.domain.feedback import Feedback, FeedbackSource
from nextround.domain.pasted_html import looks_like_html, readable_text, shown_offset, shown_text
from nextround.domain.statements import FeedbackStatement

GMAIL = (
    "Hey Diego!<br><br>\n"
    "Rachel here. Sorry for the delay &mdash; here's the honest feedback:<br>\n"
    "<ul>\n"
    "<li>Talk track was too long: the demo ran 25 minutes of a 40-minute slot.</li>\n"
    "<li>You didn't tie the value back to the buyer's metrics (win rate &amp; ramp).</li>\n"
    "</ul>\n"
    "<p>Your <b>forecasting</b> was conservative and well-reasoned.</p>"
)


def test_tags_go_and_entities_are_decoded_before_splitting():
    texts = [s.text for s in split_statements(GMAIL)]
    assert "Talk track was too long: the demo ran 25 minutes of a 40-minute slot." in texts
    assert "You didn't tie the value back to the buyer's metrics (win rate & ramp)." in texts
    assert "Your forecasting was conservative and well-reasoned." in texts
    assert not [t for t in texts if "<" in t or "&" in t.replace(" & ", "")]


def test_statements_point_into_the_paste_as_stored():
    for statement in split_statements(GMAIL):
        raw = GMAIL[statement.start : statement.end]
        assert raw.startswith(statement.text[:4]), raw
        assert raw.endswith(statement.text[-4:]), raw
        assert "<li>" not in raw


def test_markup_alone_is_no_statement_and_no_entity_is_cut_at_its_semicolon():
    texts = [s.text for s in split_statements("<ul>\n<li>Weak on pricing.</li>\n</ul>")]
    assert texts == ["Weak on pricing."]
    usual, _asides = read_around(GMAIL, [(s.start, s.end) for s in split_statements(GMAIL)])
    assert not [u for u in usual if "&mdash" in u or "<br>" in u]


def test_script_and_style_content_is_no_text():
    shown = readable_text("<style>p{color:red}</style>Strong on data.<script>alert(1)</script>")
    assert shown is not None
    assert shown.text == "Strong on data."


@pytest.mark.parametrize(
    "plain",
    [
        "Kept latency < 100ms under load; p99 > 200ms at peak.",
        "Jane Smith <jane@example.com> wrote the notes & shared them.",
        "Strong on R&D; weak on pricing.",
    ],
)
def test_plain_text_with_angle_brackets_stays_as_typed(plain):
    assert not looks_like_html(plain)
    assert readable_text(plain) is None


def test_the_sentence_around_a_clause_holds_no_markup():
    source = "<ul><li>Great discovery, but you pitched features too early.</li><li>Calm.</li></ul>"
    clause = next(s for s in split_statements(source) if s.text.startswith("you"))
    stored = FeedbackStatement(1, 1, clause.text, clause.start, clause.end, "core")
    assert stored.sentence_in(source) == "Great discovery, but you pitched features too early."


EMAIL = (
    '<html><head><style>p { color: red }</style></head><body><div style="font-family:Arial">'
    "<p>Hi Adebayo,</p>\n<p>Unfortunately, we&rsquo;ve decided not to move forward.</p>\n"
    "<p>The <b>take-home</b> was rigorous.</p> <p>However, the design stayed high level.</p>\n"
    "<p>Best wishes,<br>Jess<br>Talent Partner</p>"
    '<p style="font-size:9px">This email is confidential.</p></div></body></html>'
)


def test_a_feedback_pasted_as_html_shows_as_text_and_keeps_the_paste():
    item = Feedback(EMAIL, FeedbackSource.RECRUITER, date(2026, 10, 16))
    assert item.pasted_as_html
    assert item.text == EMAIL  # the paste itself is what is stored and backed up
    assert item.shown_text == (
        "Hi Adebayo,\n\nUnfortunately, we’ve decided not to move forward.\n\n"
        "The take-home was rigorous.\n\nHowever, the design stayed high level.\n\n"
        "Best wishes,\nJess\nTalent Partner\n\nThis email is confidential."
    )
    # Where the first statement starts in the paste is where it starts in what is shown.
    at = shown_offset(EMAIL, EMAIL.index("The <b>take-home"))
    assert item.shown_text[at:].startswith("The take-home was rigorous.")


@pytest.mark.parametrize(
    "plain",
    ["Latency < 100ms, well done.\n\nThe design & the demo were thin.", "Jane <jane@example.com>"],
)
def test_a_feedback_typed_as_text_shows_exactly_as_typed(plain):
    item = Feedback(plain, FeedbackSource.PEER, date(2026, 10, 16))
    assert not item.pasted_as_html
    assert item.shown_text == shown_text(plain) == plain
    assert shown_offset(plain, 7) == 7


def test_the_text_shown_of_hostile_html_holds_its_words_and_none_of_its_code():
    hostile = (
        "<p>Good &lt;script&gt; talk.</p><script>alert(1)</script>"
        "<img src=x onerror=alert(2)><p>Thin on risk.</p>"
    )
    shown = shown_text(hostile)
    assert shown == "Good <script> talk.\n\nThin on risk."  # escaped where it is shown
    assert "alert" not in shown and "onerror" not in shown
