"""Build the vendored bundle of every Cloud Function: the artefact that is deployed.

For each function, ``OUT/<function>/`` holds the function's folder (``main.py`` and its
``openapi.json``), a copy of ``core/`` and a ``requirements.txt`` that pins, exactly as
``constraints.txt`` does, every distribution the function needs and nothing else (the whole
dependency closure of the ``requires`` below, so nothing floats at deploy time). Beside it,
``OUT/<function>-<hash>.zip`` is that folder zipped, named after a SHA-256 of its content (paths
and bytes, not zip metadata), so an unchanged function keeps its object name and Terraform only
redeploys what changed. ``OUT/manifest.json`` lists them; ``OUT/bundles.tfvars.json`` gives the
regional Terraform stack the object names (``-var-file``) once Cloud Build has uploaded the zips
under ``--object-prefix`` in the source bucket.

    .venv/bin/python scripts/build_bundles.py [--out build/bundles] [--object-prefix bundles]

The closure is read from the installed distributions' metadata, so run it from the project's
``.venv`` (``make setup``); a version that differs from ``constraints.txt`` stops the build.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import re
import shutil
import sys
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
HASH_LENGTH = 12
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold: same content, same bytes
_SKIP = {"__pycache__", ".mypy_cache", ".pytest_cache"}


@dataclass(frozen=True, slots=True)
class Bundle:
    folder: str  # functions/<folder>/ holds its main.py
    signature: str  # http or cloudevent, as functions-framework serves it
    requires: tuple[str, ...]  # top-level distributions; their closure is pinned
    # Third-party modules that core can import but this function never does, each with the
    # reason; tests/infra/test_bundles.py checks every other import is covered by `requires`.
    omits: Mapping[str, str] = field(default_factory=dict)


_BASE = (
    "functions-framework",
    "pydantic",
    "redis",
    "google-cloud-secret-manager",
    "sentry-sdk[flask]",
)
_DOCS = "swagger-ui-py"  # the assets of GET /v2/docs (core/api/docs.py): HTTP functions only
_NO_ANSWERS = "writes no answers: only process and bulk_worker build the pipeline's generator"
_NO_PUBLISH = "publishes nothing: only bulk's POST /v2/bulk publishes items"
_CLI_ONLY = {"tqdm": "the progress bar of the ion command (ion bulk), never a function"}

# The entry point is the key (Terraform's entry_point and devtools/stack.py use the same names).
BUNDLES: dict[str, Bundle] = {
    "process": Bundle(
        "process",
        "http",
        (*_BASE, _DOCS, "google-cloud-firestore", "google-genai"),
        omits={"google.cloud.pubsub_v1": _NO_PUBLISH, **_CLI_ONLY},
    ),
    "recommend": Bundle(
        "recommend",
        "http",
        (*_BASE, _DOCS),
        omits={
            "google.cloud.firestore": "ranks personas and keeps no sessions or jobs",
            "google.genai": _NO_ANSWERS,
            "google.cloud.pubsub_v1": _NO_PUBLISH,
            **_CLI_ONLY,
        },
    ),
    "bulk": Bundle(
        "bulk",
        "http",
        (*_BASE, _DOCS, "google-cloud-firestore", "google-cloud-pubsub"),
        omits={"google.genai": _NO_ANSWERS, **_CLI_ONLY},
    ),
    "bulk_worker": Bundle(
        "bulk",
        "cloudevent",
        (*_BASE, "google-cloud-firestore", "google-genai"),
        omits={"google.cloud.pubsub_v1": _NO_PUBLISH, **_CLI_ONLY},
    ),
}


class BuildError(RuntimeError):
    """The bundles cannot be built as pinned."""


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_constraints(path: Path = ROOT / "constraints.txt") -> dict[str, str]:
    """Canonical distribution name -> pinned version."""
    pins: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            if not version:
                raise BuildError(f"{path.name}: {line!r} is not an exact pin (name==version)")
            pins[canonical(name)] = version.strip()
    return pins


def closure(requires: Iterable[str], pins: Mapping[str, str]) -> dict[str, str]:
    """Every distribution ``requires`` needs at run time here (Linux, this Python), pinned."""
    found: dict[str, str] = {}
    pending = [Requirement(text) for text in requires]
    seen: set[tuple[str, frozenset[str]]] = set()
    while pending:
        requirement = pending.pop()
        name = canonical(requirement.name)
        extras = frozenset(requirement.extras)
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            raise BuildError(f"{name} is not installed; run make setup") from None
        if name not in pins:
            raise BuildError(f"{name} is needed at run time but not pinned in constraints.txt")
        if distribution.version != pins[name]:
            raise BuildError(
                f"{name} {distribution.version} is installed but constraints.txt pins "
                f"{pins[name]}; run make setup"
            )
        found[name] = pins[name]
        for text in distribution.requires or ():
            needed = Requirement(text)
            if needed.marker is None or any(
                needed.marker.evaluate({"extra": extra}) for extra in (extras or {""})
            ):
                pending.append(needed)
    return dict(sorted(found.items()))


def _files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and not _SKIP.intersection(path.relative_to(folder).parts)
        and path.suffix != ".pyc"
    )


def content_hash(folder: Path) -> str:
    """SHA-256 over every file's relative path and bytes, in a fixed order."""
    digest = hashlib.sha256()
    for path in _files(folder):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _zip(folder: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in _files(folder):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), _ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())


