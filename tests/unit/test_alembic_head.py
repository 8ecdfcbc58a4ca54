"""One Alembic head: several issues add migrations, and each later one must build on the head it finds."""

from __future__ import annotations

import itertools

from alembic.script import ScriptDirectory

from app.migrate import alembic_config


def test_the_migrations_have_exactly_one_head_and_one_base():
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1, f"several heads {script.get_heads()}: renumber onto the head you find"
    assert len(script.get_bases()) == 1


def test_every_revision_follows_the_one_before_it():
    script = ScriptDirectory.from_config(alembic_config())
    revisions = list(script.walk_revisions())          # head first, each pointing down to the one before
    for newer, older in itertools.pairwise(revisions):
        assert newer.down_revision == older.revision


def test_the_chain_read_without_alembic_is_alembics():
    """The start-up skips Alembic when the stored revision is the head: that head must be Alembic's."""
    from app import revisions
    from app.migrate import all_revisions

    assert revisions.chain() == tuple(all_revisions())
