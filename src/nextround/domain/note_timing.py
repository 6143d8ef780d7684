"""When a thank-you is late: past a few days it reads as an afterthought, so it checks in."""

from __future__ import annotations

from datetime import date

from nextround.domain.note_gaps import Missing

#: A thank-you goes out within a day or two; more than this many days after the interview
#: it is late, and a note that "looks forward to the next steps" reads oddly.
LATE_AFTER_DAYS = 3


def late_note(
    held_on: date, today: date, round_label: str, next_round: str | None
) -> Missing | None:
    """Why a thank-you for a round held on ``held_on`` is late today, and what to do instead.

    ``next_round`` is a later round already on record ("the virtual onsite (round 3)"): the
    process has moved on, and the thank-you for this one is better skipped.
    """
    days = (today - held_on).days
    if days <= LATE_AFTER_DAYS:
        return None
    if next_round is not None:
        return Missing(
            f"{round_label} was {days} days ago and you are already through to {next_round}: "
            "a thank-you for it now is late and can be skipped (thank them after the next "
            "round instead); if you still write, these drafts check in rather than thank",
            cli_hint="--tone after-interview drafts a plain thank-you anyway",
            web_hint="“After interview” above drafts a plain thank-you anyway",
        )
    return Missing(
        f"{round_label} was {days} days ago (a thank-you is late after {LATE_AFTER_DAYS} days), so "
        "these drafts check in rather than thank you as if it were yesterday",
        cli_hint="--tone after-interview drafts a plain thank-you anyway",
        web_hint="“After interview” above drafts a plain thank-you anyway",
    )
