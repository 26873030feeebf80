"""Read-only end to end.

Read-only memory (a read-only NumPy array, ``bytes``, a broadcast view, a JAX array)
stays read-only through every xtensor tensor made from it, however many hops: the
READ_ONLY flag is set on export, honoured on import, and NumPy and array-api-strict
honour it too; torch ignores it (it has no read-only tensors, and gets a copy);
JAX honours it where it asks for versioned capsules, and where it asks only for legacy
capsules, which cannot say read-only, it gets the memory all the same (its arrays are
immutable). Never a warning.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import xtensor as xp
from xtensor import _dlpack_abi as abi
from xtensor import _report as report

from ._support import address, fields, need


def _read_only_source() -> np.ndarray:
    a = np.arange(1.0, 7.0).reshape(2, 3)
    a.flags.writeable = False
    return a


def _refuses_writes(t: xp.Tensor) -> None:
    assert t.is_readonly
    with pytest.raises(ValueError, match="read-only"):
        t[0, 0] = 9.0
    with pytest.raises(ValueError, match="read-only"):
        t += 1.0


def test_read_only_survives_every_hop_without_a_warning():
    source = _read_only_source()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        hops = [xp.as_tensor(source)]
        hops.append(xp.asarray(np.from_dlpack(hops[-1])))
        hops.append(xp.from_dlpack(hops[-1]))
        strict = report.StrictPeer()
        if strict.unavailable() is None:
            hops.append(xp.from_dlpack(strict.lib().from_dlpack(hops[-1])))
        hops.append(xp.as_tensor(hops[-1].numpy()))
        hops.append(xp.from_dlpack(hops[-1][::-1]))
    assert caught == []
    for t in hops[:-1]:
        assert t.data_ptr() == address(source)
        _refuses_writes(t)
    assert hops[-1].is_readonly
    assert np.array_equal(source, np.arange(1.0, 7.0).reshape(2, 3))


def test_every_export_of_a_read_only_tensor_says_so():
    t = xp.as_tensor(_read_only_source())
    assert fields(t.__dlpack__(max_version=(1, 0))).flags == abi.READ_ONLY
    assert fields(t.__dlpack__(max_version=(1, 0), dl_device=(1, 0))).flags == abi.READ_ONLY
    # a copy is writeable, so it carries IS_COPIED alone
    assert fields(t.__dlpack__(max_version=(1, 0), copy=True)).flags == abi.IS_COPIED
    # a legacy capsule cannot say read-only: refused, unless a copy is asked for
    with pytest.raises(BufferError, match="read-only"):
        t.__dlpack__()
    assert fields(t.__dlpack__(copy=True)).name == abi.LEGACY_NAME
    # NumPy honours the flag
    n = np.from_dlpack(t)
    assert not n.flags.writeable and address(n) == t.data_ptr()
    assert np.asarray(t).flags.writeable is False


def test_writeable_tensors_export_no_flags():
    t = xp.asarray(np.arange(3.0))
    assert fields(t.__dlpack__(max_version=(1, 0))).flags == 0
    assert np.from_dlpack(t).flags.writeable


def test_torch_takes_read_only_tensors_without_a_warning():
    # torch has no read-only tensors and ignores READ_ONLY: whatever it does, the
    # values are right, nothing warns, and xtensor's side stays read-only
    torch = need("torch")
    source = _read_only_source()
    t = xp.as_tensor(source)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tt = torch.from_dlpack(t)
        again = xp.as_tensor(source)
    assert caught == []
    assert tt.tolist() == source.tolist()
    _refuses_writes(t)
    _refuses_writes(again)


def test_xtensor_shares_read_only_arrays_silently():
    # torch.as_tensor shares a read-only array as writeable and warns (pytorch#175395);
    # xtensor shares it read-only, silently, through every entry point
    source = _read_only_source()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tensors = [xp.as_tensor(source), xp.asarray(source), xp.from_dlpack(source)]
    assert caught == []
    for t in tensors:
        assert t.data_ptr() == address(source)
        _refuses_writes(t)


def test_jax_consumer_gets_read_only_tensors_it_never_writes():
    # JAX asks for a legacy capsule, which cannot say read-only; its arrays are
    # immutable, so it gets the memory all the same (xtensor._peer_gaps).
    jax = need("jax")
    source = _read_only_source()
    t = xp.as_tensor(source)
    j = jax.dlpack.from_dlpack(t)
    assert j.tolist() == source.tolist()
    with pytest.raises(TypeError):  # JAX arrays are immutable
        j[0, 0] = 9.0
    assert t.is_readonly and np.array_equal(source, np.arange(1.0, 7.0).reshape(2, 3))


def test_jax_arrays_come_in_read_only():
    need("jax")
    peer = report.JaxPeer()
    with peer.session():
        j = peer.base(report.sample("float32", (2, 3)))
        for convert in (xp.as_tensor, xp.asarray, xp.from_dlpack):
            t = convert(j)
            assert t.data_ptr() == j.unsafe_buffer_pointer()
            _refuses_writes(t)
        # a copy is writeable
        c = xp.from_dlpack(j, copy=True)
        c[0, 0] = 5.0
        assert c[0, 0].item() == 5.0


def test_bytes_and_broadcasts_are_read_only():
    b = bytes(range(6))
    t = xp.as_tensor(b)
    assert t.dtype == xp.uint8 and t.data_ptr() == address(np.frombuffer(b, np.uint8))
    with pytest.raises(ValueError, match="read-only"):
        t[0] = 1
    base = np.arange(3.0)
    view = np.broadcast_to(base, (2, 3))
    u = xp.as_tensor(view)
    assert u.is_readonly and u.stride() == (0, 1)
    base[0] = 5.0
    assert u[1, 0].item() == 5.0


def test_tensor_of_read_only_input_is_a_writeable_copy():
    source = _read_only_source()
    t = xp.tensor(source)
    t[0, 0] = 9.0
    assert source[0, 0] == 1.0
    u = xp.asarray(source, copy=True)
    assert not u.is_readonly and u.data_ptr() != address(source)
