"""docs/behaviour.md: every promise row names at least one test, and every test it names
exists (a module-level test function, found with ast without importing the test module)."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "behaviour.md"
NODE = re.compile(r"`(tests/[\w/]+\.py)::(test_\w+)`")


def promise_rows() -> list[tuple[str, str]]:
    """(promise, tests cell) of each row of the page's promises table."""
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    start = lines.index("| Promise | Tests |")
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("| "):
            break  # the end of the promises table
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        assert len(cells) == 2, line
        rows.append((cells[0], cells[1]))
    return rows


@cache
def functions_in(path: str) -> frozenset[str]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return frozenset(
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    )


def test_the_page_has_the_promises() -> None:
    assert len(promise_rows()) >= 20


def test_every_promise_names_a_test() -> None:
    unnamed = [promise[:60] for promise, tests in promise_rows() if not NODE.search(tests)]
    assert unnamed == []


def test_every_named_test_exists() -> None:
    missing = [
        f"{path}::{name}"
        for _, tests in promise_rows()
        for path, name in NODE.findall(tests)
        if not (ROOT / path).is_file() or name not in functions_in(path)
    ]
    assert missing == []


def test_the_tests_cell_holds_only_test_names() -> None:
    for _, tests in promise_rows():
        leftover = NODE.sub("", tests).replace("<br>", "").strip()
        assert leftover == "", tests


def test_the_readme_links_to_the_page() -> None:
    assert "(docs/behaviour.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
