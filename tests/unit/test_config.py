"""Settings: every way of building them honours the NEXTROUND_* environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from nextround.config import Settings, default_data_dir
from nextround.errors import InvalidInputError


def test_the_plain_constructor_reads_the_data_folder_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEXTROUND_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("NEXTROUND_HALF_LIFE_DAYS", "90")
    monkeypatch.delenv("NEXTROUND_MODEL_CACHE", raising=False)
    settings = Settings(database_url="sqlite:///elsewhere.sqlite3")
    assert settings.data_dir == tmp_path
    assert settings.half_life_days == 90
    assert settings.database_url == "sqlite:///elsewhere.sqlite3"  # what is given wins
    assert settings.models_dir == tmp_path / "models"


def test_without_the_variables_the_built_in_defaults_hold(monkeypatch):
    for name in ("DATA_DIR", "HALF_LIFE_DAYS", "MODEL_CACHE", "DATABASE_URL"):
        monkeypatch.delenv(f"NEXTROUND_{name}", raising=False)
    settings = Settings()
    assert settings.data_dir == default_data_dir()
    assert settings.half_life_days == 365
    assert settings.model_cache is None
    assert settings.database_url == ""


def test_an_explicit_environment_is_the_whole_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEXTROUND_HALF_LIFE_DAYS", "90")
    settings = Settings.from_env({"NEXTROUND_DATA_DIR": str(tmp_path)}, story_budget_seconds=60)
    assert settings.data_dir == tmp_path
    assert settings.half_life_days == 365  # the process's 90 is not part of the given one
    assert settings.story_budget_seconds == 60


def test_from_env_reads_the_process_environment_and_lets_overrides_win(monkeypatch, tmp_path):
    monkeypatch.setenv("NEXTROUND_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEXTROUND_MODEL_CACHE", str(tmp_path / "models"))
    settings = Settings.from_env(database_url=None, data_dir=tmp_path / "given")
    assert settings.data_dir == tmp_path / "given"
    assert settings.model_cache == Path(tmp_path / "models")


def test_a_bad_number_in_the_environment_says_which_variable(monkeypatch):
    monkeypatch.setenv("NEXTROUND_HALF_LIFE_DAYS", "soon")
    with pytest.raises(InvalidInputError, match="NEXTROUND_HALF_LIFE_DAYS='soon'"):
        Settings()


def test_every_setting_is_in_the_root_help_and_the_readme_settings_table() -> None:
    from pathlib import Path

    from nextround.cli import app
    from nextround.config import HALF_LIFE_VARIABLE, describe

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    table = {line.split("|")[1] for line in readme.splitlines() if line.startswith("| `")}
    epilog = app.info.epilog or ""
    for name, meaning in describe():
        assert any(f"`{name}`" in cell for cell in table), name
        assert f"{name}: {meaning}" in epilog
    assert HALF_LIFE_VARIABLE == "NEXTROUND_HALF_LIFE_DAYS"


def test_the_date_order_is_read_from_its_variable_and_a_wrong_one_says_what_to_set():
    from nextround.config import date_order
    from nextround.domain.calendar_days import DayOrder

    assert date_order({}) is None
    assert date_order({"NEXTROUND_DATE_ORDER": "month-first"}) is DayOrder.MONTH_FIRST
    assert date_order({"NEXTROUND_DATE_ORDER": "Day first"}) is DayOrder.DAY_FIRST
    with pytest.raises(InvalidInputError, match=r"set it to month-first .* or day-first"):
        date_order({"NEXTROUND_DATE_ORDER": "us"})
