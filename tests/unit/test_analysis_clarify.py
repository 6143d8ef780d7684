"""Spotting vague feedback and asking about it the way a good career coach would."""

from __future__ import annotations

import re

import pytest

from nextround.analysis.clarify import (
    clarifying_questions,
    excerpt,
    is_vague,
    only_names_its_issue,
    quotable,
    specificity_signals,
)
from nextround.analysis.clarify_artefact import Deliverable, deliverable
from nextround.analysis.feedback_words import own_words
from nextround.domain.competency import Polarity

RISK_VAGUE = (
    "the team felt that your experience with risk management didn't come through as strongly "
    "as for the candidate we selected"
)
SYSTEMS_VAGUE = "there were some gaps around systemic thinking in parts of the loop"


@pytest.mark.parametrize(
    "statement",
    [
        RISK_VAGUE,
        SYSTEMS_VAGUE,
        "strong communicator",
        "We were not fully convinced by your prioritisation.",
        "You could have gone deeper on risk.",
        "Stakeholder management remains her strongest area.",
        "I didn't think it's quite the level of seniority they'd want.",  # apostrophes, no quote
        "You need to work on stakeholder management.",
        "Communication could be more concise.",
        "The team felt you were not senior enough.",
        "She showed strong leadership throughout.",
        "A few concerns about your leadership style.",
        # Examples spoken of in the abstract name no moment.
        "the team felt your stakeholder examples were a bit thin",
        "Would have liked more concrete examples.",
        "The panel wanted a concrete example of risk ownership.",
        "The interviewer was hoping for another example.",
        "Your stories lacked numbers.",
    ],
)
def test_vague_feedback(statement: str) -> None:
    assert is_vague(statement)
    assert specificity_signals(statement) == []


@pytest.mark.parametrize(
    ("statement", "kind"),
    [
        ("when asked how the flow fails, she drew only the happy path", "scenario"),
        ("In the whiteboard exercise the flow had no failure branches.", "referent"),
        ("She said “we'll figure it out later” about the vendor.", "quote"),
        ("She said 'we will figure it out later' twice.", "quote"),
        ("Took 9 minutes to get to the point.", "number"),
        ("The conveyor delay was visible in August.", "date"),
        ("Your onboarding story showed real ownership.", "example"),
        # One example singled out does point at a moment (near misses of the vague ones).
        ("Your example about the Tilburg rollout was convincing.", "example"),
        ("She liked the supplier story, but wanted more on risk.", "example"),
        ("the team felt your stakeholder example was a bit thin", "example"),
        ("Couldn't name the biggest risk on her own project.", "behaviour"),
        ("For example, the rollback plan was never discussed.", "scenario"),
        ("Your answer on the outage lacked a timeline of what you did.", "referent"),
        ("You spent most of the case on the market size.", "referent"),
        ("You talked for ten minutes before getting to the point.", "number"),
        ("You went straight to escalation rather than buffers or fallbacks.", "behaviour"),
        ("You did not quantify the impact of the migration.", "behaviour"),
        ("She never reached a recommendation.", "behaviour"),
    ],
)
def test_specific_feedback(statement: str, kind: str) -> None:
    assert not is_vague(statement)
    assert kind in [k for k, _ in specificity_signals(statement)]


def test_empty_text_is_not_vague() -> None:
    assert not is_vague("   ")


def _asks(questions: list[str]) -> None:
    assert 1 <= len(questions) <= 3
    for q in questions:
        assert q.endswith("?") or q.endswith("it.") or q.endswith("thing.") or q.endswith("doing.")
        assert "?" in q


def test_gap_questions_name_the_round_interview_competency_and_company() -> None:
    questions = clarifying_questions(
        RISK_VAGUE, "Risk management", "Final loop", "Cross-team dependencies and risk", "Tempoline"
    )
    _asks(questions)
    assert len(questions) == 3
    moment, bar, quoted = questions
    assert "the final loop" in moment
    assert "“Cross-team dependencies and risk” interview" in moment
    assert "my experience with risk management" in moment  # their words, not the label's
    assert "this role at Tempoline" in bar and "risk management" in bar
    # Quoted without who held the view: no "You mentioned “the team felt that …”".
    assert f"“{quotable(RISK_VAGUE)}”" in quoted and quoted.count("…") == 1
    assert "“your experience with risk management" in quoted


