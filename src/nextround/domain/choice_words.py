"""Typed choices read as the record's codes, and words spelt nothing like them: 'website'."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TypeVar

from nextround.domain.competency import Polarity
from nextround.domain.contacts import ContactRole
from nextround.domain.feedback import FeedbackSource
from nextround.domain.journey import (
    ApplyMethod,
    InterviewFormat,
    OfferResponse,
    Outcome,
    RoundKind,
    RoundMode,
    RoundOutcome,
    Source,
    Status,
    WorkMode,
)
from nextround.domain.near_miss import did_you_mean
from nextround.errors import InvalidInputError

E = TypeVar("E", bound=StrEnum)


def _words(**meanings: tuple[str, ...]) -> dict[str, str]:
    """{word: choice} from choice=(word, ...); words written as near_miss.word_key keys them."""
    return {word: choice for choice, words in meanings.items() for word in words}


#: Only a guess a person would naturally make for exactly one choice: a word that could
#: mean two ("manager": hiring manager or manager review?) is left to the list of choices.
SYNONYMS: dict[type[StrEnum], dict[str, str]] = {
    Source: _words(
        careers_page=(
            "website",
            "company_website",
            "company_site",
            "web",
            "careers",
            "career_site",
            "careers_site",
            "jobs_page",
            "job_page",
            "career_portal",
            "online",
        ),
        referral=("referred", "friend", "employee_referral", "network", "networking"),
        recruiter_outreach=("recruiter", "headhunter", "agency", "outreach", "inbound"),
        linkedin=("li", "linked_in"),
        job_board=(
            "indeed",
            "glassdoor",
            "jobboard",
            "job_site",
            "jobsite",
            "nhs_jobs",
            "nhsjobs",
            "reed",
            "totaljobs",
            "monster",
            "seek",
            "civil_service_jobs",
            "guardian_jobs",
            "stepstone",
            "arbeitsagentur",
            "jobboerse",
            "welcome_to_the_jungle",
            # QA17 F6: the UK graduate boards, and the start-up ones.
            "gradcracker",
            "milkround",
            "bright_network",
            "brightnetwork",
            "prospects",
            "targetjobs",
            "target_jobs",
            "otta",
            "wellfound",
            "angellist",
            "angel_list",
            "angel_co",
            "cv_library",
            "cwjobs",
            # QA22 F9: the US boards and job banks a work-search log names.
            "ziprecruiter",
            "zip_recruiter",
            "careerbuilder",
            "career_builder",
            "dice",
            "simplyhired",
            "simply_hired",
            "usajobs",
            "snagajob",
            "handshake",
            "flexjobs",
            "the_muse",
            "themuse",
            "ladders",
            "the_ladders",
            "built_in",
            "builtin",
            "idealist",
            "adzuna",
            "jooble",
            "talent_com",
            "jobcase",
        ),
    ),
    ApplyMethod: _words(
        online=("web", "website", "portal", "online_application", "applicant_portal", "ats"),
        email=("e_mail", "mail_to", "emailed", "by_email"),
        in_person=("person", "walk_in", "walkin", "in_store", "hand_delivered", "face_to_face"),
        mail=("post", "letter", "postal", "by_mail", "by_post", "mailed"),
        phone=("telephone", "call", "phone_call", "called", "by_phone"),
    ),
    WorkMode: _words(
        remote=("wfh", "home", "work_from_home", "distributed", "fully_remote"),
        hybrid=("mixed", "flexible", "partly_remote", "part_remote"),
        onsite=("office", "in_office", "in_person"),
    ),
    RoundKind: _words(
        screen=("phone_screen", "recruiter_screen", "intro", "intro_call", "screening"),
        assessment=(
            "oa",
            "online_assessment",
            "online_test",
            "online_tests",
            "coding_test",
            "coding_assessment",
            "technical_assessment",
            "hackerrank",
            "codility",
            "codesignal",
            "aptitude_test",
            "psychometric_test",
            "test",
        ),
        hiring_manager=("hm", "manager"),
        technical=("coding", "tech", "system_design"),
        # QA14 F8: a salesperson's role play or mock call is acted out on a case, as a
        # consultant's case is worked through: the kind reads "case / role play".
        case=(
            "case_study",
            "role_play",
            "roleplay",
            "role_playing",
            "mock_call",
            "mock_discovery_call",
            "discovery_call",
            "sales_exercise",
            "exercise",
        ),
        take_home=(
            "homework",
            "assignment",
            "home_assignment",
            "take_home_assignment",
            "design_challenge",
            "challenge",
        ),
        final_loop=("final", "loop", "onsite", "superday", "final_round"),
        panel=("panel_interview", "interview_panel", "selection_panel", "board", "interview_board"),
        presentation=(
            "portfolio",
            "portfolio_review",
            "portfolio_presentation",
            "case_presentation",
            "presenting",
            "pitch",
            "mock_pitch",
            "design_review",
        ),
        # QA17 F4: a graduate scheme's deciding day, never its online test ("assessment").
        assessment_centre=(
            "ac",
            "assessment_center",
            "assessment_day",
            "assessment_event",
            "virtual_assessment_centre",
            "virtual_assessment_center",
            "vac",
            "assessment_centre_day",
        ),
    ),
    RoundMode: _words(
        video=("zoom", "teams", "meet", "virtual", "online", "video_call", "remote"),
        onsite=("in_person", "office", "face_to_face"),
        phone=("call", "telephone", "phone_call"),
    ),
    RoundOutcome: _words(
        passed=("pass", "advanced", "moved_on", "through"),
        rejected=("failed", "fail", "rejection", "no"),
        withdrawn=("withdraw", "withdrew"),
        cancelled=("canceled", "called_off"),
        pending=("waiting", "open", "unknown"),
    ),
    InterviewFormat: _words(
        behavioural=(
            "behavioral",
            "behaviour",
            "behavior",
            # A graduate scheme's strengths-based interview asks about you, as a behavioural one.
            "strengths",
            "strengths_based",
            "strength_based",
            "strengths_interview",
            "strengths_based_interview",
        ),
        practical_exercise=("exercise", "practical", "whiteboard", "workshop", "live_exercise"),
        presentation=("talk", "pitch", "presenting"),
        technical=("tech", "technical_interview"),
        case=("case_study",),
        system_design=("design", "systems_design", "architecture", "design_interview"),
        coding=("code", "live_coding", "algorithms", "pair_programming", "coding_interview"),
        group_exercise=(
            "group",
            "group_task",
            "group_discussion",
            "group_activity",
            "group_work",
            "team_exercise",
        ),
    ),
    Outcome: _words(
        offer=("offered", "got_offer"),
        rejection=("rejected", "reject", "turned_down"),
        withdrawal=("withdrawn", "withdrew", "withdraw"),
        no_response=("ghosted", "silence", "no_reply", "no_answer", "none"),
    ),
    OfferResponse: _words(
        accepted=("accept", "yes"),
        declined=("decline", "no", "turned_down"),
        pending=("waiting", "open", "undecided"),
    ),
    FeedbackSource: _words(
        recruiter=("hr", "ta", "talent_acquisition", "sourcer"),
        interviewer=("panel", "panelist", "interview"),
        hiring_manager=("hm",),
        manager_review=("boss", "performance_review", "review", "appraisal"),
        peer=("colleague", "coworker", "teammate"),
        mentor=("coach", "advisor", "adviser"),
        self=("me", "myself", "own", "self_assessment", "self_review"),
    ),
    ContactRole: _words(
        talent_acquisition=("hr", "ta", "sourcer"),
        recruiter=("headhunter", "agency"),
        hiring_manager=("hm",),
        interviewer=("panelist", "panel"),
        mentor=("coach", "advisor", "adviser"),
        manager=("boss",),
        peer=("colleague", "coworker", "teammate"),
    ),
    Polarity: _words(
        strength=("positive", "praise", "good", "plus", "pro"),
        gap=("negative", "weakness", "concern", "improvement", "development", "con"),
        neutral=("mixed", "neither"),
    ),
    Status: _words(
        interviewing=("interview", "interviews"),
        final_round=("final", "final_loop"),
        offer=("offered",),
        no_response=("ghosted", "silence"),
        accepted=("accept",),
        declined=("decline",),
        rejected=("rejection",),
        withdrawn=("withdrew", "withdrawal"),
    ),
}


def synonyms_for(enum: type[StrEnum]) -> dict[str, str]:
    """The natural guesses for ``enum``'s choices (none for an enum without a table)."""
    return SYNONYMS.get(enum, {})


def read_choice(
    enum: type[E],
    value: str,
    field: str,
    among: Iterable[E] | None = None,
    notes: Callable[[str], str] | None = None,
) -> E:
    """The choice ``value`` names; hyphens, underscores and spaces are interchangeable.

    The one reading of a typed choice, for an option (`--source careers-page`) and a
    spreadsheet cell ("careers page", as the CSV export writes it) alike. An unknown value
    raises InvalidInputError naming ``field``, the choices and the nearest one; for a source,
    ``notes`` says how to name a channel the list lacks ("--notes 'via Xing'").
    """
    members = list(among if among is not None else enum)
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    for member in members:
        if member.value == key:
            return member
    allowed = ", ".join(m.value.replace("_", "-") for m in members)
    guess = did_you_mean(
        key, [m.value for m in members], lambda v: v.replace("_", "-"), synonyms=synonyms_for(enum)
    )
    if not guess and enum is Source and Source.OTHER in members:
        # Xing, a meetup, a newsletter: the list cannot name every channel, the notes can.
        where = notes(value) if notes else f"--notes, e.g. --notes 'via {value}'"
        guess = f"; if none fits, use other and say where in {where}"
    raise InvalidInputError(f"{field} {value!r} is not one of: {allowed}{guess}")
