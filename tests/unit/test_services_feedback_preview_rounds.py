"""The feedback preview says which round a statement names before it is saved (QA21 F11)."""

from __future__ import annotations

from datetime import date

from nextround.domain.journey import Round, RoundKind
from nextround.frameworks.files import builtin_framework
from nextround.services.feedback_entry import FeedbackPreview


def test_the_preview_says_the_round_a_statement_names_and_nothing_for_the_others() -> None:
    take_home = Round(name="Technical take-home", kind=RoundKind.TAKE_HOME,
                      started_on=date(2026, 9, 20), id=2, position=2)  # fmt: skip
    preview = FeedbackPreview(builtin_framework(), "lexical", True, [], named_rounds=[
        take_home, None])  # fmt: skip
    assert preview.round_text(0) == "About round 2, Technical take-home (named in it)"
    assert preview.round_text(1) is None
    assert preview.round_text(5) is None  # a statement the preview did not read
