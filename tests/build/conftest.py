"""A small synthetic universe with planted errors (so that findings, and evidence across
episodes, exist to be kept right), generated once per module and copied for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
