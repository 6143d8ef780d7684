"""`nextround demo`: load the bundled journey into a fresh database and tell its story."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from nextround.cli.common import State, console, escape, paragraph
from nextround.errors import InvalidInputError

if TYPE_CHECKING:
    from nextround.bootstrap import Nextround
    from nextround.services.clarify import Clarifications
    from nextround.services.demo import LoadedDemo
    from nextround.services.plan import PlanView


def _demo_database(st: State) -> tuple[str, Path | None]:
    """The URL to load into, and the demo file to reset when it is the default one.

    Only an explicit --db moves the demo: NEXTROUND_DATABASE_URL names the user's own
    database, which the demo never touches.
    """
    from nextround.config import Settings

    if st.db:
        return st.db, None
    path = Settings.from_env().data_dir / "demo.sqlite3"
    return f"sqlite:///{path}", path


def _refuse_unless_empty(nextround: Nextround) -> None:
    """The demo loads only into a database holding nothing at all, not even one note."""
    from nextround.io.backup import describe_counts, row_counts

    with nextround.engine.connect() as conn:
        summary = describe_counts(row_counts(conn))
    if summary:
        raise InvalidInputError(
            f"the demo needs an empty database, and this one holds data ({summary}); "
            "run `nextround demo` without --db to use its own demo database"
        )


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _opened(url: str) -> Nextround:
    from nextround.bootstrap import Nextround
    from nextround.config import Settings

    nextround = Nextround(Settings.from_env(database_url=url))
    # The demo makes its file on purpose: no "check the path" for it.
    nextround.announce_new_database = False
    return nextround


def load_demo_database(st: State) -> tuple[Nextround, LoadedDemo, str, Path | None, PlanView]:
    """A fresh demo database with the journey and its plan: (app, ids, URL, file, plan).

    A SQLite demo is loaded into a file of its own beside the target and renamed over it
    once complete, and a server database's in one transaction, so an interrupted or failed
    load leaves the previous demo (or none), never half a journey that looks whole.
    """
    from nextround.store.urls import parse_url, sqlite_file

    url, reset_path = _demo_database(st)
    target = reset_path or sqlite_file(parse_url(url))
    if target is None:  # a server database: loaded in place, into an empty one only
        nextround = _opened(url)
        _refuse_unless_empty(nextround)
        # In one transaction: an interrupted or failed load leaves the database empty, as
        # it was, and the interrupt's message says that nothing was changed.
        with nextround.one_transaction():
            loaded, plan = _load(nextround)
        return nextround, loaded, url, reset_path, plan
    if reset_path is None and target.exists():
        existing = _opened(url)
        try:
            _refuse_unless_empty(existing)  # an explicit --db: only an empty one
        finally:
            existing.close()
    loading = target.with_name(f".{target.name}.loading")
    _remove_sqlite(loading)
    nextround = _opened(f"sqlite:///{loading}")
    try:
        loaded, plan = _load(nextround)
        nextround.checkpoint()
    except BaseException:  # Ctrl+C too: the half-loaded file goes, the previous demo stays
        nextround.close()
        _remove_sqlite(loading)
        raise
    nextround.close()
    _remove_sqlite(target)
    for suffix in ("-wal", ""):  # the log first: a file never meets another's log
        if Path(f"{loading}{suffix}").exists():
            Path(f"{loading}{suffix}").replace(f"{target}{suffix}")
    Path(f"{loading}-shm").unlink(missing_ok=True)
    return _opened(url), loaded, url, reset_path, plan


def _load(nextround: Nextround) -> tuple[LoadedDemo, PlanView]:
    """Load the journey and build its plan, as `nextround demo` and `serve --demo` show it."""
    from nextround.cli.growth import fallback_notice
    from nextround.services.demo import load_demo
    from nextround.services.frameworks import active_framework
    from nextround.services.plan import refresh_plan

    with nextround.uow() as uow:
        mapper = nextround.mapper(uow, active_framework(uow))
        fallback_notice(nextround, mapper)
        loaded = load_demo(uow, mapper)
    settings = nextround.settings
    with nextround.uow() as uow:
        plan = refresh_plan(uow, settings.half_life_days, settings.story_budget_seconds)
    return loaded, plan


def run_demo(st: State) -> None:
    """Load the demo, then print the main process's timeline and the funnel."""
    from nextround.cli.render import render_stats, render_timeline
    from nextround.services.clarify import clarifications
    from nextround.services.overview import stats, timeline
    from nextround.store.urls import shown

    nextround, loaded, url, reset_path, plan = load_demo_database(st)
    with nextround.uow() as uow:
        app, events = timeline(uow, loaded.main_application)
        result = stats(uow)
        questions = clarifications(uow)
    out = console()
    out.print(
        f"Loaded the demo journey: {len(loaded.applications)} applications, "
        f"{len(loaded.interviews)} interviews, {len(loaded.contacts)} contacts."
    )
    out.print(f"Demo database: {escape(shown(url))}\n", soft_wrap=True)
    render_timeline(app, events)
    out.print()
    render_stats(result)
    out.print()
    render_summary(plan, questions)
    render_note_and_options(nextround, loaded)
    # The password stays off the screen (and out of the scrollback); the user knows it.
    explore = reset_path or shown(url)
    write_demo_reports(nextround, loaded, explore)
    out.print(f"\nExplore it: nextround --db {escape(explore)} app list", soft_wrap=True)
    nextround.close()


