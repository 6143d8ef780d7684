"""`nextround map` and `nextround feedback add|review|clarify`, with the real model."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.e2e.conftest import error_code, full_dump, open_app, seed_application, seeded_copy

pytestmark = pytest.mark.model

TOP_KEYS = {"text", "framework", "mapper", "not_english", "statements"}
STATEMENT_KEYS = {
    "text",
    "start",
    "end",
    "polarity",
    "polarity_confidence",
    "topic",
    "competencies",
}
COMPETENCY_KEYS = {"id", "name", "confidence"}

TEXTS = [
    "Strong communicator, but the whiteboard flow lacked structure.",
    "",
    "She never identified the risks in the migration plan — “no mitigation”, said Zoë.",
]


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def _check_shape(line: dict, text: str, framework: str) -> None:
    assert set(line) == TOP_KEYS
    assert line["text"] == text
    assert line["framework"] == framework
    assert line["mapper"] == "semantic"
    for statement in line["statements"]:
        assert set(statement) == STATEMENT_KEYS
        assert text[statement["start"] : statement["end"]] == statement["text"]
        assert statement["polarity"] in ("strength", "gap", "neutral")
        assert 0 <= statement["polarity_confidence"] <= 1
        assert len(statement["competencies"]) <= 3
        confidences = [c["confidence"] for c in statement["competencies"]]
        assert confidences == sorted(confidences, reverse=True)
        for competency in statement["competencies"]:
            assert set(competency) == COMPETENCY_KEYS
            assert 0 <= competency["confidence"] <= 1


def test_map_writes_one_json_line_per_input_line(growth_cli, tmp_path):
    result = growth_cli("map", stdin="\n".join(TEXTS) + "\n")
    assert result.code == 0, result.err
    assert result.err == ""  # the model is there: no fallback note, no export chatter
    lines = _lines(result.out)
    assert len(lines) == len(TEXTS)
    for line, text in zip(lines, TEXTS, strict=True):
        _check_shape(line, text, "nextround-core")
    first, blank, risk = lines
    assert [s["polarity"] for s in first["statements"]] == ["strength", "gap"]
    assert first["statements"][0]["competencies"][0] == {
        "id": "communication",
        "name": "Communication: clarity and concision",
        "confidence": first["statements"][0]["competencies"][0]["confidence"],
    }
    assert blank["statements"] == []
    assert risk["statements"][0]["competencies"][0]["id"] == "risk-management"
    assert "“no mitigation”, said Zoë" in result.out  # UTF-8, not \u escapes

    # The same texts from a file give the same lines.
    path = tmp_path / "texts.txt"
    path.write_text("\n".join(TEXTS) + "\n", encoding="utf-8")
    assert growth_cli.ok("map", str(path)) == result.out


def test_map_splits_lines_only_where_an_editor_does(growth_cli, tmp_path):
    # pdftotext ends each page with a form feed; Python's splitlines() would also break at
    # U+2028, \x85 and \x1c, giving more output lines than there are input lines.
    texts = [
        "Clear structure.\fStrong communicator.",
        "Owned the rollout\u2028end to end.",
        "Weak on risks\x85and \x1cmitigations.",
    ]
    path = tmp_path / "texts.txt"
    path.write_bytes(("\r\n".join(texts) + "\r").encode("utf-8"))
    lines = _lines(growth_cli.ok("map", str(path)))
    assert [line["text"] for line in lines] == texts
    assert _lines(growth_cli.ok("map", stdin="\n".join(texts) + "\n")) == lines


def test_map_reads_a_file_with_a_byte_order_mark_as_stdin_does(growth_cli, tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXTS[0].encode("utf-8") + b"\r\n")
    (line,) = _lines(growth_cli.ok("map", str(path)))
    assert line["text"] == TEXTS[0]
    assert line["statements"][0]["start"] == 0
    assert _lines(growth_cli.ok("map", stdin="\ufeff" + TEXTS[0] + "\n")) == [line]


def test_map_reads_the_database_and_leaves_it_as_it_was(growth_cli):
    texts = "Wrote weekly updates for every stakeholder.\nNo fallback for the riskiest step.\n"
    before = full_dump(growth_cli.db)
    out = growth_cli.ok("map", stdin=texts)
    assert full_dump(growth_cli.db) == before  # not even the texts' vectors
    # Kept on request, for scripts that map the same texts again; the output is the same.
    assert growth_cli.ok("map", "--save-vectors", stdin=texts) == out
    rows, cached = full_dump(growth_cli.db)
    assert rows == before[0] and cached == before[1] + 2
    assert growth_cli.ok("map", stdin=texts) == out  # read back from the cache


def test_confirmed_mappings_teach_map_unless_no_examples(growth_cli):
    text = "the whiteboard flow lacked structure."
    untaught = growth_cli.ok("map", stdin=text + "\n")
    growth_cli.ok("feedback", "add", TEXTS[0], "--source", "interviewer")
    statement = _pending(growth_cli)[1]["statement"]
    assert statement["text"] == text
    growth_cli.ok(
        "feedback", "review", "--statement", str(statement["id"]),
        "--competency", "problem-solving",
    )  # fmt: skip
    taught = _lines(growth_cli.ok("map", stdin=text + "\n"))[0]["statements"][0]["competencies"]
    assert taught[0]["id"] == "problem-solving"
    assert taught != _lines(untaught)[0]["statements"][0]["competencies"]
    # From the framework alone: as on the empty database, whatever was confirmed since.
    assert growth_cli.ok("map", "--no-examples", stdin=text + "\n") == untaught


def test_a_confirmed_polarity_carries_over_to_near_identical_statements(growth_cli):
    # A phrasing the reader takes for praise, corrected once by the user.
    said = "You leaned heavily on your team's results."
    growth_cli.ok("feedback", "add", said, "--source", "interviewer")
    (first,) = _pending(growth_cli)
    assert first["statement"]["polarity"] != "gap"
    growth_cli.ok(
        "feedback", "review", "--statement", str(first["statement"]["id"]),
        "--competency", "ownership", "--polarity", "gap",
    )  # fmt: skip
    again = "You leaned heavily on the team's results.\nYou never leaned on your team's results.\n"
    taught, negated = (s["statements"][0] for s in _lines(growth_cli.ok("map", stdin=again)))
    untaught, plain = (
        s["statements"][0] for s in _lines(growth_cli.ok("map", "--no-examples", stdin=again))
    )
    assert untaught["polarity"] != "gap"
    assert taught["polarity"] == "gap"
    # A negation changes the reading, so the correction does not reach it.
    assert negated["polarity_confidence"] == plain["polarity_confidence"]
    assert negated["polarity"] == plain["polarity"]
    # New feedback is read with the correction too, and says why.
    growth_cli.ok("feedback", "add", "Honestly, you leaned heavily on your team's results.")
    (pending,) = _pending(growth_cli)
    assert pending["statement"]["polarity"] == "gap"
    assert pending["statement"]["cues"][0].startswith(
        "your review: you confirmed a near-identical statement as a gap"
    )


def test_map_reads_a_request_to_fix_a_fault_as_a_gap_and_short_french_praise_as_praise(
    growth_cli,
):
    texts = [
        "Fix the late reporting before the next quarter, it keeps slipping.",
        "Keep doing what you did in the case study.",
        "Ines, super session aujourd'hui",
    ]
    fix, keep, french = _lines(growth_cli.ok("map", stdin="\n".join(texts) + "\n"))
    # The request and the reason for it are one development point.
    assert [s["polarity"] for s in fix["statements"]] == ["gap"]
    assert [s["polarity"] for s in keep["statements"]] == ["strength"]
    assert [s["polarity"] for s in french["statements"]] == ["strength"]


def test_map_reads_the_reviewers_concerns_about_any_topic_as_a_gap(growth_cli):
    # QA18 F2: "handle ... performance management" outweighed "had concerns about".
    texts = [
        "We had concerns about how you handle performance management.",
        "The panel had some concerns about your stakeholder management.",
        "We had no concerns about how you handle performance management.",
    ]
    read = _lines(growth_cli.ok("map", stdin="\n".join(texts) + "\n"))
    assert [[s["polarity"] for s in line["statements"]] for line in read] == [
        ["gap"],
        ["gap"],
        ["strength"],
    ]


def test_map_keeps_a_missing_pair_and_a_missing_link_whole_as_gaps(growth_cli):
    # QA20 F2: cut at "and", the second half of each read as praise.
    texts = [
        "Your CV lacked evidence of managing suppliers on contract and negotiating renewals "
        "with a vendor.",
        "We wanted to see how you moved from the data to a decision, and the link between "
        "your findings and the roadmap was not clear.",
    ]
    read = _lines(growth_cli.ok("map", stdin="\n".join(texts) + "\n"))
    assert [[(s["text"], s["polarity"]) for s in line["statements"]] for line in read] == [
        [(texts[0], "gap")],
        [(texts[1], "gap")],
    ]


def test_map_reads_what_was_hard_for_you_and_an_unmet_expectation_as_gaps(growth_cli):
    # QA20: "You found it hard to ... persuade", "... was hard for you" and "We wanted to see
    # how you ..." alone read as praise of what they name.
    texts = [
        "You found it hard to explain how you would persuade the sales team.",
        "Handling objections from the finance director was hard for you.",
        "We wanted to see how you turned interview notes into themes.",
        "We wanted to see how you turned interview notes into themes, and you showed it clearly.",
        "You tackled a hard problem well.",
        "You are hard-working and your hard skills are strong.",
    ]
    read = _lines(growth_cli.ok("map", stdin="\n".join(texts) + "\n"))
    assert [[s["polarity"] for s in line["statements"]] for line in read] == [
        ["gap"],
        ["gap"],
        ["gap"],
        ["strength"],
        ["strength"],
        ["strength"],
    ]


def test_map_reads_winning_round_a_job_title_as_stakeholder_management(growth_cli):
    # QA20 F12: the title's field ("product") drew it to product sense.
    text = "You struggled to explain how you would persuade a product owner who rejected your plan."
    [line] = _lines(growth_cli.ok("map", stdin=text + "\n"))
    [statement] = line["statements"]
    assert statement["polarity"] == "gap"
    assert statement["competencies"][0]["id"] == "stakeholder-management"


def test_feedback_add_sets_german_courtesy_aside_and_reads_german_praise(growth_cli):
    # QA18 F5: the greeting, thanks and invitation were kept; "hat uns überzeugt" was neutral.
    email = (
        "Hallo Marta, vielen Dank für das Gespräch. Ihre Erfahrung im Aufbau von Teams hat "
        "uns überzeugt. Bei der Fallstudie fehlte uns allerdings eine klare Struktur. "
        "Wir würden Sie gerne zur nächsten Runde einladen.\n\nViele Grüße\nJana"
    )
    result = growth_cli("feedback", "add", email, "--json")
    assert result.code == 0, result.err
    read = [(s["text"], s["polarity"]) for s in json.loads(result.out)["statements"]]
    assert read == [
        ("Ihre Erfahrung im Aufbau von Teams hat uns überzeugt.", "strength"),
        ("Bei der Fallstudie fehlte uns allerdings eine klare Struktur.", "gap"),
    ]
    # The note that nextround reads only common German words stays.
    assert "this feedback looks like German" in result.err


def test_map_marks_texts_clearly_not_in_english_and_says_so(growth_cli):
    texts = [
        "Votre communication était excellente.",
        "CI/CD, k8s, SLOs",
        "Ваша коммуникация была отличной.",
        "Strong communicator.",
    ]
    result = growth_cli("map", stdin="\n".join(texts) + "\n")
    assert result.code == 0, result.err
    assert [line["not_english"] for line in _lines(result.out)] == ["fr", None, "ru", None]
    assert result.err == (
        "note: lines 1 (French), 3 (Russian) are not in English; nextround reads English, so "
        "their mapping is unreliable\n"
    )
    assert growth_cli("map", stdin=texts[1] + "\n" + texts[3] + "\n").err == ""


def test_feedback_add_warns_when_the_feedback_is_not_in_english(growth_cli):
    french = growth_cli("feedback", "add", "Votre communication était excellente.", "--json")
    assert french.code == 0, french.err
    assert json.loads(french.out)["text"] == "Votre communication était excellente."  # stored
    assert french.err.startswith("note: this feedback looks like French; nextround reads ")
    english = growth_cli("feedback", "add", "Great rapport; CI/CD and SLOs were solid.")
    assert english.code == 0 and english.err == ""


def test_feedback_add_lists_what_it_did_not_read_as_feedback(growth_cli):
    email = (
        "Hi Nadia,\n\nThank you so much for your time over the last few weeks.\n\n"
        "Unfortunately, we have decided to move forward with another candidate. "
        "Strong communicator, but the whiteboard flow lacked structure.\n\nBest,\nMaya"
    )
    out = " ".join(growth_cli.ok("feedback", "add", email).split())
    assert "Split into 2 statements" in out
    assert "Not read as feedback (2: thanks, courtesy, sign-off, talk about the decision;" in out
    assert "Thank you so much for your time over the last few weeks." in out
    plain = growth_cli.ok("feedback", "add", "Strong communicator, but thin on risks.")
    assert "Not read as feedback" not in plain


def test_feedback_add_sets_aside_a_graduate_no_and_interview_tips(growth_cli):
    # QA17 F7, F8: the "no" of a graduate scheme is talk about the decision, a careers
    # adviser's tips are advice on technique; neither is evidence, and both are listed.
    email = (
        "Dear Tomás,\n\nThank you for attending our assessment centre on 14th October. "
        "Unfortunately on this occasion you have not been successful.\n\n"
        "Group exercise: at times you withdrew from the discussion.\n\n"
        "Kind regards,\nEarly Careers Team"
    )
    out = " ".join(growth_cli.ok("feedback", "add", email).split())
    assert "Split into 1 statement; review it with `nextround feedback review`:" in out
    assert "gap Group exercise: at times you withdrew from the discussion." in out
    assert "talk about the decision; stored, but no evidence): " in out
    assert (
        "Unfortunately on this occasion you have not been successful."
        in out.split("Not read as feedback")[1]
    )
    tips = (
        "Careers adviser notes: In interviews use STAR and quantify results. "
        "Tailor your CV to each role. Next time spend more time on risk. CV is solid."
    )
    out = " ".join(growth_cli.ok("feedback", "add", tips, "--source", "mentor").split())
    assert "Split into 1 statement" in out
    assert "gap Next time spend more time on risk." in out
    assert (
        "Not read as feedback (3: advice on interview technique, remark on the CV or cover "
        "letter; stored, but no " in out
    )
    assert "advice on interview technique: Tailor your CV to each role." in out
    assert "remark on the CV or cover letter: CV is solid." in out
    # QA17 F9: his own summary of a call reads as the interviewer's words would.
    said = (
        "Recruiter said the technical interviewer liked my problem solving but I need to "
        "talk through my thinking out loud more."
    )
    (line,) = _lines(growth_cli.ok("map", stdin=said + "\n"))
    assert [s["polarity"] for s in line["statements"]] == ["strength", "gap"]


REPLY_WITH_THREAD = (
    "Hi Priya,\n\n"
    "Thanks again for your time with the team last week.\n\n"
    "The panel was impressed by your customer empathy. However, the interviewers felt you "
    "didn't go deep enough on the control-plane capacity trade-offs.\n\n"
    "Best regards,\nJana Kowalski\nSenior Technical Recruiter | Hyperscale Cloud\n"
    "+49 30 1234 5678 | jana.kowalski@hyperscale.example\n\n"
    "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended "
    "solely for the addressee.\n\n"
    "On Mon, Oct 13, 2026 at 9:02 AM Priya Raman <priya.raman@example.com> wrote:\n"
    "> Hi Jana, just checking in on the final loop from last Monday. I really enjoyed\n"
    "> meeting the team, especially the discussion about multi-region rollouts.\n"
    "> Any update on timing?\n>\n> Thanks, Priya\n"
)


def test_feedback_add_leaves_out_a_replys_quoted_thread_and_disclaimer(growth_cli, tmp_path):
    path = tmp_path / "recruiter.txt"
    path.write_text(REPLY_WITH_THREAD, encoding="utf-8")
    out = " ".join(growth_cli.ok("feedback", "add", "--file", str(path)).split())
    assert "Split into 2 statements" in out
    assert "e-mail disclaimer, quoted earlier message; stored, but no evidence" in out
    assert "e-mail disclaimer: CONFIDENTIALITY NOTICE: This e-mail" in out
    assert "quoted earlier message: Hi Jana, just checking in on the final loop" in out
    shown = json.loads(growth_cli.ok("feedback", "show", "1", "--json"))
    assert shown["text"] == REPLY_WITH_THREAD.strip()  # stored as pasted, nothing lost
    statements = [s["text"] for s in shown["statements"]]
    assert statements == [
        "The panel was impressed by your customer empathy.",
        "the interviewers felt you didn't go deep enough on the control-plane capacity trade-offs.",
    ]


def test_debrief_questions_and_stories_not_in_english_are_flagged(growth_cli):
    ids = seed_application(growth_cli)
    asked = growth_cli(
        "debrief", str(ids.interview), "--overall", "3",
        "-q", "Erzählen Sie mir von einem Risiko, das Sie früh erkannt haben.",
    )  # fmt: skip
    assert asked.code == 0, asked.err
    assert asked.err.startswith("note: this list of questions looks like German; nextround ")
    assert "they may be mapped to the wrong competencies" in asked.err
    story = growth_cli(
        "story", "add", "--title", "Migration",
        "--situation", "Notre équipe devait migrer la base de données avant la fin du trimestre.",
        "--action", "J'ai découpé la migration en étapes et j'ai prévenu les clients.",
    )  # fmt: skip
    assert story.code == 0, story.err
    assert "note: this story looks like French" in story.err
    assert "its competencies may be suggested wrongly" in story.err
    english = growth_cli(
        "story", "add", "--title", "Outage", "--action", "I rolled back the release and "
        "wrote the postmortem with the on-call team.",
    )  # fmt: skip
    assert english.code == 0 and "looks like" not in english.err


def test_map_onto_an_imported_framework(growth_cli, tmp_path):
    path = tmp_path / "values.yaml"
    path.write_text(
        "name: Values\ncompetencies:\n"
        "  - {name: Customer first, description: Starts from what customers need.}\n"
        "  - {name: Frugality, description: Does more with a small budget.}\n"
        "  - {name: Ownership, description: Acts on behalf of the whole company.}\n",
        encoding="utf-8",
    )
    growth_cli.ok("framework", "import", str(path))
    out = growth_cli.ok(
        "map", "--framework", "values", stdin="We reused old servers to save money.\n"
    )
    (line,) = _lines(out)
    _check_shape(line, "We reused old servers to save money.", "values")
    assert line["statements"][0]["competencies"][0]["id"] == "frugality"
    # the framework in use is untouched
    assert _lines(growth_cli.ok("map", stdin="x\n"))[0]["framework"] == "nextround-core"


def test_feedback_add_prints_the_statements(growth_cli):
    ids = seed_application(growth_cli)
    out = growth_cli.ok(
        "feedback", "add", TEXTS[0], "--source", "interviewer",
        "--interview", str(ids.interview), "--author", "Inés",
    )  # fmt: skip
    flat = " ".join(out.split())
    assert "Stored feedback 1 (62 characters)." in flat
    assert "Split into 2 statements; review them with `nextround feedback review`:" in flat
    assert re.search(r"strength +Strong communicator → Communication: clarity and concision", flat)
    assert re.search(r"gap +The whiteboard flow lacked structure\. → ", flat)
    data = json.loads(growth_cli.ok("feedback", "add", TEXTS[2], "--source", "recruiter", "--json"))
    assert data["text"] == TEXTS[2]
    assert [s["position"] for s in data["statements"]] == [1]
    assert data["statements"][0]["competencies"] == ["risk-management"]
    assert data["statements"][0]["mapper"] == "semantic"
    assert data["statements"][0]["confirmed"] is False


def test_feedback_add_points_once_to_importing_a_framework_when_nothing_fits(growth_cli):
    # QA12 F1: praise the framework has no home for was a dead end ("counts nowhere").
    out = growth_cli.ok(
        "feedback", "add", "Your sourdough starter was excellent. Your knitting was poor.",
        "--source", "interviewer",
    )  # fmt: skip
    flat = " ".join(out.split())
    assert flat.count("import a framework") == 1, out
    assert (
        "Note: Nothing in the built-in framework fits 2 of these statements well. If your "
        "field has its own skills, import a framework for it: `nextround framework import FILE`"
    ) in flat
    # Feedback the framework holds says nothing of the kind.
    out = growth_cli.ok("feedback", "add", TEXTS[2], "--source", "recruiter")
    assert "import a framework" not in out


def test_on_an_imported_framework_the_note_says_to_add_a_competency_to_its_file(
    growth_cli, tmp_path
):
    # QA20 F5: advising to import a framework while hers is in use read as a wrong import.
    file = tmp_path / "acme.yaml"
    file.write_text(
        "name: Acme research\ncompetencies:\n"
        "  - name: Synthesis\n    description: Turns observations into themes and insights.\n"
    )
    growth_cli.ok("framework", "import", str(file), "--use")
    out = growth_cli.ok(
        "feedback", "add", "Your sourdough starter was excellent.", "--source", "interviewer"
    )
    flat = " ".join(out.split())
    assert "import a framework" not in flat
    assert (
        "Note: Nothing in “Acme research” fits one of these statements well: review it with "
        "`nextround feedback review`, as about the competency meant or about none. If “Acme "
        "research” lacks a skill your field needs, add a competency for it to its file and "
        "import the file again in its place: `nextround framework import FILE --id acme "
        "--replace`"
    ) in flat, out
    statement = _pending(growth_cli)[0]["statement"]["id"]
    out = growth_cli.ok("feedback", "review", "--statement", str(statement), "--none")
    flat = " ".join(out.split())
    assert "import a framework" not in flat
    assert (
        "If it names a skill “Acme research” lacks, add a competency for it to its file and "
        "import the file again in its place: `nextround framework import FILE --id acme "
        "--replace`"
    ) in flat, out
    # The command it gives works as said: the framework grows, and stays the one in use.
    file.write_text(
        file.read_text() + "  - name: Baking\n    description: Bakes bread and keeps starters.\n"
    )
    growth_cli.ok("framework", "import", str(file), "--id", "acme", "--replace")
    shown = json.loads(growth_cli.ok("framework", "show", "--json"))
    assert (shown["id"], len(shown["competencies"])) == ("acme", 2)


def _pending(cli) -> list[dict]:
    return json.loads(cli.ok("feedback", "review", "--json"))


def test_review_with_flags(growth_cli):
    growth_cli.ok("feedback", "add", TEXTS[0], "--source", "interviewer")
    first, second = (p["statement"] for p in _pending(growth_cli))
    out = growth_cli.ok(
        "feedback", "review", "--statement", str(second["id"]),
        "--competency", "communication, process-design", "--polarity", "gap",
    )  # fmt: skip
    # Named, not by id: "gap, risk-management" reads as a typo (QA7 F13).
    assert " ".join(out.split()) == (
        f"Confirmed statement {second['id']}: gap, Communication: clarity and concision; "
        "Process design and improvement. Your profile: Communication: clarity and concision "
        "0.50 → 0.33; Process design and improvement 0.50 → 0.33."
    )
    # Accepting as is needs a suggestion sure enough to have been pre-selected.
    refused = growth_cli("feedback", "review", "--statement", str(first["id"]))
    assert refused.code == 2, refused
    assert re.fullmatch(
        rf"error: statement {first['id']} has no suggestion confident enough to accept \(the "
        r"best is Communication: clarity and concision at (\d+)%\); name its competency "
        r"\(--competency ID\) or say it is about none \(--none\)",
        refused.err.strip(),
    )
    # A gap or strength about no competency would be no verdict at all: it counts nowhere.
    mixed = growth_cli(
        "feedback", "review", "--statement", str(first["id"]), "--none", "--polarity", "gap"
    )  # fmt: skip
    assert mixed.code == 2 and "neither a strength nor a gap" in mixed.err, mixed
    out = growth_cli.ok("feedback", "review", "--statement", str(first["id"]), "--none")
    assert " ".join(out.split()) == (
        f"Confirmed statement {first['id']}: about no competency, so it reads as neutral and "
        "counts nowhere (profile, plan, clarifying questions, notes). If nothing in the "
        "built-in framework fits it because your field has its own skills, import a framework "
        "for it: `nextround framework import FILE` No profile score moved."
    )
    growth_cli.ok("feedback", "add", TEXTS[2], "--source", "recruiter")
    (sure,) = (p["statement"] for p in _pending(growth_cli))
    out = growth_cli.ok("feedback", "review", "--statement", str(sure["id"]))
    # Confirming a statement the profile already counted at a discount moves its score.
    assert out.strip() == (
        f"Confirmed statement {sure['id']}: gap, Risk management.\n"
        "Your profile: Risk management 0.41 → 0.34."
    )
    assert _pending(growth_cli) == []
    assert "Nothing to review" in growth_cli.ok("feedback", "review")
    app = open_app(growth_cli)
    try:
        with app.uow() as uow:
            stored = uow.statements.get(second["id"])
            assert stored.confirmed and stored.competencies == ["communication", "process-design"]
            set_aside = uow.statements.get(first["id"])
            assert set_aside.competencies == [] and set_aside.polarity.value == "neutral"
    finally:
        app.close()


def test_review_interactively(growth_cli):
    growth_cli.ok("feedback", "add", TEXTS[0], "--source", "interviewer")
    growth_cli.ok("feedback", "add", TEXTS[2], "--source", "recruiter")
    pending = [p["statement"] for p in _pending(growth_cli)]
    assert len(pending) == 3
    # The real model is unsure of the first two (under 35%) and sure of the third.
    assert [p["suggestions"][0]["confidence"] < 0.35 for p in pending] == [True, True, False]
    # Piped, a refused answer leaves its statement for later rather than asking again: asked
    # again, it would take the line meant for the next statement, and so on down the list.
    answers = [
        "",  # 1: Enter does not take an unsure suggestion: left for later
        "g",  # 2: mark it a gap, then...
        "2",  # ...pick the second suggestion
        "what?",  # 3: not understood: left for later
    ]
    result = growth_cli("feedback", "review", stdin="\n".join(answers) + "\n")
    assert result.code == 0, result.err
    assert "3 statements to review." in result.out
    assert re.search(r"Not understood \('what\?'; suggestions: numbered 1-\d\)", result.out)
    assert " ".join(result.out.split()).count("No suggestion is confident here") == 1
    assert " ".join(result.out.split()).count("Left for later, as k would") == 2
    assert "Reviewed 1 statement." in result.out
    shown = " ".join(result.out.split())
    # each statement with how it reads, and a clause with the sentence it was split from
    first, second = pending[0], pending[1]
    # Shown with a capital (a clause cut after "but" is stored as cut, as JSON gives it).
    for item in (first, second):
        text = item["text"][:1].upper() + item["text"][1:]
        assert f"#{item['id']} {item['polarity']} {text}" in shown
    assert 'in: "Strong communicator, but the whiteboard flow lacked structure."' in shown
    app = open_app(growth_cli)
    try:
        with app.uow() as uow:
            one, two, three = (uow.statements.get(s["id"]) for s in pending)
    finally:
        app.close()
    assert not one.confirmed
    assert two.confirmed and two.competencies == [pending[1]["suggestions"][1]["competency_id"]]
    assert two.polarity.value == "gap"
    assert not three.confirmed
    # q stops at once
    result = growth_cli("feedback", "review", stdin="q\n")
    assert "Reviewed 0 statements." in result.out
    # y takes an unsure suggestion anyway; Enter takes a confident one
    result = growth_cli("feedback", "review", stdin="y\n\n")
    assert "Reviewed 2 statements." in result.out
    app = open_app(growth_cli)
    try:
        with app.uow() as uow:
            one, three = (uow.statements.get(pending[i]["id"]) for i in (0, 2))
    finally:
        app.close()
    assert one.confirmed and one.competencies == [pending[0]["suggestions"][0]["competency_id"]]
    assert three.confirmed and three.competencies == ["risk-management"]


def test_review_input_ending_early_keeps_what_was_confirmed(growth_cli):
    growth_cli.ok("feedback", "add", TEXTS[0], "--source", "interviewer")
    growth_cli.ok("feedback", "add", TEXTS[2], "--source", "recruiter")
    pending = [p["statement"] for p in _pending(growth_cli)]
    # One answer, then the input ends (as Ctrl-D does at a terminal): the answer is kept,
    # and nothing claims that "nothing was changed".
    result = growth_cli("feedback", "review", stdin="y\n")
    assert result.code == 0, result.err
    assert "nothing was changed" not in result.err
    assert "Reviewed 1 statement. 2 still to review (`nextround feedback review`)." in " ".join(
        result.out.split()
    )
    remaining = [p["statement"]["id"] for p in _pending(growth_cli)]
    assert remaining == [pending[1]["id"], pending[2]["id"]]


@pytest.mark.parametrize("stdin", [None, ""])  # closed (/dev/null), or an empty pipe
def test_review_with_nothing_to_read_names_the_flags_instead_of_prompting(growth_cli, stdin):
    growth_cli.ok("feedback", "add", TEXTS[0], "--source", "interviewer")
    before = full_dump(growth_cli.db)
    result = growth_cli("feedback", "review", stdin=stdin)
    assert result.code == 2
    assert result.out == ""  # no statement, no ">" prompt
    said = " ".join(result.err.split())
    assert said.startswith(
        "error: feedback review needs a terminal to ask; in a script review one statement at "
        "a time: `nextround feedback review --statement N --competency COMPETENCY` (or --none;"
    ), said
    assert "`nextround feedback review --json`" in said
    assert full_dump(growth_cli.db) == before
    # The rm confirmation: with no answer to read, it says how to go ahead.
    kept = growth_cli("feedback", "rm", "1", stdin=stdin)
    assert kept.code == 2 and kept.out == ""
    said = " ".join(kept.err.split())
    assert said.startswith("error: nothing was changed: there is no answer to read"), said
    assert said.endswith("To go ahead without being asked, add --yes")
    assert full_dump(growth_cli.db) == before


def test_show_and_remove_feedback(growth_cli):
    growth_cli.ok("feedback", "add", TEXTS[0], "--source", "interviewer", "--on", "2026-10-01")
    growth_cli.ok("feedback", "add", TEXTS[2], "--source", "mentor")
    shown = " ".join(growth_cli.ok("feedback", "show", "1").split())
    assert shown.startswith("#1 2026-10-01 · interviewer " + TEXTS[0])
    assert re.search(r"#1 strength Strong communicator → .*\d+%.* \(to review\)", shown)
    assert re.search(r"#2 gap The whiteboard flow lacked structure\. → .* \(to review\)", shown)
    data = json.loads(growth_cli.ok("feedback", "show", "1", "--json"))
    assert data["text"] == TEXTS[0] and len(data["statements"]) == 2
    listed = " ".join(growth_cli.ok("feedback", "list").split())
    assert "2 statements · 2 to review (`nextround feedback show 1`)" in listed

    before = full_dump(growth_cli.db)
    kept = growth_cli("feedback", "rm", "1", stdin="n\n")
    assert kept.code == 1 and kept.err.strip() == "Aborted; nothing was changed."
    assert "Delete feedback 1 (interviewer, 2026-10-01) and its 2 statements?" in kept.out
    assert full_dump(growth_cli.db) == before
    out = " ".join(growth_cli.ok("feedback", "rm", "1", "--yes").split())
    assert out == (
        "Deleted feedback 1 (interviewer, 2026-10-01) and its 2 statements, 0 of them confirmed."
    )
    assert [f["id"] for f in json.loads(growth_cli.ok("feedback", "list", "--json"))] == [2]
    pending = json.loads(growth_cli.ok("feedback", "review", "--json"))
    assert {p["feedback_id"] for p in pending} == {2}
    for args in (["feedback", "show", "1"], ["feedback", "rm", "1", "--yes"]):
        gone = growth_cli(*args)
        assert gone.code == 3, gone.err  # not found
        assert gone.err.strip() == "error: no feedback with id 1; see `nextround feedback list`"


def test_clarify_asks_about_vague_feedback_on_an_application(growth_cli):
    ids = seed_application(growth_cli, "Tempoline")
    growth_cli.ok(
        "feedback", "add",
        "Your risk management didn't come through strongly enough. "
        "When asked how the flow would fail, you drew only the happy path.",
        "--source", "recruiter", "--app", str(ids.application), "--author", "Maya",
    )  # fmt: skip
    growth_cli.ok("feedback", "add", "Risk management is weak.", "--source", "mentor")
    out = growth_cli.ok("feedback", "clarify")
    flat = " ".join(out.split())
    assert "To Maya (Tempoline)" in flat  # grouped by whom to ask
    # The specific sentence names the moment, so the question builds on it, not "which moment?"
    assert "You mentioned “When asked how the flow would fail, you drew only the happy path" in flat
    # QA20 F6: and the questions are shown under the sentence they quote, not the vague one.
    assert 'About "When asked how the flow would fail, you drew only the happy path"' in flat
    assert 'About "Your risk management' not in flat
    assert "which moment" not in flat and "point me to the part" not in flat
    assert "Risk management is weak" not in flat  # not tied to an application
    data = json.loads(growth_cli.ok("feedback", "clarify", "1", "--json"))
    assert data["left_out"] == 0
    (item,) = data["clarifications"]
    assert item["statement"].startswith("Your risk management")
    assert item["moment"].startswith("When asked how the flow would fail")
    assert item["company"] == "Tempoline"
    assert item["round"] == "Final loop"
    assert item["competency"] == "Risk management"
    assert 1 <= len(item["questions"]) <= 3
    assert any("the final loop" in q for q in item["questions"])
    assert any("Tempoline" in q for q in item["questions"])
    assert json.loads(growth_cli.ok("feedback", "clarify", "2", "--json")) == {
        "clarifications": [],
        "left_out": 0,
    }
    assert item["stale"] is False


def test_clarify_says_when_the_window_for_asking_has_passed(growth_cli):
    from datetime import date, timedelta

    seed_application(growth_cli, "Tempoline")  # open: its questions stay first
    growth_cli.ok(
        "feedback", "add", "Risk management could have been a lot stronger in our loop, we felt.",
        "--source", "recruiter", "--app", "1", "--author", "Maya",
    )  # fmt: skip
    day = (date.today() - timedelta(days=40)).isoformat()  # nearer 6 weeks than 5
    earlier = (date.today() - timedelta(days=70)).isoformat()
    growth_cli.ok("app", "add", "Brightwave", "Head of Ops", "--applied", earlier)
    growth_cli.ok("decision", "set", "2", "--outcome", "rejection", "--on", day)
    growth_cli.ok(
        "feedback", "add", "Too light on risk management for a Head of role.",
        "--source", "hiring-manager", "--app", "2", "--author", "Anja Weber", "--on", day,
    )  # fmt: skip
    flat = " ".join(growth_cli.ok("feedback", "clarify").split())
    assert flat.index("To Maya (Tempoline)") < flat.index("To Anja Weber (Brightwave)")
    assert (
        "To Anja Weber (Brightwave) The feedback came 6 weeks ago, after the process ended: the "
        "window for asking has likely passed. Send these only if you are still in touch."
    ) in flat
    # Short and vague: asked about in its own words, not with the competency's label.
    assert "Could you say more about “too light on risk management for a Head of role”?" in flat
    data = json.loads(growth_cli.ok("feedback", "clarify", "--json"))
    assert [(c["company"], c["stale"]) for c in data["clarifications"]][-1] == ("Brightwave", True)


def test_clarify_asks_about_a_no_that_names_no_skill(growth_cli):
    # QA16 Q15: the vaguest rejection, where a question is needed most.
    growth_cli.ok("app", "add", "Geodis", "Senior Programme Manager")
    growth_cli.ok("round", "add", "1", "Final", "--kind", "final-loop")
    growth_cli.ok("decision", "set", "1", "--outcome", "rejection")
    added = growth_cli.ok(
        "feedback", "add",
        "Not quite the right fit for us at this time. "
        "We felt other candidates were a bit stronger overall.",
        "--source", "recruiter", "--app", "1", "--author", "Julie",
    )  # fmt: skip
    assert "gap      Not quite" not in added  # a "no" with no reason is no gap on a skill
    flat = " ".join(growth_cli.ok("feedback", "clarify", "1").split())
    assert "To Julie (Geodis)" in flat and "Nothing to ask" not in flat
    assert "In which areas were the other finalists stronger than me in the final round?" in flat
    data = json.loads(growth_cli.ok("feedback", "clarify", "1", "--json"))
    (item,) = data["clarifications"]
    assert item["about"] == "verdict" and item["competency"] is None
    assert 2 <= len(item["questions"]) <= 3


def test_clarify_json_counts_what_it_left_out_as_the_text_does(growth_cli):
    ids = seed_application(growth_cli, "Tempoline")
    growth_cli.ok(
        "feedback", "add",
        "Some gaps around risk management, we felt. Your systems thinking felt a bit "
        "shallow. Stakeholder management could be stronger. Communication could be crisper "
        "overall. Risk management seemed a bit light.",
        "--source", "recruiter", "--app", str(ids.application), "--author", "Maya",
    )  # fmt: skip
    data = json.loads(growth_cli.ok("feedback", "clarify", "--json"))
    # At most three questions a process: the other vague statements are left out, and said so.
    assert sum(len(c["questions"]) for c in data["clarifications"]) == 3
    assert data["left_out"] >= 1
    flat = " ".join(growth_cli.ok("feedback", "clarify").split())
    more = "more vague statement" + ("s" if data["left_out"] != 1 else "")
    assert f"{data['left_out']} {more} left out" in flat


BAD = [
    (["map", "--framework", "nope"], "", r"no framework with id nope"),
    (["map", "{tmp}/absent.txt"], "", r"no such file: .*absent\.txt"),
    (["feedback", "add", "x", "--interview", "99"], "", r"no interview with id 99"),
    (["feedback", "add", "x", "--source", "boss"], "", r"--source 'boss' is not one of"),
    (["feedback", "review", "--statement", "99"], "", r"no statement with id 99"),
    (["feedback", "review", "--statement", "1", "--competency", "nope"], "",
     r"'nope' is not a competency of .*; see `nextround framework show"),
    (["feedback", "review", "--statement", "1", "--competency", "comunication"], "",
     r"did you mean 'communication' \(Communication: clarity and concision\)\?"),
    (["feedback", "review", "--statement", "1", "--competency", " , "], "",
     r"--competency needs a competency id or name"),
    (["feedback", "review", "--statement", "1", "--polarity", "meh"], "",
     r"--polarity 'meh' is not one of: strength, gap, neutral"),
    (["feedback", "review", "--competency", "communication"], "",
     r"go with --statement ID"),
    (["feedback", "review", "--statement", "1", "--none", "--competency", "communication"], "",
     r"give --none or --competency, not both"),
    (["feedback", "clarify", "99"], "", r"no feedback with id 99"),
]  # fmt: skip


def _one_mapped_statement(cli) -> None:
    from nextround.domain.feedback import FeedbackSource
    from nextround.services.feedback import add_mapped_feedback
    from tests.unit.growth_fakes import KeywordMapper

    app = open_app(cli)
    try:
        with app.uow() as uow:
            add_mapped_feedback(
                uow, "Strong communicator.", FeedbackSource.PEER,
                lambda: KeywordMapper([("communicat", "communication", 0.9)]), "nextround-core",
            )  # fmt: skip
    finally:
        app.close()


@pytest.fixture(scope="module")
def with_a_statement(warm_template, tmp_path_factory):
    return seeded_copy(warm_template, tmp_path_factory.mktemp("mapped"), _one_mapped_statement)


@pytest.mark.parametrize(("args", "stdin", "message"), BAD, ids=[" ".join(b[0]) for b in BAD])
def test_bad_input_fails_with_one_line_and_writes_nothing(
    growth_cli, with_a_statement, tmp_path, args, stdin, message
):
    shutil.copyfile(with_a_statement[0], growth_cli.db)  # statement 1 awaits review
    before = full_dump(growth_cli.db)
    result = growth_cli(*[a.replace("{tmp}", str(tmp_path)) for a in args], stdin=stdin)
    assert result.code == error_code(message), result
    assert result.out == ""
    assert result.err.startswith("error: ") and result.err.count("\n") == 1, result.err
    assert re.search(message, result.err), result.err
    assert full_dump(growth_cli.db) == before


def test_feedback_pasted_twice_is_named_and_does_not_move_the_profile(growth_cli):
    text = "We were not fully convinced on your approach to risk management."
    growth_cli.ok("feedback", "add", text, "--on", "2026-10-02")
    before = growth_cli.ok("profile", "explain", "risk management", "--json")
    again = " ".join(growth_cli.ok("feedback", "add", text + "\n", "--on", "2026-10-02").split())
    assert "Note: this text is identical to feedback 1 (received 2026-10-02)." in again
    assert "If you pasted it twice: `nextround feedback rm 2`." in again
    # Said first, before the statements a long paste would bury it under.
    assert again.index("Note: this text is identical") < again.index("Split into 1 statement")
    after = json.loads(growth_cli.ok("profile", "explain", "risk management", "--json"))
    assert after["score"] == json.loads(before)["score"]
    assert after["copies_left_out"] == [{"statement": 2, "feedback": 2, "copy_of": 1}]
    explained = " ".join(growth_cli.ok("profile", "explain", "risk management").split())
    assert "Left out: statement 2 of feedback 2, whose text is identical to feedback 1" in explained
    # The review says what confirming the copy does, before it is done.
    pending = json.loads(growth_cli.ok("feedback", "review", "--json"))
    assert [(p["feedback_id"], p["copy_of"]) for p in pending] == [(1, None), (2, 1)]
    walked = " ".join(growth_cli.ok("feedback", "review", stdin="k\nk\n").split())
    assert walked.count("Note: feedback 2 repeats feedback 1 (received 2026-10-02) word") == 1
    assert "confirmed, these words count a second time. Pasted twice? k leaves it, then " in walked
    assert "`nextround feedback rm 2`." in walked
    other = json.loads(growth_cli.ok("feedback", "add", "Strong on data.", "--json"))
    assert other["same_text_as"] == []


def test_feedback_stored_with_no_map_is_mapped_later(growth_cli):
    added = growth_cli.ok("feedback", "add", "Strong on data, weak on prioritisation.", "--no-map")
    assert "Split and map it when you want: `nextround feedback map 1`." in added
    shown = " ".join(growth_cli.ok("feedback", "show", "1").split())
    assert "adds nothing to your profile. Split and map it: `nextround feedback map 1`" in shown
    mapped = " ".join(growth_cli.ok("feedback", "map", "1").split())
    assert "Mapped feedback 1. Split into 2 statements;" in mapped
    assert "Weak on prioritisation. → Prioritisation" in mapped
    data = json.loads(growth_cli.ok("feedback", "show", "1", "--json"))
    assert [s["polarity"] for s in data["statements"]] == ["strength", "gap"]
    again = growth_cli("feedback", "map", "1")
    assert again.code == 2
    assert "already split into 2 statements; see them with `nextround feedback show 1`" in again.err


TEMPLATE_ONLY = (
    "Unfortunately we have decided not to move forward. We had many qualified applicants."
)
NOTHING = (
    "Nothing in it reads as feedback (only thanks, courtesy, talk about the decision, tips "
    "on interview technique or remarks on the CV); it stays stored as given."
)


def test_feedback_that_is_all_template_says_so_and_is_not_sent_to_map(growth_cli):
    # QA13 F11: add says what map says, and show does not send you to map for nothing.
    added = " ".join(growth_cli.ok("feedback", "add", TEMPLATE_ONLY).split())
    assert "Stored feedback 1" in added and NOTHING in added
    shown = " ".join(growth_cli.ok("feedback", "show", "1").split())
    assert NOTHING in shown
    assert "feedback map" not in shown and "--no-map" not in shown
    # Stored with --no-map, template only: nothing to map either.
    stored = " ".join(growth_cli.ok("feedback", "add", TEMPLATE_ONLY, "--no-map").split())
    assert NOTHING in stored and "feedback map" not in stored
    assert "feedback map" not in " ".join(growth_cli.ok("feedback", "show", "2").split())
    # Stored with --no-map and holding feedback: show says so and points at map.
    growth_cli.ok("feedback", "add", "Your risk register was thin.", "--no-map")
    unread = " ".join(growth_cli.ok("feedback", "show", "3").split())
    assert "Not split into statements yet (stored with --no-map)" in unread
    assert "Split and map it: `nextround feedback map 3`" in unread
    assert NOTHING not in unread


def test_a_trend_point_is_explained_as_of_its_quarter(growth_cli):
    text = "We were not fully convinced on your approach to risk management."
    growth_cli.ok("feedback", "add", text, "--on", "2025-05-02")
    growth_cli.ok("feedback", "add", "Your risk management was excellent.", "--on", "2025-11-02")
    then = json.loads(
        growth_cli.ok("profile", "explain", "risk management", "--as-of", "2025Q2", "--json")
    )
    now = json.loads(growth_cli.ok("profile", "explain", "risk management", "--json"))
    assert then["as_of"] == "2025-06-30"
    # Only what was known then, weighed as it was then: the later praise is not in it.
    assert [p["text"] for p in then["evidence"]] == [text]
    assert len(now["evidence"]) == 2
    old = next(p for p in now["evidence"] if p["text"] == text)
    assert then["evidence"][0]["recency"] > old["recency"]  # it had not faded yet
    shown = " ".join(growth_cli.ok("profile", "explain", "risk management", "--as-of",
                                   "2025-06-30").split())  # fmt: skip
    assert "as of 2025-06-30" in shown
    refused = growth_cli("profile", "explain", "risk management", "--as-of", "2999Q1")
    assert refused.code == 2 and "is after today" in refused.err


def test_map_counts_a_competency_label_for_the_statements_under_it(growth_cli):
    lines = _lines(
        growth_cli.ok(
            "map",
            stdin="Risk management: tracked risks well, but missed the vendor dependency.\n"
            "Systems thinking - didn't see the second-order effects\n"
            "Summary: missed the vendor dependency.\n",
        )
    )
    risk, systems, summary = (line["statements"] for line in lines)
    assert [(s["text"], s["polarity"]) for s in risk] == [
        ("tracked risks well", "strength"),
        ("missed the vendor dependency.", "gap"),
    ]
    for statement in [*risk, *systems]:
        assert statement["competencies"][0]["confidence"] >= 0.6
    assert {s["topic"] for s in risk} == {"Risk management"}
    assert {s["competencies"][0]["id"] for s in risk} == {"risk-management"}
    assert [(s["text"], s["topic"], s["polarity"]) for s in systems] == [
        ("didn't see the second-order effects", "Systems thinking", "gap")
    ]
    assert systems[0]["competencies"][0]["id"] == "systems-thinking"
    # "Summary" names no competency: the words alone decide, and do not say risk management.
    assert summary[0]["topic"] is None
    assert summary[0]["competencies"][0]["id"] != "risk-management"


RECRUITER_EMAIL = (
    "Hi Priya,\n\n"
    "Thank you again for your time in the final loop. The panel was impressed by your "
    "platform vision. Marcus also noted that your answers ran long and it was sometimes "
    "hard to follow the thread.\n\n"
    "Best,\nJana\n\n"
    "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended "
    "solely for the addressee."
)


def test_clarify_and_notes_leave_out_what_was_set_aside_and_say_no_clause_fragment(growth_cli):
    # QA6 F7/F18: a disclaimer reviewed as about no competency came back as "You mentioned
    # “This e-mail … is confidential”", and every draft said "feedback on my answers ran
    # long and it".
    from datetime import date

    ids = seed_application(growth_cli, "Hyperscale Cloud")
    app = str(ids.application)
    growth_cli.ok("contact", "add", "Jana Kowalski", "--role", "recruiter", "--app", app)
    growth_cli.ok(
        "decision", "set", app, "--outcome", "rejection", "--on", date.today().isoformat(),
        "--call-off",
    )  # fmt: skip
    growth_cli.ok(
        "feedback", "add", RECRUITER_EMAIL, "--source", "recruiter", "--app", app,
        "--author", "Jana Kowalski",
    )  # fmt: skip
    statements = [p["statement"] for p in _pending(growth_cli)]
    for statement in statements:
        text, sid = statement["text"], str(statement["id"])
        if "ran long" in text:
            growth_cli.ok("feedback", "review", "--statement", sid, "--competency",
                          "communication", "--polarity", "gap")  # fmt: skip
        elif "confidential" in text or "vision" not in text:
            out = growth_cli.ok("feedback", "review", "--statement", sid, "--none")
            assert "reads as neutral and counts nowhere" in " ".join(out.split())
    assert any("ran long" in s["text"] for s in statements)
    flat = " ".join(growth_cli.ok("feedback", "clarify").split())
    assert "To Jana Kowalski (Hyperscale Cloud)" in flat
    assert "confidential" not in flat and "e-mail" not in flat
    assert "answers ran long and it in" not in flat and "on answers ran long" not in flat
    assert "clarity and concision" in flat
    shown = " ".join(growth_cli.ok("feedback", "show", "1").split())
    assert " gap This e-mail" not in shown and " gap CONFIDENTIALITY" not in shown
    notes = " ".join(growth_cli.ok("note", "thank-you", app).split())
    assert notes.count("feedback on clarity and concision") == 3, notes
    assert "ran long and it" not in notes and "confidential" not in notes


def test_clarify_asks_about_a_take_home_by_its_parts_in_the_feedback_words(growth_cli):
    growth_cli.ok("app", "add", "Delivery Hero", "Product Designer")
    growth_cli.ok("round", "add", "1", "Design challenge", "--kind", "take-home")
    growth_cli.ok(
        "feedback", "add",
        "However, the challenge solution didn't consider accessibility: colour contrast and "
        "touch targets were not addressed. The solution felt a bit thin overall to us.",
        "--source", "interviewer", "--app", "1", "--round", "1", "--author", "Lars Meier",
    )  # fmt: skip
    for pending in _pending(growth_cli):
        growth_cli.ok(
            "feedback", "review", "--statement", str(pending["statement"]["id"]),
            "--competency", "customer-focus",
        )  # fmt: skip
    flat = " ".join(growth_cli.ok("feedback", "clarify").split())
    assert "About \"The challenge solution didn't consider accessibility" in flat
    # It names its issue: only what a strong solution would have shown, in its own words.
    # (The process is still open: what it should show, for the next round.)
    assert (
        "What would a strong solution show on accessibility for this role at Delivery Hero, so "
        "I can prepare for the next round?"
    ) in flat or "show on accessibility — what should I make sure comes through" in flat
    assert "moment" not in flat
    # A deliverable, not a conversation; and the tool's label stays out of the message.
    assert "conversation" not in flat and "customer focus" not in flat.lower()
    assert "part of my solution" in flat or "part of the solution I could learn from" in flat


def test_clarify_names_a_case_study_whole(growth_cli):
    # QA21 F10: "the case study answer" gave "What would a strong study have shown".
    growth_cli.ok("app", "add", "Larkfield Analytics", "Senior Data Scientist")
    growth_cli.ok(
        "feedback", "add",
        "We were not fully convinced on your depth in forecasting - the case study answer "
        "on the demand model felt a bit generic.",
        "--source", "recruiter", "--app", "1",
    )  # fmt: skip
    for pending in _pending(growth_cli):
        growth_cli.ok(
            "feedback", "review", "--statement", str(pending["statement"]["id"]),
            "--competency", "technical-depth",
        )  # fmt: skip
    flat = " ".join(growth_cli.ok("feedback", "clarify").split())
    assert "What would a strong case study look like for this role at Larkfield" in flat
    assert "strong study" not in flat


def test_feedback_json_gives_confidences_as_map_does(growth_cli):
    """4 decimals in `feedback add/show --json` as in `map --json`, not the model's 17 digits."""
    said = "Your system design was thorough, but you rambled when explaining the trade-offs."
    added = json.loads(growth_cli.ok("feedback", "add", said, "--json"))
    shown = json.loads(growth_cli.ok("feedback", "show", str(added["id"]), "--json"))
    assert shown["statements"] == added["statements"]
    scores = [
        score
        for s in shown["statements"]
        for score in [s["polarity_confidence"], *(m["confidence"] for m in s["suggestions"])]
    ]
    assert any(s["suggestions"] for s in shown["statements"]), shown
    assert all(round(score, 4) == score for score in scores), scores


