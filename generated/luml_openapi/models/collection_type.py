from enum import StrEnum


class CollectionType(StrEnum):
    DATASET = "dataset"
    DATASET_EXPERIMENT = "dataset_experiment"
    EXPERIMENT = "experiment"
    MIXED = "mixed"
    MODEL = "model"
    MODEL_DATASET = "model_dataset"
    MODEL_EXPERIMENT = "model_experiment"

    def __str__(self) -> str:
        return str(self.value)
