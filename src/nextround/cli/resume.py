"""`nextround resume` and `nextround import resume`: roles, highlights and story seeds.

A resume is your own claim: it never counts as evidence in the profile. Its highlights are
mapped to competencies only to point at stories worth writing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nextround.cli.common import (
    aside,
    confirmed,
    console,
    escape,
    paragraph,
    print_json,
    state,
)

if TYPE_CHECKING:
    from nextround.domain.resume import Resume
    from nextround.services.resumes import Seeds

NOT_EVIDENCE = (
    "A resume is your own claim: it never counts as evidence in your profile. Its highlights "
    "only point at stories worth writing."
)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Your resume: roles, highlights and story seeds; never evidence in your profile.",
)

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def import_resume(path: Path, replace: bool, ctx: typer.Context, as_json: bool = False) -> None:
    """Read a resume file, map its highlights and store it (see `nextround import resume`)."""
    from nextround.cli.growth import fallback_notice
    from nextround.io.resume_files import read_resume_file
    from nextround.services.frameworks import active_framework
    from nextround.services.resumes import check_replace, import_resume

    nextround = state(ctx).app
    with nextround.uow() as uow:
        # The file first: a missing or unreadable one is the thing to fix, whatever is
        # stored. Then the stored resume, before the model loads to map the highlights.
        # (Read inside the unit of work: the storage mapping must be set up before a
        # Resume is made.)
        resume = read_resume_file(path.expanduser())
        check_replace(uow, replace)
        mapper = nextround.mapper(uow, active_framework(uow))
        fallback_notice(nextround, mapper)
        done = import_resume(uow, resume, mapper, replace=replace)
        if as_json:
            from nextround.views import jsonable

            # As `resume show --json` gives it (ids for `story add --from-resume`), and
            # the file it replaced; what could not be read is said on stderr, as in text.
            print_json({**jsonable(resume), "replaced": done.replaced})
    if as_json:
        for notice in resume.notices:
            aside(f"[yellow]note[/] {escape(notice)}", as_json)
        return
    out = console()
    roles, highlights = len(resume.roles), len(resume.highlights)
    out.print(
        f"Imported {escape(resume.file_name)} ({resume.kind.label}): {roles} "
        f"role{'s' * (roles != 1)}, {highlights} highlight{'s' * (highlights != 1)}"
        + (f", in place of {escape(done.replaced)}." if done.replaced else ".")
    )
    _notices(resume)
    seeds = sum(1 for h in resume.highlights if h.is_seed)
    paragraph(
        f"{seeds} highlight{'s' * (seeds != 1)} with a number or a result could become a "
        "STAR story: see `nextround resume seeds`. All of it: `nextround resume show`.",
        0,
        0,
    )
    paragraph(f"[dim]{NOT_EVIDENCE}[/]", 0, 0)


def _notices(resume: Resume) -> None:
    for notice in resume.notices:
        paragraph(f"[yellow]note[/] {escape(notice)}", 2, 7)


def _mapped(ctx: typer.Context) -> tuple[Resume, dict[str, str]]:
    from nextround.cli.growth import fallback_notice
    from nextround.services.frameworks import active_framework
    from nextround.services.resumes import current, mapped_on_framework_in_use, needs_mapping

    nextround = state(ctx).app
    # Reads only, unless the framework in use changed since the highlights were mapped: only
    # then is the resume mapped again and stored (not stored where it can only be read).
    with nextround.uow(writes=False) as uow:
        resume = current(uow)
        names = {c.id: c.name for c in active_framework(uow).competencies}
        if not needs_mapping(uow, resume):
            return resume, names
    save = not nextround.read_only
    with nextround.uow(writes=save) as uow:
        resume, mapper = mapped_on_framework_in_use(
            uow, lambda framework: nextround.mapper(uow, framework, save_vectors=save), save=save
        )
        if mapper is not None:
            fallback_notice(nextround, mapper)
        names = {c.id: c.name for c in active_framework(uow).competencies}
    return resume, names


@app.command("show")
def show(ctx: typer.Context, as_json: AsJson = False) -> None:
    """Every role with its highlights (ids for `story add --from-resume`)."""
    from nextround.services.resumes import describe

    resume, names = _mapped(ctx)
    if as_json:
        print_json(resume)
        return
    out = console()
    out.print(
        f"[bold]{escape(resume.name or 'Your resume')}[/]  [dim]{escape(describe(resume))}[/]"
    )
    if resume.label:
        paragraph(escape(resume.label), 0, 0)
    if resume.summary:
        paragraph(escape(resume.summary), 0, 0)
    for role in resume.roles:
        out.print()
        dates = f"  [dim]{escape(role.dates)}[/]" if role.dates else ""
        out.print(f"[bold]{escape(role.label)}[/]{dates}")
        if role.heading_says_more:
            paragraph(f"[dim]as written: {escape(role.heading)}[/]", 2, 2)
        if role.summary:
            paragraph(escape(role.summary), 2, 2)
        for highlight in role.highlights:
            shows = highlight.reading(names) if highlight.candidates else ""
            mark = " [green]seed[/]" if highlight.is_seed and highlight.story_id is None else ""
            story = f" [dim](story {highlight.story_id})[/]" if highlight.story_id else ""
            paragraph(f"[cyan]{highlight.id:>3}[/] {escape(highlight.text)}{mark}{story}", 2, 6)
            if shows:
                paragraph(f"[dim]→ {escape(shows)}[/]", 6, 8)
    for title, items in (("Education", resume.education), ("Skills", resume.skills)):
        if items:
            out.print(f"\n[bold]{title}[/]")
            for item in items:
                paragraph(f"- {escape(item)}", 2, 4)
    if resume.unread:
        out.print("\n[bold]Kept as written[/] [dim](its structure could not be read)[/]")
        for line in resume.unread.splitlines():
            paragraph(escape(line), 2, 2)
    if resume.notices:
        out.print()
        _notices(resume)
    out.print()
    paragraph(f"[dim]{NOT_EVIDENCE}[/]", 0, 0)


@app.command("seeds")
def seeds(ctx: typer.Context, as_json: AsJson = False) -> None:
    """Highlights with a number or a result and no story yet.

    Those that would cover a spike or gap short of stories come first.
    """
    from nextround.services.profile import current_profile
    from nextround.services.resumes import seeds as find

    nextround = state(ctx).app
    resume, names = _mapped(ctx)
    with nextround.uow(writes=False) as uow:
        view = current_profile(uow, nextround.settings.half_life_days)
        found = find(uow, resume, view.profile)
    if as_json:
        print_json(_seeds_json(found))
        return
    _print_seeds(found, names)


def _seeds_json(found: Seeds) -> dict[str, object]:
    return {
        "seeds": [
            {
                "highlight_id": s.highlight.id,
                "text": s.highlight.text,
                "role": s.role.label,
                "numbers": s.highlight.numbers,
                "likely_competencies": s.highlight.likely,
                "may_show": s.highlight.candidates,
                "covers": list(s.covers),
            }
            for s in found.seeds
        ],
        "short_of_stories": [r.competency_id for r in found.matrix.short],
        "no_highlight_for": found.unmatched,
        "counts_as_evidence": False,
    }


def _print_seeds(found: Seeds, names: dict[str, str]) -> None:
    out = console()
    short = {r.competency_id: r for r in found.matrix.short}
    if not found.seeds:
        out.print(
            "No highlight with a number or a result is waiting for a story (those already "
            "written are left out)."
        )
    for seed in found.seeds:
        covers = ", ".join(
            f"{names.get(c, c)} ({'spike' if short[c].is_spike else 'gap'}, "
            f"{short[c].count} of {short[c].needed} stories)"
            for c in seed.covers
        )
        shows = seed.highlight.reading(names)
        paragraph(f"[cyan]{seed.highlight.id:>3}[/] {escape(seed.highlight.text)}", 0, 4)
        paragraph(f"[dim]{escape(seed.role.label)} · {escape(shows)}[/]", 4, 4)
        if covers:
            paragraph(f"[green]would cover[/] {escape(covers)}", 4, 4)
    if found.seeds:
        first = found.seeds[0].highlight.id
        paragraph(
            f"Start a story from one with `nextround story add --from-resume {first}`: it is "
            "pre-filled with the role and the highlight; you add the task and the result.",
            0,
            0,
        )
    if found.unmatched:
        needed = ", ".join(
            f"{names.get(c, c)} ({'spike' if short[c].is_spike else 'gap'})"
            for c in found.unmatched
        )
        paragraph(
            f"No highlight seems to show: {escape(needed)}. Those stories come from you.", 0, 0
        )
    if not found.matrix.has_targets:
        paragraph(
            "[dim]Your profile has no spikes or recurring gaps yet, so no seed is matched to "
            "one; they come from reviewed feedback.[/]",
            0,
            0,
        )
    paragraph(f"[dim]{NOT_EVIDENCE}[/]", 0, 0)


@app.command("rm")
def remove(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False,
) -> None:
    """Delete the stored resume; stories written from it stay."""
    from nextround.services.resumes import current, describe, remove_resume

    nextround = state(ctx).app
    with nextround.uow() as uow:
        held = describe(current(uow))
    if not yes and not confirmed(f"Delete the resume {held}?"):
        raise typer.Abort()
    with nextround.uow() as uow:
        remove_resume(uow)
    console().print(f"Deleted the resume {escape(held)}. Stories written from it stay.")
