"""The Tensor object: attributes, strided introspection, views, operators' contracts,
conversions to Python, printing, and the errors of each."""

import operator

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xtensor as xp


def strided_views():
    """NumPy arrays with every kind of layout: sliced, stepped, transposed, flipped."""

    @st.composite
    def build(draw):
        shape = draw(hnp.array_shapes(min_dims=1, max_dims=4, min_side=0, max_side=5))
        base = np.arange(np.prod(shape), dtype=np.float64).reshape(shape)  # distinct values
        view = base
        for axis in range(base.ndim):
            step = draw(st.sampled_from([1, 2, -1, -2]))
            view = view[(slice(None),) * axis + (slice(None, None, step),)]
        if draw(st.booleans()):
            view = view.T
        return base, view

    return build()


def test_no_public_constructor():
    with pytest.raises(TypeError, match="no public constructor"):
        xp.Tensor()


@given(strided_views())
def test_strides_and_offset_match_numpy(base_and_view):
    base, view = base_and_view
    t = xp.as_tensor(view)
    assert t.stride() == tuple(s // view.itemsize for s in view.strides)
    assert t.shape == view.shape
    if view.size:
        # the element at the storage offset is the first element of the view
        flat = base.reshape(-1)
        assert flat[t.storage_offset()] == view[(0,) * view.ndim]
    assert t.is_contiguous() == (view.flags.c_contiguous or view.size <= 1)
    c = t.contiguous()
    assert c.is_contiguous()
    np.testing.assert_array_equal(c.numpy(), view)
    assert t.element_size() == 8
    assert t.nbytes == view.nbytes
    if view.size:
        assert t.data_ptr() == view.__array_interface__["data"][0]


def test_stride_of_one_dimension():
    t = xp.as_tensor(np.zeros((2, 3, 4)))
    assert t.stride(0) == 12
    assert t.stride(-1) == 1
    with pytest.raises(IndexError, match="stride: dim 3 is out of range"):
        t.stride(3)


def test_contiguity_ignores_size_one_dimensions():
    a = np.zeros((3, 1, 4))
    view = np.lib.stride_tricks.as_strided(a, shape=(3, 1, 4), strides=(32, 999 * 8, 8))
    assert xp.as_tensor(view).is_contiguous()


@given(hnp.arrays(np.int64, hnp.array_shapes(min_dims=1, max_dims=3, min_side=1)), st.data())
def test_basic_indexing_is_a_view(a, data):
    t = xp.as_tensor(a)
    key = data.draw(hnp.basic_indices(a.shape, allow_newaxis=True))
    view = t[key]
    expected = a[key]
    assert view.shape == np.shape(expected)
    if view.size:
        view[...] = 7
        assert (np.asarray(a[key]) == 7).all()


def test_integer_index_gives_a_0d_view():
    t = xp.asarray([1.0, 2.0, 3.0])
    element = t[1]
    assert element.ndim == 0
    element[...] = 20.0
    assert t[1].item() == 20.0


def test_advanced_indexing_with_tensors():
    t = xp.asarray([[1, 2], [3, 4]])
    assert t[xp.asarray([1, 0])].tolist() == [[3, 4], [1, 2]]
    assert t[(xp.asarray([0, 1]), xp.asarray([1, 1]))].tolist() == [2, 4]
    assert t[xp.asarray([[True, False], [False, True]])].tolist() == [1, 4]


def test_setitem_values():
    t = xp.zeros((2, 2)) if hasattr(xp, "zeros") else xp.asarray([[0.0, 0.0], [0.0, 0.0]])
    t[0] = 1.5
    t[1] = xp.asarray([2.0, 3.0])
    t[1, 0] = np.float64(4.0)
    assert t.tolist() == [[1.5, 1.5], [4.0, 3.0]]


def test_out_of_bounds_index():
    t = xp.asarray([1, 2, 3])
    with pytest.raises(IndexError):
        t[3]
    with pytest.raises(IndexError):
        t[0, 0]


def test_transposes_are_views():
    a = np.arange(6.0).reshape(2, 3)
    t = xp.as_tensor(a)
    t.T[2, 1] = 100.0
    assert a[1, 2] == 100.0
    s = xp.as_tensor(np.zeros((2, 3, 4)))
    assert s.mT.shape == (2, 4, 3)
    assert s.mT.stride() == (12, 1, 4)
    with pytest.raises(ValueError, match="Tensor.T needs a 2-d tensor, got 3-d"):
        _ = s.T
    with pytest.raises(ValueError, match="at least 2 dimensions"):
        _ = xp.asarray([1]).mT


def test_attributes():
    t = xp.asarray([[1, 2, 3]], dtype=xp.int32)
    assert t.dtype == xp.int32
    assert t.dtype != xp.int64
    assert t.device == xp.Device("cpu") == "cpu"
    assert (t.ndim, t.shape, t.size) == (2, (1, 3), 3)


@pytest.mark.parametrize(
    "data, text",
    [
        ([1, 2, 3], "tensor([1, 2, 3])"),
        ([1.0, 2.5], "tensor([1. , 2.5])"),
        (3, "tensor(3)"),
        ([True], "tensor([ True])"),
    ],
)
def test_repr_reads_like_pytorch(data, text):
    assert repr(xp.asarray(data)) == text
    assert str(xp.asarray(data)) == text


def test_repr_shows_non_default_dtype_and_empty_size():
    assert repr(xp.asarray([1, 2], dtype=xp.int32)) == "tensor([1, 2], dtype=xtensor.int32)"
    assert repr(xp.asarray(np.zeros((0, 3)))) == "tensor([], size=(0, 3))"


def test_python_scalar_conversions():
    assert bool(xp.asarray(True)) is True
    assert int(xp.asarray(7)) == 7
    assert float(xp.asarray(2.5)) == 2.5
    assert complex(xp.asarray(1 + 2j)) == 1 + 2j
    assert operator.index(xp.asarray(3, dtype=xp.int8)) == 3
    assert xp.asarray([[5]]).item() == 5
    assert xp.asarray([[1, 2]]).tolist() == [[1, 2]]


def test_python_scalar_conversion_errors():
    with pytest.raises(ValueError, match="ambiguous"):
        bool(xp.asarray([1, 2]))
    with pytest.raises(TypeError, match="only a tensor with one element"):
        float(xp.asarray([1.0, 2.0]))
    with pytest.raises(TypeError, match="__index__ needs an integer tensor"):
        operator.index(xp.asarray(1.0))
    with pytest.raises(TypeError, match="cannot convert a complex tensor to float"):
        float(xp.asarray(1j))
    with pytest.raises(ValueError, match="exactly one element"):
        xp.asarray([1, 2]).item()
    with pytest.raises(OverflowError):
        int(xp.asarray(float("inf")))
    with pytest.raises(ValueError):
        int(xp.asarray(float("nan")))


def test_len_and_iteration():
    t = xp.asarray([[1, 2], [3, 4]])
    assert len(t) == 2
    assert [row.tolist() for row in t] == [[1, 2], [3, 4]]
    with pytest.raises(TypeError, match="0-d"):
        len(xp.asarray(1))
    with pytest.raises(TypeError, match="0-d"):
        iter(xp.asarray(1))


def test_array_namespace_versions():
    t = xp.asarray(1)
    assert t.__array_namespace__() is xp
    assert t.__array_namespace__(api_version="2025.12") is xp
    for version in ("2021.12", "2022.12", "2023.12", "2024.12"):  # tests/test_api_versions.py
        assert t.__array_namespace__(api_version=version).__array_api_version__ == version
    with pytest.raises(ValueError, match="api_version must be .*, got '2020.10'"):
        t.__array_namespace__(api_version="2020.10")


def test_numpy_interop():
    a = np.arange(3.0)
    t = xp.as_tensor(a)
    assert np.shares_memory(t.numpy(), a)
    assert np.shares_memory(np.asarray(t), a)
    assert not np.shares_memory(np.array(t, copy=True), a)
    assert np.asarray(t, dtype=np.float32).dtype == np.float32
    with pytest.raises(ValueError, match="a copy is needed"):
        t.__array__(dtype=np.float32, copy=False)


@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=0, max_dims=2)), st.floats(-5, 5))
def test_inplace_operators_write_into_the_same_memory(a, value):
    t = xp.as_tensor(a)
    expected = a + value
    view = t[...]
    t += value
    np.testing.assert_array_equal(a, expected)
    np.testing.assert_array_equal(view.numpy(), expected)