def requirements_text(name: str, pinned: Mapping[str, str]) -> str:
    lines = [
        f"# {name}: every distribution it needs, pinned as constraints.txt pins them.",
        "# Generated by scripts/build_bundles.py; do not edit.",
        *(f"{dist}=={version}" for dist, version in pinned.items()),
    ]
    return "\n".join(lines) + "\n"


def build_one(name: str, bundle: Bundle, out: Path, pins: Mapping[str, str]) -> dict[str, object]:
    folder = out / name
    shutil.copytree(
        ROOT / "functions" / bundle.folder, folder, ignore=shutil.ignore_patterns(*_SKIP, "*.pyc")
    )
    shutil.copytree(ROOT / "core", folder / "core", ignore=shutil.ignore_patterns(*_SKIP, "*.pyc"))
    pinned = closure(bundle.requires, pins)
    (folder / "requirements.txt").write_text(requirements_text(name, pinned), encoding="utf-8")
    digest = content_hash(folder)
    archive = out / f"{name}-{digest[:HASH_LENGTH]}.zip"
    _zip(folder, archive)
    return {
        "entry_point": name,
        "source_folder": f"functions/{bundle.folder}",
        "signature_type": bundle.signature,
        "folder": name,
        "zip": archive.name,
        "content_sha256": digest,
        "zip_sha256": hashlib.sha256(archive.read_bytes()).hexdigest(),
        "requirements": pinned,
    }


def build(out: Path, object_prefix: str = "bundles") -> dict[str, dict[str, object]]:
    """Build every bundle into ``out`` (emptied first) and write the manifest and tfvars."""
    pins = read_constraints()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    built = {name: build_one(name, bundle, out, pins) for name, bundle in BUNDLES.items()}
    manifest = {"python": "python311", "object_prefix": object_prefix, "functions": built}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    objects = {name: f"{object_prefix}/{entry['zip']}" for name, entry in built.items()}
    tfvars = {"bundle_objects": objects}
    (out / "bundles.tfvars.json").write_text(json.dumps(tfvars, indent=2) + "\n", encoding="utf-8")
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bundles")
    parser.add_argument(
        "--object-prefix",
        default="bundles",
        help="folder of the zips in the source bucket, as written to bundles.tfvars.json",
    )
    args = parser.parse_args(argv)
    try:
        built = build(args.out, args.object_prefix.strip("/"))
    except BuildError as error:
        print(f"build_bundles: {error}", file=sys.stderr)
        return 1
    for name, entry in built.items():
        print(f"{name:<12} {args.out / str(entry['zip'])} ({len(entry['requirements'])} pins)")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
