"""Option A maths on a hand-computed example, must-have rules, sensitivity and offer concerns."""

from __future__ import annotations

import math
import re
from dataclasses import replace

import pytest

from nextround.domain.journey import Status, WorkMode
from nextround.domain.option_a import (
    Criterion,
    MustHave,
    OptionA,
    OptionRating,
    RuleKind,
    parse_rule,
    percent_shares,
    share_labels,
)
from nextround.domain.option_concerns import (
    at_risk,
    offer_concerns,
    rating_needed,
    risk_note,
)
from nextround.domain.option_ranking import (
    Opportunity,
    assess,
    derive_location,
    rank,
    sensitivity,
)
from nextround.errors import DomainError

# Three criteria, total weight 6. Pay only needs to reach 3 ("matching my package").
OPTION_A = OptionA(
    criteria=(
        Criterion("scope", "Scope", 3),
        Criterion("pay", "Pay", 2, target=3),
        Criterion("place", "Place", 1),
    ),
    must_haves=(MustHave.parse("no relocation [location~amsterdam,remote]"),),
    threshold=3.5,
    defined=True,
).check()


def opportunity(
    app_id, scores, location="Amsterdam", work_mode=WorkMode.HYBRID, status=None, musts=()
):
    return Opportunity(
        application_id=app_id,
        company=f"Company {app_id}",
        role_title="TPM",
        status=status or Status.INTERVIEWING,
        work_mode=work_mode,
        location=location,
        rating=OptionRating(app_id, dict(scores), dict(musts)),
    )


A = opportunity(1, {"scope": 4, "pay": 5, "place": 2})
B = opportunity(2, {"scope": 3, "pay": 3, "place": 5}, location="London")
# B once the person says they would move to London: no must-have missed, so its score alone
# places it (a missed one would rank it after every opportunity without one).
B_MOVES = opportunity(2, {"scope": 3, "pay": 3, "place": 5}, location="London",
                      musts={"no-relocation": True})  # fmt: skip
C = opportunity(3, {"scope": 5, "pay": 1, "place": 4})


def test_score_and_gap_on_a_hand_computed_example():
    # A: score = (3*4 + 2*5 + 1*2) / 6 = 24 / 6 = 4.0
    #    gap: scope 5-4=1 -> 3*1^2 = 3; pay 5 >= target 3 -> 0 (no credit for the surplus);
    #         place 5-2=3 -> 1*3^2 = 9; sqrt((3 + 0 + 9) / 6) = sqrt(2) = 1.4142
    a = assess(OPTION_A, A)
    assert a.score == pytest.approx(4.0)
    assert a.gap == pytest.approx(math.sqrt(2))
    # B: score = (3*3 + 2*3 + 1*5) / 6 = 20 / 6 = 3.3333, below the 3.5 threshold
    #    gap: scope 2 -> 3*4 = 12; pay 3 = target -> 0; place 0 -> sqrt(12 / 6) = sqrt(2)
    b = assess(OPTION_A, B)
    assert b.score == pytest.approx(20 / 6)
    assert b.gap == pytest.approx(math.sqrt(2))  # same distance as A, lower score
    assert b.below_threshold
    # C: score = (3*5 + 2*1 + 1*4) / 6 = 21 / 6 = 3.5, exactly at the threshold: not below
    #    gap: pay 3-1=2 -> 2*4 = 8; place 1 -> 1 -> sqrt(9 / 6) = 1.2247
    c = assess(OPTION_A, C)
    assert c.score == pytest.approx(3.5)
    assert c.gap == pytest.approx(math.sqrt(1.5))
    assert not c.below_threshold
    assert [x.opportunity.application_id for x in rank(OPTION_A, [B, C, A])] == [1, 3, 2]


