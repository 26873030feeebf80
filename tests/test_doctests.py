"""The examples in xtensor's docstrings run, and every public function documents itself.

Each module's doctests run with ``xp`` bound to ``xtensor`` (the docstrings assume
``import xtensor as xp``), so an example can't lean on a module's private names.
The second half checks that every public function of the namespace, of ``linalg`` and
``fft``, and of ``__array_namespace_info__()`` has a NumPy-style docstring with the
sections that matter to a user (Parameters, naming every parameter, and Raises where
the function takes arguments; Returns; Examples), and that the public result types
(``finfo``/``iinfo``'s, ``unique_*``'s, ``linalg``'s) describe their Attributes with
Examples.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import io
import pkgutil
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import xtensor as xp

MODULES = sorted(m.name for m in pkgutil.walk_packages(xp.__path__, "xtensor."))
FLAGS = doctest.ELLIPSIS


def test_every_module_is_collected() -> None:
    for name in ("xtensor._creation_functions", "xtensor.linalg", "xtensor.fft", "xtensor._info"):
        assert name in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    out = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    for test in doctest.DocTestFinder().find(module, globs={"xp": xp}):
        runner.run(test, out=out.write)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}:\n{out.getvalue()}"


def test_a_wrong_example_fails() -> None:
    """The runner above reports a wrong output (the doctests are not vacuous)."""

    def documented() -> None:
        """
        >>> xp.asarray([1, 2]) + 1
        tensor([2, 4])
        """

    runner = doctest.DocTestRunner(optionflags=FLAGS)
    for test in doctest.DocTestFinder().find(documented, "documented", globs={"xp": xp}):
        runner.run(test, out=lambda s: None)
    assert runner.summarize(verbose=False).failed == 1


# --- every public function documents Parameters, Returns and Examples ---------------------


def _public_functions() -> Iterator[tuple[str, Callable[..., Any]]]:
    for module in (xp, xp.linalg, xp.fft):
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                yield f"{module.__name__}.{name}", obj
    info = xp.__array_namespace_info__()
    for name in dir(info):
        if not name.startswith("_"):
            yield f"xtensor.__array_namespace_info__().{name}", getattr(info, name)


PUBLIC_FUNCTIONS = dict(_public_functions())
PUBLIC_TYPES = {
    f"{module.__name__}.{name}": getattr(module, name)
    for module in (xp, xp.linalg)
    for name in module.__all__
    if inspect.isclass(getattr(module, name))
    and getattr(module, name).__module__.startswith("xtensor.")
    and name not in ("Tensor", "Device", "CopyError")  # documented by their owners
}


def _sections(doc: str) -> set[str]:
    """The NumPy-style section titles of ``doc`` (a title underlined with dashes)."""
    return set(re.findall(r"^\s*([A-Z][A-Za-z ]+)\n\s*-{3,}\s*$", doc, flags=re.MULTILINE))


def test_sections_are_found() -> None:
    doc = "Summary.\n\n    Parameters\n    ----------\n    x\n\n    Returns\n    -------\n"
    assert _sections(doc) == {"Parameters", "Returns"}


def test_public_types_are_collected() -> None:
    for name in ("FloatInfo", "IntInfo", "UniqueAllResult", "linalg.SVDResult"):
        assert f"xtensor.{name}" in PUBLIC_TYPES


def test_public_functions_are_collected() -> None:
    for name in (
        "xtensor.asarray",
        "xtensor.linalg.svd",
        "xtensor.fft.fftfreq",
        "xtensor.__array_namespace_info__().dtypes",
    ):
        assert name in PUBLIC_FUNCTIONS
    assert len(PUBLIC_FUNCTIONS) >= 182


@pytest.mark.parametrize("name", sorted(PUBLIC_FUNCTIONS))
def test_public_function_docstring(name: str) -> None:
    func = PUBLIC_FUNCTIONS[name]
    doc = inspect.getdoc(func) or ""
    assert doc and not doc.startswith("\n"), f"{name} has no summary line"
    required = {"Returns", "Examples"}
    if inspect.signature(func).parameters:
        required |= {"Parameters", "Raises"}
    missing = required - _sections(doc)
    assert not missing, f"{name}'s docstring lacks the section(s) {sorted(missing)}"
    assert ">>> " in doc, f"{name}'s Examples section has no example"
    parameters = doc.split("Parameters\n----------\n", 1)[-1].split("Returns\n-------\n")[0]
    for param in inspect.signature(func).parameters:
        assert re.search(rf"(^|[ ,*]){param}\b", parameters, flags=re.MULTILINE), (
            f"{name}'s Parameters section does not describe {param!r}"
        )


@pytest.mark.parametrize("name", sorted(PUBLIC_TYPES))
def test_public_type_docstring(name: str) -> None:
    doc = inspect.getdoc(PUBLIC_TYPES[name]) or ""
    missing = {"Attributes", "Examples"} - _sections(doc)
    assert not missing, f"{name}'s docstring lacks the section(s) {sorted(missing)}"
