"""A note quotes a text only by a distinctive phrase of it, never by a skill's name alone."""

from nextround.domain.note_quoting import distinctive, note_quotes, quoted_in

NAMES = ["Risk management", "Systems thinking"]


def test_a_skill_name_alone_or_in_a_stock_frame_is_no_quote() -> None:
    assert not distinctive("risk management", NAMES)
    assert not distinctive("my experience with risk management", NAMES)
    assert not distinctive("the wave plan", NAMES)


def test_a_moment_of_several_words_is_a_quote() -> None:
    assert distinctive("re-baselining after the conveyor slip", NAMES)
    assert distinctive("How do you run risk on a programme?", NAMES)


def test_a_note_naming_a_skill_does_not_quote_feedback_about_it() -> None:
    body = "Thank you for your candid feedback on my experience with risk management."
    assert not note_quotes(body, ["risk management", "my experience with risk management"], NAMES)
    assert note_quotes(
        "I enjoyed talking about re-baselining after the conveyor slip.",
        ["re-baselining after the conveyor slip"],
        NAMES,
    )


def test_what_a_note_quotes_is_named_once_as_the_note_has_it() -> None:
    body = "I enjoyed talking about re-baselining after the conveyor slip."
    texts = [
        "Follow-ups on re-baselining after the conveyor slip: clear answers.",
        "re-baselining after the conveyor slip",
        "conveyor slip",
        "my experience with risk management",
    ]
    assert quoted_in(body, texts, NAMES) == ("re-baselining after the conveyor slip",)
    assert quoted_in("Thanks for your time.", texts, NAMES) == ()
