"""What observability needs to know, handed in by whoever configures it (``core.bootstrap``
from ``core.config``): this package never reads settings itself."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ObservabilitySettings:
    sentry_dsn: str | None = field(default=None, repr=False)  # None: Sentry stays off
    sentry_environment: str = "local"
    sentry_release: str | None = None  # None: K_REVISION, else ion-mentoring@VERSION
    traces_sample_rate: float = 0.1
    id_hash_key: str | None = field(default=None, repr=False)  # None: random per instance
    project: str | None = None  # the Google Cloud project, for trace links in log lines
