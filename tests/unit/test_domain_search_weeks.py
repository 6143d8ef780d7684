"""Applications counted per week, empty weeks included, against a weekly need."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.domain.journey import Source
from nextround.domain.pipeline import ApplicationFacts
from nextround.domain.search_weeks import WeekStart, search_weeks, week_of, weeks_short


def _app(ident: int, applied_on: date) -> ApplicationFacts:
    return ApplicationFacts(ident, f"Company {ident}", "CSM", Source.OTHER, applied_on)


@pytest.mark.parametrize(
    ("start", "expected"),
    [(WeekStart.MONDAY, date(2026, 11, 23)), (WeekStart.SUNDAY, date(2026, 11, 22))],
)
def test_a_week_starts_on_the_day_asked(start: WeekStart, expected: date) -> None:
    # Saturday 28 November 2026: a Sunday week began the 22nd, an ISO week the 23rd.
    assert week_of(date(2026, 11, 28), start) == expected
    assert week_of(expected, start) == expected


def test_every_week_up_to_this_one_is_listed_empty_ones_too_with_what_each_lacks() -> None:
    apps = [_app(1, date(2026, 11, 2)), _app(2, date(2026, 11, 3)), _app(3, date(2026, 11, 20))]
    weeks = search_weeks(apps, date(2026, 11, 28), WeekStart.SUNDAY, need=3)
    assert [(w.starts_on, w.count, w.short_by) for w in weeks] == [
        (date(2026, 11, 1), 2, 1),
        (date(2026, 11, 8), 0, 3),
        (date(2026, 11, 15), 1, 2),
        (date(2026, 11, 22), 0, 3),
    ]
    # The week of the 22nd is not over on the 28th: it is not short yet.
    short = weeks_short(weeks, date(2026, 11, 28))
    assert [w.starts_on.day for w in short] == [1, 8, 15]
    assert weeks[0].to_json()["ids"] == [1, 2]


def test_without_a_need_nothing_is_short_and_without_applications_there_are_no_weeks() -> None:
    weeks = search_weeks([_app(1, date(2026, 11, 2))], date(2026, 11, 28))
    assert weeks_short(weeks, date(2026, 11, 28)) == []
    assert weeks[0].to_json()["short_by"] is None
    assert search_weeks([], date(2026, 11, 28)) == []
