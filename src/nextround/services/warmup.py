"""Getting the mapper ready before the first feedback arrives: its framework's embeddings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from nextround.domain.competency import Framework
from nextround.services.frameworks import active_framework
from nextround.services.ports import GrowthUnitOfWork

if TYPE_CHECKING:
    from nextround.analysis.mapper import Mapper


def warm_mapper(uow: GrowthUnitOfWork, mapper_for: Callable[[Framework], Mapper]) -> str:
    """Build the mapper for the framework in use and keep the embeddings it computed.

    The semantic mapper embeds every competency's texts once; on a fresh database that
    takes seconds, which the first preview of feedback should not have to wait for. Only
    the embedding cache is written. Returns the mapper's name.
    """
    mapper = mapper_for(active_framework(uow))
    uow.commit()
    return mapper.name
