"""What a spec change asks of the facade: every field of the answers it reads reaches its types.

For every generated endpoint the facade calls (found in luml_facade/ by its imports), each
response model's fields must be fields of the matching class of luml_facade/types.py (nested
ones too, where that class adopts a nested type), or be listed in LEFT_OUT with the reason. A
new field on the server (after `make api-update`) fails here, naming the class to extend.
"""

from __future__ import annotations

import ast
import importlib
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import luml_openapi.models as generated_models
import pytest

from luml_facade import types as facade_types

ROOT = Path(__file__).resolve().parents[2]
TYPES_FILE = "luml_facade/types.py"
THIS_FILE = "tests/openapi/test_facade_coverage.py"
ERRORS = {"ErrorResponse", "HTTPValidationError", "RuleOrValidationError"}

# Generated response model -> the facade class it becomes (same-named ones need no entry).
FACADE_TYPE: dict[str, type] = {
    "OrganizationSwitcher": facade_types.Organization,
    "OtherBucketSecret": facade_types.BucketSecret,
    "OrbitDetails": facade_types.Orbit,
    "ArtifactDetails": facade_types.Artifact,
    "ArtifactListed": facade_types.Artifact,
    "CreatedSatellite": facade_types.SatelliteWithKey,
    "S3UploadDetails": facade_types.UploadDetails,
    "AzureUploadDetails": facade_types.UploadDetails,
    "OtherUploadDetails": facade_types.UploadDetails,
    "S3MultipartUploadDetails": facade_types.MultiPartUploadDetails,
    "AzureMultipartUploadDetails": facade_types.MultiPartUploadDetails,
    "OtherMultipartUploadDetails": facade_types.MultiPartUploadDetails,
}

# Response models the facade reads without a class of its own, and why.
NOT_WRAPPED = {
    "ArtifactUrl": "a presigned URL the facade uses at once (download, delete)",
    "BucketSecretUrls": "test URLs that bucket_secrets.check uses at once",
    "SatelliteApiKey": "satellites.regenerate_api_key returns a SatelliteWithKey it builds",
}

# (facade class, field of a generated model) the facade leaves out on purpose, and why.
LEFT_OUT: dict[tuple[str, str], str] = {
    ("Deployment", "model_id"): "deprecated by the server: the same as artifact_id",
    ("Deployment", "model_artifact_name"): "deprecated by the server: the same as artifact_name",
    ("Orbit", "total_satellites"): "not in the LUML client reference's Orbit",
    ("Orbit", "permissions"): "the browser's permission map; not for API-key clients",
    ("Orbit", "members"): "OrbitDetails only; members are for signed-in sessions",
    ("Orbit", "collections_tags"): "OrbitDetails only; collections carry their own tags",
    ("Artifact", "deployments"): "artifact details list them; luml.deployments has them",
    ("Artifact", "collection"): "artifact details repeat the collection; collection_id names it",
    ("Artifact", "tracks"): "artifact details list them; luml.tracks has them",
}


def called_endpoints() -> dict[str, set[str]]:
    """Generated endpoint module -> the facade files that import it."""
    found: dict[str, set[str]] = {}
    for source in sorted((ROOT / "luml_facade").rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "luml_openapi.api."
            ):
                for alias in node.names:
                    module = f"{node.module}.{alias.name}"
                    found.setdefault(module, set()).add(str(source.relative_to(ROOT)))
    return found


def models_in(annotation: Any) -> set[type]:
    """The generated model classes in a type annotation (unions and lists opened)."""
    found: set[type] = set()
    arguments = typing.get_args(annotation)
    if arguments:
        for argument in arguments:
            found |= models_in(argument)
    elif isinstance(annotation, type) and attrs.has(annotation):
        found.add(annotation)
    return found


def response_models() -> dict[type, set[str]]:
    """Each response model of a called endpoint -> the operations that answer with it."""
    found: dict[type, set[str]] = {}
    for module_name in called_endpoints():
        module = importlib.import_module(module_name)
        returned = typing.get_type_hints(module.sync)["return"]
        for model in models_in(returned):
            if model.__name__ not in ERRORS:
                found.setdefault(model, set()).add(module_name.rsplit(".", 1)[-1])
    return found


# Every generated model by name (the models package loads them lazily, so vars() is not enough).
MODEL_NAMES = {name: getattr(generated_models, name) for name in generated_models.__all__}


def wire_names(model: type) -> dict[str, Any]:
    """The JSON field names of a generated model (`type_` is `type`) -> their annotations."""
    hints = typing.get_type_hints(model, localns=MODEL_NAMES)
    return {
        field.name.removesuffix("_") if field.name.endswith("_") else field.name: hints[field.name]
        for field in attrs.fields(model)
        if field.name != "additional_properties"
    }


def facade_class(model: type) -> type | None:
    wanted = FACADE_TYPE.get(model.__name__)
    if wanted is not None:
        return wanted
    same = getattr(facade_types, model.__name__, None)
    return same if isinstance(same, type) and attrs.has(same) else None


def gaps(model: type, facade: type, seen: set[tuple[type, type]]) -> Iterator[tuple[str, str]]:
    """(facade class name, field) for each field of `model` that `facade` lacks, nested too."""
    if (model, facade) in seen:
        return
    seen.add((model, facade))
    fields = {field.name: field for field in attrs.fields(facade)}
    for name, annotation in wire_names(model).items():
        if name not in fields:
            yield facade.__name__, name
            continue
        nested = fields[name].metadata.get("adopt")
        if nested is not None:
            for inner in models_in(annotation):
                yield from gaps(inner, nested, seen)


def test_every_response_model_the_facade_reads_has_a_facade_class() -> None:
    problems = [
        f"{model.__name__} (answer of {', '.join(sorted(operations))}): add a class to "
        f"{TYPES_FILE} (or map it in FACADE_TYPE), or list it in NOT_WRAPPED in {THIS_FILE} "
        "with the reason"
        for model, operations in sorted(response_models().items(), key=lambda i: i[0].__name__)
        if facade_class(model) is None and model.__name__ not in NOT_WRAPPED
    ]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_every_field_of_those_models_reaches_the_facade() -> None:
    seen: set[tuple[type, type]] = set()
    missing: dict[tuple[str, str], set[str]] = {}
    for model, operations in response_models().items():
        facade = facade_class(model)
        if facade is None:
            continue
        for gap in gaps(model, facade, seen):
            if gap not in LEFT_OUT:
                missing.setdefault(gap, set()).update(operations)
    problems = [
        f"{cls}.{name} (answered by {', '.join(sorted(operations))}): add `{name}` to class "
        f"{cls} in {TYPES_FILE}, or list ({cls!r}, {name!r}) in LEFT_OUT in {THIS_FILE} with "
        "the reason"
        for (cls, name), operations in sorted(missing.items())
    ]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_the_lists_name_only_what_exists() -> None:
    seen: set[tuple[type, type]] = set()
    models = response_models()
    all_gaps = {
        gap
        for model in models
        if (facade := facade_class(model)) is not None
        for gap in gaps(model, facade, seen)
    }
    stale = [f"LEFT_OUT {key}" for key in LEFT_OUT if key not in all_gaps]
    names = {model.__name__ for model in models} | {model.__name__ for model, _ in seen}
    stale += [f"NOT_WRAPPED {name!r}" for name in NOT_WRAPPED if name not in names]
    stale += [f"FACADE_TYPE {name!r}" for name in FACADE_TYPE if name not in names]
    if stale:
        pytest.fail(f"no longer needed, remove from {THIS_FILE}: " + "; ".join(stale), False)