def test_sensitivity_names_the_weight_and_the_pair_that_swap():
    # Base order: A 4.0 > C 3.5 > B 3.3333.
    # scope x0.8 = 2.4 (total 5.4): C = (12 + 2 + 4) / 5.4 = 3.3333,
    #                                B = (7.2 + 6 + 5) / 5.4 = 3.3704 -> B overtakes C.
    # Every other move keeps the order, e.g. pay x1.2 = 2.4 (total 6.4):
    #   C = (15 + 2.4 + 4) / 6.4 = 3.34375 > B = (9 + 7.2 + 5) / 6.4 = 3.3125.
    result = sensitivity(OPTION_A, [A, B_MOVES, C])
    assert not result.stable and not result.order_stable
    assert [(c.criterion_id, c.label, c.swaps) for c in result.changes if c.swaps] == [
        ("scope", "Scope -20%", ((3, 2),))
    ]


def test_sensitivity_names_the_moves_that_carry_an_option_across_the_threshold():
    # C scores exactly 3.5, the threshold. Moves that lower it fall below:
    #   scope x0.8: 3.3333 (above); pay x1.2: 3.34375 (above);
    #   place x0.8 = 0.8 (total 5.8): C = (15 + 2 + 3.2) / 5.8 = 3.4828.
    # Moves that raise it keep it above: scope x1.2 = 3.6364, pay x0.8 = 3.6786,
    #   place x1.2 = 3.5161. A (4.0) and B (3.3333) stay where they are under every move.
    result = sensitivity(OPTION_A, [A, B, C])
    assert [(c.label, c.crossings) for c in result.changes if c.crossings] == [
        ("Scope -20%", ((3, True),)),
        ("Pay +20%", ((3, True),)),
        ("Place -20%", ((3, True),)),
    ]
    # Without C the order is as clear, and nobody is near the bar.
    assert sensitivity(OPTION_A, [A, B]).stable


def test_an_order_can_be_stable_while_the_verdict_is_not():
    # B alone scores 3.3333; with a threshold of 3.35 three moves lift it over the bar:
    #   scope x0.8 (total 5.4): (7.2 + 6 + 5) / 5.4 = 3.3704
    #   pay x0.8 (total 5.6): (9 + 4.8 + 5) / 5.6 = 3.3571
    #   place x1.2 (total 6.2): (9 + 6 + 6) / 6.2 = 3.3871
    # and three keep it under: scope x1.2 3.3030, pay x1.2 3.3125, place x0.8 3.2759.
    near = replace(OPTION_A, threshold=3.35)
    result = sensitivity(near, [B])
    assert result.order_stable and not result.stable
    assert [(c.label, c.swaps, c.crossings) for c in result.changes] == [
        ("Scope -20%", (), ((2, False),)),
        ("Pay -20%", (), ((2, False),)),
        ("Place +20%", (), ((2, False),)),
    ]


def test_a_clear_ranking_is_stable():
    # A 4.0 against B 3.3333: no single ±20% weight move closes a 0.67 lead.
    assert sensitivity(OPTION_A, [A, B]).stable


def test_must_haves_nobody_answered_are_counted_apart_from_those_missed():
    two = replace(
        OPTION_A,
        must_haves=(*OPTION_A.must_haves, MustHave.parse("remote or hybrid [work_mode=remote]")),
    )
    unknown = opportunity(8, {"scope": 4}, location=None, work_mode=None)
    assert assess(two, unknown).must_haves_met == "?/2"  # not "0/2": nothing is missed
    half = opportunity(9, {"scope": 4}, location=None, work_mode=WorkMode.REMOTE)
    assert assess(two, half).must_haves_met == "2/2"
    one_known = opportunity(10, {"scope": 4}, location="London", work_mode=None)
    assert assess(two, one_known).must_haves_met == "0/2, 1 unknown"
    assert assess(replace(OPTION_A, must_haves=()), A).must_haves_met == ""


def test_trade_offs_separate_what_it_offers_from_what_it_gives_up():
    c = assess(OPTION_A, C)
    # Place 4 against a target of 5 is close: neither gained nor given up.
    assert [v.criterion.id for v in c.gains] == ["scope"]
    assert [v.criterion.id for v in c.near_misses] == ["place"]
    # Pay 1 against a target of 3 costs 2*2 = 4 weighted points.
    assert [v.criterion.id for v in c.gives_up] == ["pay"]


