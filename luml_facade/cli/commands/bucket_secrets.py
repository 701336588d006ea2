"""`luml bucket-secrets list|check`.

`check` exits 0 when the bucket works, 5 when a storage step failed (put, read back, ranged
read, delete) and 2 when the server refused to sign the settings; the result is printed either
way (--json: the fields of `luml_facade.types.BucketCheck`).
"""

from __future__ import annotations

import sys

import click

from ...types import BucketCheck, BucketCheckStep, BucketSecret, BucketType
from .._context import common_options, get_state
from .._exit import CliError, ExitCode
from .._output import plain, render_table
from ._columns import BUCKET_SECRET_COLUMNS
from ._listing import enum_choice

_STORAGE_STEPS = [step for step in BucketCheckStep if step != BucketCheckStep.URLS]


@click.group("bucket-secrets")
def bucket_secrets_group() -> None:
    """Bucket secrets (storage credentials) of the organization."""


@bucket_secrets_group.command("list")
@common_options("organization")
def list_bucket_secrets() -> None:
    """List the organization's bucket secrets (never their credentials)."""
    state = get_state()
    secrets = state.client("organization").bucket_secrets.list()
    state.output.items("bucket secret", secrets, BUCKET_SECRET_COLUMNS)


@bucket_secrets_group.command("check")
@click.argument("secret", metavar="[BUCKET|ID]", required=False)
@click.option("--endpoint", help="S3 host[:port], or (with --type azure) the connection string.")
@click.option("--bucket-name", help="The bucket (S3) or container (Azure).")
@click.option("--access-key", help="S3 access key id.")
@click.option(
    "--secret-stdin",
    is_flag=True,
    help="Read the S3 secret key (or, with --type azure, the connection string) from stdin.",
)
@click.option("--region", help="S3 region (default us-east-1).")
@click.option("--insecure", is_flag=True, help="Use http:// for the S3 endpoint.")
@click.option("--no-cert-check", is_flag=True, help="Do not verify the S3 endpoint's certificate.")
@click.option(
    "--type",
    "kind",
    type=enum_choice(BucketType),
    default=BucketType.S3.value,
    show_default=True,
    help="Storage type of new settings (a stored secret keeps its own).",
)
@common_options("organization")
def check_bucket(
    secret: str | None,
    endpoint: str | None,
    bucket_name: str | None,
    access_key: str | None,
    secret_stdin: bool,
    region: str | None,
    insecure: bool,
    no_cert_check: bool,
    kind: str,
) -> None:
    """Check that a bucket works, as the LUML web app does: put a small test object
    through the server's presigned URLs, read it back (whole and by range), delete it.

    \b
    Check a stored secret by bucket name or id (the only one when the organization
    has one), or new settings before creating a secret:
      luml bucket-secrets check models
      luml bucket-secrets check --endpoint s3.eu-north-1.amazonaws.com \\
          --bucket-name models --access-key AKIA... --region eu-north-1 --secret-stdin
    Settings given with a stored secret are tried in its place (nothing is saved).
    Secrets are never flags: pass them on stdin with --secret-stdin.

    Prints each step; exit 5 when a storage step failed, 2 when the server refused
    the settings, 3 when no stored secret has that name or id.
    """
    state = get_state()
    client = state.client("organization")
    secret_value = sys.stdin.readline().strip() if secret_stdin else None
    if secret_stdin and not secret_value:
        raise CliError("--secret-stdin: nothing on stdin")
    azure = kind == BucketType.AZURE.value
    if azure and secret_value is not None:
        endpoint = secret_value
    secret_key = None if azure else secret_value
    new_settings = secret is None and (endpoint is not None or bucket_name is not None)
    if secret is None and not new_settings:
        secret = _only_secret(client.bucket_secrets.list())
    result = client.bucket_secrets.check(
        secret,
        endpoint=endpoint,
        bucket_name=bucket_name,
        access_key=access_key,
        secret_key=secret_key,
        secure=False if insecure else None,
        region=region,
        cert_check=False if no_cert_check else None,
        type=kind,
    )
    state.output.data(plain(result), _report(result))
    if not result.ok:
        step = result.failed_step.value if result.failed_step is not None else "?"
        code = (
            ExitCode.BAD_INPUT if result.failed_step == BucketCheckStep.URLS
            else ExitCode.TRANSFER_FAILED
        )  # fmt: skip
        raise CliError(f"bucket check failed at step {step}: {result.message}", code)


def _only_secret(secrets: list[BucketSecret]) -> str:
    if len(secrets) == 1:
        return secrets[0].id
    names = ", ".join(repr(item.bucket_name) for item in secrets) or "none"
    raise CliError(
        f"name the bucket secret to check (bucket name or id), or pass --endpoint and "
        f"--bucket-name for new settings; the organization's buckets: {names}"
    )


def _report(result: BucketCheck) -> str:
    kind = getattr(result.type, "value", result.type) or "?"
    verdict = "OK" if result.ok else f"FAILED at {getattr(result.failed_step, 'value', '?')}"
    rows = []
    for step in _STORAGE_STEPS:
        if step in result.passed:
            status = "ok"
        elif step == result.failed_step:
            status = _failure(result)
        else:
            status = "not checked"
        rows.append([step.value, status])
    lines = [f"Bucket {result.bucket_name or '?'} ({kind}): {verdict}"]
    if result.failed_step == BucketCheckStep.URLS:
        lines.append(f"  urls: {_failure(result)}")
    lines.append(render_table(["STEP", "RESULT"], rows))
    return "\n".join(lines)


def _failure(result: BucketCheck) -> str:
    parts = ["FAILED"]
    if result.status_code is not None:
        parts.append(f"HTTP {result.status_code}")
    if result.error_code:
        parts.append(result.error_code)
    if result.message:
        parts.append(f"- {result.message}")
    return " ".join(parts)
