"""Step a test database back to an older schema revision, as the migration tests do."""

from __future__ import annotations

from sqlalchemy.engine import Engine


def downgrade(engine: Engine, revision: str) -> None:
    """Run the migrations down to ``revision`` in one transaction (``upgrade`` goes back up)."""
    from alembic import command
    from alembic.config import Config

    from nextround.store.database import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
