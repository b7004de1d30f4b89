"""Soak: the SDK under injected faults (see `_soak_driver`).

`test_soak_quick` runs in `make test`; `test_soak_long` (`make soak`) runs many more calls and
also checks that memory stays flat. Both print the summary line (visible with `-s`).
"""

from __future__ import annotations

import os

import pytest
from _soak_driver import SoakConfig, SoakReport, run_soak


def _check(report: SoakReport) -> None:
    print(report.summary())
    assert report.violation_count == 0, "\n".join(report.violations)
    assert report.log_records > 0 and report.log_leaks == 0
    assert report.open_connections_after == 0
    assert report.fds_after <= report.fds_before
    # No pool ever held a stuck slot between windows, cancelled calls' included (also
    # reported as violations; asserted here so that the summary says which pool).
    assert report.stuck_slots == {"sync": 0, "async": 0, "cancelled": 0}, report.stuck_slots
    assert report.cancelled > 0
    # Every fault kind was injected, and the common failure classes all happened (the rarer
    # ones, like three 429s in a row, are covered one by one in test_fault_kinds.py).
    assert len(report.faults) == len(SoakConfig(1, 1).rates)
    common = {"APIConnectionError", "APITimeoutError", "APIResponseValidationError", "StreamError"}
    assert common <= set(report.failures)
    assert report.retries > 0


def test_soak_quick() -> None:
    _check(run_soak(SoakConfig(windows=6, calls_per_window=300)))


@pytest.mark.slow
def test_soak_long() -> None:
    windows = int(os.environ.get("SOAK_WINDOWS", "40"))
    report = run_soak(SoakConfig(windows=windows, calls_per_window=1000))
    _check(report)
    assert report.rss_growth_mib < 16, report.rss_kib
