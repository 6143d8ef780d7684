"""A form for a new record sent twice within seconds is saved once; later or changed, again."""

from __future__ import annotations

from collections.abc import Callable

from nextround.web.recent_adds import SAME_PRESS_SECONDS, RecentAdds, form_key


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def adder() -> tuple[list[int], Callable[[], int]]:
    made: list[int] = []

    def add() -> int:
        made.append(len(made) + 1)
        return made[-1]

    return made, add


FIELDS = [("csrf_token", "a"), ("company", "Revolut"), ("role_title", "Staff DS")]


def test_the_same_form_sent_twice_at_once_is_added_once() -> None:
    made, add = adder()
    recent = RecentAdds(Clock())
    key = form_key("/applications", FIELDS)
    assert recent.add_once(key, add, lambda _: True) == (1, True)
    assert recent.add_once(key, add, lambda _: True) == (1, False)
    assert made == [1]


def test_the_token_does_not_make_a_second_press_a_new_form() -> None:
    again = [("csrf_token", "b"), *FIELDS[1:]]
    assert form_key("/applications", FIELDS) == form_key("/applications", again)


def test_any_other_value_or_address_is_another_record() -> None:
    other = [*FIELDS[:2], ("role_title", "Lead DS")]
    assert form_key("/applications", FIELDS) != form_key("/applications", other)
    assert form_key("/applications", FIELDS) != form_key("/stories", FIELDS)
    # Field names and values cannot run into each other.
    assert form_key("/a", [("ab", "c")]) != form_key("/a", [("a", "bc")])


def test_the_same_form_later_or_after_a_delete_is_added_again() -> None:
    made, add = adder()
    clock = Clock()
    recent = RecentAdds(clock)
    key = form_key("/applications", FIELDS)
    recent.add_once(key, add, lambda _: True)
    clock.now += SAME_PRESS_SECONDS + 0.1
    assert recent.add_once(key, add, lambda _: True) == (2, True)
    assert recent.add_once(key, add, lambda _: False) == (3, True)
    assert made == [1, 2, 3]
