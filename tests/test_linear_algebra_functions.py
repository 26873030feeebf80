"""matmul, matrix_transpose, tensordot and vecdot against NumPy (vecdot against an
explicit sum of conjugated products)."""

import functools

import numpy as np
import pytest
from _axis_helpers import (
    ALL_NAMES,
    COMPLEX_NAMES,
    FLOAT_NAMES,
    arrays,
    assert_is_view,
    assert_matches,
    assert_signature_matches_strict,
    quiet,
    requires_cuda,
    shapes,
    tensor,
)
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xtensor as xp

FUNCTIONS = ("matmul", "matrix_transpose", "tensordot", "vecdot")


@pytest.mark.parametrize("name", FUNCTIONS)
def test_signature_is_the_standards(name):
    assert_signature_matches_strict(name)


def common(*arrays_):
    # xtensor's table answers as NumPy's result_type for every pair of dtypes
    return functools.reduce(np.result_type, [a.dtype for a in arrays_])


def assert_close(result, expected):
    """Equal for exact dtypes; close (relative to the dtype's precision) for floats."""
    expected = np.asarray(expected)
    got = result.numpy()
    assert got.shape == expected.shape and got.dtype == expected.dtype, (got, expected)
    if got.dtype.kind in "fc":
        rtol = {2: 1e-2, 4: 1e-4, 8: 1e-10}[np.finfo(got.dtype).bits // 8]
        np.testing.assert_allclose(got, expected, rtol=rtol, atol=rtol * 100)
    else:
        np.testing.assert_array_equal(got, expected)


# --- matmul --------------------------------------------------------------------------


@given(
    shapes_=hnp.mutually_broadcastable_shapes(
        signature="(m?,n),(n,p?)->(m?,p?)", max_dims=4, max_side=3
    ),
    data=st.data(),
)
def test_matmul_matches_numpy(shapes_, data):
    a = data.draw(arrays(ALL_NAMES, shapes_.input_shapes[0], small=True))
    b = data.draw(arrays(ALL_NAMES, shapes_.input_shapes[1], small=True))
    dtype = common(a, b)
    with quiet():
        result = xp.matmul(tensor(a), tensor(b))
        expected = np.matmul(a.astype(dtype), b.astype(dtype))
    assert_close(result, expected)  # BLAS may sum in another order for strided input
    assert result.shape == shapes_.result_shape


def test_matmul_is_the_matmul_operator_and_does_not_conjugate():
    a = xp.asarray([[1j, 2], [3, 4]])
    b = xp.asarray([[1, 0], [0, 1j]])
    assert xp.matmul(a, b).tolist() == (a @ b).tolist() == [[1j, 2j], [3, 4j]]
    assert xp.matmul(xp.asarray([1, 2]), xp.asarray([3, 4])).shape == ()
    assert (
        xp.matmul(xp.asarray(np.ones((2, 0))), xp.asarray(np.ones((0, 3)))).tolist()
        == [[0.0] * 3] * 2
    )


def test_matmul_errors():
    m = xp.asarray(np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"matmul: both tensors need at least one dimension"):
        xp.matmul(xp.asarray(1.0), m)
    with pytest.raises(ValueError, match=r"x1 of shape \(2, 3\) has 3 columns but x2 of shape"):
        xp.matmul(m, m)
    with pytest.raises(ValueError, match=r"x2 of shape \(2,\) has 2 rows"):
        xp.matmul(m, xp.asarray([1.0, 2.0]))
    with pytest.raises(ValueError, match=r"matmul: shapes \(2,\), \(3,\) do not broadcast"):
        xp.matmul(xp.asarray(np.ones((2, 2, 3))), xp.asarray(np.ones((3, 3, 1))))
    with pytest.raises(TypeError, match="matmul: x2 must be an xtensor Tensor, got ndarray"):
        xp.matmul(m, np.ones((3, 2)))


# --- matrix_transpose ---------------------------------------------------------------


@given(a=arrays(ALL_NAMES, shapes(min_dims=2)))
def test_matrix_transpose_is_a_view(a):
    result = xp.matrix_transpose(tensor(a))
    assert_matches(result, np.swapaxes(a, -1, -2))
    assert_is_view(result, a, lambda s: np.swapaxes(s, -1, -2))


def test_matrix_transpose_errors():
    with pytest.raises(ValueError, match=r"needs a tensor with at least 2 dimensions, got shape"):
        xp.matrix_transpose(xp.asarray([1, 2]))
    with pytest.raises(TypeError, match="matrix_transpose: x must be an xtensor Tensor"):
        xp.matrix_transpose(np.ones((2, 2)))


# --- tensordot -----------------------------------------------------------------------


@st.composite
def tensordot_case(draw):
    a = draw(arrays(ALL_NAMES, shapes(max_dims=3, max_side=3), small=True))
    if draw(st.booleans()):
        n = draw(st.integers(0, a.ndim))
        head = a.shape[a.ndim - n :]
        tail = draw(shapes(max_dims=2, max_side=3))
        b = draw(arrays(ALL_NAMES, head + tail, small=True))
        return a, b, n
    count = draw(st.integers(0, a.ndim))
    first = draw(st.permutations(range(a.ndim)))[:count]
    first = [i - a.ndim if draw(st.booleans()) else i for i in first]
    other = list(draw(shapes(max_dims=2, max_side=3)))
    second = []
    for i in first:
        position = draw(st.integers(0, len(other)))
        other.insert(position, a.shape[i])
        second = [j + 1 if j >= position else j for j in second] + [position]
    b = draw(arrays(ALL_NAMES, tuple(other), small=True))
    return a, b, (tuple(first), tuple(second))


@given(case=tensordot_case())
def test_tensordot_matches_numpy(case):
    a, b, axes = case
    dtype = common(a, b)
    with quiet():
        result = xp.tensordot(tensor(a), tensor(b), axes=axes)
        expected = np.tensordot(a.astype(dtype), b.astype(dtype), axes=axes)
    assert_close(result, expected)


def test_tensordot_values():
    a = xp.asarray(np.arange(6.0).reshape(2, 3))
    b = xp.asarray(np.arange(12.0).reshape(3, 4))
    assert xp.tensordot(a, b, axes=1).tolist() == (a @ b).tolist()
    assert xp.tensordot(a, a, axes=([0, 1], [0, 1])).item() == 55.0
    assert xp.tensordot(a, b, axes=0).shape == (2, 3, 3, 4)
    assert xp.tensordot(a, b, axes=((1,), (-2,))).shape == (2, 4)
    assert xp.tensordot(a, a, axes=(1, 1)).tolist() == [[5.0, 14.0], [14.0, 50.0]]


def test_tensordot_errors():
    a = xp.asarray(np.ones((2, 3)))
    with pytest.raises(ValueError, match="tensordot: an int axes must be non-negative, got -1"):
        xp.tensordot(a, a, axes=-1)
    with pytest.raises(ValueError, match=r"tensordot: cannot contract 3 axes of tensors of shapes"):
        xp.tensordot(a, a, axes=3)
    with pytest.raises(ValueError, match="the two sequences of axes must have the same length"):
        xp.tensordot(a, a, axes=((0, 1), (0,)))
    with pytest.raises(ValueError, match=r"axis 1 of x1 \(shape \(2, 3\)\) has size 3 but axis 0"):
        xp.tensordot(a, a, axes=((1,), (0,)))
    with pytest.raises(ValueError, match=r"tensordot: repeated axis in axes \(0, -2\)"):
        xp.tensordot(a, a, axes=((0, -2), (0, 1)))
    with pytest.raises(
        IndexError, match="tensordot: axis 2 in axes is out of range for a 2-d tensor"
    ):
        xp.tensordot(a, a, axes=((2,), (0,)))
    with pytest.raises(TypeError, match="axes must be a non-negative int or two sequences"):
        xp.tensordot(a, a, axes="2")
    with pytest.raises(TypeError, match="axes must be a non-negative int or two sequences"):
        xp.tensordot(a, a, axes=True)


# --- vecdot --------------------------------------------------------------------------


@given(
    shapes_=hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=1, max_dims=4, max_side=3),
    data=st.data(),
)
def test_vecdot_is_the_sum_of_conjugated_products(shapes_, data):
    first, second = shapes_.input_shapes
    n = min(len(first), len(second))
    axis = data.draw(st.integers(-n, -1))
    size = data.draw(st.integers(0, 3))
    first = first[:axis] + (size,) + first[axis:][1:]
    second = second[:axis] + (size,) + second[axis:][1:]
    a = data.draw(arrays(ALL_NAMES, first, small=True))
    b = data.draw(arrays(ALL_NAMES, second, small=True))
    dtype = common(a, b)
    with quiet():
        result = xp.vecdot(tensor(a), tensor(b), axis=axis)
        a_, b_ = a.astype(dtype), b.astype(dtype)
        expected = np.sum(np.conj(a_) * b_, axis=axis, dtype=dtype)
    assert_close(result, expected)


