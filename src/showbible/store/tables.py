"""The store's schema: every table of the compiled canon, in SQLAlchemy Core.

A build replaces the derived tables (``DERIVED``) inside one transaction; the kept tables (parse
and extraction caches, build log, proposals) survive it. Migrations live in ``migrations/``.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

from showbible.store.sql import SCHEMA_HEAD as SCHEMA_HEAD
from showbible.store.sql import SCHEMA_VERSION as SCHEMA_VERSION

MIGRATIONS = Path(__file__).parent / "migrations"
BUILD_LOCK = 0x5B1B1E  # the advisory lock a PostgreSQL build holds

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

files = Table(
    "files",
    metadata,
    Column("path", String(1024), primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("parsed", LargeBinary, nullable=False),
)

# Per episode file: what extraction made of it, so that a rebuild extracts only what changed.
# ``cue_key``/``cues``: the cue texts and present/absent names found in the file (keyed by the
# file, the bible and the engine); ``facts_key``/``facts``: the extracted scenes (keyed also by
# the cast and the series' cues). See pipeline.py.
extracts = Table(
    "extracts",
    metadata,
    Column("path", String(1024), primary_key=True),
    Column("cue_key", String(64), nullable=False),
    Column("cues", Text, nullable=False),
    Column("facts_key", String(64), nullable=False),
    Column("facts", LargeBinary, nullable=False),
)

series_t = Table(
    "series",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text),
    Column("position", Integer, nullable=False),
)

episodes = Table(
    "episodes",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("series", String(64), nullable=False, index=True),
    Column("id", String(128), nullable=False),
    Column("position", Integer, nullable=False),
    Column("release_pos", Integer, nullable=False),
    Column("title", Text),
    Column("released", String(32)),
    Column("story", String(64)),
    Column("file", Text),
    Column("scenes", Integer, nullable=False),
)

scenes = Table(
    "scenes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("key", String(220), nullable=False, unique=True),
    Column("series", String(64), nullable=False, index=True),
    Column("episode", String(128), nullable=False),
    Column("number", Integer, nullable=False),
    Column("heading", Text, nullable=False),
    Column("file", Text, nullable=False),
    Column("line", Integer, nullable=False),
    Column("end_line", Integer, nullable=False),
    Column("place", String(200)),
    Column("location", Text),
    Column("story", String(64)),
    Column("flashback", Boolean, nullable=False),
    Column("release_pos", Integer, nullable=False, index=True),
    Column("story_pos", Integer, nullable=False, index=True),
)

characters = Table(
    "characters",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("provisional", Boolean, nullable=False),
    Column("role", Boolean, nullable=False),
    Column("home", String(64)),
    Column("performer", Text),
    Column("suggestion", String(200)),
    Column("appearances", Integer, nullable=False),
    Column("speeches", Integer, nullable=False),
)

labels = Table(
    "labels",
    metadata,
    Column("character", String(200), nullable=False, index=True),
    Column("series", String(64), nullable=False),
    Column("label", Text, nullable=False),
    Column("speeches", Integer, nullable=False),
)

presence = Table(
    "presence",
    metadata,
    Column("scene", Integer, nullable=False, index=True),
    Column("character", String(200), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # present | referenced | voice
    Column("line", Integer, nullable=False),
    Column("how", String(16)),
    Column("identity", String(64)),
)

encounters = Table(
    "encounters",
    metadata,
    Column("a", String(200), nullable=False, index=True),
    Column("b", String(200), nullable=False, index=True),
    Column("release_scene", Integer, nullable=False),
    Column("story_scene", Integer, nullable=False),
    Column("scenes", Integer, nullable=False),
)

facts = Table(
    "facts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(32), nullable=False),
    Column("subject", String(200)),
    Column("object", Text),
    Column("scene", Integer),
    Column("file", Text),
    Column("line", Integer),
    Column("source", String(16), nullable=False),  # bible | annotation | inferred | engine
    Column("confidence", Float),
    Column("detail", Text),
)

knowledge = Table(
    "knowledge",
    metadata,
    Column("character", String(200), nullable=False, index=True),
    Column("secret", String(200), nullable=False),
    Column("scene", Integer),  # NULL: known from the start
    Column("line", Integer, nullable=False),
    Column("file", Text, nullable=False),
    Column("source", String(16), nullable=False),
    Column("how", String(16), nullable=False),  # known_by | learns | reveals
)

tells = Table(
    "tells",
    metadata,
    Column("scene", Integer, nullable=False, index=True),
    Column("character", String(200), nullable=False),
    Column("secret", String(200), nullable=False),
    Column("line", Integer, nullable=False),
)

relations = Table(
    "relations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("a", String(200), nullable=False, index=True),
    Column("b", String(200), nullable=False, index=True),
    Column("verb", String(16), nullable=False),  # relation | ends
    Column("kind", String(64)),
    Column("mutual", Boolean),
    Column("scene", Integer),
    Column("line", Integer, nullable=False),
    Column("file", Text, nullable=False),
    Column("source", String(16), nullable=False),
)

interactions = Table(
    "interactions",
    metadata,
    Column("a", String(200), nullable=False, index=True),
    Column("b", String(200), nullable=False, index=True),
    Column("episode", String(200), nullable=False),  # episode key
    Column("release_pos", Integer, nullable=False),  # of the episode
    Column("scenes", Integer, nullable=False),
    Column("exchanges", Integer, nullable=False),
    Column("a_to_b", Integer, nullable=False),
    Column("b_to_a", Integer, nullable=False),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("rule", String(64), nullable=False, index=True),
    Column("severity", String(16), nullable=False),
    Column("file", Text, nullable=False),
    Column("line", Integer, nullable=False),
    Column("scene", Integer, nullable=False, index=True),
    Column("characters", Text, nullable=False),  # JSON list of ids
    Column("message", Text, nullable=False),
    Column("evidence", Text, nullable=False),  # JSON list
    Column("sealed", Boolean, nullable=False),
    Column("seal_reason", Text),
    Column("inferred", Boolean, nullable=False),
)

# Facts proposed from outside the scripts (news articles), waiting for review. Not derived:
# builds leave them alone.
proposals = Table(
    "proposals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("subject", Text, nullable=False),
    Column("object", Text, nullable=False),
    Column("file", Text, nullable=False),
    Column("line", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("status", String(16), nullable=False),  # proposed | accepted | rejected
)

builds = Table(
    "builds",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started", String(40), nullable=False),
    Column("finished", String(40)),
    Column("status", String(16), nullable=False),
    Column("message", Text),
    Column("parsed", Integer),
    Column("cached", Integer),
    Column("seconds", Float),
)

# Everything a build computes: replaced whole by each build (the parse cache, the build log and
# the metadata survive).
_KEPT = {"meta", "files", "extracts", "builds", "proposals"}
DERIVED = tuple(t for t in metadata.sorted_tables if t.name not in _KEPT)
