"""Every public function and Tensor method has the standard's signature: the same
parameter names, kinds (positional-only, keyword-only) and defaults, plus only the
keyword extensions listed in ``_axis_helpers.SIGNATURE_EXTENSIONS``.

array-api-strict copies the standard's signatures; it is the oracle here. (The
official suite's test_signatures.py checks the same against the standard's stubs.)
"""

import inspect

import pytest
from _axis_helpers import SIGNATURE_EXTENSIONS, standard_parameters

import xtensor as xp
from xtensor import _strict

strict = pytest.importorskip("array_api_strict", reason="array-api-strict not installed")
StrictArray = type(strict.asarray(0))


def _shape(func):
    return [
        (p.name, p.kind, _default(p.default))
        for p in inspect.signature(func).parameters.values()
        if p.name != "self"
    ]


def _default(value):
    # array-api-strict marks some "not given" defaults with a sentinel; the standard
    # writes None there.
    return None if type(value).__name__ == "Undef" else value


def _functions(module):
    return sorted(
        name
        for name in module.__all__
        if inspect.isfunction(getattr(module, name))
        and not name.startswith("__")
        and "array_api_strict" not in name  # strict's own configuration functions
    )


def _pairs():
    for name in _functions(strict):
        yield pytest.param(getattr(strict, name), getattr(xp, name, None), id=name)
    for ext in ("linalg", "fft"):
        theirs, ours = getattr(strict, ext), getattr(xp, ext)
        for name in _functions(theirs):
            yield pytest.param(getattr(theirs, name), getattr(ours, name, None), id=f"{ext}.{name}")


@pytest.mark.parametrize("theirs, ours", list(_pairs()))
def test_function_signature_matches_the_standard(theirs, ours):
    assert ours is not None, f"xtensor lacks {theirs.__name__}"
    assert standard_parameters(ours.__name__, _shape(ours)) == _shape(theirs)


def test_strict_mode_refuses_every_extension_keyword():
    assert _strict.EXTENSION_KEYWORDS == SIGNATURE_EXTENSIONS
    x = xp.asarray([1.0, 2.0])
    for name, keywords in SIGNATURE_EXTENSIONS.items():
        for keyword in keywords:
            with xp.strict(), pytest.raises(TypeError, match=f"the {keyword} keyword is not"):
                getattr(xp, name)(x, **{keyword: xp.float64})


ARRAY_METHODS = sorted(
    name
    for name, member in vars(StrictArray).items()
    # to_device is left out: the standard makes its ``stream`` keyword-only, strict does not
    if inspect.isfunction(member)
    and name.startswith("__")
    and name
    not in {
        "__new__",
        "__init__",
        "__repr__",
        "__str__",
        "__hash__",
        "__getstate__",
        "__setstate__",
        "__array__",
        "__buffer__",
        "__iter__",
        "__len__",
    }
)


@pytest.mark.parametrize("name", ARRAY_METHODS)
def test_tensor_method_signature_matches_the_standard(name):
    assert hasattr(xp.Tensor, name), f"Tensor lacks {name}"
    assert _shape(getattr(xp.Tensor, name)) == _shape(getattr(StrictArray, name))


def test_to_device_signature():
    params = list(inspect.signature(xp.Tensor.to_device).parameters.values())[1:]
    assert [(p.name, p.kind) for p in params] == [
        ("device", inspect.Parameter.POSITIONAL_ONLY),
        ("stream", inspect.Parameter.KEYWORD_ONLY),
    ]


def test_namespace_has_every_name_of_the_standard():
    standard = [
        n for n in strict.__all__ if "array_api_strict" not in n and n != "ArrayAPIStrictFlags"
    ]
    missing = [n for n in standard if not hasattr(xp, n)]
    assert missing == []
