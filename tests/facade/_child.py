"""A child process doing one transfer, for the signal tests (run as a script).

Usage: python _child.py sync|async upload|delete BASE_URL API_KEY ORG ORBIT COLLECTION TARGET

Prints its outcome on stdout: "ok", or the name of the exception that ended it.
"""

from __future__ import annotations

import asyncio
import sys

from luml_facade import AsyncLumlClient, LumlClient, SilentProgressHandler


def main() -> None:
    mode, operation, base_url, key, organization, orbit, collection, target = sys.argv[1:9]
    defaults = {"organization": organization, "orbit": orbit, "collection": collection}
    try:
        if mode == "sync":
            with LumlClient(api_key=key, base_url=base_url, **defaults) as luml:
                if operation == "upload":
                    luml.artifacts.upload(target, on_progress=SilentProgressHandler())
                else:
                    luml.artifacts.delete(target)
        else:

            async def run() -> None:
                async with AsyncLumlClient(api_key=key, base_url=base_url, **defaults) as luml:
                    if operation == "upload":
                        await luml.artifacts.upload(target, on_progress=SilentProgressHandler())
                    else:
                        await luml.artifacts.delete(target)

            asyncio.run(run())
    except BaseException as error:
        print(type(error).__name__, flush=True)
        raise
    print("ok", flush=True)


if __name__ == "__main__":
    main()