def test_questions_invent_no_names() -> None:
    questions = clarifying_questions(SYSTEMS_VAGUE, "Systems thinking", "Final loop", None, None)
    text = " ".join(questions)
    # Every capitalised word is the start of a sentence, "I", or came from the arguments.
    allowed = {"In", "Could", "What", "For", "You", "Was", "Knowing", "On", "Even", "I", "I'd"}
    for word in re.findall(r"(?<![.?!“] )(?<!^)\b[A-Z][\w']*", text):
        assert word in allowed, word
    assert "interview" not in questions[0]  # no interview title was given
    assert "at " not in questions[1].split("role", 1)[1][:4]  # no company was given


def test_the_phrasing_varies_between_statements() -> None:
    first = clarifying_questions(RISK_VAGUE, "Risk management", "Final loop", None, "Tempoline")
    second = clarifying_questions(
        SYSTEMS_VAGUE, "Systems thinking", "Final loop", None, "Tempoline"
    )
    openings = {q.split(" ", 3)[0] for q in (first[0], second[0])}
    assert len(openings) == 2  # "In the final loop, which moment…" vs "Could you point me…"
    # …and it is stable: the same statement always gets the same questions.
    assert (
        clarifying_questions(RISK_VAGUE, "Risk management", "Final loop", None, "Tempoline")
        == first
    )


# Long enough to be asked about by what it judged, not quoted whole.
LONG_VAGUE = "there was a general sense that parts of the communication could be better overall"


def test_round_names_read_naturally() -> None:
    def moment(round_name: str | None) -> str:
        return clarifying_questions(LONG_VAGUE, "Communication", round_name, None, None, limit=1)[0]

    assert "the hiring manager interview" in moment("Hiring manager interview")
    assert "the Tempoline screen" in moment("Tempoline screen")
    assert "the final loop" in moment("The final loop")
    assert "the process" in moment(None)
    # Whatever the user typed: no "the Earlier", no "the R2", no "round round".
    assert "the earlier round" in moment("Earlier") and "the Earlier" not in moment("Earlier")
    assert "round 2 (panel)" in moment("Round 2 - panel")
    assert "round 2" in moment("R2") and "the R2" not in moment("R2")


def test_an_interview_title_that_says_what_it_was_is_not_followed_by_interview() -> None:
    for polarity in Polarity:
        questions = clarifying_questions(
            LONG_VAGUE, "Communication", "Final loop", "Technical interview", None,
            polarity=polarity,
        )  # fmt: skip
        # A title that only says what kind of meeting it was is said plainly, not quoted.
        assert "the technical interview?" in questions[0], questions[0]
        assert "interview” interview" not in " ".join(questions)
        assert "“Technical interview”" not in " ".join(questions)
    assert "my SQL depth" in " ".join(
        clarifying_questions(LONG_VAGUE, "SQL depth", "Final loop", None, None)
    )


def test_strength_and_neutral_questions() -> None:
    strength = clarifying_questions(
        "strong communicator", "Communication", "Final loop", None, "Tempoline",
        polarity=Polarity.STRENGTH,
    )  # fmt: skip
    _asks(strength)
    assert "lead with it" in strength[0]
    assert strength[2].endswith("tell me what to keep doing.")
    neutral = clarifying_questions(
        "your risk work came up", "Risk management", "Final loop", "Risk deep dive", "Tempoline",
        polarity=Polarity.NEUTRAL,
    )  # fmt: skip
    assert "“Risk deep dive” interview" in neutral[0]


def test_limit_and_long_statements() -> None:
    assert len(clarifying_questions(RISK_VAGUE, "Risk", "Final loop", None, None, limit=1)) == 1
    long = "some gaps " * 30
    # A long statement is quoted as a short excerpt, never whole.
    [quoted] = [q for q in clarifying_questions(long, "Risk", "Final loop", None, None) if "“" in q]
    assert "“some gaps some gaps" in quoted and "…”" in quoted and len(quoted) < 220


