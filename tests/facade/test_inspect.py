"""inspect_file: what an artifact file tells the server before upload (file index, hash, size,
manifest, metrics), and the FileError a user gets for a file that cannot be uploaded."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import tarfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from luml_facade import FileError
from luml_facade.transfer import inspect as inspect_module
from luml_facade.transfer.inspect import CHECK_CHUNK, inspect_file

TABULAR_CLASSIFICATION = "dataforce.studio::tabular_classification:v1"
TABULAR_REGRESSION = "dataforce.studio::tabular_regression:v1"
CLASSIFICATION_METRICS = "falcon.beastbyte.ai::tabular_classification_metrics:v1"
REGRESSION_METRICS = "falcon.beastbyte.ai::tabular_regression_metrics:v1"
REGISTRY_METRICS = "dataforce.studio::registry_metrics:v1"

LONG_NAME = "weights/" + "layer_" * 30 + "final.bin"  # > 100 characters
assert len(LONG_NAME) > 100


def write_tar(
    path: Path,
    members: dict[str, bytes],
    *,
    format: int = tarfile.PAX_FORMAT,
    pax_headers: dict[str, dict[str, str]] | None = None,
    global_headers: dict[str, str] | None = None,
) -> Path:
    """An uncompressed tar with these regular files (in order), optional per-member PAX
    headers, and an optional global PAX header."""
    with tarfile.open(path, "w", format=format, pax_headers=global_headers or {}) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1_700_000_000
            if pax_headers and name in pax_headers:
                info.pax_headers = pax_headers[name]
            archive.addfile(info, io.BytesIO(data))
    return path


def manifest_bytes(**fields: Any) -> bytes:
    return json.dumps({"artifact_type": "model", "producer_tags": [], **fields}).encode()


def check_index(path: Path, index: dict[str, tuple[int, int]], members: dict[str, bytes]) -> None:
    """Every regular file is indexed, and [offset, offset + size) of the file is its content."""
    data = path.read_bytes()
    assert set(index) == set(members)
    for name, content in members.items():
        offset, size = index[name]
        assert size == len(content), name
        assert data[offset : offset + size] == content, name


# file index, hash, size


@pytest.mark.parametrize(
    "format",
    [tarfile.PAX_FORMAT, tarfile.GNU_FORMAT],
    ids=["pax", "gnu"],
)
def test_file_index_with_long_names(tmp_path: Path, format: int) -> None:
    members = {
        "manifest.json": manifest_bytes(),
        LONG_NAME: os.urandom(3000),
        "short.bin": b"short",
        "dir/" + "x" * 150 + "/deep/" + "y" * 120 + ".json": b'{"deep": true}',
        "empty.txt": b"",
    }
    path = write_tar(tmp_path / "model.luml", members, format=format)

    info = inspect_file(path)

    check_index(path, info.file_index, members)


def test_file_index_with_pax_headers(tmp_path: Path) -> None:
    members = {
        "manifest.json": manifest_bytes(),
        "модель/веса.bin": os.urandom(700),  # non-ASCII name: stored in a PAX header
        "annotated.bin": os.urandom(1500),
        LONG_NAME: b"long",
    }
    path = write_tar(
        tmp_path / "model.luml",
        members,
        pax_headers={
            "annotated.bin": {"comment": "c" * 2000, "LUML.note": "a custom record"},
            "manifest.json": {"mtime": "1700000000.123456789"},
        },
        global_headers={"comment": "global header " * 50},
    )

    info = inspect_file(path)

    check_index(path, info.file_index, members)


def test_file_index_with_ustar_prefix_names(tmp_path: Path) -> None:
    """USTAR stores names up to 255 characters split into prefix and name."""
    name = "p" * 90 + "/" + "q" * 90 + "/model.bin"
    members = {"manifest.json": manifest_bytes(), name: b"ustar"}
    path = write_tar(tmp_path / "model.tar", members, format=tarfile.USTAR_FORMAT)

    check_index(path, inspect_file(path).file_index, members)


def test_file_index_after_a_member_larger_than_a_read(tmp_path: Path) -> None:
    members = {
        "big.bin": os.urandom(3 * 1024 * 1024 + 123),
        "manifest.json": manifest_bytes(),
        "meta-1.json": json.dumps([{"tags": [], "payload": {"metrics": {"a": 1}}}]).encode(),
        LONG_NAME: b"after the big one",
    }
    path = write_tar(tmp_path / "model.luml", members)

    info = inspect_file(path)

    check_index(path, info.file_index, members)
    assert info.extra_values == {"a": 1}


def test_directories_and_links_are_not_indexed(tmp_path: Path) -> None:
    path = tmp_path / "model.luml"
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as archive:
        folder = tarfile.TarInfo("assets")
        folder.type = tarfile.DIRTYPE
        archive.addfile(folder)
        link = tarfile.TarInfo("assets/latest")
        link.type = tarfile.SYMTYPE
        link.linkname = "weights.bin"
        archive.addfile(link)
        members = {"manifest.json": manifest_bytes(), "assets/w.bin": b"w"}
        for name, data in members.items():
            member = tarfile.TarInfo(name)
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))

    info = inspect_file(path)

    assert set(info.file_index) == {"manifest.json", "assets/w.bin"}
    check_index(path, info.file_index, members)


def test_hash_size_name_and_manifest(tmp_path: Path) -> None:
    manifest = {"artifact_type": "dataset", "producer_tags": ["x"], "payload": {"k": [1, 2]}}
    members = {"manifest.json": json.dumps(manifest).encode(), "data.bin": os.urandom(5000)}
    path = write_tar(tmp_path / "data.v1.2.DFS", members)

    info = inspect_file(str(path))

    assert info.path == path
    assert info.file_name == "data.v1.2.DFS"
    assert info.size == path.stat().st_size
    assert info.file_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert info.manifest == manifest
    assert info.extra_values == {}


def test_chunk_crcs_cover_every_byte_of_the_file(tmp_path: Path) -> None:
    members = {"manifest.json": manifest_bytes(), "data.bin": os.urandom(3 * CHECK_CHUNK + 77)}
    path = write_tar(tmp_path / "model.luml", members)
    content = path.read_bytes()

    info = inspect_file(path)

    expected = [
        zlib.crc32(content[offset : offset + CHECK_CHUNK])
        for offset in range(0, len(content), CHECK_CHUNK)
    ]
    assert list(info.chunk_crcs) == expected
    assert info.file_hash == hashlib.sha256(content).hexdigest()
    assert info.size == len(content)


def test_a_file_written_to_while_it_is_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    members = {"manifest.json": manifest_bytes(), "data.bin": os.urandom(2 * CHECK_CHUNK)}
    path = write_tar(tmp_path / "model.luml", members)
    real_read_full = inspect_module._read_full

    def read_while_another_program_appends(handle: Any, buffer: memoryview) -> memoryview:
        with path.open("ab") as writer:
            writer.write(b"more")
        return real_read_full(handle, buffer)

    monkeypatch.setattr(inspect_module, "_read_full", read_while_another_program_appends)

    with pytest.raises(FileError, match=r"model\.luml changed while it was being read"):
        inspect_file(path)


@pytest.mark.parametrize("extension", [".luml", ".fnnx", ".pyfnx", ".dfs", ".tar", ".LUML"])
def test_every_supported_extension(tmp_path: Path, extension: str) -> None:
    path = write_tar(tmp_path / f"model{extension}", {"manifest.json": manifest_bytes()})

    assert inspect_file(path).file_name == f"model{extension}"


# metrics


def meta(*entries: dict[str, Any]) -> bytes:
    return json.dumps(list(entries)).encode()


def falcon_entry(tag: str, performance: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "metrics",
        "producer": "falcon.beastbyte.ai",
        "producer_tags": [tag],
        "payload": {"metrics": {"performance": performance}},
    }


def metrics_of(tmp_path: Path, manifest: bytes, **meta_members: bytes) -> dict[str, Any]:
    members = {"manifest.json": manifest, **{name: data for name, data in meta_members.items()}}
    path = write_tar(tmp_path / "model.fnnx", members)
    return inspect_file(path).extra_values


def test_tabular_metrics_from_eval_holdout(tmp_path: Path) -> None:
    performance = {
        "eval_holdout": {"ACC": 0.9, "F1": 0.8, "N_SAMPLES": 1000},
        "eval_cv": {"ACC": 0.7, "F1": 0.6, "N_SAMPLES": 500},
        "train": {"ACC": 0.99},
    }
    found = metrics_of(
        tmp_path,
        manifest_bytes(producer_tags=[TABULAR_CLASSIFICATION]),
        **{"meta.json": meta(falcon_entry(CLASSIFICATION_METRICS, performance))},
    )

    assert found == {"ACC": 0.9, "F1": 0.8}


@pytest.mark.parametrize("holdout", [None, {}], ids=["missing", "empty"])
def test_tabular_metrics_fall_back_to_eval_cv(tmp_path: Path, holdout: Any) -> None:
    performance: dict[str, Any] = {"eval_cv": {"RMSE": 1.5, "R2": 0.4, "N_SAMPLES": 80}}
    if holdout is not None:
        performance["eval_holdout"] = holdout
    found = metrics_of(
        tmp_path,
        manifest_bytes(producer_tags=[TABULAR_REGRESSION]),
        **{"meta.json": meta(falcon_entry(REGRESSION_METRICS, performance))},
    )

    assert found == {"RMSE": 1.5, "R2": 0.4}


def test_falcon_metrics_need_a_tabular_manifest(tmp_path: Path) -> None:
    performance = {"eval_holdout": {"ACC": 0.9}}
    found = metrics_of(
        tmp_path,
        manifest_bytes(producer_tags=["someone.else::model:v1"]),
        **{"meta.json": meta(falcon_entry(CLASSIFICATION_METRICS, performance))},
    )

    assert found == {}


def test_registry_metrics_from_meta_json(tmp_path: Path) -> None:
    entry = {
        "id": "registry",
        "producer_tags": [REGISTRY_METRICS],
        "payload": {"metrics": {"f1": 0.7, "loss": 0.25, "epochs": 12, "best": "ckpt-3"}},
    }
    found = metrics_of(
        tmp_path,
        manifest_bytes(producer_tags=["some-other-tag"]),
        **{"meta.json": meta(entry)},
    )

    assert found == {"f1": 0.7, "loss": 0.25, "epochs": 12, "best": "ckpt-3"}


def test_meta_id_json_entries_with_tags(tmp_path: Path) -> None:
    first = {"tags": ["luml::metrics:v1"], "payload": {"metrics": {"accuracy": 0.93}}}
    second = {"tags": ["luml::metrics:v1"], "payload": {"metrics": {"precision": 0.5}}}
    not_metrics = {"tags": ["luml::notes:v1"], "payload": {"text": "hello"}}
    found = metrics_of(
        tmp_path,
        manifest_bytes(),
        **{"meta-0001.json": meta(first, not_metrics), "meta-abc.json": meta(second)},
    )

    assert found == {"accuracy": 0.93, "precision": 0.5}


def test_meta_json_and_meta_id_json_are_merged(tmp_path: Path) -> None:
    registry = {"producer_tags": [REGISTRY_METRICS], "payload": {"metrics": {"f1": 0.7}}}
    sdk = {"tags": ["luml::metrics:v1"], "payload": {"metrics": {"auc": 0.81}}}
    found = metrics_of(
        tmp_path,
        manifest_bytes(),
        **{"meta.json": meta(registry), "meta-7f3a.json": meta(sdk)},
    )

    assert found == {"f1": 0.7, "auc": 0.81}


def test_tabular_and_sdk_metrics_are_merged(tmp_path: Path) -> None:
    performance = {"eval_holdout": {"ACC": 0.9, "N_SAMPLES": 10}}
    sdk = {"tags": ["luml::metrics:v1"], "payload": {"metrics": {"latency_ms": 12.5}}}
    found = metrics_of(
        tmp_path,
        manifest_bytes(producer_tags=[TABULAR_CLASSIFICATION]),
        **{
            "meta.json": meta(falcon_entry(CLASSIFICATION_METRICS, performance)),
            "meta-1.json": meta(sdk),
        },
    )

    assert found == {"ACC": 0.9, "latency_ms": 12.5}


def test_meta_json_as_a_single_object(tmp_path: Path) -> None:
    entry = {"producer_tags": [REGISTRY_METRICS], "payload": {"metrics": {"f1": 0.7}}}
    found = metrics_of(tmp_path, manifest_bytes(), **{"meta.json": json.dumps(entry).encode()})

    assert found == {"f1": 0.7}


def test_meta_files_that_are_not_metrics_are_ignored(tmp_path: Path) -> None:
    """Unreadable or unrelated meta members do not stop an upload; nested ones are not meta."""
    nested = meta({"tags": [], "payload": {"metrics": {"nested": 1}}})
    found = metrics_of(
        tmp_path,
        manifest_bytes(),
        **{
            "meta.json": b"{not json",
            "meta-2.json": json.dumps([1, "x", None]).encode(),
            "meta-3.json": meta({"tags": ["t"], "payload": {"metrics": [1, 2]}}),
            "variants/meta.json": nested,
            "metadata.txt": b"plain text",
        },
    )

    assert found == {}


# file errors


def _missing(tmp: Path) -> Path:
    return tmp / "missing.luml"


def _directory(tmp: Path) -> Path:
    (tmp / "models.luml").mkdir()
    return tmp / "models.luml"


def _zip(tmp: Path) -> Path:
    return write_tar(tmp / "model.zip", {"manifest.json": manifest_bytes()})


def _no_extension(tmp: Path) -> Path:
    return write_tar(tmp / "model", {"manifest.json": manifest_bytes()})


def _forbidden_characters(tmp: Path) -> Path:
    return write_tar(tmp / "model;v2.luml", {"manifest.json": manifest_bytes()})


def _not_a_tar(tmp: Path) -> Path:
    path = tmp / "x.luml"
    path.write_bytes(bytes(range(256)) * 8)
    return path


def _empty_file(tmp: Path) -> Path:
    path = tmp / "empty.luml"
    path.touch()
    return path


def _compressed(tmp: Path) -> Path:
    inner = write_tar(tmp / "inner.luml", {"manifest.json": manifest_bytes()})
    path = tmp / "model.tar"
    path.write_bytes(gzip.compress(inner.read_bytes()))
    return path


def _truncated(tmp: Path) -> Path:
    whole = write_tar(tmp / "whole.luml", {"manifest.json": b"{}", "w.bin": b"w" * 9000})
    path = tmp / "cut.luml"
    path.write_bytes(whole.read_bytes()[:5000])
    return path


def _no_manifest(tmp: Path) -> Path:
    return write_tar(tmp / "model.luml", {"payload.bin": b"data"})


def _nested_manifest_only(tmp: Path) -> Path:
    return write_tar(tmp / "model.luml", {"model/manifest.json": manifest_bytes()})


def _manifest_not_json(tmp: Path) -> Path:
    return write_tar(tmp / "model.luml", {"manifest.json": b"{not json"})


def _manifest_not_an_object(tmp: Path) -> Path:
    return write_tar(tmp / "model.luml", {"manifest.json": b"[1, 2]"})


ERROR_CASES: list[tuple[Callable[[Path], Path], str]] = [
    (_missing, r"missing\.luml: no such file"),
    (_directory, r"models\.luml is a directory: pass the artifact file itself"),
    (
        _zip,
        r"model\.zip: unsupported file type '\.zip'; use one of "
        r"\.luml, \.fnnx, \.pyfnx, \.dfs, \.tar",
    ),
    (_no_extension, r"model: unsupported file type '\(none\)'; use one of \.luml"),
    (_forbidden_characters, r"model;v2\.luml: the server refuses file names with any of"),
    (_not_a_tar, r"x\.luml is not a readable tar archive"),
    (_empty_file, r"empty\.luml is not a readable tar archive"),
    (_compressed, r"model\.tar is not a readable tar archive"),
    (_truncated, r"cut\.luml is not a readable tar archive"),
    (_no_manifest, r"model\.luml has no manifest\.json at the top of the archive"),
    (_nested_manifest_only, r"model\.luml has no manifest\.json at the top of the archive"),
    (_manifest_not_json, r"model\.luml: manifest\.json is not valid JSON"),
    (_manifest_not_an_object, r"model\.luml: manifest\.json must hold a JSON object"),
]


@pytest.mark.parametrize(
    ("make", "message"),
    ERROR_CASES,
    ids=[make.__name__.lstrip("_").replace("_", "-") for make, _ in ERROR_CASES],
)
def test_unusable_files_raise_file_error(
    tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    path = make(tmp_path)

    with pytest.raises(FileError, match=message) as caught:
        inspect_file(path)

    assert type(caught.value) is FileError
    assert caught.value.message == str(caught.value)


def test_file_over_the_server_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from luml_facade.transfer import inspect as inspect_module

    path = write_tar(tmp_path / "model.luml", {"manifest.json": manifest_bytes()})
    monkeypatch.setattr(inspect_module, "MAX_FILE_SIZE", 1024)

    with pytest.raises(FileError, match=r"model\.luml is \d+ bytes; the server accepts at most"):
        inspect_file(path)
