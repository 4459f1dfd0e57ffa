"""Answer generation: the deterministic offline generator.

The offline generator is the default and the fallback for model-backed generators (see
``core.resilience`` and ``core.pipeline``).
"""

from __future__ import annotations

from core.generation._offline import OfflineGenerator

__all__ = ["OfflineGenerator"]
