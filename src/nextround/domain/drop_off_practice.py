"""One practice action for the kind of round where most of the person's processes end."""

from __future__ import annotations

from dataclasses import dataclass

from nextround.domain.journey import RoundKind
from nextround.domain.offer_deadline import AcceptedOffer
from nextround.domain.round_pass_rates import DropOff
from nextround.domain.search_scope import counted_on_current_search


@dataclass(frozen=True)
class DropOffPractice:
    """What to practise for the round where processes end, and the figure that says why."""

    kind: RoundKind
    title: str
    detail: str
    why: str


#: The interview rounds share one practice: a mock interview run as the round is.
_MOCK_INTERVIEW = (
    "Do a full mock interview a week, as the round runs",
    "With a friend, a mentor or your careers service: questions you have not seen, each "
    "answered aloud with a story of your own. Then ask what they would still have doubted.",
)

#: What to practise for each kind of round, as (title, detail): the round's own format,
#: under its own conditions. A round of kind "other" gets none: nothing says what it was.
_PRACTICE: dict[RoundKind, tuple[str, str]] = {
    RoundKind.ASSESSMENT: (
        "Do two timed practice tests a week on the platform your applications use "
        "(HackerRank, Codility)",
        "Under the real time limit, in one sitting, as the test itself runs (the aptitude "
        "tests your schemes name count too). Afterwards, note the kinds of question that ran "
        "out your time, and practise those first next time.",
    ),
    RoundKind.ASSESSMENT_CENTRE: (
        "Do a mock group exercise and a timed presentation",
        "With friends or your careers service: a 30-minute group task where you build on "
        "others' ideas, bring in the quiet ones and keep the time, then a five-minute "
        "presentation to a timer. Ask an observer what they would have scored you on.",
    ),
    RoundKind.SCREEN: (
        "Practise a 60-second pitch and your answer to “why this role”",
        "Aloud and recorded, until each lands in about a minute: who you are and what you do "
        "best, then why this role at this company, with one thing from its advert that you "
        "can back with an example.",
    ),
    RoundKind.TECHNICAL: (
        "Solve two timed problems a week, talking them through aloud",
        "45 minutes each, saying your approach as you would to an interviewer: a simple "
        "solution first, then a better one, then how you would test it. Ask a friend to play "
        "the interviewer when you can.",
    ),
    RoundKind.CASE: (
        "Practise a timed case a week with a partner",
        "Structure the problem aloud before any numbers, do the sums by hand, and end with a "
        "recommendation in two sentences. Ask your partner where they lost the thread.",
    ),
    RoundKind.PRESENTATION: (
        "Rehearse a presentation aloud with a timer",
        "Standing, to the time you will be given, twice a week; then ask a listener for the "
        "one point they remember and the one they missed.",
    ),
    RoundKind.TAKE_HOME: (
        "Do a practice take-home in the time a real one allows",
        "A past exercise or a small task of your own, finished in that time, with a short "
        "note on what you chose not to do and why: what reviewers read first.",
    ),
    RoundKind.HIRING_MANAGER: _MOCK_INTERVIEW,
    RoundKind.FINAL_LOOP: _MOCK_INTERVIEW,
    RoundKind.PANEL: _MOCK_INTERVIEW,
}


def drop_off_practice(
    drop: DropOff | None, since: AcceptedOffer | None = None
) -> DropOffPractice | None:
    """The practice for where processes end, with its figure as the reason; else None.

    None while no kind of round stands out (see round_pass_rates.drop_off), so the action
    goes once the sentence no longer holds. ``since`` is the acceptance the current search
    began after: the figure then counts only that search's applications, and says so.
    """
    if drop is None or drop.kind not in _PRACTICE:
        return None
    title, detail = _PRACTICE[drop.kind]
    why = drop.sentence
    if since is not None:
        why += f" {counted_on_current_search(since)}"
    return DropOffPractice(drop.kind, title, detail, why)
