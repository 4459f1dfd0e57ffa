"""The production shape on loopback, as ``make dev`` runs it (through ``scripts/devstack.py``).

The Firestore and Pub/Sub emulators, Redis, and each function as its own functions-framework
process, wired by environment variables exactly as the deployment wires them, plus the bulk
topic with a push subscription to the worker. Everything started is registered for shutdown
*before* it is started, so an interrupt at any moment stops what exists; a last sweep of this
process's child process groups catches one that was interrupted between its fork and that
registration.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from core.api.security import hash_key
from devtools.console import ConsoleServer
from devtools.emulators import PROJECT, FirestoreEmulator, PubSubEmulator
from devtools.functions import FunctionProcess, FunctionSpec, wait_until_ready
from devtools.processes import child_groups, end_stray_group, free_port, port_is_free
from devtools.redis_server import RedisServer

# One default per port; --port-offset shifts them all (a second stack beside a developer's).
PORTS = {
    "firestore": 8681,
    "pubsub": 8685,
    "redis": 6379,
    "process": 8081,
    "recommend": 8082,
    "bulk": 8083,
    "bulk_worker": 8084,
    "console": 8080,
}
# (entry point, folder, signature type): as infra/terraform deploys them.
FUNCTIONS = (
    ("process", "process", "http"),
    ("recommend", "recommend", "http"),
    ("bulk", "bulk", "http"),
    ("bulk_worker", "bulk", "cloudevent"),
)
TOPIC = "ion-bulk"
SUBSCRIPTION = "ion-bulk-worker"
KEY_ID = "dev"
READY_TIMEOUT_S = 60.0
# Variables a function must not inherit from the shell that runs make dev: the key in clear.
_NOT_FOR_FUNCTIONS = ("ION_DEV_API_KEY", "ION_API_KEY")


class _Service(Protocol):
    @property
    def running(self) -> bool: ...


Emulator = TypeVar("Emulator", FirestoreEmulator, PubSubEmulator)


class PortTaken(RuntimeError):
    """A port the stack needs is already in use."""


@dataclass(frozen=True, slots=True)
class StackOptions:
    root: Path
    api_key: str
    state_file: Path
    port_offset: int = 0
    # Where Firestore's documents are kept between runs (None: nothing kept), and whether to
    # start empty anyway (the kept documents are then replaced by this run's at exit).
    data_dir: Path | None = None
    fresh: bool = False
    # User keys for `make load`, one per simulated user in turn, so a load test measures the
    # service rather than one key's rate limit; written to the state file, accepted as "load-NN".
    load_keys: tuple[str, ...] = ()


class Stack:
    def __init__(self, options: StackOptions, say: Callable[[str], None] = print) -> None:
        self.options = options
        self._say = say
        self._closers = contextlib.ExitStack()
        self._services: dict[str, _Service] = {}
        self.groups: dict[str, int] = {}  # name -> process group, for the state file
        self.urls: dict[str, str] = {}  # function -> base URL
        self.backing: dict[str, str] = {}  # emulator or Redis -> address
        self.console_url = ""
        self.console_link = ""  # the URL with this run's token: the page gets the key

    def port(self, name: str) -> int:
        return PORTS[name] + self.options.port_offset

    def start(self) -> None:
        began = time.monotonic()
        self._check_ports()
        self._say("starting the local stack (Ctrl-C stops it)")
        firestore = self._emulator(
            FirestoreEmulator(self.port("firestore"), import_from=self._kept_firestore())
        )
        self._keep_firestore_at_exit(firestore)
        pubsub = self._emulator(PubSubEmulator(self.port("pubsub")))
        redis_url = self._redis()
        env = {k: v for k, v in os.environ.items() if k not in _NOT_FOR_FUNCTIONS}
        env |= {
            "REDIS_URL": redis_url,
            "FIRESTORE_EMULATOR_HOST": firestore.host,
            "PUBSUB_EMULATOR_HOST": pubsub.host,
            "GOOGLE_CLOUD_PROJECT": PROJECT,
            "ION_API_KEYS": ",".join(
                [f"{KEY_ID}:{hash_key(self.options.api_key)}:admin"]
                + [
                    f"load-{n:02d}:{hash_key(key)}:user"
                    for n, key in enumerate(self.options.load_keys, start=1)
                ]
            ),
            # The console calls the functions from the browser: its origins, in dev only.
            "CORS_ALLOWED_ORIGINS": ",".join(ConsoleServer.origins(self.port("console"))),
            "PYTHONUNBUFFERED": "1",  # logs appear as they are written, not when a buffer fills
        }
        self._functions(env)
        worker = self.urls["bulk_worker"] + "/"
        pubsub.create_topic(TOPIC)
        pubsub.create_push_subscription(SUBSCRIPTION, TOPIC, worker)
        self._say(f"Pub/Sub topic {TOPIC} pushes to {worker} (subscription {SUBSCRIPTION})")
        self._console()
        self._write_state(firestore.host, pubsub.host, redis_url)
        self._say(f"ready in {time.monotonic() - began:.1f}s")

    def _kept_firestore(self) -> Path | None:
        """The export the last run left, unless this run starts fresh."""
        data_dir = self.options.data_dir
        if data_dir is None:
            return None
        kept = sorted((data_dir / "firestore").glob("*/*.overall_export_metadata"))
        if self.options.fresh or not kept:
            self._say("Firestore emulator starts empty" + (" (--fresh)" if kept else ""))
            return None
        self._say(f"Firestore emulator starts with the documents kept in {kept[-1].parent}")
        return kept[-1]

    def _keep_firestore_at_exit(self, firestore: FirestoreEmulator) -> None:
        """Before the emulator stops (closers run last-in first-out), export its documents;
        the new export replaces the old only once it is complete."""
        data_dir = self.options.data_dir
        if data_dir is None:
            return

        def keep() -> None:
            if not firestore.running:
                return  # it died: there is nothing to export, and the last export stays
            folder = data_dir / "firestore"
            try:
                metadata = firestore.export(folder)
            except (OSError, RuntimeError, ValueError) as error:
                self._say(f"Firestore documents were not kept: {error}")
                return
            for old in folder.iterdir():
                if old != metadata.parent and old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
            self._say(f"Firestore documents kept in {metadata.parent} (--fresh starts empty)")

        self._closers.callback(keep)

    def _check_ports(self) -> None:
        for name in PORTS:
            port = self.port(name)
            if name != "redis" and not port_is_free(port):
                raise PortTaken(
                    f"port {port} ({name}) is in use on 127.0.0.1; stop what listens there, or "
                    "shift every port with --port-offset N (or ION_DEV_PORT_OFFSET=N)"
                )

    def _emulator(self, emulator: Emulator) -> Emulator:
        self._closers.push(emulator)  # its __exit__ stops it and removes its folder
        emulator.start()
        self._services[f"{emulator.title} emulator"] = emulator
        self.backing[f"{emulator.title} emulator"] = emulator.host
        if emulator.group is not None:
            self.groups[f"{emulator.kind}_emulator"] = emulator.group
        self._say(f"{emulator.title} emulator on {emulator.host} ({emulator.start_seconds:.1f}s)")
        return emulator

    def _redis(self) -> str:
        port = self.port("redis")
        if not port_is_free(port):
            # A developer's own Redis often holds 6379; ours needs no particular port.
            taken, port = port, free_port()
            self._say(f"port {taken} is in use; Redis uses {port} instead")
        server = RedisServer(port)
        self._closers.push(server)
        began = time.monotonic()
        server.start()
        self._services["Redis"] = server
        self.backing["Redis"] = server.url
        if server.pid is not None:
            self.groups["redis"] = server.pid
        self._say(f"Redis on {server.url} ({time.monotonic() - began:.1f}s)")
        return server.url

    def _functions(self, env: dict[str, str]) -> None:
        began = time.monotonic()
        started = []
        for name, folder, signature in FUNCTIONS:
            spec = FunctionSpec(name, folder, self.port(name), signature)
            function = FunctionProcess(spec, self.options.root, env, echo=self._say)
            self._closers.callback(function.stop)
            started.append(function)
            self._services[name] = function
            self.groups[name] = function.group
            self.urls[name] = spec.url
        self._say("functions starting: " + ", ".join(f"{n} :{self.port(n)}" for n in self.urls))
        wait_until_ready(started, READY_TIMEOUT_S)
        self._say(f"functions ready ({time.monotonic() - began:.1f}s)")

    def _console(self) -> None:
        calls = {name: url for name, url in self.urls.items() if name != "bulk_worker"}
        console = ConsoleServer(
            self.port("console"), self.options.root / "console", calls, self.options.api_key
        )
        self._closers.push(console)
        console.start()
        self._services["console"] = console
        self.console_url = console.url
        self.console_link = console.link
        self._say(f"mentor console on {console.url}")

    def _write_state(self, firestore: str, pubsub: str, redis_url: str) -> None:
        state: dict[str, Any] = {
            "pid": os.getpid(),
            "urls": self.urls,
            "console_url": self.console_url,
            "console_link": self.console_link,
            "api_key": self.options.api_key,
            "load_keys": list(self.options.load_keys),
            "firestore_emulator_host": firestore,
            "pubsub_emulator_host": pubsub,
            "redis_url": redis_url,
            "process_groups": self.groups,
        }
        path = self.options.state_file
        path.parent.mkdir(parents=True, exist_ok=True)
        self._closers.callback(self._remove_state)
        # It holds the admin key in clear: readable by this user only, and written whole.
        partial = path.with_suffix(".tmp")
        partial.unlink(missing_ok=True)  # a leftover could carry wider permissions
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(state, file, indent=2)
        partial.replace(path)

    def _remove_state(self) -> None:
        path = self.options.state_file
        with contextlib.suppress(OSError, ValueError):
            # Only our own: a second stack pointed at the same file must not lose its state.
            if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
                path.unlink()

    def dead(self) -> list[str]:
        """What the stack started that is no longer running."""
        return [name for name, service in self._services.items() if not service.running]

    def close(self) -> None:
        """Stop everything, last started first. Safe to call at any point of ``start``."""
        try:
            self._closers.close()
        finally:
            for group in child_groups(os.getpid()):
                end_stray_group(group)
