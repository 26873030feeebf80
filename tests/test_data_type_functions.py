"""astype, can_cast, finfo, iinfo, isdtype and result_type against NumPy as the oracle."""

import inspect
import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xtensor as xp
from xtensor import _backend

ALL_DTYPES = (
    xp.bool,
    xp.int8,
    xp.int16,
    xp.int32,
    xp.int64,
    xp.uint8,
    xp.uint16,
    xp.uint32,
    xp.uint64,
    xp.float16,
    xp.float32,
    xp.float64,
    xp.complex64,
    xp.complex128,
)
requires_cuda = pytest.mark.skipif(_backend.cuda_device_count() == 0, reason="no CUDA device")
dtypes = st.sampled_from(ALL_DTYPES)
shapes = hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4)


def np_dtype(dtype):
    return np.dtype(dtype.name)


def is_complex(dtype):
    return dtype in (xp.complex64, xp.complex128)


SIGNATURES = {
    "astype": "(x, dtype, /, *, copy=True, device=None)",
    "can_cast": "(from_, to, /)",
    "finfo": "(type, /)",
    "iinfo": "(type, /)",
    "isdtype": "(dtype, kind)",
    "result_type": "(*arrays_and_dtypes)",
}


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_signature_is_the_standards(name):
    signature = inspect.signature(getattr(xp, name))
    bare = signature.replace(
        parameters=[p.replace(annotation=p.empty) for p in signature.parameters.values()],
        return_annotation=inspect.Signature.empty,
    )
    assert str(bare) == SIGNATURES[name]
    assert name in xp.__all__


# --- astype -------------------------------------------------------------------------


@st.composite
def castable(draw):
    """A tensor and a target dtype whose cast NumPy defines exactly: values that fit
    every dtype (small nonnegative integers, or any bool), no complex-to-real casts."""
    source = draw(dtypes, label="source")
    target = draw(dtypes.filter(lambda d: not is_complex(source) or is_complex(d) or d is xp.bool))
    if source is xp.bool:
        elements = st.booleans()
    else:
        elements = st.integers(0, 100).map(np_dtype(source).type)
    array = draw(hnp.arrays(np_dtype(source), shapes, elements=elements), label="x")
    if draw(st.booleans(), label="transposed"):
        array = array.T
    return xp.asarray(array), target


@given(case=castable(), copy=st.booleans(), device=st.sampled_from([None, "cpu"]))
def test_astype_matches_numpy(case, copy, device):
    x, dtype = case
    t = xp.astype(x, dtype, copy=copy, device=device)
    expected = x.numpy().astype(np_dtype(dtype))
    assert t.dtype is dtype and t.device is x.device and t.shape == x.shape
    np.testing.assert_array_equal(t.numpy(), expected, strict=True)
    if dtype is x.dtype and not copy:
        assert t is x
    else:
        assert t is not x
        if t.size:
            assert not np.shares_memory(t.numpy(), x.numpy())


@given(
    x=hnp.arrays(
        st.sampled_from([np.dtype("float16"), np.dtype("float32"), np.dtype("float64")]),
        shapes,
    ).map(xp.asarray),
    target=st.sampled_from([xp.float16, xp.float32, xp.float64, xp.bool]),
)
def test_astype_floats_including_nan_and_inf(x, target):
    with np.errstate(over="ignore"):
        expected = x.numpy().astype(np_dtype(target))
        t = xp.astype(x, target)
    np.testing.assert_array_equal(t.numpy(), expected, strict=True)


@given(
    x=hnp.arrays(st.sampled_from([np.dtype("complex64"), np.dtype("complex128")]), shapes).map(
        xp.asarray
    ),
    target=st.sampled_from([xp.bool, xp.complex64, xp.complex128]),
)
def test_astype_complex_to_bool_and_complex(x, target):
    with np.errstate(over="ignore"):
        expected = x.numpy().astype(np_dtype(target))
        t = xp.astype(x, target)
    np.testing.assert_array_equal(t.numpy(), expected, strict=True)