@pytest.mark.parametrize(
    ("statement", "quoted"),
    [
        (
            "would like to see a bit more depth on the technical side, esp. data platforms - "
            "he'll probe this in the system design round",
            "would like to see a bit more depth on the technical side, esp. data platforms",
        ),
        (
            "Priya really liked how you talk about stakeholders and felt you'd build trust "
            "quickly with our clinical teams.",
            "Priya really liked how you talk about stakeholders…",
        ),
        (
            "What convinced us: your warehouse rollout case was the most structured we saw.",
            None,  # thirteen words: short enough to quote whole
        ),
        ("Some gaps around risk. Otherwise a good loop.", "Some gaps around risk"),
        ("comms were good, maybe keep answers a little tighter", None),
    ],
)
def test_a_statement_is_quoted_back_as_a_short_clean_excerpt(statement, quoted):
    assert excerpt(statement) == (quoted or statement.rstrip("."))


def test_an_excerpt_never_ends_on_a_word_that_needs_the_next():
    cut = excerpt(
        "the panel said that the answers were long and the examples were not for the role"
    )
    assert cut.endswith("…") and cut.split()[-1].rstrip("…") not in {"the", "and", "for", "were"}


def test_competency_headings_read_as_part_of_a_sentence():
    questions = clarifying_questions(
        "comms were good overall, though maybe keep the answers a little tighter next time",
        ["Communication: clarity and concision"],
        "Hiring manager",
        None,
        "Corvid Analytics",
    )
    # The plain words after the colon name the skill; the heading alone would be vaguer.
    assert "my clarity and concision " in " ".join(questions)
    assert not any("Communication:" in q or "concision:" in q for q in questions)


def test_two_competencies_are_joined_only_when_that_is_unambiguous():
    both = clarifying_questions(
        SYSTEMS_VAGUE, ["Risk management", "Systems thinking"], None, None, None
    )
    assert "my risk management and systems thinking" in " ".join(both)
    one = clarifying_questions(
        "didn't really think through the exceptions or the downstream impact on finance",
        ["Systems thinking", "Process design and improvement"],
        "Final loop",
        None,
        None,
    )
    assert "my systems thinking" in " ".join(one) and "process design" not in " ".join(one)


def test_a_process_still_open_is_asked_about_what_comes_next():
    ahead = clarifying_questions(
        "would like to see a bit more depth on the technical side",
        ["Technical depth"],
        "Hiring manager",
        "Call with Dana",
        "Corvid Analytics",
        in_progress=True,
        next_round="Final loop",
        variant=0,
    )
    assert ahead[0].endswith("so I can prepare for the final loop?")
    assert "before the final loop" in ahead[-1]
    assert not any("next time" in q for q in ahead)
    unknown = clarifying_questions("Some gaps.", ["Risk"], "R1", None, None, in_progress=True)
    assert "the next round" in " ".join(unknown)
    closed = clarifying_questions("Some gaps.", ["Risk"], "R1", None, None, variant=0)
    assert "prepare for next time" in closed[1]


def test_praise_while_open_asks_what_would_make_it_more_convincing_ahead():
    questions = clarifying_questions(
        "really liked your prioritisation framework",
        ["Prioritisation"],
        "Hiring manager",
        None,
        "Corvid Analytics",
        polarity=Polarity.STRENGTH,
        in_progress=True,
        next_round="Final loop",
    )
    assert "even more convincing in the final loop?" in questions[1]


def test_a_named_moment_gets_follow_ups_on_it_rather_than_which_moment():
    moment = "when Marcus pushed on the slipping integration, the answer went to escalation"
    over = clarifying_questions(
        "We were not convinced on risk", "Risk management", "Final loop", None, "Northwind",
        scenario=moment, variant=0,
    )  # fmt: skip
    assert over[0] == (
        "You mentioned “when Marcus pushed on the slipping integration, the answer went to "
        "escalation”. What would a strong answer there have included, so I can prepare for "
        "next time?"
    )
    assert not any("which moment" in q or "scenario?" in q for q in over)
    ahead = clarifying_questions(
        "We were not convinced on risk", "Risk management", "Final loop", None, "Northwind",
        scenario=moment, variant=0, in_progress=True, next_round="Final loop",
    )  # fmt: skip
    assert (
        "What would a strong answer there include, so I can prepare for the final loop?"
        in (ahead[0])
    )
    praised = clarifying_questions(
        "Loved it", "Risk management", "Final loop", None, None, scenario=moment,
        polarity=Polarity.STRENGTH, in_progress=True,
    )  # fmt: skip
    assert praised[0].startswith("You mentioned “when Marcus pushed on the slipping integration,")
    assert "stand out there" in praised[0]


