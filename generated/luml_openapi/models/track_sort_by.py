from enum import StrEnum


class TrackSortBy(StrEnum):
    CREATED_AT = "created_at"
    DESCRIPTION = "description"
    NAME = "name"
    TOTAL_ENTRIES = "total_entries"

    def __str__(self) -> str:
        return str(self.value)
