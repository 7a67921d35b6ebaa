"""Fixtures for export tests."""

from __future__ import annotations

import pytest

from annotator.core.store import open_project


@pytest.fixture
def new_project(tmp_path):
    """A factory of fresh projects in ``tmp_path``, closed at the end of the test."""
    opened = []

    def make(name: str = "p"):
        proj = open_project(tmp_path / f"{name}.annotator.db", create=True)
        opened.append(proj)
        return proj

    yield make
    for proj in opened:
        proj.close()