def test_must_haves_are_answered_by_rules_or_by_the_person():
    b = assess(OPTION_A, B)
    (verdict,) = b.verdicts
    assert verdict.met is False and verdict.derived and verdict.why == "London"
    remote = assess(OPTION_A, opportunity(4, {}, location=None, work_mode=WorkMode.REMOTE))
    assert remote.verdicts[0].met is True  # a remote role needs no move
    unknown = assess(OPTION_A, opportunity(5, {}, location=None, work_mode=None))
    assert unknown.verdicts[0].met is None
    overruled = opportunity(6, {"scope": 4}, location="London")
    overruled.rating.must_haves["no-relocation"] = True  # the person knows better
    assert assess(OPTION_A, overruled).verdicts[0].met is True


def test_offer_concerns_on_a_low_score_and_on_a_missed_must_have():
    low_and_far = assess(OPTION_A, B)
    assert offer_concerns(low_and_far) == [
        "it scores 3.33 against your Option A, below your threshold of 3.5",
        "it misses the must-have “no relocation” (London)",
    ]
    good_but_far = assess(OPTION_A, opportunity(7, {"scope": 5, "pay": 3, "place": 4}, "Paris"))
    assert good_but_far.score == pytest.approx((15 + 6 + 4) / 6)
    assert offer_concerns(good_but_far) == ["it misses the must-have “no relocation” (Paris)"]
    assert offer_concerns(assess(OPTION_A, A)) == []


def test_a_concern_about_a_partial_score_says_it_is_partial_first():
    # Only scope is rated: 3 of the 6 weight points. Score 2, below the 3.5 bar.
    partial = assess(OPTION_A, opportunity(12, {"scope": 2}))
    assert offer_concerns(partial) == [
        "on the 50% of the weight rated so far, it scores 2.00 against your Option A, below "
        "your threshold of 3.5"
    ]
    assert [v.criterion.id for v in partial.unrated_criteria] == ["pay", "place"]


def test_under_half_the_weight_rated_no_score_is_named():
    # Only place is rated: 1 of the 6 weight points, a 1.
    thin = assess(OPTION_A, opportunity(13, {"place": 1}))
    (concern,) = offer_concerns(thin)
    assert concern == (
        "only 17% of the weight is rated so far (place 1), too little for a score, and what "
        "is rated is below your threshold of 3.5"
    )
    assert "1.00" not in concern
    # Above the bar on that little, it says what the rest must average, and no score either.
    hopeful = assess(OPTION_A, opportunity(14, {"place": 5}))
    (risk,) = offer_concerns(hopeful)
    assert risk.startswith("only 17% of the weight is rated so far (place 5): unless the rest")
    assert "5.00" not in risk


@pytest.mark.parametrize(
    ("scores", "needed", "risky"),
    [
        # Scope 5 on half the weight: pay and place (3 of 6) must average 2 to keep 3.5.
        ({"scope": 5}, 2.0, True),
        # Only place (1 of 6) is unrated: a 1 still leaves (15 + 10 + 1) / 6 = 4.33.
        ({"scope": 5, "pay": 5}, -4.0, False),
        # A 1 on place gives (12 + 8 + 1) / 6 = 3.5 exactly: on the bar is not under it.
        ({"scope": 4, "pay": 4}, 1.0, False),
        # Already below: the existing "below your threshold, partial" concern says so.
        ({"scope": 2}, 5.0, False),
        # Complete: nothing unrated, nothing to need.
        ({"scope": 4, "pay": 5, "place": 2}, None, False),
    ],
)
def test_a_partial_score_is_at_risk_only_if_its_unrated_criteria_could_pull_it_under(
    scores, needed, risky
):
    a = assess(OPTION_A, opportunity(20, scores))
    assert rating_needed(a) == (None if needed is None else pytest.approx(needed))
    assert at_risk(a) is risky
    assert (risk_note(a) is not None) is risky


