"""`nextround debrief INTERVIEW`: the flag form for scripts and the interactive form."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.e2e.conftest import error_code, full_dump, open_app, seed_application, seeded_copy

pytestmark = pytest.mark.model


def _debrief(cli, interview_id):
    app = open_app(cli)
    try:
        with app.uow() as uow:
            return uow.debriefs.for_interview(interview_id)
    finally:
        app.close()


def test_debrief_with_flags(growth_cli):
    ids = seed_application(growth_cli)
    out = growth_cli.ok(
        "debrief", str(ids.interview), "--overall", "2",
        "--went-well", "Opened with the goal", "--went-badly", "Ran out of time",
        "--rate", "systems-thinking=2", "--rate", "communication=4",
        "-q", "How would this process fail, end to end?",
        "-q", "Tell me about a risk you saw coming and mitigated.",
    )  # fmt: skip
    flat = " ".join(out.split())
    assert f"Saved the debrief of interview {ids.interview} (overall 2/5)." in flat
    assert "Systems thinking: 2/5" in flat
    assert "Communication: clarity and concision: 4/5" in flat
    assert "Q2: Tell me about a risk you saw coming and mitigated. → Risk management?" in flat
    saved = _debrief(growth_cli, ids.interview)
    assert saved.overall == 2
    assert saved.went_badly == "Ran out of time"
    assert saved.ratings == {"systems-thinking": 2, "communication": 4}
    assert [q.competencies for q in saved.questions][1] == ["risk-management"]
    assert all(q.suggestions for q in saved.questions)
    # The timeline shows it under its interview, without a time of its own.
    lines = growth_cli.ok("timeline", str(ids.application)).splitlines()
    at = next(i for i, line in enumerate(lines) if "Interview: Whiteboard case" in line)
    assert " ".join(lines[at + 2].split()) == "Debrief: 2/5 overall"
    assert "did not go well: Ran out of time" in " ".join(lines[at + 3 :])

    # a second one needs --replace, which changes the parts given and keeps the rest
    refused = growth_cli("debrief", str(ids.interview), "--overall", "4")
    assert refused.code == 2
    assert "already has a debrief; pass --replace to change the parts you give and keep the " in (
        " ".join(refused.err.split())
    )
    assert "-q alone adds questions to those logged" in " ".join(refused.err.split())
    growth_cli.ok("debrief", str(ids.interview), "--overall", "4", "--replace")
    changed = _debrief(growth_cli, ids.interview)
    assert changed.overall == 4 and changed.went_well == "Opened with the goal"
    assert changed.ratings == {"systems-thinking": 2, "communication": 4}
    assert len(changed.questions) == 2
    growth_cli.ok(
        "debrief", str(ids.interview), "--replace", "--rate", "Systems thinking=3",
        "--went-badly", "", "-q", "Walk me through the rollback plan.",
    )  # fmt: skip
    changed = _debrief(growth_cli, ids.interview)
    assert changed.overall == 4 and changed.went_badly is None
    assert changed.ratings == {"systems-thinking": 3, "communication": 4}
    # A question given is added to those logged; --replace-questions replaces them.
    assert [q.text for q in changed.questions] == [
        "How would this process fail, end to end?",
        "Tell me about a risk you saw coming and mitigated.",
        "Walk me through the rollback plan.",
    ]
    growth_cli.ok(
        "debrief",
        str(ids.interview),
        "--replace-questions",
        "-q",
        "Walk me through the rollback plan.",
    )
    changed = _debrief(growth_cli, ids.interview)
    assert [q.text for q in changed.questions] == ["Walk me through the rollback plan."]
    assert changed.overall == 4 and changed.went_well == "Opened with the goal"


def _self_ratings(cli, competency):
    explained = json.loads(cli.ok("profile", "explain", competency, "--json"))
    return [e["self_rating"] for e in explained["evidence"] if e["self_rating"] is not None]


def test_a_rating_given_to_the_wrong_competency_is_removed(growth_cli):
    ids = seed_application(growth_cli)
    interview = str(ids.interview)
    growth_cli.ok(
        "debrief", interview, "--overall", "3",
        "--rate", "systems-thinking=2", "--rate", "risk-management=4",
    )  # fmt: skip
    assert _self_ratings(growth_cli, "risk-management") == [4]
    # Meant for communication: move it with one command, the other rating is kept.
    out = growth_cli.ok(
        "debrief", interview, "--replace", "--rate", "Risk management=", "--rate", "communication=4"
    )
    flat = " ".join(out.split())
    assert "Systems thinking: 2/5 Communication: clarity and concision: 4/5" in flat
    assert "Risk management: no longer rated" in flat
    saved = _debrief(growth_cli, ids.interview)
    assert saved.ratings == {"systems-thinking": 2, "communication": 4} and saved.overall == 3
    # The profile reads debriefs as they are now: the removed rating counts no more.
    assert _self_ratings(growth_cli, "risk-management") == []
    assert _self_ratings(growth_cli, "communication") == [4]

    # Removing one it does not have is a slip worth hearing about, not a silent success.
    refused = growth_cli("debrief", interview, "--replace", "--rate", "ownership=")
    assert refused.code == 2
    assert refused.err == (
        f"error: the debrief of interview {interview} has no self-rating for ownership to "
        "remove; it rates systems-thinking, communication\n"
    )
    assert _debrief(growth_cli, ids.interview).ratings == saved.ratings
    # The help says how.
    assert "COMPETENCY= (nothing after '=') removes one" in " ".join(
        growth_cli.ok("debrief", "--help").split()
    )


def test_debrief_interactively(growth_cli, tmp_path):
    ids = seed_application(growth_cli)
    questions = tmp_path / "questions.txt"
    questions.write_text("Why this role?\n\n", encoding="utf-8")
    answers = [
        "2",
        "Clear opening",  # went well
        "",  # went badly: skipped
        "2",  # systems thinking (probed by the interview)
        "",  # communication: skipped
        "How would this flow fail?",
        "Who owns the handoffs?",
        "",  # an empty line ends the questions
    ]
    result = growth_cli(
        "debrief", str(ids.interview), "--rate", "risk-management=3",
        "--questions-file", str(questions),
        stdin="\n".join(answers) + "\n",
    )  # fmt: skip
    assert result.code == 0, result.err
    flat = " ".join(result.out.split())
    assert "Debrief: Whiteboard case" in flat
    assert "Rate yourself 1-5 on what it probed (Enter skips):" in flat
    # One question came from the file: the form asks for the others, numbered on from it.
    assert "Any other questions you were asked? One per line; an empty line ends." in flat
    assert "2. 3. 4." in flat, result.out
    assert "Asked (from the flags): Why this role?\nAny other" in result.out  # no blank one
    # Piped answers are not echoed: the last prompt's line is ended before the next message.
    assert "\nSaved the debrief of interview" in result.out
    saved = _debrief(growth_cli, ids.interview)
    assert saved.overall == 2
    assert saved.went_well == "Clear opening" and saved.went_badly is None
    assert saved.ratings == {"systems-thinking": 2, "risk-management": 3}
    assert [q.text for q in saved.questions] == [
        "Why this role?",
        "How would this flow fail?",
        "Who owns the handoffs?",
    ]


def test_a_questions_file_has_one_question_per_line_as_an_editor_counts_them(growth_cli, tmp_path):
    ids = seed_application(growth_cli)
    questions = tmp_path / "questions.txt"
    # A line separator (U+2028) inside the second question: Python's splitlines() breaks there.
    questions.write_bytes(
        "\ufeffWhy this role?\r\nHow would this\u2028flow fail?\r\n".encode("utf-8")
    )
    growth_cli.ok(
        "debrief", str(ids.interview), "--overall", "3", "--questions-file", str(questions)
    )
    saved = _debrief(growth_cli, ids.interview)
    assert [q.text for q in saved.questions] == ["Why this role?", "How would this\u2028flow fail?"]


def test_an_interview_added_without_competencies_asks_which_it_probed(growth_cli):
    from datetime import date, timedelta

    ids = seed_application(growth_cli)
    held = f"{date.today() - timedelta(days=29)}T10:00"
    added = growth_cli.ok("interview", "add", str(ids.application), "Bare call", "--at", held)
    interview = re.search(r"Added interview (\d+)", added).group(1)  # type: ignore[union-attr]
    answers = [
        "3",
        "",  # went well: skipped
        "",  # went badly: skipped
        "Risk management, ownership",  # names do
        "2",  # risk management
        "4",  # ownership
        "",  # no questions
    ]
    result = growth_cli("debrief", interview, stdin="\n".join(answers) + "\n")
    assert result.code == 0, result.err
    assert "Which questions were you asked? One per line" in result.out
    assert _debrief(growth_cli, int(interview)).ratings == {"risk-management": 2, "ownership": 4}
    # What it probed is now on the interview too, as if given with --competency.
    shown = json.loads(growth_cli.ok("app", "show", str(ids.application), "--json"))
    (bare,) = [i for r in shown["rounds"] for i in r["interviews"] if i["title"] == "Bare call"]
    assert bare["competencies"] == ["risk-management", "ownership"]


def test_flags_given_with_the_form_are_kept_and_not_asked_again(growth_cli):
    ids = seed_application(growth_cli)
    answers = ["3", "", "Why us?", ""]  # overall; systems thinking skipped; one more question
    result = growth_cli(
        "debrief", str(ids.interview), "--went-well", "Opened with the headline",
        "--went-badly", "Ran over on Q2", "-q", "Tell me about a conflict",
        "--rate", "communication=4", stdin="\n".join(answers) + "\n",
    )  # fmt: skip
    assert result.code == 0, result.err
    flat = " ".join(result.out.split())
    assert "What went well? (from --went-well) Opened with the headline" in flat
    assert "Communication: clarity and concision (from --rate) 4" in flat
    saved = _debrief(growth_cli, ids.interview)
    assert (saved.overall, saved.went_well, saved.went_badly) == (
        3,
        "Opened with the headline",
        "Ran over on Q2",
    )
    assert saved.ratings == {"communication": 4}
    assert [q.text for q in saved.questions] == ["Tell me about a conflict", "Why us?"]


def test_a_bad_flag_is_refused_before_the_form_asks_anything(growth_cli):
    ids = seed_application(growth_cli)
    result = growth_cli("debrief", str(ids.interview), "--rate", "communication=7", stdin="3\n")
    assert result.code == 2
    assert "the self-rating for communication must be 1-5, not 7" in result.err
    assert "How did it go" not in result.out


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (["x", "3", "2"], r"'x': please answer with a number from 1 to 5; nothing was saved"),
        (["3", "", "", "nine", "2"], r"'nine': please answer with a number from 1 to 5"),
    ],
)
def test_a_refused_piped_answer_stops_rather_than_shifting_the_rest(growth_cli, answers, message):
    # Asking again would take the next line, and "3", "2" ended up saved as questions.
    ids = seed_application(growth_cli)
    before = full_dump(growth_cli.db)
    result = growth_cli("debrief", str(ids.interview), stdin="\n".join(answers) + "\n")
    assert result.code == 2
    assert re.search(message, result.err), result.err
    assert result.out.endswith("\n")  # the error starts on a line of its own
    assert full_dump(growth_cli.db) == before


def test_piped_answers_that_end_early_save_nothing_and_name_the_flags(growth_cli):
    ids = seed_application(growth_cli)
    before = full_dump(growth_cli.db)
    result = growth_cli("debrief", str(ids.interview), stdin="3\nFine\n")  # then end of input
    assert result.code == 2
    said = " ".join(result.err.split())
    assert said.startswith(
        "error: the answers piped in ended before the form did (at “What did not go well?”); "
        "nothing was saved. Without the form, give --overall N (1-5)"
    ), said
    assert "Aborted" not in said
    assert result.out.endswith("\n")  # not on the unanswered prompt's line
    assert full_dump(growth_cli.db) == before


@pytest.mark.parametrize("stdin", [None, ""])  # closed (/dev/null), or an empty pipe
def test_with_nothing_to_read_the_form_is_not_started_and_the_flags_are_named(growth_cli, stdin):
    ids = seed_application(growth_cli)
    before = full_dump(growth_cli.db)
    result = growth_cli("debrief", str(ids.interview), "--went-well", "Clear", stdin=stdin)
    assert result.code == 2
    assert result.out == ""  # no prompt printed
    said = " ".join(result.err.split())
    assert said == (
        "error: debrief needs a terminal to ask; in a script give --overall N (1-5), and as you "
        "like --went-well TEXT, --went-badly TEXT, --rate COMPETENCY=N and -q QUESTION (see "
        "`nextround debrief --help`)"
    )
    assert full_dump(growth_cli.db) == before
    # A debrief written already is named first: --replace is what is missing there.
    growth_cli.ok("debrief", str(ids.interview), "--overall", "3")
    again = growth_cli("debrief", str(ids.interview), stdin=stdin)
    assert again.code == 2 and "already has a debrief; pass --replace" in again.err


BAD = [
    (["debrief", "99", "--overall", "3"], r"no interview with id 99"),
    (["debrief", "{interview}", "--overall", "6"], r"Invalid value for '--overall': 6 is not"),
    (["debrief", "{interview}", "--overall", "3", "--rate", "risk"], r"--rate 'risk' should look"),
    (["debrief", "{interview}", "--overall", "3", "--rate", "risk-management=0"],
     r"the self-rating for risk-management must be 1-5, not 0"),
    (["debrief", "{interview}", "--overall", "3", "--rate", "ownershipp=3"],
     r"'ownershipp' is not a competency of .*; did you mean 'ownership' \(Ownership\)\?"),
    (["debrief", "{interview}", "--overall", "3", "--rate", "risk=2"],
     r"'risk' is not a competency of .*; did you mean 'risk-management' \(Risk management\)\?"),
    (["debrief", "{interview}", "--overall", "3", "--rate", "risk-management=x"],
     r"--rate 'risk-management=x' should look .*nothing after '=' removes a rating"),
    (["debrief", "{interview}", "--rate", "risk-management="],
     r"interview \d+ has no debrief yet, so no self-rating to remove \(--rate risk-management=\)"),
    (["debrief", "{interview}", "--replace", "--rate", "ownershipp="],
     r"'ownershipp' is not a competency of .*; did you mean 'ownership' \(Ownership\)\?"),
    (["debrief", "{future}", "--overall", "3"], r"has not happened yet; debrief it afterwards"),
    (["debrief", "{interview}", "--overall", "3", "--questions-file", "{tmp}/absent.txt"],
     r"no such file"),
    (["debrief", "abc"], r"Invalid value for 'INTERVIEW_ID'"),
]  # fmt: skip


@pytest.fixture(scope="module")
def with_interviews(warm_template, tmp_path_factory):
    return seeded_copy(warm_template, tmp_path_factory.mktemp("debrief"), seed_application)


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(b[0][1:]) for b in BAD])
def test_bad_input_fails_with_one_line_and_writes_nothing(
    growth_cli, with_interviews, tmp_path, args, message
):
    template, ids = with_interviews
    shutil.copyfile(template, growth_cli.db)
    before = full_dump(growth_cli.db)
    filled = [
        a.replace("{interview}", str(ids.interview))
        .replace("{future}", str(ids.future_interview))
        .replace("{tmp}", str(tmp_path))
        for a in args
    ]
    result = growth_cli(*filled)
    assert result.code == error_code(message), result
    assert result.out == ""
    assert result.err.startswith("error: ") and result.err.count("\n") == 1, result.err
    assert re.search(message, result.err), result.err
    assert full_dump(growth_cli.db) == before


def test_a_second_debrief_is_refused_before_the_first_question(growth_cli):
    ids = seed_application(growth_cli)
    growth_cli.ok("debrief", str(ids.interview), "--overall", "3")
    result = growth_cli("debrief", str(ids.interview), stdin="2\nMy long careful answer\n")
    assert result.code == 2
    assert "already has a debrief; pass --replace" in result.err
    assert "How did it go" not in result.out and "Debrief:" not in result.out  # nothing asked


def test_self_ratings_stay_on_the_framework_they_were_given_on(growth_cli, tmp_path):
    ids = seed_application(growth_cli)
    interview = str(ids.interview)
    growth_cli.ok("debrief", interview, "--overall", "3", "--rate", "communication=4")
    # Another framework that happens to use the id "communication" for something else.
    other = tmp_path / "briefs.json"
    other.write_text(
        json.dumps(
            {
                "name": "Briefs",
                "competencies": [{"id": "communication", "name": "Memos", "description": "d"}],
            }
        ),
        encoding="utf-8",
    )
    growth_cli.ok("framework", "import", str(other))
    note = " ".join(growth_cli.ok("framework", "use", "briefs").split())
    assert "the self-ratings of 1 debrief on nextround core" in note
    assert _self_ratings(growth_cli, "communication") == []  # Memos: not what was rated
    refused = growth_cli("debrief", interview, "--replace", "--rate", "communication=2")
    assert refused.code == 2
    assert "are on “nextround core interview competencies” (nextround-core), not on “Briefs”" in (
        " ".join(refused.err.split())
    )
    assert _debrief(growth_cli, ids.interview).ratings == {"communication": 4}
    growth_cli.ok("framework", "use", "nextround-core")
    assert _self_ratings(growth_cli, "communication") == [4]


def test_the_flag_form_shown_in_help_runs_as_printed(growth_cli):
    """`debrief --help` shows the flag form; copied from there, it works and asks nothing."""
    import shlex

    ids = seed_application(growth_cli)
    shown = growth_cli.ok("debrief", "--help")
    start = shown.index("nextround debrief 7")
    lines = shown[start:].split("\n")
    typed = []  # the shell's continuation lines, up to the first that does not go on
    for line in (line.strip() for line in lines):
        typed.append(line.removesuffix("\\"))
        if not line.endswith("\\"):
            break
    words = shlex.split(" ".join(typed))
    assert words[:3] == ["nextround", "debrief", "7"] and "--rate" in words
    result = growth_cli("debrief", str(ids.interview), *words[3:])  # stdin is closed
    assert result.code == 0, result.err
    saved = _debrief(growth_cli, ids.interview)
    assert saved.overall == 3 and saved.ratings == {"risk-management": 2, "communication": 4}
    assert [q.text for q in saved.questions] == [
        "How would you de-risk the migration?",
        "Why us?",
    ]


def test_a_question_is_confirmed_at_entry_or_corrected_afterwards(growth_cli):
    ids = seed_application(growth_cli)
    out = growth_cli.ok(
        "debrief", str(ids.interview), "--overall", "3",
        "-q", "How would you roll out a breaking change across 12 regions?",
        "-q", "Why platform PM after 9 years? = none",
        "-q", "What SLOs would you set? = technical depth, Systems thinking",
    )  # fmt: skip
    flat = " ".join(out.split())
    assert "Q2: Why platform PM after 9 years? → no competency (confirmed)" in flat
    assert "Q3: What SLOs would you set? → Technical depth, Systems thinking (confirmed)" in flat
    assert f"`nextround debrief {ids.interview} --confirm N=COMPETENCY`" in flat
    # A misspelt name is refused with the likely one, and nothing changes.
    refused = growth_cli("debrief", str(ids.interview), "--confirm", "1=risk managment")
    assert refused.code == 2 and "did you mean 'risk-management'" in refused.err
    assert not _debrief(growth_cli, ids.interview).questions[0].confirmed
    refused = growth_cli("debrief", str(ids.interview), "--confirm", "4")
    assert refused.code == 2 and "has no question 4: its questions are 1-3" in refused.err
    refused = growth_cli("debrief", str(ids.interview), "--confirm", "x=risk")
    assert refused.code == 2 and "should look like 2=technical-depth" in refused.err
    out = growth_cli.ok("debrief", str(ids.interview), "--confirm", "1=Risk management")
    flat = " ".join(out.split())
    assert f"Confirmed 1 question of interview {ids.interview}:" in flat
    assert (
        "Q1: How would you roll out a breaking change across 12 regions? → Risk management" in flat
    )
    saved = _debrief(growth_cli, ids.interview)
    assert [(q.confirmed, q.competencies) for q in saved.questions] == [
        (True, ["risk-management"]),
        (True, []),
        (True, ["technical-depth", "systems-thinking"]),
    ]
    # `app show` lists each debrief's questions with what they probed.
    shown = " ".join(growth_cli.ok("app", "show", str(ids.application)).split())
    assert "Q2: Why platform PM after 9 years? → no competency (confirmed)" in shown
    # Replacing the questions keeps the verdict on one logged again word for word; those
    # confirmed that it would drop are named first, and without --yes nothing goes.
    replace = ["debrief", str(ids.interview), "--replace-questions"]
    replace += ["-q", "Why platform PM after 9 years?"]
    for answer in (None, "n\n"):
        refused = growth_cli(*replace, stdin=answer)
        assert refused.code == 2, refused
        warned = " ".join(refused.out.split())
        assert (
            f"Replacing the questions of interview {ids.interview}'s debrief would remove 2 "
            "confirmed questions: Q1 “How would you roll out a breaking change across 12 "
            "regions?” (confirmed: Risk management); Q3 “What SLOs would you set?” (confirmed: "
            "Technical depth, Systems thinking). Replace them anyway? [y/N]"
        ) in warned
        assert "nothing changed: the questions logged are kept; add --yes" in refused.err
        assert len(_debrief(growth_cli, ids.interview).questions) == 3
    out = growth_cli.ok(*replace, "--yes")
    flat = " ".join(out.split())
    assert (
        f"Replaced the questions of interview {ids.interview}'s debrief. Removed 2 questions "
        "(2 of them confirmed): “How would you roll out a breaking change across 12 regions?”; "
        "“What SLOs would you set?”. Q1: Why platform PM after 9 years?"
    ) in flat
    (again,) = _debrief(growth_cli, ids.interview).questions
    assert again.confirmed and again.competencies == []


def test_one_more_question_is_added_and_the_verdicts_given_stay(growth_cli):
    """QA7 F1: a question remembered later must not wipe those logged and confirmed."""
    ids = seed_application(growth_cli)
    interview = str(ids.interview)
    growth_cli.ok(
        "debrief", interview, "--overall", "3",
        "-q", "How did you decide when to split a team?",
        "-q", "What second-order effects did you plan for?",
        "-q", "How do you set engineering strategy for 2 years out?",
        "-q", "Tell me about a time you disagreed with your VP = stakeholder management",
    )  # fmt: skip
    growth_cli.ok(
        "debrief", interview, "--confirm", "1=risk management,systems thinking",
        "--confirm", "2", "--confirm", "3=none",
    )  # fmt: skip
    before = _debrief(growth_cli, ids.interview)
    out = growth_cli.ok(
        "debrief", interview, "-q", "How do you handle a P0 with a vendor outage? = risk management"
    )
    flat = " ".join(out.split())
    assert (
        f"Added 1 question (Q5) to the debrief of interview {interview}; those logged before "
        "keep their verdicts. Q1:"
    ) in flat
    assert (
        "Q1: How did you decide when to split a team? → Risk management, Systems thinking" in flat
    )
    assert "Q5: How do you handle a P0 with a vendor outage? → Risk management (confirmed)" in flat
    after = _debrief(growth_cli, ids.interview)
    assert [(q.text, q.confirmed, q.competencies) for q in after.questions][:4] == [
        (q.text, q.confirmed, q.competencies) for q in before.questions
    ]
    assert after.questions[4].competencies == ["risk-management"]
    assert (after.overall, after.ratings) == (before.overall, before.ratings)
    # Given again, one logged already is not added twice.
    out = growth_cli.ok("debrief", interview, "-q", "how did you decide when to split a team?")
    flat = " ".join(out.split())
    assert f"No question added to the debrief of interview {interview}: Q1 was logged already." in (
        flat
    )
    assert len(_debrief(growth_cli, ids.interview).questions) == 5
    # Changing other parts still needs --replace, and -q with it adds too.
    refused = growth_cli("debrief", interview, "--went-well", "Calm", "-q", "Why us?")
    assert refused.code == 2 and "already has a debrief" in refused.err
    out = growth_cli.ok("debrief", interview, "--replace", "--went-well", "Calm", "-q", "Why us?")
    flat = " ".join(out.split())
    assert "Saved the debrief of interview" in flat
    assert "Added 1 question (Q6); those logged before keep their verdicts. Q1:" in flat
    final = _debrief(growth_cli, ids.interview)
    assert final.went_well == "Calm" and len(final.questions) == 6
    assert "--replace-questions" in " ".join(growth_cli.ok("debrief", "--help").split())


def test_confirm_all_says_only_what_it_changed(growth_cli):
    """QA7 F13: `--confirm all` on questions confirmed already claims nothing."""
    ids = seed_application(growth_cli)
    interview = str(ids.interview)
    growth_cli.ok(
        "debrief", interview, "--overall", "3",
        "-q", "How would this process fail?", "-q", "Why us? = none",
        "-q", "Who owns the handoffs? = ownership",
    )  # fmt: skip
    out = growth_cli.ok("debrief", interview, "--confirm", "all")
    flat = " ".join(out.split())
    assert f"Confirmed 1 question of interview {interview}:" in flat
    assert "Q1: How would this process fail?" in flat
    assert "Q2 and Q3 were confirmed already." in flat
    assert "Q2: Why us?" not in flat  # only the lines it changed
    out = growth_cli.ok("debrief", interview, "--confirm", "all")
    flat = " ".join(out.split())
    assert "Confirmed" not in flat
    assert (
        f"Nothing changed: Q1, Q2 and Q3 of interview {interview} were confirmed already:"
    ) in flat
    # Confirmations name competencies, never by their ids.
    out = growth_cli.ok("debrief", interview, "--confirm", "2=stakeholder-management")
    flat = " ".join(out.split())
    assert "Q2: Why us? → Stakeholder management (confirmed)" in flat
    assert "stakeholder-management" not in flat


def test_answering_a_debrief_again_keeps_the_questions_logged(growth_cli):
    ids = seed_application(growth_cli)
    interview = str(ids.interview)
    growth_cli.ok("debrief", interview, "--overall", "2", "-q", "Why us? = none")
    answers = ["4", "", "", "", "", "What would you cut?", ""]
    result = growth_cli("debrief", interview, "--replace", stdin="\n".join(answers) + "\n")
    assert result.code == 0, result.err
    assert "Questions logged already (kept, with what you confirmed they probed):" in result.out
    assert "Any other questions you were asked?" in result.out
    assert "Added 1 question (Q2); those logged before keep their verdicts." in result.out
    saved = _debrief(growth_cli, ids.interview)
    assert saved.overall == 4
    assert [(q.text, q.confirmed) for q in saved.questions] == [
        ("Why us?", True),
        ("What would you cut?", False),
    ]


def test_a_logged_question_is_removed_by_its_number(growth_cli):
    ids = seed_application(growth_cli)
    interview = str(ids.interview)
    growth_cli.ok(
        "debrief", interview, "--overall", "3",
        "-q", "How did you decide when to split a team?",
        "-q", "Why us? = none",
        "-q", "What second-order effects did you plan for? = systems thinking",
        "-q", "Where do you see yourself in five years?",
    )  # fmt: skip
    out = growth_cli.ok("debrief", interview, "--remove-question", "2")
    flat = " ".join(out.split())
    assert (
        f"Removed Q2 “Why us?” (confirmed: no competency) from the debrief of interview "
        f"{interview}. The questions left, numbered afresh: Q1: How did you decide when to "
        "split a team?"
    ) in flat
    assert "Q2: What second-order effects did you plan for? → Systems thinking (confirmed)" in flat
    # Several at once, by the numbers as listed now; each says whether it was confirmed.
    out = growth_cli.ok("debrief", interview, "--remove-question", "3", "--remove-question", "2")
    flat = " ".join(out.split())
    assert (
        f"Removed 2 questions from the debrief of interview {interview}: Q2 “What "
        "second-order effects did you plan for?” (confirmed: Systems thinking); Q3 “Where "
        "do you see yourself in five years?” (not confirmed)."
    ) in flat
    saved = _debrief(growth_cli, ids.interview)
    assert [q.text for q in saved.questions] == ["How did you decide when to split a team?"]
    assert saved.overall == 3
    # A number the list lacks names those it has; nothing goes.
    refused = growth_cli("debrief", interview, "--remove-question", "2")
    assert refused.code == 2
    assert refused.err == (
        f"error: the debrief of interview {interview} has no question 2: it logs 1 question\n"
    )
    refused = growth_cli("debrief", interview, "--remove-question", "1", "-q", "Why now?")
    assert refused.code == 2 and "give it alone" in refused.err
    assert len(_debrief(growth_cli, ids.interview).questions) == 1
    out = growth_cli.ok("debrief", interview, "--remove-question", "1")
    assert "It logs no questions now." in out
    assert "--remove-question" in " ".join(growth_cli.ok("debrief", "--help").split())


def test_debrief_json_gives_the_saved_debrief_and_what_it_did(growth_cli):
    ids = seed_application(growth_cli)
    interview = str(ids.interview)
    # The form's questions would be mixed into the document: --json takes the flag form.
    refused = growth_cli("debrief", interview, "--went-well", "Clear", "--json")
    assert refused.code == 2 and "--overall" in json.loads(refused.err)["error"]
    done = growth_cli(
        "debrief", interview, "--overall", "3", "--rate", "communication=4",
        "-q", "Why us? = none", "--json",
    )  # fmt: skip
    saved = json.loads(done.out)
    assert saved["interview_id"] == ids.interview and saved["overall"] == 3
    assert saved["added"] is True and saved["ratings"] == {"communication": 4}
    assert [q["text"] for q in saved["questions"]] == ["Why us?"]
    more = growth_cli("debrief", interview, "-q", "Why us?", "-q", "What went wrong?", "--json")
    again = json.loads(more.out)
    assert again["added"] is False and again["id"] == saved["id"]
    assert again["questions_added"] == [2] and again["questions_logged_already"] == [1]
    assert "logged already" in more.err  # the text output's note, on stderr
    confirmed = json.loads(growth_cli.ok("debrief", interview, "--confirm", "2=none", "--json"))
    assert confirmed["questions_confirmed"] == [2] and confirmed["questions"][1]["confirmed"]
    shown = json.loads(growth_cli.ok("app", "show", str(ids.application), "--json"))["debriefs"]
    assert [{k: v for k, v in confirmed.items() if k in shown[0]}] == shown


def _cached_forms(cli, text: str) -> list[str]:
    """The forms of ``text`` whose vectors the database's embedding cache holds."""
    import sqlite3

    from nextround.analysis.embedding_cache import text_key
    from nextround.services.erasure import embedded_forms

    with sqlite3.connect(cli.db) as conn:
        keys = {row[0] for row in conn.execute("SELECT text_hash FROM embedding_cache")}
    return sorted(form for form in embedded_forms(text) if text_key(form) in keys)


