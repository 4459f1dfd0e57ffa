"""Secret Manager through google-cloud-secret-manager: the values behind ``sm://`` settings.

Settings are read once per instance, so each secret version is read at most once per instance
and kept in memory (never logged); only :meth:`~SecretManagerSource.reread` reads one again
(``ION_API_KEYS``, every ``API_KEYS_REFRESH_S``). The REST transport is used: a handful of
calls do not need a gRPC channel, and REST is what a local fake can speak in tests (Secret
Manager has no emulator). Library errors are mapped here, at the edge, to ``SecretNotFound``,
``SecretAccessDenied`` or ``SecretUnavailable``, with messages that name the secret and say
what to do, never its value.

The library is imported only when the first reference is read: plain settings need neither
it nor Google credentials.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

from core.errors import SecretAccessDenied, SecretNotFound, SecretUnavailable


class SecretManagerSource:
    """``endpoint`` (tests only) sends calls to a local fake, without credentials, the way
    ``FIRESTORE_EMULATOR_HOST`` does for Firestore."""

    def __init__(self, endpoint: str | None = None, timeout_s: float = 10.0) -> None:
        self._endpoint = endpoint
        self._timeout_s = timeout_s
        self._values: dict[str, str] = {}
        self._client: Any = None
        # One read at a time: this runs at start-up, and it is the simplest way to read each
        # version once even when several threads ask for settings together.
        self._lock = threading.Lock()

    def access(self, name: str) -> str:
        with self._lock:
            if name not in self._values:
                self._values[name] = self._read(name)
            return self._values[name]

    def reread(self, name: str) -> str:
        # Under the same lock: a slow read here holds back only start-up reads, and those are
        # over by the time anything is re-read.
        with self._lock:
            self._values[name] = self._read(name)
            return self._values[name]

    def _read(self, name: str) -> str:
        from google.api_core import exceptions  # noqa: PLC0415 - see the module docstring
        from google.auth import exceptions as auth  # noqa: PLC0415

        try:
            response = self._connected().access_secret_version(
                name=name, retry=self._retry(), timeout=self._timeout_s
            )
        except exceptions.NotFound as error:
            raise SecretNotFound(
                f"secret {name} does not exist or has no such version; create it, or fix "
                "the reference"
            ) from error
        except (exceptions.Forbidden, exceptions.Unauthorized) as error:
            raise SecretAccessDenied(
                f"permission denied reading secret {name} ({error.code}); the service account "
                "needs roles/secretmanager.secretAccessor on it"
            ) from error
        except auth.DefaultCredentialsError as error:
            raise SecretAccessDenied(
                f"no Google credentials to read secret {name} with; locally, run `gcloud auth "
                "application-default login` or set the value itself"
            ) from error
        except (exceptions.GoogleAPIError, auth.GoogleAuthError, OSError) as error:
            raise SecretUnavailable(
                f"secret {name} could not be read ({type(error).__name__}: {error})"
            ) from error
        try:
            return bytes(response.payload.data).decode("utf-8").strip()
        except UnicodeDecodeError:
            raise SecretUnavailable(f"secret {name} is not UTF-8 text") from None

    def _connected(self) -> Any:
        if self._client is None:
            from google.cloud import secretmanager  # noqa: PLC0415

            options: dict[str, Any] = {}
            if self._endpoint:
                from google.auth.credentials import AnonymousCredentials  # noqa: PLC0415

                options = {
                    "credentials": AnonymousCredentials(),  # type: ignore[no-untyped-call]
                    "client_options": {"api_endpoint": self._endpoint},
                }
            self._client = secretmanager.SecretManagerServiceClient(transport="rest", **options)
        return self._client

    def _retry(self) -> Any:
        """Transient failures (503, 429, resets) are retried, within the same deadline."""
        from google.api_core import retry  # noqa: PLC0415

        return retry.Retry(
            predicate=retry.if_transient_error,
            initial=0.1,
            maximum=1.0,
            multiplier=2.0,
            timeout=self._timeout_s,
        )


@cache
def shared_source(endpoint: str | None = None) -> SecretManagerSource:
    """The instance's one source (per endpoint), so every secret is read once per instance."""
    return SecretManagerSource(endpoint)
