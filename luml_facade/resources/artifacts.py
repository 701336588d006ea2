"""Artifacts of the default collection: records, listing, URLs, and file transfers."""

from __future__ import annotations

import builtins
import os
import warnings
from collections.abc import Mapping, Sequence
from datetime import timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

from luml_openapi.api.artifacts import (
    create_artifact,
    get_artifact_delete_url,
    get_artifact_download_url,
    update_artifact,
)
from luml_openapi.models import (
    ArtifactCreate,
    ArtifactStatusUpdate,
    ArtifactUpdate,
    FileIndex,
)

from .._arguments import choice, duration, flag, integer, mapping, text, text_list
from .._arguments import file_path as path_argument
from .._errors import InvalidArgumentError, NotFoundError
from .._flow import Flow, call
from .._lookup import parse_uuid, pick
from .._paging import collect, emit_all
from .._session import Items, M, Resource, operation, paged, without_prelude
from .._unset import given
from ..transfer.delete import delete_artifact
from ..transfer.download import download_artifact, download_plan
from ..transfer.progress import ProgressOption, default_progress
from ..transfer.repair import Recorder, repair_pending
from ..transfer.upload import upload_artifact
from ..types import (
    Artifact,
    ArtifactsList,
    ArtifactSortBy,
    ArtifactStatus,
    ArtifactType,
    CreatedArtifact,
    RepairReport,
    SortOrder,
    adopt,
)
from ._artifact_calls import (
    MAX_PAGE,
    ArtifactPath,
    artifact_types,
    fetch_artifact,
    fetch_artifacts_page,
    free_form,
)


