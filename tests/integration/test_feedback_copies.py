"""Feedback said again, on a real database: a near copy or 30 pastes in one count once."""

from datetime import date

from nextround.bootstrap import Nextround
from nextround.domain.feedback import FeedbackSource
from nextround.frameworks.files import BUILTIN_ID
from nextround.services.feedback import FeedbackLinks, add_mapped_feedback, remove_feedback
from nextround.services.profile import current_profile
from nextround.services.review import review_statement
from tests.unit.growth_fakes import TEST_RULES, KeywordMapper, seed_process

MAIL = (
    "Hi Sam,\n\nThe risk plan had no mitigations. Your stakeholder map was thorough. "
    "The system diagram was hard to follow. Your communication was clear.\n\n"
    "Best wishes,\nAna\n\nOn Tue, 21 Oct 2026 at 09:12, Sam wrote:\n> any update?"
)
RECOPIED = MAIL.replace("Hi Sam", "Dear Sam").split("On Tue")[0]


def _add(
    app: Nextround,
    text: str,
    app_id: int | None,
    on: date = date(2026, 10, 24),
    author: str | None = None,
):
    with app.uow() as uow:
        return add_mapped_feedback(
            uow, text, FeedbackSource.RECRUITER, lambda: KeywordMapper(TEST_RULES), BUILTIN_ID,
            received_on=on, author=author, links=FeedbackLinks(application_id=app_id),
        )  # fmt: skip


def _counts(app: Nextround) -> dict[str, tuple[int, float]]:
    with app.uow() as uow:
        profile = current_profile(uow, 365).profile
    return {
        s.competency_id: (s.evidence_count, round(s.mean, 6))
        for s in profile.competencies
        if s.evidence_count
    }


def test_a_recopied_email_and_thirty_pastes_in_one_do_not_count_twice(app: Nextround) -> None:
    process = seed_process(app.uow())
    app_id = process.application_id
    _add(app, MAIL, app_id)
    once = _counts(app)
    assert once and all(count == 1 for count, _ in once.values())
    # Copied again from the phone, a day later: another greeting, no quoted thread.
    _, statements = _add(app, RECOPIED, app_id, date(2026, 10, 25))
    assert _counts(app) == once
    # Thirty copies in one paste, about the same process: still counted once.
    thirty, _ = _add(app, "\n\n".join([RECOPIED] * 30), app_id)
    assert _counts(app) == once
    with app.uow() as uow:
        remove_feedback(uow, thirty.id)
    # Reviewed, a repeated statement is the user's word that it is new: it counts.
    risk = next(s for s in statements if "mitigations" in s.text)
    with app.uow() as uow:
        review_statement(uow, risk.id, ["risk-management"])
    assert _counts(app)["risk-management"][0] == 2
    # Deleted, the first e-mail leaves its copy as the one that counts.
    with app.uow() as uow:
        remove_feedback(uow, 1)
    assert set(_counts(app)) == set(once)


def test_a_recopied_email_about_no_application_or_another_counts_once(app: Nextround) -> None:
    process = seed_process(app.uow())
    _add(app, MAIL, process.application_id, author="Ana Lind")
    once = _counts(app)
    # Pasted again about no application (a review page, no process chosen): found all the same.
    _, general = _add(app, RECOPIED, None, date(2026, 10, 25))
    assert _counts(app) == once
    assert all(not s.confirmed for s in general)
    # And again by the same person, named in another case, on another process.
    other = seed_process(app.uow(), company="Other Co")
    _add(app, RECOPIED.replace("Dear", "Hello"), other.application_id, author="ana lind")
    assert _counts(app) == once
    # Someone else's feedback on another process may share the words: it counts.
    third = seed_process(app.uow(), company="Third Co")
    _add(app, RECOPIED.replace("Dear", "Hey"), third.application_id, author="Bo")
    assert all(count == 2 for count, _ in _counts(app).values())
