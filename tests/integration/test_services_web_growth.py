"""The services behind the growth pages, on a real database: atomic saves, reads never write."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.analysis.lexical import LexicalMapper
from nextround.bootstrap import Nextround
from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.domain.statements import EVIDENCE_MIN_CONFIDENCE
from nextround.errors import DomainError, NotFoundError
from nextround.services.applications import add_application
from nextround.services.feedback import FeedbackLinks, remove_feedback
from nextround.services.feedback_entry import (
    FeedbackDraft,
    PreviewOutdatedError,
    Verdict,
    add_judged_feedback,
    preview_feedback,
)
from nextround.services.framework_upload import import_uploaded_framework
from nextround.services.plan import refresh_plan
from nextround.services.plan_week import set_done, week_view
from nextround.services.profile import current_profile
from nextround.services.profile_reads import explain_in, self_view
from tests.web.conftest import load_demo_journey

TEXT = "Strong communicator, but the whiteboard flow lacked structure."
#: The verdicts on TEXT's two statements, both confirmed as given.
VERDICTS = [
    Verdict(1, "Strong communicator", ("communication",), Polarity.STRENGTH),
    Verdict(2, "the whiteboard flow lacked structure.", ("process-design",), Polarity.GAP),
]


def _draft(app_id: int, text: str = TEXT) -> FeedbackDraft:
    return FeedbackDraft(
        text, FeedbackSource.INTERVIEWER, date(2026, 10, 10), links=FeedbackLinks(app_id)
    )


def _app(nextround: Nextround) -> int:
    with nextround.uow() as uow:
        app = add_application(
            uow, {"company": "Acme", "role_title": "TPM", "applied_on": date(2026, 10, 1)}
        )
    assert app.id is not None
    return app.id


def _count(nextround: Nextround) -> tuple[int, int]:
    with nextround.uow() as uow:
        items = uow.feedback.list()
        return len(items), sum(len(uow.statements.for_feedback(i.id)) for i in items)


def test_preview_maps_without_storing_anything(sqlite_app: Nextround) -> None:
    app_id = _app(sqlite_app)
    with sqlite_app.uow() as uow:
        preview = preview_feedback(uow, _draft(app_id), LexicalMapper)
    assert [s.text for s in preview.statements] == [
        "Strong communicator",
        "the whiteboard flow lacked structure.",
    ]
    assert preview.fallback and all(s.matches for s in preview.statements)
    assert _count(sqlite_app) == (0, 0)
    with sqlite_app.uow() as uow, pytest.raises(DomainError, match="predates the application"):
        preview_feedback(
            uow,
            FeedbackDraft(
                TEXT, FeedbackSource.RECRUITER, date(2020, 1, 1), links=FeedbackLinks(app_id)
            ),
            LexicalMapper,
        )


def test_previews_use_up_no_feedback_numbers(app: Nextround) -> None:
    # QA10 F9: on PostgreSQL each preview stored the draft and rolled it back, and a rolled
    # back row still takes a number from the sequence: saved items read #4, #6, #8.
    app_id = _app(app)
    for _ in range(3):
        with app.uow() as uow:
            preview_feedback(uow, _draft(app_id), LexicalMapper)
    with app.uow() as uow:
        saved, _ = add_judged_feedback(uow, _draft(app_id), LexicalMapper, VERDICTS)
    assert saved.id == 1


def test_verdicts_are_saved_with_the_feedback_in_one_transaction(sqlite_app: Nextround) -> None:
    app_id = _app(sqlite_app)
    verdicts = VERDICTS
    with sqlite_app.uow() as uow:
        _, statements = add_judged_feedback(uow, _draft(app_id), LexicalMapper, verdicts)
    assert [s.competencies for s in statements] == [["communication"], ["process-design"]]
    assert all(s.confirmed for s in statements)
    # A verdict the framework cannot take leaves nothing behind: not even the feedback.
    other = "Clear communicator, but the whiteboard flow lacked structure."
    bad = [
        Verdict(1, "Clear communicator", ("communication",), Polarity.STRENGTH),
        Verdict(2, verdicts[1].text, ("telepathy",), Polarity.GAP),
    ]
    with sqlite_app.uow() as uow, pytest.raises(DomainError, match="telepathy"):
        add_judged_feedback(uow, _draft(app_id, other), LexicalMapper, bad)
    with sqlite_app.uow() as uow, pytest.raises(PreviewOutdatedError):
        add_judged_feedback(uow, _draft(app_id, "Excellent stakeholder work."), LexicalMapper, bad)
    assert _count(sqlite_app) == (1, 2)


def test_confirm_later_confirms_only_the_corrections(sqlite_app: Nextround) -> None:
    app_id = _app(sqlite_app)
    with sqlite_app.uow() as uow:
        preview = preview_feedback(uow, _draft(app_id), LexicalMapper)
    first, second = preview.statements
    verdicts = [
        Verdict(1, first.text, (), first.polarity, decided=False),  # left for later
        Verdict(2, second.text, ("process-design",), Polarity.GAP),
    ]
    with sqlite_app.uow() as uow:
        _, statements = add_judged_feedback(
            uow, _draft(app_id), LexicalMapper, verdicts, confirm_all=False
        )
    assert [s.confirmed for s in statements] == [False, True]
    # Word matching is never confident here (below 35%): nothing was pre-selected, so
    # ticking even the top suggestion is the user's own decision, and it is confirmed.
    assert first.matches[0].confidence < EVIDENCE_MIN_CONFIDENCE
    assert statements[0].competencies == []
    verdicts[0] = Verdict(1, first.text, (first.matches[0].competency_id,), first.polarity)
    with sqlite_app.uow() as uow:
        remove_feedback(uow, statements[0].feedback_id)  # else the next save is a copy of it
    with sqlite_app.uow() as uow:
        _, statements = add_judged_feedback(
            uow, _draft(app_id), LexicalMapper, verdicts, confirm_all=False
        )
    assert [s.confirmed for s in statements] == [True, True]
    assert statements[0].competencies == [first.matches[0].competency_id]


@pytest.mark.parametrize("confirm_all", [True, False])
def test_a_copy_is_saved_with_nothing_confirmed_and_counts_once(
    sqlite_app: Nextround, confirm_all: bool
) -> None:
    app_id = _app(sqlite_app)
    verdicts = VERDICTS
    with sqlite_app.uow() as uow:
        _, first = add_judged_feedback(uow, _draft(app_id), LexicalMapper, verdicts)
    assert all(s.confirmed for s in first)
    with sqlite_app.uow() as uow:
        preview = preview_feedback(uow, _draft(app_id, f"{TEXT}\n"), LexicalMapper)
    assert [c.id for c in preview.copies] == [first[0].feedback_id]
    # Pasted again and saved "as confirmed" (or with corrections): stored, nothing confirmed.
    with sqlite_app.uow() as uow:
        item, copy = add_judged_feedback(
            uow, _draft(app_id), LexicalMapper, verdicts, confirm_all=confirm_all
        )
    assert item.id != first[0].feedback_id and _count(sqlite_app) == (2, 4)
    assert [s.confirmed for s in copy] == [False, False]
    with sqlite_app.uow() as uow:
        view = current_profile(uow, 365)
        evidence = [e for e in view.evidence if e.competency_id == "process-design"]
        assert [e.origin_id for e in evidence] == [first[1].id]  # the same words, once
        assert {c.statement.id for c in view.copies} >= {copy[1].id}


def test_the_week_is_read_without_writing_and_stored_on_the_first_toggle(
    sqlite_app: Nextround,
) -> None:
    load_demo_journey(sqlite_app)
    with sqlite_app.uow() as uow:
        refresh_plan(uow, 365, 120)
    with sqlite_app.uow() as uow:
        view = week_view(uow)
    assert len(view.actions) == 5 and all(a.week for a in view.actions)
    with sqlite_app.uow() as uow:
        assert all(a.week is None for a in uow.plan.all())  # nothing stored by reading
    ticked = view.actions[0].id
    with sqlite_app.uow() as uow:
        assert set_done(uow, ticked, True).done
    with sqlite_app.uow() as uow:
        again = week_view(uow)
    assert [a.id for a in again.actions] == [a.id for a in view.actions]
    assert again.week_done == 1 and again.momentum.done_this_week == 1
    with sqlite_app.uow() as uow:
        assert not set_done(uow, ticked, False).done
        with pytest.raises(NotFoundError):
            set_done(uow, "nothing", False)


def test_explanations_and_self_view_from_one_built_profile(sqlite_app: Nextround) -> None:
    load_demo_journey(sqlite_app)
    with sqlite_app.uow() as uow:
        view = current_profile(uow, 365)
    today = explain_in(view, "risk-management")
    assert today.score == view.profile.score_of("risk-management")
    earlier = explain_in(view, "risk-management", date(2026, 3, 31))
    assert len(earlier.pieces) < len(today.pieces)
    own = self_view(view)
    calibrated = {i.competency_id: i.self_score for i in view.profile.calibration.items}
    for competency, score in calibrated.items():
        assert own[competency] == pytest.approx(score)
    assert set(own) >= set(calibrated)


def test_an_uploaded_framework_is_all_or_nothing(sqlite_app: Nextround) -> None:
    yaml = b"name: Acme\ncompetencies:\n  - name: Ownership\n    description: Acts like an owner.\n"
    with sqlite_app.uow() as uow:
        framework = import_uploaded_framework(uow, yaml, "acme.yaml", use=True).framework
    assert framework.id == "acme"
    with sqlite_app.uow() as uow, pytest.raises(DomainError, match="already imported"):
        import_uploaded_framework(uow, yaml, "acme.yaml")
    with sqlite_app.uow() as uow, pytest.raises(DomainError, match="built-in"):
        import_uploaded_framework(uow, yaml, "x.yaml", framework_id="nextround-core")
    with sqlite_app.uow() as uow:
        assert uow.frameworks.ids() == ["nextround-core", "acme"]
