"""The Firestore emulator test helper: reset, stop without orphans, a clear error without gcloud."""

from __future__ import annotations

import pytest

from tests.emulators import PROJECT, FirestoreEmulator, group_members


def test_reset_deletes_every_document(
    firestore_host: str, firestore_emulator: FirestoreEmulator
) -> None:
    from google.cloud import firestore  # noqa: PLC0415 - only the emulator tests need it

    document = firestore.Client(project=PROJECT).document("sessions/before-reset")
    document.set({"kept": False})
    firestore_emulator.reset()
    assert not document.get().exists


def test_stop_ends_the_whole_process_group() -> None:
    with FirestoreEmulator() as emulator:
        group = emulator.group
        assert group is not None
        assert len(group_members(group)) >= 2  # gcloud and the Java server it started
        emulator.stop()
        emulator.stop()  # idempotent
        assert not emulator.running
        assert group_members(group) == []


def test_a_missing_gcloud_is_an_error_not_a_skip() -> None:
    emulator = FirestoreEmulator(executable="no-such-gcloud")
    with pytest.raises(RuntimeError, match="not on PATH"):
        emulator.start()
