"""Weight tables shipped with the code: rows of doubles packed for a fast cold start.

A trained model's rows (one per feature, one weight per label) are stored as little-endian
IEEE doubles, deflated (they are mostly zeros) and base64-encoded: read in C at a cold start,
about twice as fast as the same numbers written as JSON, and bit for bit the same values. The
analyser's naive Bayes model and the safety check's logistic regression both use it.
"""

from __future__ import annotations

import base64
import sys
import zlib
from array import array
from collections.abc import Iterable, Sequence


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
