"""Thank-you drafts: only facts from the record, short, and three variants that really differ."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations

import pytest

from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import OfferResponse, Status
from nextround.domain.note_drafts import draft_thank_you
from nextround.domain.note_facts import Learning, Moment, MomentKind, NoteFacts, rank_moments
from nextround.domain.note_moments import is_stock_question, lower_first, topics
from nextround.domain.notes import Recipient, Tone, count_words, default_tone
from nextround.errors import DomainError

# The words the templates themselves may capitalise: sentence openers, greetings, sign-offs.
TEMPLATE_WORDS = {
    "Dear", "Hi", "Hello", "Thank", "Thanks", "I", "It", "Although", "What", "If", "Please",
    "Best", "Warm", "The", "One", "Your", "Our", "Hearing", "Declining", "Withdrawing",
    "Looking", "See", "Following", "My", "Saying", "All", "Checking", "After", "Talking",
}  # fmt: skip

MAYA = Recipient("Qxmaya Vlorpt", "q@example.test", 1)
JONAS = Recipient("Zebjonas Krull", None, 2)


def facts(**changes) -> NoteFacts:
    base = {
        "company": "Frobnitz Audio",
        "role_title": "Staff Widget Wrangler",
        "tone": Tone.AFTER_REJECTION,
        "recipients": (MAYA, JONAS),
        "round_name": "Final loop",
        "moments": (
            Moment(MomentKind.TOPIC, "the Plonkville crate rollout", 3, "Execution deep dive",
                   ("Zebjonas Krull",), ("planning-execution",), 4),
            Moment(MomentKind.QUESTION, "What are the top risks in the Wuzzle flow?", 4,
                   "Whiteboard", ("Yorick Pashley", "Zebjonas Krull"), ("risk-management",), 2),
            Moment(MomentKind.SESSION, "Wuzzle flow whiteboard", 4, "Wuzzle flow whiteboard",
                   ("Yorick Pashley", "Zebjonas Krull")),
        ),
        "learnings": (
            Learning("risk management", Polarity.GAP, ("risk-management",), 7, "Qxmaya Vlorpt",
                     FeedbackSource.RECRUITER, True, 1.0),
            Learning("communication", Polarity.STRENGTH, ("communication",), 8, None,
                     FeedbackSource.RECRUITER, True, 1.0),
        ),
        "sender": "Nerys Oakhollow",
        "proper_names": frozenset({"Frobnitz", "Audio", "Qxmaya", "Vlorpt", "Zebjonas", "Krull"}),
    }  # fmt: skip
    base.update(changes)
    return NoteFacts(**base)


def record_words(f: NoteFacts) -> set[str]:
    """Every word any fact contains: what a draft may capitalise beyond its own template."""
    texts = [f.company, f.role_title, f.round_name or "", f.sender or ""]
    texts += [r.name for r in f.recipients]
    texts += [m.text for m in f.moments] + [lg.phrase for lg in f.learnings]
    return {w for t in texts for w in re.findall(r"[\w'’-]+", t)}


def invented(body: str, f: NoteFacts) -> set[str]:
    """Capitalised words that neither the record nor the template vocabulary explains."""
    allowed = record_words(f) | TEMPLATE_WORDS
    # "Qxmaya's candid feedback": a recipient's name in the possessive is still her name.
    words = (w.removesuffix("'s") for w in re.findall(r"\b[A-Z][\w'’-]*", body))
    return {w for w in words if w not in allowed}


ALL_TONES = list(Tone)
RESPONSES = [None, OfferResponse.PENDING, OfferResponse.ACCEPTED, OfferResponse.DECLINED]


@pytest.mark.parametrize("tone", ALL_TONES)
@pytest.mark.parametrize("response", RESPONSES)
def test_every_capitalised_word_comes_from_the_record_or_the_template(tone, response):
    f = facts(tone=tone, offer_response=response)
    for draft in draft_thank_you(f):
        assert not invented(draft.body + "\n" + draft.subject, f), draft.body


def test_a_sparse_record_still_drafts_without_making_anything_up():
    f = facts(moments=(), learnings=(), round_name=None, sender=None, recipients=(JONAS,))
    for draft in draft_thank_you(f):
        assert draft.moment is None and draft.learning is None
        assert not invented(draft.body, f)
        assert "Zebjonas" in draft.body
        # QA10 F9: a closing with no name under it went out unsigned; a blank to fill in
        # is seen, and it invents no name.
        closing, signed = draft.body.rsplit("\n", 2)[-2:]
        assert closing.endswith(",") and signed == "[Your name]"


def test_the_drafts_use_the_moment_and_the_learning_verbatim():
    f = facts()
    classic, moment_first, brief = draft_thank_you(f)
    assert "the Plonkville crate rollout" in classic.body
    assert "risk management" in classic.body and classic.learning.statement_id == 7
    # Variant 2 picks a different moment: the question on what the feedback named.
    assert moment_first.moment.kind is MomentKind.QUESTION
    assert "“What are the top risks in the Wuzzle flow?”" in moment_first.body
    assert brief.moment == classic.moment
    assert classic.body.startswith("Dear Qxmaya and Zebjonas,")
    assert classic.body.endswith("Best regards,\nNerys Oakhollow")
    assert moment_first.body.endswith("Warm wishes,\nNerys")


def sentences(text: str) -> list[str]:
    body = text.split("\n\n", 1)[1].rsplit("\n\n", 1)[0]
    return [s.strip() for s in re.split(r"(?<=[.?!”])\s+", body) if s.strip()]


@pytest.mark.parametrize("tone", ALL_TONES)
def test_the_three_variants_really_differ(tone):
    drafts = draft_thank_you(facts(tone=tone, offer_response=OfferResponse.DECLINED))
    assert len({d.subject for d in drafts}) == 3
    assert len({d.body.split("\n", 1)[0] for d in drafts}) == 3  # three greetings
    assert len({sentences(d.body)[0] for d in drafts}) == 3  # three different openings
    assert len({d.body.count("\n\n") for d in drafts}) >= 2  # paragraphing differs
    for a, b in combinations(drafts, 2):
        shared = set(sentences(a.body)) & set(sentences(b.body))
        assert not shared, shared  # no sentence is reused word for word
    assert drafts[2].words < min(drafts[0].words, drafts[1].words)  # the brief one is brief


def test_at_most_150_words_by_default_and_optional_sentences_give_way():
    long_names = tuple(
        Recipient(f"Person{i} Withaverylongfamilyname{i}", None, i) for i in range(6)
    )
    f = facts(recipients=long_names, role_title="Principal " + "Programme " * 20 + "Manager")
    for draft in draft_thank_you(f):
        assert draft.words <= 150, draft.body
    short = draft_thank_you(facts(), limit=60)
    assert all(d.words <= 60 for d in short)
    assert "clear focus" not in short[0].body  # the first sentence to go


def test_a_word_limit_below_forty_is_refused():
    with pytest.raises(DomainError, match="at least 40"):
        draft_thank_you(facts(), limit=20)


def test_learnings_follow_the_tone():
    rejection = draft_thank_you(facts(tone=Tone.AFTER_REJECTION))[0]
    offer = draft_thank_you(facts(tone=Tone.AFTER_OFFER))[0]
    assert rejection.learning.polarity is Polarity.GAP
    assert "candid feedback on risk management" in rejection.body
    assert offer.learning.polarity is Polarity.STRENGTH
    assert "my communication came across well" in offer.body


def test_neutral_statements_are_not_learnings():
    f = facts(learnings=(Learning("presenting", Polarity.NEUTRAL, ("presentation",)),))
    assert all(d.learning is None for d in draft_thank_you(f))


def test_a_recipient_who_was_in_the_room_gets_our_conversation():
    only_jonas = draft_thank_you(facts(recipients=(JONAS,)))
    assert "our conversation about the Plonkville crate rollout" in only_jonas[0].body
    only_yorick = facts(recipients=(Recipient("Yorick Pashley"),))
    # Yorick asked the question himself: it is "your question" to him.
    assert "I especially appreciated your question" in draft_thank_you(only_yorick)[0].body
    both = draft_thank_you(facts())
    assert "the conversation about the Plonkville crate rollout" in both[0].body


@pytest.mark.parametrize(
    "title",
    [
        "Screen with Zebjonas",
        "Call with Engineering Director",
        "Chat",
        "Intro call",
        "Hiring manager interview",
        "Behavioural with PMO lead",
    ],
)
def test_a_bland_session_title_is_never_quoted(title):
    call = Moment(MomentKind.SESSION, title, 5, title, (JONAS.name, MAYA.name))
    for recipients in ((JONAS,), (MAYA,), (MAYA, JONAS)):
        drafts = draft_thank_you(facts(recipients=recipients, moments=(call,)))
        assert all(d.moment is None and f"“{title}”" not in d.body for d in drafts)


@pytest.mark.parametrize("title", ["Process-flow whiteboard", "Warehouse rollout case"])
def test_a_session_title_naming_what_happened_may_be_recalled(title):
    session = Moment(MomentKind.SESSION, title, 5, title, (JONAS.name,))
    drafts = draft_thank_you(facts(recipients=(JONAS,), moments=(session,)))
    assert any(d.moment == session and f"“{title}”" in d.body for d in drafts)


def test_a_moment_from_an_interview_no_recipient_attended_is_never_used():
    # Yorick's question, in an interview neither Maya nor Jonas sat in, would be news to them.
    yorick = Moment(
        MomentKind.QUESTION,
        "What happens when the supplier is late?",
        9,
        "Process-flow whiteboard",
        ("Yorick Pashley",),
    )
    drafts = draft_thank_you(facts(moments=(yorick,)))
    assert all(d.moment is None and "supplier" not in d.body for d in drafts)
    assert "supplier" in draft_thank_you(facts(recipients=(Recipient("Yorick Pashley"),),
                                               moments=(yorick,)))[0].body  # fmt: skip


def test_a_moment_from_an_earlier_round_says_which_round():
    earlier = Moment(MomentKind.TOPIC, "the Plonkville crate rollout", 3, "Deep dive",
                     (JONAS.name,), (), 4, round_name="Hiring manager")  # fmt: skip
    classic, first, brief = draft_thank_you(facts(moments=(earlier,)))
    assert "right up to the final loop" in classic.body
    assert "the Plonkville crate rollout in the hiring manager round." in classic.body
    assert "in the hiring manager round" in first.body and "in the hiring manager round" in (
        brief.body
    )


def test_a_moment_from_the_notes_own_round_comes_first():
    earlier = Moment(MomentKind.TOPIC, "the Zorp migration", 3, "Deep dive", (JONAS.name,), (),
                     5, round_name="Hiring manager")  # fmt: skip
    now = Moment(MomentKind.QUESTION, "How would you cut scope on Wuzzle?", 4, "Loop",
                 (JONAS.name,), (), 3)  # fmt: skip
    assert draft_thank_you(facts(moments=(earlier, now)))[0].moment == now


@pytest.mark.parametrize(
    ("label", "said"),
    [
        ("Earlier", "the earlier round"),
        ("R2", "round 2"),
        ("round 2 - panel (video)", "round 2 (panel, video)"),
        ("Onsite #3", "onsite #3"),
        ("Technical round", "the technical round"),
        ("Final Round", "the Final Round"),
    ],
)
@pytest.mark.parametrize("tone", [Tone.AFTER_INTERVIEW, Tone.AFTER_REJECTION])
def test_the_round_the_person_labelled_reads_naturally_in_every_draft(label, said, tone):
    drafts = draft_thank_you(facts(round_name=label, tone=tone, moments=()))
    bodies = " ".join(d.body for d in drafts)
    assert said in bodies
    # Not the label pasted after "the", nor a noun said twice.
    assert not re.search(r"\bthe (?:R2|earlier\b(?! round)|round 2|onsite #3)", bodies, re.I)
    assert not re.search(r"\b(\w+) \1\b", bodies, re.I)
    if tone is Tone.AFTER_INTERVIEW:
        title = said.removeprefix("the ")
        assert drafts[0].subject == f"Thank you – {title[0].upper()}{title[1:]}, Frobnitz Audio"


@pytest.mark.parametrize("title", ["Wuzzle whiteboard session", "Supply chain interview"])
def test_an_interview_title_naming_its_kind_is_not_followed_by_session(title):
    quoted = Moment(MomentKind.SESSION, title, 5, title, (JONAS.name,))
    for draft in draft_thank_you(facts(moments=(quoted,))):
        assert f"“{title}”" in draft.body and "” session" not in draft.body
    plain = Moment(MomentKind.SESSION, "Wuzzle whiteboard", 5, "Wuzzle whiteboard", (JONAS.name,))
    body = draft_thank_you(facts(moments=(plain,)))[0].body
    assert "the “Wuzzle whiteboard” session" in body


def test_default_tone_follows_the_status():
    assert default_tone(Status.REJECTED) is Tone.AFTER_REJECTION
    assert default_tone(Status.DECLINED) is Tone.AFTER_OFFER
    assert default_tone(Status.WITHDRAWN) is Tone.AFTER_WITHDRAWAL
    assert default_tone(Status.INTERVIEWING) is Tone.AFTER_INTERVIEW
    # No response is not a rejection: the note checks in instead.
    assert default_tone(Status.NO_RESPONSE) is Tone.CHECK_IN


def test_count_words():
    assert count_words("Hi Maya — it went well: €6.8M, re-baselining!") == 7


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ("Jonas dug into the Tilburg DC automation programme and I had the numbers ready.",
         ["the Tilburg DC automation programme"]),
        ("The part about the WMS vendor contract was solid.", ["the WMS vendor contract"]),
        ("Good conversation on sequencing carriers by revenue vs. effort. I used a 2x2.",
         ["sequencing carriers by revenue vs. effort"]),
        ("She liked the Tilburg go-live plan and how I handled the works council.",
         ["the Tilburg go-live plan"]),
        ("He liked that I ran the stand-up.", []),
        # A story told is named by what it was about, not as "my … story" (QA7).
        ("Mei liked my platform migration story", ["the platform migration"]),
        ("Walked her through the SLA example.", ["the SLA"]),
        ("I froze.", []),
        (None, []),
    ],
)  # fmt: skip
def test_topics_are_lifted_verbatim_from_what_went_well(notes, expected):
    assert topics(notes) == expected


@pytest.mark.parametrize(
    ("round_name", "said"),
    [("Final loop", "the final loop"), ("Earlier", "the earlier round"), ("R2", "round 2"),
     ("Frobnitz panel", "the Frobnitz panel")],
)  # fmt: skip
def test_the_round_reads_naturally_in_the_note(round_name, said):
    classic = draft_thank_you(facts(round_name=round_name))[0]
    assert f"process at Frobnitz Audio, right up to {said}." in " ".join(classic.body.split())


def test_lower_first_keeps_names_and_acronyms():
    assert lower_first("Final loop", set()) == "final loop"
    assert lower_first("Tempoline panel", {"Tempoline"}) == "Tempoline panel"
    assert lower_first("SRE screen", set()) == "SRE screen"


def test_a_tone_that_would_speak_of_an_undecided_outcome_is_refused() -> None:
    from nextround.domain.journey import Status
    from nextround.domain.notes import Tone, fitting_tones, tone_problem

    assert fitting_tones(Status.INTERVIEWING) == [Tone.AFTER_INTERVIEW]
    assert Tone.AFTER_OFFER in fitting_tones(Status.DECLINED)
    assert fitting_tones(Status.NO_RESPONSE) == [Tone.CHECK_IN]
    closed = tone_problem(Tone.AFTER_INTERVIEW, Status.NO_RESPONSE) or ""
    assert "choose the check-in tone" in closed
    assert "check-in tone speaks of a process that went quiet" in (
        tone_problem(Tone.CHECK_IN, Status.INTERVIEWING) or ""
    )
    assert "speaks of a rejection" in (tone_problem(Tone.AFTER_REJECTION, Status.NO_RESPONSE) or "")
    problem = tone_problem(Tone.AFTER_OFFER, Status.FINAL_ROUND) or ""
    assert "the after-offer tone speaks of an offer, and the record holds none" in problem
    assert tone_problem(Tone.AFTER_INTERVIEW, Status.REJECTED) is None


def test_a_process_that_ended_with_no_response_gets_a_polite_check_in():
    f = facts(tone=Tone.CHECK_IN, moments=(), learnings=())
    bodies = [d.body for d in draft_thank_you(f)]
    assert "I wanted to follow up on the Staff Widget Wrangler role at Frobnitz Audio" in bodies[0]
    assert "I wanted to check in on the Staff Widget Wrangler role" in bodies[1]
    assert "any news on the role" in bodies[2]
    for body in bodies:
        assert "outcome" not in body and "next steps" not in body and "decision" not in body
        assert not invented(body, f)
    subjects = [d.subject for d in draft_thank_you(f)]
    assert subjects[0] == "Following up – Staff Widget Wrangler at Frobnitz Audio"


@pytest.mark.parametrize("tone", [Tone.CHECK_IN, Tone.AFTER_INTERVIEW])
def test_with_a_later_round_on_record_a_note_looks_forward_to_it(tone):
    """QA8 F7: "If the role is still open…" to someone already invited to the onsite."""
    f = facts(tone=tone, next_round="the virtual onsite")
    bodies = [d.body for d in draft_thank_you(f)]
    assert all("the virtual onsite" in body for body in bodies[:1] + bodies[2:])
    for body in bodies:
        assert "still open" not in body and "any news" not in body and "next steps" not in body
        assert not invented(body, f)


def test_a_check_in_is_its_own_tone_and_says_so():
    assert default_tone(Status.NO_RESPONSE) is Tone.CHECK_IN
    assert Tone.CHECK_IN.words == "check-in"
    assert Tone.AFTER_INTERVIEW.words == "after interview"
    # After an interview, a note still looks forward: only the check-in asks for news.
    after = [d.body for d in draft_thank_you(facts(tone=Tone.AFTER_INTERVIEW))]
    assert not any("any news on the role" in b or "still open" in b for b in after)
    assert "Looking forward to the next steps." in after[2]


def test_feedback_from_someone_else_is_never_thanked_for():
    claudia = Learning("planning and execution", Polarity.STRENGTH, ("planning-execution",), 9,
                       "Claudia Wendt", FeedbackSource.HIRING_MANAGER, True, 1.0)  # fmt: skip
    felix = facts(
        recipients=(Recipient("Felix Braun"),), tone=Tone.AFTER_OFFER, learnings=(claudia,)
    )
    assert all(d.learning is None and "planning" not in d.body for d in draft_thank_you(felix))
    to_claudia = facts(recipients=(Recipient("Claudia Wendt"),), tone=Tone.AFTER_OFFER,
                       learnings=(claudia,))  # fmt: skip
    assert "your kind words about my planning and execution" in draft_thank_you(to_claudia)[2].body
    # Feedback with no named author is the company's: thanked for as the team's.
    team = Learning("planning and execution", Polarity.STRENGTH, ("planning-execution",), 9)
    anyone = facts(recipients=(Recipient("Felix Braun"),), tone=Tone.AFTER_OFFER, learnings=(team,))
    assert "the team's kind words about my planning" in draft_thank_you(anyone)[2].body


CLAUDIA = Recipient("Claudia Wendt")
FELIX = Recipient("Felix Braun")
KIND_WORDS = Learning("planning and execution", Polarity.STRENGTH, ("planning-execution",), 9,
                      "Claudia Wendt", FeedbackSource.HIRING_MANAGER, True, 1.0)  # fmt: skip


@pytest.mark.parametrize(
    ("recipients", "thanked"),
    [
        ((CLAUDIA,), "offer and for your kind words"),
        ((CLAUDIA, FELIX), "offer and, Claudia, for your kind words"),
        ((FELIX, CLAUDIA, Recipient("Ines Okafor")), "offer and, Claudia, for your kind words"),
    ],
)
def test_kind_words_are_thanked_for_only_to_whoever_said_them(recipients, thanked):
    f = facts(recipients=recipients, tone=Tone.AFTER_OFFER, learnings=(KIND_WORDS,))
    body = draft_thank_you(f)[2].body
    assert f"{thanked} about my planning and execution" in body
    # "your" to Claudia and Felix alone would thank Felix for what only Claudia said; and
    # "Claudia's kind words" would speak of her in the third person in a note to her.
    assert "Claudia's" not in body


def test_candid_feedback_from_one_of_two_recipients_names_her():
    gap = Learning("risk management", Polarity.GAP, ("risk-management",), 7, "Claudia Wendt",
                   FeedbackSource.HIRING_MANAGER, True, 1.0)  # fmt: skip
    both = [d.body for d in draft_thank_you(facts(recipients=(FELIX, CLAUDIA), learnings=(gap,)))]
    assert "Thank you as well, Claudia, for your candid feedback on risk management." in both[0]
    assert "What I am taking away, Claudia, is your feedback on risk management" in both[1]
    assert not any("Claudia's" in b for b in both)
    alone = draft_thank_you(facts(recipients=(CLAUDIA,), learnings=(gap,)))[0].body
    assert "your candid feedback on risk management" in alone


def test_two_recipients_with_one_first_name_are_told_apart_by_full_name():
    other = Recipient("Claudia Ferreira")
    f = facts(recipients=(other, CLAUDIA), tone=Tone.AFTER_OFFER, learnings=(KIND_WORDS,))
    assert "and, Claudia Wendt, for your kind words" in draft_thank_you(f)[2].body


@pytest.mark.parametrize("response", RESPONSES)
@pytest.mark.parametrize("tone", ALL_TONES)
def test_the_sign_off_never_repeats_the_thanks(tone, response):
    for draft in draft_thank_you(facts(tone=tone, offer_response=response)):
        paragraphs = draft.body.split("\n\n")
        last_line, sign_off = paragraphs[-2], paragraphs[-1]
        if sign_off.lower().startswith("thank"):
            assert not last_line.split(". ")[-1].lower().startswith("thank"), draft.body
    pending = facts(tone=Tone.AFTER_OFFER, offer_response=OfferResponse.PENDING)
    assert "Thank you again" not in draft_thank_you(pending)[2].body


def test_an_article_fits_the_role():
    f = facts(role_title="Operations Lead", moments=())
    assert "If an Operations Lead role opens up again" in draft_thank_you(f)[1].body


WENT_BADLY = (
    "I forgot the exception paths and the hand-off back to finance; Anna had to prompt me "
    "about what happens when the supplier is late"
)


@pytest.mark.parametrize(
    ("question", "went_badly", "badly"),
    [
        ("What happens when the supplier misses the deadline?", WENT_BADLY, True),
        ("Where would you put controls?", WENT_BADLY, False),
        (
            "How do you manage risks across multiple workstreams?",
            "When she asked how I handle risks on a programme I gave no concrete example",
            True,
        ),
        # Near misses: only common words shared, or nothing written about what went badly.
        ("What would you do about it?", "I did not know what to do about the budget", False),
        ("How would you sequence three platform migrations?", "Struggled on data pipelines", False),
        ("What happens when the supplier misses the deadline?", None, False),
    ],
)
def test_a_question_the_debrief_says_went_badly_is_recognised(question, went_badly, badly):
    from nextround.domain.note_moments import handled_badly

    assert handled_badly(question, went_badly) is badly


@pytest.mark.parametrize(
    ("title", "bland"),
    [
        ("Chat", True),
        ("Intro call", True),
        ("Call with Engineering Director", True),
        ("Meeting with Ops Director", True),
        ("Hiring manager interview", True),
        ("Process-flow whiteboard", False),
        ("Warehouse rollout case", False),
        ("Supplier onboarding chat", False),
    ],
)
def test_a_title_that_says_only_who_or_what_kind_is_bland(title, bland):
    from nextround.domain.note_facts import is_bland_title

    assert is_bland_title(title) is bland


@pytest.mark.parametrize(
    ("question", "stock"),
    [
        ("Why are you leaving your current role?", True),
        ("What are your salary expectations?", True),
        ("Why do you want to join Frobnitz?", True),
        ("What is your notice period?", True),
        ("Tell me about yourself", True),
        ("What are your greatest weaknesses?", True),
        ("How would you set up product ops from scratch here?", False),
        ("What would break first if volume doubled?", False),
        ("What are the top risks in the Wuzzle flow?", False),
    ],
)
def test_stock_screening_questions_are_recognised(question, stock):
    assert is_stock_question(question) is stock


def test_a_stock_screening_question_is_never_the_moment():
    why = Moment(MomentKind.QUESTION, "Why are you leaving your current role?", 1,
                 "Recruiter call", ("Zebjonas Krull",), ("ownership",), 4)  # fmt: skip
    for draft in draft_thank_you(facts(moments=(why,))):
        assert draft.moment is None and "leaving" not in draft.body


def _moment(text, interview, round_position, overall, **more):
    return Moment(MomentKind.TOPIC, text, interview, f"Interview {interview}", ("Zebjonas Krull",),
                  overall=overall, round_name=f"Round {round_position}",
                  round_position=round_position, debriefed=True, **more)  # fmt: skip


def test_among_earlier_rounds_the_most_senior_that_went_well_comes_first():
    screen = _moment("the Plonkville hiring plan", 1, 1, 4)
    manager = _moment("the Wuzzle budget review", 2, 2, 3, went_badly=True)
    case = _moment("the crate flow redesign", 3, 3, 4)
    ranked = rank_moments([screen, manager, case], [JONAS], Tone.AFTER_REJECTION)
    assert [m.text for m in ranked] == [
        "the crate flow redesign",  # round 3, went well
        "the Plonkville hiring plan",  # round 1, went well
        "the Wuzzle budget review",  # went badly: last
    ]


def test_praise_the_company_gave_comes_before_seniority():
    screen = _moment("the Plonkville hiring plan", 1, 1, 4, praised_by=("Qxmaya Vlorpt",),
                     praise_ids=(8,))  # fmt: skip
    case = _moment("the crate flow redesign", 3, 3, 4)
    ranked = rank_moments([case, screen], [JONAS], Tone.AFTER_REJECTION)
    assert ranked[0] is screen


def test_praise_a_recipient_passed_on_is_recalled_though_she_was_not_there():
    # Maya (the recruiter) was not in the loop but wrote the praise herself.
    relayed = Moment(MomentKind.TOPIC, "the Wuzzle escalation story", 4, "Loop",
                     ("Yorick Pashley",), overall=4, debriefed=True,
                     praised_by=("Qxmaya Vlorpt",), praise_ids=(8,))  # fmt: skip
    classic, _, brief = draft_thank_you(facts(recipients=(MAYA,), moments=(relayed,)))
    # QA20 F8: what came across is what she said, not "the conversation".
    assert "glad to hear that what I said about the Wuzzle escalation story came across well" in (
        classic.body
    )
    assert "I was glad that what I said about the Wuzzle escalation story came across well." in (
        brief.body
    )
    # Praise from someone who is not among the readers does not make it theirs.
    unknown = replace(relayed, praised_by=("Yorick Pashley",))
    assert all(d.moment is None for d in draft_thank_you(facts(recipients=(MAYA,),
                                                                moments=(unknown,))))  # fmt: skip


def test_a_learning_in_the_feedbacks_own_words_is_said_in_them():
    words = Learning(
        "data-informed decision making",
        Polarity.GAP,
        ("data",),
        7,
        "Qxmaya Vlorpt",
        FeedbackSource.RECRUITER,
        True,
        1.0,
        words="data and experimentation",
    )
    classic = draft_thank_you(facts(learnings=(words,)))[0]
    assert "candid feedback on data and experimentation" in classic.body
    assert classic.learning == words
    assert "decision making" not in classic.body


@pytest.mark.parametrize(
    ("response", "said"),
    [
        (OfferResponse.DECLINED, "I have decided to decline"),
        (OfferResponse.ACCEPTED, "I am delighted to accept"),
    ],
)
def test_the_brief_note_after_an_answered_offer_says_the_answer(response, said):
    brief = draft_thank_you(facts(tone=Tone.AFTER_OFFER, offer_response=response), limit=40)[2]
    assert said in brief.body


def test_a_kept_note_ending_in_the_blank_is_signed_once_a_name_is_known():
    from nextround.domain.note_drafts import fill_signature

    kept = "Hi Maya,\n\nThank you.\n\nWarm wishes,\n[Your name]\n"
    assert (
        fill_signature(kept, "Zoë Ångström")
        == "Hi Maya,\n\nThank you.\n\nWarm wishes,\nZoë Ångström"
    )
    assert fill_signature(kept, None) == kept
    # The user's own words are never touched, even the placeholder mid-text.
    edited = "Hi Maya,\n\n[Your name] here.\n\nWarm wishes,\nZoë"
    assert fill_signature(edited, "Someone") == edited


@pytest.mark.parametrize("title", ["HM chat", "TA screen", "EM call", "Quick PM chat"])
def test_calendar_shorthand_for_who_is_bland(title):
    from nextround.domain.note_facts import is_bland_title

    assert is_bland_title(title)


def test_the_second_variant_keeps_to_the_round_of_the_best_moment():
    """A panel's note does not swap its question for an earlier interview one of them sat in."""
    question = Moment(MomentKind.QUESTION, "How do you make your designs accessible?", 5,
                      "Portfolio presentation", (MAYA.name, JONAS.name), (), 4)  # fmt: skip
    earlier = Moment(MomentKind.SESSION, "Design systems deep dive", 4, "Design systems deep dive",
                     (MAYA.name,), (), 4, round_name="Hiring manager")  # fmt: skip
    drafts = draft_thank_you(facts(moments=(question, earlier), learnings=()))
    assert [d.moment for d in drafts] == [question, question, question]
    assert all("deep dive" not in d.body for d in drafts)
    # With a second moment of the same round, the second variant still differs.
    other = replace(question, text="What would you cut from the onboarding flow?")
    drafts = draft_thank_you(facts(moments=(question, other, earlier), learnings=()))
    assert drafts[1].moment == other


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Panel: sales leadership", "the panel on sales leadership"),
        # QA20 F8: one review or case reads with its article.
        ("Presentation - Q3 pipeline review", "the presentation on the Q3 pipeline review"),
        ("Panel: service blueprint case", "the panel on the service blueprint case"),
        ("Case: the Tilburg DC rollout", "the case on the Tilburg DC rollout"),
    ],
)
def test_a_kind_and_topic_title_is_said_as_a_person_says_it(title, said):
    session = Moment(MomentKind.SESSION, title, 5, title, (JONAS.name,))
    drafts = draft_thank_you(facts(recipients=(JONAS,), moments=(session,)))
    bodies = " ".join(d.body for d in drafts if d.moment == session)
    assert said in bodies or said[0].upper() + said[1:] in bodies
    assert f"“{title}”" not in bodies
