"""The supported range of Python and NumPy is stated once, in pyproject.toml
(``requires-python``, the Python classifiers, NumPy's lower bound), and everything
that depends on it agrees: the lint and type-check targets, the README and the
getting-started page. CI (.ci/run) reads both ends from pyproject.toml and runs the
whole test suite on each; this environment is inside the range.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def _project() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


def _minor(version: str) -> tuple[int, int]:
    major, minor = version.split(".")[:2]
    return int(major), int(minor)


def _range() -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    """The oldest Python, the newest Python and the oldest NumPy."""
    project = _project()["project"]
    oldest = re.fullmatch(r">=(3\.\d+)", project["requires-python"])
    assert oldest, "requires-python is a plain lower bound, >=3.N"
    pythons = [
        _minor(c.rsplit(" :: ", 1)[1])
        for c in project["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    (numpy,) = [d for d in project["dependencies"] if d.startswith("numpy")]
    floor = re.fullmatch(r"numpy>=(\d+\.\d+)", numpy)
    assert floor, f"NumPy's lower bound is a plain >=X.Y, got {numpy!r}"
    assert project["dependencies"] == [numpy], "the only runtime dependency is NumPy"
    assert pythons == sorted(pythons) and pythons[0] == _minor(oldest.group(1)), pythons
    assert pythons == [(3, m) for m in range(pythons[0][1], pythons[-1][1] + 1)], pythons
    return pythons[0], pythons[-1], _minor(floor.group(1))


def test_lint_and_type_checks_target_the_oldest_python():
    (_, oldest), _, _ = _range()
    tools = _project()["tool"]
    assert tools["ruff"]["target-version"] == f"py3{oldest}"
    assert tools["mypy"]["python_version"] == f"3.{oldest}"


def test_readme_and_getting_started_state_the_range():
    (_, oldest), (_, newest), (major, minor) = _range()
    stated = f"Python 3.{oldest} to 3.{newest} with NumPy {major}.{minor} or newer"
    for page in (ROOT / "README.md", ROOT / "docs" / "getting-started.rst"):
        text = " ".join(page.read_text(encoding="utf-8").split())
        assert stated in text, f"{page.name} does not say {stated!r}"


def test_this_environment_is_in_the_range():
    oldest, _, numpy_floor = _range()
    assert sys.version_info[:2] >= oldest
    assert _minor(np.__version__) >= numpy_floor
