"""A load runs Python's cyclic collector its own way (loaders/collector.py) and gives it back as it found it."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from graph.settings import REPOSITORY
from loaders import collector
from loaders.collector import OLDER_THRESHOLDS, YOUNG_THRESHOLD, bulk_collection


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_load_freezes_what_exists_collects_less_often_and_restores_both() -> None:
    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    with bulk_collection():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
        assert gc.get_freeze_count() > 0
        with bulk_collection():
            # A load within a load (files loaded one after another share one setting).
            assert gc.get_threshold() == (YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
        assert gc.get_threshold() == (YOUNG_THRESHOLD, *OLDER_THRESHOLDS) and gc.get_freeze_count() > 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_the_collector_is_restored_when_a_load_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), bulk_collection():
        raise RuntimeError("the database went away")
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    assert collector._loads == 0


def test_cycles_made_during_a_load_are_still_collected() -> None:
    with bulk_collection():
        cycle = _Cycle()
        found = [type(obj) for obj in gc.get_objects() if obj is cycle]
        del cycle
        assert found == [_Cycle]
        gc.collect()
        assert not [obj for obj in gc.get_objects() if isinstance(obj, _Cycle)]


def test_a_validation_worker_keeps_the_loads_setting() -> None:
    code = (
        "import gc; from loaders.validate import _start_worker; _start_worker('people', 'salt', None); "
        "print(gc.get_threshold(), gc.get_freeze_count() > 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPOSITORY, check=True)
    assert result.stdout.split() == [
        f"({YOUNG_THRESHOLD},",
        f"{OLDER_THRESHOLDS[0]},",
        f"{OLDER_THRESHOLDS[1]})",
        "True",
    ]
