"""`app import`'s use case on the real database: one commit, re-run safe, a bad row adds nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nextround.domain.journey import RoundKind, Source
from nextround.io.application_csv import read_sheet
from nextround.services.application_import import SheetProblemsError, import_applications
from nextround.services.applications import add_application, list_applications
from nextround.services.overview import stats
from nextround.services.process import add_round, edit_round

SHEET = (
    "company,role,applied,source,tags\n"
    "Stripe,Software Engineer,2026-10-01,careers page,python\n"
    "Shopify,Backend Developer,2026-10-02,referral,\n"
    "stripe,software  engineer,2026-10-01,,\n"  # the first row again, spelt another way
    "Stripe,Software Engineer,2026-10-20,,\n"  # applied again later: a new application
)


def _import(app, text: str, *, dry_run: bool = False):
    with app.uow() as uow:
        return import_applications(uow, read_sheet(text.encode(), "apps.csv"), "apps.csv",
                                   dry_run=dry_run)  # fmt: skip


def _names(app) -> list[tuple[str, str, date]]:
    with app.facts() as facts:
        rows = list_applications(facts)
    return sorted((r.facts.company, r.facts.role_title, r.facts.applied_on) for r in rows)


def test_new_rows_are_added_and_repeats_skipped_with_why(app) -> None:
    with app.uow() as uow:
        on_record = add_application(
            uow, {"company": "Shopify", "role_title": "Backend developer",
                  "applied_on": date(2026, 10, 2)},
        )  # fmt: skip
    done = _import(app, SHEET)
    assert [a.line for a in done.added] == [2, 5]
    assert all(a.application.id is not None for a in done.added)
    assert [(s.line, s.same_as, s.repeats_line) for s in done.skipped] == [
        (3, on_record.id, None),
        (4, None, 2),
    ]
    assert [s.why for s in done.skipped] == [
        f"already tracked as application {on_record.id}",
        "repeats line 2",
    ]
    with app.uow() as uow:
        stripe = uow.applications.get(done.added[0].application.id)
        assert (stripe.source, stripe.tags, stripe.created_at is not None) == (
            Source.CAREERS_PAGE, ["python"], True,
        )  # fmt: skip
    # Run again: everything is on record, nothing is added.
    again = _import(app, SHEET)
    assert again.added == () and [s.same_as is not None for s in again.skipped] == [True] * 4
    assert len(_names(app)) == 3


def test_a_dry_run_and_a_bad_row_change_nothing(app) -> None:
    preview = _import(app, SHEET, dry_run=True)
    assert preview.dry_run and [a.line for a in preview.added] == [2, 3, 5]
    assert _names(app) == []
    bad = SHEET + "Acme,Engineer,2099-01-01,,\nBeta,,2026-10-01,,\n"
    with pytest.raises(SheetProblemsError) as raised:
        _import(app, bad)
    assert [(p.line, p.message.split(";")[0]) for p in raised.value.problems] == [
        (6, "applied on 2099-01-01 is in the future"),
        (7, "role is empty"),
    ]
    assert "2 rows to fix; nothing was added" in raised.value.message
    assert _names(app) == []


def test_a_long_list_of_problems_is_cut_with_a_count(app) -> None:
    rows = "".join(f"Acme {n},,2026-10-01\n" for n in range(25))
    with pytest.raises(SheetProblemsError) as raised:
        _import(app, "company,role,applied\n" + rows)
    lines = raised.value.message.split("\n")
    assert (
        lines[0]
        == "apps.csv: 25 rows to fix; nothing was added. Fix them and import the file again:"
    )
    assert lines[1] == "  line 2: role is empty" and lines[-1] == "  … and 5 more"
    assert len(raised.value.problems) == 25


def test_the_problems_are_details_by_cell_for_json(app) -> None:
    bad = "company,role,applied,url\nAcme,Engineer,2099-01-01,\nBeta,Ops,2026-10-01,notalink\n"
    with pytest.raises(SheetProblemsError) as raised:
        _import(app, bad)
    rows = raised.value.details["rows"]
    assert [(r["line"], r["column"]) for r in rows] == [(2, "applied"), (3, "url")]
    assert rows[0]["problem"] == "applied on 2099-01-01 is in the future"
    assert rows[0]["fix"].startswith("give the day you sent it")
    assert rows[1]["problem"].startswith("posting URL")


#: QA17 F3: a student's own sheet, its Status column saying how most applications ended.
STATUSES = (
    "Company,Role,Date applied,Status,Closed on\n"
    "Arm,Graduate SWE,02/08/2026,ghosted,\n"
    "BAE Systems,Graduate SWE,05/08/2026,rejected after AC,20/09/2026\n"
    "Unilever,Future Leaders,16/08/2026,withdrawn,\n"
    "Sky,Graduate Scheme,2026-08-20,OA sent,\n"
    "Siemens,Graduate SWE,2026-08-21,on hold,\n"
    "Matillion,Graduate SWE,2026-08-28,offer,2026-11-24\n"
)


def test_a_status_column_closes_each_application_it_says_ended_in_the_same_commit(app) -> None:
    dry = _import(app, STATUSES, dry_run=True)
    assert [a.ending for a in dry.added] == [
        "closed as no response, day not known",
        "closed as rejection on 2026-09-20 (rejected after AC)",
        "closed as withdrawal, day not known",
        None,
        None,
        "an offer on 2026-11-24",
    ]
    assert _names(app) == []  # the dry run added nothing, decisions neither
    done = _import(app, STATUSES)
    assert [a.ending for a in done.added] == [a.ending for a in dry.added]
    with app.uow() as uow:
        stored = {a.company: a for a in uow.applications.all()}
        bae = stored["BAE Systems"].current_decision
        assert bae is not None and bae.reason == "rejected after AC"
        assert bae.created_at is not None
        assert stored["Arm"].status.value == "no_response"
        # QA21 F9: no closed date, no day made up; the one given is known.
        arm = stored["Arm"].current_decision
        assert arm is not None and not arm.day_known and arm.known_day is None
        assert bae.day_known and bae.known_day == date(2026, 9, 20)
        assert stored["Sky"].current_decision is None
        assert stored["Siemens"].current_decision is None
        offer = stored["Matillion"].current_decision
        assert offer is not None and offer.offer_response is not None
        assert offer.offer_response.value == "pending"
    assert done.notes[-2] == (
        "read your Status column as how each application ended: closed 1 as no response, "
        "1 as rejection, 1 as withdrawal, 1 as offer; 2 applications stay open (2 decisions "
        "kept with their day not known, as their Closed on cells are empty: shown as such and "
        "left out of the days between stages; give the day on the application's decision when "
        "you know it)"
    )
    assert done.notes[-1] == (
        "statuses not recognised, so those applications stay open: 'on hold' (line 6); close "
        "them once added if they ended"
    )


def test_a_decision_date_before_applying_or_ahead_of_today_is_a_row_to_fix(app) -> None:
    sheet = (
        "Company,Role,Applied,Status,Closed on\n"
        "A,B,2026-08-20,rejected,2026-08-01\n"
        "C,D,2026-08-20,rejected,2099-01-01\n"
        "E,F,2026-08-20,rejected,\n"
    )
    with pytest.raises(SheetProblemsError) as caught:
        _import(app, sheet)
    problems = {p.line: p.cells[0] for p in caught.value.problems}
    assert set(problems) == {2, 3}
    assert problems[2].column == "Closed on"
    assert "the decision on 2026-08-01 is dated before the application on 2026-08-20" in str(
        problems[2]
    )
    assert str(problems[3]).startswith("decision date 2099-01-01 is in the future")
    assert _names(app) == []


STAGES = (
    "company,role,applied,stage reached\n"
    "Sky,Graduate Scheme,2026-08-04,HackerRank OA\n"
    'BAE Systems,Graduate Engineer,2026-08-05,"OA, Assessment centre"\n'
    "Arm,Graduate Engineer,2026-08-06,\n"
)


def test_rounds_a_sheet_dated_the_day_applied_are_left_out_of_the_days_between_stages(
    app, clock
) -> None:
    done = _import(app, STAGES)
    sky, bae, arm = (a.application.id for a in done.added)
    assert bae is not None
    # Later, by hand: Arm's screen on its own day; Monzo's, the very day it was applied to.
    clock.now += timedelta(minutes=5)
    with app.uow() as uow:
        add_round(uow, arm, {"name": "Phone screen", "kind": RoundKind.SCREEN,
                             "started_on": date(2026, 8, 16)})  # fmt: skip
    clock.now += timedelta(minutes=5)
    with app.uow() as uow:
        monzo = add_application(uow, {"company": "Monzo", "role_title": "Graduate Engineer",
                                      "applied_on": date(2026, 8, 20)})  # fmt: skip
    clock.now += timedelta(minutes=5)
    with app.uow() as uow:
        add_round(uow, monzo.id, {"name": "Recruiter call", "kind": RoundKind.SCREEN,
                                  "started_on": date(2026, 8, 20)})  # fmt: skip

    def first_gap() -> tuple[float | None, int, int, int]:
        with app.facts() as facts:
            figures = stats(facts)
        gap = figures.stage_gaps[0]
        assert (gap.start, gap.end) == ("applied", "screen")
        return gap.median_days, gap.samples, gap.left_out, figures.gaps_left_out

    # Sky's and BAE's rounds would read 0 days: left out, and counted as left out.
    assert first_gap() == (5, 2, 2, 2)
    # Given its real day, Sky's online assessment counts again.
    clock.now += timedelta(minutes=5)
    with app.uow() as uow:
        (oa,) = uow.applications.get(sky).rounds
        assert oa.id is not None
        edit_round(uow, oa.id, {"started_on": date(2026, 8, 10)})
    assert first_gap() == (6, 3, 1, 1)
