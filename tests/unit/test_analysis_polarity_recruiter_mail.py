"""What recruiters' e-mails say, rejections and advances alike, reads with the right polarity.

Sentences written the way hiring e-mails phrase feedback in general (hedged, British and
American, double negatives, "not only ... but", comparisons with the chosen candidate),
each with the polarity of every statement it splits into. Words alone are read here; the
embedding probe, which settles some of the weak readings in use, is not.
"""

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

S, G, N = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL


def _known(text: str, expected: list[Polarity], why: str):
    return pytest.param(text, expected, marks=pytest.mark.xfail(strict=True, reason=why))


CASES = [
    (
        "Unfortunately we've decided to progress with a candidate whose experience more "
        "closely matched the brief.",
        [],
    ),
    ("The successful candidate had a stronger track record in B2B pricing.", [N]),
    ("We felt another applicant was a better fit for the team at this stage.", [N]),
    ("The other candidates simply had more years in a leadership role.", [N]),
    ("You were pipped at the post by someone with more sector experience.", [N]),
    ("It came down to experience: the person we hired had run a team of twenty.", [N]),
    (
        "The only reason we didn't proceed is that another candidate had more direct experience.",
        [N],
    ),
    ("There was little to choose between you and the successful candidate.", [N]),
    # Talk about the decision, set aside: no statement.
    ("It was incredibly close between you and the other finalist.", []),
    ("You were a very close second.", [N]),
    ("Your stakeholder answers weren't as strong as the other finalist's.", [G]),
    ("You weren't as strong as the other candidate on system design.", [G]),
    ("Your answer on risk wasn't as strong as the other areas.", [G]),
    ("Your technical round wasn't quite as strong as the behavioural one.", [G]),
    ("You had less exposure to regulated environments than the role requires.", [G]),
    ("Your answers were less detailed than we expected at this level.", [G]),
    ("We were after someone with a bit more commercial grounding.", [G]),
    ("We didn't feel you were any less capable than the other candidates.", [S]),
    ("The panel would have liked more detail on how you measured success.", [G]),
    ("We would have liked to see more evidence of people management.", [G]),
    ("We'd have liked you to go a bit deeper on the data side.", [G]),
    ("We would have liked a little more on how you'd handle stakeholders.", [G]),
    ("The panel would have liked more from you on commercial strategy.", [G]),
    (
        "Not only was your case study well structured, but you also handled the questions calmly.",
        [S],
    ),
    ("Not only did you miss the deadline, but the write-up was incomplete.", [G]),
    ("Not only did you structure the case well, but you also brought fresh ideas.", [S]),
    ("Not only was the answer long, it also missed the question.", [G]),
    ("Your presentation lacked nothing in terms of structure.", [S]),
    ("There was nothing wrong with your technical answers.", [S]),
    ("I wouldn't hesitate to recommend you for a similar role.", [S]),
    ("We have no hesitation in moving you to the final round.", [S]),
    ("The team was never in any doubt about your technical ability.", [S]),
    ("We didn't find any weaknesses in your coding exercise.", [S]),
    ("Nobody on the panel had any concerns about your stakeholder management.", [S]),
    ("I couldn't have asked for a better presentation.", [S]),
    ("Your preparation was impossible to fault.", [S]),
    ("The hiring manager had no reservations about your leadership.", [S]),
    ("There's no question you have the technical skills.", [S]),
    ("Honestly, I can't think of anything you could have done differently.", [S]),
    ("None of the panel doubted your commitment.", [S]),
    ("You didn't put a foot wrong in the technical round.", [S]),
    ("We found it hard to fault your analysis.", [S]),
    ("There was no lack of enthusiasm on your part.", [S]),
    ("Your portfolio didn't disappoint.", [S]),
    ("You could hardly have prepared better.", [S]),
    ("There wasn't a single weak answer in your interview.", [S]),
    ("Not a single member of the panel had a bad word to say.", [S]),
    ("The interviewers didn't feel you demonstrated enough ownership of the outcomes.", [G]),
    ("You didn't always give concrete examples.", [G]),
    ("You were unable to explain the trade-offs in your design.", [G]),
    ("We weren't entirely convinced by your approach to prioritisation.", [G]),
    ("Your answers were not always easy to follow.", [G]),
    ("The panel felt you were not quite ready for a lead role yet.", [G]),
    ("I'm afraid your case study didn't quite hit the mark.", [G]),
    ("Frankly, your answer on budgeting left a lot to be desired.", [G]),
    ("We weren't able to get a clear picture of your leadership style.", [G]),
    ("We felt you lacked the gravitas needed to face off to senior clients.", [G]),
    ("We were really impressed with your approach to the case study, it was spot on.", [S]),
    ("Your SQL was faultless.", [S]),
    ("Your references were glowing.", [S]),
    ("The feedback on your presentation was overwhelmingly positive.", [S]),
    ("You were head and shoulders above the rest on data.", [S]),
    ("Your SQL was not bad at all, though the modelling was a little rushed.", [S, G]),
    _known(
        "Your communication was excellent, however your commercial awareness was less developed.",
        [S, G],
        "'less developed' has no praise word for 'less' to deny; the embedding probe reads it",
    ),
    _known(
        "Nobody could fault your enthusiasm, though the technical depth wasn't there.",
        [S, G],
        "'wasn't there' alone is neutral to the words; the embedding probe reads it",
    ),
    _known(
        "You came across as a touch nervous at the start, but settled quickly.",
        [G, S],
        "'settled quickly' is neutral to the words; the embedding probe reads it",
    ),
    ("The decision came down to availability rather than ability.", [N]),
    # What the decision came down to, no skill: set aside as talk about the decision.
    ("You were unlucky - it was purely down to timing.", []),
    ("Your experience is slightly less aligned with what the team needs right now.", [G]),
    ("It's not that your answers were weak, we just needed someone more senior.", [S, N]),
    ("You didn't do anything wrong, we simply had a stronger internal candidate.", [S, N]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_recruiter_mail_reads_with_the_right_polarity(text, expected):
    statements = split_statements(text)
    got = [read_polarity(s.text, feedback=True).polarity for s in statements]
    assert got == expected, [s.text for s in statements]
