"""Replace-all updates: send back what you read.

Some LUML PATCH routes write every field of their body (a field left out becomes null, and a
NOT NULL column answers 500). The facade reads the object first and sends every field of the
body: the caller's change, else the value read. Fields the server sent that this client does not
know yet go back too: a newer server may require them (pydantic ignores body fields it does not
take, so sending one that is read-only costs nothing).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs


def body_fields(model: type) -> set[str]:
    """The JSON names of a generated body model's fields (`type_` is sent as `type`)."""
    names = {field.name for field in attrs.fields(model)} - {"additional_properties"}
    return {name.removesuffix("_") if name.endswith("_") else name for name in names}


def send_back(read: Any, body_model: type, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON body of a replace-all update of the object `read` (a generated model).

    Arguments:
        read: the object as the server sent it just now.
        body_model: the generated request body model of the update.
        changes: JSON-ready values to write instead of the ones read.

    Returns:
        Every body field read, with `changes` applied, plus the fields unknown to this client.

    Example:
        body = DeploymentUpdate.from_dict(send_back(read, DeploymentUpdate, {"name": "v2"}))
    """
    wire: dict[str, Any] = read.to_dict()
    keep = body_fields(body_model) | set(getattr(read, "additional_properties", {}))
    body = {name: value for name, value in wire.items() if name in keep}
    body.update(changes)
    return body
