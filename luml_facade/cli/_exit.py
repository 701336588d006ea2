"""Exit codes a CI job can rely on, and how each facade error maps to one.

| code | meaning |
| ---: | --- |
| 0 | success |
| 1 | unexpected error (a bug: rerun with --debug for the traceback) |
| 2 | bad input: usage, an unusable argument or file, settings naming nothing, a 400/409/422 |
| 3 | not found: what was named does not exist (404), or a stage to download is empty |
| 4 | auth: no API key, or the server refused it (401/403) |
| 5 | transfer failed: storage refused a file move (nothing half-done is left) or a check |
| 6 | server unavailable: no answer, a timeout, rate limited, or a 5xx |
| 130 | interrupted (Ctrl-C) |

`luml tracks promote` onto a stage another version holds, without --force, is 2 (a 409).
`luml bucket-secrets check`: 0 the bucket works, 5 a storage step (upload, download, range,
delete) failed, 2 the server refused to sign the settings, 3 no such stored secret.
"""

from __future__ import annotations

import enum
import re

from .._errors import (
    APIConnectionError,
    APIResponseValidationError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    FileDeleteError,
    FileDownloadError,
    FileError,
    FileUploadError,
    InternalServerError,
    InvalidArgumentError,
    LumlAPIError,
    MultipleResourcesFoundError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)


class ExitCode(enum.IntEnum):
    """The `luml` command's exit statuses (documented in `luml --help` and the README)."""

    OK = 0
    UNEXPECTED = 1
    BAD_INPUT = 2
    NOT_FOUND = 3
    AUTH = 4
    TRANSFER_FAILED = 5
    UNAVAILABLE = 6
    INTERRUPTED = 130


# Checked in order: the first class an error is an instance of decides (subclasses first).
_CODES: tuple[tuple[type[LumlAPIError], ExitCode], ...] = (
    (FileUploadError, ExitCode.TRANSFER_FAILED),
    (FileDownloadError, ExitCode.TRANSFER_FAILED),
    (FileDeleteError, ExitCode.TRANSFER_FAILED),
    (FileError, ExitCode.BAD_INPUT),
    (NotFoundError, ExitCode.NOT_FOUND),
    (AuthenticationError, ExitCode.AUTH),
    (PermissionDeniedError, ExitCode.AUTH),
    (BadRequestError, ExitCode.BAD_INPUT),
    (ConflictError, ExitCode.BAD_INPUT),
    (UnprocessableEntityError, ExitCode.BAD_INPUT),
    (InvalidArgumentError, ExitCode.BAD_INPUT),
    (MultipleResourcesFoundError, ExitCode.BAD_INPUT),
    (ConfigurationError, ExitCode.BAD_INPUT),
    (RateLimitError, ExitCode.UNAVAILABLE),
    (InternalServerError, ExitCode.UNAVAILABLE),
    (APIConnectionError, ExitCode.UNAVAILABLE),
    (APIResponseValidationError, ExitCode.UNAVAILABLE),
)


def exit_code_for(error: LumlAPIError) -> ExitCode:
    """The exit code for a facade error.

    Example:
        exit_code_for(NotFoundError("gone", status_code=404))  # ExitCode.NOT_FOUND
    """
    for error_class, code in _CODES:
        if isinstance(error, error_class):
            return code
    return ExitCode.UNEXPECTED


EXIT_CODES_HELP = """\b
Exit codes:
  0  success
  1  unexpected error (rerun with --debug for the traceback)
  2  bad input (usage, argument, file, settings naming nothing, a 409 conflict)
  3  not found (also: the stage to download holds no version)
  4  auth (no API key, or the key was refused)
  5  transfer failed (upload, download, storage delete, a bucket check's step)
  6  server unavailable (no answer, timeout, rate limit, 5xx)
  130  interrupted (Ctrl-C; a transfer is settled or left for the next call)
"""


class CliError(Exception):
    """An error the command line reports itself (message and exit code, no traceback)."""

    def __init__(self, message: str, code: ExitCode = ExitCode.BAD_INPUT) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


_PYTHON_HINT = re.compile(r"\. Pass \w+=\.\.\. or set it with setup_config\((\w+)=\.\.\.\)$")


def shell_message(error: LumlAPIError) -> str:
    """The one line `luml` prints for a facade error.

    A not-found reads like the command line's own ("no track 'x' in the orbit; ..."), without
    the "404: " other HTTP errors start with.

    Example:
        shell_message(NotFoundError("no track 'x' in the orbit", status_code=404))
    """
    text = str(error)
    if isinstance(error, NotFoundError):
        text = text.removeprefix(f"{error.status_code}: ")
    return for_the_shell(text)


def for_the_shell(message: str) -> str:
    """A facade message with its Python advice ("pass orbit=...") told as flags instead."""
    return _PYTHON_HINT.sub(lambda match: f"; set --{match[1]} or LUML_{match[1].upper()}", message)
