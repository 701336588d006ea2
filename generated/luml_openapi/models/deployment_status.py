from enum import StrEnum


class DeploymentStatus(StrEnum):
    ACTIVE = "active"
    DELETION_FAILED = "deletion_failed"
    DELETION_PENDING = "deletion_pending"
    FAILED = "failed"
    NOT_RESPONDING = "not_responding"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
