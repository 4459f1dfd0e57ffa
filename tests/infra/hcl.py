"""Terraform configurations read with python-hcl2, in a shape tests can assert on.

python-hcl2 keeps HCL's quotes (a key "main" is ``'"main"'``, a string value ``'"x"'``) and marks
blocks with ``__is_block__``; :func:`plain` removes both, leaving expressions as ``${...}`` text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hcl2


def plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items() if not str(k).startswith("__")}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as file:
        return plain(hcl2.load(file))  # type: ignore[no-any-return]


@dataclass
class Stack:
    """Every block of one Terraform root module (all its .tf files)."""

    folder: Path
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    resources: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    data: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    variables: dict[str, dict[str, Any]] = field(default_factory=dict)
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    locals: dict[str, Any] = field(default_factory=dict)
    terraform: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def read(cls, folder: Path) -> Stack:
        stack = cls(folder)
        for path in sorted(folder.glob("*.tf")):
            parsed = load(path)
            stack.files[path.name] = parsed
            for kind, into in (("resource", stack.resources), ("data", stack.data)):
                for entry in parsed.get(kind, []):
                    for type_, named in entry.items():
                        for name, body in named.items():
                            assert (type_, name) not in into, f"{type_}.{name} twice"
                            into[(type_, name)] = body
            for entry in parsed.get("variable", []):
                stack.variables.update(entry)
            for entry in parsed.get("output", []):
                stack.outputs.update(entry)
            for entry in parsed.get("locals", []):
                stack.locals.update(entry)
            stack.terraform.extend(parsed.get("terraform", []))
        return stack

    def resource(self, type_: str, name: str = "main") -> dict[str, Any]:
        assert (type_, name) in self.resources, f"{self.folder.name}: no {type_}.{name}"
        return self.resources[(type_, name)]

    def of_type(self, type_: str) -> dict[str, dict[str, Any]]:
        return {name: body for (t, name), body in self.resources.items() if t == type_}


def block(body: dict[str, Any], name: str) -> dict[str, Any]:
    """The single nested block ``name`` of a resource body."""
    blocks = body.get(name)
    assert isinstance(blocks, list), f"no {name} block"
    assert len(blocks) == 1, f"{len(blocks)} {name} blocks"
    return blocks[0]  # type: ignore[no-any-return]


def dynamic(body: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The ``dynamic "name"`` blocks of a resource body."""
    return [d[name] for d in body.get("dynamic", []) if name in d]
