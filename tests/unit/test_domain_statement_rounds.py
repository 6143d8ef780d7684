"""Which round of its application a feedback statement names (QA21 F11)."""

from __future__ import annotations

from nextround.domain.journey import Interview, InterviewFormat, Round, RoundKind
from nextround.domain.statement_rounds import named_round, round_phrases, statement_round

K = RoundKind


def _round(ident: int, position: int, name: str, kind: RoundKind, *interviews: Interview) -> Round:
    from datetime import date

    return Round(name=name, kind=kind, started_on=date(2026, 10, position), id=ident,
                 position=position, interviews=list(interviews))  # fmt: skip


#: Ade's Monzo process: a recruiter screen, a take-home, an ML system design interview.
MONZO = [
    _round(1, 1, "Recruiter screen", K.SCREEN),
    _round(2, 2, "Technical take-home", K.TAKE_HOME,
           Interview(title="Churn model take-home", format=InterviewFormat.PRACTICAL_EXERCISE)),
    _round(3, 3, "ML system design", K.TECHNICAL,
           Interview(title="ML system design with Staff DS", format=InterviewFormat.SYSTEM_DESIGN)),
]  # fmt: skip


def test_an_email_about_the_last_round_files_its_take_home_praise_under_the_take_home():
    praise = "The panel were impressed by your take-home: the churn model was rigorous"
    assert statement_round(praise, MONZO, item_round_id=3) == 2
    # The round the item is about already: nothing of its own.
    concern = "However, in the ML system design interview you struggled with serving latency"
    assert statement_round(concern, MONZO, item_round_id=3) is None
    # Naming no round: the item's.
    other = "We also felt you could have shown more ownership of cross-team influence."
    assert statement_round(other, MONZO, item_round_id=3) is None


def test_a_round_is_named_by_its_place_kind_or_an_interview_title_never_by_people():
    assert named_round("In the first round you came across as well prepared", MONZO) is MONZO[0]
    assert named_round("Your final round answers were thin", MONZO) is MONZO[2]
    assert named_round("the system design was shaky", MONZO) is MONZO[2]
    assert named_round("Round 2 went well", MONZO) is MONZO[1]
    # "the panel", "the hiring manager": people, not a round.
    panel = [_round(7, 1, "Hiring manager chat", K.HIRING_MANAGER),
             _round(8, 2, "Panel interview", K.PANEL)]  # fmt: skip
    assert named_round("The hiring manager liked your energy", panel) is None
    assert named_round("The panel felt you rushed", panel) is None
    assert named_round("In the panel interview you rushed", panel) is panel[1]
    assert "hiring manager" not in round_phrases(panel[0])


def test_two_rounds_named_alike_leave_the_statement_with_its_items_round():
    both = "Both the take-home and the presentation were strong"
    rounds = [_round(1, 1, "Take-home", K.TAKE_HOME), _round(2, 2, "Presentation", K.PRESENTATION)]
    assert named_round(both, rounds) is None
    assert named_round("Strong take-home", []) is None


def test_a_statement_filed_under_another_round_is_read_as_that_rounds_feedback():
    from datetime import date

    from nextround.domain.feedback import Feedback, FeedbackSource
    from nextround.domain.statement_rounds import as_filed
    from nextround.domain.statements import FeedbackStatement

    email = Feedback("...", FeedbackSource.RECRUITER, date(2026, 10, 16), application_id=1,
                     round_id=3, interview_id=30, id=1)  # fmt: skip
    praise = FeedbackStatement(1, 0, "Strong take-home", 0, 16, "core", round_id=2)
    filed = as_filed(email, praise)
    # The take-home's, with no interview of the system design round.
    assert (filed.round_id, filed.interview_id, filed.id) == (2, None, 1)
    assert (email.round_id, email.interview_id) == (3, 30)
    plain = FeedbackStatement(1, 1, "Latency was shaky", 17, 34, "core")
    assert as_filed(email, plain) is email


#: A customer success process (QA22 F8): rounds named as the company wrote them, spoken of
#: by shorter words in the feedback.
CUSTOMER_SUCCESS = [
    _round(1, 1, "Recruiter screen", K.SCREEN),
    _round(2, 2, "Mock QBR presentation", K.PRESENTATION,
           Interview(title="Mock QBR", format=InterviewFormat.PRESENTATION)),
    _round(3, 3, "Difficult client role-play", K.OTHER,
           Interview(title="Escalation role-play", format=InterviewFormat.PRACTICAL_EXERCISE)),
    _round(4, 4, "Panel with Sales", K.PANEL),
]  # fmt: skip


def test_a_round_is_named_by_a_part_of_its_name_no_other_round_shares():
    rounds = CUSTOMER_SUCCESS
    assert named_round("Everyone agreed your QBR deck was sharp", rounds) is rounds[1]
    assert named_round("During the role-play you stayed calm", rounds) is rounds[2]
    assert named_round("With the difficult client you listened well", rounds) is rounds[2]
    assert named_round("The sales panel asked about pipeline", rounds) is rounds[3]
    # One word of a name, in lower case, is not the round: "client" is said of anyone.
    assert named_round("The client example felt thin", rounds) is None
    assert statement_round("Your QBR ran long", rounds, item_round_id=4) == 2


def test_a_part_two_rounds_share_names_neither_and_a_full_name_wins_over_a_part():
    rounds = [
        _round(1, 1, "Customer role-play", K.OTHER),
        _round(2, 2, "Sales role-play", K.OTHER),
    ]
    assert named_round("The role-play felt rushed", rounds) is None
    assert named_round("In the sales role-play you rushed", rounds) is rounds[1]
    # A part of no round but the full name of another: the full name decides.
    qbr = [_round(1, 1, "QBR review", K.PRESENTATION), _round(2, 2, "Case study", K.CASE)]
    assert named_round("The case study, unlike the QBR review, was strong", qbr) is None
    assert named_round("The case study was strong though the QBR came up", qbr) is qbr[1]