class ArtifactResource(Resource[M]):
    """Artifacts of the default collection (`luml.artifacts`); `collection_id=` picks another."""

    def _path(self, collection_id: str | None) -> Flow[ArtifactPath]:
        text(collection_id, "collection_id")
        organization_id, orbit_id = yield from self._defaults.orbit_path()
        collection = yield from self._defaults.collection(collection_id)
        return ArtifactPath(organization_id, orbit_id, collection)

    @operation
    def get(
        self, artifact_value: str, *, collection_id: str | None = None
    ) -> Flow[Artifact | None]:
        """Get an artifact by id, exact name or exact file name (case-sensitive).

        Searches every page of the collection; name matches win over file-name matches.
        Returns None when nothing matches; raises MultipleResourcesFoundError when several
        artifacts match, and ConfigurationError when no collection is chosen.

        Example:
            artifact = luml.artifacts.get("my_model")
        """
        text(artifact_value, "artifact_value", optional=False)
        path = yield from self._path(collection_id)
        if parse_uuid(artifact_value) is not None:
            try:
                return (yield from fetch_artifact(path, artifact_value))
            except NotFoundError:
                pass
        named = yield from collect(
            lambda cursor: fetch_artifacts_page(path, cursor, search=artifact_value),
            lambda item: item.name == artifact_value,
        )
        if named:
            return pick("artifact", artifact_value, named)
        by_file = yield from collect(
            lambda cursor: fetch_artifacts_page(path, cursor),
            lambda item: item.file_name == artifact_value,
        )
        return pick("artifact", artifact_value, by_file, lambda item: (item.file_name,))

    @operation
    def list(
        self,
        *,
        collection_id: str | None = None,
        start_after: str | None = None,
        limit: int = MAX_PAGE,
        sort_by: ArtifactSortBy | str | None = None,
        order: SortOrder | str = SortOrder.DESC,
        types: Sequence[ArtifactType | str] | None = None,
        search: str | None = None,
        type: ArtifactType | str | None = None,
    ) -> Flow[ArtifactsList]:
        """One page of the collection's artifacts.

        `sort_by` is a column (name, created_at, size, description, status, type) or any metric
        key; pass the returned `cursor` as `start_after=` for the next page. `type=` is the
        older spelling of `types=[...]`.

        Example:
            page = luml.artifacts.list(sort_by="F1", order="desc", types=[ArtifactType.MODEL])
        """
        kinds = artifact_types(types, type)
        path = yield from self._path(collection_id)
        return (
            yield from fetch_artifacts_page(
                path,
                start_after,
                limit=limit,
                sort_by=sort_by,
                order=order,
                types=kinds,
                search=search,
            )
        )

    @paged
    def list_all(
        self,
        *,
        collection_id: str | None = None,
        limit: int = MAX_PAGE,
        sort_by: ArtifactSortBy | str | None = None,
        order: SortOrder | str = SortOrder.DESC,
        types: Sequence[ArtifactType | str] | None = None,
        search: str | None = None,
        type: ArtifactType | str | None = None,
    ) -> Items[Artifact]:
        """Every artifact of the collection, fetched page by page as you iterate
        (`async for` on the async client).

        Example:
            for artifact in luml.artifacts.list_all(sort_by="F1"):
                print(artifact.name, artifact.metrics.get("F1"))
        """
        kinds = artifact_types(types, type)

        def flow() -> Flow[None]:
            path = yield from self._path(collection_id)
            yield from emit_all(
                lambda cursor: fetch_artifacts_page(
                    path,
                    cursor,
                    limit=limit,
                    sort_by=sort_by,
                    order=order,
                    types=kinds,
                    search=search,
                )
            )

        return Items(flow())

    @operation
    def download_url(
        self, artifact_id: str, *, collection_id: str | None = None
    ) -> Flow[dict[str, str]]:
        """A presigned URL that downloads the artifact's file: `{"url": ...}`.

        Example:
            url = luml.artifacts.download_url(artifact.id)["url"]
        """
        return (yield from self._presigned(get_artifact_download_url, artifact_id, collection_id))

    @operation
    def delete_url(
        self, artifact_id: str, *, collection_id: str | None = None
    ) -> Flow[dict[str, str]]:
        """A presigned URL that deletes the artifact's file: `{"url": ...}`.

        The server marks the artifact `pending_deletion` when it hands out this URL.

        Example:
            url = luml.artifacts.delete_url(artifact.id)["url"]
        """
        return (yield from self._presigned(get_artifact_delete_url, artifact_id, collection_id))

    def _presigned(
        self, endpoint: ModuleType, artifact_id: str, collection_id: str | None
    ) -> Flow[dict[str, str]]:
        text(artifact_id, "artifact_id", optional=False)
        path = yield from self._path(collection_id)
        answer = yield from call(endpoint, **path.of_artifact(artifact_id))
        return {"url": answer.url}

    @operation
    def create(
        self,
        collection_id: str | None,
        file_name: str,
        extra_values: Mapping[str, Any],
        manifest: Mapping[str, Any],
        file_hash: str,
        file_index: Mapping[str, Sequence[int]],
        size: int,
        name: str,
        description: str | None = None,
        tags: builtins.list[str] | None = None,
    ) -> Flow[CreatedArtifact]:
        """Create an artifact record (status `pending_upload`) and get its upload details.

        Most callers want `upload()`, which inspects a file and does every step.

        Example:
            created = luml.artifacts.create(
                None, "model.luml", {"accuracy": 0.95}, manifest, sha256_hex,
                {"manifest.json": (512, 120)}, 10240, "My model",
            )
        """
        _check_create(file_name, extra_values, manifest, file_hash, file_index, size, name)
        text(description, "description")
        text_list(tags, "tags")
        path = yield from self._path(collection_id)
        index = FileIndex()
        index.additional_properties = {
            key: [int(span[0]), int(span[1])] for key, span in file_index.items()
        }
        body = ArtifactCreate(
            file_name=file_name,
            extra_values=free_form(extra_values),
            manifest=free_form(manifest),
            file_hash=file_hash,
            file_index=index,
            size=size,
            name=name,
            description=given(description),
            tags=given(tags),
        )
        created = yield from call(
            create_artifact, idempotent=False, **path.of_collection(), body=body
        )
        return adopt(CreatedArtifact, created)

    @operation
    def upload(
        self,
        file_path: str | os.PathLike[str],
        name: str | None = None,
        description: str | None = None,
        tags: builtins.list[str] | None = None,
        *,
        collection_id: str | None = None,
        on_progress: ProgressOption = None,
    ) -> Flow[Artifact]:
        """Upload an artifact file (.luml, .fnnx, .pyfnx, .dfs or .tar) to the collection.

        Reads the file once (manifest, metrics, file index, SHA-256), creates the record, moves
        the bytes to storage (in parallel parts for large files) and marks the artifact
        `uploaded`. `name` defaults to the file name. A progress bar is shown on a terminal;
        `on_progress=False` turns it off, or pass a BaseProgressHandler.

        Raises FileError (saying what to fix) for an unusable file, and FileUploadError when
        storage fails; the artifact is then marked `upload_failed`. Ctrl-C or cancellation
        marks it too, then propagates.

        Example:
            artifact = luml.artifacts.upload("model.luml", name="Churn v2", tags=["prod"])
        """
        local = path_argument(file_path)
        text(name, "name")
        text(description, "description")
        text_list(tags, "tags")
        progress = default_progress(on_progress)
        path = yield from self._path(collection_id)
        options = self._session.options
        return (
            yield from upload_artifact(
                path,
                local,
                name,
                description,
                tags,
                concurrency=options.max_concurrency,
                progress=progress,
                record=self._recorder,
            )
        )

    @operation
    def download(
        self,
        artifact_id: str,
        file_path: str | os.PathLike[str] | None = None,
        *,
        collection_id: str | None = None,
        on_progress: ProgressOption = None,
        part_size: int | None = None,
        max_concurrency: int | None = None,
    ) -> Flow[Path]:
        """Download the artifact's file, verified against its SHA-256, and return its path.

        `file_path` may be a file or a directory; a path ending in "/" always names a
        directory, created if missing. By default the artifact's file name (reduced to a safe
        base name) in the current directory. The bytes go to a temporary file beside the
        target and are renamed into place only once verified. Progress as for `upload`
        (`on_progress=False`: none).

        One GET brings the file, timed over its first `part_size` bytes (default 16 MiB).
        When that connection is slower than 100 MiB/s, it stops there and the rest comes as
        byte ranges over `max_concurrency` connections (default: the client's
        max_concurrency), each written into its place in the file, once the first range,
        fetched alone, ran at half the stream's speed or more (else the rest comes in one
        ranged GET); `max_concurrency=1` always fetches one stream. A dropped connection
        resumes where it stopped; storage that ignores Range gets one stream.

        Raises FileDownloadError (leaving nothing behind) when the artifact is not `uploaded`,
        the target cannot be written, the download fails or does not verify; NotFoundError
        when the artifact does not exist.

        Example:
            path = luml.artifacts.download(artifact.id, "/tmp/models/")
        """
        progress = default_progress(on_progress)
        path = yield from self._path(collection_id)
        return (
            yield from download_artifact(
                path,
                artifact_id,
                file_path,
                progress=progress,
                policy=self._session.options.retry,
                plan=download_plan(
                    part_size, max_concurrency or self._session.options.max_concurrency
                ),
            )
        )

    @operation
    def delete(
        self, artifact_id: str, *, collection_id: str | None = None, force: bool = False
    ) -> Flow[None]:
        """Delete the artifact: its stored file, then its record. Irreversible.

        The server marks the artifact pending_deletion when asked for the delete URL; if the
        storage delete fails the artifact is marked deletion_failed and FileDeleteError is
        raised. `force=True` removes only the record, whatever its status (the stored file
        stays).

        Example:
            luml.artifacts.delete(artifact.id)
        """
        flag(force, "force")
        path = yield from self._path(collection_id)
        yield from delete_artifact(path, artifact_id, force=force, record=self._recorder)

    @property
    def _recorder(self) -> Recorder:
        options = self._session.options
        return Recorder.for_client(options.base_url, options.api_key.reveal())

    @operation
    @without_prelude  # it sweeps the journal itself, to report what it repaired
    def repair_pending(
        self,
        older_than: timedelta = timedelta(hours=24),
        *,
        collection_id: str | None = None,
    ) -> Flow[RepairReport]:
        """Repair artifacts that interrupted transfers left `pending_upload` or
        `pending_deletion` in the collection, and return what was done.

        First settles what the local transfer journal knows (uploads and deletes of this API
        key on this machine that stopped before their outcome reached the server; every
        client call does this too). Then every artifact of the collection still
        `pending_upload` (created longer than `older_than` ago) is marked `upload_failed`, and
        every one `pending_deletion` (for longer than `older_than`) `deletion_failed`, except
        those a transfer on this machine is still running. Choose `older_than` longer than
        your longest upload: an upload still running elsewhere would be failed.

        Returns a RepairReport: `repaired` (RepairAction: artifact, status before and after,
        why) and `skipped` (left alone, and why).

        Example:
            report = luml.artifacts.repair_pending(older_than=timedelta(hours=6))
            for action in report.repaired:
                print(action.name, action.before, "->", action.after)
        """
        age = duration(older_than, "older_than")
        path = yield from self._path(collection_id)
        return (yield from repair_pending(self._recorder, path, age))

    @operation
    def update(
        self,
        artifact_id: str,
        file_name: str | None = None,
        name: str | None = None,
        description: str | None = None,
        tags: builtins.list[str] | None = None,
        status: ArtifactStatus | str | None = None,
        *,
        collection_id: str | None = None,
    ) -> Flow[Artifact]:
        """Update an artifact; only the arguments given change.

        `status` may move pending_upload -> uploaded | upload_failed and pending_deletion ->
        deletion_failed (the server refuses other moves with BadRequestError). `file_name` is
        accepted for compatibility but the server no longer lets it change.

        Example:
            artifact = luml.artifacts.update(artifact.id, name="Updated Model", tags=["prod"])
        """
        if file_name is not None:
            warnings.warn(
                "file_name can no longer be changed by the server and is ignored",
                DeprecationWarning,
                stacklevel=3,
            )
        text(name, "name")
        text(description, "description")
        text_list(tags, "tags")
        new_status = None if status is None else choice(ArtifactStatusUpdate, status, "status")
        path = yield from self._path(collection_id)
        body = ArtifactUpdate(
            name=given(name),
            description=given(description),
            tags=given(tags),
            status=given(new_status),
        )
        updated = yield from call(update_artifact, **path.of_artifact(artifact_id), body=body)
        return adopt(Artifact, updated)


def _check_create(
    file_name: Any,
    extra_values: Any,
    manifest: Any,
    file_hash: Any,
    file_index: Any,
    size: Any,
    name: Any,
) -> None:
    """The arguments of `create`, checked before anything is sent."""
    text(file_name, "file_name", optional=False, empty=False)
    text(name, "name", optional=False)
    mapping(extra_values, "extra_values")
    mapping(manifest, "manifest")
    if not isinstance(file_hash, str) or len(file_hash) != 64:
        raise InvalidArgumentError(
            f"file_hash must be the file's SHA-256 as 64 hex digits, got {file_hash!r}"
        )
    integer(size, "size", 0)
    mapping(file_index, "file_index")
    for member, span in file_index.items():
        if (
            isinstance(span, str)
            or not isinstance(span, Sequence)
            or len(span) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in span)
        ):
            raise InvalidArgumentError(
                f"file_index[{member!r}] must be an (offset, size) pair of ints >= 0, got {span!r}"
            )
