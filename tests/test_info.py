"""The inspection namespace ``__array_namespace_info__()`` against the standard's lists."""

import inspect

import pytest
from hypothesis import given
from hypothesis import strategies as st

import xtensor as xp
from xtensor import _backend

# The standard's dtypes of each kind, by name (no float16: an extension, never listed).
STANDARD = {
    "bool": ["bool"],
    "signed integer": ["int8", "int16", "int32", "int64"],
    "unsigned integer": ["uint8", "uint16", "uint32", "uint64"],
    "real floating": ["float32", "float64"],
    "complex floating": ["complex64", "complex128"],
}
STANDARD["integral"] = STANDARD["signed integer"] + STANDARD["unsigned integer"]
STANDARD["numeric"] = (
    STANDARD["integral"] + STANDARD["real floating"] + STANDARD["complex floating"]
)
ATOMIC = ["bool", "signed integer", "unsigned integer", "real floating", "complex floating"]

info = xp.__array_namespace_info__()
devices = st.sampled_from([None, "cpu", xp.Device("cpu"), *info.devices()])


def test_the_namespace_and_tensors_reach_the_same_info():
    assert "__array_namespace_info__" in xp.__all__
    assert xp.asarray(1).__array_namespace__().__array_namespace_info__() is info
    assert inspect.signature(xp.__array_namespace_info__).parameters == {}


def test_capabilities():
    caps = info.capabilities()
    assert caps == {"boolean indexing": True, "data-dependent shapes": True, "max dimensions": 64}
    assert xp.zeros((1,) * caps["max dimensions"]).ndim == 64
    with pytest.raises(ValueError, match="at most 64 dimensions"):
        xp.zeros((1,) * (caps["max dimensions"] + 1))
    caps["max dimensions"] = 1  # the caller's own copy
    assert info.capabilities()["max dimensions"] == 64


def test_devices():
    found = info.devices()
    assert type(found) is tuple
    assert found[0] is xp.Device("cpu")
    count = _backend.cuda_device_count()
    assert found[1:] == tuple(xp.Device(f"cuda:{i}") for i in range(count))
    assert info.default_device() is xp.Device("cpu")
    assert info.default_device() in found
    assert xp.zeros(1).device is info.default_device()
    for device in found:
        assert xp.empty(1, device=device).device is device


@given(device=devices)
def test_default_dtypes(device):
    defaults = info.default_dtypes(device=device)
    assert defaults == {
        "real floating": xp.float64,
        "complex floating": xp.complex128,
        "integral": xp.int64,
        "indexing": xp.int64,
    }
    # the defaults are the ones creation functions use
    assert xp.zeros(1, device=device).dtype is defaults["real floating"]
    assert xp.full(1, 1j, device=device).dtype is defaults["complex floating"]
    assert xp.arange(2, device=device).dtype is defaults["integral"]


@given(
    kind=st.none()
    | st.sampled_from([*ATOMIC, "integral", "numeric"])
    | st.lists(st.sampled_from([*ATOMIC, "integral", "numeric"]), max_size=4).map(tuple),
    device=devices,
)
def test_dtypes(kind, device):
    found = info.dtypes(kind=kind, device=device)
    if kind is None:
        names = {n for k in ATOMIC for n in STANDARD[k]}
    else:
        names = {n for k in (kind if isinstance(kind, tuple) else (kind,)) for n in STANDARD[k]}
    assert set(found) == names
    for name, dtype in found.items():
        assert dtype is getattr(xp, name)
        assert xp.empty(1, dtype=dtype, device=device).dtype is dtype


def test_info_errors():
    with pytest.raises(ValueError, match="dtypes: unknown kind 'integer'"):
        info.dtypes(kind="integer")
    with pytest.raises(ValueError, match="unknown kind 'float16'"):
        info.dtypes(kind=("bool", "float16"))
    with pytest.raises(TypeError, match="dtypes: kind must be a kind name or a tuple"):
        info.dtypes(kind=xp.float32)
    with pytest.raises(TypeError, match=r"got \(\('bool',\),\)"):
        info.dtypes(kind=(("bool",),))
    with pytest.raises(ValueError, match="unknown device 'tpu'"):
        info.dtypes(device="tpu")
    with pytest.raises(ValueError, match="unknown device 'tpu'"):
        info.default_dtypes(device="tpu")
    with pytest.raises(TypeError):
        info.dtypes("bool")  # keyword-only
    with pytest.raises(TypeError):
        info.default_dtypes("cpu")  # keyword-only


@pytest.mark.skipif(_backend.cuda_device_count() > 0, reason="a CUDA device is present")
def test_unavailable_cuda_device_is_refused():
    with pytest.raises(ValueError, match="no CUDA device is available"):
        info.dtypes(device="cuda:0")
