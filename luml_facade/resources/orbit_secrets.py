"""Secrets of the default orbit (`luml.orbit_secrets`): values deployments read by secret id."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import ClassVar

from .._checks import TAGS, Rule
from .._flow import Flow
from .._session import M, Resource, operation
from ..calls import orbit_secrets
from ..calls._resolve import find_in, id_of
from ..types import OrbitSecret


class OrbitSecretResource(Resource[M]):
    """Secrets of the default orbit (`luml.orbit_secrets`), named by id or exact name.

    Deployments refer to secrets by id (`env_variables_secrets`, `dynamic_attributes_secrets`)
    and the satellite reads the value. A value is never shown in a repr, a log line or an error
    message; lists do not carry values (`value` is None there), `get` does.

    Example:
        luml = LumlClient(api_key="luml_your_key", organization="My Org", orbit="Default Orbit")
        luml.orbit_secrets.create("db-password", os.environ["DB_PASSWORD"])
    """

    arguments: ClassVar[Mapping[str, Rule]] = {
        "name": Rule(empty=False, max_length=255),
        "tags": TAGS,
    }

    @operation
    def list(self) -> Flow[builtins.list[OrbitSecret]]:
        """Every secret of the default orbit, without values (`value` is None).

        Returns:
            list[OrbitSecret].

        Raises:
            ConfigurationError: no default orbit is chosen.

        Example:
            print([secret.name for secret in luml.orbit_secrets.list()])
        """
        path = yield from self._defaults.orbit_route()
        return (yield from orbit_secrets.fetch_all(path))

    @operation
    def get(self, secret_value: str) -> Flow[OrbitSecret | None]:
        """Get a secret, with its value, by id or exact (case-sensitive) name.

        Arguments:
            secret_value: The secret's id or exact name.

        Returns:
            OrbitSecret with `value` set, or None when no secret has that id or name.

        Raises:
            MultipleResourcesFoundError: several secrets have that name (cannot happen on the
                real server, which keeps names unique per orbit).

        Example:
            secret = luml.orbit_secrets.get("db-password")
            print(secret)  # OrbitSecret(id=..., name='db-password', value='***', ...)
            connect(password=secret.value)
        """
        path = yield from self._defaults.orbit_route()
        found = yield from find_in(orbit_secrets, path, "orbit secret", secret_value)
        if found is None or found.value is not None:
            return found
        return (yield from orbit_secrets.fetch(path, found.id))  # a list row has no value

    @operation
    def create(
        self, name: str, value: str, tags: builtins.list[str] | None = None
    ) -> Flow[OrbitSecret]:
        """Create a secret in the default orbit.

        Arguments:
            name: The secret's name, unique in the orbit (up to 255 characters).
            value: The secret value (up to 8192 characters); never logged or shown.
            tags: Tags.

        Returns:
            OrbitSecret: the new secret (its `value` is set but hidden from the repr).

        Raises:
            BadRequestError: the orbit already has a secret with that name.
            UnprocessableEntityError: the name or value is too long (the value is blanked
                out of the error).

        Example:
            secret = luml.orbit_secrets.create("db-password", os.environ["DB_PASSWORD"])
        """
        path = yield from self._defaults.orbit_route()
        return (yield from orbit_secrets.create(path, name, value, tags))

    @operation
    def update(
        self,
        secret: str,
        name: str | None = None,
        value: str | None = None,
        tags: builtins.list[str] | None = None,
    ) -> Flow[OrbitSecret]:
        """Update a secret; only the arguments given change.

        Arguments:
            secret: The secret's id or exact name.
            name: A new name.
            value: A new value (deployments using the secret read it from now on).
            tags: The new tags.

        Returns:
            OrbitSecret: the updated secret, with its value.

        Raises:
            NotFoundError: the secret does not exist (for a name, the message lists the names).

        Example:
            luml.orbit_secrets.update("db-password", value=new_password)
        """
        path = yield from self._defaults.orbit_route()
        secret_id = yield from id_of(
            "orbit secret", secret, "the orbit", lambda: orbit_secrets.fetch_all(path)
        )
        return (yield from orbit_secrets.update(path, secret_id, name=name, value=value, tags=tags))

    @operation
    def delete(self, secret: str) -> Flow[None]:
        """Delete a secret.

        Arguments:
            secret: The secret's id or exact name.

        Raises:
            NotFoundError: the secret does not exist.

        Example:
            luml.orbit_secrets.delete("db-password")
        """
        path = yield from self._defaults.orbit_route()
        secret_id = yield from id_of(
            "orbit secret", secret, "the orbit", lambda: orbit_secrets.fetch_all(path)
        )
        yield from orbit_secrets.delete(path, secret_id)
