"""Strategies and assertions shared by the tests of the axis-taking functions
(statistical, searching, manipulation, utility, linear algebra).

Inputs are drawn as NumPy arrays (the oracle computes on them) and turned into
tensors sharing their memory; ``strided`` also draws non-contiguous layouts
(steps, reversals, transposes) so that the functions see every kind of strides.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Iterator
from typing import Any

import array_api_strict
import numpy as np
import pytest
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xtensor as xp
from xtensor._backend import cupy_or_none

ALL_NAMES = (
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
)
INT_NAMES = ALL_NAMES[1:9]
FLOAT_NAMES = ("float16", "float32", "float64")
COMPLEX_NAMES = ("complex64", "complex128")
REAL_NAMES = ALL_NAMES[:12]
NUMERIC_NAMES = ALL_NAMES[1:]

requires_cuda = pytest.mark.skipif(cupy_or_none() is None, reason="no CUDA device")


def dtype_names(names: tuple[str, ...] = ALL_NAMES) -> st.SearchStrategy[str]:
    return st.sampled_from(names)


def shapes(min_dims: int = 0, max_dims: int = 4, min_side: int = 0, max_side: int = 4) -> Any:
    return hnp.array_shapes(
        min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side
    )


@st.composite
def arrays(
    draw: Any,
    names: tuple[str, ...] = ALL_NAMES,
    shape: Any = None,
    *,
    finite: bool = False,
    strided: bool = True,
    small: bool = False,
) -> np.ndarray:
    """A NumPy array of one of ``names``; with ``strided``, often a non-contiguous view.

    ``finite``: no NaN or infinity; ``small``: floating-point magnitudes up to 100.
    """
    dtype = np.dtype(draw(st.sampled_from(names)))
    if shape is None:
        shape = shapes()
    target = draw(shape) if not isinstance(shape, tuple) else shape
    elements = None
    if dtype.kind == "f" and small:
        elements = hnp.from_dtype(dtype, min_value=-100, max_value=100, allow_subnormal=False)
    elif dtype.kind == "c" and small:
        elements = hnp.from_dtype(dtype, max_magnitude=100, allow_subnormal=False)
    elif dtype.kind in "fc":
        elements = hnp.from_dtype(
            dtype, allow_nan=not finite, allow_infinity=not finite, allow_subnormal=False
        )
    if not strided or not target or not draw(st.booleans()):
        return draw(hnp.arrays(dtype, target, elements=elements))
    # a strided view of a bigger array with the target shape
    steps = [draw(st.sampled_from((1, 2, -1, -2))) for _ in target]
    base_shape = tuple(max(1, n * abs(s)) for n, s in zip(target, steps, strict=True))
    order = draw(st.permutations(range(len(target))))
    base = draw(hnp.arrays(dtype, tuple(base_shape[i] for i in order), elements=elements))
    base = base.transpose(np.argsort(order))
    view = base[tuple(slice(None, None, s) for s in steps)]
    view = view[tuple(slice(0, n) for n in target)]
    assert view.shape == target
    return view


@st.composite
def axes_for(draw: Any, ndim: int, *, tuples: bool = True, none: bool = True) -> Any:
    """An axis argument for a tensor of ``ndim`` dims: None, an int, or a tuple of ints."""
    options = []
    if none:
        options.append(st.none())
    if ndim:
        options.append(st.integers(-ndim, ndim - 1))
    if tuples:
        options.append(
            st.lists(
                st.integers(-ndim, ndim - 1) if ndim else st.nothing(),
                unique_by=lambda a: a % ndim,
                max_size=ndim,
            ).map(tuple)
        )
    return draw(st.one_of(options))


def tensor(a: np.ndarray) -> xp.Tensor:
    """A tensor sharing ``a``'s memory (the tests write through one and read the other)."""
    return xp.as_tensor(a)


def assert_matches(result: Any, expected: Any, *, exact_dtype: bool = True) -> None:
    """``result`` (a Tensor) equals the NumPy ``expected``: shape, dtype, values (NaN = NaN)."""
    assert isinstance(result, xp.Tensor), type(result)
    expected = np.asarray(expected)
    got = result.numpy()
    assert got.shape == expected.shape, (got.shape, expected.shape)
    if exact_dtype:
        assert got.dtype == expected.dtype, (got.dtype, expected.dtype)
    np.testing.assert_array_equal(got, expected, strict=False)


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """NumPy's floating-point warnings off: overflow and inf - inf are expected results."""
    with np.errstate(all="ignore"):
        yield


# Keywords xtensor adds to the standard's signatures (the standard lets implementations
# add arguments): each is one that NumPy and PyTorch share with the same meaning, and
# one that a library calls (Cubed passes ``dtype`` to ``mean``). They come after the
# standard's parameters, keyword-only, default None; strict mode refuses them.
SIGNATURE_EXTENSIONS: dict[str, tuple[str, ...]] = {"mean": ("dtype",)}


def standard_parameters(name: str, parameters: list[tuple[str, Any, Any]]) -> list[Any]:
    """``parameters`` (name, kind, default) of xtensor's ``name`` without its extensions,
    after checking that the extensions are spelled as SIGNATURE_EXTENSIONS says."""
    extensions = SIGNATURE_EXTENSIONS.get(name.rpartition(".")[2], ())
    if not extensions:
        return parameters
    tail = parameters[-len(extensions) :]
    assert tail == [(k, inspect.Parameter.KEYWORD_ONLY, None) for k in extensions], tail
    return parameters[: -len(extensions)]


def assert_signature_matches_strict(name: str) -> None:
    """xtensor's function ``name`` has the standard's signature (parameter names, kinds
    and defaults), as array-api-strict (the reference implementation) spells it, plus
    only the keywords listed in SIGNATURE_EXTENSIONS."""
    ours = inspect.signature(getattr(xp, name))
    theirs = inspect.signature(getattr(array_api_strict, name))
    assert standard_parameters(
        name, [(p.name, p.kind, p.default) for p in ours.parameters.values()]
    ) == [(p.name, p.kind, p.default) for p in theirs.parameters.values()]


def change_every_element(a: np.ndarray) -> None:
    """Write a new value into every element of ``a`` (in place, through any view)."""
    if a.dtype == np.bool_:
        np.logical_not(a, out=a)
    else:
        a[...] = np.where(a == 1, 2, 1).astype(a.dtype)


def assert_is_view(result: xp.Tensor, source: np.ndarray, oracle: Any) -> None:
    """``result`` shares ``source``'s memory: after a write into every element of
    ``source``, reading ``result`` gives ``oracle(source)`` afresh."""
    change_every_element(source)
    np.testing.assert_array_equal(result.numpy(), oracle(source), strict=True)


def assert_is_copy(result: xp.Tensor, source: np.ndarray) -> None:
    """``result`` does not share ``source``'s memory: writing into ``source`` leaves it."""
    before = result.numpy().copy()
    change_every_element(source)
    np.testing.assert_array_equal(result.numpy(), before, strict=True)
