"""Weight tables shipped with the code: rows of doubles packed for a fast cold start.

A trained model's rows (one per feature, one weight per label) are bit for bit the trainer's
values in either of two forms:

- :func:`pack_rows` / :func:`unpack_rows` (the safety check's logistic regression): every
  weight as a little-endian IEEE double, deflated (they are mostly zeros) and base64-encoded
  inside the model's JSON; read in C, about twice as fast as the same numbers written as JSON.
- :func:`pack_sparse` / :class:`SparseRows` (the analyser's linear model, mostly zeros):
  the features and only the weights that are not zero, in a binary file of its own, each
  weight stored once in a palette and referred to by a 2-byte code. Loading it is one split
  and a few ``array.frombytes``; a row is built the first time a message needs it, so a cold
  start no longer inflates 1.3 MB and slices it into ten thousand rows, most of which no
  message will use before the instance stops.

The sparse file, all little-endian: a header (``<4s5I``: ``IONR``, the row width, the number
of rows, of stored weights, of palette values and of bytes of feature names), the features
(UTF-8, in increasing order, separated by newlines), the palette (doubles), each row's first
entry and one past the last (``uint32``, one more than there are rows), then each entry's
column (``uint8``) and palette code (``uint16``).
"""

from __future__ import annotations

import base64
import struct
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import pairwise

_HEADER = struct.Struct("<4s5I")
_MAGIC = b"IONR"
_ZERO = struct.pack("<d", 0.0)  # -0.0 and NaN are stored like any other weight, bit for bit


def pack_rows(rows: Iterable[Sequence[float]]) -> str:
    """Dense rows as little-endian IEEE doubles, deflated (mostly zeros) and in base64: read
    in C at a cold start, about twice as fast as the same numbers written as JSON, and bit for
    bit the same values."""
    packed = array("d", (weight for row in rows for weight in row))
    if sys.byteorder == "big":
        packed.byteswap()
    return base64.b64encode(zlib.compress(packed.tobytes(), 9)).decode("ascii")


def unpack_rows(features: Sequence[str], packed: str, width: int) -> dict[str, Sequence[float]]:
    """Each feature's row of ``width`` weights; a model whose rows do not fit is refused here,
    at load, rather than on every request."""
    weights = array("d", zlib.decompress(base64.b64decode(packed)))
    if sys.byteorder == "big":
        weights.byteswap()
    if len(weights) != len(features) * width:
        raise ValueError(
            f"the model holds {len(weights)} weights; {len(features)} features of {width} "
            f"slots need {len(features) * width}"
        )
    return dict(
        zip(features, (weights[i : i + width] for i in range(0, len(weights), width)), strict=True)
    )


def pack_sparse(table: Mapping[str, Sequence[float]], width: int) -> bytes:
    """Feature -> row of ``width`` weights as the sparse file :class:`SparseRows` reads (the
    format is in this module's docstring). Deterministic: the same table gives the same bytes."""
    features = list(table)
    if not 0 < width <= 1 << 8:
        raise ValueError(f"{width} columns do not fit in a byte")
    if any(not feature or "\n" in feature for feature in features):
        raise ValueError("a feature is empty or holds a newline, which separates features")
    if any(a >= b for a, b in pairwise(features)):
        raise ValueError("the features are not in strictly increasing order")
    palette: dict[bytes, int] = {}  # a weight's 8 bytes -> its code, in order of first use
    starts, columns, codes = array("I", [0]), bytearray(), array("H")
    for feature, row in table.items():
        if len(row) != width:
            raise ValueError(f"{feature!r} has {len(row)} weights, not {width}")
        for column, weight in enumerate(row):
            bits = struct.pack("<d", weight)
            if bits != _ZERO:
                code = palette.setdefault(bits, len(palette))
                if code >= 1 << 16:
                    raise ValueError("more than 65,536 distinct weights do not fit 2-byte codes")
                columns.append(column)
                codes.append(code)
        starts.append(len(codes))
    if sys.byteorder == "big":
        starts.byteswap()
        codes.byteswap()
    names = "\n".join(features).encode("utf-8")
    header = _HEADER.pack(_MAGIC, width, len(features), len(codes), len(palette), len(names))
    return b"".join((header, names, *palette, starts.tobytes(), columns, codes.tobytes()))


