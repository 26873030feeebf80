"""``copy`` x ``dl_device``: for ``__dlpack__`` (xtensor producing, each peer asking
through its own keywords) and for ``from_dlpack``/``asarray`` (xtensor consuming each
peer's arrays), and where the result lives.

IS_COPIED is set exactly when a copy was made; ``copy=None`` shares, ``copy=True``
copies once, ``copy=False`` shares or raises ``xtensor.CopyError`` (a BufferError and
a ValueError); a device DLPack cannot reach is a BufferError.
"""

from __future__ import annotations

import numpy as np
import pytest

import xtensor as xp
from xtensor import _dlpack_abi as abi
from xtensor import _report as report

from ._capsules import HandMade
from ._support import address, need

CPU_PRODUCERS = [*report.peers_on("cpu"), report.XtensorPeer("cpu")]


def test_the_reports_copy_and_device_checks_hold():
    failed = [c for c in report.copy_checks("cpu") if not c.ok]
    assert not failed, "\n".join(f"{c.exchange}: {c.outcome} ({c.detail})" for c in failed)


@pytest.mark.parametrize("dl_device", [(2, 0), (1, 1), (3, 0), (13, 0), (10, 0), (99, 0)])
@pytest.mark.parametrize("copy", [None, False, True])
def test_dunder_dlpack_refuses_devices_it_is_not_on(dl_device, copy):
    t = xp.asarray([1.0, 2.0])
    with pytest.raises(BufferError, match="DLPack device") as info:
        t.__dlpack__(max_version=(1, 0), dl_device=dl_device, copy=copy)
    assert not isinstance(info.value, xp.CopyError)  # no copy could help


@pytest.mark.parametrize(
    "peer, kwargs, copied",
    [
        ("numpy", {"copy": True}, True),
        ("numpy", {"copy": False}, False),
        ("numpy", {"device": "cpu"}, False),
        ("numpy", {"device": "cpu", "copy": True}, True),
        ("numpy", {"device": "cpu", "copy": False}, False),
        ("torch", {"copy": True}, True),
        ("torch", {"copy": False}, False),
        ("array_api_strict", {"copy": True}, True),
        ("array_api_strict", {"copy": False}, False),
    ],
)
def test_peers_asking_for_copies_get_flagged_copies(peer, kwargs, copied):
    lib = need(peer)
    a = np.arange(6.0)
    t = xp.as_tensor(a)
    spy = report.Spy(t)
    out = lib.from_dlpack(spy, **kwargs)
    _, _, flags = spy.headers[-1]
    assert flags == (abi.IS_COPIED if copied else 0)
    n = np.from_dlpack(out)
    assert n.tolist() == a.tolist()
    assert (address(n) != address(a)) == copied
    a[0] = 42.0
    assert (n[0] == 42.0) == (not copied)


@pytest.mark.parametrize("producer", CPU_PRODUCERS, ids=lambda p: p.name)
@pytest.mark.parametrize("device", [None, "cpu"])
@pytest.mark.parametrize("copy", [None, False, True])
@pytest.mark.parametrize("entry", ["from_dlpack", "asarray"])
def test_from_dlpack_and_asarray_copy_and_device(producer, device, copy, entry):
    missing = producer.unavailable()
    if missing:
        pytest.skip(missing)
    convert = getattr(xp, entry)
    with producer.session():
        source = producer.base(report.sample("int32", (2, 3)))
        t = convert(source, device=device, copy=copy)
        assert t.device == "cpu"
        assert t.tolist() == producer.host(source).tolist()
        shared = t.data_ptr() == producer.pointer(source)
        assert shared == (not copy)
        if copy:
            assert not t.is_readonly
            t[0, 0] = 100
            assert producer.get(source, (0, 0)) == 1
        elif not producer.immutable:
            producer.put(source, (0, 0), 50)
            assert t[0, 0].item() == 50
        else:
            assert t.is_readonly


def test_copy_true_copies_once():
    # xtensor asks the producer for its memory and copies it itself: one copy, and
    # the producer is never asked to copy (torch and JAX copy without IS_COPIED)
    torch = need("torch")
    tt = torch.arange(4.0)
    spy = report.Spy(tt)
    t = xp.from_dlpack(spy, copy=True)
    assert spy.calls == [{"max_version": (1, 3)}]
    assert t.data_ptr() != tt.data_ptr() and not t.is_readonly


# --- copy=False when a copy is needed: CopyError, both BufferError and ValueError ---------


def _misaligned() -> np.ndarray:
    return np.frombuffer(bytearray(8 * 4 + 1), dtype=np.uint8)[1:].view(np.float64)


def _torch_int8(copy: bool | None) -> xp.Tensor:
    torch = need("torch")
    return xp.asarray(torch.arange(3), dtype=xp.int8, copy=copy)


NEEDS_A_COPY = {
    "another dtype": lambda: xp.asarray(np.arange(3), dtype=xp.float32, copy=False),
    "byte-swapped": lambda: xp.asarray(np.arange(3, dtype=">f8"), copy=False),
    "misaligned": lambda: xp.asarray(_misaligned(), copy=False),
    "a Python list": lambda: xp.asarray([1, 2], copy=False),
    "a NumPy scalar": lambda: xp.asarray(np.float64(1.0), copy=False),
    "a producer that copied": lambda: xp.from_dlpack(
        HandMade(np.arange(3.0), flags=abi.IS_COPIED), copy=False
    ),
    "torch, another dtype": lambda: _torch_int8(False),
}


@pytest.mark.parametrize("case", list(NEEDS_A_COPY))
def test_copy_false_when_a_copy_is_needed_raises_copy_error(case):
    with pytest.raises(xp.CopyError, match="copy=False") as info:
        NEEDS_A_COPY[case]()
    assert isinstance(info.value, BufferError) and isinstance(info.value, ValueError)
    assert "a copy is needed" in str(info.value) or "copied" in str(info.value)


def test_copy_error_is_documented():
    assert issubclass(xp.CopyError, BufferError) and issubclass(xp.CopyError, ValueError)
    doc = xp.CopyError.__doc__ or ""
    assert "BufferError" in doc and "ValueError" in doc and "copy=False" in doc
    for function in (xp.asarray, xp.from_dlpack):
        assert "CopyError" in (function.__doc__ or ""), function.__name__
    assert "CopyError" in (xp.Tensor.__dlpack__.__doc__ or "")


# --- device placement ------------------------------------------------------------------------


@pytest.mark.parametrize("producer", CPU_PRODUCERS, ids=lambda p: p.name)
def test_cpu_data_stays_on_the_cpu(producer):
    missing = producer.unavailable()
    if missing:
        pytest.skip(missing)
    with producer.session():
        source = producer.base(report.sample("float32", (4,)))
        for convert in (xp.as_tensor, xp.asarray, xp.from_dlpack):
            t = convert(source)
            assert t.device == "cpu" and t.device is xp.Device("cpu")
            assert t.__dlpack_device__() == (1, 0)
            assert t.to_device("cpu") is t
            assert t.data_ptr() == producer.pointer(source)
