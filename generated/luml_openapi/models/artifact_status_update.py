from enum import StrEnum


class ArtifactStatusUpdate(StrEnum):
    DELETION_FAILED = "deletion_failed"
    UPLOADED = "uploaded"
    UPLOAD_FAILED = "upload_failed"

    def __str__(self) -> str:
        return str(self.value)
