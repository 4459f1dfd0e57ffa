"""The sparse weight file (``core._rows``): the weights come back bit for bit, rows are built
only when asked for, and a file that does not fit is refused at load. Integer rows sum
exactly, whatever the order."""

from __future__ import annotations

import math
import random
import struct
from collections.abc import Sequence
from fractions import Fraction

import pytest

from core._rows import FIXED, IntRows, SparseRows, Summed, int_row, pack_sparse

WIDTH = 4
TABLE: dict[str, list[float]] = {
    "a": [0.0, 0.0, 0.0, 0.0],  # kept as a feature although every weight is 0
    "plan": [1.5, -0.25, 0.1, 2.0207],
    "the": [-0.0, 0.0, math.inf, -math.inf],  # -0.0 is not +0.0: stored, bit for bit
    "x": [math.nan, 5e-324, 0.1, 0.0],  # NaN and a subnormal too
    "걱정": [0.0, 0.1, 0.0, 0.0],
    "😭😭": [0.0, 0.0, 0.0, -1.6772],
}


def bits(row: Sequence[float]) -> bytes:
    return struct.pack(f"<{len(row)}d", *row)


def test_every_row_comes_back_bit_for_bit_and_only_when_asked_for() -> None:
    rows = SparseRows(pack_sparse(TABLE, WIDTH), WIDTH)
    assert rows.known == set(TABLE)
    assert len(rows) == 0  # nothing built at load
    assert bits(rows["plan"]) == bits(TABLE["plan"])
    assert list(rows) == ["plan"]
    assert rows["plan"] is rows["plan"]  # built once, then kept
    assert {f: bits(rows[f]) for f in TABLE} == {f: bits(row) for f, row in TABLE.items()}


def test_a_feature_the_model_does_not_know_has_no_row() -> None:
    rows = SparseRows(pack_sparse(TABLE, WIDTH), WIDTH)
    with pytest.raises(KeyError):
        rows["plans"]  # sorts between "plan" and "the": bisection alone would find a row
    assert "plans" not in rows.known
    assert len(rows) == 0


def test_only_the_weights_that_are_not_zero_are_stored() -> None:
    packed = pack_sparse(TABLE, WIDTH)
    assert packed == pack_sparse(dict(TABLE), WIDTH)  # deterministic
    magic, width, rows, entries, values, names = struct.unpack_from("<4s5I", packed)
    nonzero = sum(bits([w]) != bits([0.0]) for row in TABLE.values() for w in row)
    assert (
        (magic, width, rows, entries)
        == (b"IONR", WIDTH, len(TABLE), nonzero)
        == (b"IONR", 4, 6, 12)
    )
    assert values == 10  # distinct weights: 0.1, in three rows, is stored once
    assert names == len("\n".join(TABLE).encode("utf-8"))
    # header, names, palette, offsets, then a byte of column and two of code per weight
    assert len(packed) == 24 + names + 8 * values + 4 * (rows + 1) + 3 * entries


def test_an_empty_table_round_trips() -> None:
    rows = SparseRows(pack_sparse({}, WIDTH), WIDTH)
    assert rows.known == frozenset()
    with pytest.raises(KeyError):
        rows["a"]


@pytest.mark.parametrize(
    ("table", "width", "message"),
    [
        ({"b": [0.0], "a": [0.0]}, 1, "increasing order"),
        ({"a": [0.0], "a\nb": [0.0]}, 1, "newline"),
        ({"": [1.0]}, 1, "empty"),
        ({"a": [1.0, 2.0]}, 1, "2 weights, not 1"),
        ({"a": []}, 0, "do not fit in a byte"),
        ({"a": [0.0] * 257}, 257, "do not fit in a byte"),
    ],
)
def test_a_table_the_format_cannot_hold_is_refused(
    table: dict[str, list[float]], width: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        pack_sparse(table, width)


def test_too_many_distinct_weights_are_refused() -> None:
    table = {f"f{i:05d}": [float(i)] for i in range(1, (1 << 16) + 2)}
    with pytest.raises(ValueError, match="65,536 distinct weights"):
        pack_sparse(table, 1)


def _patched(packed: bytes, field: int, value: int) -> bytes:
    fields = list(struct.unpack_from("<4s5I", packed))
    fields[field] = value
    return struct.pack("<4s5I", *fields) + packed[24:]


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p[:-1],  # truncated
        lambda p: p[:10],  # not even a header
        lambda p: p + b"\0",  # trailing bytes
        lambda p: b"JSON" + p[4:],  # not this format
        lambda p: _patched(p, 2, len(TABLE) + 1),  # a row count the offsets do not hold
        lambda p: _patched(p, 3, struct.unpack_from("<5I", p, 4)[2] - 1),  # one entry fewer
    ],
)
def test_a_damaged_file_is_refused_at_load(damage: object) -> None:
    packed = pack_sparse(TABLE, WIDTH)
    assert callable(damage)
    with pytest.raises(ValueError, match="packed rows"):
        SparseRows(damage(packed), WIDTH)


def test_a_file_of_another_width_is_refused_at_load() -> None:
    with pytest.raises(ValueError, match="do not fit 5 slots"):
        SparseRows(pack_sparse(TABLE, WIDTH), WIDTH + 1)


def test_integer_rows_sum_exactly_in_any_order() -> None:
    rng = random.Random(7)  # noqa: S311 - test weights, not a secret
    width = 11
    rows = [[round(rng.uniform(-30, 30), 4) for _ in range(width)] for _ in range(200)]
    priors = [round(rng.uniform(-5, 0), 4) for _ in range(width)]
    summed = Summed(priors)
    packed = [int_row(row) for row in rows]
    exact = [
        round(sum(Fraction(str(row[i])) for row in [priors, *rows]) * FIXED) for i in range(width)
    ]
    assert summed.fixed(packed) == exact
    rng.shuffle(packed)
    assert summed.fixed(packed) == exact  # the order of the features changes nothing
    assert summed.floats(packed) == [value / FIXED for value in exact]
    assert summed.fixed([]) == [round(p * FIXED) for p in priors]  # the priors alone


def test_integer_rows_are_made_on_first_use() -> None:
    table = {"a": (0.5, -0.25), "b": (0.0, 1.0)}
    rows = IntRows(table.__getitem__)
    assert len(rows) == 0
    assert Summed((0.0, 0.0)).floats([rows["a"], rows["b"]]) == [0.5, 0.75]
    assert set(rows) == {"a", "b"}
    with pytest.raises(KeyError):
        rows["c"]