def test_review_shows_the_sentence_of_an_html_paste_as_text(growth_cli) -> None:
    growth_cli.ok(
        "feedback",
        "add",
        "<p>Great <b>discovery</b>, but you <i>pitched</i> features before uncovering pain.</p>",
    )
    result = growth_cli("feedback", "review", stdin="q\n")
    assert result.code == 0, result.err
    shown = " ".join(result.out.split())
    assert 'in: "Great discovery, but you pitched features before uncovering pain."' in shown
    assert "<b>" not in shown and "<i>" not in shown


def test_the_reason_after_a_template_decision_is_read_without_it(growth_cli) -> None:
    text = (
        "Thanks for interviewing with us. After careful consideration we decided to pursue "
        "candidates whose skills match the role, as your forecasting experience was limited."
    )
    out = " ".join(growth_cli.ok("feedback", "add", text).split())
    assert "gap Your forecasting experience was limited. → Data-informed decision making" in out
    (line,) = _lines(growth_cli.ok("map", "--no-examples", stdin=text + "\n"))
    (statement,) = line["statements"]
    assert statement["text"] == "your forecasting experience was limited."
    assert statement["competencies"][0]["id"] == "data-informed-decisions"


def test_the_choice_of_someone_with_more_reads_as_a_gap_in_it(growth_cli) -> None:
    text = "Ultimately they went with a candidate with more mid-market closing experience."
    out = " ".join(growth_cli.ok("feedback", "add", text).split())
    assert f"gap {text} → Customer focus" in out
    (statement,) = json.loads(growth_cli.ok("feedback", "show", "1", "--json"))["statements"]
    assert statement["cues"][0] == (
        "comparison: the hire had more mid-market closing experience, so it reads as what "
        "you had less of"
    )


