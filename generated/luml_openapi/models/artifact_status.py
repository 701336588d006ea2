from enum import StrEnum


class ArtifactStatus(StrEnum):
    DELETION_FAILED = "deletion_failed"
    PENDING_DELETION = "pending_deletion"
    PENDING_UPLOAD = "pending_upload"
    UPLOADED = "uploaded"
    UPLOAD_FAILED = "upload_failed"

    def __str__(self) -> str:
        return str(self.value)
