"""Answer generation: the deterministic offline generator and the conversation turn type.

The offline generator is the default and the fallback for model-backed generators; the
prompt builder and the pipeline import :class:`Turn` from here.
"""

from __future__ import annotations

from core.generation._offline import OfflineGenerator
from core.generation._types import Turn

__all__ = ["OfflineGenerator", "Turn"]
