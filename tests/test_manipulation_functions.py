"""Manipulation functions: NumPy computes the expected values; views are proved by
writing into the source array and reading the result again, copies by the opposite."""

import functools
import math

import numpy as np
import pytest
from _axis_helpers import (
    ALL_NAMES,
    arrays,
    assert_is_copy,
    assert_is_view,
    assert_matches,
    assert_signature_matches_strict,
    axes_for,
    requires_cuda,
    shapes,
    tensor,
)
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xtensor as xp
from xtensor._manipulation_functions import reshape_obstacle

FUNCTIONS = (
    "broadcast_arrays",
    "broadcast_shapes",
    "broadcast_to",
    "concat",
    "expand_dims",
    "flip",
    "moveaxis",
    "permute_dims",
    "repeat",
    "reshape",
    "roll",
    "squeeze",
    "stack",
    "tile",
    "unstack",
)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_signature_is_the_standards(name):
    assert_signature_matches_strict(name)


@pytest.mark.parametrize(
    "name", [n for n in FUNCTIONS if n not in ("broadcast_shapes", "broadcast_arrays", "concat")]
)
def test_non_tensors_are_refused(name):
    args = {
        "broadcast_to": ((2,),),
        "expand_dims": (0,),
        "moveaxis": (0, 0),
        "permute_dims": ((0,),),
        "repeat": (2,),
        "reshape": ((2,),),
        "roll": (1,),
        "squeeze": (0,),
        "tile": ((2,),),
    }.get(name, ())
    if name == "stack":
        with pytest.raises(TypeError, match=r"stack: arrays\[0\] must be an xtensor Tensor"):
            xp.stack([np.ones(2)])
        return
    with pytest.raises(TypeError, match=f"{name}: x must be an xtensor Tensor, got ndarray"):
        getattr(xp, name)(np.ones(2), *args)


# --- broadcasting ------------------------------------------------------------------


@given(st.integers(1, 4).flatmap(lambda n: hnp.mutually_broadcastable_shapes(num_shapes=n)))
def test_broadcast_shapes_matches_numpy(shapes_):
    assert xp.broadcast_shapes(*shapes_.input_shapes) == shapes_.result_shape
    assert xp.broadcast_shapes(*shapes_.input_shapes) == np.broadcast_shapes(*shapes_.input_shapes)


def test_broadcast_shapes_errors():
    assert xp.broadcast_shapes() == ()
    assert xp.broadcast_shapes((0,), (1,)) == (0,)
    with pytest.raises(ValueError, match=r"shapes \(2, 3\), \(4,\) do not broadcast"):
        xp.broadcast_shapes((2, 3), (4,))
    with pytest.raises(ValueError, match=r"shapes \(0,\), \(2,\) do not broadcast"):
        xp.broadcast_shapes((0,), (2,))
    with pytest.raises(ValueError, match="a shape cannot have negative sizes"):
        xp.broadcast_shapes((-1, 2))
    with pytest.raises(TypeError, match="broadcast_shapes: shapes must be a tuple of integers"):
        xp.broadcast_shapes(3)
    with pytest.raises(TypeError, match="broadcast_shapes: shapes must be an integer, got None"):
        xp.broadcast_shapes((None, 2))


@st.composite
def broadcast_targets(draw, shape):
    """A shape that ``shape`` broadcasts to."""
    extra = draw(st.lists(st.integers(0, 3), max_size=2))
    grown = tuple(draw(st.integers(0, 3)) if n == 1 else n for n in shape)
    return tuple(extra) + grown


@given(a=arrays(ALL_NAMES), data=st.data())
def test_broadcast_to_is_a_read_only_view(a, data):
    target = data.draw(broadcast_targets(a.shape))
    result = xp.broadcast_to(tensor(a), target)
    assert_matches(result, np.broadcast_to(a, target))
    assert result.is_readonly
    with pytest.raises(ValueError, match="read-only"):
        result[...] = 0
    assert_is_view(result, a, lambda s: np.broadcast_to(s, target))


def test_broadcast_to_errors():
    x = xp.asarray([1, 2, 3])
    with pytest.raises(ValueError, match=r"shape \(3,\) cannot be broadcast to shape \(2, 4\)"):
        xp.broadcast_to(x, (2, 4))
    with pytest.raises(ValueError, match=r"cannot be broadcast to shape \(\)"):
        xp.broadcast_to(x, ())
    with pytest.raises(TypeError, match="broadcast_to: shape must be an int or a tuple of ints"):
        xp.broadcast_to(x, (3.0,))


