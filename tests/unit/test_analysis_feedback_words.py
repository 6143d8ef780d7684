"""The feedback's own words for what it judged, lifted verbatim, or nothing."""

from __future__ import annotations

import pytest

from nextround.analysis.feedback_words import own_words, without_frame


@pytest.mark.parametrize(
    ("statement", "words"),
    [
        (
            "Where the panel felt others were stronger was in data and experimentation.",
            "data and experimentation",
        ),
        ("No clear view on org design / operating model", "org design / operating model"),
        ("She should also build more confidence with data", "data"),
        ("Your stakeholder management really stood out.", "my stakeholder management"),
        (
            "Priya in particular said your example of aligning sales and support on the new "
            "SLA was the best answer she heard all week.",
            "my example of aligning sales and support on the new SLA",
        ),
        ("Strong on execution and cost discipline", "execution and cost discipline"),
        (
            "Tom felt you weren't yet comfortable designing an experiment or reasoning about "
            "whether a result was significant.",
            "designing an experiment",
        ),
        (
            "The one area to tighten is the stakeholder communication plan: it was thin",
            "the stakeholder communication plan",
        ),
    ],
)
def test_the_words_the_feedback_used_are_lifted(statement, words):
    assert own_words(statement) == words


@pytest.mark.parametrize(
    "statement",
    [
        "Too tactical for a Head of role",  # a judgement, no area named
        # About the person: "the process you designed" would read wrong in her own note.
        "There was also a sense that you could have gone deeper on what might go wrong with "
        "the process you designed, e.g. failure modes.",
        "Elena mentioned that in the leadership conversation some of your answers were long",
        "Some of your answers were quite long",  # form, not an area
        "Good culture fit",
    ],
)
def test_nothing_is_lifted_when_no_known_shape_names_an_area(statement):
    assert own_words(statement) is None


# Recruiter e-mails, interviewers' notes and managers' reviews, as people write them. The
# feedback's own words are said back whenever they read as a topic: "your feedback on
# <words>" must be something a person would write.
@pytest.mark.parametrize(
    ("statement", "words"),
    [
        ("We would have liked more depth in pricing and it showed in the case.", "pricing"),
        ("Your system design answer lacked depth on failure modes.", "failure modes"),
        ("Your story about the outage was compelling.", "my story about the outage"),
        ("Your technical depth is not quite where we need it for this role.", "my technical depth"),
        ("Your grasp of the numbers impressed the CFO.", "my grasp of the numbers"),
        (
            "Your leadership examples felt dated and they didn't show scale.",
            "my leadership examples",
        ),
        (
            "Your ability to influence without authority needs work.",
            "my ability to influence without authority",
        ),
        ("Your SQL was rusty and you needed hints.", "my SQL"),
        ("Your knowledge of Kubernetes is impressive.", "my knowledge of Kubernetes"),
        ("Your product sense came through clearly in the case.", "my product sense"),
        ("Your answer about the failed launch was honest.", "my answer about the failed launch"),
        ("The gap for us was hands-on infra experience.", "hands-on infra experience"),
        ("The biggest gap is people management at scale.", "people management at scale"),
        ("The concern would be the lack of hands-on experience.", "hands-on experience"),
        ("The panel wanted more evidence of strategic thinking.", "strategic thinking"),
        ("We need more experience with enterprise sales cycles.", "enterprise sales cycles"),
        ("Limited experience in regulated industries, which matters here.", "regulated industries"),
        ("Not enough depth on distributed systems.", "distributed systems"),
        ("Lack of exposure to B2B pricing.", "B2B pricing"),
        ("Would benefit from more exposure to customer-facing work.", "customer-facing work"),
        ("Little evidence of managing managers.", "managing managers"),
        ("Could have gone deeper on the trade-offs you made.", "the trade-offs"),
        ("Very good at building consensus across teams.", "building consensus across teams"),
        ("Strong on execution, weaker on strategy.", "execution"),
        ("Shaky on system design fundamentals", "system design fundamentals"),
        (
            "Not yet comfortable handling pushback from senior stakeholders.",
            "handling pushback from senior stakeholders",
        ),
        (
            "Others were stronger at managing ambiguity in early-stage products.",
            "managing ambiguity in early-stage products",
        ),
        (
            "Limited depth on pricing strategy and monetisation models",
            "pricing strategy and monetisation models",
        ),
        ("Her stakeholder updates are excellent.", "my stakeholder updates"),
        ("Your design answer lacked monitoring.", "my design answer"),
    ],
)
def test_realistic_feedback_keeps_its_own_words_when_they_read_as_a_topic(statement, words):
    assert own_words(statement) == words


@pytest.mark.parametrize(
    "statement",
    [
        # F7/F18: "feedback on my answers ran long and it" went to a recruiter.
        "Marcus also noted that your answers ran long and it was sometimes hard to follow the "
        "thread.",
        "Some of your answers wandered and were hard to follow.",
        "Your answers tended to ramble.",
        "More experience of leading through a reorg would help.",
        "More rigour around metrics would have helped",
        "Could have gone deeper into why it failed.",
        "Deeper understanding of how the billing system works.",
        "The panel would have liked more clarity on how you'd sequence the migration.",
        "The main concern was that you haven't owned an on-call rotation.",
        "The gap for us was that you hadn't worked on a developer platform.",
        "Your presentation ran over and the Q&A felt rushed.",
        "Your structure in the estimation question broke down halfway.",
        "Your examples were all from startups, which worried the team.",
        "Concern is your lack of people leadership experience",
        "Needs to delegate more.",
    ],
)
def test_a_clause_cut_out_of_feedback_is_never_said_back(statement):
    assert own_words(statement) is None


def test_who_held_the_view_is_not_the_view():
    assert without_frame("Tom felt that you rushed the close") == "you rushed the close"
    assert without_frame("Priya in particular said the map was clear") == "the map was clear"
    assert without_frame("There was also a sense that it ran long") == "it ran long"
    assert without_frame("Too tactical") == "Too tactical"
    # Only a capitalised word is a name: a thing that "felt" some way is the view itself.
    thin = "The solution felt a bit thin overall to us"
    assert without_frame(thin) == thin
    assert without_frame("This felt rushed at the end") == "This felt rushed at the end"
    assert without_frame("It felt like a checklist") == "It felt like a checklist"
    assert without_frame("Tom Baker said your plan was thin") == "your plan was thin"
