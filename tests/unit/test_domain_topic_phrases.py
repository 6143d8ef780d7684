"""The one rule for a topic lifted from text: a clean noun phrase, or nothing."""

from __future__ import annotations

import pytest

from nextround.domain.topic_phrases import clean_topic


@pytest.mark.parametrize(
    ("span", "topic"),
    [
        ("data and experimentation", "data and experimentation"),
        ("org design / operating model", "org design / operating model"),
        ("my handling of the exec pushback", "my handling of the exec pushback"),
        ("designing an experiment", "designing an experiment"),
        ("the stakeholder communication plan", "the stakeholder communication plan"),
        ("hands-on infra experience", "hands-on infra experience"),
        ("my thinking on how to measure success", "my thinking on how to measure success"),
        ("data-informed decisions", "data-informed decisions"),
        ("detailed rollout plans", "detailed rollout plans"),  # an -ed word before its noun
        ("the failed launch", "the failed launch"),
        ("a well structured answer", "a well structured answer"),
        ("B2B pricing", "B2B pricing"),
        ("customer needs", "customer needs"),
        # A dangling joint or filler can simply go.
        ("execution and", "execution"),
        ("pricing really", "pricing"),
        # A new clause after "and" is cut off: the noun before it is the topic.
        ("pricing and it showed in the case", "pricing"),
        # So is a relative clause: the noun it describes is the topic.
        ("the multi-region rollout plan we shipped last year", "the multi-region rollout plan"),
        ("the trade-offs you made", "the trade-offs"),
        ("pricing that I couldn't answer", "pricing"),
    ],
)
def test_a_noun_phrase_is_kept_in_its_own_words(span, topic):
    assert clean_topic(span) == topic


@pytest.mark.parametrize(
    "span",
    [
        "my answers ran long and it",  # F7/F18: a clause cut at its subject
        "answers ran long",
        "leading through a reorg would help",
        "why it failed",
        "how the billing system works",
        "how we scaled the team",
        "what good looks like",
        "answers wandered",
        "your design answer lacked depth",
        "the metrics the team tracked",
        "teams that",
        "the rollout of their",
        "to own the roadmap",
        "and pricing",
        "it",
        "the process you designed didn't scale",
        "one that could have been shorter",
        "stakeholders weren't aligned",
        "",
        "  ",
        "the roadmap for the platform teams across all of the regions in Europe",  # too long
    ],
)
def test_a_clause_or_a_fragment_is_no_topic(span):
    assert clean_topic(span) is None


def test_a_caller_may_allow_a_longer_topic():
    long = "the Tilburg DC automation programme and its eleven regional warehouses up north"
    assert clean_topic(long) is None
    assert clean_topic(long, max_words=12) == long
