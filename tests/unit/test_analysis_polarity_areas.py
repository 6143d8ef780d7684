"""A development area named outright ("The main growth area is X") reads as a gap on X."""

import json
import math
from pathlib import Path

import pytest

from nextround.analysis.polarity import read_polarity
from nextround.analysis.polarity_areas import goals_label
from nextround.analysis.statements import split_statements
from nextround.domain.competency import Polarity

STRENGTH, GAP = Polarity.STRENGTH, Polarity.GAP


def _towards_strength() -> list[float]:
    """An embedding the polarity probe reads as plainly as it can as good practice."""
    import nextround.analysis.polarity_probe as probe

    path = Path(probe.__file__).with_name("polarity_probe.json")
    weights = json.loads(path.read_text())["weights"]
    norm = math.sqrt(sum(w * w for w in weights))
    return [w / norm for w in weights]


@pytest.mark.parametrize(
    "text",
    [
        "The main growth area is risk management: risks are tracked.",
        "Your biggest development area is stakeholder management: you communicate often.",
        "An area to work on is prioritisation.",
        "One thing to improve is your storytelling.",
        "Her key development need right now is delegation.",
        "Improvement area - written updates, which are clear but long.",
        "Stakeholder management remains your biggest development area.",
        "I see commercial awareness as one of your main growth areas.",
        "Areas for development: risk planning, which you do well in small projects.",
        # The writer's wish for the person names the area as plainly.
        "The area I want her to grow is risk management: the risk log exists.",
        "The area I want you to grow in is delegation.",
        "An area to develop is prioritisation.",
        "Where I'd like to see growth is stakeholder management.",
        "One thing I'd like to see him work on is his written updates.",
        # The label decides over the "but" of its explanation (the demo's manager review).
        "The area I want her to grow is risk management: the risk log exists, but it is "
        "updated before steering committees rather than used to steer.",
        "The main growth area is risk management: mitigations come late, but risks are "
        "tracked well.",
    ],
)
def test_a_named_development_area_is_a_gap_the_probe_cannot_overturn(text):
    reading = read_polarity(text, embedding=_towards_strength())
    assert reading.polarity is GAP, (text, reading)
    assert any(cue.startswith("gap area:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text",
    [
        # A behaviour that looks for improvements is good practice, not a named area.
        "Identifies areas for improvement in team processes.",
        "Your biggest strength is stakeholder management.",
    ],
)
def test_an_area_that_is_not_named_as_the_persons_gap_is_no_gap_area(text):
    reading = read_polarity(text)
    assert reading.polarity is STRENGTH, (text, reading)
    assert not any(cue.startswith("gap area:") for cue in reading.cues)


def test_a_named_area_keeps_its_explanation_in_one_statement():
    text = (
        "The main growth area is risk management: risks are tracked but mitigations and "
        "owners are often missing until late. Your biggest development area is stakeholder "
        "management: you communicate often, but you rarely align priorities."
    )
    statements = split_statements(text)
    assert [s.text for s in statements] == [
        "The main growth area is risk management: risks are tracked but mitigations and "
        "owners are often missing until late.",
        "Your biggest development area is stakeholder management: you communicate often, "
        "but you rarely align priorities.",
    ]
    assert all(read_polarity(s.text).polarity is GAP for s in statements)


def test_a_label_that_praises_still_splits_at_its_contrast():
    statements = split_statements(
        "Great energy in the room: clear communicator, but the roadmap lacked structure."
    )
    readings = [read_polarity(s.text).polarity for s in statements]
    assert readings == [STRENGTH, GAP]


@pytest.mark.parametrize(
    "concession",
    [
        "even though you handled the executive review well",
        "even though you communicate often",
        "even though your plans were thorough and very well structured",
        "although the team clearly trusts you and values your judgement",
    ],
)
def test_a_named_area_is_a_sure_gap_whatever_its_concession_praises(concession):
    # Sure enough that the probe never gets to overturn it, however much the concession
    # praises: the verdict was reached with the concession in view.
    for text in (
        f"Stakeholder management remains your biggest development area, {concession}.",
        f"{concession[0].upper()}{concession[1:]}, risk management is still a growth area.",
    ):
        reading = read_polarity(text, embedding=_towards_strength())
        assert reading.polarity is GAP, (text, reading)
        assert reading.confidence >= 0.8, (text, reading)
        assert not any(cue.startswith("meaning:") for cue in reading.cues), reading.cues


def test_praise_after_the_contrast_still_turns_a_named_area():
    # The area was named, then the writer moved on: the clause after "but" decides.
    reading = read_polarity(
        "Delegation was a growth area last year, but you now hand work over early and well."
    )
    assert reading.polarity is STRENGTH, reading


@pytest.mark.parametrize(
    ("heading", "point"),
    [
        ("Development opportunity", "clearer written updates"),
        ("Development opportunities", "Build relationships with finance earlier"),
        ("Area for development", "more structure in the case study"),
        ("Key growth areas", "sharper answers under time pressure"),
        ("Opportunity", "more structure in the case study"),
        ("Opportunities", "Clearer written updates"),
        ("Opportunity", "the roadmap lacked owners"),
        ("Interviewer 2 / Growth area", "tighter answers"),
    ],
)
def test_a_point_under_a_development_heading_is_a_sure_gap(heading, point):
    reading = read_polarity(point, heading=heading, embedding=_towards_strength())
    assert reading.polarity is GAP, (heading, point, reading)
    assert reading.confidence >= 0.7, reading
    assert any(cue.startswith("heading:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "point", ["Structured executive summaries.", "Confidence with numbers in the board pack."]
)
def test_a_good_thing_named_under_an_area_heading_stays_a_gap_the_probe_cannot_turn(point):
    reading = read_polarity(point, heading="Areas to develop", embedding=_towards_strength())
    assert reading.polarity is GAP, reading
    assert not any(cue.startswith("meaning:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "source",
    [
        "Areas to develop: Jo goes deep into detail with executives. Summaries could be "
        "shorter. Her forecasting confidence with finance.",
        "Development areas\nJo goes deep into detail with executives. Summaries could be "
        "shorter. Her forecasting confidence with finance.",
        "Areas for development\n\nJo goes deep into detail with executives. Summaries could "
        "be shorter. Her forecasting confidence with finance.",
    ],
)
def test_every_sentence_of_a_paragraph_under_an_area_label_is_a_gap(source):
    statements = split_statements(source)
    assert len(statements) == 3, statements
    for statement in statements:
        assert statement.heading is not None and "develop" in statement.heading.lower()
        reading = read_polarity(
            statement.text, heading=statement.heading, embedding=_towards_strength()
        )
        assert reading.polarity is GAP, (statement, reading)


def test_a_section_name_on_its_own_line_heads_only_its_paragraph():
    source = "Strengths\nCalm under pressure.\n\nShe rushed the pricing question."
    assert [(s.text, s.heading) for s in split_statements(source)] == [
        ("Calm under pressure.", "Strengths"),
        ("She rushed the pricing question.", None),
    ]
    # A note of its own on a short line is read, not taken for a heading.
    assert [s.text for s in split_statements("Great energy\nShe rushed the pricing.")] == [
        "Great energy",
        "She rushed the pricing.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Development opportunity: clearer written updates",
        "Area for development: clearer written updates",
        "Growth area: clearer written updates",
        "Opportunity: clearer written updates",
    ],
)
def test_a_development_label_opening_a_line_makes_its_point_a_gap(line):
    (statement,) = split_statements(line)
    assert statement.text == "clearer written updates"
    assert read_polarity(statement.text, heading=statement.heading).polarity is GAP


@pytest.mark.parametrize(
    "point",
    [
        "Senior Product Manager, Payments",  # a recruiter's "Opportunity:" is a job
        "stakeholder alignment",  # no telling what it says of the person
    ],
)
def test_opportunity_alone_heads_no_gap_over_words_that_ask_for_nothing(point):
    reading = read_polarity(point, heading="Opportunity")
    assert reading.polarity is Polarity.NEUTRAL, reading


def test_a_heading_that_only_mentions_development_areas_is_no_area_label():
    reading = read_polarity("Clear communicator", heading="Strengths and development areas")
    assert reading.polarity is not GAP, reading


@pytest.mark.parametrize(
    "text",
    [
        "One opportunity is to quantify the impact of your work.",
        "The main opportunity for you is to tighten your answers.",
        "There is an opportunity for you to delegate more.",
    ],
)
def test_an_opportunity_with_what_to_do_is_a_named_area(text):
    reading = read_polarity(text, embedding=_towards_strength())
    assert reading.polarity is GAP, reading
    assert any(cue.startswith("gap area:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text",
    [
        "There is an opportunity to delegate more.",
        "There's a real opportunity to tighten your written updates.",
        "I see an opportunity to bring the data in earlier.",
        "There are opportunities to involve the wider team more.",
        "Opportunity to be more concise in answers",
        "A clear opportunity to improve how you frame trade-offs.",
        "Maybe an opportunity to push back harder on scope.",
    ],
)
def test_an_opportunity_to_do_something_more_or_better_is_a_named_area(text):
    reading = read_polarity(text, embedding=_towards_strength())
    assert reading.polarity is GAP, (text, reading)
    assert any(cue.startswith("gap area:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An opportunity that asks for no change: a job, a chance taken, the role's scope.
        ("There is an opportunity to join our graduate scheme.", Polarity.NEUTRAL),
        ("She took every opportunity to mentor more junior colleagues.", STRENGTH),
        ("You seized the opportunity to lead the migration and did it well.", STRENGTH),
    ],
)
def test_an_opportunity_that_asks_for_no_change_is_no_named_area(text, expected):
    reading = read_polarity(text)
    assert reading.polarity is expected, (text, reading)
    assert not any(cue.startswith("gap area:") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for the opportunity to interview.",
        "It was a great opportunity to meet you.",
        "We appreciated the opportunity to learn about your work.",
        "We will keep you in mind for future opportunities.",
    ],
)
def test_an_opportunity_to_meet_is_courtesy_not_feedback(text):
    statements = split_statements(text)
    assert all(read_polarity(s.text).polarity is Polarity.NEUTRAL for s in statements), [
        (s.text, read_polarity(s.text)) for s in statements
    ]


def test_the_demo_reviews_growth_area_is_one_statement_and_one_gap():
    text = (
        "The area I want her to grow is risk management: the risk log exists, but it is "
        "updated before steering committees rather than used to steer."
    )
    [statement] = split_statements(text)
    reading = read_polarity(statement.text, feedback=True, embedding=_towards_strength())
    assert reading.polarity is GAP, reading
    assert reading.cues[0].startswith("gap area:"), reading.cues


def test_a_growth_area_put_in_the_past_does_not_decide_over_progress():
    text = "Risk management was a growth area: the log was stale, but you have improved since."
    assert read_polarity(text, feedback=True).polarity is STRENGTH


@pytest.mark.parametrize(
    "heading",
    ["5. Objectives for 2026 (part 1)", "Goals for next year", "FY27 targets", "2026 objectives"],
)
@pytest.mark.parametrize(
    "point",
    [
        "Present the quarterly programme review to the ExCo herself.",
        "Own the P&L of the Lyon hub transformation.",
        "Build a strong, diverse team in Lyon.",
    ],
)
def test_goals_for_what_comes_next_are_no_verdict(heading, point):
    # QA16 Q3: objectives under a heading are goals, not praise (nor advice).
    assert goals_label(heading)
    assert read_polarity(point, heading=heading, feedback=True).polarity is Polarity.NEUTRAL


def test_a_goal_that_says_what_fell_short_is_still_a_gap():
    point = "Reporting was often late and incomplete this year, so bring it back on schedule."
    assert read_polarity(point, heading="Objectives for 2026", feedback=True).polarity is (
        Polarity.GAP
    )


def test_objectives_alone_and_other_headings_are_no_goals_heading():
    assert not goals_label("Objectives")
    assert not goals_label("Delivery and execution")
