"""A child process asking the shared cache for one artifact (run as a script), for the
many-processes and SIGKILL tests.

Usage: python _cache_child.py sync|async BASE_URL API_KEY ORG ORBIT COLLECTION ARTIFACT_ID

Prints "ready" before the lookup, then the cached path (or the exception's name).
LUML_CACHE_DIR comes from the environment.
"""

from __future__ import annotations

import asyncio
import sys

from luml_facade import AsyncLumlClient, LumlClient, SilentProgressHandler


def main() -> None:
    mode, base_url, key, organization, orbit, collection, artifact_id = sys.argv[1:8]
    defaults = {"organization": organization, "orbit": orbit, "collection": collection}
    quiet = SilentProgressHandler()
    print("ready", flush=True)
    try:
        if mode == "sync":
            with LumlClient(api_key=key, base_url=base_url, **defaults) as luml:
                path = luml.artifacts.cached_path(artifact_id, on_progress=quiet)
        else:

            async def run() -> object:
                async with AsyncLumlClient(api_key=key, base_url=base_url, **defaults) as luml:
                    return await luml.artifacts.cached_path(artifact_id, on_progress=quiet)

            path = asyncio.run(run())
    except BaseException as error:
        print(type(error).__name__, flush=True)
        raise
    print(path, flush=True)


if __name__ == "__main__":
    main()
