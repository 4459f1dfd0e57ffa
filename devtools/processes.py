"""Loopback ports and process groups: what every service helper needs to start and end cleanly.

A service is started with ``start_new_session=True`` so that it leads a process group of its
own; ``gcloud`` and gunicorn start further processes, and only a signal to the whole group
reaches them. Liveness is read from ``/proc`` (the project runs on Linux): ``killpg(group, 0)``
also succeeds for zombies that are only waiting for their parent to reap them.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

HOST = "127.0.0.1"


def free_port() -> int:
    """A loopback TCP port that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def port_is_free(port: int) -> bool:
    """Whether a server could bind ``port`` on loopback now (nothing listens on it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # The same option servers set, so a port in TIME_WAIT after a stop counts as free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
        return True


def listening(port: int) -> bool:
    """Whether something accepts TCP connections on loopback ``port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((HOST, port)) == 0


def _stats() -> list[tuple[int, str, int, int]]:
    """(pid, state, ppid, pgrp) of every process, read from /proc."""
    rows = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process exited while we looked
            continue
        # Fields after the parenthesised command name (which may hold spaces): state, ppid, pgrp.
        state, ppid, pgrp = text.rsplit(")", 1)[1].split()[:3]
        rows.append((int(stat.parent.name), state, int(ppid), int(pgrp)))
    return rows


def group_members(group: int) -> list[int]:
    """Live (non-zombie) processes of a process group."""
    return [pid for pid, state, _, pgrp in _stats() if pgrp == group and state != "Z"]


def child_groups(parent: int) -> list[int]:
    """Process groups led by live children of ``parent``: what a parent that started each
    service with ``start_new_session=True`` has running, whether or not it kept the handle."""
    return [
        pid
        for pid, state, ppid, pgrp in _stats()
        if ppid == parent and pgrp == pid and state != "Z"
    ]


def signal_group(group: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):  # the group is already gone
        os.killpg(group, sig)


def wait_for_group_exit(group: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while group_members(group):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def end_group(process: subprocess.Popen[bytes], sig: signal.Signals, timeout_s: float) -> None:
    """Send ``sig`` to the group ``process`` leads, escalate to SIGKILL after ``timeout_s``, and
    return only once every member is gone (a leader's exit is not enough: the port is held by
    whichever member serves it)."""
    group = process.pid  # start_new_session made it the group leader
    signal_group(group, sig)
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        signal_group(group, signal.SIGKILL)
        process.wait()
    if not wait_for_group_exit(group, timeout_s):
        signal_group(group, signal.SIGKILL)
        if not wait_for_group_exit(group, timeout_s):
            raise RuntimeError(f"process group {group} survived SIGKILL")


def end_stray_group(group: int, timeout_s: float = 10.0) -> None:
    """End a group whose leader's handle was lost (interrupted between fork and bookkeeping)."""
    signal_group(group, signal.SIGTERM)
    if not wait_for_group_exit(group, timeout_s):
        signal_group(group, signal.SIGKILL)
        wait_for_group_exit(group, timeout_s)
