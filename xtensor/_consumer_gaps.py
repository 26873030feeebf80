"""DLPack consumers that break the contract, and how xtensor exports to them safely.

PyTorch (2.13 and earlier), asked through ``torch.from_dlpack`` (which
``torch.asarray``, ``torch.as_tensor`` and ``torch.tensor`` call for DLPack producers):

- ignores the READ_ONLY flag: the tensor it makes over read-only memory is writeable,
  and its writes land in memory its owner declared immutable (a JAX array, a file
  mapped read-only, a broadcast view whose zero strides make one element many);
- aborts the whole process on negative strides (pytorch#188023, pytorch#92680),
  where ``torch.from_numpy`` refuses them with a ValueError.

xtensor cannot fix PyTorch, but it can refuse to hand it memory it would misuse.
When ``Tensor.__dlpack__`` is called by PyTorch for a read-only or negatively strided
CPU tensor, sharing is not possible safely, so the export is a copy, flagged
IS_COPIED, exactly as the standard's ``copy=None`` allows ("copy when sharing is not
possible"); with ``copy=False`` it raises CopyError saying why. Every PyTorch entry
point then gets the right values, and nothing is written where it must not be. Code
that calls ``tensor.__dlpack__()`` itself and hands the capsule to PyTorch is not
recognised: PyTorch's gaps are described in docs/user-guide/interop.rst, and
``conformance/test_consumer_gaps.py`` pins both, failing when PyTorch fixes them (then
this module can go).
"""

from __future__ import annotations

from typing import Any

__all__ = ["TORCH_CONSUMERS", "why_not_share_with_torch"]

# The modules whose code calls ``__dlpack__`` for PyTorch.
TORCH_CONSUMERS = frozenset({"torch.utils.dlpack"})

READ_ONLY_REASON = (
    "PyTorch ignores DLPack's READ_ONLY flag, so the tensor it made would write into "
    "this tensor's read-only memory"
)
NEGATIVE_STRIDES_REASON = (
    "PyTorch aborts the process on negative strides (pytorch#188023, pytorch#92680)"
)


def why_not_share_with_torch(array: Any) -> str | None:
    """Why PyTorch must not be given the memory of this NumPy array, or None."""
    if not array.flags.writeable:
        return READ_ONLY_REASON
    for stride in array.strides:
        if stride < 0:
            return NEGATIVE_STRIDES_REASON
    return None
