"""API keys, CORS and failed authentications: the checks every function makes before a handler
(with the per-key rate limit of ``core.ratelimit``).

- Keys are configured as SHA-256 hashes (``ION_API_KEYS``: ``id:sha256hex:role`` entries,
  role ``user`` or ``admin``), never in clear. A presented key is hashed and compared with
  every configured hash in constant time; only its id ever reaches logs or sessions.
- CORS answers only origins on the allow-list; others get no ``Access-Control-Allow-Origin``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import threading
import time
from collections.abc import Callable, Iterable
from typing import NamedTuple

from core.errors import Forbidden, Unauthenticated

API_KEY_HEADER = "X-API-Key"
_ENTRY = re.compile(r"(?P<id>[A-Za-z0-9._-]{1,64}):(?P<hash>[0-9a-f]{64}):(?P<role>user|admin)")


class Principal(NamedTuple):
    key_id: str
    admin: bool


class _Key(NamedTuple):
    key_id: str
    digest: bytes
    admin: bool


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def parse_api_keys(text: str) -> tuple[_Key, ...]:
    """``id:sha256hex:role`` entries separated by commas or whitespace."""
    keys: list[_Key] = []
    for entry in re.split(r"[,\s]+", text.strip()):
        if not entry:
            continue
        match = _ENTRY.fullmatch(entry)
        if match is None:
            # Never echo the entry: a key pasted in clear by mistake must not reach a log.
            raise ValueError(
                f"entry {len(keys) + 1} is not id:sha256hex:role "
                "(id 1-64 of [A-Za-z0-9._-], 64 lower-case hex digits, role user or admin)"
            )
        keys.append(_Key(match["id"], bytes.fromhex(match["hash"]), admin=match["role"] == "admin"))
    ids = [k.key_id for k in keys]
    if len(ids) != len(set(ids)):
        raise ValueError("API key ids must be unique")
    return tuple(keys)


class ApiKeys:
    """The configured keys, and whose a presented key is.

    With ``reload`` (``ION_API_KEYS`` is a secret reference; ``reload`` returns the setting's
    text) the keys are read again while the instance runs, so a key removed from the secret is
    refused on every warm instance at most ``refresh_s`` after the new version was added:

    - keys half that old are read again in the background by the request that finds them so;
      it and every request meanwhile go on with the current keys. A busy instance so never
      holds keys ``refresh_s`` old, and no request waits for Secret Manager;
    - keys ``refresh_s`` old (an instance that was idle) are not trusted: the request waits for
      the read, up to ``WAIT_S``, and after that goes on with the keys it has;
    - a failed read (Secret Manager down, a malformed new version) keeps the current keys, is
      reported to ``on_reload_failure``, and is tried again ``RETRY_S`` later in the background;
      from then (or from a read slower than ``WAIT_S``) until a read succeeds, no request
      waits. An outage never empties the keys, fails requests, or slows more than the requests
      of its first ``WAIT_S``.
    """

    WAIT_S = 2.0
    RETRY_S = 5.0

    def __init__(
        self,
        keys: Iterable[_Key],
        *,
        reload: Callable[[], str] | None = None,
        refresh_s: float = 60.0,
        on_reload_failure: Callable[[Exception], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        read_at: float | None = None,
    ) -> None:
        """``read_at``: when ``keys`` were read (by ``clock``), if not just now."""
        self._keys = tuple(keys)
        self._reload = reload
        self._refresh_s = refresh_s
        self._on_failure = on_reload_failure
        self._clock = clock
        self._read_at = clock() if read_at is None else read_at  # when that read began
        self._retry_at = 0.0  # after a failure, no read before this
        self._failing = False
        self._lock = threading.Lock()  # guards _reader
        self._reader: threading.Thread | None = None  # the read in flight

    def refresh(self) -> bool:
        """Read the keys again now, waiting for the read; False if it failed (the current keys
        stay) or there is nothing to read."""
        return self._read()

    def _current(self) -> tuple[_Key, ...]:
        if self._reload is None:
            return self._keys
        now = self._clock()
        age = now - self._read_at
        if age >= self._refresh_s / 2:
            reader = self._start_read(now)
            if reader is not None and age >= self._refresh_s and not self._failing:
                reader.join(self.WAIT_S)
                if reader.is_alive():  # Secret Manager is slow: later requests do not wait
                    self._failing = True
        return self._keys

    def _start_read(self, now: float) -> threading.Thread | None:
        """The read in flight, started now if there is none and no failure is being waited out."""
        with self._lock:
            if self._reader is None and now >= self._retry_at:
                reader = threading.Thread(target=self._read_then_done, name="api-keys", daemon=True)
                try:
                    reader.start()
                except RuntimeError:  # no thread to be had: a later request tries again
                    return None
                self._reader = reader
            return self._reader

    def _read_then_done(self) -> None:
        try:
            self._read()
        finally:
            with self._lock:
                self._reader = None

    def _read(self) -> bool:
        if self._reload is None:
            return False
        began = self._clock()
        try:
            keys = parse_api_keys(self._reload())
        except Exception as error:
            # Whatever went wrong (Secret Manager, a malformed version), the keys in use stay:
            # a failure here must neither reach a request nor empty the keys.
            self._failing = True
            self._retry_at = self._clock() + min(self._refresh_s, self.RETRY_S)
            if self._on_failure is not None:
                self._on_failure(error)
            return False
        self._keys = keys  # one assignment: a request sees the old tuple or the new one
        self._read_at = began
        self._failing = False
        return True

    def authenticate(self, presented: str | None) -> Principal:
        keys = self._current()
        if not presented:
            raise Unauthenticated(f"send your API key in the {API_KEY_HEADER} header")
        digest = hashlib.sha256(presented.encode("utf-8", "replace")).digest()
        found: _Key | None = None
        for key in keys:  # every key compared, in constant time: no early exit
            if hmac.compare_digest(digest, key.digest):
                found = key
        if found is None:
            raise Unauthenticated(f"the {API_KEY_HEADER} header does not hold a valid API key")
        return Principal(found.key_id, found.admin)

    @staticmethod
    def require_admin(principal: Principal) -> None:
        if not principal.admin:
            raise Forbidden("this endpoint needs an admin API key")


# -- CORS -----------------------------------------------------------------------------------


class Cors:
    def __init__(self, allowed_origins: Iterable[str]) -> None:
        self._origins = frozenset(o.rstrip("/") for o in allowed_origins if o)

    def headers_for(self, origin: str | None) -> dict[str, str]:
        if not origin or origin.rstrip("/") not in self._origins:
            return {}
        return {
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Expose-Headers": "X-Request-Id, Retry-After",
            "Vary": "Origin",
        }

    def preflight_headers(self, origin: str | None, allowed_methods: str) -> dict[str, str]:
        base = self.headers_for(origin)
        if not base:
            return {}
        return {
            **base,
            "Access-Control-Allow-Methods": allowed_methods,
            "Access-Control-Allow-Headers": f"Content-Type, {API_KEY_HEADER}, X-Request-Id",
            "Access-Control-Max-Age": "600",
        }


# -- failed authentications -----------------------------------------------------------------


def client_ip(forwarded_for: str, remote_addr: str, hops: int) -> str:
    """The caller's address: ``hops`` entries from the right of ``X-Forwarded-For`` (each proxy
    appends the address it was called from; entries further left are whatever the client
    wrote, so never trusted), else the connection's own address."""
    entries = [part.strip() for part in forwarded_for.split(",") if part.strip()]
    if len(entries) >= hops:
        return entries[-hops]
    # Fewer entries than proxies: the request did not come the expected way, and every entry
    # may be the client's own writing; only the connection is known.
    return remote_addr or "unknown"


# Requests with a missing or wrong key are counted per client address, by a rate limiter of
# their own (core.bootstrap makes it with these and lease=1: no per-address lease is left in
# each instance). Without it, a fresh random key on every request falls into a fresh per-key
# bucket and is answered 401 without limit. Only failures are charged, so a valid key behind
# the same NAT as a scanner keeps working; past the burst, the failures get 429 with
# Retry-After instead of 401. The prefix keeps every address's bucket apart from the keys'.
FAILURE_PREFIX = "ion:v1:rl:ip:"  # + the client's address
FAILURE_SUBJECT = "requests without a valid API key from this address"
