"""The polarity a statement is suggested with: its row's rating counted, a doubtful one neutral.

A suggestion is what a review starts from, and what a user clicking through accepts. A
polarity read from weak or mixed signals ("Relies on the tech lead ..." looks like a habit
a framework would list as good practice) is as likely wrong as right, and accepted as a
strength it inverts the evidence; shown as neutral, it waits for the user to say.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from nextround.analysis.polarity import PolarityReading
from nextround.analysis.rating_tables import rated_reading
from nextround.analysis.statements import Statement
from nextround.domain.competency import Polarity

#: Below this confidence a strength is suggested as neutral. A gap is kept: plain ones read
#: unsurely when the competency they name counts as praise ("Her ownership is still weak"),
#: and a gap asks to be looked at rather than lifting a score.
UNSURE_BELOW = 0.6
#: A strength whose own words also ask for more or for a change ("we wanted more ...",
#: "could have ...") is contested: below this confidence it is suggested as neutral, so a
#: click-through does not save a wish for more as a strength.
CONTESTED_BELOW = 0.75
# The cue kinds that say what was missing or what to change (see ``polarity_phrases``).
_ASKING_CUES = frozenset({"hedge", "advice", "verdict", "gap area"})


def suggested_readings(
    statements: Sequence[Statement], readings: Sequence[PolarityReading]
) -> list[PolarityReading]:
    """The readings to suggest for these statements (one reading each, in order)."""
    per_row = Counter(s.rating.row for s in statements if s.rating is not None)
    suggested: list[PolarityReading] = []
    for statement, reading in zip(statements, readings, strict=True):
        rated = reading
        if statement.rating is not None:
            alone = per_row[statement.rating.row] == 1
            rated = rated_reading(reading, statement.rating, alone=alone)
        if statement.after_contrast and suggested:
            rated = contrasted_reading(suggested[-1], rated, statement.text)
        elif suggested:
            rated = next_on_the_list(suggested[-1], rated, statement.text)
        rated = lost_to_more(statement.text, rated)
        suggested.append(settle_unsure(rated))
    return suggested


#: How sure a clause read as a gap only for following praise and "but" is suggested.
CONTRASTED_CONFIDENCE = 0.65


#: Fewer words than this after the "but" are no clause of their own to read as a gap.
_CONTRASTED_WORDS = 2
_WORD = re.compile(r"[^\W\d_]+")


def contrasted_reading(
    before: PolarityReading, reading: PolarityReading, text: str
) -> PolarityReading:
    """A clause after praise and "but" that judges nothing by its own words, read as a gap.

    "Great discovery, but you pitched features before uncovering pain": what follows the
    praise and the "but" is what the writer holds against it, even in words that alone
    read as plain description. A clause that praises too ("Great energy, but also calm")
    keeps its reading.
    """
    if before.polarity is not Polarity.STRENGTH or reading.polarity is not Polarity.NEUTRAL:
        return reading
    if len(_WORD.findall(text)) < _CONTRASTED_WORDS:
        # "…, but maintenant.": a word or two that judge nothing are no point held against
        # the praise; left neutral, they do not become a gap.
        return reading
    cue = "contrast: follows praise and 'but', so it reads as what fell short"
    return PolarityReading(Polarity.GAP, CONTRASTED_CONFIDENCE, (cue, *reading.cues))


#: How sure a list point that judges nothing itself, after a shortfall, is suggested a gap.
LIST_CONFIDENCE = 0.65


def next_on_the_list(
    before: PolarityReading, reading: PolarityReading, text: str
) -> PolarityReading:
    """A list point after a shortfall ("The second area was X: ...") that judges nothing.

    "Where it fell short was stakeholder management: ... The second area was data: ...":
    the second point goes on the list the first opened, so it is a shortfall too when its
    own words say nothing either way. Words that praise keep their reading.
    """
    from nextround.analysis.polarity_areas import list_label_end

    if before.polarity is not Polarity.GAP or reading.polarity is not Polarity.NEUTRAL:
        return reading
    if list_label_end(text) is None:
        return reading
    cue = "list: the next point after a shortfall, so it reads as one too"
    return PolarityReading(Polarity.GAP, LIST_CONFIDENCE, (cue, *reading.cues))


#: How sure a choice of someone with more of something is suggested as a gap.
LOST_TO_MORE_CONFIDENCE = 0.65


def lost_to_more(text: str, reading: PolarityReading) -> PolarityReading:
    """The choice of someone who had more of something, read as a gap in it.

    "Ultimately they went with a candidate with more mid-market closing experience" states
    the decision, yet its reason is what the person had less of; "we chose someone with
    stronger stakeholder management" praises the hire, not the person. A bare "we went
    with another candidate" names nothing and is set aside before it gets here.
    """
    from nextround.analysis.decision_talk import what_the_hire_had_more_of

    if reading.polarity is Polarity.GAP:
        return reading
    what = what_the_hire_had_more_of(text)
    if what is None:
        return reading
    cue = f"comparison: the hire had more {what}, so it reads as what you had less of"
    return PolarityReading(Polarity.GAP, LOST_TO_MORE_CONFIDENCE, (cue, *reading.cues))


def settle_unsure(reading: PolarityReading) -> PolarityReading:
    """A strength read below UNSURE_BELOW, or contested, as neutral, saying what it leaned to.

    Contested: read below CONTESTED_BELOW while a cue of its own asks for more or for a
    change.
    """
    if reading.polarity is not Polarity.STRENGTH:
        return reading
    asking = any(cue.split(":", 1)[0] in _ASKING_CUES for cue in reading.cues)
    if reading.confidence >= (CONTESTED_BELOW if asking else UNSURE_BELOW):
        return reading
    but = ", though its words also ask for more or a change" if asking else ""
    cue = (
        f"unsure: leaned {reading.polarity.value} ({reading.confidence:.0%}){but}, "
        "left for you to say"
    )
    return PolarityReading(Polarity.NEUTRAL, 0.5, (cue, *reading.cues))
