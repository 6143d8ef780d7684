"""`nextround report profile|app` as subprocesses: default file, -o picks the format, bad input."""

from __future__ import annotations

import pytest

from tests.e2e.test_cli_errors import assert_clean_failure

pytest.importorskip("weasyprint")


def test_profile_report_defaults_to_an_html_file_here_and_says_where(seeded):
    cli, _ = seeded
    out = " ".join(cli.ok("report", "profile").split())
    written = list(cli.cwd.glob("nextround-profile-*.html"))
    assert len(written) == 1
    assert f"Wrote {written[0]}" in out
    assert written[0].read_text("utf-8").startswith("<!DOCTYPE html>")


def test_application_report_as_pdf_on_letter_paper(seeded, tmp_path):
    cli, journey = seeded
    target = tmp_path / "out" / "tempoline.pdf"
    # A folder that does not exist is not made up (a typo would create it anywhere).
    missing = cli("report", "app", str(journey.main), "-o", str(target))
    assert missing.code == 2 and "does not exist; create it first" in missing.err
    target.parent.mkdir()
    out = " ".join(cli.ok("report", "app", str(journey.main), "-o", str(target), "--paper",
                          "letter").split())  # fmt: skip
    assert f"Wrote {target}" in out
    assert target.read_bytes().startswith(b"%PDF-")
    html = tmp_path / "app.HTML"
    cli.ok("report", "app", str(journey.main), "--output", str(html))
    assert "Technical Program Manager at Tempoline" in html.read_text("utf-8")
    default = list(cli.cwd.glob(f"nextround-app-{journey.main}-tempoline-*.html"))
    assert not default  # -o was given, so nothing else was written


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "profile", "-o", "{tmp}/x.doc"], r"x\.doc should end in \.html or \.pdf"),
        (["report", "app", "1", "-o", "{tmp}/x.txt"], r"x\.txt should end in \.html or \.pdf"),
        (["report", "profile", "--paper", "a5"], r"--paper 'a5' is not one of: a4, letter"),
        (["report", "app", "42"], r"no application with id 42"),
        (["report", "app", "1", "-o", "{tmp}/folder.html"], r"is a folder; give a file name"),
    ],
    ids=["bad-extension", "bad-extension-app", "bad-paper", "unknown-app", "folder"],
)
def test_bad_report_input_is_one_line_and_writes_nothing(seeded, tmp_path, args, message):
    cli, _ = seeded
    (tmp_path / "folder.html").mkdir()
    assert_clean_failure(cli, [a.replace("{tmp}", str(tmp_path)) for a in args], message)
    assert not list(cli.cwd.glob("nextround-*.html"))
    assert not (tmp_path / "x.doc").exists() and not (tmp_path / "x.txt").exists()


def test_a_second_default_report_takes_the_next_free_name(seeded):
    cli, _ = seeded
    cli.ok("report", "profile")
    second = " ".join(cli.ok("report", "profile").split())
    first, *others = sorted((p.name for p in cli.cwd.glob("nextround-profile-*.html")), key=len)
    assert others == [first.replace(".html", "-v2.html")]
    assert f"Wrote {cli.cwd / others[0]}" in second


def test_a_named_report_replaces_a_file_only_with_force(seeded, tmp_path):
    cli, journey = seeded
    target = tmp_path / "mine.html"
    target.write_text("my own notes", "utf-8")
    refused = cli("report", "app", str(journey.main), "-o", str(target))
    assert refused.code == 2 and "already exists" in refused.err and "--force" in refused.err
    assert target.read_text("utf-8") == "my own notes"
    cli.ok("report", "app", str(journey.main), "-o", str(target), "--force")
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")