def test_astype_copy_false_returns_the_input_only_when_nothing_changes():
    x = xp.asarray([1.0, 2.0])
    assert xp.astype(x, xp.float64, copy=False) is x
    assert xp.astype(x, xp.float64, copy=False, device="cpu") is x
    y = xp.astype(x, xp.float64)
    y[0] = 5.0
    assert x[0].item() == 1.0
    z = xp.astype(x, xp.float32, copy=False)
    assert z.dtype is xp.float32 and not np.shares_memory(z.numpy(), x.numpy())


def test_astype_errors():
    x = xp.asarray([1 + 2j])
    for real in (xp.float64, xp.float32, xp.int64, xp.uint8):
        with pytest.raises(TypeError, match="astype: casting complex complex128 to .* imaginary"):
            xp.astype(x, real)
    with pytest.raises(TypeError, match="astype: x must be an xtensor Tensor, got ndarray"):
        xp.astype(np.zeros(2), xp.float32)
    with pytest.raises(TypeError, match="astype: unsupported dtype 'float8'"):
        xp.astype(x, "float8")
    with pytest.raises(TypeError, match="astype: dtype must be a dtype, got a Tensor"):
        xp.astype(x, x)
    with pytest.raises(TypeError, match="astype: dtype must be a dtype, got None"):
        xp.astype(x, None)
    with pytest.raises(TypeError, match="astype: copy must be True or False, got None"):
        xp.astype(x, xp.complex64, copy=None)
    with pytest.raises(ValueError, match="unknown device 'tpu'"):
        xp.astype(x, xp.complex64, device="tpu")


@requires_cuda
def test_astype_to_and_from_cuda():
    x = xp.asarray([1, 2, 3])
    g = xp.astype(x, xp.float32, device="cuda:0")
    assert g.device == "cuda:0" and g.dtype is xp.float32
    assert xp.astype(g, xp.float32, copy=False) is g
    back = xp.astype(g, xp.int64, device="cpu")
    assert back.tolist() == [1, 2, 3]
    assert xp.astype(g, xp.float32, copy=False, device="cpu").device == "cpu"


# --- can_cast and result_type --------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), list(itertools.product(ALL_DTYPES, repeat=2)))
def test_can_cast_is_numpys_safe_casting(a, b):
    expected = bool(np.can_cast(np_dtype(a), np_dtype(b), casting="safe"))
    assert xp.can_cast(a, b) is expected
    assert xp.can_cast(xp.zeros(1, dtype=a), b) is expected


def test_can_cast_errors():
    with pytest.raises(TypeError, match="can_cast: to must be a dtype, got a Tensor"):
        xp.can_cast(xp.int8, xp.zeros(1))
    with pytest.raises(TypeError, match="can_cast: unsupported (from_|to) 'int3'"):
        xp.can_cast("int3", xp.int8)
    with pytest.raises(TypeError, match="can_cast: (from_|to) must be a dtype, got None"):
        xp.can_cast(xp.int8, None)
    with pytest.raises(TypeError, match="can_cast: unsupported (from_|to)"):
        xp.can_cast(xp.int8, 3)


def np_scalar_or_dtype(arg):
    if isinstance(arg, xp.Tensor):
        return arg.numpy()
    if isinstance(arg, type(xp.int8)):
        return np_dtype(arg)
    return arg


arguments = st.one_of(
    dtypes,
    dtypes.map(lambda d: xp.zeros((1,), dtype=d)),
    dtypes.map(lambda d: xp.zeros((), dtype=d)),
    st.sampled_from([True, 1, 1.0, 1j]),
)


FAMILIES = {"bool": "b", "int": "i", "uint": "i", "float": "f", "complex": "f"}


def family(arg):
    dtype = arg.dtype if isinstance(arg, xp.Tensor) else arg
    return FAMILIES[dtype.name.rstrip("0123456789")]


