"""A note's people once each, its news thanked to the teller, its moments and its hints."""

from __future__ import annotations

import pytest

from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.domain.note_drafts import draft_thank_you
from nextround.domain.note_facts import Learning, Moment, MomentKind, NoteFacts
from nextround.domain.note_gaps import moment_origin, why_no_learning, why_no_moment
from nextround.domain.note_moments import shown_topics, topics
from nextround.domain.notes import Recipient, Tone, distinct_recipients

ANA = Recipient("Anouk Brightwater", "anouk@x.test", 1)
LEE = Recipient("Leander Okoro", None, 2)


def facts(**changes) -> NoteFacts:
    base = {
        "company": "Fennimore",
        "role_title": "TPM",
        "tone": Tone.AFTER_REJECTION,
        "recipients": (ANA, LEE),
        "round_name": "Final loop",
    }
    base.update(changes)
    return NoteFacts(**base)


def gap(author: str | None, polarity: Polarity = Polarity.GAP) -> Learning:
    return Learning(
        "risk management", polarity, ("risk-management",), 1, author, FeedbackSource.RECRUITER, True
    )


def test_a_person_is_kept_once_by_name_in_any_case_or_by_address():
    twice = Recipient("anouk  BRIGHTWATER", None, 3)
    same_address = Recipient("A. Brightwater", "ANOUK@x.test", 4)
    assert distinct_recipients([ANA, LEE, twice, same_address]) == [ANA, LEE]


def test_two_people_of_one_name_with_different_addresses_are_two_people():
    other = Recipient("Anouk Brightwater", "anouk@elsewhere.test", 5)
    assert distinct_recipients([ANA, other]) == [ANA, other]


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        (frozenset(), "Thank you for all the time you gave me in the TPM process at Fennimore."),
        (
            frozenset({"anouk brightwater"}),
            "Thank you for all the time you gave me in the TPM process at Fennimore, and to "
            "Anouk for letting me know the outcome.",
        ),
        (
            frozenset({"anouk brightwater", "leander okoro"}),
            "Thank you for letting me know the outcome, and for all the time you gave me in "
            "the TPM process at Fennimore.",
        ),
    ],
)
def test_only_the_teller_is_thanked_for_the_news(told, expected):
    body = draft_thank_you(facts(outcome_told_by=told))[1].body
    assert expected in body
    assert body.count("letting me know the outcome") == (1 if told else 0)


@pytest.mark.parametrize(
    ("went_well", "found"),
    [
        ("Wave plan landed well.", ["the wave plan"]),
        ("Clear swimlanes; my risk register worked really well.", ["my risk register"]),
        ("The KPI tree resonated, and Bram's cost model was well received.",
         ["the KPI tree", "Bram's cost model"]),
        ("Fennimore roadmap went down well", ["the Fennimore roadmap"]),
        ("The interview went well. I went well over time. Sam and I clicked.", []),
        ("Good rapport with Sam.", []),
    ],
)  # fmt: skip
def test_what_went_well_names_the_moment(went_well, found):
    assert topics(went_well, frozenset({"Fennimore"})) == found


@pytest.mark.parametrize(
    ("went_well", "found"),
    [
        # QA20 F4: a thing the person walked someone through is the moment, and the
        # relative clause after it is not.
        ("Walked Dana through the parents' evening booking journey map I made as a teacher",
         ["the parents' evening booking journey map"]),
        ("Took the panel through my discovery plan for the benefits service.",
         ["my discovery plan for the benefits service"]),
        ("Showed them my service blueprint and they liked it", ["my service blueprint"]),
        ("Presented the survey redesign to Dana and Leon", ["the survey redesign"]),
        ("Presented the findings clearly and answered follow-ups", ["the findings"]),
        # Nothing shown, or only what every interview has: no moment.
        ("Showed that I could handle pressure", []),
        ("Presented well overall", []),
        ("Presented a clear case", []),
        ("Shared my screen and ran through the usual questions", []),
        ("Took them through it", []),
    ],
)  # fmt: skip
def test_what_the_person_showed_names_the_moment(went_well, found):
    assert topics(went_well, frozenset({"Dana"})) == found