def test_an_offer_with_a_partial_score_above_the_bar_names_what_could_pull_it_under():
    several = assess(OPTION_A, opportunity(21, {"scope": 5}))
    assert offer_concerns(several) == [
        "pay and place are not rated yet: unless they average at least 2.0, the score of "
        "5.00 falls below your threshold of 3.5"
    ]
    # One criterion is rated in whole points: (12 + 2 + 2r) / 6 >= 3.5 needs r >= 3.5.
    one = assess(OPTION_A, opportunity(22, {"scope": 4, "place": 2}))
    assert offer_concerns(one) == [
        "pay is not rated yet: unless it is rated 4 or more, the score of 3.50 falls below "
        "your threshold of 3.5"
    ]
    # Safe whatever the rest is rated: no warning for being partial.
    assert offer_concerns(assess(OPTION_A, opportunity(23, {"scope": 5, "pay": 5}))) == []


def test_an_unanswered_must_have_is_a_concern_once_the_opportunity_has_a_score():
    option_a = replace(OPTION_A, must_haves=(MustHave.parse("visa sponsorship"),))
    scored = assess(option_a, opportunity(24, {"scope": 5, "pay": 5, "place": 5}))
    assert offer_concerns(scored) == [
        "nobody has said yet whether it has the must-have “visa sponsorship”"
    ]
    answered = opportunity(25, {"scope": 5, "pay": 5, "place": 5})
    answered.rating.must_haves["visa-sponsorship"] = True
    assert offer_concerns(assess(option_a, answered)) == []
    # Not rated at all: "rate it" is the advice, not one warning per unknown.
    unrated = replace(opportunity(26, {}), rating=None, work_mode=None)
    assert offer_concerns(assess(option_a, unrated)) == []


@pytest.mark.parametrize(
    ("mode", "location", "places", "expected"),
    [
        (WorkMode.REMOTE, None, (), 5),
        (WorkMode.HYBRID, "Amsterdam, NL", ("amsterdam",), 4),
        (WorkMode.HYBRID, "Amsterdam, NL", (), 3),
        (WorkMode.HYBRID, "Munich", ("amsterdam",), 2),
        (WorkMode.ONSITE, "Amsterdam", ("amsterdam",), 3),
        (WorkMode.ONSITE, "London", ("amsterdam",), 1),
    ],
)
def test_location_is_derived_from_the_work_mode_and_place(mode, location, places, expected):
    derived = derive_location(mode, location, places)
    assert derived is not None and derived[0] == expected
    assert derive_location(None, "Amsterdam", places) is None


def test_a_derived_rating_fills_an_unrated_location_criterion():
    option_a = OptionA((Criterion("scope", "Scope"), Criterion("location", "Location"))).check()
    a = assess(option_a, opportunity(8, {"scope": 4}, "Remote (EU)", WorkMode.REMOTE))
    location = a.values[1]
    assert (location.value, location.derived, location.why) == (5, True, "remote")
    assert a.complete and a.score == pytest.approx(4.5)


def test_a_partial_score_ranks_by_its_floor_not_last_nor_as_it_stands():
    # Scope 5 alone (3 of 6): score 5.0, floor (15 + 1*2 + 1*1) / 6 = 3.0, under B's 3.3333
    # complete score: one quick 5 does not jump ahead of an offer rated in full.
    quick = opportunity(9, {"scope": 5})
    ranked = rank(OPTION_A, [quick, B_MOVES])
    assert [a.opportunity.application_id for a in ranked] == [2, 9]
    assert (ranked[1].score, ranked[1].floor) == (pytest.approx(5.0), pytest.approx(3.0))
    # Scope and pay 5 (5 of 6): floor (15 + 10 + 1) / 6 = 4.3333, above A's complete 4.0,
    # so it ranks first although partial: a 1 on place could not bring it under A.
    nearly = opportunity(13, {"scope": 5, "pay": 5})
    ranked = rank(OPTION_A, [A, nearly])
    assert [a.opportunity.application_id for a in ranked] == [13, 1]
    assert ranked[0].floor == pytest.approx(26 / 6)
    # Complete, the floor is the score itself.
    assert assess(OPTION_A, A).floor == pytest.approx(4.0)


