"""Chat-style feedback (Slack, texts) splits into the points it makes (QA22 F7)."""

from nextround.analysis.statements import split_statements


def _texts(text: str) -> list[str]:
    return [s.text for s in split_statements(text)]


def test_a_lower_case_sentence_after_a_short_word_starts_anew():
    # "good luck!!" is its own sentence, a send-off, and no part of the point before it.
    assert _texts("also the mock QBR ran long, tighten it up. good luck!!") == [
        "also the mock QBR ran long, tighten it up."
    ]


def test_an_abbreviation_still_does_not_end_a_sentence():
    assert _texts("It took approx. five weeks to ship, which was too slow.") == [
        "It took approx. five weeks to ship, which was too slow."
    ]


def test_a_greeting_with_a_dash_is_no_statement():
    assert _texts("hey Dana — hiring mgr here. Your demo was strong.") == ["Your demo was strong."]


def test_framing_with_an_adjective_before_feedback_is_dropped_whole():
    for adjective in ("candid", "honest", "quick"):
        text = f"I wanted to give you some {adjective} feedback. Your demo was strong."
        assert _texts(text) == ["Your demo was strong."], adjective


def test_chat_shorthand_for_and_is_no_word_of_the_point():
    texts = _texts("Your renewal story was great, n your answers on hiring were thin.")
    assert texts == ["Your renewal story was great", "your answers on hiring were thin."]


def test_why_a_point_matters_stays_with_the_point():
    text = (
        "You didn't bring the account executive in early enough — for a team lead, managing "
        "internal stakeholders across Sales and Product is critical."
    )
    assert _texts(text) == [text]