@pytest.mark.parametrize(
    ("went_well", "shown"),
    [
        ("Walked Dana through my journey map", ["my journey map"]),
        ("Presented my dashboard to the panel", ["my dashboard"]),
        ("Took them through the discovery plan", ["the discovery plan"]),
        # Talked about, or a story told: a conversation, not a thing shown.
        ("Dana dug into my journey map", []),
        ("Walked her through my platform migration story", []),
        ("The KPI tree resonated", []),
    ],
)
def test_a_thing_shown_or_presented_is_told_from_a_topic_talked_about(went_well, shown):
    assert shown_topics(went_well, frozenset({"Dana"})) == shown
    assert set(shown) <= set(topics(went_well, frozenset({"Dana"})))


def test_a_shown_thing_is_recalled_as_showing_it_not_as_a_conversation():
    moments = (
        Moment(MomentKind.TOPIC, topics("Walked Dana through my journey map")[0], 3,
               "Hiring manager chat", (LEE.name,), shown=True),
    )  # fmt: skip
    bodies = [d.body for d in draft_thank_you(facts(moments=moments, recipients=(LEE,)))]
    assert "I especially enjoyed walking you through my journey map." in bodies[0]
    assert "I am glad I had the chance to show you my journey map." in bodies[1]
    assert "Walking you through my journey map was a highlight for me." in bodies[2]
    assert not any("conversation about my journey map" in body for body in bodies)


def test_a_shown_thing_is_presented_in_a_note_to_several_readers():
    # "You" would be each reader, and not each of them sat in the room.
    moments = (Moment(MomentKind.TOPIC, "my dashboard", 3, "Panel", (LEE.name,), shown=True),)
    bodies = [d.body for d in draft_thank_you(facts(moments=moments, recipients=(ANA, LEE)))]
    assert "I especially enjoyed presenting my dashboard" in bodies[0]
    assert not any("walking you through" in body for body in bodies)


def test_a_title_is_no_second_moment_once_the_debrief_named_one():
    moments = (
        Moment(MomentKind.TOPIC, "the wave plan", 3, "Pallet flow review", (LEE.name,)),
        Moment(MomentKind.SESSION, "Pallet flow review", 3, "Pallet flow review", (LEE.name,)),
    )
    drafts = draft_thank_you(facts(moments=moments, recipients=(LEE,)))
    assert {d.moment.text for d in drafts if d.moment} == {"the wave plan"}
    assert moment_origin(moments[0]) == "what went well in “Pallet flow review”"


def test_the_learning_hint_says_what_is_missing():
    assert why_no_learning(facts()).text == (
        "no confirmed feedback on this application names a competency"
    )
    waiting = why_no_learning(facts(feedback_to_review=2))
    assert waiting.text == (
        "2 pieces of feedback still wait for your review; confirm their statements to add one"
    )
    assert waiting.for_cli().endswith("; `nextround feedback review` goes through them")
    assert why_no_learning(facts(learnings=(gap(None, Polarity.NEUTRAL),))).text == (
        "the statements you confirmed name neither a strength nor a gap"
    )
    two = (gap("Maya Lind"), gap("Ravi Sen"))
    absent = why_no_learning(facts(learnings=two))
    assert absent.text.startswith(
        "the confirmed feedback came from Maya Lind and Ravi Sen, who are not among the recipients"
    )
    # Each surface its own remedy: the CLI's options, the web's form field.
    assert absent.for_cli().endswith('; to include it, add --to "Maya Lind" --to "Ravi Sen"')
    assert "“To”" not in absent.for_cli()
    assert absent.for_web().endswith("; add Maya Lind and Ravi Sen under “To” to include it")
    assert why_no_learning(facts(), dropped=True).text == (
        "left out to keep the note within its word limit"
    )


