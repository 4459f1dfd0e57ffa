"""Every client-visible error says whether the same request is worth retrying, and says it as
its HTTP status always implied: a 5xx may pass a moment later, a 429 after its Retry-After, any
other 4xx is the caller's own mistake. Every error class in ``core`` is found, so a new one is
checked too, and one that sets its own status must set its own ``retryable``."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import core
from core.bulk import JobStoreUnavailable, TooManyItems, TooManyItemsInFlight
from core.errors import InvalidInput, IonError, RateLimited, Unavailable
from core.sessions import SessionNotFound


def _error_classes() -> list[type[IonError]]:
    for module in pkgutil.walk_packages(core.__path__, "core."):
        importlib.import_module(module.name)
    found: list[type[IonError]] = [IonError]
    for cls in found:  # grows as it goes: every subclass, at any depth
        found.extend(sub for sub in cls.__subclasses__() if sub not in found)
    return sorted(
        (cls for cls in found if cls.__module__.startswith("core.") or cls.__module__ == "core"),
        key=lambda cls: f"{cls.__module__}.{cls.__qualname__}",
    )


ERRORS = _error_classes()


def _by_status(http_status: int) -> bool:
    return http_status >= 500 or http_status == 429


def test_the_error_classes_are_found() -> None:
    assert {IonError, InvalidInput, RateLimited, Unavailable, SessionNotFound} <= set(ERRORS)
    assert {TooManyItems, TooManyItemsInFlight, JobStoreUnavailable} <= set(ERRORS)


@pytest.mark.parametrize("cls", ERRORS, ids=lambda cls: cls.__qualname__)
def test_retryable_is_what_the_status_implies(cls: type[IonError]) -> None:
    assert isinstance(cls.retryable, bool)
    assert cls.retryable is _by_status(cls.http_status), (cls.http_status, cls.retryable)


@pytest.mark.parametrize("cls", ERRORS, ids=lambda cls: cls.__qualname__)
def test_an_error_class_that_sets_its_status_chooses_whether_it_is_retryable(
    cls: type[IonError],
) -> None:
    chooses = cls.__module__ in ("core.errors", "core.bulk") or cls.__module__.startswith(
        "core.bulk."
    )
    if "http_status" in vars(cls) or chooses:
        assert "retryable" in vars(cls), f"{cls.__qualname__} must set retryable itself"


@pytest.mark.parametrize(
    ("cls", "retryable"),
    [
        (IonError, True),
        (InvalidInput, False),
        (RateLimited, True),
        (Unavailable, True),
        (TooManyItems, False),
        (TooManyItemsInFlight, True),
        (JobStoreUnavailable, True),
        (SessionNotFound, False),
    ],
)
def test_the_kinds_a_retry_decision_meets(cls: type[IonError], retryable: bool) -> None:
    assert cls.retryable is retryable