@given(data=st.data())
def test_broadcast_arrays_are_views_read_only_where_expanded(data):
    count = data.draw(st.integers(1, 3))
    shapes_ = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=count))
    sources = [data.draw(arrays(ALL_NAMES, s)) for s in shapes_.input_shapes]
    result = xp.broadcast_arrays(*[tensor(s) for s in sources])
    assert isinstance(result, tuple)
    shape = shapes_.result_shape
    for r, e, s in zip(result, np.broadcast_arrays(*sources), sources, strict=True):
        assert_matches(r, e)
        padded = (1,) * (len(shape) - s.ndim) + s.shape
        expanded = any(n != m for n, m in zip(padded, shape, strict=True))
        assert r.is_readonly == (expanded or not s.flags.writeable)
    for r, s in zip(result, sources, strict=True):
        assert_is_view(r, s, lambda s: np.broadcast_to(s, shapes_.result_shape))


def test_broadcast_arrays_of_one_shape_are_writeable_views():
    """As in NumPy and array-api-strict (SciPy writes into them)."""
    a, b = xp.zeros((2, 3)), xp.ones((2, 3))
    ra, rb = xp.broadcast_arrays(a, b)
    assert not ra.is_readonly and not rb.is_readonly
    ra[0, 0] = 5.0
    assert a[0, 0] == 5.0  # the same memory
    na, nb = np.broadcast_arrays(np.zeros((2, 3)), np.ones((2, 3)))
    assert na.flags.writeable and nb.flags.writeable


def test_broadcast_arrays_write_protect_only_expanded_results():
    a, b, c = xp.zeros((2, 1)), xp.zeros((2, 3)), xp.zeros(3)
    ra, rb, rc = xp.broadcast_arrays(a, b, c)
    assert ra.is_readonly and rc.is_readonly  # (2, 1) and (3,) repeat in (2, 3)
    assert not rb.is_readonly
    rb[1, 2] = 7.0
    assert b[1, 2] == 7.0
    with pytest.raises(ValueError, match="read-only"):
        ra[0, 0] = 1.0
    # new leading axes of size 1 repeat nothing: the result stays writeable
    d, e = xp.broadcast_arrays(xp.zeros(3), xp.zeros((1, 3)))
    assert not d.is_readonly and d.shape == (1, 3)
    d[0, 1] = 2.0
    # a 0-d tensor with a 0-d tensor
    (f,) = xp.broadcast_arrays(xp.asarray(1.0))
    assert f.shape == () and not f.is_readonly
    # read-only input stays read-only
    frozen = np.zeros((2, 3))
    frozen.flags.writeable = False
    g, _ = xp.broadcast_arrays(xp.asarray(frozen), b)
    assert g.is_readonly


def test_broadcast_arrays_errors():
    assert xp.broadcast_arrays() == ()
    with pytest.raises(ValueError, match=r"broadcast_arrays: shapes \(2,\), \(3,\)"):
        xp.broadcast_arrays(xp.asarray([1, 2]), xp.asarray([1, 2, 3]))
    with pytest.raises(TypeError, match=r"arrays\[1\] must be an xtensor Tensor, got list"):
        xp.broadcast_arrays(xp.asarray([1, 2]), [1, 2])


# --- joining -------------------------------------------------------------------------


@st.composite
def join_case(draw, *, same_shape):
    base = draw(shapes(max_dims=3))
    count = draw(st.integers(1, 4))
    names = [draw(st.sampled_from(ALL_NAMES)) for _ in range(count)]
    axis = draw(st.none() | (st.integers(-len(base), len(base) - 1) if base else st.nothing()))
    parts = []
    for name in names:
        shape = base
        if not same_shape and axis is not None:
            shape = list(base)
            shape[axis] = draw(st.integers(0, 3))
            shape = tuple(shape)
        elif not same_shape:
            shape = draw(shapes(max_dims=3))
        parts.append(draw(arrays((name,), shape)))
    return parts, axis


def common_dtype(parts):
    # xtensor's promotion table answers as NumPy's result_type for every pair; several
    # dtypes promote pair by pair, from the left (NumPy's result_type of three mixed
    # kinds can differ: int8, uint8, float16 give float16 at once, float32 in pairs)
    return functools.reduce(np.result_type, [p.dtype for p in parts])


