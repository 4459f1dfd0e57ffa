"""Settings whose value lives in Secret Manager: references, and the port that reads them.

A setting's value may be a reference instead of the value itself:

- ``sm://projects/P/secrets/NAME/versions/V``: that version of that secret, or
- ``sm://NAME``: the latest version of NAME in the current project (``GOOGLE_CLOUD_PROJECT``).

References are read once per instance, at start-up; :func:`resolve_again` reads one again for
a setting an instance re-reads while it runs (``ION_API_KEYS``, so a revoked key stops working).

Pure: :class:`SecretSource` is implemented by ``core.adapters.secret_manager``; ``core.config``
decides which settings may be references and what a failure to read one means.
"""

from __future__ import annotations

import logging
import re
from typing import NamedTuple, Protocol

from core.errors import ConfigError, SecretUnavailable

log = logging.getLogger(__name__)

PREFIX = "sm://"
FORMS = "sm://projects/PROJECT/secrets/NAME/versions/VERSION or sm://NAME"

# Secret Manager's own rules: a secret name is 1-255 of [A-Za-z0-9_-]; a version is a number,
# "latest" or an alias; a project is an id or a number.
_NAME_PATTERN = r"[A-Za-z0-9_-]{1,255}"
_FULL = re.compile(
    rf"projects/(?P<project>[a-z][a-z0-9-]{{4,28}}[a-z0-9]|[0-9]+)"
    rf"/secrets/(?P<secret>{_NAME_PATTERN})/versions/(?P<version>[A-Za-z0-9_-]{{1,63}})"
)
_SHORT = re.compile(_NAME_PATTERN)


class SecretSource(Protocol):
    def access(self, name: str) -> str:
        """The text of a secret version, by full resource name. Raises ``SecretNotFound``,
        ``SecretAccessDenied`` or ``SecretUnavailable`` (``core.errors``)."""
        ...

    def reread(self, name: str) -> str:
        """As :meth:`access`, but read now even if the version was read before (``latest``
        may be a newer version by now); the new text replaces any kept."""
        ...


def is_reference(value: str) -> bool:
    return value.startswith(PREFIX)


class SecretReference(NamedTuple):
    project: str | None  # None: the current project
    secret: str
    version: str

    @classmethod
    def parse(cls, setting: str, value: str) -> SecretReference:
        body = value.removeprefix(PREFIX)
        full = _FULL.fullmatch(body)
        if full:
            return cls(full["project"], full["secret"], full["version"])
        if _SHORT.fullmatch(body):
            return cls(None, body, "latest")
        raise ConfigError(f"{setting}={value!r} is not a secret reference; accepted: {FORMS}")

    def resource(self, current_project: str) -> str:
        """The secret version's resource name, with the current project filled in."""
        project = self.project or current_project
        return f"projects/{project}/secrets/{self.secret}/versions/{self.version}"


def resolve(
    setting: str, reference: str, project: str, source: SecretSource, required: bool
) -> str | None:
    """The text behind ``setting``'s ``reference``. A secret that cannot be read stops start-up
    with a :class:`ConfigError` naming the setting and the secret if ``required``; otherwise it
    is logged and None returned (the setting keeps its default)."""
    name = SecretReference.parse(setting, reference).resource(project)
    try:
        return source.access(name)
    except SecretUnavailable as error:
        if required:
            raise ConfigError(f"{setting}={reference}: {error}") from None
        log.warning(
            "%s=%s: %s; %s is skipped and keeps its default", setting, reference, error, setting
        )
        return None


def resolve_again(setting: str, reference: str, project: str, source: SecretSource) -> str:
    """The text behind ``setting``'s ``reference`` read again now. Raises ``SecretUnavailable``
    (or a subclass): the caller keeps the value it had, so a Secret Manager outage changes
    nothing."""
    return source.reread(SecretReference.parse(setting, reference).resource(project))
