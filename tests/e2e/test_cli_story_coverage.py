"""`nextround story coverage` when it has nothing to show yet: a hint says what to add."""

from __future__ import annotations

import shutil

import pytest

from tests.e2e.conftest import Cli, cli_env, open_app, seed_profile

NO_TARGETS = (
    "No spikes, gaps or interviews coming up yet, so none needs a story: gaps and spikes "
    "come from feedback (`nextround feedback add`, then `nextround feedback review`), "
    "probed competencies from an interview's `--competency`."
)


def _add_stories(cli: Cli, *stories: tuple[str, list[str]]) -> None:
    from nextround.services.stories import add_story

    app = open_app(cli)
    try:
        with app.uow() as uow:
            for title, competencies in stories:
                add_story(uow, {"title": title, "competencies": competencies})
    finally:
        app.close()


def _coverage(cli: Cli) -> str:
    return " ".join(cli.ok("story", "coverage").split())


@pytest.fixture(scope="module")
def profile_template(tmp_path_factory):
    """A database whose profile has a spike and two recurring gaps, and no story."""
    folder = tmp_path_factory.mktemp("coverage")
    seed_profile(Cli(str(folder / "profile.sqlite3"), cli_env(folder / "data"), folder))
    return folder / "profile.sqlite3"


def test_an_empty_database_says_to_add_stories_and_feedback(cli):
    out = _coverage(cli)
    assert out == f"No stories yet. Add one with `nextround story add --title ...`. {NO_TARGETS}"
    assert "Competency" not in out  # no empty table


def test_stories_with_no_confirmed_competency_are_named(cli):
    _add_stories(cli, ("Draft", []), ("Tagged", ["ownership"]))
    out = _coverage(cli)
    assert "Story coverage" in out and "Ownership" in out
    assert (
        "Story #1 shows no competency yet: name one with `nextround story edit 1 --competency "
        "ID`, or take the suggested ones with `--accept-suggestions`." in out
    )
    assert out.endswith(NO_TARGETS)


def test_only_unconfirmed_stories_and_no_profile_print_hints_not_a_table(cli):
    _add_stories(cli, ("Draft", []), ("Another", []))
    out = _coverage(cli)
    assert out == (
        "Stories #1, #2 show no competency yet: name one with `nextround story edit ID "
        f"--competency ID`, or take the suggested ones with `--accept-suggestions`. {NO_TARGETS}"
    )


def test_spikes_and_gaps_without_stories_are_named(cli, profile_template):
    shutil.copyfile(profile_template, cli.db)
    out = _coverage(cli)
    assert out.startswith(
        "No stories yet. Add one with `nextround story add --title ...`; your spikes and gaps "
        "need them: "
    )
    for needed in (
        "Risk management (recurring gap)",
        "Systems thinking (recurring gap)",
        "(spike)",
    ):
        assert needed in out
    assert "Story coverage" not in out and "No spikes" not in out


def test_unconfirmed_stories_against_real_gaps_get_the_table_and_the_hint(cli, profile_template):
    shutil.copyfile(profile_template, cli.db)
    _add_stories(cli, ("Draft", []))
    out = _coverage(cli)
    assert "Story coverage" in out and "Risk management (recurring gap) no story" in out
    assert "0 (1 needed)" in out  # the Stories column, as on the web
    assert "Story #1 shows no competency yet" in out
    assert "No spikes" not in out
