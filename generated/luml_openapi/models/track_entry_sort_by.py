from enum import StrEnum


class TrackEntrySortBy(StrEnum):
    ARTIFACT_NAME = "artifact_name"
    CREATED_AT = "created_at"
    DESCRIPTION = "description"
    STAGE = "stage"
    VERSION = "version"

    def __str__(self) -> str:
        return str(self.value)
