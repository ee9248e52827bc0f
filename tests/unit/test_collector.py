"""The garbage collector waits during the GUI's start and resumes with start-up's objects frozen."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from desktop_app import collector


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    yield
    collector.resume_after_start()
    gc.unfreeze()
    gc.enable()


def test_paused_start_resumes_with_what_it_built_frozen() -> None:
    collector.pause_during_start()
    assert not gc.isenabled()
    built = [object() for _ in range(10)]
    collector.resume_after_start()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(built)


def test_resume_without_pause_leaves_the_collector_alone() -> None:
    frozen = gc.get_freeze_count()
    collector.resume_after_start()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_a_collector_disabled_by_someone_else_stays_disabled() -> None:
    gc.disable()
    collector.pause_during_start()
    collector.resume_after_start()
    assert not gc.isenabled()