def test_a_worse_offer_that_misses_a_must_have_does_not_rank_above_a_nearly_rated_one():
    # The QA case: one offer fully rated, under the threshold and missing a must-have;
    # the other rated on most of the weight, far better, its must-have met.
    fernhill = opportunity(4, {"scope": 3, "pay": 3, "place": 3}, location="London")
    corvid = opportunity(3, {"scope": 5, "pay": 4})  # place unrated: 5 of 6 rated
    ranked = rank(OPTION_A, [fernhill, corvid])
    assert [a.opportunity.application_id for a in ranked] == [3, 4]
    best, worst = ranked
    assert not best.complete and best.score == pytest.approx(23 / 5)
    assert worst.complete and worst.below_threshold and worst.missed


def test_a_missed_must_have_sinks_below_every_opportunity_without_one():
    # 14 scores 5.0 in full but is in London: no relocation is missed. B scores 3.3333,
    # under the threshold, and is in London too, but the person would move there.
    best_but_missing = opportunity(14, {"scope": 5, "pay": 5, "place": 5}, location="London")
    ranked = rank(OPTION_A, [best_but_missing, B_MOVES, A])
    assert [a.opportunity.application_id for a in ranked] == [1, 2, 14]
    # Among those that miss one, the score orders them again.
    worse_and_missing = opportunity(15, {"scope": 2, "pay": 2, "place": 2}, location="London")
    ranked = rank(OPTION_A, [worse_and_missing, best_but_missing])
    assert [a.opportunity.application_id for a in ranked] == [14, 15]


def test_sensitivity_moves_floors_as_the_ranking_does():
    # P, scope 4 and pay 5 (5 of 6 rated): score 4.4, floor (12 + 10 + 1) / 6 = 3.8333.
    # Q, complete: (15 + 4 + 5) / 6 = 4.0. Ranked by floor, Q comes first although P's
    # score is higher. Pay +20% (2.4, total 6.4) lifts P's floor to (12 + 12 + 1) / 6.4
    # = 3.90625 over Q's (15 + 4.8 + 5) / 6.4 = 3.875: that, and only that, swaps them.
    p = opportunity(40, {"scope": 4, "pay": 5})
    q = opportunity(41, {"scope": 5, "pay": 2, "place": 5})
    assert [a.opportunity.application_id for a in rank(OPTION_A, [p, q])] == [41, 40]
    result = sensitivity(OPTION_A, [p, q])
    assert [(c.label, c.swaps) for c in result.changes if c.swaps] == [("Pay +20%", ((41, 40),))]


@pytest.mark.parametrize(
    "scores",
    [{"scope": 5}, {"scope": 4, "pay": 4}, {"scope": 2}, {"scope": 4, "place": 2},
     {"pay": 5, "place": 5}, {"scope": 4, "pay": 5, "place": 2}],
)  # fmt: skip
def test_at_risk_means_a_score_on_or_over_the_bar_whose_floor_is_under_it(scores):
    # The "?" mark and the order must tell one story: at risk is exactly floor < bar <= score.
    a = assess(OPTION_A, opportunity(30, scores))
    assert a.floor is not None and a.score is not None
    on_or_over = a.score >= a.threshold - 1e-9
    assert at_risk(a) is (on_or_over and a.floor < a.threshold - 1e-9)


def test_an_opportunity_rated_on_no_current_criterion_has_no_score_and_no_sensitivity():
    # Rated on "growth", which is not one of OPTION_A's criteria (e.g. since removed).
    stale = [opportunity(10, {"growth": 4}, location=None, work_mode=None),
             opportunity(11, {"growth": 2}, location=None, work_mode=None)]  # fmt: skip
    assessed = [assess(OPTION_A, o) for o in stale]
    assert [(a.scored, a.score, a.coverage) for a in assessed] == [(False, None, 0.0)] * 2
    # What would complete it: every criterion, heaviest first.
    assert [v.criterion.id for v in assessed[0].unrated_criteria] == ["scope", "pay", "place"]
    result = sensitivity(OPTION_A, stale)
    assert not result.tested and result.compared == 0
    # One scored opportunity is enough to test who clears the threshold.
    assert sensitivity(OPTION_A, [*stale, A]).compared == 1
    assert sensitivity(OPTION_A, [*stale, A]).tested


