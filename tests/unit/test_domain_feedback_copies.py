"""Which statements say again what was stored: near copies and repeats within one paste."""

from datetime import date

from nextround.domain.feedback import Feedback, FeedbackSource
from nextround.domain.feedback_copies import (
    copied_statements,
    held_statements,
    overlap,
    related,
    repeated,
    statement_key,
)
from nextround.domain.statements import FeedbackStatement

MAIL = [
    "The panel was impressed by your analytical depth.",
    "Your presentation was well structured.",
    "You jumped to a solution quickly.",
    "The strategy piece was light on the competitive landscape.",
    "Your empathy for SME owners came through.",
]


def _item(item_id: int, app: int | None = 2, text: str = "mail") -> Feedback:
    return Feedback(
        text=text, source=FeedbackSource.RECRUITER, received_on=date(2026, 10, 24),
        application_id=app, id=item_id,
    )  # fmt: skip


def _held(texts: list[str], item: Feedback) -> dict[str, Feedback]:
    return held_statements((t, item) for t in texts)


def test_a_statement_is_compared_by_its_words_not_its_case_quotes_or_spacing() -> None:
    assert statement_key("Your “empathy”  for SME owners — came through!") == statement_key(
        'your "empathy" for sme owners came through'
    )
    assert statement_key("The flow lacked structure.") != statement_key("The flow had structure.")


def test_most_statements_already_stored_make_a_near_copy_and_say_which() -> None:
    first = _item(1)
    again = ["Dear Priya, thanks again.", *MAIL[:4], "Lena loved your SME empathy."]
    found = overlap(again, _held(MAIL, first))
    # 4 of its 6 statements (67%, at least 60%) are there: those 4 wait, the 2 new ones count.
    assert sorted(found.elsewhere) == [1, 2, 3, 4]
    assert found.left_out == {1, 2, 3, 4}
    assert found.note() == "4 of its 6 statements are already in feedback 1 (received 2026-10-24)"


def test_a_few_shared_lines_below_the_share_are_no_copy() -> None:
    new = [MAIL[0], MAIL[1], "a", "b", "c", "d"]  # 2 of 6 different statements: 33%
    found = overlap([f"New point {x}." if len(x) == 1 else x for x in new], _held(MAIL, _item(1)))
    assert found.left_out == frozenset() and found.note() is None
    # One stock line, however short the feedback, is no copy either (at least 2 are needed).
    assert overlap([MAIL[0]], _held(MAIL, _item(1))).left_out == frozenset()


def test_a_statement_repeated_within_one_paste_counts_once() -> None:
    thirty = MAIL * 30
    found = overlap(thirty, {})
    assert found.within == frozenset(range(5, 150))
    assert found.elsewhere == {}
    repeats = (
        "145 of its 150 statements repeat one said earlier in the same text (statement 6, "
        "“The panel was impressed by your…”, says statement 1 again; statement 7, “Your "
        "presentation was well structured.”, says statement 2 again; statement 8, “You jumped "
        "to a solution quickly.”, says statement 3 again; and 142 more)"
    )
    assert found.note() == repeats
    # Stored before too: both are said, the share taken on the different statements.
    both = overlap(thirty, _held(MAIL, _item(1)))
    assert both.note() == (
        f"{repeats}, and 5 of its 5 different statements are already in feedback 1 (received "
        "2026-10-24)"
    )
    assert both.left_out == frozenset(range(150))


def _statements(item: Feedback, texts: list[str], first_id: int) -> list[tuple]:
    return [
        (FeedbackStatement(item.id or 0, n, t, 0, len(t), "fw", id=first_id + n), item)
        for n, t in enumerate(texts)
    ]


def test_the_profile_rule_compares_with_earlier_feedback_of_the_same_application_only() -> None:
    first, other_app, copy = _item(1, app=2), _item(2, app=3), _item(3, app=2)
    pairs = [
        *_statements(first, MAIL, 10),
        *_statements(other_app, MAIL, 20),  # the same words about another process count
        *_statements(copy, [*MAIL[:3], "A new point.", MAIL[0]], 30),
    ]
    copies = copied_statements(pairs)
    assert {k: v.id for k, v in copies.items()} == {30: 1, 31: 1, 32: 1, 34: 3}
    # Storage order decides which is the copy, whatever the date received.
    assert all(statement_id >= 30 for statement_id in copies)


def test_a_word_for_word_copy_keeps_its_own_rule_and_feeds_later_comparisons() -> None:
    first = _item(1, app=3, text="same")
    word_for_word = _item(2, app=2, text="same")
    near = _item(3, app=2)
    pairs = [
        *_statements(first, MAIL, 10),
        *_statements(word_for_word, MAIL, 20),
        *_statements(near, MAIL[:4], 30),
    ]
    identical = repeated([first, word_for_word, near])
    copies = copied_statements(pairs, identical)
    assert {k: copies[k].id for k in range(20, 25)} == dict.fromkeys(range(20, 25), 1)
    assert {k: copies[k].id for k in range(30, 34)} == dict.fromkeys(range(30, 34), 2)


def _by(item_id: int, app: int | None, author: str | None) -> Feedback:
    return Feedback(
        text=f"mail {item_id}", source=FeedbackSource.RECRUITER,
        received_on=date(2026, 10, 24), author=author, application_id=app, id=item_id,
    )  # fmt: skip


def test_a_copy_is_looked_for_under_the_same_application_or_the_same_author() -> None:
    stored = _by(1, app=2, author="Aiko Tanaka")
    assert related(_by(2, app=2, author=None), stored)
    # The same person's e-mail pasted again elsewhere, however the name is typed.
    assert related(_by(2, app=5, author="  aiko  TANAKA "), stored)
    # Feedback about no application may repeat any stored feedback.
    assert related(_by(2, app=None, author=None), stored)
    # Another person about another process may rightly use the same words.
    assert not related(_by(2, app=5, author="Maya"), stored)
    assert not related(_by(2, app=5, author=None), _by(1, app=2, author=None))


def test_the_profile_rule_finds_a_repaste_about_no_application_or_from_the_same_author() -> None:
    first = _by(1, app=2, author="Aiko Tanaka")
    general = _by(2, app=None, author="Manager")  # the same mail, pasted about no application
    elsewhere = _by(3, app=7, author="aiko tanaka")  # and again, on another process
    stranger = _by(4, app=8, author="Maya")  # the same stock words from someone else
    pairs = [
        *_statements(first, MAIL, 10),
        *_statements(general, MAIL[1:], 20),
        *_statements(elsewhere, MAIL[:4], 30),
        *_statements(stranger, MAIL, 40),
    ]
    copies = copied_statements(pairs)
    assert {k: v.id for k, v in copies.items()} == {
        **dict.fromkeys(range(20, 24), 1),
        **dict.fromkeys(range(30, 34), 1),
    }


def test_the_note_names_which_statement_is_said_again_and_where_first():
    found = overlap(["Great discovery", "Talk track too long", "Great discovery."], {})
    assert found.note() == (
        "1 of its 3 statements repeats one said earlier in the same text (statement 3, "
        "“Great discovery.”, says statement 1 again)"
    )
