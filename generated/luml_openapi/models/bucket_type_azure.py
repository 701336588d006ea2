from enum import StrEnum


class BucketTypeAzure(StrEnum):
    AZURE = "azure"

    def __str__(self) -> str:
        return str(self.value)
