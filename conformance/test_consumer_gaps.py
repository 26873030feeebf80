"""PyTorch's DLPack gaps, pinned, and what xtensor does about them (xtensor._consumer_gaps).

PyTorch ignores the READ_ONLY flag and aborts the process on negative strides. The
first two tests pin both gaps on PyTorch's own, with a NumPy producer: when one fails,
PyTorch has fixed that gap, and the copy xtensor makes for it can go. The others show
that through xtensor, every PyTorch entry point gets the right values and never
writes into read-only memory.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

import xtensor as xp
from xtensor._errors import CopyError

from ._support import address, need

FIXED = "PyTorch {} now: drop that case from xtensor._consumer_gaps and from the docs"


def test_pytorch_still_ignores_read_only():
    torch = need("torch")
    frozen = np.arange(4.0)
    frozen.flags.writeable = False
    tt = torch.from_dlpack(frozen)
    if tt.data_ptr() != address(frozen):
        pytest.fail(FIXED.format("copies read-only memory"))
    tt[0] = 5.0  # no error: the write lands in the read-only array
    assert frozen[0] == 5.0, FIXED.format("honours READ_ONLY")


def test_pytorch_still_aborts_on_negative_strides():
    need("torch")
    code = "import numpy as np, torch; print(torch.from_dlpack(np.arange(4.0)[::-1]).tolist())"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode != 0, FIXED.format(f"takes negative strides ({done.stdout.strip()})")
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