@given(case=join_case(same_shape=False))
def test_concat_matches_numpy_with_promotion(case):
    parts, axis = case
    common = common_dtype(parts)
    result = xp.concat([tensor(p) for p in parts], axis=axis)
    expected = np.concatenate([p.astype(common) for p in parts], axis=axis)
    assert_matches(result, expected)
    for p in parts:
        assert_is_copy(result, p)


def test_concat_promotes_by_the_standards_table():
    out = xp.concat((xp.asarray(np.ones(1, np.int8)), xp.asarray(np.ones(1, np.uint8))))
    assert out.dtype == xp.int16
    out = xp.concat([xp.asarray(np.ones(1, np.float32)), xp.asarray(np.ones(1, np.complex64))])
    assert out.dtype == xp.complex64
    assert xp.concat([xp.asarray(1), xp.asarray([2, 3])], axis=None).tolist() == [1, 2, 3]


def test_concat_errors():
    x = xp.asarray([[1, 2]])
    with pytest.raises(ValueError, match="concat: needs at least one tensor, got an empty list"):
        xp.concat([])
    with pytest.raises(TypeError, match="concat: expected a tuple or list of Tensors, got Tensor"):
        xp.concat(x)
    with pytest.raises(TypeError, match=r"concat: arrays\[1\] must be an xtensor Tensor"):
        xp.concat([x, [[1, 2]]])
    with pytest.raises(ValueError, match="0-d tensors have no axis to join along"):
        xp.concat([xp.asarray(1), xp.asarray(2)])
    with pytest.raises(ValueError, match=r"arrays\[1\] has shape \(1, 3\) but arrays\[0\] has"):
        xp.concat([x, xp.asarray([[1, 2, 3]])])
    with pytest.raises(ValueError, match=r"arrays\[1\] has shape \(2,\)"):
        xp.concat([x, xp.asarray([1, 2])])
    with pytest.raises(IndexError, match="concat: axis 2 is out of range for a 2-d tensor"):
        xp.concat([x, x], axis=2)


@given(case=join_case(same_shape=True))
def test_stack_matches_numpy_with_promotion(case):
    parts, _ = case
    ndim = parts[0].ndim
    for axis in range(-ndim - 1, ndim + 1):
        result = xp.stack(tuple(tensor(p) for p in parts), axis=axis)
        assert_matches(result, np.stack([p.astype(common_dtype(parts)) for p in parts], axis))
    assert_is_copy(result, parts[0])


def test_stack_errors():
    x = xp.asarray([1, 2])
    with pytest.raises(ValueError, match=r"arrays\[1\] has shape \(3,\) but arrays\[0\] has"):
        xp.stack([x, xp.asarray([1, 2, 3])])
    with pytest.raises(IndexError, match="stack: axis 2 is out of range for a 2-d tensor"):
        xp.stack([x, x], axis=2)
    with pytest.raises(IndexError, match="stack: axis -3 is out of range"):
        xp.stack([x, x], axis=-3)
    with pytest.raises(ValueError, match="stack: needs at least one tensor"):
        xp.stack(())


@given(a=arrays(ALL_NAMES, shapes(min_dims=1)), data=st.data())
def test_unstack_gives_views(a, data):
    axis = data.draw(st.integers(-a.ndim, a.ndim - 1))
    result = xp.unstack(tensor(a), axis=axis)
    assert isinstance(result, tuple)
    assert len(result) == a.shape[axis]
    for i, r in enumerate(result):
        assert_matches(r, np.take(a, i, axis=axis))
    for i, r in enumerate(result):
        assert_is_view(r, a, lambda s, i=i: np.take(s, i, axis=axis))


def test_unstack_errors():
    with pytest.raises(IndexError, match="unstack: axis 0 is out of range: a 0-d tensor"):
        xp.unstack(xp.asarray(1))
    with pytest.raises(IndexError, match="unstack: axis -2 is out of range for a 1-d tensor"):
        xp.unstack(xp.asarray([1]), axis=-2)


# --- shape ---------------------------------------------------------------------------


@given(a=arrays(ALL_NAMES), data=st.data())
def test_expand_dims_with_an_int_is_a_view(a, data):
    axis = data.draw(st.integers(-a.ndim - 1, a.ndim))
    result = xp.expand_dims(tensor(a), axis)
    assert_matches(result, np.expand_dims(a, axis))
    assert_is_view(result, a, lambda s: np.expand_dims(s, axis))


