"""Achievements mapped clause by clause: the clauses, the analysis cue, the aggregation."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from nextround.analysis.achievements import (
    ANALYSIS_CAP,
    ANALYSIS_READING,
    INFLUENCE_READING,
    STATIVE_WEIGHT,
    clauses,
    is_result_only,
    is_stative,
    map_achievements,
    map_each,
    readings,
    shows_analysis,
    shows_influence,
    weighted_readings,
)
from nextround.domain.competency import CompetencyMatch


class KeywordMapper:
    """Suggests a competency for each keyword in a text, more surely the shorter the text."""

    name = "keywords"
    is_fallback = False

    def __init__(self, keywords: dict[str, str]) -> None:
        self.keywords = keywords
        self.seen: list[str] = []

    def map(self, texts: Sequence[str], k: int = 3) -> list[list[CompetencyMatch]]:
        self.seen += texts
        out = []
        for text in texts:
            if text == ANALYSIS_READING:
                out.append([CompetencyMatch("data", 0.9)])
                continue
            if text == INFLUENCE_READING:
                out.append([CompetencyMatch("influence", 0.95)])
                continue
            sure = min(1.0, 3 / len(text.split()))
            found = [c for word, c in self.keywords.items() if word in text.lower()]
            out.append([CompetencyMatch(c, round(sure / len(found), 4)) for c in found][:k])
        return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Redesigned the nursing rota with e-rostering, cutting agency spend by 18%",
            ["Redesigned the nursing rota with e-rostering", "cutting agency spend by 18%"],
        ),
        (
            "Led the response to an incident, running the review and introducing checks "
            "that cut errors by 40%",
            [
                "Led the response to an incident",
                "running the review and introducing checks",
                "cut errors by 40%",
            ],
        ),
        (
            "I pulled six months of invoices and found that 60% of shifts were predictable.",
            ["I pulled six months of invoices", "found that 60% of shifts were predictable"],
        ),
        (
            "Reviewed till data to find the quiet hours, then moved staff to the peak hours",
            ["Reviewed till data to find the quiet hours", "moved staff to the peak hours"],
        ),
        # A list of acts, each after a comma (QA20 F3: the journey map was lost in a blur).
        (
            "I mapped the whole journey from the letter home, interviewed eight parents, and "
            "sketched a simpler flow",
            [
                "I mapped the whole journey from the letter home",
                "interviewed eight parents",
                "sketched a simpler flow",
            ],
        ),
        # Nouns in "-ed" and short lists are not cut.
        ("Led a team of 42 nurses and healthcare assistants", None),
        ("Managed the bed and seed budgets for the site", None),
    ],
)
def test_an_achievement_is_cut_into_its_acts(text, expected):
    assert clauses(text) == (expected or [text])


@pytest.mark.parametrize(
    "text",
    [
        "I pulled six months of e-rostering and agency invoices",
        "Analysed three years of exam results",
        "Reviewed till and footfall data to find the quiet hours",
        "We found that 60% of agency shifts came from predictable gaps",
        "Built a dashboard of late deliveries by carrier",
        "The data showed most returns came on Mondays",
    ],
)
def test_looking_into_data_shows_analysis(text):
    assert shows_analysis(text)


@pytest.mark.parametrize(
    "text",
    [
        # A measured result is not analysis: the number says what changed, not how it was found.
        "Redesigned the nursing rota, cutting agency spend by 18% (£210k a year)",
        "Improved Friends and Family Test scores from 82% to 94% in 18 months",
        "Led a team of 42 nurses",
        "We found that the team was tired",
    ],
)
def test_a_measured_result_alone_is_not_analysis(text):
    assert not shows_analysis(text)


def test_readings_are_the_whole_its_clauses_and_analysis_when_shown():
    text = "Analysed exam results, then rebuilt the scheme of work"
    assert readings(text) == [
        text,
        "Analysed exam results",
        "rebuilt the scheme of work",
        ANALYSIS_READING,
    ]
    assert readings("Led a team of 42 nurses") == ["Led a team of 42 nurses"]


def test_a_competency_keeps_its_best_clause_not_the_blur_of_the_whole():
    mapper = KeywordMapper({"led": "leadership", "root-cause": "problem-solving"})
    text = "Led the response to a serious incident on the ward, running the root-cause review"
    [matches] = map_each(mapper, [text])
    # Whole: 3/15 shared by two; each clause alone is surer (3/10, 3/4).
    assert {m.competency_id: m.confidence for m in matches} == {
        "leadership": pytest.approx(3 / 10),
        "problem-solving": pytest.approx(3 / 4),
    }
    assert matches[0].competency_id == "problem-solving"


def test_the_analysis_reading_lends_at_most_its_cap():
    mapper = KeywordMapper({})
    [matches] = map_each(mapper, ["Analysed three years of exam results"])
    assert matches == [CompetencyMatch("data", ANALYSIS_CAP)]
    assert ANALYSIS_CAP < 0.9


def test_weights_make_a_part_count_for_less():
    mapper = KeywordMapper({"customers": "customer-focus", "audited": "risk"})
    found = map_achievements(
        mapper, ["Our customers complained loudly", "I audited every step"], weights=[0.5, 1.0]
    )
    assert [m.competency_id for m in found] == ["risk", "customer-focus"]
    assert found[1].confidence == pytest.approx(0.5 * 3 / 4)


def test_empty_parts_are_not_mapped():
    mapper = KeywordMapper({"led": "leadership"})
    assert map_achievements(mapper, ["", "  "], weights=[1.0, 1.0]) == []
    assert map_each(mapper, ["", "Led a team of five"]) == [
        [],
        [CompetencyMatch("leadership", 0.6)],
    ]
    assert "" not in mapper.seen


def test_a_one_act_sentence_is_mapped_once():
    assert readings("Led a team of five people.") == ["Led a team of five people."]


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        (
            "Wrote 60 integration tests that raised coverage of the payments service from 54% "
            "to 81%",
            ["Wrote 60 integration tests"],
        ),
        (
            "Built an autograder in Python that saved TAs 10 hours a week",
            ["Built an autograder in Python"],
        ),
        (
            "Redesigned the nursing rota with e-rostering, cutting agency spend by 18%",
            ["Redesigned the nursing rota with e-rostering", "cutting agency spend by 18%"],
        ),
        # A result with no number is an act of its own; a first clause is always mapped.
        (
            "Ran the design review, raising the bar for every launch",
            ["Ran the design review", "raising the bar for every launch"],
        ),
        ("Cut costs by 20% and led the team of 5", ["Cut costs by 20%", "led the team of 5"]),
    ],
)
def test_a_bare_result_after_an_act_is_mapped_within_the_whole_only(text, acts):
    """QA13 F9: "raised coverage of the payments service …" alone read as Customer focus."""
    assert readings(text) == [text, *acts]


def test_a_result_only_clause_gives_a_number_after_a_verb_of_change():
    assert is_result_only("saved TAs 10 hours a week")
    assert is_result_only("and cut drug errors by 40%")
    assert not is_result_only("saved the launch")
    assert not is_result_only("Wrote 60 integration tests")


@pytest.mark.parametrize(
    "text",
    [
        "Persuading the deputy head on homework policy",
        "I needed to change his mind",
        "Convinced the board to fund a second pilot",
        "Won the sceptical site leads over to the new rota",
        "Brought the finance director round to a dearer supplier",
        "Got buy-in from three heads of department",
        "Secured their backing for the trial",
    ],
)
def test_winning_someone_over_shows_influence(text):
    assert shows_influence(text)


@pytest.mark.parametrize(
    "text",
    [
        "Won over 40 new clients in a year",
        "I changed the rota twice",
        "Supported the team through the merger",
        "Showed the survey results to the governors",
    ],
)
def test_other_acts_do_not_show_influence(text):
    assert not shows_influence(text)


def test_the_influence_reading_is_added_and_lends_at_most_the_cap():
    """QA20 F3: "Persuading the deputy head" read only as the survey it mentions."""
    text = "I had evidence from my survey, and I needed to change his mind"
    assert readings(text)[-1] == INFLUENCE_READING
    mapper = KeywordMapper({"survey": "quant"})
    found = map_achievements(mapper, [text])
    assert found[0] == CompetencyMatch("influence", ANALYSIS_CAP)
    assert "quant" in [m.competency_id for m in found]


@pytest.mark.parametrize(
    "text",
    [
        "I had a spreadsheet of every complaint from the last year",
        "There were 30 staff on the ward",
        "It was the busiest week of the term",
        "We were two nurses short",
        "I was responsible for the safeguarding log",
        "Morale on the team was low",
        "and the budget was small",
    ],
)
def test_a_fact_or_a_circumstance_is_stative(text):
    assert is_stative(text)


@pytest.mark.parametrize(
    "text",
    [
        "I had to rebuild the rota in a week",
        "We had already interviewed twelve parents",
        "I was asked to lead the review",
        "I was running the weekly stand-up",
        "I showed the governors the survey results",
        "Interviewed eight parents",
        "Sales fell by a third",
        "The head wanted a new policy",
    ],
)
def test_an_act_or_an_event_is_not_stative(text):
    assert not is_stative(text)


def test_a_stated_fact_counts_for_less_than_an_act():
    """QA20: "I had evidence from my survey" took a quantitative competency onto persuasion."""
    text = "I had a spreadsheet of every complaint, and I rewrote the escalation guide"
    weights = dict(weighted_readings(text))
    assert weights == {
        # The whole is half fact, half act.
        text: pytest.approx((STATIVE_WEIGHT + 1.0) / 2),
        "I had a spreadsheet of every complaint": STATIVE_WEIGHT,
        "I rewrote the escalation guide": 1.0,
    }
    mapper = KeywordMapper({"spreadsheet": "data", "rewrote": "writing"})
    found = {m.competency_id: m.confidence for m in map_achievements(mapper, [text])}
    # Each clause alone is as sure (3/7, 3/5 and 3/4 of the words), but the fact counts half.
    assert found["writing"] == pytest.approx(3 / 5, abs=1e-4)
    assert found["data"] == pytest.approx(STATIVE_WEIGHT * 3 / 7, abs=1e-4)
    assert STATIVE_WEIGHT < 1.0


def test_a_text_of_facts_alone_counts_for_less_as_a_whole():
    [(text, weight)] = weighted_readings("There were 30 staff and two wards.")
    assert text == "There were 30 staff and two wards."
    assert weight == STATIVE_WEIGHT
    assert weighted_readings("Led a team of 30 staff.") == [("Led a team of 30 staff.", 1.0)]