def test_after_a_named_moment_no_generic_bar_question_is_asked():
    # QA20 F6: "Beyond that moment, what do you look for in this role?" names nothing: with
    # no words of theirs for what was judged, the question on the moment stands alone.
    moment = "in the presentation you jumped to solutions before synthesising the interviews"
    questions = clarifying_questions(
        "We wanted to see how you got from raw notes to insights", "Synthesis",
        "Research task presentation", None, "Co-op Digital", scenario=moment, variant=0,
    )  # fmt: skip
    assert len(questions) == 1 and questions[0].startswith("You mentioned “in the presentation")
    assert not any("look for" in q for q in questions)


def test_the_bar_after_a_named_moment_names_the_skill_and_a_filled_role_as_one_like_it():
    moment = "when Marcus pushed on the slipping integration, the answer went to escalation"
    over = clarifying_questions(
        "Your risk management was not convincing enough", "Risk management", "Final loop",
        None, "Northwind", scenario=moment, variant=0,
    )  # fmt: skip
    assert over[1] == (
        "Beyond that moment, what would the team look for on risk management in a role like "
        "this at Northwind?"
    )
    ahead = clarifying_questions(
        "Your risk management was not convincing enough", "Risk management", "Final loop",
        None, "Northwind", scenario=moment, variant=0, in_progress=True,
    )  # fmt: skip
    assert ahead[1] == (
        "Beyond that moment, what does the team look for on risk management in this role at "
        "Northwind?"
    )


def test_a_short_vague_statement_is_asked_about_in_its_own_words():
    first, bar = clarifying_questions(
        "Too tactical for a Head of role", ["Strategic thinking"], "Hiring manager interview",
        None, "Brightwave", who="you", variant=0,
    )  # fmt: skip
    assert first == (
        "Could you say more about “too tactical for a Head of role”? Was there a question in "
        "our conversation where that showed most?"
    )
    assert "this role at Brightwave" in bar
    assert "strategic thinking" not in first + bar  # the label is not pasted in
    assert "the team" not in first + bar  # she interviewed alone


def test_the_feedbacks_words_replace_the_competency_label():
    questions = clarifying_questions(
        "Where the panel felt others were stronger was in data and experimentation.",
        ["Data-informed decision making"], "Final loop", None, "Lumora", who="the panel",
        variant=0,
    )  # fmt: skip
    text = " ".join(questions)
    assert "data and experimentation" in text and "data-informed" not in text
    assert "where did the panel see the gap on data and experimentation?" in questions[0]


@pytest.mark.parametrize(
    ("who", "said"),
    [("Anja", "gave Anja that view of"), ("the panel", "gave the panel that view of")],
)
def test_the_view_is_whose_it_was(who, said):
    (first,) = clarifying_questions(
        "Your stakeholder updates in the loop were not quite at the level we would expect",
        "Stakeholder management", "Final loop", None, None, who=who, variant=0, limit=1,
    )  # fmt: skip
    assert f"{said} my stakeholder updates" in first


def test_who_said_it_is_not_a_behaviour_and_a_named_task_is():
    assert is_vague("Elena mentioned that your answers were generally quite long.")
    assert not is_vague("Elena mentioned that in the leadership conversation your answers ran long")
    assert not is_vague(
        "Tom felt you weren't yet comfortable designing an experiment or reasoning about "
        "whether a result was significant."
    )
    assert not is_vague("You could have gone deeper on the process, e.g. failure modes.")


def test_a_quote_back_never_nests_one_quotation_in_another():
    moment = 'Elena mentioned that she said "we will sort it out later" about the vendor'
    (first, *_) = clarifying_questions(
        "We were not convinced on risk", "Risk management", "Final loop", None, None,
        scenario=moment, variant=0,
    )  # fmt: skip
    assert "Elena mentioned" not in first  # who reported it is not quoted
    assert "‘we will sort it out later’" in first
    assert first.count("“") == 1 and first.count("”") == 1