@given(a=arrays(ALL_NAMES, shapes(max_dims=3)), data=st.data())
def test_expand_dims_with_a_tuple_is_a_view(a, data):
    count = data.draw(st.integers(0, 3))
    m = a.ndim + count
    positions = st.integers(-m, m - 1) if m else st.nothing()
    unique = {"min_size": count, "max_size": count, "unique_by": lambda i: i % m}
    axes = tuple(data.draw(st.lists(positions, **unique)))
    result = xp.expand_dims(tensor(a), axis=axes)
    assert_matches(result, np.expand_dims(a, axes))
    assert_is_view(result, a, lambda s: np.expand_dims(s, axes))


def test_expand_dims_errors():
    x = xp.asarray([[1, 2]])
    for axis in (3, -4):
        with pytest.raises(IndexError, match=f"expand_dims: axis {axis} is out of range for a 3-d"):
            xp.expand_dims(x, axis)
    with pytest.raises(IndexError, match="expand_dims: axis 4 is out of range for a 4-d tensor"):
        xp.expand_dims(x, axis=(0, 4))
    with pytest.raises(IndexError, match=r"expand_dims: repeated axis in \(0, -4\)"):
        xp.expand_dims(x, axis=(0, -4))
    with pytest.raises(TypeError, match="an axis must be an integer, got 0.0"):
        xp.expand_dims(x, 0.0)
    assert xp.expand_dims(xp.asarray(1), axis=()).shape == ()


@given(data=st.data())
def test_squeeze_is_a_view(data):
    shape = data.draw(shapes(min_dims=1).filter(lambda s: 1 in s))
    a = data.draw(arrays(ALL_NAMES, shape))
    ones = [i for i, n in enumerate(shape) if n == 1]
    chosen = data.draw(st.lists(st.sampled_from(ones), min_size=1, unique=True))
    signs = [data.draw(st.sampled_from((0, -a.ndim))) for _ in chosen]
    axis = tuple(i + s for i, s in zip(chosen, signs, strict=True))
    if len(axis) == 1 and data.draw(st.booleans()):
        axis = axis[0]
    result = xp.squeeze(tensor(a), axis)
    assert_matches(result, np.squeeze(a, axis))
    assert_is_view(result, a, lambda s: np.squeeze(s, axis))


def test_squeeze_errors():
    x = xp.asarray(np.zeros((1, 2, 1)))
    with pytest.raises(ValueError, match=r"squeeze: axis 1 has size 2, not 1 \(shape \(1, 2, 1\)"):
        xp.squeeze(x, (0, 1))
    with pytest.raises(IndexError, match="squeeze: axis 3 is out of range"):
        xp.squeeze(x, 3)
    with pytest.raises(ValueError, match="squeeze: repeated axis"):
        xp.squeeze(x, (0, -3))
    assert xp.squeeze(x, ()).shape == (1, 2, 1)


@st.composite
def reshape_targets(draw, shape, allow_unknown=True):
    """A shape with as many elements as ``shape``, sometimes with one -1."""
    size = math.prod(shape)
    ndim = draw(st.integers(0, 4))
    if size == 0:
        target = list(draw(shapes(min_dims=max(ndim, 1), max_dims=max(ndim, 1))))
        target[draw(st.integers(0, len(target) - 1))] = 0
        return tuple(target)
    factors = []
    n, p = size, 2
    while n > 1:
        while n % p == 0:
            factors.append(p)
            n //= p
        p += 1
    if ndim == 0:
        if size != 1:
            ndim = 1
        else:
            return ()
    target = [1] * ndim
    for f in factors:
        target[draw(st.integers(0, ndim - 1))] *= f
    if allow_unknown and draw(st.booleans()):
        target[draw(st.integers(0, ndim - 1))] = -1
    return tuple(target)


def numpy_can_view(a, shape):
    try:
        np.reshape(a, shape, copy=False)
    except ValueError:
        return False
    return True


@given(a=arrays(ALL_NAMES), data=st.data())
def test_reshape_views_when_numpy_can_and_copies_otherwise(a, data):
    target = data.draw(reshape_targets(a.shape))
    result = xp.reshape(tensor(a), target)
    assert_matches(result, np.reshape(a, target))
    if numpy_can_view(a, target):
        assert_is_view(result, a, lambda s: np.reshape(s, target))
    else:
        assert_is_copy(result, a)


