"""Migrations: from an empty file and from every earlier revision, the schema ends equal to the models."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app.db import dispose_engines, get_engine, init_database
from app.migrate import all_revisions, current_revision, head_revision, upgrade_to_head
from app.models import Base


def schema_differences(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, Base.metadata)


def test_empty_file_upgrades_to_head_matching_the_models(tmp_path):
    engine = init_database(f"sqlite:///{tmp_path / 'new.sqlite'}", create=True)
    assert current_revision(engine) == head_revision()
    assert schema_differences(engine) == []
    dispose_engines()


@pytest.mark.parametrize("revision", all_revisions())
def test_each_earlier_revision_upgrades_to_head(tmp_path, revision):
    engine = get_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    upgrade_to_head(engine, target=revision)
    assert current_revision(engine) == revision
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision()
    assert schema_differences(engine) == []
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1, "foreign keys back on after migrating"
    dispose_engines()


def test_upgrading_an_existing_database_copies_it_aside_first_and_keeps_its_data(tmp_path, _isolated_home):
    first, *later = all_revisions()
    assert later, "there is an upgrade to make"
    engine = get_engine(f"sqlite:///{tmp_path / 'shop.sqlite'}")
    upgrade_to_head(engine, target=first)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('shop.name', '老店')"))
    upgrade_to_head(engine)
    copies = list((tmp_path / "backups").glob("shop-before-*.sqlite"))
    assert len(copies) == 1
    with engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM settings")).scalar() == "老店"
    copy = get_engine(f"sqlite:///{copies[0]}")
    assert current_revision(copy) == first, "the copy is the database as it was before the upgrade"
    dispose_engines()
