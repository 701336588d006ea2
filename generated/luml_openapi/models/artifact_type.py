from enum import StrEnum


class ArtifactType(StrEnum):
    DATASET = "dataset"
    EXPERIMENT = "experiment"
    MODEL = "model"

    def __str__(self) -> str:
        return str(self.value)