@given(a=arrays(ALL_NAMES), data=st.data())
def test_reshape_copy_false_views_or_says_why_not(a, data):
    target = data.draw(reshape_targets(a.shape))
    if numpy_can_view(a, target):
        result = xp.reshape(tensor(a), target, copy=False)
        assert_matches(result, np.reshape(a, target))
        assert_is_view(result, a, lambda s: np.reshape(s, target))
    else:
        with pytest.raises(xp.CopyError, match=r"reshape\(copy=False\): a copy is needed"):
            xp.reshape(tensor(a), target, copy=False)


@given(a=arrays(ALL_NAMES), data=st.data())
def test_reshape_copy_true_always_copies(a, data):
    target = data.draw(reshape_targets(a.shape))
    result = xp.reshape(tensor(a), target, copy=True)
    assert_matches(result, np.reshape(a, target))
    assert_is_copy(result, a)


@given(a=arrays(ALL_NAMES), data=st.data())
def test_reshape_obstacle_agrees_with_numpy(a, data):
    target = data.draw(reshape_targets(a.shape, allow_unknown=False))
    strides = tuple(s // a.itemsize for s in a.strides)
    assert (reshape_obstacle(a.shape, strides, target) is None) == numpy_can_view(a, target)


def test_reshape_copy_false_names_the_dimensions_in_the_way():
    x = xp.asarray(np.zeros((3, 4))).mT
    with pytest.raises(xp.CopyError) as info:
        xp.reshape(x, (12,), copy=False)
    message = str(info.value)
    assert "shape (4, 3) with strides (1, 4) (in elements) cannot be viewed as shape (12,)" in (
        message
    )
    assert "dimensions of sizes (4, 3) (strides (1, 4))" in message
    assert isinstance(info.value, ValueError) and isinstance(info.value, BufferError)


def test_reshape_errors():
    x = xp.asarray(np.zeros((2, 3)))
    for copy in (None, True, False):
        with pytest.raises(ValueError, match=r"reshape: a tensor of 6 elements cannot have shape"):
            xp.reshape(x, (4,), copy=copy)
        with pytest.raises(ValueError, match="reshape: only one dimension may be -1"):
            xp.reshape(x, (-1, -1), copy=copy)
        with pytest.raises(ValueError, match="reshape: sizes must be non-negative"):
            xp.reshape(x, (-2, -3), copy=copy)
        with pytest.raises(TypeError, match="reshape: shape must be an integer, got 2.0"):
            xp.reshape(x, (2.0, 3), copy=copy)
    with pytest.raises(ValueError, match=r"cannot infer the -1 in shape \(0, -1\)"):
        xp.reshape(xp.asarray(np.zeros(0)), (0, -1))
    with pytest.raises(TypeError, match="reshape: copy must be True, False or None, got 'no'"):
        xp.reshape(x, (6,), copy="no")
    assert xp.reshape(x, -1).shape == (6,)


@given(a=arrays(ALL_NAMES, shapes(min_dims=1)), data=st.data())
def test_permute_dims_is_a_view(a, data):
    perm = data.draw(st.permutations(range(a.ndim)))
    axes = tuple(p - a.ndim if data.draw(st.booleans()) else p for p in perm)
    result = xp.permute_dims(tensor(a), axes)
    assert_matches(result, np.transpose(a, perm))
    assert_is_view(result, a, lambda s: np.transpose(s, perm))


def test_permute_dims_errors():
    x = xp.asarray(np.zeros((2, 3, 4)))
    with pytest.raises(ValueError, match=r"permute_dims: axes must name each of the 3 axes once"):
        xp.permute_dims(x, (0, 1))
    with pytest.raises(ValueError, match="permute_dims: repeated axis"):
        xp.permute_dims(x, (0, 1, -2))
    with pytest.raises(IndexError, match="permute_dims: axis 3 in axes is out of range"):
        xp.permute_dims(x, (0, 1, 3))
    assert xp.permute_dims(xp.asarray(1), ()).shape == ()


@given(a=arrays(ALL_NAMES, shapes(min_dims=1)), data=st.data())
def test_moveaxis_is_a_view(a, data):
    count = data.draw(st.integers(1, a.ndim))
    axes = st.integers(-a.ndim, a.ndim - 1)
    unique = {"min_size": count, "max_size": count, "unique_by": lambda i: i % a.ndim}
    source = tuple(data.draw(st.lists(axes, **unique)))
    destination = tuple(data.draw(st.lists(axes, **unique)))
    if count == 1 and data.draw(st.booleans()):
        source, destination = source[0], destination[0]
    result = xp.moveaxis(tensor(a), source, destination)
    assert_matches(result, np.moveaxis(a, source, destination))
    assert_is_view(result, a, lambda s: np.moveaxis(s, source, destination))


def test_moveaxis_errors():
    x = xp.asarray(np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"moveaxis: source \(0, 1\) and destination 0 must name"):
        xp.moveaxis(x, (0, 1), 0)
    with pytest.raises(ValueError, match="moveaxis: repeated axis"):
        xp.moveaxis(x, (0, 0), (0, 1))
    with pytest.raises(IndexError, match="moveaxis: destination 2 is out of range"):
        xp.moveaxis(x, 0, 2)


@given(a=arrays(ALL_NAMES), data=st.data())
def test_flip_is_a_view(a, data):
    axis = data.draw(axes_for(a.ndim))
    result = xp.flip(tensor(a), axis=axis)
    assert_matches(result, np.flip(a, axis=axis))
    assert_is_view(result, a, lambda s: np.flip(s, axis=axis))


def test_flip_errors():
    with pytest.raises(IndexError, match="flip: axis 1 is out of range for a 1-d tensor"):
        xp.flip(xp.asarray([1, 2]), axis=1)
    with pytest.raises(ValueError, match="flip: repeated axis"):
        xp.flip(xp.asarray([1, 2]), axis=(0, -1))


# --- new tensors: roll, repeat, tile ------------------------------------------------


@given(a=arrays(ALL_NAMES), data=st.data())
def test_roll_matches_numpy(a, data):
    shift_value = st.integers(-10, 10)
    if a.ndim and data.draw(st.booleans()):
        axis = data.draw(axes_for(a.ndim, none=False))
        if isinstance(axis, tuple) and data.draw(st.booleans()):
            shift = tuple(data.draw(shift_value) for _ in axis)
        else:
            shift = data.draw(shift_value)
    else:
        axis, shift = None, data.draw(shift_value)
    result = xp.roll(tensor(a), shift, axis=axis)
    assert_matches(result, np.roll(a, shift, axis=axis))
    assert_is_copy(result, a)


def test_roll_errors():
    x = xp.asarray(np.arange(6).reshape(2, 3))
    with pytest.raises(ValueError, match=r"roll: a tuple shift \(1, 2\) needs a tuple axis"):
        xp.roll(x, (1, 2))
    with pytest.raises(ValueError, match=r"shift \(1, 2\) and axis 0 must be tuples of the same"):
        xp.roll(x, (1, 2), axis=0)
    with pytest.raises(ValueError, match=r"shift \(1, 2\) and axis \(0,\) must be tuples"):
        xp.roll(x, (1, 2), axis=(0,))
    with pytest.raises(TypeError, match="roll: shift must be an integer, got 1.5"):
        xp.roll(x, 1.5)
    with pytest.raises(IndexError, match="roll: axis 2 is out of range"):
        xp.roll(x, 1, axis=2)
    # repeated axes add up their shifts, as in NumPy
    assert xp.roll(x, 1, axis=(1, 1)).tolist() == np.roll(np.arange(6).reshape(2, 3), 2, 1).tolist()


@given(a=arrays(ALL_NAMES, shapes(max_side=3)), data=st.data())
def test_repeat_matches_numpy(a, data):
    axis = data.draw(axes_for(a.ndim, tuples=False))
    length = a.size if axis is None else a.shape[axis]
    kind = data.draw(st.sampled_from(["int", "one", "each"]))
    if kind == "int":
        repeats = data.draw(st.integers(0, 3))
        counts = repeats
    else:
        size = 1 if kind == "one" else length
        name = data.draw(st.sampled_from(("int8", "int16", "int32", "int64", "uint8", "uint64")))
        counts = data.draw(hnp.arrays(name, (size,), elements=st.integers(0, 3)))
        repeats = tensor(counts)
    result = xp.repeat(tensor(a), repeats, axis=axis)
    assert_matches(result, np.repeat(a, counts.astype(np.int64) if kind != "int" else counts, axis))
    assert_is_copy(result, a)


def test_repeat_errors():
    x = xp.asarray([[1, 2], [3, 4]])
    with pytest.raises(ValueError, match="repeat: repeats must be non-negative, got -1"):
        xp.repeat(x, -1)
    with pytest.raises(ValueError, match="repeat: repeats must be non-negative"):
        xp.repeat(x, xp.asarray([1, -1]), axis=0)
    with pytest.raises(ValueError, match="repeat: repeats must be non-negative, got -2"):
        xp.repeat(x, xp.asarray([-2]), axis=0)
    with pytest.raises(ValueError, match=r"a repeats tensor must have shape \(1,\) or \(4,\), got"):
        xp.repeat(x, xp.asarray([1, 2, 3]))
    with pytest.raises(ValueError, match=r"must have shape \(1,\) or \(2,\), got \(1, 2\)"):
        xp.repeat(x, xp.asarray([[1, 2]]), axis=1)
    with pytest.raises(TypeError, match="a repeats tensor must have an integer dtype, got float64"):
        xp.repeat(x, xp.asarray([1.0]))
    with pytest.raises(TypeError, match="repeat: repeats must be an integer, got 1.0"):
        xp.repeat(x, 1.0)
    with pytest.raises(TypeError, match="repeat: repeats must be an integer, got True"):
        xp.repeat(x, True)
    with pytest.raises(IndexError, match="repeat: axis 2 is out of range"):
        xp.repeat(x, 2, axis=2)
    assert xp.repeat(xp.asarray(7), 3).tolist() == [7, 7, 7]


@given(a=arrays(ALL_NAMES, shapes(max_side=3)), reps=st.lists(st.integers(0, 3), max_size=4))
def test_tile_matches_numpy(a, reps):
    result = xp.tile(tensor(a), tuple(reps))
    assert_matches(result, np.tile(a, tuple(reps)))
    assert_is_copy(result, a)


def test_tile_errors():
    x = xp.asarray([1, 2])
    with pytest.raises(ValueError, match=r"tile: repetitions must be non-negative, got \(2, -1\)"):
        xp.tile(x, (2, -1))
    with pytest.raises(TypeError, match="tile: repetitions must be a tuple of integers, got 2"):
        xp.tile(x, 2)
    with pytest.raises(TypeError, match="tile: repetitions must be an integer, got 2.0"):
        xp.tile(x, (2.0,))


# --- CUDA ------------------------------------------------------------------------------


@requires_cuda
def test_cuda_matches_cpu_and_keeps_views():
    a = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    results = {}
    for device in ("cpu", "cuda"):
        x = xp.asarray(a, device=device)
        out = {
            "broadcast_to": xp.broadcast_to(x[:, :1], (2, 3, 4)),
            "concat": xp.concat([x, xp.asarray(a.astype(np.int8), device=device)], axis=None),
            "stack": xp.stack([x, x], axis=-1),
            "expand_dims": xp.expand_dims(x, axis=(0, -1)),
            "flip": xp.flip(x, axis=1),
            "moveaxis": xp.moveaxis(x, 0, -1),
            "permute_dims": xp.permute_dims(x, (2, 0, 1)),
            "repeat": xp.repeat(x, xp.asarray([1, 0, 2], device=device), axis=1),
            "repeat1": xp.repeat(x, xp.asarray([2], device=device)),
            "reshape": xp.reshape(x, (4, -1), copy=False),
            "roll": xp.roll(x, (1, -1), axis=(0, 2)),
            "squeeze": xp.squeeze(x[:1], 0),
            "tile": xp.tile(x, (2, 1, 1)),
            "unstack": xp.unstack(x, axis=1)[2],
        }
        with pytest.raises(xp.CopyError, match="a copy is needed"):
            xp.reshape(x.mT, (-1,), copy=False)
        results[device] = {k: v.to_device("cpu").numpy() for k, v in out.items()}
        for v in out.values():
            assert v.device == x.device
    for k, v in results["cpu"].items():
        np.testing.assert_array_equal(results["cuda"][k], v, err_msg=k)


@requires_cuda
def test_mixed_devices_are_refused():
    cpu = xp.asarray([1.0, 2.0])
    gpu = xp.asarray([1.0, 2.0], device="cuda")
    for call in (
        lambda: xp.concat([cpu, gpu]),
        lambda: xp.stack([cpu, gpu]),
        lambda: xp.broadcast_arrays(cpu, gpu),
        lambda: xp.repeat(cpu, xp.asarray([1, 2], device="cuda")),
    ):
        with pytest.raises(ValueError, match="different devices"):
            call()
