"""`luml bucket-secrets list|check` against the local server and its S3 storage."""

from __future__ import annotations

import json

from luml_facade.testing import Fault

from .conftest import Shell

CHECK_FIELDS = {
    "ok", "bucket_name", "type", "passed", "failed_step", "status_code", "error_code", "message",
}  # fmt: skip
ALL_STEPS = ["upload", "download", "range", "delete"]


def test_list(shell: Shell) -> None:
    [secret] = shell.json("bucket-secrets", "list")
    assert (secret["id"], secret["bucket_name"]) == (
        shell.tenant.bucket_secret_id,
        shell.tenant.bucket_name,
    )
    assert "secret_key" not in secret and "access_key" not in secret
    table = shell("bucket-secrets", "list").stdout.splitlines()
    assert table[0].split() == ["ID", "BUCKET", "TYPE", "ENDPOINT", "REGION", "ORBITS", "CREATED"]
    assert "Models" in table[1]


def test_the_only_secret_by_default_by_name_or_id(shell: Shell) -> None:
    result = shell.json("bucket-secrets", "check")
    assert set(result) == CHECK_FIELDS
    assert (result["ok"], result["passed"], result["failed_step"]) == (True, ALL_STEPS, None)
    assert result["bucket_name"] == shell.tenant.bucket_name
    for reference in (shell.tenant.bucket_name, shell.tenant.bucket_secret_id):
        assert shell.json("bucket-secrets", "check", reference)["ok"] is True
    text = shell("bucket-secrets", "check")
    assert text.exit_code == 0 and text.stderr == ""
    assert text.stdout.splitlines()[0] == f"Bucket {shell.tenant.bucket_name} (s3): OK"
    assert [line.split() for line in text.stdout.splitlines()[2:]] == [
        [step, "ok"] for step in ALL_STEPS
    ]
    quiet = shell("bucket-secrets", "check", "-q")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")


def test_a_failed_step_is_named_and_exits_5(shell: Shell) -> None:
    denied = b"<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
    shell.server.faults.add(Fault(target="storage", method="GET", status=403, body=denied))
    result = shell("bucket-secrets", "check")
    assert result.exit_code == 5
    steps = {line.split()[0]: line.split(None, 1)[1] for line in result.stdout.splitlines()[2:]}
    assert steps == {
        "upload": "ok",
        "download": "FAILED HTTP 403 AccessDenied - reading the test object back answered "
        "HTTP 403: AccessDenied (Access Denied)",
        "range": "not checked",
        "delete": "not checked",
    }
    assert result.stdout.startswith(f"Bucket {shell.tenant.bucket_name} (s3): FAILED at download")
    assert result.stderr == (
        "Error: bucket check failed at step download: reading the test object back answered "
        "HTTP 403: AccessDenied (Access Denied)\n"
    )


def test_new_settings_with_the_secret_key_on_stdin(shell: Shell) -> None:
    secret_key = "never-print-this-secret-key"
    base = ["bucket-secrets", "check", "--endpoint", shell.server.storage_url, "--json"]
    good = shell(
        *base, "--bucket-name", shell.tenant.bucket_name, "--access-key", "AKIA1",
        "--secret-stdin", input=f"{secret_key}\n",
    )  # fmt: skip
    assert good.exit_code == 0, good.stderr
    assert json.loads(good.stdout)["ok"] is True
    missing = shell(*base, "--bucket-name", "no-such-bucket", "--secret-stdin", input=secret_key)
    assert missing.exit_code == 5
    result = json.loads(missing.stdout)
    assert (result["ok"], result["failed_step"], result["status_code"], result["error_code"]) == (
        False,
        "upload",
        404,
        "NoSuchBucket",
    )
    assert json.loads(missing.stderr)["error"]["exit_code"] == 5
    for output in (good.stdout, good.stderr, missing.stdout, missing.stderr):
        assert secret_key not in output
    empty = shell(*base, "--bucket-name", "b", "--secret-stdin", input="")
    assert empty.exit_code == 2


def test_settings_the_server_refuses_exit_2_without_printing_them(shell: Shell) -> None:
    # a key that is not base64: the real server cannot sign with it (400 at the urls step)
    connection = "AccountName=x;AccountKey=c2VjcmV0LWtleS1uZXZlci1wcmludGVkX"
    result = shell(
        "bucket-secrets", "check", "--type", "azure", "--bucket-name", "models",
        "--secret-stdin", input=connection,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "FAILED at urls" in result.stdout
    assert result.stderr.startswith("Error: bucket check failed at step urls: the server refused")
    assert "c2VjcmV0LWtleS1uZXZlci1wcmludGVkX" not in result.stdout + result.stderr


def test_unknown_secret_exits_3(shell: Shell) -> None:
    result = shell("bucket-secrets", "check", "no-such-bucket")
    assert result.exit_code == 3
    assert result.stderr.startswith(
        "Error: no bucket secret 'no-such-bucket' in the organization; "
        f"available: '{shell.tenant.bucket_name}' ("
    )