def test_a_grade_like_thin_does_not_decide_the_competency(growth_cli) -> None:
    lines = _lines(
        growth_cli.ok(
            "map",
            "--no-examples",
            stdin="Your MEDDICC qualification was thin.\n"
            "Your MEDDICC qualification of the opportunity was thin and missed the economic "
            "buyer.\n",
        )
    )
    short, long = (line["statements"][0]["competencies"][0]["id"] for line in lines)
    assert short == long == "customer-focus"


def test_feedback_add_reads_call_notes_with_a_doubt_a_header_and_an_invitation(growth_cli):
    # QA21 F4: "a question mark over X: you've done A but not B" was cut at "but", its
    # first half a strength; the call's header line was glued to the first note, and an
    # invitation to reapply read as a strength.
    notes = (
        "Debrief call with Morgan Hale recruiter (Sam), 14 Nov.\n"
        "They liked how you framed the forecasting trade-offs for the finance lead.\n"
        "Possibly a question mark over team leadership: you've run workstreams but not "
        "managed more than one report.\n"
        "They'd be open to you reapplying in 9 months.\n"
    )
    data = json.loads(growth_cli.ok("feedback", "add", notes, "--json"))
    read = [(s["text"], s["polarity"]) for s in data["statements"]]
    assert read == [
        ("They liked how you framed the forecasting trade-offs for the finance lead.", "strength"),
        (
            "Possibly a question mark over team leadership: you've run workstreams but not "
            "managed more than one report.",
            "gap",
        ),
    ]
    out = " ".join(growth_cli.ok("feedback", "add", notes.replace("14 Nov", "15 Nov")).split())
    assert "note header: Debrief call with Morgan Hale recruiter (Sam), 15 Nov." in out
    assert "They'd be open to you reapplying in 9 months." in out.split("Not read as feedback")[1]


def test_review_naming_the_competency_says_the_reading_was_kept(growth_cli):
    growth_cli.ok("feedback", "add", TEXTS[0], "--source", "interviewer")
    praised = _pending(growth_cli)[0]["statement"]
    assert praised["polarity"] == "strength"
    out = growth_cli.ok(
        "feedback", "review", "--statement", str(praised["id"]), "--competency", "communication"
    )  # fmt: skip
    # Only the competency was corrected: the reading it keeps is said, with how to turn it.
    assert " ".join(out.split()).startswith(
        f"Confirmed statement {praised['id']}: strength, Communication: clarity and concision. "
        "Its reading, a strength, was kept: if it names a gap instead, run `nextround feedback "
        f"review --statement {praised['id']} --polarity gap` (or neutral if it judges nothing)."
    ), out
    turned = growth_cli.ok(
        "feedback", "review", "--statement", str(praised["id"]), "--polarity", "gap"
    )  # fmt: skip
    assert f"Confirmed statement {praised['id']}: gap, Communication" in turned
    assert "was kept" not in turned
