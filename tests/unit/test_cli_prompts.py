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


def test_a_managers_everyday_words_are_taken_as_the_competencies_they_name(monkeypatch):
    from nextround.frameworks.files import builtin_framework

    _typed(monkeypatch, ["hiring, performance management, coaching"], piped=True)
    assert prompts._ask_probed(builtin_framework()) == ["people-leadership", "developing-others"]


def test_a_suggestion_ends_the_refusal_with_its_question_mark_alone(monkeypatch, capsys):
    from nextround.frameworks.files import builtin_framework

    _typed(monkeypatch, ["risk managment", "risk management"], piped=False)
    assert prompts._ask_probed(builtin_framework()) == ["risk-management"]
    said = " ".join(capsys.readouterr().out.split())
    assert "did you mean 'risk-management' (Risk management)?" in said
    assert "?." not in said
    # Piped, the form stops with the same question and no stray punctuation after it.
    _typed(monkeypatch, ["risk managment"], piped=True)
    with pytest.raises(InvalidInputError) as refused:
        prompts._ask_probed(builtin_framework())
    assert "(Risk management)? Nothing was saved." in str(refused.value)
