from enum import StrEnum


class BucketType(StrEnum):
    AZURE = "azure"
    S3 = "s3"

    def __str__(self) -> str:
        return str(self.value)