class SparseRows(dict[str, tuple[float, ...]]):
    """Feature -> its row of ``width`` weights (0.0 where none is stored), each built from the
    packed table the first time it is asked for and kept (a dict look-up from then on).

    As a dict it holds only the rows built so far; ``known`` holds every feature, so test
    membership there. Two threads building the same row store equal tuples, so no lock is
    needed. A table that does not fit its header or the width is refused here, at load, rather
    than on every request."""

    __slots__ = ("_codes", "_columns", "_features", "_palette", "_starts", "_width", "known")

    def __init__(self, packed: bytes, width: int) -> None:
        super().__init__()
        view = memoryview(packed)
        if len(view) < _HEADER.size:
            raise ValueError(f"the packed rows ({len(view)} bytes) are shorter than a header")
        magic, stored_width, rows, entries, values, names = _HEADER.unpack_from(view)
        palette, starts, codes = array("d"), array("I"), array("H")
        sizes = (names, values * 8, (rows + 1) * starts.itemsize, entries, entries * 2)
        if (magic, stored_width) != (_MAGIC, width) or len(view) != _HEADER.size + sum(sizes):
            raise ValueError(
                f"the packed rows ({magic!r}, {rows} rows of {stored_width}, {len(view)} bytes) "
                f"do not fit {width} slots"
            )
        offset = _HEADER.size
        parts = []
        for size in sizes:
            parts.append(view[offset : offset + size])
            offset += size
        palette.frombytes(parts[1])
        starts.frombytes(parts[2])
        codes.frombytes(parts[4])
        if sys.byteorder == "big":
            palette.byteswap()
            starts.byteswap()
            codes.byteswap()
        features = str(parts[0], "utf-8").split("\n") if names else []
        if len(features) != rows or starts[0] != 0 or starts[-1] != entries:
            raise ValueError(f"the packed rows do not hold {rows} features and {entries} weights")
        self.known = frozenset(features)
        self._features = features  # in increasing order: a row's number is found by bisection
        self._width = width
        self._palette = palette.tolist()  # one float object per distinct weight, shared
        self._starts = starts
        self._columns = bytes(parts[3])
        self._codes = codes

    def __missing__(self, feature: str) -> tuple[float, ...]:
        if feature not in self.known:
            raise KeyError(feature)
        number = bisect_left(self._features, feature)
        start, end = self._starts[number], self._starts[number + 1]
        row = [0.0] * self._width
        for column, code in zip(self._columns[start:end], self._codes[start:end], strict=True):
            row[column] = self._palette[code]
        built = self[feature] = tuple(row)
        return built


# Integer rows. The trainers store weights to four decimals, so at this scale every weight is
# an integer, and a message's totals are exact integer sums: the same whatever order its
# features come in (a set's order differs between processes, and a rounded float sum's last bit
# with it). A row is one integer holding every label's weight in a 64-bit field of its own, so a
# message's rows are added by ``sum`` in C, one addition per feature for all labels at once.
FIXED = 10_000
# Added to each field so that every one is positive: adding rows adds field by field, with no
# carry or borrow across fields, for up to 2**31 rows.
_BIAS = 1 << 32


def int_row(row: Sequence[float]) -> int:
    """A row as one integer: weight i, times ``FIXED`` and biased, in bits 64i to 64i+63."""
    fields = [round(weight * FIXED) + _BIAS for weight in row]
    return int.from_bytes(struct.pack(f"<{len(fields)}Q", *fields), "little")


class IntRows(dict[str, int]):
    """Feature -> its integer row, made from ``row(feature)`` the first time it is asked for:
    a cold start packs only the rows its messages use."""

    __slots__ = ("_row",)

    def __init__(self, row: Callable[[str], Sequence[float]]) -> None:
        super().__init__()
        self._row = row

    def __missing__(self, feature: str) -> int:
        packed = self[feature] = int_row(self._row(feature))
        return packed


class Summed:
    """Priors plus a message's integer rows, read back per label."""

    __slots__ = ("_fields", "_prior")

    def __init__(self, priors: Sequence[float]) -> None:
        self._prior = int_row(priors)
        self._fields = struct.Struct(f"<{len(priors)}Q")

    def fixed(self, rows: Sequence[int]) -> list[int]:
        """Each label's total in units of ``1 / FIXED``: exact."""
        total = sum(rows, self._prior)
        offset = (len(rows) + 1) * _BIAS
        return [
            value - offset
            for value in self._fields.unpack(total.to_bytes(self._fields.size, "little"))
        ]

    def floats(self, rows: Sequence[int]) -> list[float]:
        """Each label's total, the nearest float to the exact sum."""
        return [value / FIXED for value in self.fixed(rows)]