def test_vecdot_conjugates_the_first_argument():
    x1 = xp.asarray([1j, 2j, 3j])
    x2 = xp.asarray([1, 2j, 3])
    assert xp.vecdot(x1, x2).item() == 4 - 10j
    assert xp.vecdot(x1, x2, axis=0).item() == 4 - 10j


def test_vecdot_axis_counts_from_the_end_of_each_tensor():
    a = xp.asarray(np.arange(24.0).reshape(2, 3, 4))
    b = xp.asarray(np.arange(12.0).reshape(3, 4))
    expected = np.einsum("ijk,jk->ik", a.numpy(), b.numpy())
    np.testing.assert_allclose(xp.vecdot(a, b, axis=-2).numpy(), expected)


def test_vecdot_errors():
    a = xp.asarray(np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"vecdot: axis -1 has size 3 in x1 \(shape \(2, 3\)\)"):
        xp.vecdot(a, xp.asarray(np.ones((2, 2))))
    with pytest.raises(IndexError, match=r"vecdot: axis -3 is out of range for tensors of shapes"):
        xp.vecdot(a, a, axis=-3)
    with pytest.raises(ValueError, match=r"vecdot: axis 0 is out of range .* \(2, 3\) and \(3,\)"):
        xp.vecdot(a, xp.asarray(np.ones(3)), axis=0)
    with pytest.raises(ValueError, match=r"vecdot: shapes \(2,\), \(4,\) do not broadcast"):
        xp.vecdot(a, xp.asarray(np.ones((4, 3))))
    with pytest.raises(ValueError, match="out of range"):
        xp.vecdot(xp.asarray(1.0), xp.asarray(1.0))
    with pytest.raises(TypeError, match="vecdot: axis must be an integer, got True"):
        xp.vecdot(a, a, axis=True)
    with pytest.raises(TypeError, match="vecdot: x1 must be an xtensor Tensor"):
        xp.vecdot(np.ones(3), a)