@pytest.mark.parametrize(
    "dtype, value, op",
    [
        (xp.int64, 1.5, operator.iadd),
        (xp.int32, 2, operator.itruediv),
        (xp.bool, 1, operator.iadd),
        (xp.float32, 1j, operator.imul),
    ],
)
def test_inplace_refuses_dtype_change(dtype, value, op):
    t = xp.asarray([1, 0], dtype=dtype)
    before = t.tolist()
    with pytest.raises(TypeError, match="in-place operations cannot change a tensor's dtype"):
        op(t, value)
    assert t.tolist() == before


def test_inplace_refuses_dtype_change_between_tensors():
    t = xp.asarray([1, 2], dtype=xp.int8)
    with pytest.raises(TypeError, match="int16 differs from the tensor's int8"):
        t += xp.asarray([1, 2], dtype=xp.int16)
    assert t.tolist() == [1, 2]


def test_inplace_refuses_broadcasting_the_tensor_itself():
    t = xp.asarray([1.0, 2.0])
    with pytest.raises(ValueError):
        t += xp.asarray([[1.0, 2.0], [3.0, 4.0]])
    assert t.tolist() == [1.0, 2.0]


def test_operators_with_unsupported_operands():
    t = xp.asarray([1, 2])
    with pytest.raises(TypeError):
        t + "a"
    with pytest.raises(TypeError):
        t + np.array(["a", "b"])
    with pytest.raises(TypeError):
        t + [1, 2]
    assert (t == None) is False  # noqa: E711 -- falls back to identity, like object


