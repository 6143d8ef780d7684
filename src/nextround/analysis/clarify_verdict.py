"""Questions about a "no" with no reason: where others were stronger, where one fell short."""

from __future__ import annotations

from collections.abc import Collection

from nextround.analysis.clarify import quotable


def verdict_questions(
    said: Collection[str],
    fit_words: str | None,
    round_: str | None,
    interview: str | None,
    company: str | None,
    *,
    final: bool = False,
    limit: int = 3,
) -> list[str]:
    """One to three polite questions about a rejection that names no skill, best first.

    "Not quite the right fit. Other candidates were a bit stronger overall" leaves nothing
    to work on; what would is where the others were stronger and which interview fell
    short. ``said`` holds what the verdict said ("others", "fit", see ``vague_verdicts``);
    ``round_`` is the round as a person says it ("the final round"), ``interview`` the
    interview's phrase when one is on record; ``final`` says the others were finalists.
    Every name comes from the arguments: nothing is invented.
    """
    at = f" at {company}" if company else ""
    in_round = f" in {round_}" if round_ else ""
    others = "the other finalists" if final else "the other candidates"
    questions = []
    if "others" in said:
        questions.append(
            f"In which areas were {others} stronger than me{in_round}? It would help me see "
            "where to focus."
        )
    where = (
        f"Was there one point in {interview} where I fell short of what you needed?"
        if interview
        else f"Was there one interview{in_round} where I fell short of what you needed?"
    )
    questions.append(where)
    if fit_words:
        quoted = quotable(fit_words, mid_sentence=True)
        questions.append(
            f"When you say “{quoted}”, was that about my experience, how I came across, or "
            f"what the role{at} needs? Knowing which would help me aim the next applications."
        )
    elif "others" not in said:
        questions.append(
            f"What would have made the difference for this role{at}, so I can prepare for the "
            "next one?"
        )
    return questions[: max(1, min(limit, 3))]
