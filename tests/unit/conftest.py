"""Unit-test fixtures: a fake unit of work."""

from __future__ import annotations

import pytest

from tests.unit.fakes import FakeUnitOfWork


@pytest.fixture
def uow() -> FakeUnitOfWork:
    """A fresh in-memory unit of work."""
    return FakeUnitOfWork()