@pytest.mark.parametrize(
    ("statement", "label"),
    [
        (
            "In the end we went with a candidate who had more experience at the Principal "
            "level with multi-org scope.",
            "Strategic thinking",
        ),
        (LONG_VAGUE, "Communication"),
        ("there were some gaps around systemic thinking in parts of the loop", "Systems thinking"),
    ],
)
@pytest.mark.parametrize("variant", [0, 1])
@pytest.mark.parametrize("in_progress", [False, True])
@pytest.mark.parametrize("interview", [None, "Org design deep dive"])
def test_a_label_is_never_put_in_their_mouth(statement, label, variant, in_progress, interview):
    questions = clarifying_questions(
        statement, [label], "Final loop", interview, "Brightwave", who="the panel",
        variant=variant, in_progress=in_progress,
    )  # fmt: skip
    assert len(questions) == 3
    skill = label.lower()
    for question in questions:
        assert "impression that" not in question and "didn't come through" not in question
        # The label only ever as the person's own reading or what they ask about (their
        # quoted words may say it too).
        said = re.sub(r"“[^”]*”", "“…”", question)
        for at in [m.start() for m in re.finditer(re.escape(skill), said)]:
            assert said[:at].endswith(("on ", "strong ", "about my ")), question
    # Their own words carry the question about the moment.
    assert any(f"“{quotable(statement)}”" in q for q in questions)
    assert any("the final loop" in q for q in questions)
    if interview:
        assert any("“Org design deep dive”" in q for q in questions)


def test_the_feedbacks_own_words_may_still_say_whose_view_it_was():
    (first, *_) = clarifying_questions(
        "Your experience with risk management didn't come through as strongly as we hoped.",
        ["Risk management"], "Final loop", None, None, who="the panel", variant=0,
    )  # fmt: skip
    assert "gave the panel that view of my experience with risk management" in first


@pytest.mark.parametrize(
    "statement",
    [
        "After you presented the roadmap, she moved on to risk.",
        "Once we got to the design, your answers were thin.",
        "Before she asked about costs, you had covered them all.",
    ],
)
def test_a_moment_before_or_after_something_that_happened_is_specific(statement):
    assert "scenario" in [k for k, _ in specificity_signals(statement)]


@pytest.mark.parametrize(
    "statement",
    [
        "She was looking for how you identify and track risks before they become incidents.",
        "We wanted to hear how you'd spot problems before they escalate.",
        "There was no plan for what happens once you scale past one team.",
    ],
)
def test_a_habit_before_or_after_something_general_is_no_moment(statement):
    assert is_vague(statement)


@pytest.mark.parametrize(
    ("statement", "quoted"),
    [
        (
            "Where it fell short: Karin felt you didn't demonstrate a proactive approach to risk",
            "you didn't demonstrate a proactive approach to risk",
        ),
        ("Areas to work on: the panel felt your answers ran long", "your answers ran long"),
        # A long text before a colon is no label.
        (
            "The one thing the whole panel kept coming back to afterwards: your answers ran long",
            "The one thing the whole panel kept coming back to afterwards: your answers ran long",
        ),
    ],
)
def test_a_short_lead_in_and_who_held_the_view_are_not_quoted(statement, quoted):
    assert quotable(statement, max_words=20) == quoted


ACCESSIBILITY = (
    "the challenge solution didn't consider accessibility: colour contrast and touch targets "
    "were not addressed."
)


def test_a_statement_that_names_what_was_left_out_is_not_vague():
    assert not is_vague(ACCESSIBILITY)
    assert only_names_its_issue(ACCESSIBILITY)
    assert only_names_its_issue("We also felt the prioritisation of features was not explained.")
    # Left out, but nothing anyone could check: still vague.
    assert is_vague("It was not really considered.")
    assert is_vague("The solution didn't consider enough options.")
    # A moment named as well: more than the issue makes it specific.
    assert not only_names_its_issue(
        "When we asked about errors, you didn't address the retry logic."
    )


def test_the_feedback_words_for_what_was_left_out():
    assert own_words(ACCESSIBILITY) == "accessibility"
    assert own_words("the prioritisation of features was not clearly explained") == (
        "prioritisation of features"
    )


