"""A copied LinkedIn or chat message's name, headline and time lines are no feedback."""

import pytest

from nextround.analysis.message_chrome import MESSAGE_HEADER, chrome_asides, is_headline
from nextround.analysis.statements import split_statements

MESSAGE = (
    "{name}\n{headline}\nHey Priya, a quick note. You clearly know how to bring stakeholders "
    "along, but your infra depth was thin.\n{sent}\n"
)


@pytest.mark.parametrize(
    ("name", "headline", "sent"),
    [
        ("Tomas Berg • 1st", "Head of Platform at Stackwise", "Sent 3:14 PM"),
        ("Tomas Berg (He/Him) · 2nd", "Senior Engineering Manager @ Acme", "Seen at 10:02"),
        ("Ana Costa • 3rd+", "VP Product, Northwind Bank", "Yesterday 9:41 am"),
    ],
)
def test_message_header_lines_are_left_out(name, headline, sent):
    source = MESSAGE.format(name=name, headline=headline, sent=sent)
    kept = [s.text for s in split_statements(source)]
    assert kept and not any(part in text for text in kept for part in (name, headline, sent))
    asides = chrome_asides(source)
    assert [source[a.start : a.end] for a in asides] == [name, headline, sent]
    assert {a.reason for a in asides} == {MESSAGE_HEADER}


def test_a_chat_line_with_a_name_and_a_time_is_a_header():
    source = "Dana Ruiz 10:42\nYour pricing case was strong.\n"
    assert [source[a.start : a.end] for a in chrome_asides(source)] == ["Dana Ruiz 10:42"]


@pytest.mark.parametrize(
    "line",
    [
        "Great at stakeholder management",
        "Strong Product Manager",
        "Started late at 10:30 but recovered well.",
        "Head and shoulders above the other candidates at systems design.",
    ],
)
def test_feedback_that_looks_like_a_header_stays(line):
    assert not chrome_asides(line)
    assert not chrome_asides(f"Tomas Berg • 1st\n{line}") or not is_headline(line)
    assert split_statements(line)


def test_a_headline_alone_is_not_taken_for_one():
    # Without a name or a time next to it, a title-case line may be a note.
    assert is_headline("Head of Platform at Stackwise")
    assert chrome_asides("Head of Platform at Stackwise\n\nYour pricing case was strong.") == []
