"""A doubt voiced about a skill ("a question mark over X") is a gap, kept with its reason."""

import pytest

from nextround.analysis.left_out import left_out
from nextround.analysis.not_feedback import read_around, set_aside
from nextround.analysis.note_headers import NOTE_HEADER, is_note_header, note_header_asides
from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

STRENGTH, GAP = Polarity.STRENGTH, Polarity.GAP


def _read(text: str) -> list[tuple[str, Polarity]]:
    return [
        (s.text, read_polarity(s.text, heading=s.heading, feedback=True).polarity)
        for s in split_statements(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Possibly a question mark over stakeholder management.",
        "There's a question mark over your people leadership.",
        "Question marks around your experimentation design.",
        "We were not fully convinced on your depth in forecasting.",
        "Some doubts about your roadmap prioritisation.",
        "A concern around delegation.",
    ],
)
def test_a_doubt_about_a_skill_reads_as_a_gap(text):
    assert read_polarity(text, feedback=True).polarity is GAP, read_polarity(text).cues


def test_a_doubt_denied_is_praise():
    for text in (
        "There's no question mark over your technical depth.",
        "We had no question marks about your delivery.",
    ):
        assert read_polarity(text, feedback=True).polarity is STRENGTH, text


def test_a_doubt_as_a_label_stays_one_gap_with_its_reason():
    text = (
        "Possibly a question mark over team leadership: you've run workstreams but not "
        "managed more than one report."
    )
    assert _read(text) == [(text, GAP)]


def test_a_doubt_as_a_label_before_praise_is_not_joined_to_the_rest():
    # What follows the colon praises in part: its points stay apart, as without a label.
    text = "A question mark over pace: the analysis was excellent, but the answers ran long."
    assert [t for t, _ in _read(text)][1:] == ["the answers ran long."]


@pytest.mark.parametrize(
    "text",
    [
        "You've run workstreams but not managed more than one report.",
        "You led the migration but not the rollout planning.",
        "She has facilitated workshops but never a board meeting.",
    ],
)
def test_a_plain_account_limited_by_but_not_is_one_gap(text):
    # Cut in two, "You've run workstreams" read as praise nobody gave, and the rest lost
    # who it is about.
    assert _read(text) == [(text, GAP)]


def test_praise_then_but_not_stays_two_points():
    read = _read("Great discovery, but not enough depth on pricing.")
    assert [p for _, p in read] == [STRENGTH, GAP]


@pytest.mark.parametrize(
    "line",
    [
        "They'd be open to you reapplying in 6 months.",
        "The client would be happy for you to apply again next year.",
        "We'd be open to a new application in the spring.",
    ],
)
def test_an_invitation_to_apply_again_is_courtesy_not_a_statement(line):
    text = f"Your SQL was strong.\n{line}"
    assert [t for t, _ in _read(text)] == ["Your SQL was strong."]
    assert left_out(text, [(s.start, s.end) for s in split_statements(text)]) == [line]


def test_an_invitation_to_apply_again_once_you_have_more_stays_a_gap():
    text = "They'd be open to you reapplying once you have more experience leading teams."
    assert _read(text) == [(text, GAP)]


@pytest.mark.parametrize(
    "line",
    [
        "Call with Hays recruiter (Dan), 30 Oct.",
        "Debrief with Priya - Tue 4 Nov",
        "Phone screen notes, 12/03",
        "Mon 3 Nov - call with the hiring manager",
        "Sync with Ana 14:30",
    ],
)
def test_a_note_header_naming_a_call_and_a_date_is_no_statement(line):
    assert is_note_header(line)
    text = f"{line}\nThey liked your stakeholder stories.\nAnswers ran long."
    assert [t for t, _ in _read(text)] == [
        "They liked your stakeholder stories.",
        "Answers ran long.",
    ]
    usual, asides = read_around(text, [(s.start, s.end) for s in split_statements(text)])
    assert usual == []
    assert [(a.text, a.reason) for a in asides] == [(line, NOTE_HEADER)]


@pytest.mark.parametrize(
    "line",
    [
        "Interview on 3 Nov went really well.",
        "Strong call with Dan, 30 Oct.",
        "The call on 30 Oct was great.",
        "Call with the team about the roadmap.",  # no date: a note
        "Your call with Dan on 30 Oct showed real poise.",
    ],
)
def test_a_line_that_judges_or_names_no_date_is_no_note_header(line):
    assert not is_note_header(line)


def test_a_header_alone_is_the_whole_text_and_stays():
    assert note_header_asides("Debrief notes, 3 March") == []
    assert set_aside("Call with Dan, 30 Oct.\n\nGood.") != []
