"""Emulated devices: a second device with every dtype ("emulated:gpu") and one without
float64 ("emulated:no-float64"), CPU-backed. The CPU computes every operation as the
oracle; each rule of a separate accelerator is checked: placement, defaults, refused
dtypes, device mismatches, copies on moves, DLPack, NumPy conversion."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xtensor as xp
from xtensor import _dlpack_abi as abi
from xtensor._devices import CPU
from xtensor._dlpack import read_capsule
from xtensor._errors import CopyError

GPU_NAME, NO_F64_NAME = "emulated:gpu", "emulated:no-float64"


@pytest.fixture(autouse=True)
def devices():
    gpu, no_f64 = xp.enable_emulated_devices()
    yield gpu, no_f64
    xp.disable_emulated_devices()


@pytest.fixture
def gpu(devices):
    return devices[0]


@pytest.fixture
def no_f64(devices):
    return devices[1]


# --- switching on and off -------------------------------------------------------------------


def test_off_by_default_and_listed_only_when_enabled():
    info = xp.__array_namespace_info__()
    xp.disable_emulated_devices()
    assert all(not d.emulated for d in info.devices())
    with pytest.raises(ValueError, match=r"emulated devices are off; switch them on with"):
        xp.zeros(2, device=GPU_NAME)
    gpu, no_f64 = xp.enable_emulated_devices()
    assert info.devices()[-2:] == (gpu, no_f64)
    assert xp.enable_emulated_devices() == (gpu, no_f64)  # the same objects every time
    assert xp.Device(GPU_NAME) is gpu and xp.Device("emulated", 1) is no_f64
    assert gpu == GPU_NAME and no_f64 != gpu and no_f64 != "cpu"
    assert str(no_f64) == NO_F64_NAME and repr(no_f64) == f"device('{NO_F64_NAME}')"
    with pytest.raises(ValueError, match=r"unknown emulated device 'emulated:tpu': expected one"):
        xp.Device("emulated:tpu")


def test_tensors_keep_working_after_disabling(gpu):
    x = xp.ones(2, device=gpu)
    xp.disable_emulated_devices()
    assert (x + x).tolist() == [2.0, 2.0]
    assert x.to_device("cpu").device is CPU
    assert gpu not in xp.__array_namespace_info__().devices()


def test_environment_variable_is_read_at_import():
    code = "import xtensor as xp; print([str(d) for d in xp.__array_namespace_info__().devices()])"
    environ = {k: v for k, v in os.environ.items() if not k.startswith("XTENSOR_")}
    environ.update(XTENSOR_EMULATED_DEVICES="1", PYTHONPATH=os.pathsep.join(sys.path))
    out = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().endswith(f"'{GPU_NAME}', '{NO_F64_NAME}']")


def test_the_real_cpu_path_is_untouched(gpu, no_f64):
    assert CPU.array_type is np.ndarray and not CPU.emulated
    assert CPU.defaults == {} and CPU.unsupported == frozenset()
    for dev in (gpu, no_f64):
        assert not isinstance(np.ones(1), dev.array_type)  # wrap() always checks them


# --- the inspection API ----------------------------------------------------------------------


def test_default_dtypes_and_dtypes_per_device(gpu, no_f64):
    info = xp.__array_namespace_info__()
    assert info.default_dtypes(device=gpu) == info.default_dtypes()
    assert info.default_dtypes(device=no_f64) == {
        "real floating": xp.float32,
        "complex floating": xp.complex64,
        "integral": xp.int64,
        "indexing": xp.int64,
    }
    assert info.dtypes(device=gpu) == info.dtypes()
    assert set(info.dtypes()) - set(info.dtypes(device=no_f64)) == {"float64", "complex128"}
    assert info.dtypes(device=no_f64, kind="real floating") == {"float32": xp.float32}


# --- creation --------------------------------------------------------------------------------


def creations(device):
    """Every creation path with ``device=``, with the dtype each gives on the CPU."""
    return {
        "empty": (lambda: xp.empty(3, device=device), "real floating"),
        "zeros": (lambda: xp.zeros((2, 2), device=device), "real floating"),
        "ones": (lambda: xp.ones(2, device=device), "real floating"),
        "full float": (lambda: xp.full(2, 1.5, device=device), "real floating"),
        "full complex": (lambda: xp.full(2, 1j, device=device), "complex floating"),
        "full int": (lambda: xp.full(2, 7, device=device), "integral"),
        "full bool": (lambda: xp.full(2, True, device=device), None),
        "arange float": (lambda: xp.arange(0.0, 1.0, 0.25, device=device), "real floating"),
        "arange int": (lambda: xp.arange(1, 4, device=device), "integral"),
        "linspace": (lambda: xp.linspace(0, 1, 5, device=device), "real floating"),
        "linspace complex": (lambda: xp.linspace(0, 1j, 3, device=device), "complex floating"),
        "eye": (lambda: xp.eye(3, k=1, device=device), "real floating"),
        "asarray float": (lambda: xp.asarray([1.5, 2.5], device=device), "real floating"),
        "asarray complex": (lambda: xp.asarray([1j], device=device), "complex floating"),
        "asarray int": (lambda: xp.asarray([[1, 2]], device=device), "integral"),
        "fftfreq": (lambda: xp.fft.fftfreq(5, device=device), "real floating"),
        "rfftfreq": (lambda: xp.fft.rfftfreq(5, d=0.5, device=device), "real floating"),
        "zeros_like": (lambda: xp.zeros_like(xp.ones(2, dtype=xp.int8), device=device), None),
        "full_like": (lambda: xp.full_like(xp.ones(2, dtype=xp.float32), 2, device=device), None),
    }


@pytest.mark.parametrize("name", list(creations("cpu")))
def test_creation_functions_place_tensors_on_the_device(name, gpu, no_f64):
    on_cpu = creations("cpu")[name][0]()
    kind = creations("cpu")[name][1]
    for dev in (gpu, no_f64):
        make, _ = creations(dev)[name]
        t = make()
        assert t.device is dev
        defaults = xp.__array_namespace_info__().default_dtypes(device=dev)
        expected = defaults[kind] if kind else on_cpu.dtype
        assert t.dtype == expected, (name, dev)
        if name != "empty":
            np.testing.assert_allclose(
                np.asarray(t.to_device("cpu").tolist()), np.asarray(on_cpu.tolist()), rtol=1e-6
            )


# --- the device without float64 ---------------------------------------------------------------

REFUSALS = {
    "zeros float64": lambda d: xp.zeros(2, dtype=xp.float64, device=d),
    "full complex128": lambda d: xp.full(2, 1j, dtype=xp.complex128, device=d),
    "asarray of a float64 array": lambda d: xp.asarray(np.ones(2), device=d),
    "to_device of float64": lambda d: xp.ones(2).to_device(d),
    "astype float64": lambda d: xp.astype(xp.ones(2, device=d), xp.float64),
    "int / int": lambda d: xp.ones(2, dtype=xp.int32, device=d) / xp.full(2, 2, device=d),
    "mean of ints": lambda d: xp.mean(xp.arange(3, device=d)),
    "from_dlpack of float64": lambda d: xp.from_dlpack(np.ones(2), device=d),
    "empty_like of a float64 tensor": lambda d: xp.empty_like(xp.ones(2), device=d),
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_the_device_without_float64_refuses_it(name, gpu, no_f64):
    with pytest.raises(TypeError) as info:
        REFUSALS[name](no_f64)
    assert str(info.value).startswith(f"device '{NO_F64_NAME}' has no ")
    assert "Apple MPS" in str(info.value)
    assert REFUSALS[name](gpu).device is gpu  # the full emulated device holds them


def test_casting_on_the_way_to_the_device_without_float64(no_f64):
    x = xp.asarray([1.5, 2.5])
    for t in (
        xp.astype(x, xp.float32, device=no_f64),
        xp.asarray(x, dtype=xp.float32, device=no_f64),
        xp.asarray(np.asarray([1.5, 2.5]), dtype=xp.float32, device=no_f64),
    ):
        assert t.device is no_f64 and t.dtype == xp.float32
        assert t.tolist() == [1.5, 2.5]


# --- one device, another device ---------------------------------------------------------------


def test_mixing_devices_is_refused(gpu, no_f64):
    a, b, c = xp.ones(2, device=gpu), xp.ones(2), xp.ones(2, dtype=xp.float32, device=no_f64)
    mixes = {
        "operator": lambda: a + b,
        "reflected": lambda: b * a,
        "function": lambda: xp.add(a, b),
        "two emulated": lambda: xp.multiply(a, c),
        "concat": lambda: xp.concat([a, b]),
        "where": lambda: xp.where(b > 0, a, a),
        "matmul": lambda: a @ b,
        "index tensor": lambda: b[xp.asarray([0], device=gpu)],
        "setitem value": lambda: b.__setitem__(0, a[0]),
        "clip bound": lambda: xp.clip(a, b),
    }
    for name, mix in mixes.items():
        with pytest.raises(ValueError, match="different devices") as info:
            mix()
        assert GPU_NAME in str(info.value), name


def test_to_device_copies_and_same_device_is_itself(gpu, no_f64):
    x = xp.asarray([1.0, 2.0], dtype=xp.float32)
    y = x.to_device(gpu)
    assert y.device is gpu and y.to_device(gpu) is y
    x[0] = 9.0
    assert y.tolist() == [1.0, 2.0]  # a copy, not a view
    z = y.to_device(no_f64).to_device("cpu")
    y[1] = 7.0
    assert z.device is CPU and z.tolist() == [1.0, 2.0]


DTYPES = ["bool", "int8", "int64", "uint32", "float32", "float64", "complex64", "complex128"]


@given(
    a=hnp.arrays(
        st.sampled_from(DTYPES).map(np.dtype),
        hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4),
    )
)
def test_round_trips_keep_every_value(a):
    gpu = xp.Device(GPU_NAME)
    t = xp.asarray(a)
    back = t.to_device(gpu).to_device("cpu")
    assert back.dtype == t.dtype and back.shape == t.shape
    np.testing.assert_array_equal(back.numpy(), a)
    assert not np.shares_memory(back.numpy(), a) or a.size == 0


OPERATIONS = {
    "exp": lambda m, x: m.exp(x),
    "add": lambda m, x: x + x * 2,
    "sum axis": lambda m, x: m.sum(x, axis=-1),
    "mean": lambda m, x: m.mean(x),
    "sort": lambda m, x: m.sort(x, axis=-1),
    "cumulative_sum": lambda m, x: m.cumulative_sum(x, axis=0),
    "matmul": lambda m, x: x @ m.matrix_transpose(x),
    "linalg.inv": lambda m, x: m.linalg.inv(
        x @ m.matrix_transpose(x) + m.eye(x.shape[0], dtype=x.dtype, device=x.device)
    ),
    "fft": lambda m, x: m.fft.rfft(x, axis=-1),
    "unique_values": lambda m, x: m.unique_values(m.round(x)),
    "reshape": lambda m, x: m.reshape(x, (-1,)),
    "slice": lambda m, x: x[1:, ::-1],
    "mask": lambda m, x: x[x > 0],
    "flip": lambda m, x: m.flip(x),
    "repeat": lambda m, x: m.repeat(x, 2, axis=0),
    "where": lambda m, x: m.where(x > 0, x, 0.0),
    "argmax": lambda m, x: m.argmax(x, axis=1),
    "stack": lambda m, x: m.stack([x, x]),
    "tile": lambda m, x: m.tile(x, (2, 1)),
}


@pytest.mark.parametrize("name", list(OPERATIONS))
@given(
    a=hnp.arrays(
        np.float32,
        st.tuples(st.integers(2, 4), st.integers(1, 4)),
        elements=st.floats(-4, 4, width=32),
    )
)
def test_emulated_devices_compute_what_the_cpu_computes(name, a):
    op = OPERATIONS[name]
    expected = op(xp, xp.asarray(a))
    for dev in xp.__array_namespace_info__().devices()[-2:]:
        got = op(xp, xp.asarray(a, device=dev))
        assert got.device is dev and got.dtype == expected.dtype
        np.testing.assert_allclose(
            got.to_device("cpu").numpy(), expected.numpy(), rtol=1e-5, atol=1e-5
        )


# --- memory that is not the CPU's ---------------------------------------------------------------


def test_numpy_conversion_needs_a_move_first(gpu):
    x = xp.ones(2, device=gpu)
    with pytest.raises(TypeError, match=r"on emulated:gpu; call .to_device\('cpu'\) first"):
        x.numpy()
    with pytest.raises(TypeError, match="to_device"):
        np.asarray(x)
    assert x.tolist() == [1.0, 1.0] and float(x[0]) == 1.0  # Python scalars are fine
    assert x.to_device("cpu").numpy().tolist() == [1.0, 1.0]
    assert "device='emulated:gpu'" in repr(x)


def test_dlpack_reports_an_external_device_and_exports_host_copies_only(gpu, no_f64):
    x = xp.asarray([1.0, 2.0], dtype=xp.float32, device=gpu)
    assert x.__dlpack_device__() == (12, 0)
    assert xp.ones(1, device=no_f64).__dlpack_device__() == (12, 1)
    with pytest.raises(BufferError, match=r"ask for a host copy with dl_device=\(1, 0\)"):
        x.__dlpack__(max_version=(1, 0))
    with pytest.raises(BufferError):
        np.from_dlpack(x)  # a host-only consumer meets an accelerator's tensor
    info = read_capsule(x.__dlpack__(max_version=(1, 0), dl_device=(1, 0)))
    assert info.flags == abi.IS_COPIED and info.device_type == 1
    host = np.from_dlpack(x, device="cpu")
    assert host.tolist() == [1.0, 2.0]
    host[0] = 5.0
    assert x.tolist() == [1.0, 2.0]
    with pytest.raises(CopyError, match="a copy is needed"):
        x.__dlpack__(max_version=(1, 0), dl_device=(1, 0), copy=False)
    with pytest.raises(BufferError, match="cannot export"):
        x.__dlpack__(max_version=(1, 0), dl_device=(2, 0))
    with pytest.raises(ValueError, match="stream must be None"):
        x.__dlpack__(max_version=(1, 0), dl_device=(1, 0), stream=1)


def test_xtensor_imports_emulated_tensors_without_a_capsule(gpu):
    x = xp.asarray([1.0, 2.0], device=gpu)
    same = xp.from_dlpack(x)
    assert same.device is gpu
    same[0] = 3.0
    assert x.tolist() == [3.0, 2.0]  # shared, as from_dlpack on one device is
    moved = xp.from_dlpack(x, device="cpu")
    assert moved.device is CPU and moved.tolist() == [3.0, 2.0]
    with pytest.raises(CopyError):
        xp.from_dlpack(x, device="cpu", copy=False)
    assert xp.asarray(x) is x and xp.asarray(x, device=CPU).device is CPU


def test_read_only_views_and_pointers_behave_as_on_the_cpu(gpu):
    view = xp.broadcast_to(xp.ones(1, device=gpu), (3,))
    assert view.is_readonly
    with pytest.raises(ValueError, match="this tensor is read-only"):
        view[0] = 2.0
    x = xp.ones(4, device=gpu)
    assert x[1:].data_ptr() == x.data_ptr() + x.element_size()


def test_strict_mode_applies_on_emulated_devices(gpu):
    x = xp.ones(2, dtype=xp.int32, device=gpu)
    with xp.strict(), pytest.raises(TypeError, match="Python float with an int32 tensor"):
        x + 1.5
    assert (x + 1.5).device is gpu


def test_moves_between_cuda_and_emulated_devices(gpu, no_f64):
    if len([d for d in xp.__array_namespace_info__().devices() if d.kind == "cuda"]) == 0:
        pytest.skip("no CUDA device")
    x = xp.asarray([1.0, 2.0], dtype=xp.float32, device="cuda:0")
    for dev in (gpu, no_f64):
        there = x.to_device(dev)
        assert there.device is dev and there.tolist() == [1.0, 2.0]
        back = there.to_device("cuda:0")
        assert back.device == "cuda:0" and back.tolist() == [1.0, 2.0]
    with pytest.raises(ValueError, match="different devices"):
        x + x.to_device(gpu)
    with pytest.raises(TypeError, match="has no float64"):
        xp.ones(2, device="cuda:0").to_device(no_f64)