def test_rules_parse_and_print():
    assert str(parse_rule("scope >= 4")) == "scope>=4"
    assert parse_rule("work_mode=remote, hybrid").values == ("remote", "hybrid")
    assert parse_rule("location~Amsterdam,Remote").kind is RuleKind.LOCATION
    must = MustHave.parse("A mission I care about [mission>=4]")
    assert (must.id, must.text, str(must)) == (
        "a-mission-i-care-about",
        "A mission I care about",
        "A mission I care about [mission>=4]",
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("[mission>=4]", "'[mission>=4]' has a rule but no name; write the name first, e.g. "
                         "'mission 4 or more [mission>=4]'"),
        (" [work_mode=remote,hybrid]", "e.g. 'remote or hybrid [work_mode=remote,hybrid]'"),
        ("[location~amsterdam]", "e.g. 'no relocation [location~amsterdam]'"),
        ("  ", "a must-have needs a name, then optionally a rule in brackets"),
    ],
)  # fmt: skip
def test_a_must_have_without_a_name_says_the_name_comes_first(raw, message):
    with pytest.raises(DomainError) as caught:
        MustHave.parse(raw)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("scope>=6", "not understood"),
        ("work_mode=office", "'office' in rule"),
        ("salary>100k", "not understood"),
        ("level=staff", r"looks for words in the level: write it with ~, \[level~staff\]"),
        ("role~ , ", "not understood"),
    ],
)
def test_bad_rules_say_what_to_write(rule, message):
    with pytest.raises(DomainError, match=message):
        parse_rule(rule)


def test_a_rule_not_understood_lists_every_field_a_rule_can_use():
    with pytest.raises(DomainError) as caught:
        parse_rule("seniority~staff")
    said = str(caught.value)
    for field in ("rating", "[scope>=4]", "work mode", "remote, hybrid or onsite", "location",
                  "[level~staff,principal]", "[role~platform]"):  # fmt: skip
        assert field in said, said


def test_a_level_or_role_rule_looks_for_words_in_that_field():
    staff = MustHave.parse("Staff level or above [level~staff,principal]")
    platform = MustHave.parse("platform work [role~Platform]")
    assert (staff.rule.kind, staff.rule.values) == (RuleKind.LEVEL, ("staff", "principal"))
    assert str(platform) == "platform work [role~platform]"
    option_a = replace(OPTION_A, must_haves=(staff, platform))
    # Stored and read back as it was written.
    assert OptionA.from_json(option_a.to_json()).must_haves == option_a.must_haves

    def verdicts(level, role_title):
        opp = replace(opportunity(1, {"scope": 4}), level=level, role_title=role_title)
        return [(v.met, v.why) for v in assess(option_a, opp).verdicts]

    assert verdicts("Principal", "Engineering Manager, Platform") == [
        (True, "Principal"),
        (True, "Engineering Manager, Platform"),
    ]
    assert verdicts("Senior", "Engineering Manager") == [
        (False, "Senior"),
        (False, "Engineering Manager"),
    ]
    # No level on record: nobody knows yet, so nothing is missed.
    assert verdicts(None, "TPM")[0] == (None, None)


def test_a_definition_is_checked():
    with pytest.raises(DomainError, match="weight of Scope \\(scope\\) must be above 0"):
        OptionA((Criterion("scope", "Scope", 0),)).check()
    with pytest.raises(DomainError, match="only once"):
        OptionA((Criterion("a", "A"), Criterion("a", "B"))).check()
    with pytest.raises(DomainError, match="threshold"):
        OptionA((Criterion("a", "A"),), threshold=6).check()
    with pytest.raises(DomainError, match="refers to criterion 'mission'"):
        OptionA((Criterion("a", "A"),), must_haves=(MustHave.parse("x [mission>=4]"),)).check()
    with pytest.raises(DomainError, match="criterion id 'Bad Id'"):
        Criterion("Bad Id", "x").check()


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        (0, r"must be above 0, not 0; to leave it out, remove the criterion instead of weight"),
        (-1, r"must be above 0, not -1; to leave it out, remove the criterion"),
        (500, r"must be at most 100, not 500; weights count only against each other, so scale"),
        (101, r"must be at most 100, not 101; weights count only against each other"),
        (math.inf, r"must be a number above 0 and at most 100, not inf; give a plain number"),
        (math.nan, r"must be a number above 0 and at most 100, not nan; give a plain number"),
    ],
)
def test_a_bad_weight_gets_the_hint_that_fits_it(weight, message):
    with pytest.raises(DomainError, match=message) as caught:
        Criterion("culture", "Culture", weight).check()
    if weight > 0:  # too heavy or not a number: removing the criterion is not the answer
        assert "remove" not in str(caught.value)