def is_scalar(arg):
    return isinstance(arg, (bool, int, float, complex))


@given(args=st.lists(arguments, min_size=1, max_size=5))
def test_result_type_matches_numpy(args):
    """NumPy is the oracle for two tensors or dtypes (any kinds) or any number of one
    family (bool; integers; floating point), with any Python scalars."""
    arrays = [a for a in args if not is_scalar(a)]
    if not arrays:
        with pytest.raises(ValueError, match="at least one tensor or dtype is required"):
            xp.result_type(*args)
        return
    if len(arrays) <= 2 or len({family(a) for a in arrays}) == 1:
        expected = np.result_type(*(np_scalar_or_dtype(a) for a in args))
        assert xp.result_type(*args).name == expected.name


@given(args=st.lists(arguments, min_size=3, max_size=6))
def test_result_type_promotes_each_family_first(args):
    """Across families NumPy's n-ary ``result_type`` depends on the grouping
    (``np.result_type(int8, uint8, float16)`` is float16, but ``int8 + uint8`` is int16
    and int16 with float16 gives float32). xtensor promotes within each family (where
    the standard's lattice is associative), then the families pairwise by the table."""
    scalars = [a for a in args if is_scalar(a)]
    arrays = [
        np_dtype(a.dtype if isinstance(a, xp.Tensor) else a) for a in args if not is_scalar(a)
    ]
    if not arrays:
        return
    groups = {}
    for dtype in arrays:
        key = FAMILIES[dtype.name.rstrip("0123456789")]
        groups[key] = np.promote_types(groups[key], dtype) if key in groups else dtype
    expected = None
    for key in ("i", "f", "b"):
        if key in groups:
            expected = groups[key] if expected is None else np.promote_types(expected, groups[key])
    expected = np.result_type(np.empty(0, expected), *scalars)
    assert xp.result_type(*args).name == expected.name


@given(args=st.lists(arguments, min_size=1, max_size=5), data=st.data())
def test_result_type_does_not_depend_on_order(args, data):
    if all(is_scalar(a) for a in args):
        return
    shuffled = data.draw(st.permutations(args))
    assert xp.result_type(*args) is xp.result_type(*shuffled)


def test_result_type_uses_the_table_not_values():
    assert xp.result_type(xp.int8, 1000) is xp.int8
    assert xp.result_type(xp.uint64, xp.int64) is xp.float64
    assert xp.result_type(xp.float32, 1j) is xp.complex64
    assert xp.result_type(xp.float16, xp.int8, 1.0) is xp.float16


def test_result_type_errors():
    with pytest.raises(ValueError, match=r"at least one tensor or dtype is required, got \(\)"):
        xp.result_type()
    with pytest.raises(ValueError, match=r"got \(1, 2.0\)"):
        xp.result_type(1, 2.0)
    with pytest.raises(TypeError, match="result_type: unsupported arrays_and_dtypes"):
        xp.result_type(xp.int8, [1, 2])
    with pytest.raises(TypeError, match="result_type: unsupported arrays_and_dtypes 'x'"):
        xp.result_type("x")
    with pytest.raises(TypeError, match="result_type: arrays_and_dtypes must be a dtype, got None"):
        xp.result_type(xp.int8, None)


# --- isdtype ------------------------------------------------------------------------

KIND_NAMES = (
    "bool",
    "signed integer",
    "unsigned integer",
    "integral",
    "real floating",
    "complex floating",
    "numeric",
)
# The standard's kinds by dtype name (float16 is xtensor's extension of "real floating").
MEMBERS = {
    "bool": {"bool"},
    "signed integer": {"int8", "int16", "int32", "int64"},
    "unsigned integer": {"uint8", "uint16", "uint32", "uint64"},
    "real floating": {"float16", "float32", "float64"},
    "complex floating": {"complex64", "complex128"},
}
MEMBERS["integral"] = MEMBERS["signed integer"] | MEMBERS["unsigned integer"]
MEMBERS["numeric"] = MEMBERS["integral"] | MEMBERS["real floating"] | MEMBERS["complex floating"]

