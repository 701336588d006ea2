"""Where each setting comes from: a flag, then an environment variable, then the config file.

The config file is TOML (`api_key`, `base_url`, `organization`, `orbit`, `collection`), at
`$LUML_CONFIG`, else `<user config dir>/luml/config.toml` (`$XDG_CONFIG_HOME/luml/...` or
`~/.config/luml/...` on Linux). `luml configure` writes it readable by its owner only.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import click

from ._exit import CliError, ExitCode

if TYPE_CHECKING:  # _options imports httpx: loaded when a setting is resolved, not for --help
    from .._options import ApiKey

CONFIG_ENV = "LUML_CONFIG"
# The facade reads LUML_API_KEY and LUML_BASE_URL itself; the CLI adds the three defaults.
ENV_NAMES: dict[str, str] = {
    "api_key": "LUML_API_KEY",
    "base_url": "LUML_BASE_URL",
    "organization": "LUML_ORGANIZATION",
    "orbit": "LUML_ORBIT",
    "collection": "LUML_COLLECTION",
}
KEYS = tuple(ENV_NAMES)
SCOPES = ("organization", "orbit", "collection")


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """The config file's path: $LUML_CONFIG, else the user's config directory."""
    environ = os.environ if environ is None else environ
    override = environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(click.get_app_dir("luml")) / "config.toml"


def read_config(path: Path) -> dict[str, str]:
    """The settings stored in the config file ({} when there is none).

    Raises CliError (bad input) when the file is not valid TOML.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise CliError(f"cannot read config file {path}: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise CliError(
            f"config file {path} is not UTF-8 text (byte {error.start}: {error.reason}): save "
            "it as UTF-8, or write it again with `luml configure`"
        ) from None
    import tomllib  # here: most runs have no config file to parse

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CliError(f"config file {path} is not valid TOML: {error}") from None
    return {key: str(data[key]) for key in KEYS if data.get(key)}


def write_config(path: Path, values: Mapping[str, str]) -> None:
    """Write the settings to `path` (mode 0600, directory 0700), replacing it atomically."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    lines = [f"{key} = {json.dumps(values[key])}\n" for key in KEYS if values.get(key)]
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write("# luml command line settings (written by `luml configure`)\n")
        handle.writelines(lines)
    os.replace(temporary, path)


def is_private(path: Path) -> bool:
    """True when only the owner may read the file (always true where modes do not apply)."""
    if os.name != "posix":
        return True
    return not path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO)


@attrs.frozen
class Setting:
    """One resolved value and where it came from ("flag", "env:NAME", "config", or None)."""

    value: str | None = None
    source: str | None = None


@attrs.frozen(kw_only=True)
class Settings:
    """Everything the CLI was told; the key stays hidden in every repr."""

    api_key: ApiKey | None = attrs.field(repr=False)
    api_key_source: str | None
    base_url: Setting
    organization: Setting
    orbit: Setting
    collection: Setting
    config_file: Path

    def scope(self, kind: str) -> Setting:
        """The organization, orbit or collection setting."""
        setting: Setting = getattr(self, kind)
        return setting

    def require_key(self) -> ApiKey:
        """The API key, or CliError (auth) saying how to provide one."""
        if self.api_key is None:
            raise CliError(
                f"no API key: set {ENV_NAMES['api_key']} or run `luml configure` "
                f"(config file: {self.config_file})",
                ExitCode.AUTH,
            )
        return self.api_key


def _told(setting: Setting, config_file: Path) -> str:
    """Where a setting came from, in words (for a refused key)."""
    if setting.source == "config":
        return f"the config file {config_file}"
    if setting.source and setting.source.startswith("env:"):
        return f"the {setting.source[4:]} environment variable"
    return f"the {setting.source}"


def resolve(
    flags: Mapping[str, str | None],
    environ: Mapping[str, str] | None = None,
    config_file: Path | None = None,
) -> Settings:
    """Each setting from the first place that has it: flags, environment, config file.

    Example:
        settings = resolve({"orbit": "Models"})
        settings.orbit  # Setting(value="Models", source="flag")
    """
    environ = os.environ if environ is None else environ
    path = config_file or config_path(environ)
    stored = read_config(path)
    found: dict[str, Setting] = {}
    for key, env_name in ENV_NAMES.items():
        if flags.get(key):
            found[key] = Setting(flags[key], "flag")
        elif environ.get(env_name):
            found[key] = Setting(environ[env_name], f"env:{env_name}")
        elif stored.get(key):
            found[key] = Setting(stored[key], "config")
        else:
            found[key] = Setting()
    api_key = found["api_key"]
    from .._options import ApiKey

    return Settings(
        api_key=None if api_key.value is None else ApiKey(api_key.value, _told(api_key, path)),
        api_key_source=api_key.source,
        base_url=found["base_url"],
        organization=found["organization"],
        orbit=found["orbit"],
        collection=found["collection"],
        config_file=path,
    )