def test_the_definition_round_trips_through_json():
    again = OptionA.from_json(OPTION_A.to_json())
    assert again == OPTION_A
    with pytest.raises(DomainError, match="damaged"):
        OptionA.from_json({"criteria": [{"id": "scope"}]})


def test_ratings_are_checked_before_anything_changes():
    rating = OptionRating(1, {"scope": 4})
    with pytest.raises(DomainError, match="rating for pay must be 1-5"):
        rating.rate(OPTION_A, {"scope": 2, "pay": 9}, {})
    assert rating.scores == {"scope": 4}
    with pytest.raises(DomainError, match="no criterion 'salary'"):
        rating.rate(OPTION_A, {"salary": 3}, {})
    rating.rate(OPTION_A, {"scope": None, "pay": 3}, {"no-relocation": False})
    assert rating.scores == {"pay": 3} and rating.must_haves == {"no-relocation": False}


@pytest.mark.parametrize(
    ("weights", "shares"),
    [
        # Rounded one by one: 21 + 14 + 14 + 7 + 21 + 14 + 7 = 98. The two missing points go
        # to the largest remainders, scope and compensation (21.43 each).
        ((3, 2, 2, 1, 3, 2, 1), (22, 14, 14, 7, 22, 14, 7)),
        # Rounded one by one: 33 + 33 + 33 = 99; equal remainders: the first gets the point.
        ((1, 1, 1), (34, 33, 33)),
        # 16.67 each, rounded one by one: 17 * 6 = 102. Floored, 96: the four missing
        # points go to the first four (the remainders are equal).
        ((1,) * 6, (17, 17, 17, 17, 16, 16)),
        ((1, 1, 2), (25, 25, 50)),  # exact: nothing to hand out
        ((0.1, 0.2, 0.7), (10, 20, 70)),  # float noise (0.1 / 1.0 * 100) moves nothing
        ((5,), (100,)),
    ],
)
def test_shares_are_whole_percentages_that_add_up_to_100(weights, shares):
    assert percent_shares(weights) == shares
    assert sum(shares) == 100


@pytest.mark.parametrize(
    ("weights", "labels"),
    [
        # Seven equal weights: 15, 15, 14, ... would read as two criteria counting more.
        ((1,) * 7, ("≈14%",) * 7),
        ((1, 1, 1), ("≈33%",) * 3),
        ((2, 1, 1), ("50%", "25%", "25%")),
        # Unequal weights whose equal ones round alike keep shares adding up to 100.
        ((3, 2, 2, 1, 3, 2, 1), ("22%", "14%", "14%", "7%", "22%", "14%", "7%")),
        ((1, 1, 2, 4), ("≈13%", "≈13%", "25%", "50%")),
    ],
)
def test_equal_weights_never_show_unequal_shares(weights, labels):
    assert share_labels(weights) == labels


def test_option_a_shares_follow_its_criteria():
    assert OPTION_A.shares() == (50, 33, 17)  # 3, 2, 1 of 6: 50 + 33.33 + 16.67


def test_criterion_names_keep_the_capitals_the_person_typed_mid_sentence():
    assert Criterion("ote", "OTE").in_sentence == "OTE"
    assert Criterion("pmf", "Product-market fit").in_sentence == "product-market fit"
    assert Criterion("sql", "SQL depth").in_sentence == "SQL depth"
    assert Criterion("pay", "Pay").in_sentence == "pay"
    sales = replace(OPTION_A, criteria=(Criterion("ote", "OTE", 1), *OPTION_A.criteria[1:]))
    (concern,) = offer_concerns(assess(sales, opportunity(15, {"ote": 1})))
    assert "rated so far (OTE 1)" in concern