kinds = st.sampled_from(KIND_NAMES) | dtypes


@given(dtype=dtypes, kind=kinds | st.lists(kinds, max_size=4).map(tuple))
def test_isdtype(dtype, kind):
    parts = kind if isinstance(kind, tuple) else (kind,)
    expected = any(dtype.name in MEMBERS[k] if isinstance(k, str) else dtype is k for k in parts)
    assert xp.isdtype(dtype, kind) is expected
    np_parts = tuple(k if isinstance(k, str) else np_dtype(k) for k in parts)
    assert np.isdtype(np_dtype(dtype), np_parts) is expected


def test_isdtype_errors():
    with pytest.raises(ValueError, match="isdtype: unknown kind 'integer'"):
        xp.isdtype(xp.int8, "integer")
    with pytest.raises(ValueError, match="unknown kind 'float32'"):
        xp.isdtype(xp.float32, "float32")
    with pytest.raises(TypeError, match="isdtype: kind must be a dtype, a kind name or a tuple"):
        xp.isdtype(xp.int8, 5)
    with pytest.raises(TypeError, match=r"got \('bool',\)"):
        xp.isdtype(xp.int8, (("bool",),))
    with pytest.raises(TypeError, match="got tensor"):
        xp.isdtype(xp.int8, xp.zeros(1))
    with pytest.raises(TypeError, match="isdtype: dtype must be a dtype, got a Tensor"):
        xp.isdtype(xp.zeros(1), "bool")
    with pytest.raises(TypeError, match="isdtype: unsupported dtype"):
        xp.isdtype("nope", "bool")
    with pytest.raises(TypeError, match="isdtype: dtype must be a dtype, got None"):
        xp.isdtype(None, "real floating")


# --- finfo and iinfo -------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [xp.float16, xp.float32, xp.float64, xp.complex64, xp.complex128])
def test_finfo_matches_numpy(dtype):
    real = {xp.complex64: xp.float32, xp.complex128: xp.float64}.get(dtype, dtype)
    expected = np.finfo(np_dtype(real))
    for arg in (dtype, xp.zeros((2,), dtype=dtype), xp.zeros((), dtype=dtype).dtype):
        info = xp.finfo(arg)
        assert info.dtype is real
        assert type(info.bits) is int and info.bits == expected.bits
        for name in ("eps", "max", "min", "smallest_normal"):
            value = getattr(info, name)
            assert type(value) is float and value == float(getattr(expected, name))
    with pytest.raises(AttributeError):
        info.bits = 3  # frozen


@pytest.mark.parametrize("dtype", [d for d in ALL_DTYPES if d.name[0] in "iu"])
def test_iinfo_matches_numpy(dtype):
    expected = np.iinfo(np_dtype(dtype))
    for arg in (dtype, xp.zeros((2,), dtype=dtype)):
        info = xp.iinfo(arg)
        assert info.dtype is dtype
        assert type(info.bits) is type(info.min) is type(info.max) is int
        assert (info.bits, info.min, info.max) == (expected.bits, expected.min, expected.max)


def test_info_errors():
    for dtype in (xp.bool, xp.int8, xp.uint64):
        with pytest.raises(
            TypeError, match=f"finfo: expected a floating-point dtype .* {dtype.name}"
        ):
            xp.finfo(dtype)
    for dtype in (xp.bool, xp.float32, xp.complex64):
        with pytest.raises(TypeError, match=f"iinfo: expected an integer dtype .* {dtype.name}"):
            xp.iinfo(xp.zeros(1, dtype=dtype))
    with pytest.raises(TypeError, match="finfo: unsupported type 'f9'"):
        xp.finfo("f9")
    with pytest.raises(TypeError, match="iinfo: unsupported type"):
        xp.iinfo(3.5)
    with pytest.raises(TypeError, match="finfo: type must be a dtype, got None"):
        xp.finfo(None)
