"""`app import`'s use case on the real database: one commit, re-run safe, a bad row adds nothing."""

from __future__ import annotations

from datetime import date

import pytest

from nextround.domain.journey import Source
from nextround.io.application_csv import read_sheet
from nextround.services.application_import import SheetProblemsError, import_applications
from nextround.services.applications import add_application, list_applications

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
