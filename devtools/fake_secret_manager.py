"""A fake Secret Manager that speaks ``accessSecretVersion`` over REST, for the real client.

Point the client's ``api_endpoint`` (``SECRET_MANAGER_ENDPOINT``) at :attr:`url`; it calls
``GET /v1/projects/P/secrets/NAME/versions/V:access``. Secrets added with :meth:`add` are
served (``latest`` is the newest version); unknown ones are 404 and denied ones 403, in the
shapes Google sends.
"""

from __future__ import annotations

import base64
import re

from devtools.fake_service import FakeService, Recorded, Reply, google_error

_ACCESS = re.compile(
    r"/v1/projects/(?P<project>[^/]+)/secrets/(?P<secret>[^/]+)/versions/(?P<version>[^/:]+):access"
)


class FakeSecretManager(FakeService):
    def __init__(self) -> None:
        super().__init__()
        self._versions: dict[tuple[str, str], list[str]] = {}
        self._denied: set[tuple[str, str]] = set()

    def add(self, project: str, secret: str, value: str) -> int:
        """A new version of the secret; returns its number."""
        with self._lock:
            versions = self._versions.setdefault((project, secret), [])
            versions.append(value)
            return len(versions)

    def deny(self, project: str, secret: str) -> None:
        """Reading this secret is refused with 403 PERMISSION_DENIED."""
        with self._lock:
            self._denied.add((project, secret))

    @property
    def reads(self) -> list[str]:
        """The secret versions asked for, by resource name, in order."""
        with self._lock:
            found = (_ACCESS.fullmatch(r.path.split("?")[0]) for r in self.requests)
            return [m.group(0)[len("/v1/") : -len(":access")] for m in found if m]

    def respond(self, request: Recorded) -> Reply:
        match = _ACCESS.fullmatch(request.path.split("?")[0])
        if request.method != "GET" or match is None:
            return google_error(404, "NOT_FOUND", f"fake Secret Manager has no {request.path}")
        key, version = (match["project"], match["secret"]), match["version"]
        name = f"projects/{key[0]}/secrets/{key[1]}/versions/{version}"
        with self._lock:
            if key in self._denied:
                message = f"Permission 'secretmanager.versions.access' denied for resource '{name}'"
                return google_error(403, "PERMISSION_DENIED", message)
            versions = self._versions.get(key, [])
            number = (
                len(versions) if version == "latest" else int(version) if version.isdigit() else 0
            )
            if not 1 <= number <= len(versions):
                return google_error(404, "NOT_FOUND", f"Secret Version [{name}] not found.")
            value = versions[number - 1]
        data = base64.b64encode(value.encode()).decode()
        resolved = f"projects/{key[0]}/secrets/{key[1]}/versions/{number}"
        return Reply(200, {"name": resolved, "payload": {"data": data}})
