"""`nextround serve` stays out of the CLI's start-up, and refuses unsafe binds."""

from __future__ import annotations

import subprocess
import sys

import pytest

from nextround.cli import main


def test_importing_the_cli_does_not_import_the_web_stack() -> None:
    code = (
        "import sys, nextround.cli; "
        "heavy = [m for m in ('fastapi', 'uvicorn', 'starlette', 'jinja2') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_serve_refuses_a_public_bind_without_a_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    monkeypatch.delenv("NEXTROUND_ACCESS_TOKEN", raising=False)
    monkeypatch.setenv("NEXTROUND_DATA_DIR", str(tmp_path))
    with pytest.raises(SystemExit) as stop:
        main(["serve", "--host", "0.0.0.0", "--port", "8999"])
    assert stop.value.code == 2
    assert "NEXTROUND_ACCESS_TOKEN" in capsys.readouterr().err


def test_web_is_an_alias_of_serve_kept_out_of_the_help(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    # `nextround web` said "No such command"; it runs serve (here refusing the same bind).
    monkeypatch.delenv("NEXTROUND_ACCESS_TOKEN", raising=False)
    monkeypatch.setenv("NEXTROUND_DATA_DIR", str(tmp_path))
    with pytest.raises(SystemExit) as stop:
        main(["web", "--host", "0.0.0.0", "--port", "8999"])
    assert stop.value.code == 2
    assert "NEXTROUND_ACCESS_TOKEN" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    commands = [line.split()[1] for line in listed.splitlines() if line.startswith("│ ")]
    assert "serve" in commands and "web" not in commands
