from enum import StrEnum


class CollectionTypeFilter(StrEnum):
    DATASET = "dataset"
    EXPERIMENT = "experiment"
    MIXED = "mixed"
    MODEL = "model"

    def __str__(self) -> str:
        return str(self.value)
