"""The Firestore session store against the real emulator: round trips, the kept window, expiry,
ownership (each owner its own sessions, under keyed names), concurrent appends, ids the API does
not take, the emulator dying, lazy import."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest

from core.adapters.firestore_sessions import FirestoreSessionStore
from core.sessions import (
    KEEP_TURNS,
    Owner,
    SessionNotFound,
    SessionStoreUnavailable,
    document_id,
)
from core.turns import Turn
from devtools.emulators import PROJECT, FirestoreEmulator
from devtools.processes import group_members
from tests.helpers import FakeClock

T = TypeVar("T")
ALICE = Owner(key_id="key-a", user_id="alice")
BOB = Owner(key_id="key-b", user_id="bob")
SECRET = b"a-session-id-secret-for-the-tests-only"
T0 = 1_767_225_600.0  # 2026-01-01T00:00:00Z, whole seconds so timestamps compare exactly


def store_for(clock: FakeClock | None = None, **options: Any) -> FirestoreSessionStore:
    if clock is not None:
        options["clock"] = clock
    return FirestoreSessionStore(PROJECT, id_secret=options.pop("id_secret", SECRET), **options)


def exchange(n: int) -> list[Turn]:
    return [Turn("user", f"question {n}"), Turn("mentor", f"answer {n}")]


def raw_document(session_id: str, owner: Owner = ALICE) -> dict[str, Any]:
    from google.cloud import firestore  # noqa: PLC0415 - the test reads what the store wrote

    name = document_id(SECRET, owner, session_id)
    snapshot = firestore.Client(project=PROJECT).document(f"sessions/{name}").get()
    assert snapshot.exists
    data: dict[str, Any] = snapshot.to_dict()
    return data


def document_names() -> list[str]:
    from google.cloud import firestore  # noqa: PLC0415

    client = firestore.Client(project=PROJECT)
    return sorted(d.id for d in client.collection("sessions").list_documents())


def test_a_new_session_loads_empty(firestore_host: str) -> None:
    state = store_for().load("new-session", ALICE)
    assert state.turns == ()
    assert state.turn_count == 0


def test_append_then_load_round_trips_turns_in_order(firestore_host: str) -> None:
    store = store_for()
    after_first = store.append("s1", ALICE, exchange(1))
    store.append("s1", ALICE, exchange(2))
    state = store.load("s1", ALICE)
    assert after_first.turn_count == 2
    assert state.turns == (*exchange(1), *exchange(2))
    assert state.turn_count == 4
    # Another instance (a new client) reads the same conversation.
    assert store_for().load("s1", ALICE) == state


def test_what_the_next_turn_goes_on_from_is_kept_with_the_turns(firestore_host: str) -> None:
    store = store_for()
    turns = (
        Turn("user", "포트폴리오가 약해요", subject="job_search", intent="seek_advice"),
        Turn("mentor", "• 배포하세요", persona="riri"),
        Turn("user", "I don't want to live anymore.", safety="self_harm"),
        Turn("mentor", "You are not alone."),  # the safety reply: no mentor of the session
    )
    store.append("facts", ALICE, turns)
    assert store_for().load("facts", ALICE).turns == turns


def test_only_the_last_turns_are_kept_but_all_are_counted(firestore_host: str) -> None:
    store = store_for()
    for n in range(7):
        state = store.append("long", ALICE, exchange(n))
    expected = tuple(turn for n in range(7) for turn in exchange(n))[-KEEP_TURNS:]
    assert state.turns == expected
    assert state.turn_count == 14
    assert store.load("long", ALICE) == state
    assert len(raw_document("long")["turns"]) == KEEP_TURNS


def test_document_shape_and_expire_at_is_last_turn_plus_ttl(firestore_host: str) -> None:
    clock = FakeClock(T0)
    store = store_for(clock, ttl_s=3600)
    store.append("ttl", ALICE, exchange(1))
    clock.now += 60
    store.append("ttl", ALICE, exchange(2))
    document = raw_document("ttl")
    first, last = datetime.fromtimestamp(T0, UTC), datetime.fromtimestamp(T0 + 60, UTC)
    assert document["owner_key"] == "key-a"
    assert document["owner_user"] == "alice"
    assert document["turn_count"] == 4
    assert document["created_at"] == first
    assert document["updated_at"] == last
    assert document["expire_at"] == last + timedelta(hours=1)
    assert [t["at"] for t in document["turns"]] == [first, first, last, last]
    assert document["turns"][0] == {"role": "user", "text": "question 1", "at": first}


def test_an_expired_session_is_treated_as_new(firestore_host: str) -> None:
    clock = FakeClock(T0)
    store = store_for(clock, ttl_s=3600)
    store.append("old", ALICE, exchange(1))
    clock.now += 3601
    assert store.load("old", ALICE).turn_count == 0
    # Expired means gone: the owner's next append starts the session over.
    state = store.append("old", ALICE, exchange(2))
    assert (state.turns, state.turn_count) == (tuple(exchange(2)), 2)
    assert raw_document("old")["created_at"] == datetime.fromtimestamp(T0 + 3601, UTC)


STRANGERS = pytest.mark.parametrize(
    "stranger",
    [Owner("key-b", "alice"), Owner("key-a", "mallory"), Owner("key-a", None)],
    ids=["another-key", "another-user", "no-user"],
)


@STRANGERS
def test_anyone_but_the_owner_gets_a_session_of_their_own_and_changes_nothing(
    firestore_host: str, stranger: Owner
) -> None:
    store = store_for()
    store.append("private", ALICE, exchange(1))
    # The same answer as for an id nobody ever used: nothing tells the id is taken.
    assert store.load("private", stranger) == store.load("never-used", stranger)
    assert store.load("private", stranger) == store.load("never-used", ALICE)
    assert store.append("private", stranger, exchange(2)).turns == tuple(exchange(2))
    assert store.load("private", stranger).turn_count == 2
    assert store.load("private", ALICE).turns == tuple(exchange(1))


@STRANGERS
def test_an_id_used_first_by_another_owner_is_still_free_for_the_owner(
    firestore_host: str, stranger: Owner
) -> None:
    # The squatting this naming prevents: a stranger who uses "s1" first took it from everyone.
    store = store_for()
    store.append("s1", stranger, exchange(1))
    assert store.load("s1", ALICE).turn_count == 0
    assert store.append("s1", ALICE, exchange(2)).turns == tuple(exchange(2))
    assert store.load("s1", stranger).turns == tuple(exchange(1))
    assert len(document_names()) == 2


def test_documents_are_named_by_a_keyed_hash_of_owner_and_id(firestore_host: str) -> None:
    store_for().append("s-42", ALICE, exchange(1))
    (name,) = document_names()
    assert name == document_id(SECRET, ALICE, "s-42")
    assert len(name) == 64
    assert "s-42" not in name
    assert "alice" not in name
    # The owner stays in the document, checked on every read.
    document = raw_document("s-42")
    assert (document["owner_key"], document["owner_user"]) == ("key-a", "alice")
    # Another key (SESSION_ID_SECRET changed) names other documents: the old ones are not found.
    other = store_for(id_secret=b"another-secret-of-at-least-32-chars!!")
    assert other.load("s-42", ALICE).turn_count == 0


def test_a_stored_owner_that_does_not_match_is_not_found(firestore_host: str) -> None:
    # Defence in depth: were two names ever to meet, the stored owner still decides.
    from google.cloud import firestore  # noqa: PLC0415

    store = store_for()
    store.append("mine", ALICE, exchange(1))
    stolen = raw_document("mine")
    name = document_id(SECRET, BOB, "mine")
    firestore.Client(project=PROJECT).document(f"sessions/{name}").set(stolen)
    with pytest.raises(SessionNotFound):
        store.load("mine", BOB)
    with pytest.raises(SessionNotFound):
        store.append("mine", BOB, exchange(2))


def test_concurrent_appends_from_one_instance_lose_nothing(firestore_host: str) -> None:
    store = store_for()
    barrier = threading.Barrier(20)
    failures: list[BaseException] = []

    def append(n: int) -> None:
        barrier.wait()
        try:
            store.append("busy", ALICE, exchange(n))
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=append, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    state = store.load("busy", ALICE)
    assert state.turn_count == 40
    assert len(state.turns) == KEEP_TURNS
    # The kept turns are five whole exchanges: each append's pair landed together, in order.
    pairs = [state.turns[i : i + 2] for i in range(0, KEEP_TURNS, 2)]
    assert all(p == tuple(exchange(int(p[0].text.split()[1]))) for p in pairs)


def test_concurrent_appends_from_two_instances_both_land(firestore_host: str) -> None:
    # Separate instances do not share a lock: here Firestore's transaction does the work, rerunning
    # the one that lost (the emulator decides after its 2 s lock timeout, hence the deadline).
    stores = [store_for(timeout_s=5), store_for(timeout_s=5)]
    barrier = threading.Barrier(2)

    def append(n: int) -> None:
        barrier.wait()
        stores[n].append("shared", ALICE, exchange(n))

    threads = [threading.Thread(target=append, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert stores[0].load("shared", ALICE).turn_count == 4


@pytest.mark.parametrize("session_id", [".", "..", "__name__", "__x", "a/b", "", "x" * 129, "é"])
def test_ids_the_api_does_not_take_are_not_found(firestore_host: str, session_id: str) -> None:
    store = store_for()
    with pytest.raises(SessionNotFound):
        store.load(session_id, ALICE)
    with pytest.raises(SessionNotFound):
        store.append(session_id, ALICE, exchange(1))


def test_ids_at_the_edge_of_what_the_api_accepts_work(firestore_host: str) -> None:
    store = store_for()
    for session_id in ["...", "_x", "a.b:c@d-e_f", "x" * 128]:
        assert store.append(session_id, ALICE, exchange(1)).turn_count == 2


def test_a_dead_emulator_is_unavailable_fast_and_a_restarted_one_works(
    firestore_host: str, firestore_emulator: FirestoreEmulator
) -> None:
    timeout_s = 2.0
    store = store_for(timeout_s=timeout_s)
    store.append("fault", ALICE, exchange(1))
    before = store._connection.current
    group = firestore_emulator.group
    assert group is not None
    firestore_emulator.kill()
    assert group_members(group) == []  # gcloud, its script and Java all gone: no orphans
    for call in (
        lambda: store.load("fault", ALICE),
        lambda: store.append("fault", ALICE, exchange(2)),
    ):
        began = time.monotonic()
        with pytest.raises(SessionStoreUnavailable):
            call()
        # Fails fast: within the deadline, not after the library's minute of retries. The margin
        # is for a busy 2-core machine (a client is built and gRPC connects inside the call).
        assert time.monotonic() - began < timeout_s + 10
    # The failed client was dropped and closed (its channel released), not left to leak.
    assert store._connection.current is not before
    with pytest.raises(ValueError, match="closed"):
        before.document(f"sessions/{document_id(SECRET, ALICE, 'fault')}").get()
    firestore_emulator.start()  # same port; the emulator keeps nothing across a restart
    # The same store recovers by itself, once gRPC reconnects (its backoff: a second or two).
    assert recovered(lambda: store.load("fault", ALICE)).turn_count == 0
    assert store.append("fault", ALICE, exchange(3)).turn_count == 2


def recovered(call: Callable[[], T], within_s: float = 15.0) -> T:
    deadline = time.monotonic() + within_s
    while True:
        try:
            return call()
        except SessionStoreUnavailable:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)  # a failed call can return at once: do not spin on 2 shared cores


def test_importing_or_building_the_store_does_not_import_the_client() -> None:
    # The interpreter imports the empty "google" namespace packages at start-up (a .pth file of
    # functions-framework): compare against what was there before the import.
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "from core.adapters.firestore_sessions import FirestoreSessionStore\n"
        "FirestoreSessionStore('ion-local', id_secret=b'k')\n"
        "new = set(sys.modules) - before\n"
        "print(sorted(m for m in new if m.startswith(('google', 'grpc'))))\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_flagged_turn_keeps_the_session_in_care_after_it_leaves_the_window(
    firestore_host: str,
) -> None:
    store = store_for()
    crisis = [Turn("user", "다 끝내고 싶어", safety="self_harm"), Turn("mentor", "safety reply")]
    flagged = store.append("care", ALICE, crisis)
    assert flagged.care == "self_harm"
    assert flagged.turns[0].safety == "self_harm"
    assert flagged.turns[1].safety is None
    for n in range(KEEP_TURNS):  # the flagged turn scrolls out of the kept turns...
        store.append("care", ALICE, exchange(n))
    state = store.load("care", ALICE)
    assert all(turn.safety is None for turn in state.turns)
    assert state.care == "self_harm"  # ...but the session remembers it
    assert raw_document("care")["safety"] == "self_harm"
    assert store.load("never-flagged", ALICE).care is None
    store.append("plain", ALICE, exchange(1))
    assert "safety" not in raw_document("plain")
