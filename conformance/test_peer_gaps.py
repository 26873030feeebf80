"""The peers' DLPack gaps, pinned, and what xtensor does about them (xtensor._peer_gaps).

PyTorch ignores the READ_ONLY flag, aborts the process on negative strides, and
exports its lazy negative bit as if it were not set; JAX asks for legacy capsules
only and shares memory where ``copy=True`` asked for a copy. The tests named
``test_*_still_*`` pin each gap on the peer's own, without xtensor: when one fails, the
peer has fixed that gap, and what xtensor does for it can go. The others show that
through xtensor every entry point gets the right values, never writes into read-only
memory, and that the JAX -> xtensor -> JAX round trip shares.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

import xtensor as xp
from xtensor._errors import CopyError

from ._support import address, need

FIXED = "{} now: drop that case from xtensor._peer_gaps, xtensor._hazards and the docs"


def test_pytorch_still_ignores_read_only():
    torch = need("torch")
    frozen = np.arange(4.0)
    frozen.flags.writeable = False
    tt = torch.from_dlpack(frozen)
    if tt.data_ptr() != address(frozen):
        pytest.fail(FIXED.format("PyTorch copies read-only memory"))
    tt[0] = 5.0  # no error: the write lands in the read-only array
    assert frozen[0] == 5.0, FIXED.format("PyTorch honours READ_ONLY")


def test_pytorch_still_aborts_on_negative_strides():
    need("torch")
    code = "import numpy as np, torch; print(torch.from_dlpack(np.arange(4.0)[::-1]).tolist())"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode != 0, FIXED.format(
        f"PyTorch takes negative strides ({done.stdout.strip()})"
    )
    assert done.returncode < 0 or "stride" in done.stderr.lower(), done.stderr[-2000:]


def _torch_entry_points(torch):
    return {
        "torch.from_dlpack": torch.from_dlpack,
        "torch.asarray": torch.asarray,
        "torch.as_tensor": torch.as_tensor,
        "torch.tensor": torch.tensor,
    }


@pytest.mark.parametrize(
    "entry", ["torch.from_dlpack", "torch.asarray", "torch.as_tensor", "torch.tensor"]
)
def test_pytorch_gets_a_copy_of_read_only_tensors(entry):
    torch = need("torch")
    frozen = np.arange(6.0).reshape(2, 3)
    frozen.flags.writeable = False
    broadcast = xp.broadcast_to(xp.asarray([1.0, 2.0, 3.0]), (2, 3))
    for t in (xp.as_tensor(frozen), broadcast):
        before = t.tolist()
        tt = _torch_entry_points(torch)[entry](t)
        assert tt.tolist() == before
        assert tt.data_ptr() != t.data_ptr()
        tt[0, 0] = -1.0
        assert t.tolist() == before and t.is_readonly
    assert frozen[0, 0] == 0.0


@pytest.mark.parametrize(
    "entry", ["torch.from_dlpack", "torch.asarray", "torch.as_tensor", "torch.tensor"]
)
def test_pytorch_gets_a_copy_of_negatively_strided_tensors(entry):
    torch = need("torch")
    t = xp.reshape(xp.arange(12.0), (3, 4))[::-1, ::-2]
    tt = _torch_entry_points(torch)[entry](t)
    assert tt.tolist() == t.tolist()
    assert all(s > 0 for s in tt.stride())


def test_pytorch_still_shares_what_it_can_take():
    torch = need("torch")
    t = xp.reshape(xp.arange(12.0), (3, 4))[:, 1::2]
    tt = torch.from_dlpack(t)
    assert tt.data_ptr() == t.data_ptr()
    tt[0, 0] = -1.0
    assert float(t[0, 0]) == -1.0


def test_pytorch_asking_for_no_copy_is_told_why():
    torch = need("torch")
    frozen = np.arange(3.0)
    frozen.flags.writeable = False
    with pytest.raises(CopyError, match="PyTorch ignores DLPack's READ_ONLY flag"):
        torch.from_dlpack(xp.as_tensor(frozen), copy=False)
    with pytest.raises(CopyError, match="PyTorch aborts the process on negative strides"):
        torch.from_dlpack(xp.flip(xp.arange(3.0)), copy=False)


def test_other_consumers_still_share_read_only_and_negative_strides():
    frozen = np.arange(3.0)
    frozen.flags.writeable = False
    t = xp.as_tensor(frozen)
    n = np.from_dlpack(t)
    assert address(n) == address(frozen) and not n.flags.writeable
    flipped = xp.flip(xp.arange(3.0))
    assert address(np.from_dlpack(flipped)) == flipped.data_ptr()


# --- PyTorch's negative and conjugate bits, into xtensor -----------------------------------


def _negative_bit(torch):
    v = torch.tensor([1 + 1j, 2 - 3j]).conj().imag
    assert v.is_neg() and v.tolist() == [-1.0, 3.0]
    return v


def test_pytorch_still_exports_the_negative_bit_as_if_unset():
    torch = need("torch")
    v = _negative_bit(torch)
    assert np.from_dlpack(v).tolist() == [1.0, -3.0], FIXED.format("PyTorch negates on export")


@pytest.mark.parametrize("convert", [xp.as_tensor, xp.asarray, xp.from_dlpack])
def test_the_negative_bit_is_resolved_on_import(convert):
    torch = need("torch")
    v = _negative_bit(torch)
    t = convert(v)
    assert t.tolist() == [-1.0, 3.0]
    assert t.data_ptr() != v.data_ptr() and not t.is_readonly  # a copy PyTorch computed
    t[0] = 10.0
    assert v.tolist() == [-1.0, 3.0]


@pytest.mark.parametrize(
    "convert",
    [
        lambda v: xp.asarray(v, copy=True),
        lambda v: xp.from_dlpack(v, copy=True),
        lambda v: xp.asarray(v, dtype=xp.float64),
        lambda v: xp.as_tensor(v, dtype=xp.float64),
        lambda v: xp.tensor(v),
    ],
)
def test_the_negative_bit_is_resolved_with_every_keyword(convert):
    torch = need("torch")
    assert convert(_negative_bit(torch)).tolist() == [-1.0, 3.0]


@pytest.mark.parametrize("convert", [xp.asarray, xp.from_dlpack])
def test_the_negative_bit_under_copy_false_is_refused_with_the_reason(convert):
    torch = need("torch")
    with pytest.raises(CopyError, match="negative bit set"):
        convert(_negative_bit(torch), copy=False)


def test_the_negative_bit_goes_back_to_pytorch_right():
    # torch -> xtensor -> torch (and -> NumPy): the values xtensor passes on are right.
    torch = need("torch")
    t = xp.as_tensor(_negative_bit(torch))
    assert torch.from_dlpack(t).tolist() == [-1.0, 3.0]
    assert np.from_dlpack(t).tolist() == [-1.0, 3.0]


def test_the_conjugate_bit_is_resolved_too():
    torch = need("torch")
    z = torch.tensor([1 + 1j, 2 - 3j]).conj()
    assert z.is_conj()
    with pytest.raises(BufferError):  # PyTorch refuses to export it itself
        np.from_dlpack(z)
    assert xp.as_tensor(z).tolist() == [1 - 1j, 2 + 3j]
    with pytest.raises(CopyError, match="conjugate bit set"):
        xp.asarray(z, copy=False)


def test_tensors_without_lazy_bits_are_still_shared():
    torch = need("torch")
    z = torch.tensor([1 + 1j, 2 - 3j])
    for v in (z.imag, z.conj().conj(), z.conj().real, torch.arange(3.0)):
        assert not v.is_neg() and not v.is_conj()
        assert xp.asarray(v, copy=False).data_ptr() == v.data_ptr()


# --- JAX ---------------------------------------------------------------------------------


def _jax():
    jax = need("jax")
    jax.config.update("jax_enable_x64", True)
    return jax


def test_jax_still_asks_for_one_of_the_capsules_xtensor_knows():
    # JAX up to 0.10 asks for legacy capsules only (no max_version), which cannot say
    # read-only; later releases (0.12 on Python 3.13) ask for versioned ones.
    jax = _jax()
    from xtensor._report import Spy

    spy = Spy(xp.asarray([1.0, 2.0]))
    jax.numpy.from_dlpack(spy, copy=True)
    legacy = [{"stream": None}]
    versioned = [{"stream": None, "max_version": spy.calls[0].get("max_version")}]
    assert spy.calls in (legacy, versioned), FIXED.format(f"JAX asks {spy.calls}")
    if spy.calls == versioned:
        assert spy.calls[0]["max_version"][0] == 1, FIXED.format(f"JAX asks {spy.calls}")


def test_jax_that_asks_for_legacy_capsules_still_refuses_versioned_ones():
    jax = _jax()
    from xtensor._report import JaxPeer

    if JaxPeer().asks_versioned():
        pytest.skip(f"JAX {jax.__version__} asks for versioned capsules, and reads them")

    class Versioned:
        def __dlpack__(self, **kwargs):
            return np.arange(64.0).__dlpack__(max_version=(1, 0))

        def __dlpack_device__(self):
            return (1, 0)

    with pytest.raises(Exception, match="dltensor"):
        jax.numpy.from_dlpack(Versioned())


def test_jax_round_trip_shares_read_only_memory():
    jax = _jax()
    j = jax.numpy.arange(64.0)
    t = xp.as_tensor(j)
    assert t.is_readonly
    for back in (jax.numpy.from_dlpack(t), jax.dlpack.from_dlpack(t)):
        assert back.unsafe_buffer_pointer() == j.unsafe_buffer_pointer()
        assert back.tolist() == j.tolist()
    # JAX's copy=True (JAX copies after the import, or not: see below) works too.
    assert jax.numpy.from_dlpack(t, copy=True).tolist() == j.tolist()


def test_jax_gets_read_only_numpy_memory_and_never_writes_it():
    # The legacy capsule says "writeable"; JAX's arrays are immutable, and even a donated
    # argument does not reuse memory it imported.
    jax = _jax()
    raw = np.zeros(1024 + 8)
    skip = (-raw.ctypes.data % 64) // 8
    frozen = raw[skip : skip + 1024]
    frozen[:] = 1.0
    frozen.flags.writeable = False
    j = jax.numpy.from_dlpack(xp.as_tensor(frozen))
    assert j.unsafe_buffer_pointer() == frozen.ctypes.data
    out = jax.jit(lambda x: x * 2.0 + 1.0, donate_argnums=0)(j)
    out = out.at[0].set(7.0)
    out.block_until_ready()
    assert out.unsafe_buffer_pointer() != frozen.ctypes.data
    assert (frozen == 1.0).all()


def test_other_legacy_consumers_of_read_only_tensors_are_told_what_works():
    frozen = np.arange(3.0)
    frozen.flags.writeable = False
    with pytest.raises(BufferError, match=r"xtensor\.tensor\(x\)"):
        xp.as_tensor(frozen).__dlpack__()


def test_jax_copy_true_still_shares_aligned_memory():
    jax = _jax()
    from xtensor._report import aligned

    t = aligned(64)
    j = jax.numpy.from_dlpack(t, copy=True)
    t[0] = 42.0
    assert np.from_dlpack(j)[0] == 42.0, FIXED.format("JAX's from_dlpack(copy=True) copies")
    # what works: a copy xtensor makes
    safe = jax.numpy.from_dlpack(xp.tensor(t))
    t[0] = 43.0
    assert np.from_dlpack(safe)[0] == 42.0
