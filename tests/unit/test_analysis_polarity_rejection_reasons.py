"""Rejection e-mails' reasons, reassurance, comparisons and conditions to reapply read right.

Sentences written the way recruiters phrase a "no" in general: a decision said not to be
about the person, a level the role needed, a comparison that turns a flaw word round
("fewer mistakes than we expected"), and an invitation to apply again once something is
in place, which names what was missing. Words alone are read, as in the other polarity
tests; the embedding probe is not.
"""

import pytest

from nextround.analysis.decision_talk import states_the_decision
from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity
from nextround.domain.positioning import is_about_experience

S, G, N = Polarity.STRENGTH, Polarity.GAP, Polarity.NEUTRAL


def _read(text: str) -> list[Polarity]:
    return [read_polarity(s.text, feedback=True).polarity for s in split_statements(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A comparison that turns a flaw word round is praise, not a gap.
        ("There were fewer mistakes than we expected.", [S]),
        ("It wasn't as bad as you feared.", [S]),
        ("You seemed less nervous than in the first round.", [S]),
        ("You made fewer errors in the pairing exercise than most candidates at this level.", [S]),
        ("The take-home had far fewer issues than we usually see.", [S]),
        ("It went better than expected.", [S]),
        ("You were a lot less hesitant than in your first interview.", [S]),
        ("The case study had fewer gaps than the other submissions.", [S]),
        ("Your technical answers were no worse than the other finalists'.", [S]),
        # "Far from" denies what follows, as "not" does.
        ("Your interview was far from perfect, but you showed real promise.", [G, S]),
        # ... while less of something good than the bar is still a gap.
        ("Your answers were less structured than we'd hoped.", [G]),
        ("You had fewer years of line management than the role requires.", [G]),
        # Nothing to fault.
        ("There's nothing you could have done differently.", [S]),
        ("There were no red flags at all in your interviews.", [S]),
        # The decision said not to be about the person: talk about the decision, set
        # aside with the rest of a template rejection (QA13 F1).
        ("The decision was based on timing rather than your skills.", []),
        ("This was not a reflection of your ability.", []),
        ("It was nothing to do with your performance on the day.", []),
        ("This has nothing to do with your technical ability.", []),
        ("The outcome is in no way a reflection on you.", []),
        # ... but a judgement with it is kept.
        ("It was nothing to do with your ability, but your design was shallow.", [G]),
        # What it came down to, a circumstance: set aside as talk about the decision.
        ("It was purely a question of timing.", []),
        ("You interviewed well; it just wasn't the right time.", [S]),
        # ... but "rather than skill" said of what the person did is a gap.
        ("You relied on luck rather than skill.", [G]),
        # A level the role needed is the decision's reason, no skill to work on.
        ("We just needed someone more senior.", [N]),
        ("They were looking for a more experienced candidate.", [N]),
        ("We were after someone with a bit more commercial grounding.", [G]),
        # Applying again once something is in place: the condition names the gap.
        ("Please do apply again when you have more hands-on experience with Kubernetes.", [G]),
        ("We'd love to see you apply again once you've got more experience leading teams.", [G]),
        ("Feel free to apply again once you've built up more experience with React.", [G]),
        (
            "We'd be happy to consider you again when you have more exposure to enterprise "
            "clients.",
            [G],
        ),
        ("Once you have a couple more years in a product role, we'd love to hear from you.", [G]),
        ("I'd encourage you to reapply once you have led a team.", [G]),
        (
            "Should you gain more experience in people leadership, we'd welcome a new application.",
            [G],
        ),
        ("If you pick up more experience with AWS, please get back in touch.", [G]),
        ("Come back to us once you've managed a team.", [G]),
        # More questions are no condition to apply again.
        ("If you have more questions, please get in touch.", [N]),
        # Experience the role asks of someone, said to the person, is what they lacked;
        # what someone "can" do is a wish for the future, and whom they hired the decision.
        ("We're looking for someone who has managed a P&L before.", [G]),
        ("They needed a candidate who had already run a team of ten.", [G]),
        ("We went with someone who has managed a P&L.", [N]),
    ],
)
def test_a_rejection_sentence_reads_with_the_right_polarity(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We'd encourage you to apply again in 6-12 months.",
        "We'd love to see you reapply in the future.",
        "Please do apply again.",
        # Reassurance about the decision is courtesy too.
        "Please don't take this as a reflection on your abilities.",
        "Try not to take it personally.",
    ],
)
def test_courtesy_with_no_condition_or_judgement_is_set_aside(text):
    assert split_statements(text) == []


def test_a_level_the_role_needed_states_the_decision_and_names_experience():
    # Positioning reads such a statement as a "no" for experience, and clarify does not
    # ask about it as if it named a skill.
    text = "we just needed someone more senior."
    assert states_the_decision(text)
    assert is_about_experience(text)
    assert not states_the_decision("We were after someone with a bit more commercial grounding.")


@pytest.mark.parametrize(
    "text", ["Not quite the right fit for us at this time.", "It was not a good fit."]
)
def test_a_no_with_no_reason_judges_no_skill(text):
    # QA16 Q15: no gap on whatever competency the words happen to sit near.
    assert read_polarity(text, feedback=True).polarity is Polarity.NEUTRAL
