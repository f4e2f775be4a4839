"""A small synthetic universe with planted errors (so that findings, and evidence across
episodes, exist to be kept right), generated once per module and copied for each test; and two
fresh PostgreSQL databases for comparing an incremental store with a build from nothing."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

import synth_module


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synth") / "u"
    synth_module.load().generate(root, 3, 8, seed=11, scenes_per_episode=(4, 6), plant=8)
    return root


@pytest.fixture
def universe(pristine: Path, tmp_path: Path) -> Path:
    root = tmp_path / "u"
    shutil.copytree(pristine, root)
    return root


@pytest.fixture
def pg_pair(pg_url: str) -> Iterator[tuple[str, str]]:
    """Two fresh databases on the test server: the one kept up to date, and a build from
    nothing's."""
    names = ["b_" + uuid.uuid4().hex[:12] for _ in range(2)]
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = pg_url.rsplit("/", 1)[0]
    yield f"{base}/{names[0]}", f"{base}/{names[1]}"
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
