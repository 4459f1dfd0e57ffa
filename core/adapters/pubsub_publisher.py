"""Publishing bulk items to Pub/Sub (the emulator when PUBSUB_EMULATOR_HOST is set), through
google-cloud-pubsub.

The library batches: a job's items go out in as few publish calls as fit (up to 100 messages or
9 MB each, well under Pub/Sub's 1000 and 10 MB). Every future is waited for, within one deadline
for the whole job, so a job is reported published only when Pub/Sub has accepted every item.
The library is imported and the client built on first use: the import costs about half a
second, which only a bulk submission should pay.
"""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from core.bulk import PublishError


class PubSubPublisher:
    def __init__(self, project: str, topic: str, timeout_s: float = 10.0) -> None:
        self._project = project
        self._topic = topic
        self._timeout_s = timeout_s
        self._lock = threading.Lock()
        self._client: Any = None
        self._retry: Any = None

    @property
    def topic_path(self) -> str:
        return f"projects/{self._project}/topics/{self._topic}"

    def publish(self, messages: Sequence[tuple[bytes, Mapping[str, str]]]) -> None:
        client = self._connect()
        futures = [
            client.publish(
                self.topic_path, data, retry=self._retry, timeout=self._timeout_s, **attributes
            )
            for data, attributes in messages
        ]
        done, pending = concurrent.futures.wait(futures, timeout=self._timeout_s)
        failures = [f.exception() for f in done if f.exception() is not None]
        if pending or failures:
            for future in pending:
                future.cancel()
            published = len(done) - len(failures)
            reason = (
                f"{type(failures[0]).__name__}: {failures[0]}"
                if failures
                else f"no answer within {self._timeout_s:g} s"
            )
            raise PublishError(published, reason[:300])

    def _connect(self) -> Any:
        with self._lock:
            if self._client is None:
                from google.api_core import retry  # noqa: PLC0415 - see the module docstring
                from google.cloud import pubsub_v1  # type: ignore[attr-defined]  # noqa: PLC0415

                self._client = pubsub_v1.PublisherClient(
                    batch_settings=pubsub_v1.types.BatchSettings(
                        max_messages=100, max_bytes=9 * 1024 * 1024, max_latency=0.005
                    )
                )
                # Transient failures are retried, but never past the job's deadline.
                self._retry = retry.Retry(
                    predicate=retry.if_transient_error,
                    initial=0.1,
                    maximum=1.0,
                    multiplier=2.0,
                    timeout=self._timeout_s,
                )
            return self._client
