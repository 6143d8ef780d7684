"""The fakes keep up with the ports: same methods, same signatures."""

from __future__ import annotations

import inspect

import pytest

from nextround.services import ports
from tests.unit import fakes

PAIRS = [
    (ports.ApplicationRepository, fakes.FakeApplicationRepository),
    (ports.ContactRepository, fakes.FakeContactRepository),
    (ports.FeedbackRepository, fakes.FakeFeedbackRepository),
    (ports.UnitOfWork, fakes.FakeUnitOfWork),
]


def _methods(cls: type) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(member)
        for name, member in vars(cls).items()
        if callable(member) and (not name.startswith("_") or name in ("__enter__", "__exit__"))
    }


@pytest.mark.parametrize(("port", "fake"), PAIRS, ids=lambda c: c.__name__)
def test_fake_has_every_method_of_its_port(port, fake):
    wanted = _methods(port)
    offered = {
        name: inspect.signature(getattr(fake, name)) for name in wanted if hasattr(fake, name)
    }
    assert set(offered) == set(wanted)
    for name, signature in wanted.items():
        assert list(offered[name].parameters) == list(signature.parameters), name


def test_unit_of_work_exposes_the_repositories():
    repositories = {
        name for name, value in vars(ports.UnitOfWork).items() if isinstance(value, property)
    }
    assert repositories == {"applications", "contacts", "feedback"}
    with fakes.FakeUnitOfWork() as uow:
        assert isinstance(uow.applications, fakes.FakeApplicationRepository)
        assert isinstance(uow.contacts, fakes.FakeContactRepository)
        assert isinstance(uow.feedback, fakes.FakeFeedbackRepository)