# --- CUDA ------------------------------------------------------------------------------


@requires_cuda
@pytest.mark.parametrize("name", COMPLEX_NAMES + FLOAT_NAMES[1:])
def test_cuda_matches_cpu(name):
    a = (np.arange(24).reshape(2, 3, 4) * (1 + 1j if name.startswith("c") else 1)).astype(name)
    outputs = []
    for device in ("cpu", "cuda"):
        x = xp.asarray(a, device=device)
        results = [
            xp.matmul(x, xp.matrix_transpose(x)),
            xp.matrix_transpose(x),
            xp.tensordot(x, x, axes=((1, 2), (1, 2))),
            xp.vecdot(x, x[0], axis=-2),
        ]
        assert all(r.device == x.device for r in results)
        outputs.append([r.to_device("cpu").numpy() for r in results])
    for got, expected in zip(outputs[1], outputs[0], strict=True):
        np.testing.assert_allclose(got, expected, rtol=1e-5)


@requires_cuda
def test_mixed_devices_are_refused():
    cpu = xp.asarray([1.0, 2.0])
    gpu = xp.asarray([1.0, 2.0], device="cuda")
    for func in (xp.matmul, xp.tensordot, xp.vecdot):
        with pytest.raises(ValueError, match="different devices"):
            func(cpu, gpu)
