from enum import StrEnum


class CollectionSortBy(StrEnum):
    CREATED_AT = "created_at"
    DESCRIPTION = "description"
    NAME = "name"
    TOTAL_ARTIFACTS = "total_artifacts"
    TYPE = "type"

    def __str__(self) -> str:
        return str(self.value)
