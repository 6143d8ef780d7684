"""Talk about the hiring decision is dropped or read as neutral, unless it judges the person."""

import pytest

from nextround.analysis.decision_talk import is_decision_talk, states_the_decision
from nextround.analysis.polarity import read_polarity
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity


def texts(source: str) -> list[str]:
    return [s.text for s in split_statements(source)]


@pytest.mark.parametrize(
    "sentence",
    [
        "It didn't change our view",
        "It didn’t change our view, I'm afraid.",
        "That did not change the decision.",
        "Your follow-up e-mail did not really sway the panel's decision.",
        "Sadly this won't alter the outcome.",
        "We went with another candidate.",
        "In the end the team decided to go with the other finalist.",
        "The role has now been filled.",
        "We have made our final decision.",
        "The decision is final.",
        # Not going on with the person, however it is put.
        "Unfortunately we won't be moving forward with your application.",
        "We are unable to offer you the role.",
        "We have decided not to progress your application.",
        # Contracted too, after courtesy (QA9 F10: "we've decided not to move forward" was
        # kept as a gap statement that no competency fitted).
        "The team enjoyed meeting you, but we've decided not to move forward.",
        "Thanks for your time, but we’ve decided not to proceed with your application.",
        "It was great to meet you, but I've decided not to move forward with your candidacy.",
        # Praise of the field is about the others, not the person.
        "Other candidates were equally strong.",
        "The other finalists were also very strong.",
        "We had three strong finalists.",
        "It was a very strong field.",
        "The successful candidate was exceptionally well qualified.",
    ],
)
def test_decision_talk_is_dropped(sentence):
    assert texts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "polarity"),
    [
        # The decision phrase judges nobody; what it is about still does.
        ("It didn't change our view that your risk answers were thin.", Polarity.GAP),
        ("It didn't change our view that your stakeholder work is excellent.", Polarity.STRENGTH),
        ("Your weak risk answer didn't change our view.", Polarity.GAP),
    ],
)
def test_a_judgement_inside_decision_talk_is_kept_and_read(sentence, polarity):
    assert texts(sentence) == [sentence]
    assert read_polarity(sentence).polarity is polarity


@pytest.mark.parametrize(
    "sentence",
    [
        # A comparison with the chosen candidate is feedback about the person.
        "We went with another candidate who had led more platform migrations end to end.",
        # Not changing a plan or one's own mind is behaviour, not the hiring decision.
        "She did not change her plan when the risks grew.",
        "You did not adapt the plan to the new deadline.",
    ],
)
def test_behaviour_that_sounds_like_decision_talk_is_kept(sentence):
    assert texts(sentence) == [sentence]


def test_a_change_the_person_did_not_make_is_still_a_gap():
    assert read_polarity("She did not change her plan when the risks grew.").polarity is (
        Polarity.GAP
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It didn't change our view.", Polarity.NEUTRAL),
        ("That won't change the outcome.", Polarity.NEUTRAL),
        ("I'm afraid your answers were vague.", Polarity.GAP),
        ("She is afraid to delegate.", Polarity.GAP),
    ],
)
def test_decision_phrases_and_softeners_carry_no_polarity(sentence, expected):
    assert read_polarity(sentence).polarity is expected


def test_decision_talk_allows_only_a_few_other_words():
    assert is_decision_talk("We went with another candidate, I'm afraid.")
    assert not is_decision_talk("We went with another candidate with deeper firmware expertise.")
    assert not is_decision_talk("Your plan did not change when the scope did.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Other candidates were equally strong.",
        "We had three strong finalists.",
        "We won't be moving forward with your application.",
    ],
)
def test_praise_of_the_field_and_not_going_on_read_as_neutral(sentence):
    assert read_polarity(sentence, feedback=True).polarity is Polarity.NEUTRAL


@pytest.mark.parametrize(
    ("sentence", "polarity"),
    [
        # A comparison the person loses, said of them, is a verdict on them.
        ("Others were stronger than you in data.", Polarity.GAP),
        ("You weren't as strong as the other candidate on system design.", Polarity.GAP),
        ("You had less hands-on experience than the other finalist.", Polarity.GAP),
        # What the other candidate had describes someone else: it explains the decision.
        ("Others were stronger in data.", Polarity.NEUTRAL),
        ("The other finalists had more hands-on experience.", Polarity.NEUTRAL),
        # Praise of the person, even among candidates, is theirs.
        ("You were one of the strongest candidates we saw.", Polarity.STRENGTH),
        ("You were a strong candidate.", Polarity.STRENGTH),
        ("Your answers were strong, as were the other candidates'.", Polarity.STRENGTH),
    ],
)
def test_comparisons_and_praise_of_the_person_are_kept(sentence, polarity):
    (statement,) = split_statements(sentence)
    assert read_polarity(statement.text, feedback=True).polarity is polarity