def test_the_gap_is_said_as_the_criteria_short_of_their_targets_costliest_first() -> None:
    """QA21 F8: "gap 1.46" beside a score that clears the threshold needs its reasons."""
    from nextround.domain.option_ranking import targets_note

    a = assess(OPTION_A, A)  # scope 4 of 5 (weight 3), pay 5 of 3, place 2 of 5 (weight 1)
    # As the gap weighs them: place 1 x 3² before scope 3 x 1².
    assert a.gap_in_words() == "short of your targets on place 2 (target 5), scope 4 (target 5)"
    assert a.gap_in_words(1) == "short of your targets on place 2 (target 5), and 1 more"
    met = opportunity(4, {"scope": 5, "pay": 3, "place": 5})
    assert assess(OPTION_A, met).gap_in_words() is None
    # The targets used, and that they are not the threshold.
    note = targets_note(OPTION_A)
    assert "targets: scope 5, pay 3, place 5" in note
    assert "not against your threshold of 3.5" in note
    plain = OptionA.defaults()
    assert "every target is 5, the default" in targets_note(plain)


def test_a_must_have_nobody_answered_is_unanswered_not_missed() -> None:
    unknown = opportunity(5, {"scope": 4}, location=None)
    assessed = assess(OPTION_A, unknown)
    assert [v.must_have.id for v in assessed.unanswered] == ["no-relocation"]
    assert assessed.missed == []
    assert assess(OPTION_A, B_MOVES).unanswered == []


def test_an_offer_rule_checks_the_offers_terms_as_recorded_and_reads_back_as_written():
    from nextround.domain.offer_terms import OfferTerms

    base = MustHave.parse("$110k+ base [base>=110k]")
    total = MustHave.parse("first year [first_year >= 150,000 usd]")
    assert (base.rule.kind, base.rule.criterion, base.rule.minimum) == (
        RuleKind.OFFER,
        "base",
        110_000,
    )
    assert str(total) == "first year [first_year>=150000 USD]"
    option_a = replace(OPTION_A, must_haves=(base, total))
    assert OptionA.from_json(option_a.to_json()).must_haves == option_a.must_haves

    def verdicts(offer):
        opp = replace(opportunity(1, {"scope": 4}), offer=offer)
        return [(v.met, v.why) for v in assess(option_a, opp).verdicts]

    usd = OfferTerms(currency="USD", base_salary=118_000, variable_pay=11_800, sign_on=5_000)
    assert verdicts(usd) == [
        (True, "base salary 118,000 USD"),
        (False, "first-year total 134,800 USD"),
    ]
    # No offer yet, or one in another currency: nobody knows, so nothing is missed.
    assert verdicts(None) == [(None, None), (None, None)]
    eur = OfferTerms(currency="EUR", base_salary=100_000)
    assert verdicts(eur)[1] == (None, "first-year total 100,000 EUR, not in USD: yours to say")
    assert verdicts(eur)[0] == (False, "base salary 100,000 EUR")


def test_a_criterion_rule_on_a_criterion_named_base_is_still_a_rating():
    assert parse_rule("base>=4").kind is RuleKind.AT_LEAST
    # A sign before the amount is the person's habit; the currency is a code after it.
    assert str(parse_rule("base>=$110k USD")) == "base>=110000 USD"


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("base>=lots", "in rule 'base>=lots', the amount 'lots' is not an amount"),
        ("base>=110k dollars", "not understood"),
    ],
)
def test_an_offer_rule_with_a_bad_amount_says_what_to_write(rule, message):
    with pytest.raises(DomainError, match=re.escape(message)):
        parse_rule(rule)


def test_the_list_of_what_a_rule_can_check_names_the_offer_terms():
    with pytest.raises(DomainError) as caught:
        parse_rule("seniority~staff")
    assert "[base>=110k]" in str(caught.value)
