"""Azure Blob Storage for the local server: Azurite, Microsoft's emulator, on 127.0.0.1.

Azurite is a Node.js program (npm package `azurite`); `make test` installs a pinned version
into `.tools/azurite/` (see the Makefile). It is found through the LUML_AZURITE environment
variable (the `azurite-blob` executable), then `.tools/azurite/node_modules/.bin/azurite-blob`
under the current directory or this checkout, then `azurite-blob` on PATH.

It runs with the emulator's well-known development account (`devstoreaccount1` and its
published key), so the SAS URLs the local server hands out are signed exactly as the real
server signs them for a customer's account, and Azurite checks them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ElementTree
from email.utils import formatdate
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import quote

ACCOUNT = "devstoreaccount1"
ACCOUNT_KEY = (
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
)
API_VERSION = "2021-08-06"
TOOLS_PATH = Path(".tools/azurite/node_modules/.bin/azurite-blob")
START_TIMEOUT = 30.0


class AzuriteMissing(RuntimeError):
    """Azurite is not installed where the local server looks for it."""


def find_azurite() -> str:
    """The azurite-blob executable; AzuriteMissing says how to install it."""
    configured = os.environ.get("LUML_AZURITE")
    candidates = [configured] if configured else []
    checkout = Path(__file__).resolve().parents[2]
    candidates += [str(Path.cwd() / TOOLS_PATH), str(checkout / TOOLS_PATH)]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    on_path = shutil.which("azurite-blob")
    if on_path:
        return on_path
    raise AzuriteMissing(
        "Azurite (the Azure Storage emulator) is not installed: run `make azurite` (installs "
        "the pinned npm package into .tools/azurite) or set LUML_AZURITE to azurite-blob"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def shared_key_signature(string_to_sign: str, key: str = ACCOUNT_KEY) -> str:
    """Base64 HMAC-SHA256 of a string to sign, with an account key (base64)."""
    digest = hmac.new(base64.b64decode(key), string_to_sign.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def blob_sas(
    account: str, key: str, container: str, blob: str, permissions: str, expiry: str
) -> str:
    """A service SAS query string for one blob (signed fields of version 2020-12-06+)."""
    canonical = f"/blob/{account}/{container}/{blob}"
    string_to_sign = "\n".join(
        [
            permissions,
            "",
            expiry,
            canonical,
            "",
            "",
            "",
            API_VERSION,
            "b",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]
    )
    signature = shared_key_signature(string_to_sign, key)
    fields = {"sv": API_VERSION, "se": expiry, "sr": "b", "sp": permissions, "sig": signature}
    return "&".join(f"{name}={quote(value, safe='')}" for name, value in fields.items())


class Azurite:
    """One Azurite blob service on a free loopback port, in memory, until stop()."""

    def __init__(self) -> None:
        self.port = _free_port()
        self._workdir = tempfile.mkdtemp(prefix="luml-azurite-")
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def blob_endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/{ACCOUNT}"

    @property
    def connection_string(self) -> str:
        """A connection string for the development account, as a bucket secret stores it."""
        return (
            f"DefaultEndpointsProtocol=http;AccountName={ACCOUNT};AccountKey={ACCOUNT_KEY};"
            f"BlobEndpoint={self.blob_endpoint};"
        )

    def start(self) -> Azurite:
        command = [
            find_azurite(),
            "--blobHost",
            "127.0.0.1",
            "--blobPort",
            str(self.port),
            "--inMemoryPersistence",
            "--silent",
            "--skipApiVersionCheck",
            "--disableProductStyleUrl",
        ]
        self._process = subprocess.Popen(  # noqa: S603 - our own command line
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=self._workdir
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                error = (self._process.stderr.read() if self._process.stderr else b"").decode()
                raise RuntimeError(f"Azurite exited at start: {error.strip()[:500]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Azurite did not listen on port {self.port} in {START_TIMEOUT} s")

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            if self._process.stderr is not None:
                self._process.stderr.close()
            self._process = None
        shutil.rmtree(self._workdir, ignore_errors=True)

    def _shared_key_request(self, method: str, path: str, query: dict[str, str]) -> bytes:
        """A request signed with the account key (what the Azure SDK does for account calls)."""
        date = formatdate(usegmt=True)
        headers = {"x-ms-date": date, "x-ms-version": API_VERSION}
        canonical_headers = "".join(f"{name}:{value}\n" for name, value in sorted(headers.items()))
        canonical_query = "".join(f"\n{name}:{value}" for name, value in sorted(query.items()))
        string_to_sign = (
            f"{method}\n\n\n\n\n\n\n\n\n\n\n\n{canonical_headers}/{ACCOUNT}/{ACCOUNT}{path}"
            f"{canonical_query}"
        )
        headers["Authorization"] = f"SharedKey {ACCOUNT}:{shared_key_signature(string_to_sign)}"
        query_string = "&".join(f"{name}={value}" for name, value in query.items())
        url = f"{self.blob_endpoint}{path}" + (f"?{query_string}" if query_string else "")
        request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                body: bytes = response.read()
                return body
        except HTTPError as error:
            if error.code == 409 and method == "PUT":  # the container already exists
                return b""
            raise
        except URLError as error:  # pragma: no cover - Azurite went away
            raise RuntimeError(f"Azurite did not answer: {error}") from error

    def create_container(self, name: str) -> None:
        """Create a container (nothing happens if it exists)."""
        self._shared_key_request("PUT", f"/{name}", {"restype": "container"})

    def blob(self, container: str, name: str) -> bytes | None:
        """A blob's bytes, or None when it does not exist."""
        try:
            return self._shared_key_request("GET", f"/{container}/{quote(name)}", {})
        except HTTPError as error:
            if error.code == 404:
                return None
            raise

    def committed_blocks(self, container: str, name: str) -> list[str]:
        """The ids of a block blob's committed blocks, in order."""
        body = self._shared_key_request(
            "GET",
            f"/{container}/{quote(name)}",
            {"comp": "blocklist", "blocklisttype": "committed"},
        )
        root = ElementTree.fromstring(body)  # noqa: S314 - our own emulator's answer
        return [element.text or "" for element in root.iter("Name")]
