from enum import StrEnum


class SatelliteCapability(StrEnum):
    DEPLOY = "deploy"
    MONITORING = "monitoring"

    def __str__(self) -> str:
        return str(self.value)
