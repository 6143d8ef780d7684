"""A career break on record, read from a real database into the plan and the week's preparation."""

from __future__ import annotations

from datetime import timedelta

from nextround.analysis.lexical import LexicalMapper
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import RoundKind
from nextround.io.resume_files import read_resume
from nextround.services import applications, process, resumes
from nextround.services.career_break import career_break
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import add_mapped_feedback
from nextround.services.frameworks import active_framework
from nextround.services.plan import refresh_plan, week
from nextround.services.review import review_statement
from tests.conftest import Clock
from tests.unit.growth_fakes import KeywordMapper

MAPPER = KeywordMapper([("defensive", "resilience", 0.9), ("apologis", "resilience", 0.9)])
CV = """\
# Amara Okafor
## Experience
### Career break — Family carer
Oct 2024 – Present
### Barts Health NHS Trust — Ward Manager
Jan 2015 – Sep 2024
- Led a team of 42 nurses.
"""


def _process(app, clock: Clock, *, ahead: bool = False) -> int:
    now = clock.now
    with app.uow() as uow:
        created = applications.add_application(
            uow,
            {
                "company": "Barts Health",
                "role_title": "Service Improvement Lead",
                "applied_on": (now - timedelta(days=40)).date(),
            },
        )
        assert created.id is not None
        process.add_round(
            uow,
            created.id,
            {
                "name": "Panel interview",
                "kind": RoundKind.OTHER,
                "started_on": (now - timedelta(days=30)).date(),
            },
        )
        held = process.add_interview(
            uow, created.id, None, {"title": "Panel", "scheduled_at": now - timedelta(days=30)}
        )
        if ahead:
            process.add_interview(
                uow, created.id, None, {"title": "Final", "scheduled_at": now + timedelta(days=3)}
            )
        assert held.id is not None
        record_debrief(
            uow,
            held.id,
            2,
            went_badly="Good on the data. I stumbled when they asked me to walk them through "
            "the gap on my CV - I over-explained.",
            questions=["Walk me through the gap on your CV.", "Why did you leave the NHS?"],
            mapper=MAPPER,
        )
        return created.id


def _mentor_says(app, text: str) -> None:
    with app.uow() as uow:
        _, statements = add_mapped_feedback(
            uow, text, FeedbackSource.MENTOR, lambda: MAPPER, active_framework(uow).id
        )
    for statement in statements:
        with app.uow() as uow:
            review_statement(uow, statement.id or 0)


def test_the_plan_prepares_the_career_break_answer_and_never_a_wellbeing_routine(sqlite_app, clock):
    app = sqlite_app
    _process(app, clock)
    _mentor_says(
        app,
        "When you talk about the career break you sound defensive; own it in one or two "
        "sentences and move on.",
    )
    with app.uow() as uow:
        resume = read_resume(CV.encode(), "cv.md")
        resumes.import_resume(uow, resume, LexicalMapper(active_framework(uow)))
    with app.uow() as uow:
        view = refresh_plan(uow, 365, 120)
    by_id = {a.id: a for a in view.actions}
    assert [i for i in by_id if "career-break" in i] == [
        "position:career-break:answer",
        "position:career-break:aloud",
        "position:career-break:cv",
    ]
    answer = by_id["position:career-break:answer"]
    assert "Take as the prompt: “Walk me through the gap on your CV”." in answer.detail
    assert "logged the question “Walk me through the gap on your CV”" in answer.why
    assert "said “I stumbled when they asked me to walk them through the gap on my CV" in answer.why
    assert "“Good on the data" not in answer.why  # only the note's sentence about the break
    assert "your mentor (" in answer.why and "you sound defensive" in answer.why
    # Asked of everyone: not about the break, so never quoted as if it were.
    assert "Why did you leave the NHS?" not in answer.why
    assert "Why did you leave the NHS?" not in answer.detail
    assert "your resume lists “Career break — Family carer” (Oct 2024 – Present)" in answer.why
    assert "Under “Career break — Family carer” (Oct 2024 – Present)" in (
        by_id["position:career-break:cv"].detail
    )
    # The mentor's words are about the break: no practice on resilience cites them.
    assert not any("sleep" in a.detail for a in view.actions)
    assert not any(a.kind == "mitigate" and a.competency_id == "resilience" for a in view.actions)


def test_an_interview_coming_up_rehearses_the_career_break_answer_once(sqlite_app, clock):
    app = sqlite_app
    _process(app, clock, ahead=True)
    with app.uow() as uow:
        refresh_plan(uow, 365, 120)
    with app.uow() as uow:
        picked = week(uow)
    ids = [a.id for a in picked.actions]
    rehearse = [a for a in picked.actions if a.id.endswith(":career-break")]
    assert len(rehearse) == 1, ids
    assert rehearse[0].title == "Rehearse your career-break answer once, aloud"
    assert "Your debrief said: “I stumbled when they asked me" in rehearse[0].detail
    assert not any("went-badly" in i for i in ids)  # the note is reworked as the rehearsal


def test_nothing_about_a_break_on_record_gives_no_career_break(sqlite_app, clock):
    app = sqlite_app
    with app.uow() as uow:
        created = applications.add_application(
            uow, {"company": "Finch", "role_title": "PM", "applied_on": clock.now.date()}
        )
        assert created.id is not None
    _mentor_says(app, "You sounded defensive about the gaps in your risk thinking.")
    with app.uow() as uow:
        assert career_break(uow, active_framework(uow).id) is None
        view = refresh_plan(uow, 365, 120)
    assert not any("career-break" in a.id for a in view.actions)


def test_lines_under_the_break_on_the_cv_feed_the_answer_and_need_no_cv_action(sqlite_app, clock):
    app = sqlite_app
    described = CV.replace(
        "Oct 2024 – Present\n", "Oct 2024 – Present\n- Scheduled 4 paid carers each week.\n"
    )
    with app.uow() as uow:
        resumes.import_resume(
            uow, read_resume(described.encode(), "cv.md"), LexicalMapper(active_framework(uow))
        )
    with app.uow() as uow:
        view = refresh_plan(uow, 365, 120)
    by_id = {a.id: a for a in view.actions}
    assert "position:career-break:cv" not in by_id
    assert "Your CV says under the break: “Scheduled 4 paid carers each week”" in (
        by_id["position:career-break:answer"].detail
    )
