"""An application report reads self against feedback from that process, never contradicting it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import RoundKind
from nextround.domain.statements import FeedbackStatement
from nextround.reports.render import application_html
from nextround.services.applications import add_application
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import add_feedback
from nextround.services.process import add_interview, add_round
from nextround.services.profile import current_profile
from nextround.services.reports import application_report
from nextround.services.review import review_statement
from nextround.services.stamps import touch


def _process(
    nextround,
    company: str,
    day: date,
    rating: int,
    said: str,
    polarity: Polarity,
    went_badly: str | None = None,
):  # type: ignore[no-untyped-def]
    """A process with one debrief rating process design, and one reviewed statement on it."""
    with nextround.uow() as uow:
        app = add_application(uow, {"company": company, "role_title": "Ops", "applied_on": day})
        add_round(uow, app.id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP, "started_on": day})
        interview = add_interview(
            uow,
            app.id,
            None,
            {"title": "Case", "scheduled_at": datetime(day.year, day.month, day.day, tzinfo=UTC)},
        )
        record_debrief(
            uow, interview.id, 4, ratings={"process-design": rating}, went_badly=went_badly
        )
        item = add_feedback(
            uow, said, FeedbackSource.HIRING_MANAGER, received_on=day, application_id=app.id
        )
        statement = FeedbackStatement(item.id, 1, said, 0, len(said), "nextround-core")
        touch(uow.now(), statement)
        uow.statements.add(statement)
        uow.commit()
        review_statement(uow, statement.id, ["process-design"], polarity)
        return app.id


def test_praise_in_this_process_is_never_read_as_a_blind_spot(sqlite_app) -> None:
    # The finding: Lumora praised the process map, she rated it 5/5, and the report said
    # BLIND SPOT, because one statement is pulled towards an even 0.5.
    praised = _process(
        sqlite_app, "Lumora", date(2026, 9, 18), 5,
        "The process map was clear and practical.", Polarity.STRENGTH,
    )  # fmt: skip
    _process(
        sqlite_app, "Brightwave", date(2026, 9, 7), 3,
        "No clear view on org design.", Polarity.GAP,
    )  # fmt: skip
    with sqlite_app.uow() as uow:
        report = application_report(uow, praised, 365)
        overall = current_profile(uow, 365).profile.calibration
    (row,) = [r for r in report.comparison if r.competency_id == "process-design"]
    assert row.calibration is not None and row.calibration.difference >= 0.25
    # No blind spot, but not "agreed" either beside a point's difference: apart in numbers.
    assert row.reading == "apart in numbers only" and row.kind == "agreement"
    html = application_html(report)
    assert "Your view against this process's feedback" in html
    assert "nobody else named a gap" in html
    assert ">blind spot<" not in html.lower()
    # Across all the feedback, where someone did name a gap, the reading may differ: but it is
    # the profile's, and no longer leaks into this process's report.
    assert [i.competency_id for i in overall.items] == ["process-design"]


def test_a_gap_your_own_debrief_noted_reads_as_noted_yourself_not_blind(sqlite_app) -> None:
    # The finding: "BLIND SPOT" right under her own "did not go well: ran long" note.
    app_id = _process(
        sqlite_app, "Hyperscale", date(2026, 10, 6), 5,
        "The process map was hard to follow.", Polarity.GAP,
        went_badly="Ran long on the process map; 12 minutes",
    )  # fmt: skip
    with sqlite_app.uow() as uow:
        report = application_report(uow, app_id, 365)
        overall = current_profile(uow, 365).profile.calibration
    assert overall.blind_spots == []
    [noted] = overall.noted_yourself
    assert noted.note.startswith(
        "you noted it yourself (debrief of 6 Oct 2026: “Ran long on the process map; 12 "
        "minutes”), but rated yourself 5.0/5"
    )
    (row,) = [r for r in report.comparison if r.competency_id == "process-design"]
    assert row.kind == "noted-yourself" and row.reading.startswith("noted yourself")
    html = application_html(report)
    assert "you noted it yourself (debrief of 6 Oct 2026: “Ran long" in html
    assert ">blind spot<" not in html.lower()
