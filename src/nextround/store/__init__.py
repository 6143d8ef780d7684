"""Storage: tables, migrations, repositories and the unit of work (SQLAlchemy 2)."""