@pytest.mark.parametrize(
    ("statement", "round_name", "take_home", "said", "noun"),
    [
        (ACCESSIBILITY, "Hiring manager", False, "the challenge solution", "solution"),
        ("your portfolio case studies lacked process", None, False,
         "my portfolio case studies", "case study"),
        ("The deck was a bit long.", None, False, "the deck", "deck"),
        ("Some gaps in the craft.", "Portfolio review", False, "my portfolio", "portfolio"),
        ("Some gaps in the craft.", "Design challenge (take-home)", False, "my solution",
         "solution"),
        ("Some gaps in the craft.", "Second stage", True, "my solution", "solution"),
        # A compound noun is read whole: "a strong case study", never "a strong study".
        ("the case study answer on the uplift model felt a bit textbook.", None, False,
         "the case study", "case study"),
        ("Your take-home task skipped the tests.", None, False, "my take-home task", "solution"),
        ("The design doc missed the failure modes.", None, False, "the design doc",
         "design doc"),
        ("Your mock-ups were rough.", None, False, "my mock-ups", "mock-up"),
    ],
)  # fmt: skip
def test_the_deliverable_a_statement_judged(statement, round_name, take_home, said, noun):
    assert deliverable(statement, round_name, take_home=take_home) == Deliverable(said, noun)


def test_a_conversation_or_a_live_case_is_no_deliverable():
    assert deliverable("Some gaps around risk.", "Final loop", take_home=False) is None
    assert deliverable("The biggest challenge was pricing.", "Case", take_home=False) is None


def test_a_deliverable_that_names_its_issue_is_asked_only_what_strong_would_have_shown():
    asked = clarifying_questions(
        ACCESSIBILITY,
        ["Customer focus"],
        "Design challenge (take-home)",
        None,
        "Delivery Hero",
        who="you",
        artefact=Deliverable("the challenge solution", "solution"),
        variant=0,
    )
    assert asked == [
        "What would a strong solution have shown on accessibility for this role at Delivery "
        "Hero, so I can prepare for next time?"
    ]
    # The feedback's words, not the framework's label, and never "our conversation".
    other = clarifying_questions(
        ACCESSIBILITY, ["Customer focus"], None, None, None, who="you",
        artefact=Deliverable("the challenge solution", "solution"), variant=1,
    )  # fmt: skip
    assert "accessibility in the challenge solution" in other[0]
    for question in asked + other:
        assert "customer focus" not in question.lower() and "conversation" not in question


def test_vague_feedback_on_a_deliverable_asks_which_part_of_it():
    for variant in (0, 1):
        asked = clarifying_questions(
            "The solution felt a bit thin in places and we wanted to see more of the thinking.",
            ["Problem solving"],
            "Design challenge",
            None,
            "Delivery Hero",
            who="you",
            artefact=Deliverable("my solution", "solution"),
            variant=variant,
        )
        flat = " ".join(asked)
        assert "part of my solution" in flat
        assert (
            "strong solution" in flat
            or "stronger solution" in flat
            or ("hoped to see on problem solving in my" in flat)
        )
        assert "conversation" not in flat and "moment" not in flat and "answer" not in flat


def test_a_competency_the_mapper_only_guessed_is_not_named():
    asked = clarifying_questions(
        "Some gaps around strategy came up for us in a few places, we felt.",
        ["Strategic thinking"],
        "Final loop",
        None,
        "Corvid Analytics",
        label_confirmed=False,
    )
    flat = " ".join(asked)
    assert "strategic thinking" not in flat.lower() and "right reading" not in flat
    assert "“Some gaps around strategy came up for us in a few places, we felt”" in flat
    confirmed = " ".join(
        clarifying_questions(
            "Some gaps around strategy came up for us in a few places, we felt.",
            ["Strategic thinking"],
            "Final loop",
            None,
            "Corvid Analytics",
        )
    )
    assert "my strategic thinking" in confirmed


def test_vague_praise_of_a_portfolio_asks_which_part_showed_it_in_its_words():
    praise = "We loved your visual craft."
    assert is_vague(praise) and own_words(praise) == "my visual craft"
    asked = clarifying_questions(
        praise,
        ["Visual design"],
        "Portfolio review",
        None,
        "Zalando",
        polarity=Polarity.STRENGTH,
        in_progress=True,
        next_round="Final loop",
        artefact=deliverable(praise, "Portfolio review", take_home=False),
        who="you",
        variant=0,
    )
    assert asked[0] == (
        "Which part of my portfolio showed my visual craft best? I'd like to make sure I lead "
        "with it."
    )
    assert "visual design" not in " ".join(asked) and "conversation" not in " ".join(asked)