# -- thank-you note, Option A and reports (issue 5) ---------------------------------------------


def render_note_and_options(nextround: Nextround, loaded: LoadedDemo) -> None:
    """The note sent after the main rejection, and the Option A ranking with its trade-offs."""
    from nextround.cli.option_ranking import render_ranking
    from nextround.services.notes import get_note
    from nextround.services.options import ranking

    with nextround.uow() as uow:
        note = get_note(uow, loaded.note_id) if loaded.note_id else None
        view = ranking(uow)
    out = console()
    if note is not None:
        people = ", ".join(r.name for r in note.note.recipients)
        out.print(
            f"\n[bold]Thank-you note[/] to {escape(people)} "
            f"(note {note.note.id}, sent on {note.note.sent_on})"
        )
        out.print(f"[dim]Subject:[/] {escape(note.note.subject)}\n")
        out.print(escape(note.note.body), soft_wrap=True)
    out.print()
    render_ranking(view)


def render_summary(plan: PlanView, questions: Clarifications) -> None:
    """What the journey adds up to: spikes, recurring gaps, calibration, plan, questions."""
    from nextround.analysis.clarify import excerpt
    from nextround.cli.plan import render_actions
    from nextround.cli.profile import render_profile

    out = console()
    render_profile(plan.profile)
    from nextround.domain.plan import pick_week

    week = pick_week(plan.actions, plan.profile.profile.as_of)
    out.print(f"\n[bold]Growth plan[/]: {len(plan.actions)} actions; this week's five")
    render_actions(week)
    if questions:
        out.print("\n[bold]Clarifying questions[/] to send")
        for item in questions.items[:2]:
            quoted = escape(excerpt(item.quoted, 20))
            about = f'About "{quoted}" ({escape(item.company or "")}):'
            paragraph(about, 2, 7)
            if item.stale:
                paragraph(f"[yellow]{escape(item.stale_note)}[/]", 4, 2)
            for question in item.questions[:2]:
                paragraph(f"• {escape(question)}", 4, 2)


def write_demo_reports(nextround: Nextround, loaded: LoadedDemo, database: object) -> None:
    """The profile report and the main process's report, as HTML in the data folder's demo/."""
    from nextround.reports.render import application_html, profile_html
    from nextround.services.reports import application_report, profile_report

    settings = nextround.settings
    with nextround.uow() as uow:
        profile = profile_report(uow, settings.half_life_days, settings.story_budget_seconds)
        main = application_report(uow, loaded.main_application, settings.half_life_days)
    folder = settings.data_dir / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    written = {
        "Profile report": folder / "profile-report.html",
        "Application report": folder / f"application-{loaded.main_application}-report.html",
    }
    written["Profile report"].write_text(profile_html(profile), "utf-8")
    written["Application report"].write_text(application_html(main), "utf-8")
    out = console()
    out.print("\n[bold]Reports[/]")
    for label, path in written.items():
        # Paths and commands stay on one line, so a copy from the terminal works as is.
        out.print(f"  {label}: {escape(path)}", soft_wrap=True)
    out.print(
        f"  As PDF: nextround --db {escape(database)} report profile -o profile.pdf",
        soft_wrap=True,
    )
