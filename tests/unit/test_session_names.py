"""Session documents are named by a keyed hash of owner and id (core.sessions.document_id)."""

from __future__ import annotations

import hashlib
import hmac
import re

from core.sessions import Owner, document_id

KEY = b"a-session-id-secret-for-the-tests-only"


def test_the_name_is_hmac_sha256_of_the_json_array_of_key_user_and_id() -> None:
    name = document_id(KEY, Owner("key-a", "alice"), "s1")
    expected = hmac.new(KEY, b'["key-a","alice","s1"]', hashlib.sha256).hexdigest()
    assert name == expected
    assert re.fullmatch(r"[0-9a-f]{64}", name)
    assert document_id(KEY, Owner(key_id="key-a", user_id="alice"), "s1") == name  # stable


def test_each_part_and_the_secret_change_the_name() -> None:
    names = {
        document_id(KEY, Owner("key-a", "alice"), "s1"),
        document_id(KEY, Owner("key-b", "alice"), "s1"),
        document_id(KEY, Owner("key-a", "bob"), "s1"),
        document_id(KEY, Owner("key-a", None), "s1"),
        document_id(KEY, Owner("key-a", "alice"), "s2"),
        document_id(b"another-secret", Owner("key-a", "alice"), "s1"),
    }
    assert len(names) == 6


def test_parts_that_would_join_alike_still_name_different_sessions() -> None:
    # Joined with ":" (or with nothing) each pair below would be one string, so one document.
    pairs = [
        (Owner("a:b", "c"), "d", Owner("a", "b:c"), "d"),
        (Owner("a", "b:c"), "d", Owner("a", "b"), "c:d"),
        (Owner("ab", "c"), "d", Owner("a", "bc"), "d"),
        (Owner("a", None), "s", Owner("a", "null"), "s"),
        (Owner("a", None), "s", Owner("a", ""), "s"),
        (Owner("a", 'x","y'), "z", Owner("a", "x"), 'y","z'),
    ]
    for first_owner, first_id, second_owner, second_id in pairs:
        first = document_id(KEY, first_owner, first_id)
        assert first != document_id(KEY, second_owner, second_id), (first_owner, second_owner)
