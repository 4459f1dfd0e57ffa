"""The reliability suite's shared report; docs/reliability.md is rewritten only when every test
file of the suite was collected and every test passed (a run of some files, ``-k`` or a
failure leaves the last full report)."""

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
    files = {nodeid.split("::", 1)[0].rsplit("/", 1)[-1] for nodeid in _outcomes}
    whole = files == {path.name for path in HERE.glob("test_*.py")}
    if whole and all(_outcomes.values()) and not deselected:
        REPORT.write(ROOT / "docs" / "reliability.md")
