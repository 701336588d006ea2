"""A griffe extension for the API reference: show resource methods as the clients call them.

A resource method is written once as a generator (`Flow[T]`, see luml_facade/_flow.py) and
decorated with `operation` (a blocking method on LumlClient, a coroutine on AsyncLumlClient)
or `paged` (an iterator / async iterator). The reference shows what the blocking client
returns: `Flow[T]` -> `T`, `Items[T]` -> `Iterator[T]`; the resources page says how the async
client differs.
"""

from __future__ import annotations

from typing import Any

import griffe

UNWRAP = {"operation": None, "paged": "Iterator"}


class FlowReturns(griffe.Extension):
    """Rewrite the return annotation of `@operation` and `@paged` methods."""

    def on_function_instance(self, *, node: Any, func: griffe.Function, **kwargs: Any) -> None:
        names = {str(decorator.value) for decorator in func.decorators}
        wrapper = next((UNWRAP[name] for name in UNWRAP if name in names), "absent")
        returns = func.returns
        if wrapper == "absent" or not isinstance(returns, griffe.ExprSubscript):
            return
        inner = returns.slice
        func.returns = inner if wrapper is None else griffe.ExprSubscript(wrapper, inner)
