"""Export invariants of every tensor xtensor hands out, wherever its memory came from:
strides present for ndim > 0 (DLPack 1.2), NULL shape and strides for 0-d, the flags
exact, xtensor's version, the dtype and device right, the address of the first
element; and size-0 tensors accepted by every consumer.
"""

from __future__ import annotations

import numpy as np
import pytest

import xtensor as xp
from xtensor import _dlpack_abi as abi
from xtensor import _report as report
from xtensor._dlpack import cpu_export_version

from ._capsules import HandMade
from ._support import Given, fields, need

DL_CODES = {"bool": 6, "int": 0, "uint": 1, "float": 2, "complex": 5}


def dl_dtype(name: str) -> tuple[int, int, int]:
    kind = name.rstrip("0123456789")
    bits = 8 if name == "bool" else int(name[len(kind) :])
    return (DL_CODES[kind], bits, 1)


def assert_describes(capsule: object, t: xp.Tensor, *, copied: bool = False) -> None:
    f = fields(capsule)
    assert f.device == (1, 0)
    assert f.dtype == dl_dtype(t.dtype.name)
    assert f.ndim == t.ndim
    if f.name == abi.VERSIONED_NAME:
        assert f.version == cpu_export_version()
        assert f.flags == (abi.IS_COPIED if copied else abi.READ_ONLY if t.is_readonly else 0)
    if t.ndim == 0:
        assert f.shape is None and f.strides is None
    else:
        assert f.shape == t.shape
        assert f.strides is not None  # never NULL, contiguous or not
        if t.size and not copied:
            assert f.strides == t.stride()
    if t.size and not copied:
        assert f.data + f.byte_offset == t.data_ptr()


def _imported(producer: report.Peer, layout: report.Layout, dtype: str) -> xp.Tensor | None:
    if producer.why_not(layout, dtype) is not None:
        return None
    return xp.from_dlpack(
        producer.view(producer.base(report.sample(dtype, layout.base_shape)), layout)
    )


@pytest.mark.parametrize("layout", report.LAYOUTS, ids=lambda lay: lay.short)
@pytest.mark.parametrize(
    "producer", [*report.peers_on("cpu"), report.XtensorPeer()], ids=lambda p: p.name
)
def test_exports_of_tensors_from_every_producer_describe_them(producer, layout):
    missing = producer.unavailable()
    if missing:
        pytest.skip(missing)
    with producer.session():
        for dtype in ("float32", "bool", "complex128", "uint16"):
            t = _imported(producer, layout, dtype)
            if t is None:
                continue
            assert_describes(t.__dlpack__(max_version=(1, 0)), t)
            assert_describes(t.__dlpack__(max_version=(1, 0), copy=True), t, copied=True)
            if not t.is_readonly:
                assert_describes(t.__dlpack__(), t)


@pytest.mark.parametrize("dtype", report.DTYPES)
def test_every_dtype_exports_its_dlpack_code(dtype):
    t = xp.asarray(report.sample(dtype, (2, 3)))
    assert_describes(t.__dlpack__(max_version=(1, 0)), t)
    assert_describes(t[0, 1].__dlpack__(max_version=(1, 0)), t[0, 1])


def test_null_strides_on_import_are_given_on_export():
    # a producer from before DLPack 1.2 may leave strides NULL for compact data;
    # xtensor's re-export always states them
    memory = np.arange(6.0).reshape(2, 3)
    t = xp.from_dlpack(HandMade(memory, strides=None))
    f = fields(t.__dlpack__(max_version=(1, 0)))
    assert f.strides == (3, 1) and f.data + f.byte_offset == memory.ctypes.data


def test_byte_offset_on_import_is_kept_on_export():
    memory = np.arange(8.0)
    h = HandMade(memory, data=memory.ctypes.data, byte_offset=3 * 8, shape=(5,), strides=(1,))
    t = xp.from_dlpack(h)
    assert t.tolist() == [3.0, 4.0, 5.0, 6.0, 7.0]
    f = fields(t.__dlpack__(max_version=(1, 0)))
    assert f.data + f.byte_offset == memory.ctypes.data + 3 * 8


SIZE0_SHAPES = [(0,), (3, 0), (0, 4, 2)]


def _size0_consumers() -> list[report.Entry]:
    entries: list[report.Entry] = []
    for peer in [*report.peers_on("cpu"), report.XtensorPeer()]:
        if peer.unavailable() is None:
            entries += peer.entries()
    return entries


@pytest.mark.parametrize("shape", SIZE0_SHAPES, ids=str)
@pytest.mark.parametrize("dtype", ["float64", "bool", "complex64", "int8"])
def test_size0_is_accepted_by_every_consumer(dtype, shape):
    t = xp.asarray(np.zeros(shape, dtype=dtype))
    f = fields(t.__dlpack__(max_version=(1, 0)))
    assert f.shape == shape and f.strides is not None
    for entry in _size0_consumers():
        with entry.peer.session():
            out = entry.call(t)
            got = entry.peer.host(out)
        assert got.shape == shape and got.dtype == np.dtype(dtype), entry.name


def test_size0_with_null_data_is_accepted():
    for shape in SIZE0_SHAPES:
        t = xp.from_dlpack(HandMade(np.zeros(shape), data=0))
        assert t.shape == shape and t.size == 0
        assert np.from_dlpack(t).shape == shape


def test_size0_from_every_producer():
    for producer in report.peers_on("cpu"):
        if producer.unavailable() is not None:
            continue
        with producer.session():
            source = producer.view(
                producer.base(report.sample("float32", (3, 4))), report.layout_named("size 0")
            )
            for convert in (xp.as_tensor, xp.asarray, xp.from_dlpack):
                t = convert(source)
                assert t.shape == (3, 0) and t.dtype == xp.float32, producer.name


def test_0d_from_numpy_scalars_is_a_writeable_copy_and_0d_views_share():
    s = np.float32(2.5)
    t = xp.asarray(s)
    assert t.shape == () and not t.is_readonly
    t[()] = 1.0
    assert s == np.float32(2.5)
    base = np.arange(6.0).reshape(2, 3)
    v = xp.as_tensor(base[1, 2, ...])
    assert v.shape == () and v.data_ptr() == base[1:, 2:].ctypes.data
    f = fields(v.__dlpack__(max_version=(1, 0)))
    assert f.ndim == 0 and f.shape is None and f.strides is None


def test_torch_reads_xtensor_0d_and_size1_odd_strides():
    torch = need("torch")
    base = np.arange(35.0).reshape(5, 7)
    t = xp.as_tensor(base)[2:3, 1:5]
    assert t.stride() == (7, 1)
    tt = torch.from_dlpack(t)
    assert tt.data_ptr() == t.data_ptr() and tt.tolist() == base[2:3, 1:5].tolist()
    z = torch.from_dlpack(xp.as_tensor(base)[4, 6])
    assert z.shape == () and z.item() == 34.0


def test_given_helper_refuses_nothing_but_hands_on():
    # the helper the suites use to hand a capsule on does not alter it
    capsule = xp.asarray([1.0]).__dlpack__(max_version=(1, 0))
    before = fields(capsule)
    assert Given(capsule).__dlpack__() is capsule and fields(capsule) == before
