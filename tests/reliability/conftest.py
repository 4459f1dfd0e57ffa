"""The reliability suite's shared report; docs/reliability.md is rewritten only when every test
of the suite ran and passed (a partial run, ``-k`` or a failure leaves the last full report)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.report import REPORT, Report

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
_outcomes: dict[str, bool] = {}


@pytest.fixture(scope="session")
def report() -> Report:
    return REPORT


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).resolve().is_relative_to(HERE):
            _outcomes[item.nodeid] = False


@pytest.hookimpl(trylast=True)
def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.nodeid in _outcomes and report.when == "call":
        _outcomes[report.nodeid] = report.passed


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    deselected = session.config.option.keyword or session.config.option.markexpr
    if _outcomes and all(_outcomes.values()) and not deselected:
        REPORT.write(ROOT / "docs" / "reliability.md")
