"""`nextround feedback map --all`: read all feedback on a framework, other readings kept."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from nextround.cli.common import console, escape, paragraph, print_json, sentence
from nextround.domain.counts import counted, it_or_them

if TYPE_CHECKING:
    from nextround.bootstrap import Nextround
    from nextround.services.framework_reading import FeedbackRead, Progress, ReadElsewhere


def map_all(nextround: Nextround, framework_id: str | None, as_json: bool) -> None:
    """Read every piece of feedback not yet read on the framework (default: the one in use)."""
    from nextround.cli.growth import open_mapper
    from nextround.services.framework_reading import read_elsewhere, read_feedback_on
    from nextround.services.frameworks import get_framework

    with nextround.uow() as uow:
        framework = get_framework(uow, framework_id)
        before = read_elsewhere(uow, framework.id)
        if before.work and not as_json:
            console().print(_starting(before, framework.name))
        with _progress(before.work, framework.name, quiet=as_json) as progress:
            read = read_feedback_on(
                uow,
                framework.id,
                lambda: open_mapper(nextround, uow, framework.id)[1],
                progress=progress,
            )
        after = read_elsewhere(uow, framework.id)
    if as_json:
        print_json(
            {
                "framework": framework.id,
                "reread": read.reread,
                "split": read.split,
                "statements": [s.id for s in read.statements],
                "kept_about_no_competency": [s.id for s in read.about_none],
                "questions": read.questions,
                "self_ratings_elsewhere": after.rated,
                "stories_elsewhere": after.stories,
            }
        )
        return
    _report(read, before, after, framework.name)


def _starting(before: ReadElsewhere, name: str) -> str:
    parts = []
    if before.to_read:
        parts.append(
            f"{counted(before.to_read, 'statement')} of {counted(before.items, 'piece')} "
            f"of feedback mapped on {_names(before)}"
        )
    if before.unsplit:
        parts.append(f"{counted(before.unsplit, 'piece')} of feedback never split")
    if before.to_map:
        parts.append(f"{counted(before.to_map, 'question')} logged in debriefs")
    return f"Reading on {escape(name)}: {escape(' and '.join(parts))}."


def _names(elsewhere: ReadElsewhere, on: Iterable[str] | None = None) -> str:
    """The frameworks, by name, the feedback (or ``on``: what else) is read on."""
    chosen = elsewhere.statements if on is None else on
    return " and ".join(elsewhere.names.get(f, f) for f in chosen)


@contextmanager
def _progress(total: int, name: str, *, quiet: bool) -> Iterator[Progress | None]:
    """A progress bar on stderr while the mapper works, when someone is watching it."""
    if quiet or not total or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn(f"Reading on {escape(name)}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("read", total=total)
    with bar:
        yield lambda done, _total: bar.update(task, completed=done)


def _about_none(read: FeedbackRead, names: str, more: bool) -> None:
    """Which statements kept the user's "about no competency" verdict, and how to undo it."""
    kept = read.about_none
    some = counted(len(kept), "more statement" if more else "statement")
    listed = ", ".join(f"#{s.id}" for s in kept[:12]) + (" …" if len(kept) > 12 else "")
    paragraph(
        f"{escape(some)} you had reviewed as about no competency on {escape(names)} stay so "
        f"here ({escape(listed)}): that verdict is about their words, so they wait for no "
        "review. To map one onto this framework after all: `nextround feedback review "
        "--statement ID --competency NAME`.",
        0,
    )


def _report(read: FeedbackRead, before: ReadElsewhere, after: ReadElsewhere, name: str) -> None:
    out = console()
    if not read.reread and not read.split and not read.questions:
        out.print(f"Every piece of feedback is already read on {escape(name)}; nothing to do.")
    elif read.reread or read.split:
        said = []
        if read.reread:
            said.append(f"read {counted(read.reread, 'piece')} of feedback again")
        if read.split:
            said.append(f"split {counted(read.split, 'piece')} of feedback stored unsplit")
        count = len(read.statements) - len(read.about_none)
        done = " and ".join(said)
        mapped = (
            f": {counted(count, 'statement')}, mapped onto its competencies as suggestions; "
            f"{'it counts' if count == 1 else 'they count'} for less until you confirm "
            f"{it_or_them(count)} (`nextround feedback review`)."
            if count
            else "."
        )
        paragraph(f"{escape(done[:1].upper() + done[1:])} on {escape(name)}{mapped}", 0)
        if read.about_none:
            _about_none(read, _names(before), more=bool(count))
        if read.reread:
            ids = list(before.statements)
            back = ids[0] if len(ids) == 1 else "ID"
            paragraph(
                f"Your mappings on {escape(_names(before))} stay as they were: choosing it "
                f"again (`nextround framework use {escape(back)}`) gives its profile back "
                "exactly.",
                0,
            )
    if read.questions:
        paragraph(
            f"Mapped {counted(read.questions, 'question')} you logged in debriefs on "
            f"{escape(name)} too, as suggestions; what they probed on "
            f"{escape(_names(before, before.questions))} stays as it was.",
            0,
        )
    rated = after.rated_words()
    if rated:
        paragraph(f"[yellow]Note:[/] {escape(sentence(rated))}", 0, 2)
    if after.stories:
        paragraph(
            f"[yellow]Note:[/] {escape(sentence(after.story_words()))} Tag them on "
            f"{escape(name)} with `nextround story edit ID --accept-suggestions` or "
            "`--competency ID`.",
            0,
            2,
        )
