"""CSV of every application with the date each stage was entered: proof of a job search.

Its readers (a job centre, an unemployment office) never saw nextround's codes: every value
is in words ("careers page", "no response", "hiring manager"), as the tables show them.
The columns keep their names and places; new ones are added at the end (see README).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from nextround.domain.contacts import Contact, ContactRole
from nextround.domain.journey import Application, Decision
from nextround.domain.labels import words
from nextround.domain.pipeline import ApplicationFacts

#: How the file is encoded when it goes to a file or a download. The byte-order mark is how
#: Excel on Windows knows a double-clicked CSV is UTF-8; without it, "£52k" shows as "Â£52k".
#: Written to standard output (a pipe to another program), the CSV has no mark, unless it is
#: the Excel-with-decimal-comma form below, which is only ever for Excel.
FILE_ENCODING = "utf-8-sig"
#: How columns are separated by default, and for Excel in a language that writes decimals
#: with a comma (German, French, Dutch, Italian, Spanish…): there the list separator is ";",
#: and a double-clicked comma-separated file opens with every row in column A.
COMMA, SEMICOLON = ",", ";"

#: The offer's terms (domain.offer_terms), each under its field's name with "offer_" before
#: it. Amounts are bare whole numbers in the offer's currency (98000, not "98,000 GBP"), so
#: a spreadsheet can sum them; the equity is its words, as the offer gave them.
OFFER_COLUMNS = (
    "offer_currency",
    "offer_base_salary",
    "offer_variable_pay",
    "offer_equity",
    "offer_equity_value",
    "offer_sign_on",
    "offer_starts_on",
)

COLUMNS = (
    "id",
    "company",
    "role_title",
    "level",
    "location",
    "work_mode",
    "source",
    "status",
    "applied_on",
    "screen_on",
    "interviews_on",
    "final_round_on",
    "offer_on",
    "decided_on",
    "outcome",
    "finalists",
    "reason",
    "rounds",
    "stage_history",
    "posting_url",
    # Last, so the columns before it keep their places in sheets made from older exports.
    "offer_answered_on",
    "contact_person",
    # The day an offer was to be answered by, when the company gave one (after 0015).
    "offer_answer_by",
    # The application's notes: where a channel not in the source list is named ("via Xing").
    "notes",
    # Its tags, comma-separated, so `app import` of this file brings them back too.
    "tags",
    # An offer's terms as numbers (after 0019), blank for anything but an offer with terms.
    # At the end, as every column added since the first; in the order `app show` lists them.
    *OFFER_COLUMNS,
    # How it was sent (online, email, in person, mail, phone), as a work-search log asks
    # it beside the employer (after 0023); blank when not said.
    "method",
)

#: Who a caseworker would call about an application: its recruiter, then its hiring manager.
_LEADS = (ContactRole.TALENT_ACQUISITION, ContactRole.RECRUITER, ContactRole.HIRING_MANAGER)

# Spreadsheets run cells that start with these as formulas; a company name or a note pasted
# from the web must never execute on the user's machine.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def plain_cell(text: str) -> str:
    """A cell as it was before _cell guarded it: "'=SUM" back to "=SUM", for an import."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


#: Said after a step whose day is not known, in place of a day before it.
_UNDATED = " (day not known)"


def stage_history(app: Application) -> str:
    """Every stage change of an application as one readable line, in date order.

    On the same day the record's own order holds: applied, then rounds by stage, then a
    decision before its reopening.
    """
    steps: list[tuple[date, int, str]] = [(app.applied_on, 0, "applied")]
    for round_ in app.ordered_rounds:
        steps.append(
            (
                round_.started_on,
                1,
                f"round {round_.position} {round_.name} "
                f"({words(round_.kind)}, {words(round_.outcome)})",
            )
        )
    for decision in app.decisions:
        said = f"decision {words(decision.outcome)}"
        # Ordered by its stand-in day, but never dated by it (see _UNDATED).
        steps.append((decision.decided_on, 2, said if decision.day_known else said + _UNDATED))
        if decision.answered_on is not None and decision.offer_response is not None:
            steps.append((decision.answered_on, 2, f"offer {words(decision.offer_response)}"))
        if decision.reopened_on:
            steps.append((decision.reopened_on, 3, "reopened"))
    # A stable sort: rounds on one day keep their stage order.
    steps.sort(key=lambda step: (step[0], step[1]))
    return "; ".join(what if what.endswith(_UNDATED) else f"{on} {what}" for on, _, what in steps)


def contact_person(people: Iterable[Contact]) -> str:
    """'Maya Lindgren (talent acquisition, maya@x.example); Anja Weber (hiring manager)'.

    The application's recruiter and hiring manager; with neither on record, whoever is
    (the interviewers met), so the row still names a person to ask.
    """
    people = list(people)
    leads = [p for role in _LEADS for p in people if p.role is role]
    return "; ".join(
        f"{p.name} ({', '.join(x for x in (words(p.role), p.email) if x)})" for p in leads or people
    )


def offer_cells(decision: Decision | None) -> tuple[object, ...]:
    """The offer's terms in OFFER_COLUMNS' order; all blank (None) when it has none."""
    terms = decision.terms if decision is not None else None
    if terms is None:
        return (None,) * len(OFFER_COLUMNS)
    given = terms.items()
    return tuple(given[column.removeprefix("offer_")] for column in OFFER_COLUMNS)


def write_csv(
    apps: Iterable[Application], contacts: Iterable[Contact] = (), delimiter: str = COMMA
) -> str:
    """The CSV text, one row per application, oldest first; ``contacts``: everyone's people."""
    people: dict[int | None, list[Contact]] = defaultdict(list)
    for contact in contacts:
        people[contact.application_id].append(contact)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for app in sorted(apps, key=lambda a: (a.applied_on, a.id or 0)):
        facts = ApplicationFacts.of(app)
        stages = facts.stages
        decision = app.current_decision
        row = (
            app.id,
            app.company,
            app.role_title,
            app.level,
            app.location,
            words(app.work_mode) if app.work_mode else None,
            words(app.source),
            words(facts.status),
            stages.applied,
            stages.screen,
            stages.interviews,
            stages.final,
            # A day not known is left empty: this file is proof of a job search.
            facts.offer_day,
            stages.decision,
            words(decision.outcome) if decision else None,
            decision.finalists if decision else None,
            decision.reason if decision else None,
            len(app.rounds),
            stage_history(app),
            app.posting_url,
            decision.answered_on if decision else None,
            contact_person(people[app.id]),
            decision.answer_by if decision else None,
            app.notes,
            ", ".join(app.tags) or None,
            *offer_cells(decision),
            words(app.method) if app.method else None,
        )
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def csv_bytes(text: str, *, to_file: bool, delimiter: str = COMMA) -> bytes:
    """The CSV as written out: with the byte-order mark for a file or for Excel.

    A semicolon-separated CSV is only for Excel, so it has the mark on standard output
    too (redirected there, "München" would otherwise show as "MÃ¼nchen").
    """
    with_mark = to_file or delimiter == SEMICOLON
    return text.encode(FILE_ENCODING if with_mark else "utf-8")
