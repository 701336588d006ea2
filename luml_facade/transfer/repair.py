"""Repairing what interrupted transfers left behind.

Two ways in:

* `sweep(recorder)`: before every call a client makes, leftover journal entries of this API
  key (see `journal.py`) are settled: an upload whose bytes were all stored is marked
  `uploaded`, any other unfinished upload `upload_failed` (also a record whose create answer
  was lost: it is found by collection, name, hash, size and age); an interrupted delete is
  finished when the stored file is known to be gone, else marked `deletion_failed`.
* `repair_pending(...)`: `luml.artifacts.repair_pending(older_than=...)`, for records no
  local journal knows (another machine, a lost cache): every `pending_upload` /
  `pending_deletion` artifact of a collection older than the given age is marked
  `upload_failed` / `deletion_failed`, except those a transfer on this machine still runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
from luml_openapi.models import ArtifactStatusUpdate

from .._errors import APIConnectionError, BadRequestError, LumlAPIError, NotFoundError
from .._flow import Flow
from ..calls._route import Route
from ..calls.artifacts import (
    confirm_deletion,
    fetch_artifact,
    fetch_artifacts_page,
    set_status,
)
from ..types import Artifact, ArtifactStatus, RepairAction, RepairReport
from .inspect import ArtifactFile
from .journal import Entry, Held, Journal, key_fingerprint, moment, now_iso

logger = logging.getLogger("luml_facade")

CREATE_GRACE = timedelta(minutes=5)
"""How long an entry whose create answer was lost waits for its record to show up."""
RECHECK = timedelta(seconds=30)
"""How often such an entry is looked for again meanwhile."""
CLOCK_SLACK = timedelta(minutes=10)
"""Allowed difference between this machine's clock and the server's."""

PENDING_UPLOAD = "pending_upload"
PENDING_DELETION = "pending_deletion"


@attrs.frozen
class Recorder:
    """Journal access for one client: its API's URL and its key's fingerprint."""

    base_url: str
    key: str
    directory: Callable[[], Journal] = Journal

    @classmethod
    def for_client(cls, base_url: str, api_key: str) -> Recorder:
        return cls(base_url, key_fingerprint(api_key))

    @property
    def journal(self) -> Journal:
        return self.directory()  # read each time: LUML_JOURNAL_DIR may change (tests)

    def owns(self, entry: Entry) -> bool:
        return entry.base_url == self.base_url and entry.key == self.key

    def _entry(self, kind: str, path: Route, phase: str, **fields: Any) -> Entry:
        return Entry(
            kind=kind,
            base_url=self.base_url,
            key=self.key,
            organization_id=str(path.organization_id),
            orbit_id=str(path.orbit_id),
            collection_id=str(path.collection_id),
            phase=phase,
            **fields,
        )

    def begin_upload(self, path: Route, info: ArtifactFile, name: str) -> Held | None:
        entry = self._entry(
            "upload",
            path,
            "creating",  # pragma: no mutate
            name=name,
            file_name=info.file_name,  # pragma: no mutate
            file_hash=info.file_hash,
            size=info.size,
        )
        return self.journal.begin(entry)

    def begin_delete(self, path: Route, artifact_id: str) -> Held | None:
        return self.journal.begin(
            self._entry("delete", path, "deleting", artifact_id=str(artifact_id))
        )


def status_text(artifact: Artifact) -> str:
    return str(getattr(artifact.status, "value", artifact.status))


def _since(timestamp: str) -> timedelta:
    return datetime.now(UTC) - moment(timestamp)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _action(artifact: Artifact, after: str, reason: str) -> RepairAction:
    return RepairAction(
        artifact_id=artifact.id,
        collection_id=artifact.collection_id,
        name=artifact.name,
        before=status_text(artifact),
        after=after,
        reason=reason,
    )


def sweep(recorder: Recorder) -> Flow[list[RepairAction]]:
    """Settle this key's leftover journal entries; never fails the caller's call (a problem
    leaves the entry for the next time). Returns what was repaired."""
    journal = recorder.journal
    repaired: list[RepairAction] = []
    for entry_path in list(journal.entries()):
        held = journal.claim(entry_path)
        if held is None:
            continue
        if not recorder.owns(held.entry):
            held.release()
            continue
        try:
            outcome = yield from repair_entry(journal, held)
        except APIConnectionError as error:
            held.release()
            logger.info("leftover transfers not repaired yet (API unreachable: %s)", error)
            break
        except LumlAPIError as error:
            held.release()
            logger.info("leftover transfer %s not repaired yet: %s", entry_path.name, error)
            continue
        except BaseException:
            held.release()
            raise
        if outcome is None:
            held.release()
            continue
        held.remove()
        for action in outcome:
            logger.warning(
                "artifact %s (%s) was left %s by an interrupted transfer; now %s: %s",
                action.artifact_id,
                action.name,
                action.before,
                action.after,
                action.reason,
            )
        repaired.extend(outcome)
    return repaired


def repair_entry(journal: Journal, held: Held) -> Flow[list[RepairAction] | None]:
    """Settle one leftover: the actions taken, or None to keep the entry for later."""
    entry = held.entry
    path = Route(entry.organization_id, entry.orbit_id, entry.collection_id)
    try:
        if entry.kind == "upload" and entry.artifact_id is None:
            if entry.checked and _since(entry.checked) < RECHECK:
                return None  # looked a moment ago: don't list the collection on every call
            outcome = yield from _lost_create(journal, held)
            if outcome is None:
                held.update(checked=now_iso())
            return outcome
        if entry.artifact_id is None:
            return []
        artifact = yield from fetch_artifact(path, entry.artifact_id)
        if entry.kind == "upload":
            return (yield from _settle_upload(path, artifact, stored=entry.phase == "stored"))
        if entry.kind == "delete":
            return (yield from _settle_delete(path, artifact, entry.phase == "object_deleted"))
    except NotFoundError:
        return []  # the artifact (or its collection) is gone: nothing is left pending
    return []


def _settle_upload(path: Route, artifact: Artifact, *, stored: bool) -> Flow[list[Any]]:
    if status_text(artifact) != PENDING_UPLOAD:
        return []
    if stored:
        try:
            yield from set_status(path, artifact.id, ArtifactStatusUpdate.UPLOADED)
        except BadRequestError:
            current = yield from fetch_artifact(path, artifact.id)
            if status_text(current) == PENDING_UPLOAD:
                raise
            return []
        reason = "every byte was stored before the client stopped; marked uploaded"
        return [_action(artifact, "uploaded", reason)]
    yield from set_status(path, artifact.id, ArtifactStatusUpdate.UPLOAD_FAILED)
    reason = "its upload was interrupted before every byte was stored: upload the file again"
    return [_action(artifact, "upload_failed", reason)]


def _settle_delete(path: Route, artifact: Artifact, gone: bool) -> Flow[list[Any]]:
    if status_text(artifact) != PENDING_DELETION:
        return []
    if gone:
        yield from confirm_deletion(path, artifact.id)
        reason = "its stored file was deleted before the client stopped; deletion confirmed"
        return [_action(artifact, "deleted", reason)]
    yield from set_status(path, artifact.id, ArtifactStatusUpdate.DELETION_FAILED)
    reason = "its delete was interrupted: call artifacts.delete() again"
    return [_action(artifact, "deletion_failed", reason)]


def _lost_create(journal: Journal, held: Held) -> Flow[list[Any] | None]:
    """The create's answer never arrived: find the record(s) it may have made and fail them.

    The live entries are read after the listing: a record in it was created after its
    owner's entry began, so if that owner still runs, its entry is seen (see `owner_alive`).
    """
    entry = held.entry
    path = Route(entry.organization_id, entry.orbit_id, entry.collection_id)
    earliest = entry.started_at() - CLOCK_SLACK
    found: list[Artifact] = []
    cursor: str | None = None
    while True:
        page = yield from fetch_artifacts_page(path, cursor, search=entry.name or None)
        found.extend(
            item
            for item in page.items
            if status_text(item) == PENDING_UPLOAD
            and item.file_hash == entry.file_hash
            and item.size == entry.size
            and item.name == entry.name
            and _aware(item.created_at) >= earliest
        )
        cursor = page.cursor
        if not cursor:
            break
    live = journal.live_entries(exclude=held.path)
    if any(_same_file(other, entry) and other.artifact_id is None for other in live):
        return None  # the same file is being created right now: can't tell them apart yet
    found = [item for item in found if not owner_alive(live, item)]
    if not found:
        young = _since(entry.started) < CREATE_GRACE
        return None if young else []
    actions = []
    for artifact in found:
        yield from set_status(path, artifact.id, ArtifactStatusUpdate.UPLOAD_FAILED)
        reason = "the answer to its create call was lost (interrupted): upload the file again"
        actions.append(_action(artifact, "upload_failed", reason))
    return actions


def _same_file(one: Entry, other: Entry) -> bool:
    return (
        one.kind == other.kind == "upload"
        and one.collection_id == other.collection_id
        and one.file_hash == other.file_hash
        and one.name == other.name
    )


def owner_alive(live: list[Entry], artifact: Artifact) -> bool:
    """Whether a transfer still running on this machine owns the artifact: its entry names
    the artifact, or (an upload still waiting for its create answer, so no id yet) the same
    collection, name, file hash and size."""
    for entry in live:
        if entry.artifact_id is not None:
            if entry.artifact_id == str(artifact.id):
                return True
        elif (
            entry.kind == "upload"
            and entry.collection_id == str(artifact.collection_id)
            and entry.name == artifact.name
            and entry.file_hash == artifact.file_hash
            and entry.size == artifact.size
        ):
            return True
    return False


def repair_pending(recorder: Recorder, path: Route, older_than: timedelta) -> Flow[RepairReport]:
    """Settle this key's journal leftovers, then every artifact of the collection left
    pending_upload / pending_deletion for longer than `older_than`, except one whose
    transfer still runs on this machine (its journal entry is held), whatever its age."""
    swept = yield from sweep(recorder)
    cutoff = datetime.now(UTC) - older_than
    repaired, skipped = list(swept), []
    cursor: str | None = None
    while True:
        page = yield from fetch_artifacts_page(path, cursor)
        # read after the page: a record on it was made after its owner's entry began
        live = recorder.journal.live_entries()
        for artifact in page.items:
            status = status_text(artifact)
            if status not in (PENDING_UPLOAD, PENDING_DELETION):
                continue
            since = artifact.created_at
            if status == PENDING_DELETION:
                since = artifact.updated_at or artifact.created_at
            if owner_alive(live, artifact):
                skipped.append(_action(artifact, status, "a transfer on this machine still runs"))
            elif _aware(since) > cutoff:
                skipped.append(_action(artifact, status, f"not older than {older_than}"))
            else:
                action = yield from _fail(path, artifact, status)
                (repaired if action.after != status else skipped).append(action)
        cursor = page.cursor
        if not cursor:
            break
    return RepairReport(repaired=repaired, skipped=skipped)


def _fail(path: Route, artifact: Artifact, status: str) -> Flow[RepairAction]:
    """Mark one artifact failed; if its status changed meanwhile (its transfer settled it),
    an action that leaves it as it now is."""
    upload = status == PENDING_UPLOAD
    failed = ArtifactStatusUpdate.UPLOAD_FAILED if upload else ArtifactStatusUpdate.DELETION_FAILED
    try:
        yield from set_status(path, artifact.id, failed)
    except BadRequestError:
        current = yield from fetch_artifact(path, artifact.id)
        if status_text(current) == status:
            raise
        return _action(artifact, status, f"settled meanwhile: now {status_text(current)}")
    if upload:
        reason = "left pending_upload longer than allowed: upload the file again"
        return _action(artifact, ArtifactStatus.UPLOAD_FAILED.value, reason)
    reason = "left pending_deletion longer than allowed: call artifacts.delete() again"
    return _action(artifact, ArtifactStatus.DELETION_FAILED.value, reason)
