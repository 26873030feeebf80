"""Utility functions: all, any and diff against NumPy."""

import functools

import numpy as np
import pytest
from _axis_helpers import (
    ALL_NAMES,
    arrays,
    assert_is_copy,
    assert_matches,
    assert_signature_matches_strict,
    axes_for,
    quiet,
    requires_cuda,
    shapes,
    tensor,
)
from hypothesis import given
from hypothesis import strategies as st

import xtensor as xp


@pytest.mark.parametrize("name", ["all", "any", "diff"])
def test_signature_is_the_standards(name):
    assert_signature_matches_strict(name)


@pytest.mark.parametrize("name", ["all", "any"])
@given(a=arrays(ALL_NAMES), data=st.data())
def test_all_and_any_match_numpy(name, a, data):
    axis = data.draw(axes_for(a.ndim))
    keepdims = data.draw(st.booleans())
    result = getattr(xp, name)(tensor(a), axis=axis, keepdims=keepdims)
    assert result.dtype == xp.bool
    assert_matches(result, getattr(np, name)(a, axis=axis, keepdims=keepdims))


def test_all_and_any_of_nothing_and_of_special_values():
    empty = xp.asarray(np.zeros((0, 2)))
    assert xp.all(empty).item() is True
    assert xp.any(empty).item() is False
    assert xp.all(empty, axis=0).tolist() == [True, True]
    special = xp.asarray([float("nan"), float("inf"), -float("inf")])
    assert xp.all(special).item() is True
    assert xp.any(xp.asarray([0j, 1j])).item() is True
    assert xp.all(xp.asarray([0j, 1j])).item() is False


@pytest.mark.parametrize("name", ["all", "any"])
def test_all_and_any_errors(name):
    func = getattr(xp, name)
    with pytest.raises(TypeError, match=f"{name}: x must be an xtensor Tensor, got list"):
        func([True])
    with pytest.raises(IndexError, match=f"{name}: axis 1 is out of range for a 1-d tensor"):
        func(xp.asarray([True]), axis=1)
    with pytest.raises(ValueError, match=f"{name}: repeated axis"):
        func(xp.asarray([True]), axis=(0, -1))


@st.composite
def diff_case(draw):
    a = draw(arrays(ALL_NAMES, shapes(min_dims=1)))
    axis = draw(st.integers(-a.ndim, a.ndim - 1))
    n = draw(st.integers(0, 3))
    extras = []
    for _ in range(2):
        if draw(st.booleans()):
            extras.append(None)
            continue
        shape = list(a.shape)
        shape[axis] = draw(st.integers(0, 3))
        name = a.dtype.name if draw(st.booleans()) else draw(st.sampled_from(ALL_NAMES))
        extras.append(draw(arrays((name,), tuple(shape))))
    return a, axis, n, extras[0], extras[1]


@given(case=diff_case())
def test_diff_matches_numpy(case):
    a, axis, n, prepend, append = case
    parts = [p for p in (prepend, a, append) if p is not None]
    common = functools.reduce(np.result_type, [p.dtype for p in parts])
    with quiet():
        result = xp.diff(
            tensor(a),
            axis=axis,
            n=n,
            prepend=None if prepend is None else tensor(prepend),
            append=None if append is None else tensor(append),
        )
        joined = np.concatenate([p.astype(common) for p in parts], axis=axis)
        expected = np.diff(joined, n=n, axis=axis)
    assert_matches(result, expected)
    assert_is_copy(result, a)


def test_diff_values():
    x = xp.asarray([1, 4, 9, 16])
    assert xp.diff(x).tolist() == [3, 5, 7]
    assert xp.diff(x, n=2).tolist() == [2, 2]
    assert xp.diff(x, n=5).tolist() == []
    assert xp.diff(x, prepend=xp.asarray([0]), append=xp.asarray([20])).tolist() == [
        1,
        3,
        5,
        7,
        4,
    ]
    source = np.array([1, 4, 9, 16])
    assert_is_copy(xp.diff(tensor(source), n=0), source)  # n=0 gives a new tensor too
    m = xp.asarray([[1, 2], [4, 8]])
    assert xp.diff(m, axis=0).tolist() == [[3, 6]]


def test_diff_errors():
    x = xp.asarray([[1, 2], [3, 4]])
    with pytest.raises(ValueError, match="diff: needs a tensor with at least one dimension"):
        xp.diff(xp.asarray(1))
    with pytest.raises(ValueError, match="diff: n must be non-negative, got -1"):
        xp.diff(x, n=-1)
    for bad in (1.0, True, "1"):
        with pytest.raises(TypeError, match="diff: n must be an integer"):
            xp.diff(x, n=bad)
    with pytest.raises(IndexError, match="diff: axis 2 is out of range for a 2-d tensor"):
        xp.diff(x, axis=2)
    with pytest.raises(ValueError, match=r"diff: prepend has shape \(1, 3\) but x has shape"):
        xp.diff(x, axis=0, prepend=xp.asarray([[1, 2, 3]]))
    with pytest.raises(ValueError, match=r"diff: append has shape \(2,\) but x has shape"):
        xp.diff(x, append=xp.asarray([1, 2]))
    with pytest.raises(TypeError, match="diff: append must be an xtensor Tensor, got list"):
        xp.diff(x, append=[[1], [2]])
    with pytest.raises(TypeError, match="diff: x must be an xtensor Tensor"):
        xp.diff([1, 2])


@requires_cuda
def test_cuda_matches_cpu():
    a = np.array([[1.0, 0.0, 3.0], [2.0, 2.0, 0.0]])
    outputs = []
    for device in ("cpu", "cuda"):
        x = xp.asarray(a, device=device)
        results = [
            xp.all(x, axis=1),
            xp.any(x, axis=0, keepdims=True),
            xp.diff(x, n=2, prepend=xp.asarray([[5.0], [6.0]], device=device)),
        ]
        assert all(r.device == x.device for r in results)
        outputs.append([r.to_device("cpu").tolist() for r in results])
    assert outputs[0] == outputs[1]


@requires_cuda
def test_mixed_devices_are_refused():
    with pytest.raises(ValueError, match="different devices"):
        xp.diff(xp.asarray([1.0]), append=xp.asarray([2.0], device="cuda"))
