"""Checked sheets held for their import: by an unguessable token, for a while, a few at most."""

from __future__ import annotations

from nextround.web.held_sheets import HOLD_SECONDS, ROOM, HeldSheets


def test_a_sheet_is_held_until_it_expires_or_is_dropped() -> None:
    now = [1000.0]
    held = HeldSheets(clock=lambda: now[0])
    token = held.hold("apps.csv", b"company,role,applied\n")
    other = held.hold(None, b"x")
    assert token != other and len(token) >= 32
    sheet = held.get(token)
    assert sheet is not None and (sheet.filename, sheet.raw) == (
        "apps.csv",
        b"company,role,applied\n",
    )
    held.drop(other)
    assert held.get(other) is None
    now[0] += HOLD_SECONDS
    assert held.get(token) is None


def test_only_the_newest_few_are_kept() -> None:
    held = HeldSheets()
    tokens = [held.hold(f"{n}.csv", b"x") for n in range(ROOM + 1)]
    assert held.get(tokens[0]) is None
    assert all(held.get(t) is not None for t in tokens[1:])
