"""Whether the person has a job now: practice that needs a team or a workplace says what else."""

from __future__ import annotations

import re
from enum import StrEnum


class WorkSituation(StrEnum):
    """What the person said about their work now; unsaid, the plan assumes a job."""

    EMPLOYED = "employed"
    BETWEEN_JOBS = "between_jobs"


#: How each situation is said on the page and in the terminal.
SITUATION_LABELS = {
    WorkSituation.EMPLOYED: "I have a job (or a team I work with)",
    WorkSituation.BETWEEN_JOBS: "I am between jobs",
}

#: How the CLI takes each situation.
SITUATION_WORDS = {"employed": WorkSituation.EMPLOYED, "between-jobs": WorkSituation.BETWEEN_JOBS}

# Practice that needs a workplace now: a team, a colleague, a current project. "Your last
# role" and "your current or last area" work from memory, and a former colleague is one
# the person still has.
_NEEDS_A_JOB = re.compile(
    r"\b(?:at work|your team|"
    r"team members?|teammates?|(?<!former )(?<!previous )colleagues?|one-to-ones?|"
    r"(?:your|a) current (?:project|area|role|job|team|manager|employer)|"
    r"your manager|direct reports?|delegat(?:e|ing)|performance conversations?|"
    r"you sell or support)\b",
    re.IGNORECASE,
)

#: Said under practice that needs a workplace, for someone between jobs.
BETWEEN_JOBS_ALTERNATIVE = (
    "Between jobs? Do it on a side project, a volunteering role or a course group, with "
    "someone you mentor, or with a former colleague: the practice counts the same, and it "
    "gives you a recent example to tell."
)


def needs_a_job(idea: str) -> bool:
    """Whether a practice idea assumes a current job: a team, colleagues, a project at work."""
    return _NEEDS_A_JOB.search(idea) is not None


def for_situation(idea: str, situation: WorkSituation | None) -> str:
    """The practice as the plan says it: with what else to do when it needs a job one lacks."""
    if situation is WorkSituation.BETWEEN_JOBS and needs_a_job(idea):
        return f"{idea.rstrip()} {BETWEEN_JOBS_ALTERNATIVE}"
    return idea


def situation_from(value: object) -> WorkSituation | None:
    """The situation as stored in the preferences; None when unsaid or unreadable."""
    try:
        return WorkSituation(str(value)) if value is not None else None
    except ValueError:
        return None
