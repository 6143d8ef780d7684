"""The pipeline maths, against numbers worked out by hand."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from nextround.domain.journey import (
    Application,
    Decision,
    OfferResponse,
    Outcome,
    Round,
    RoundKind,
    RoundOutcome,
    Source,
    Status,
)
from nextround.domain.pipeline import (
    ApplicationFacts,
    DecisionFact,
    FunnelStep,
    RoundFact,
    StageDates,
    funnel,
    funnel_note,
    gaps_left_out_note,
    outcomes_by_source,
    pipeline_stats,
    stage_gaps,
)

K = RoundKind
D = date


def facts(ident, source, applied, rounds=(), decisions=()):
    return ApplicationFacts(
        id=ident,
        company=f"Company {ident}",
        role_title="TPM",
        source=source,
        applied_on=applied,
        rounds=[RoundFact(kind, day) for kind, day in rounds],
        decisions=[DecisionFact(*d) for d in decisions],
    )


# Six processes; the expected numbers below are worked out by hand from these dates.
A1 = facts(
    1,
    Source.LINKEDIN,
    D(2025, 1, 1),
    [
        (K.SCREEN, D(2025, 1, 11)),
        (K.HIRING_MANAGER, D(2025, 1, 21)),
        (K.FINAL_LOOP, D(2025, 2, 10)),
    ],
    [(Outcome.REJECTION, D(2025, 2, 20), None, True)],
)
A2 = facts(  # opens straight with the hiring manager
    2,
    Source.REFERRAL,
    D(2025, 2, 1),
    [(K.HIRING_MANAGER, D(2025, 2, 5)), (K.FINAL_LOOP, D(2025, 2, 25))],
    [(Outcome.OFFER, D(2025, 3, 5), OfferResponse.ACCEPTED, True)],
)
A3 = facts(
    3, Source.REFERRAL, D(2025, 3, 1), [], [(Outcome.NO_RESPONSE, D(2025, 4, 1), None, True)]
)
A4 = facts(4, Source.CAREERS_PAGE, D(2025, 3, 10), [(K.SCREEN, D(2025, 3, 20))])
A5 = facts(  # an offer with no rounds recorded
    5,
    Source.RECRUITER_OUTREACH,
    D(2025, 4, 1),
    [],
    [(Outcome.OFFER, D(2025, 4, 15), OfferResponse.DECLINED, True)],
)
A6 = facts(  # rejected, reopened, and running again
    6,
    Source.LINKEDIN,
    D(2025, 4, 2),
    [(K.SCREEN, D(2025, 4, 4)), (K.FINAL_LOOP, D(2025, 4, 30)), (K.TECHNICAL, D(2025, 5, 20))],
    [(Outcome.REJECTION, D(2025, 5, 10), None, False)],
)
ALL = [A1, A2, A3, A4, A5, A6]


def test_statuses():
    assert [f.status for f in ALL] == [
        Status.REJECTED,
        Status.ACCEPTED,
        Status.NO_RESPONSE,
        Status.SCREENING,
        Status.DECLINED,
        Status.INTERVIEWING,
    ]


def test_stage_dates():
    assert A1.stages == StageDates(
        applied=D(2025, 1, 1),
        screen=D(2025, 1, 11),
        interviews=D(2025, 1, 21),
        final=D(2025, 2, 10),
        offer=None,
        decision=D(2025, 2, 20),
    )
    # Any first round counts as the screen stage; a hiring manager round is also "interviews".
    assert A2.stages == StageDates(
        D(2025, 2, 1), D(2025, 2, 5), D(2025, 2, 5), D(2025, 2, 25), D(2025, 3, 5), D(2025, 3, 5)
    )
    assert A3.stages == StageDates(D(2025, 3, 1), None, None, None, None, D(2025, 4, 1))
    # A reopened decision is no longer the decision date.
    assert A6.stages == StageDates(
        D(2025, 4, 2), D(2025, 4, 4), D(2025, 4, 30), D(2025, 4, 30), None, None
    )


def test_stage_dates_use_the_earliest_round_even_out_of_order():
    out_of_order = facts(
        7, Source.OTHER, D(2025, 1, 1), [(K.FINAL_LOOP, D(2025, 3, 1)), (K.SCREEN, D(2025, 2, 1))]
    )
    stages = out_of_order.stages
    assert (stages.screen, stages.interviews, stages.final) == (
        D(2025, 2, 1),
        D(2025, 3, 1),
        D(2025, 3, 1),
    )


def test_funnel_counts_only_the_stages_recorded():
    steps = funnel(ALL)
    assert [(s.stage, s.label, s.count) for s in steps] == [
        ("applied", "Applications", 6),
        ("screen", "First rounds", 4),  # A1, A2, A4, A6; not A5, whose offer came with no round
        ("interviews", "Interviews", 3),  # A1, A2, A6: a round past the screen
        ("final", "Final rounds", 3),  # A1, A2, A6
        ("offer", "Offers", 2),  # A2, A5
    ]
    assert steps[0].conversion is None
    assert steps[1].conversion == pytest.approx(4 / 6)
    assert steps[2].conversion == pytest.approx(3 / 4)
    assert steps[3].conversion == pytest.approx(1)
    # Of the 3 final rounds, 1 (A2) led to an offer; A5's offer skipped the final round, so
    # the final rounds are not the base the offers came through: no conversion is true.
    assert steps[4].conversion is None
    assert [s.conversion_text for s in steps] == ["", "67%", "75%", "100%", "—"]
    assert [s.unrecorded for s in steps] == [0, 0, 0, 0, 1]
    assert funnel_note(steps) == (
        "1 offer came without a final round on record: the funnel counts only the stages recorded."
    )


def test_the_stage_left_out_takes_the_article_it_is_said_with():
    steps = [
        FunnelStep("interviews", "Interviews", 1, None),
        FunnelStep("final", "Final rounds", 2, None, unrecorded=1),
    ]
    assert funnel_note(steps) == (
        "1 final round came without an interview on record: "
        "the funnel counts only the stages recorded."
    )


def test_an_offer_straight_after_applying_is_no_screen_and_no_final_round():
    steps = funnel([A4, A5])
    assert [s.count for s in steps] == [2, 1, 0, 0, 1]
    assert [s.conversion for s in steps] == [None, 0.5, 0.0, None, None]
    # The offer skipped the final round: "—", not "0%" beside one offer.
    assert steps[4].conversion_text == "—"
    assert funnel_note(funnel([A1, A2])) is None


def test_funnel_of_nothing_has_no_conversions():
    steps = funnel([])
    assert [s.count for s in steps] == [0, 0, 0, 0, 0]
    assert [s.conversion for s in steps] == [None, None, None, None, None]


def test_funnel_stops_converting_after_an_empty_stage():
    steps = funnel([A3])
    assert [s.count for s in steps] == [1, 0, 0, 0, 0]
    assert [s.conversion for s in steps] == [None, 0.0, None, None, None]


def test_stage_gap_medians():
    gaps = {(g.start, g.end): g for g in stage_gaps(ALL)}
    # applied -> screen: A1 10, A2 4, A4 10, A6 2 days -> median of 2, 4, 10, 10 is 7.
    assert gaps[("applied", "screen")].median_days == 7
    assert gaps[("applied", "screen")].samples == 4
    # screen -> final: A1 30, A2 20, A6 26 -> 26.
    assert gaps[("screen", "final")].median_days == 26
    assert gaps[("screen", "final")].samples == 3
    # final -> decision: A1 10, A2 8 (2025-02-25 to 03-05); A6 has no decision in force.
    assert gaps[("final", "decision")].median_days == 9
    assert gaps[("final", "decision")].samples == 2
    assert list(gaps) == [("applied", "screen"), ("screen", "final"), ("final", "decision")]


def test_stage_gaps_without_samples():
    gaps = stage_gaps([A3])
    assert [(g.median_days, g.samples) for g in gaps] == [(None, 0), (None, 0), (None, 0)]


def _imported(ident, applied, *later):
    """An application whose sheet stage (an OA, then a final) is dated the day applied."""
    inferred = [
        RoundFact(K.ASSESSMENT, applied, day_inferred=True),
        RoundFact(K.FINAL_LOOP, applied, day_inferred=True),
    ]
    return ApplicationFacts(
        id=ident, company="Sky", role_title="Graduate", source=Source.JOB_BOARD,
        applied_on=applied, rounds=[*inferred, *(RoundFact(k, d) for k, d in later)],
        decisions=[DecisionFact(Outcome.REJECTION, D(2025, 3, 20), None, True)],
    )  # fmt: skip


def test_rounds_dated_only_by_an_import_are_left_out_of_the_days_between_stages():
    imported = _imported(7, D(2025, 3, 1))
    gaps = {(g.start, g.end): g for g in stage_gaps([*ALL, imported])}
    # The same medians and samples as without it: its 0 days are not counted...
    assert [(g.median_days, g.samples) for g in gaps.values()] == [(7, 4), (26, 3), (9, 2)]
    # ...but said as left out, in every gap its stand-in days meet.
    assert [g.left_out for g in gaps.values()] == [1, 1, 1]
    stats = pipeline_stats([*ALL, imported, _imported(8, D(2025, 3, 2))])
    assert stats.gaps_left_out == 2
    assert pipeline_stats(ALL).gaps_left_out == 0
    # Its rounds still count where a day is not needed: the funnel's final stage.
    assert imported.stages.final == D(2025, 3, 1)


def test_a_round_given_its_real_day_counts_where_it_meets_another_real_day():
    # The final loop was given its day; the OA still stands on the day applied.
    redated = ApplicationFacts(
        id=9, company="Sky", role_title="Graduate", source=Source.JOB_BOARD,
        applied_on=D(2025, 3, 1),
        rounds=[RoundFact(K.ASSESSMENT, D(2025, 3, 1), day_inferred=True),
                RoundFact(K.FINAL_LOOP, D(2025, 3, 15))],
        decisions=[DecisionFact(Outcome.REJECTION, D(2025, 3, 20), None, True)],
    )  # fmt: skip
    assert redated.inferred_stages == {"screen"}
    gaps = stage_gaps([redated])
    assert [(g.median_days, g.samples, g.left_out) for g in gaps] == [
        (None, 0, 1),
        (None, 0, 1),
        (5, 1, 0),
    ]


def test_the_note_says_how_many_were_left_out_and_how_to_count_them():
    assert gaps_left_out_note(1).startswith(
        "Left out of the median days: 1 application whose round came from a spreadsheet's"
    )
    note = gaps_left_out_note(3)
    assert "3 applications whose rounds came from" in note
    assert "nextround round edit APP N --on DATE" in note


def test_outcomes_by_source():
    rows = outcomes_by_source(ALL)
    assert [(r.source, r.applications, r.offers, r.by_status) for r in rows] == [
        (Source.LINKEDIN, 2, 0, {"rejected": 1, "interviewing": 1}),
        (Source.REFERRAL, 2, 1, {"accepted": 1, "no_response": 1}),
        (Source.CAREERS_PAGE, 1, 0, {"screening": 1}),
        (Source.RECRUITER_OUTREACH, 1, 1, {"declined": 1}),
    ]


def test_pipeline_stats_puts_it_together():
    result = pipeline_stats(ALL)
    assert result.funnel == funnel(ALL)
    assert result.stage_gaps == stage_gaps(ALL)
    assert result.by_source == outcomes_by_source(ALL)
    assert result.by_status == {
        "rejected": 1,
        "accepted": 1,
        "no_response": 1,
        "screening": 1,
        "declined": 1,
        "interviewing": 1,
    }


def test_facts_of_an_aggregate_match_the_aggregate():
    app = Application("Tempoline", "TPM", D(2025, 4, 2), source=Source.LINKEDIN, tags=["tpm"])
    app.id = 6
    app.add_round(Round("Screen", K.SCREEN, D(2025, 4, 4)))
    app.add_round(Round("Loop", K.FINAL_LOOP, D(2025, 4, 30)))
    app.decide(Decision(Outcome.REJECTION, D(2025, 5, 10)))
    app.reopen(D(2025, 5, 12))
    app.add_round(Round("Tech", K.TECHNICAL, D(2025, 5, 20)))
    fact = ApplicationFacts.of(app)
    assert fact.status is app.status is Status.INTERVIEWING
    assert [(r.kind, r.started_on) for r in fact.rounds] == [
        (r.kind, r.started_on) for r in A6.rounds
    ]
    # The rejection closed the rounds before it; the round after the reopening is pending.
    assert [r.outcome for r in fact.rounds] == [
        RoundOutcome.PASSED,
        RoundOutcome.REJECTED,
        RoundOutcome.PENDING,
    ]
    assert fact.decisions == A6.decisions
    assert fact.stages == A6.stages
    assert fact.tags == ["tpm"]


def test_a_panel_interview_is_a_final_round_and_a_job_board_a_source_of_its_own():
    # QA10 F9: the NHS and the public sector decide at a panel, as tech does at a final loop.
    nhs = facts(
        9,
        Source.JOB_BOARD,
        D(2026, 9, 1),
        [(K.SCREEN, D(2026, 9, 20)), (K.PANEL, D(2026, 10, 14))],
    )
    assert nhs.status is Status.FINAL_ROUND
    assert nhs.stages.final == D(2026, 10, 14)
    assert [s.count for s in funnel([nhs])] == [1, 1, 1, 1, 0]
    [row] = outcomes_by_source([nhs])
    assert (row.source, row.applications, row.by_status) == (
        Source.JOB_BOARD,
        1,
        {"final_round": 1},
    )


def test_a_presentation_is_an_interview_stage_not_the_final_round():
    # QA12 F8: a portfolio review comes before the panel that decides.
    design = facts(
        10,
        Source.JOB_BOARD,
        D(2026, 9, 1),
        [(K.SCREEN, D(2026, 9, 10)), (K.PRESENTATION, D(2026, 9, 28))],
    )
    assert design.status is Status.INTERVIEWING
    assert (design.stages.interviews, design.stages.final) == (D(2026, 9, 28), None)


def test_an_online_assessment_is_a_screen_and_the_first_interview_comes_after_it():
    # QA13 F8: Stripe's OA on 11 Oct is the screen; the technical screen on 2 Nov is the
    # first interview, the onsite the final round.
    stripe = facts(
        1,
        Source.CAREERS_PAGE,
        D(2026, 10, 1),
        [
            (K.ASSESSMENT, D(2026, 10, 11)),
            (K.SCREEN, D(2026, 10, 21)),
            (K.TECHNICAL, D(2026, 11, 2)),
            (K.FINAL_LOOP, D(2026, 11, 11)),
        ],
    )
    assert (stripe.stages.screen, stripe.stages.interviews, stripe.stages.final) == (
        D(2026, 10, 11),
        D(2026, 11, 2),
        D(2026, 11, 11),
    )
    # Only the OA so far: screening, not interviewing, and no interview on record.
    datadog = facts(2, Source.CAREERS_PAGE, D(2026, 10, 2), [(K.ASSESSMENT, D(2026, 10, 9))])
    assert datadog.status is Status.SCREENING
    assert (datadog.stages.screen, datadog.stages.interviews) == (D(2026, 10, 9), None)


def test_the_screen_stage_is_the_first_round_of_any_kind_and_the_rule_says_so():
    # An application with only its online assessment reached the screen stage, counted
    # from the OA's day; so did one that opened with the hiring manager.
    from nextround.domain.pipeline import SCREEN_STAGE_RULE

    oa = facts(1, Source.CAREERS_PAGE, D(2026, 10, 2), [(K.ASSESSMENT, D(2026, 10, 9))])
    manager = facts(2, Source.REFERRAL, D(2026, 10, 1), [(K.HIRING_MANAGER, D(2026, 10, 5))])
    assert [s.count for s in funnel([oa, manager])] == [2, 2, 1, 0, 0]
    [to_screen, *_] = stage_gaps([oa, manager])
    assert (to_screen.median_days, to_screen.samples) == (5.5, 2)
    assert "online assessment" in SCREEN_STAGE_RULE and "first round" in SCREEN_STAGE_RULE
    # QA21 F12: said in the user's words, with no export column's name in it.
    assert SCREEN_STAGE_RULE.startswith("First rounds counts")
    assert "_on" not in SCREEN_STAGE_RULE and "CSV" not in SCREEN_STAGE_RULE


def test_an_assessment_centre_is_the_first_interview_and_the_final_round():
    # QA17 F4: a graduate scheme's assessment centre, after its online test, is where the
    # scheme decides: an interview stage and the final round, never a screen.
    bae = facts(
        1,
        Source.JOB_BOARD,
        D(2026, 9, 1),
        [(K.ASSESSMENT, D(2026, 9, 20)), (K.ASSESSMENT_CENTRE, D(2026, 10, 14))],
    )
    assert bae.status is Status.FINAL_ROUND
    assert (bae.stages.screen, bae.stages.interviews, bae.stages.final) == (
        D(2026, 9, 20),
        D(2026, 10, 14),
        D(2026, 10, 14),
    )
    # A partner interview after it: the process is interviewing again, the final round stays.
    barclays = facts(
        2,
        Source.CAREERS_PAGE,
        D(2026, 9, 2),
        [(K.ASSESSMENT_CENTRE, D(2026, 10, 1)), (K.HIRING_MANAGER, D(2026, 10, 8))],
    )
    assert barclays.status is Status.INTERVIEWING
    assert barclays.stages.final == D(2026, 10, 1)


def test_a_decision_whose_day_is_not_known_dates_no_stage_but_still_counts():
    # QA21 F9: a sheet's undated "ghosted" (and an undated offer) keeps the day applied only
    # as a stand-in: no decision day, no days to it, the offer still in the funnel.
    final = [RoundFact(K.FINAL_LOOP, D(2025, 3, 10))]
    ghosted = ApplicationFacts(
        id=1, company="Lloyds", role_title="Lead DS", source=Source.CAREERS_PAGE,
        applied_on=D(2025, 3, 1), rounds=final,
        decisions=[DecisionFact(Outcome.NO_RESPONSE, D(2025, 3, 10), None, True,
                                day_known=False)],
    )  # fmt: skip
    offered = ApplicationFacts(
        id=2, company="Monzo", role_title="Staff DS", source=Source.REFERRAL,
        applied_on=D(2025, 3, 1), rounds=final,
        decisions=[DecisionFact(Outcome.OFFER, D(2025, 3, 10), OfferResponse.PENDING, True,
                                day_known=False)],
    )  # fmt: skip
    assert ghosted.stages.decision is None and offered.stages.decision is None
    assert (offered.stages.offer, offered.offer_day) == (D(2025, 3, 10), None)
    assert [s.count for s in funnel([ghosted, offered])][-1] == 1
    final_to_decision = stage_gaps([*ALL, ghosted, offered])[-1]
    assert (final_to_decision.median_days, final_to_decision.samples) == (9, 2)
    assert A2.offer_day == D(2025, 3, 5)


@pytest.mark.parametrize("skipped", [1, 2])
def test_every_stage_left_out_is_counted_in_words_that_agree(skipped):
    from nextround.domain.pipeline import FUNNEL_STAGES, STAGE_ONE

    assert set(STAGE_ONE) == {stage for stage, _ in FUNNEL_STAGES}
    for (before, before_label), (stage, label) in pairwise(FUNNEL_STAGES):
        steps = [
            FunnelStep(before, before_label, 1, None),
            FunnelStep(stage, label, 3, None, unrecorded=skipped),
        ]
        what = STAGE_ONE[stage] if skipped == 1 else label.lower()
        article = "an" if STAGE_ONE[before][0] in "aeiou" else "a"
        assert funnel_note(steps) == (
            f"{skipped} {what} came without {article} {STAGE_ONE[before]} on record: "
            "the funnel counts only the stages recorded."
        )
    # One and many name the same stage.
    assert [STAGE_ONE[stage] + "s" for stage, _ in FUNNEL_STAGES] == [
        label.lower() for _, label in FUNNEL_STAGES
    ]
