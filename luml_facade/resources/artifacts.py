"""Artifacts of the default collection: records, listing, URLs, and file transfers."""

from __future__ import annotations

import builtins
import os
import warnings
from collections.abc import Mapping, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar

from luml_openapi.models import ArtifactStatusUpdate

from .._checks import NAME, Rule, choice, duration
from .._checks import file_path as path_argument
from .._errors import InvalidArgumentError
from .._flow import Flow
from .._paging import MAX_PAGE
from .._session import Items, M, Resource, every_page, operation, paged, without_prelude
from ..cache.fetch import blob_path, cached_artifact, into
from ..calls import artifacts
from ..calls._resolve import find
from ..calls._route import Route
from ..calls.artifacts import artifact_types, fetch_artifacts_page
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
)


class ArtifactResource(Resource[M]):
    """Artifacts of the default collection (`luml.artifacts`); `collection_id=` picks another."""

    arguments: ClassVar[Mapping[str, Rule]] = {
        "name": Rule(),  # an empty name means the file's name
        "artifact": Rule(empty=False),  # cached_path: an Artifact, an id or an exact name
        "file_name": NAME,
        "size": Rule(low=0),
        "sort_by": Rule(
            any_text=True,
            expect=f"a column ({', '.join(repr(m.value) for m in ArtifactSortBy)}) or a metric key",
        ),
    }

    def _path(self, collection_id: str | None) -> Flow[Route]:
        return (yield from self._defaults.collection_route(collection_id))

    @operation
    def get(
        self, artifact_value: str, *, collection_id: str | None = None
    ) -> Flow[Artifact | None]:
        """Get an artifact by id, exact name or exact file name (case-sensitive).

        Searches every page of the collection; name matches win over file-name matches.

        Arguments:
            artifact_value: The artifact's id, exact name or exact file name.
            collection_id: The collection's id; default: the client's default collection.

        Returns:
            Artifact | None: the artifact, or None when nothing matches.

        Raises:
            MultipleResourcesFoundError: several artifacts have that name (or file name).
            ConfigurationError: no collection is chosen (and more than one exists).

        Example:
            artifact = luml.artifacts.get("churn.v2.luml")
        """
        path = yield from self._path(collection_id)
        found = yield from find(
            "artifact",
            artifact_value,
            lambda: artifacts.named(path, artifact_value),
            lambda artifact_id: artifacts.fetch_artifact(path, artifact_id),
        )
        if found is not None:
            return found
        return (
            yield from find(
                "artifact",
                artifact_value,
                lambda: artifacts.with_file_name(path, artifact_value),
                names=lambda item: (item.file_name,),
            )
        )

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

        Arguments:
            collection_id: The collection's id; default: the client's default collection.
            start_after: The `cursor` of the previous page; None for the first page.
            limit: Artifacts per page, 1..100.
            sort_by: A column (name, created_at, size, description, status, type) or any metric
                key (e.g. "F1").
            order: "desc" (default) or "asc".
            types: Only artifacts of these types (ArtifactType or "model", "dataset", ...).
            search: Only artifacts whose name contains this text.
            type: The older spelling of `types=[...]` (deprecated, with a warning).

        Returns:
            ArtifactsList: `items` and the `cursor` of the next page (None on the last page).

        Raises:
            InvalidArgumentError: an unknown type or order, or a limit out of range.
            ConfigurationError: no collection is chosen.

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
        """Every artifact of the collection, fetched page by page as you iterate (`async for` on
        the async client).

        Arguments:
            collection_id: The collection's id; default: the client's default collection.
            limit: Artifacts per request, 1..100.
            sort_by: As in `list`.
            order: As in `list`.
            types: As in `list`.
            search: As in `list`.
            type: As in `list` (deprecated).

        Returns:
            An iterator of Artifact (an async iterator on AsyncLumlClient); nothing is fetched
            until iteration starts.

        Raises:
            InvalidArgumentError: as in `list` (when iteration starts).
            ConfigurationError: no collection is chosen.

        Example:
            for artifact in luml.artifacts.list_all(sort_by="F1"):
                print(artifact.name, artifact.metrics.get("F1"))
        """
        kinds = artifact_types(types, type)

        return every_page(
            self._path(collection_id),
            lambda path, cursor: fetch_artifacts_page(
                path,
                cursor,
                limit=limit,
                sort_by=sort_by,
                order=order,
                types=kinds,
                search=search,
            ),
        )

    @operation
    def download_url(
        self, artifact_id: str, *, collection_id: str | None = None
    ) -> Flow[dict[str, str]]:
        """A presigned URL that downloads the artifact's file.

        Arguments:
            artifact_id: The artifact's id.
            collection_id: The collection's id; default: the client's default collection.

        Returns:
            dict[str, str]: `{"url": ...}`; the URL carries its own signature (no API key).

        Raises:
            NotFoundError: the artifact does not exist.

        Example:
            url = luml.artifacts.download_url(artifact.id)["url"]
        """
        path = yield from self._path(collection_id)
        return {"url": (yield from artifacts.download_url(path, artifact_id))}

    @operation
    def delete_url(
        self, artifact_id: str, *, collection_id: str | None = None
    ) -> Flow[dict[str, str]]:
        """A presigned URL that deletes the artifact's file.

        The server marks the artifact `pending_deletion` when it hands out this URL; most callers
        want `delete()`, which does every step.

        Arguments:
            artifact_id: The artifact's id.
            collection_id: The collection's id; default: the client's default collection.

        Returns:
            dict[str, str]: `{"url": ...}`.

        Raises:
            NotFoundError: the artifact does not exist.

        Example:
            url = luml.artifacts.delete_url(artifact.id)["url"]
        """
        path = yield from self._path(collection_id)
        return {"url": (yield from artifacts.delete_url(path, artifact_id))}

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

        Arguments:
            collection_id: The collection's id; None: the client's default collection.
            file_name: The file's name (with its extension).
            extra_values: The metrics, name -> value.
            manifest: The file's manifest (its `manifest.json`).
            file_hash: The file's SHA-256, hex.
            file_index: Archive member name -> (offset, size).
            size: The file's size in bytes (at most 5 TiB).
            name: The artifact's name.
            description: Free text.
            tags: Tags.

        Returns:
            CreatedArtifact: the record and its `upload_details` (URL, or a multipart plan).

        Raises:
            InvalidArgumentError: a value the server would refuse (size, a NaN metric, ...).
            ConfigurationError: no collection is chosen.

        Example:
            created = luml.artifacts.create(
                None, "model.luml", {"accuracy": 0.95}, manifest, sha256_hex,
                {"manifest.json": (512, 120)}, 10240, "My model",
            )
        """
        _check_create(file_hash, file_index)
        path = yield from self._path(collection_id)
        return (
            yield from artifacts.create(
                path,
                file_name=file_name,
                name=name,
                description=description,
                extra_values=extra_values,
                manifest=manifest,
                file_hash=file_hash,
                file_index=file_index,
                size=size,
                tags=tags,
            )
        )

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
        `uploaded`. Whatever fails after the record exists (storage, Ctrl-C, cancellation), the
        artifact is marked `upload_failed` before the error surfaces.

        Arguments:
            file_path: The file to upload.
            name: The artifact's name; default: the file name.
            description: Free text.
            tags: Tags.
            collection_id: The collection's id; default: the client's default collection.
            on_progress: None (default): a bar when stderr is a terminal; False: none; True: a
                bar always; or a BaseProgressHandler.

        Returns:
            Artifact: the uploaded artifact (status `uploaded`, metrics from the file).

        Raises:
            FileError: the file is missing, unreadable or not a valid artifact (says what to fix).
            FileUploadError: storage refused the bytes (the artifact is marked upload_failed).
            ConfigurationError: no collection is chosen.

        Example:
            artifact = luml.artifacts.upload("model.luml", name="Churn v2", tags=["prod"])
        """
        local = path_argument(file_path)
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
        cache: bool = False,
    ) -> Flow[Path]:
        """Download the artifact's file, verified against its SHA-256, and return its path.

        The bytes go to a temporary file beside the target and are renamed into place only once
        verified. One GET brings the file, timed over its first `part_size` bytes; when that
        connection is slower than 100 MiB/s, it stops there; the next part is fetched alone and
        timed, and if it ran at half the stream's speed or more the rest comes as byte ranges over
        `max_concurrency` connections, each written into its place (else in one ranged GET). A
        dropped connection resumes where it stopped; storage that ignores Range gets one stream.

        Arguments:
            artifact_id: The artifact's id.
            file_path: A file or a directory (a path ending in "/" is a directory, created if
                missing); default: the artifact's file name in the current directory.
            collection_id: The collection's id; default: the client's default collection.
            on_progress: As in `upload`.
            part_size: The size of the first timed part and of each range (default 16 MiB).
            max_concurrency: Ranges fetched at once (default: the client's `max_concurrency`; 1:
                always one stream).
            cache: Fill the target from the shared model cache (docs/cache.md), downloading
                into the cache only when the file is not there: a hard link where the file
                system allows (read-only, like the cached file), a copy otherwise.

        Returns:
            Path: where the file was saved.

        Raises:
            FileDownloadError: the artifact is not `uploaded`, the target cannot be written, or the
                download failed or did not verify (nothing is left behind).
            NotFoundError: the artifact does not exist.

        Example:
            path = luml.artifacts.download(artifact.id, "models/")
        """
        if cache:
            return (
                yield from cached_artifact(
                    self, artifact_id, collection_id, on_progress, into(file_path)
                )
            )
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
    def cached_path(
        self,
        artifact: str | Artifact,
        *,
        collection_id: str | None = None,
        on_progress: ProgressOption = None,
    ) -> Flow[Path]:
        """The path of the artifact's file in the shared cache, downloaded (and verified)
        only when it is not there yet; like huggingface_hub's `hf_hub_download`.

        `artifact` is an Artifact, an artifact id, or an exact name. Any number of processes
        and threads may ask at once: one downloads, the others wait and share the file. The
        file is read-only; do not change it (copy it, or use `download(..., cache=True)`).
        Offline (LUML_OFFLINE=1 or `offline=True`) no call is made, and NotCachedError says
        when the artifact is not cached. See docs/cache.md.

        Arguments:
            artifact: An Artifact, an artifact id, or an exact artifact name.
            collection_id: The collection's id; default: the client's default collection.
            on_progress: Progress of a download, as for `download`.

        Returns:
            Path: the cached (read-only) file.

        Raises:
            NotFoundError: the artifact does not exist.
            NotCachedError: offline, and the artifact is not cached.
            FileDownloadError: the download failed or did not verify.

        Example:
            model_file = luml.artifacts.cached_path(artifact.id)
        """
        return (yield from cached_artifact(self, artifact, collection_id, on_progress, blob_path))

    @operation
    def delete(
        self, artifact_id: str, *, collection_id: str | None = None, force: bool = False
    ) -> Flow[None]:
        """Delete the artifact: its stored file, then its record. Irreversible.

        The server marks the artifact pending_deletion when asked for the delete URL; if the
        storage delete fails, the artifact is marked deletion_failed (the record stays).

        Arguments:
            artifact_id: The artifact's id.
            collection_id: The collection's id; default: the client's default collection.
            force: Remove only the record, whatever its status (the stored file stays).

        Raises:
            FileDeleteError: storage did not confirm the delete (the artifact is marked
                deletion_failed).
            NotFoundError: the artifact does not exist.
            ConflictError: a deployment uses the artifact.

        Example:
            luml.artifacts.delete(artifact.id)
        """
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

        First settles what the local transfer journal knows (uploads and deletes of this API key
        on this machine that stopped before their outcome reached the server; every client call
        does this too). Then every artifact of the collection still `pending_upload` (created
        longer than `older_than` ago) is marked `upload_failed`, and every one `pending_deletion`
        (for longer than `older_than`) `deletion_failed`, except those a transfer on this machine
        is still running.

        Arguments:
            older_than: Only artifacts pending longer than this; choose it longer than your longest
                upload (an upload still running on another machine would be failed).
            collection_id: The collection's id; default: the client's default collection.

        Returns:
            RepairReport: `repaired` (RepairAction: artifact, status before and after, why) and
            `skipped` (left alone, and why).

        Raises:
            ConfigurationError: no collection is chosen.

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

        Arguments:
            artifact_id: The artifact's id.
            file_name: Accepted for compatibility and ignored with a warning (the server no
                longer changes file names).
            name: A new name.
            description: A new description.
            tags: The new tags (replacing the old ones).
            status: pending_upload -> uploaded | upload_failed, or pending_deletion ->
                deletion_failed.
            collection_id: The collection's id; default: the client's default collection.

        Returns:
            Artifact: the updated artifact.

        Raises:
            BadRequestError: a status move the server refuses.
            NotFoundError: the artifact does not exist.

        Example:
            artifact = luml.artifacts.update(artifact.id, name="Updated Model", tags=["prod"])
        """
        if file_name is not None:
            warnings.warn(
                "file_name can no longer be changed by the server and is ignored",
                DeprecationWarning,
                stacklevel=3,
            )
        new_status = None if status is None else choice(ArtifactStatusUpdate, status, "status")
        path = yield from self._path(collection_id)
        return (
            yield from artifacts.update(
                path,
                artifact_id,
                name=name,
                description=description,
                tags=tags,
                status=new_status,
            )
        )


def _check_create(file_hash: str, file_index: Mapping[str, Any]) -> None:
    """What `create` checks beyond the argument types: a SHA-256, (offset, size) pairs."""
    if len(file_hash) != 64:
        raise InvalidArgumentError(
            f"file_hash must be the file's SHA-256 as 64 hex digits, got {file_hash!r}"
        )
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