def _stored_bytes(cli) -> bytes:
    """The database file once its log is folded in, as it lies on disk.

    Until a checkpoint the log (-wal) may still hold older copies of changed pages; they
    are gone once it runs (SQLite runs one when the last connection closes).
    """
    import sqlite3
    from contextlib import closing
    from pathlib import Path

    with closing(sqlite3.connect(cli.db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = sorted(Path(cli.db).parent.glob(Path(cli.db).name + "*"))
    return b"".join(f.read_bytes() for f in files)


def test_questions_edited_out_of_a_debrief_leave_nothing_behind(growth_cli):
    """Removing or replacing logged questions forgets them as deleting the debrief would."""
    ids = seed_application(growth_cli)
    interview = str(ids.interview)
    removed = "Which vendor outage taught you the most about escalation?"
    replaced = "How would you staff the Zanzibar migration with half the team?"
    kept = "How did you decide when to split a team?"
    growth_cli.ok(
        "debrief", interview, "--overall", "3", "--went-well", "Drew the Quokka flow first",
        "-q", kept, "-q", removed, "-q", replaced,
    )  # fmt: skip
    assert _cached_forms(growth_cli, removed) and _cached_forms(growth_cli, replaced)
    growth_cli.ok("debrief", interview, "--remove-question", "2")
    growth_cli.ok("debrief", interview, "--replace", "--replace-questions", "-q", kept, "-y")
    growth_cli.ok("debrief", interview, "--replace", "--went-well", "")
    assert [q.text for q in _debrief(growth_cli, ids.interview).questions] == [kept]
    backup = growth_cli.ok("export", "json", "-o", "-")
    on_disk = _stored_bytes(growth_cli)
    for gone in (removed, replaced, "Drew the Quokka flow first"):
        assert gone not in backup
        assert gone.encode() not in on_disk, gone
        assert _cached_forms(growth_cli, gone) == []
    # The question still logged keeps its vector: nothing is embedded twice.
    assert _cached_forms(growth_cli, kept)