def test_the_moment_hint_says_what_is_missing():
    assert why_no_moment(facts(round_name=None)).text == "no round has started yet"
    ahead = facts(round_position=2, round_interviews=1)
    assert why_no_moment(ahead).text == "no interview of round 2 has taken place yet"
    title_only = (Moment(MomentKind.SESSION, "Chat", 3, "Chat", (LEE.name,)),)
    assert why_no_moment(facts(moments=title_only)).text.startswith(
        "“Chat”, where the recipients were, has no debrief yet"
    )
    assert (
        why_no_moment(facts(moments=title_only))
        .for_cli()
        .endswith('`nextround debrief 3 --went-well "We talked about …"`')
    )
    elsewhere = (Moment(MomentKind.TOPIC, "the plan", 3, "Deep dive", ("Zed Quill",)),)
    assert why_no_moment(facts(moments=elsewhere)).text.startswith(
        "Anouk Brightwater and Leander Okoro sat in none of the interviews on record"
    )


def test_a_round_with_no_interview_on_record_says_so_not_that_none_took_place():
    missing = why_no_moment(facts(application_id=4, round_position=1))
    assert missing.text == "round 1 has no interviews on record"
    assert "`nextround interview add 4 TITLE --round 1 --with NAME`" in missing.for_cli()
    assert "nextround" not in missing.for_web()


@pytest.mark.parametrize(
    ("went_well", "said"),
    [
        ("Good rapport", "its “went well” (“Good rapport”) is too short to quote"),
        (None, "its “went well” is empty"),
        ("We had a long and pleasant exchange overall, I think", "names no topic"),
    ],
)
def test_a_debrief_that_exists_is_not_called_missing(went_well, said):
    session = Moment(
        MomentKind.SESSION, "Chat", 2, "Chat", (LEE.name,), debriefed=True, went_well=went_well
    )
    missing = why_no_moment(facts(moments=(session,), tone=Tone.AFTER_INTERVIEW))
    assert "no debrief" not in missing.text and said in missing.text
    assert missing.text.startswith("“Chat”, where the recipients were, has a debrief, but ")
    assert missing.for_cli().endswith(
        '`nextround debrief 2 --replace --went-well "We talked about …"` (the rest of the '
        "debrief is kept)"
    )
    assert "“What went well”" in missing.for_web()


def test_after_a_rejection_the_session_that_went_badly_is_not_recalled():
    bad = Moment(MomentKind.SESSION, "Risk deep-dive", 5, "Risk deep-dive", (LEE.name,),
                 overall=2, debriefed=True, went_badly=True)  # fmt: skip
    good = Moment(MomentKind.SESSION, "Stakeholder map review", 6, "Stakeholder map review",
                  (LEE.name,), overall=4, debriefed=True)  # fmt: skip
    alone = draft_thank_you(facts(moments=(bad,), recipients=(LEE,)))
    assert all(d.moment is None and "deep-dive" not in d.body for d in alone)
    assert alone[0].missing_moment is not None
    assert alone[0].missing_moment.text.startswith("“Risk deep-dive”, where the recipients were, "
                                                   "went badly by your debrief")  # fmt: skip
    both = draft_thank_you(facts(moments=(bad, good), recipients=(LEE,)))
    assert {d.moment.text for d in both if d.moment} == {"Stakeholder map review"}
    # After an interview, the person's own call: a title is still a moment, good ones first.
    after = draft_thank_you(
        facts(moments=(bad, good), recipients=(LEE,), tone=Tone.AFTER_INTERVIEW)
    )
    assert after[0].moment is not None and after[0].moment.text == "Stakeholder map review"


def test_a_draft_without_a_learning_carries_its_hint():
    drafts = draft_thank_you(facts(learnings=(gap("Maya Lind"),)))
    assert all(d.learning is None for d in drafts)
    assert all(d.missing_learning and "Maya Lind" in d.missing_learning.text for d in drafts)
    with_her = draft_thank_you(facts(learnings=(gap("Anouk Brightwater"),), recipients=(ANA,)))
    assert all(d.learning is not None and d.missing_learning is None for d in with_her)
