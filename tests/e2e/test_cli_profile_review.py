"""`nextround profile`: a gap that rests on a statement nobody reviewed waits for the review."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

from tests.e2e.conftest import Cli, open_app, seed_application


def _ownership_heard_twice(cli: Cli) -> int:
    """A recruiter's ownership gap the person confirmed and a mentor's nobody reviewed.

    Returns the id of the mentor's statement, the one waiting for review.
    """
    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import FeedbackLinks, add_mapped_feedback
    from nextround.services.review import review_statement
    from tests.unit.growth_fakes import KeywordMapper

    seeded = seed_application(cli, "Tempoline")
    mapper = KeywordMapper([("ownership", "ownership", 0.9)])
    app = open_app(cli)
    try:
        with app.uow() as uow:
            _, (reviewed,) = add_mapped_feedback(
                uow, "Ownership of the rollout was weak.", FeedbackSource.RECRUITER,
                lambda: mapper, "nextround-core", received_on=date.today() - timedelta(20),
                links=FeedbackLinks(application_id=seeded.application),
            )  # fmt: skip
        with app.uow() as uow:
            review_statement(uow, reviewed.id or 0)
        with app.uow() as uow:
            _, (waiting,) = add_mapped_feedback(
                uow, "Her ownership of outcomes is still weak.", FeedbackSource.MENTOR,
                lambda: mapper, "nextround-core", received_on=date.today() - timedelta(5),
            )  # fmt: skip
    finally:
        app.close()
    assert reviewed.polarity.value == waiting.polarity.value == "gap"
    assert waiting.id is not None
    return waiting.id


def test_a_gap_waiting_for_review_is_named_with_the_statement_and_the_command(cli: Cli) -> None:
    waiting = _ownership_heard_twice(cli)
    out = " ".join(cli.ok("profile").split())
    gaps = out[out.index("Recurring gaps") : out.index("Calibration")]
    assert (
        "None: no gap has come up from two independent sources besides you in statements you "
        "have reviewed."
    ) in gaps
    assert (
        "Ownership awaits your review: 2 independent sources besides you speak to it as a gap, "
        f"1 in statements you have reviewed. Review 1 statement ({waiting}) to settle it: "
        "nextround feedback review"
    ) in gaps, gaps
    assert re.search(r'"Her ownership of outcomes is still weak\." — mentor, [\d-]+, weight '
                     r"\d\.\d\d, not reviewed yet", gaps), gaps  # fmt: skip
    assert "only then a witness to a spike or a recurring gap" in out

    data = json.loads(cli.ok("profile", "--json"))
    assert set(data) == {"competencies", "spikes", "recurring_gaps", "calibration", "trend"}
    assert data["recurring_gaps"] == []
    ownership = next(c for c in data["competencies"] if c["competency_id"] == "ownership")
    assert ownership["awaiting_review"] == [
        {
            "pattern": "recurring_gap",
            "reviewed_sources": 1,
            "unreviewed_sources": 1,
            "statements": [waiting],
        }
    ]

    explained = " ".join(cli.ok("profile", "explain", "ownership").split())
    assert (
        "Not a recurring gap yet: it awaits your review: 2 independent sources besides you "
        f"speak to it as a gap, 1 in statements you have reviewed. Review 1 statement "
        f"({waiting}) to settle it."
    ) in explained, explained
    assert "Only statements you have reviewed count as witnesses" in explained
    assert f"mentor (not reviewed yet, statement {waiting})" in explained
    patterns = json.loads(cli.ok("profile", "explain", "ownership", "--json"))["patterns"]
    assert patterns["recurring_gap"] is False
    assert patterns["awaiting_review"][0]["statements"] == [waiting]

    # Confirmed as mapped, the mentor becomes the second witness.
    cli.ok("feedback", "review", "--statement", str(waiting))
    out = " ".join(cli.ok("profile").split())
    gaps = out[out.index("Recurring gaps") : out.index("Calibration")]
    assert re.search(r"Ownership \d\.\d\d \([\d.–]+\) · 2 independent sources, last seen", gaps)
    assert "awaits your review" not in gaps and "not reviewed yet" not in gaps
    explained = " ".join(cli.ok("profile", "explain", "ownership").split())
    assert (
        "Recurring gap: gap evidence from 2 independent sources besides you in statements you "
        "have reviewed."
    ) in explained


def test_a_statement_cut_after_however_is_quoted_with_a_capital(growth_cli: Cli) -> None:
    # QA21 F10: "However, in the ... interview you struggled ..." was quoted "in the ...".
    growth_cli.ok(
        "feedback", "add",
        "Your take-home was rigorous. However, in the platform design interview you "
        "struggled to reason about failure modes and monitoring at scale.",
    )  # fmt: skip
    statements = json.loads(growth_cli.ok("feedback", "show", "1", "--json"))["statements"]
    gap = next(s for s in statements if "failure modes" in s["text"])
    growth_cli.ok(
        "feedback", "review", "--statement", str(gap["id"]), "--competency", "systems-thinking"
    )
    text = " ".join(growth_cli.ok("profile", "explain", "systems-thinking").split())
    assert "In the platform design interview you struggled" in text, text
    assert "in the platform design interview you struggled" not in text