def test_numpy_operands_take_part_as_tensors():
    t = xp.asarray([1, 2])
    for result in (t + np.array([10, 20]), np.array([10, 20]) + t, t * np.int64(2)):
        assert isinstance(result, xp.Tensor)
    assert (np.array([10, 20]) - t).tolist() == [9, 18]
    assert (t < np.array([2, 2])).tolist() == [True, False]


def test_out_of_range_python_int_operand():
    t = xp.asarray([1], dtype=xp.int8)
    with pytest.raises(OverflowError):
        t + 300
    with pytest.raises(OverflowError):
        t[0] = 300
    assert t.tolist() == [1]


def test_broadcast_views_are_read_only():
    a = np.broadcast_to(np.arange(3.0), (2, 3))
    t = xp.as_tensor(a)
    assert t.stride() == (0, 1)
    with pytest.raises(ValueError, match="read-only"):
        t[0, 0] = 1.0


def test_to_device_same_device_is_identity():
    t = xp.asarray([1])
    assert t.to_device("cpu") is t
    assert t.to_device(xp.Device("cpu")) is t
    with pytest.raises(ValueError, match="unknown device"):
        t.to_device("gpu")


def test_cuda_without_gpu_says_how_to_get_one():
    from xtensor import _backend

    if _backend.cupy_or_none() is not None:
        pytest.skip("a CUDA device is present: this test is for machines without one")
    with pytest.raises(ValueError, match=r"pip install xtensor\[cuda\]"):
        xp.asarray([1], device="cuda")
    with pytest.raises(ValueError, match=r"pip install xtensor\[cuda\]"):
        xp.asarray([1]).to_device("cuda:0")
