"""A data folder that cannot be written (a read-only disk, a snapshot): it can still be read."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import cli_env


def _read_only(
    folder: Path, commands: list[list[str]], env: dict[str, str], out: Path
) -> list[int]:
    """Run commands with ``folder`` read-only; each one's output goes to out/N.out, N.err.

    As root (who may write anywhere a mode forbids) the folder is mounted read-only in a
    private mount namespace, as a read-only disk would be; otherwise its mode is 0555.
    """
    run = [f"{shlex.quote(sys.executable)} -m nextround {shlex.join(c)}" for c in commands]
    script = "\n".join(
        f"{line} >{out}/{n}.out 2>{out}/{n}.err; echo $? >>{out}/codes"
        for n, line in enumerate(run)
    )
    if os.geteuid() == 0:
        if shutil.which("unshare") is None:
            pytest.skip("running as root without unshare: cannot make a folder read-only")
        quoted = shlex.quote(str(folder))
        mount = f"mount --bind {quoted} {quoted} && mount -o remount,ro,bind {quoted} {quoted}"
        script = f"{mount}\n{script}"
        done = subprocess.run(
            ["unshare", "-m", "sh", "-c", script], env=env, check=False, timeout=120
        )
        if done.returncode != 0 and not (out / "codes").exists():
            pytest.skip("cannot mount a folder read-only here")
    else:
        folder.chmod(0o555)
        try:
            subprocess.run(["sh", "-c", script], env=env, check=True, timeout=120)
        finally:
            folder.chmod(0o755)
    return [int(line) for line in (out / "codes").read_text().split()]


def test_a_read_only_data_folder_can_be_listed_and_backed_up(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = cli_env(data)
    added = subprocess.run(
        [sys.executable, "-m", "nextround", "app", "add", "Snowflake", "Staff Data Engineer",
         "--applied", "2026-10-01"],
        env=env, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    out = tmp_path / "out"
    out.mkdir()
    backup = tmp_path / "backup.json"
    codes = _read_only(
        data,
        [["app", "list"], ["export", "json", "-o", str(backup)], ["round", "add", "1", "Screen"]],
        env,
        out,
    )
    err = [" ".join((out / f"{n}.err").read_text().split()) for n in range(3)]
    assert codes[:2] == [0, 0], err
    assert "Snowflake" in (out / "0.out").read_text()
    assert json.loads(backup.read_text("utf-8"))["tables"]["applications"][0]["company"] == (
        "Snowflake"
    )
    assert "opened for reading only" in err[0]
    # A change is refused in one line that says why and what to do.
    assert codes[2] == 2
    assert "Traceback" not in err[2]
    assert f"the database {data / 'nextround.sqlite3'} can only be read here" in err[2]
    assert f"its folder {data} is read-only" in err[2] and "somewhere writable" in err[2]


def test_plan_on_a_read_only_folder_shows_the_stored_plan(tmp_path: Path) -> None:
    from tests.e2e.conftest import Cli, seed_profile

    data = tmp_path / "data"
    env = cli_env(data)
    data.mkdir()
    cli = Cli(str(data / "nextround.sqlite3"), env, tmp_path)
    seed_profile(cli)
    stored = json.loads(cli.ok("plan", "--json"))["actions"]
    assert stored
    out = tmp_path / "out"
    out.mkdir()
    commands = [["plan"], ["plan", "--json"], ["profile"], ["feedback", "list"], ["story", "list"]]
    codes = _read_only(data, commands, env, out)
    err = [" ".join((out / f"{n}.err").read_text().split()) for n in range(len(commands))]
    assert codes == [0] * len(commands), err
    # The stored plan, with one line saying why it is not refreshed (on standard error
    # under --json, whose output stays the plan itself).
    text = " ".join((out / "0.out").read_text().split())
    assert (
        f"Not refreshed: {data / 'nextround.sqlite3'} can only be read here (a read-only "
        "folder or file). This is the plan as last stored."
    ) in text
    assert stored[0]["title"] in text
    shown = json.loads((out / "1.out").read_text())["actions"]
    assert [a["id"] for a in shown] == [a["id"] for a in stored]
    assert "Not refreshed" in err[1]
    assert "Risk management" in (out / "2.out").read_text()


def test_plan_week_on_a_read_only_folder_picks_the_week_without_saving_it(
    tmp_path: Path,
) -> None:
    """`plan week` stores its pick: where it cannot, it shows the week and says so."""
    from tests.e2e.conftest import Cli, seed_profile

    data = tmp_path / "data"
    env = cli_env(data)
    data.mkdir()
    cli = Cli(str(data / "nextround.sqlite3"), env, tmp_path)
    seed_profile(cli)
    out = tmp_path / "out"
    out.mkdir()
    # No plan stored yet: said once, not "run `nextround plan`", which could not store it.
    codes = _read_only(data, [["plan", "week"]], env, out)
    assert codes == [0], (out / "0.err").read_text()
    empty = " ".join((out / "0.out").read_text().split())
    assert "No plan is stored, and none can be built" in empty
    assert "`nextround plan` builds it" not in empty

    cli.ok("plan")  # the plan is stored, the week not picked yet
    commands = [["plan", "week"], ["plan", "week", "--json"], ["plan", "week", "--repick"]]
    (out / "codes").unlink()
    codes = _read_only(data, commands, env, out)
    err = [" ".join((out / f"{n}.err").read_text().split()) for n in range(len(commands))]
    assert codes == [0] * len(commands), err
    text = " ".join((out / "0.out").read_text().split())
    assert (
        f"Not saved: {data / 'nextround.sqlite3'} can only be read here (a read-only folder "
        "or file). This week is picked for this look only"
    ) in text
    assert "This week (" in text
    shown = json.loads((out / "1.out").read_text())["actions"]
    assert shown and "Not saved" in err[1]
    assert "picked again for this look only" in " ".join((out / "2.out").read_text().split())
    # Nothing was stored, and the week picked where it can be stored is the one shown.
    assert not any(a["week"] for a in json.loads(cli.ok("plan", "--json"))["actions"])
    picked = json.loads(cli.ok("plan", "week", "--json"))["actions"]
    assert [a["id"] for a in picked] == [a["id"] for a in shown]
    assert all(action["id"] in text for action in picked)

    # Picked and stored: shown as stored.
    (out / "codes").unlink()
    codes = _read_only(data, [["plan", "week"]], env, out)
    assert codes == [0], (out / "0.err").read_text()
    assert "This is this week's pick as last stored." in " ".join(
        (out / "0.out").read_text().split()
    )


def test_a_resume_mapped_on_another_framework_is_shown_without_storing(tmp_path: Path) -> None:
    """The framework in use changed since the resume was read: mapped again, nothing stored."""
    import sqlite3

    from tests.e2e.conftest import Cli

    data = tmp_path / "data"
    env = cli_env(data)
    data.mkdir()
    cli = Cli(str(data / "nextround.sqlite3"), env, tmp_path)
    resume = tmp_path / "priya.md"
    resume.write_text(
        "# Priya Raman\n\n## Experience\n\n### Senior Product Manager, Northwind Logistics "
        "(Jan 2021 – Present)\n\n- Cut partner integration time from 6 weeks to 10 days\n",
        encoding="utf-8",
    )
    cli.ok("import", "resume", str(resume))
    values = tmp_path / "values.yaml"
    values.write_text(
        "name: Values\ncompetencies:\n  - {name: Customer first, description: Starts from "
        "what customers need.}\n  - {name: Ownership, description: Owns the outcome.}\n",
        encoding="utf-8",
    )
    cli.ok("framework", "import", str(values), "--use")
    out = tmp_path / "out"
    out.mkdir()
    codes = _read_only(data, [["resume", "show"], ["resume", "seeds"]], env, out)
    assert codes == [0, 0], [(out / f"{n}.err").read_text() for n in range(2)]
    assert "Cut partner integration time" in (out / "0.out").read_text()
    with sqlite3.connect(data / "nextround.sqlite3") as conn:
        stored = conn.execute("SELECT framework_id FROM resumes").fetchall()
    assert stored == [("nextround-core",)]  # mapped for the showing only
