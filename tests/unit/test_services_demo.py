"""The demo file and its date shifting (loading it is tested against a real database)."""

from __future__ import annotations

from datetime import date, timedelta

from nextround.services.demo import read_demo, week_shift


def test_week_shift_moves_the_anchor_into_the_last_week_keeping_weekdays():
    anchor = date(2025, 6, 18)
    for today in (date(2025, 6, 18), date(2026, 11, 25), date(2027, 1, 3)):
        moved = anchor + week_shift(anchor, today)
        assert moved.weekday() == anchor.weekday()
        assert timedelta(0) <= today - moved < timedelta(days=7)


def test_demo_file_is_in_the_expected_format():
    doc = read_demo()
    keys = [a["key"] for a in doc["applications"]]
    assert len(keys) == len(set(keys))
