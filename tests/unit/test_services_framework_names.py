"""Naming a framework on the command line: by its id, or by its name, case aside."""

from dataclasses import replace

import pytest

from nextround.errors import DomainError, NotFoundError
from nextround.frameworks.files import BUILTIN_ID
from nextround.services.frameworks import (
    framework_id_for,
    get_framework,
    import_framework,
    use_framework,
)
from tests.unit.growth_fakes import FakeGrowthUnitOfWork
from tests.unit.growth_fixtures import FRAMEWORK

HYPERSCALE = replace(FRAMEWORK, id="hyperscale-principles", name="Hyperscale Principles")


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    uow = FakeGrowthUnitOfWork()
    with uow:
        import_framework(uow, HYPERSCALE)
    return uow


@pytest.mark.parametrize(
    "ref",
    [
        "hyperscale-principles",
        "Hyperscale Principles",
        "hyperscale principles",
        "HYPERSCALE-PRINCIPLES",
        "hyperscale_principles",  # the file's name, as the id was made from it
        "  Hyperscale   principles ",
    ],
)
def test_a_framework_is_found_by_its_id_or_its_name(uow, ref):
    with uow:
        assert framework_id_for(uow, ref) == "hyperscale-principles"
        assert get_framework(uow, ref).id == "hyperscale-principles"


def test_use_takes_the_name(uow):
    with uow:
        assert use_framework(uow, "hyperscale principles").id == "hyperscale-principles"
        assert uow.frameworks.in_use() == "hyperscale-principles"


def test_the_builtin_framework_goes_by_its_name_too(uow):
    name = get_framework(uow, BUILTIN_ID).name
    with uow:
        assert framework_id_for(uow, name.upper()) == BUILTIN_ID


def test_a_name_that_names_nothing_is_looked_up_as_typed(uow):
    with uow:
        assert framework_id_for(uow, "Acme values") == "Acme values"
        with pytest.raises(NotFoundError, match="no framework with id Acme values"):
            get_framework(uow, "Acme values")


def test_an_id_wins_over_another_framework_s_name(uow):
    other = replace(FRAMEWORK, id="acme", name="hyperscale-principles")
    with uow:
        import_framework(uow, other)
        assert framework_id_for(uow, "hyperscale-principles") == "hyperscale-principles"


def test_a_name_two_frameworks_share_is_refused_naming_both(uow):
    with uow:
        for framework_id in ("acme-2025", "acme-2026"):
            import_framework(uow, replace(FRAMEWORK, id=framework_id, name="Acme values"))
        with pytest.raises(DomainError, match="any of the frameworks acme-2025, acme-2026; give"):
            framework_id_for(uow, "acme values")
