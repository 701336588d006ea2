from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.satellite_task_status import SatelliteTaskStatus
from ..models.satellite_task_type import SatelliteTaskType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.free_form import FreeForm
    from ..models.satellite_task_result_type_0 import SatelliteTaskResultType0


T = TypeVar("T", bound="SatelliteTask")


@_attrs_define
class SatelliteTask:
    """A task queued for a satellite."""

    id: UUID
    satellite_id: UUID
    orbit_id: UUID
    type_: SatelliteTaskType | str
    payload: FreeForm
    """ A JSON object whose keys the server does not fix. """
    status: SatelliteTaskStatus | str
    scheduled_at: datetime.datetime
    created_at: datetime.datetime
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    result: None | SatelliteTaskResultType0 | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.satellite_task_result_type_0 import SatelliteTaskResultType0

        id = str(self.id)

        satellite_id = str(self.satellite_id)

        orbit_id = str(self.orbit_id)

        type_: str
        if isinstance(self.type_, SatelliteTaskType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        payload = self.payload.to_dict()

        status: str
        if isinstance(self.status, SatelliteTaskStatus):
            status = self.status.value
        else:
            status = self.status

        scheduled_at = self.scheduled_at.isoformat()

        created_at = self.created_at.isoformat()

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        result: dict[str, Any] | None | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, SatelliteTaskResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "satellite_id": satellite_id,
                "orbit_id": orbit_id,
                "type": type_,
                "payload": payload,
                "status": status,
                "scheduled_at": scheduled_at,
                "created_at": created_at,
            }
        )
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if result is not UNSET:
            field_dict["result"] = result
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.free_form import FreeForm
        from ..models.satellite_task_result_type_0 import SatelliteTaskResultType0

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        satellite_id = UUID(d.pop("satellite_id"))

        orbit_id = UUID(d.pop("orbit_id"))

        def _parse_type_(data: object) -> SatelliteTaskType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_satellite_task_type_type_0 = SatelliteTaskType(
                    data
                )

                return componentsschemas_open_satellite_task_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SatelliteTaskType | str, data)

        type_ = _parse_type_(d.pop("type"))

        payload = FreeForm.from_dict(d.pop("payload"))

        def _parse_status(data: object) -> SatelliteTaskStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_satellite_task_status_type_0 = (
                    SatelliteTaskStatus(data)
                )

                return componentsschemas_open_satellite_task_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SatelliteTaskStatus | str, data)

        status = _parse_status(d.pop("status"))

        scheduled_at = datetime.datetime.fromisoformat(d.pop("scheduled_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_result(data: object) -> None | SatelliteTaskResultType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = SatelliteTaskResultType0.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SatelliteTaskResultType0 | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        satellite_task = cls(
            id=id,
            satellite_id=satellite_id,
            orbit_id=orbit_id,
            type_=type_,
            payload=payload,
            status=status,
            scheduled_at=scheduled_at,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            result=result,
            updated_at=updated_at,
        )

        satellite_task.additional_properties = d
        return satellite_task

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
