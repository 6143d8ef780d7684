"""The interactive prompts: at a terminal a refused answer is asked again, piped it stops."""

from __future__ import annotations

import pytest

from nextround.cli import prompts
from nextround.errors import InvalidInputError


def _typed(monkeypatch, answers, *, piped):
    lines = iter(answers)
    monkeypatch.setattr(prompts.typer, "prompt", lambda *a, **k: next(lines))
    monkeypatch.setattr(prompts, "_piped", lambda: piped)


def test_at_a_terminal_a_bad_rating_is_asked_again(monkeypatch):
    _typed(monkeypatch, ["9", "x", "4"], piped=False)
    assert prompts._rating("Overall", allow_skip=False) == 4


def test_piped_a_bad_rating_stops_so_later_answers_do_not_shift(monkeypatch):
    _typed(monkeypatch, ["9", "4"], piped=True)
    with pytest.raises(InvalidInputError, match="'9': please answer with a number from 1 to 5"):
        prompts._rating("Overall", allow_skip=False)