@pytest.mark.parametrize(
    "sentence",
    [
        "In the end we went with a candidate who had more experience at the Principal level.",
        "We went with someone else.",
        "They chose someone with more fintech exposure.",
        "We decided to go with another finalist.",
        "The hiring manager opted for a more senior candidate.",
        "We hired an internal candidate who knew the platform.",
        "We offered the role to a candidate with deeper Kafka experience.",
        "The team has decided not to proceed with your application.",
        "We have made our decision.",
        "The role has been filled.",
    ],
)
def test_the_decision_itself_is_recognised_with_or_without_its_reason(sentence):
    assert states_the_decision(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A judgement that mentions the decision, or compares the person with the field.
        "It didn't change our view that your risk answers were thin.",
        "The panel thought others were stronger on commercial negotiation.",
        "Your experience didn't come through as strongly as for the candidate we selected.",
        # The person's own choices in the interview.
        "You chose a monolith with no clear reason.",
        "You went with a safe option instead of exploring alternatives.",
        "She went for a whiteboard diagram first.",
        "We were looking for someone with more depth.",
    ],
)
def test_a_judgement_or_the_persons_own_choice_is_not_the_decision(sentence):
    assert not states_the_decision(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # The decision and what the chosen candidate had: no evidence about the person.
        "In the end we went with a candidate who had more experience.",
        "They chose someone with deeper domain experience.",
        "The other finalist had more hands-on leadership.",
        "We decided to move forward with another candidate whose background was a closer match.",
        "The successful candidate had a stronger track record in B2B pricing.",
        "We felt another applicant was a better fit for the team at this stage.",
        "The other candidates simply had more years in a leadership role.",
        "They went with someone else, who was stronger on risk.",
        "You were pipped at the post by someone with more sector experience.",
        "In the end we hired someone who had more exposure to regulated markets.",
        "The only reason we didn't proceed is that another candidate had more direct experience.",
    ],
)
def test_what_the_chosen_candidate_had_reads_as_neutral(sentence):
    for statement in split_statements(sentence):
        assert read_polarity(statement.text, feedback=True).polarity is Polarity.NEUTRAL


@pytest.mark.parametrize(
    "sentence",
    [
        # The person is named: a shortfall against the bar or against the chosen candidate.
        "You had less experience with Kubernetes than we need.",
        "You had less exposure to regulated environments than the role requires.",
        "She has fewer years of line management than the role calls for.",
        "You didn't have as much exposure to pricing as we'd hoped.",
        "We went with another candidate, as your forecasting experience was limited.",
        "The other candidate had more experience, which you lacked.",
        "The other finalist was stronger than you on pricing.",
    ],
)
def test_a_shortfall_said_of_the_person_stays_a_gap(sentence):
    assert read_polarity(sentence, feedback=True).polarity is Polarity.GAP


@pytest.mark.parametrize(
    "sentence",
    [
        # QA17 F7: the "no" of UK graduate schemes, however it is put.
        "Unfortunately on this occasion you have not been successful.",
        "Unfortunately, you have been unsuccessful on this occasion.",
        "We regret to inform you that your application has not been successful.",
        "I’m sorry to tell you that you haven’t been successful this time.",
        "Your application was unsuccessful.",
        "Unfortunately you were not successful in progressing to the next stage.",
        "We regret to inform you that on this occasion your application for the Graduate "
        "Software Engineer programme has been unsuccessful.",
        "Unfortunately, we will not be progressing your application.",
        "We have decided not to progress.",
        "Unfortunately we have decided not to progress your application further at this time.",
    ],
)
def test_not_successful_is_talk_about_the_decision(sentence):
    assert texts(sentence) == []
    assert is_decision_talk(sentence)
    assert states_the_decision(sentence)


def test_not_successful_after_thanks_leaves_no_statement():
    email = (
        "Thank you for attending our assessment centre on 14th October. Unfortunately on "
        "this occasion you have not been successful.\n\n"
        "Strengths interview: answers lacked specific examples."
    )
    assert texts(email) == ["answers lacked specific examples."]


@pytest.mark.parametrize(
    "sentence",
    [
        # What was not successful, or why, is feedback and stays a gap.
        "Unfortunately you were not successful in demonstrating the leadership we need.",
        "You were not successful in persuading the group to adopt your plan.",
        "You have not been successful on this occasion, as your answers lacked specific examples.",
        "Your presentation was not successful.",
        "Your attempts to lead the group were unsuccessful.",
    ],
)
def test_not_successful_at_something_or_for_a_reason_stays_a_gap(sentence):
    (statement,) = split_statements(sentence)
    assert read_polarity(statement.text, feedback=True).polarity is Polarity.GAP


def test_news_of_success_is_not_read_as_the_no():
    assert texts("You have been successful and we'd like to invite you to the final round.") == []
    assert not states_the_decision("You have been successful.")
