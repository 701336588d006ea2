from enum import StrEnum


class SatelliteTaskType(StrEnum):
    DEPLOY = "deploy"
    UNDEPLOY = "undeploy"

    def __str__(self) -> str:
        return str(self.value)
