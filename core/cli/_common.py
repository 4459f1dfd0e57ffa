"""What the command modules share: how JSON is printed, the exit statuses, the persona names."""

from __future__ import annotations

import json
from typing import Any

from core.personas import PersonaName

EXIT_ITEMS_FAILED = 1  # ion bulk: every job finished, but some items failed
EXIT_BAD_INPUT = 2
PERSONA_NAMES = ", ".join(p.value for p in PersonaName)


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)
