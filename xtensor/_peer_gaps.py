"""Peers that break the DLPack contract, and what xtensor does about it, both ways.

Exporting, to consumers that misuse what they are given (recognised by the module
that calls ``Tensor.__dlpack__``):

- PyTorch (2.13 and earlier), through ``torch.from_dlpack`` (which ``torch.asarray``,
  ``torch.as_tensor`` and ``torch.tensor`` call for DLPack producers), ignores the
  READ_ONLY flag: the tensor it makes over read-only memory is writeable, and its
  writes land in memory its owner declared immutable (a JAX array, a file mapped
  read-only, a broadcast view whose zero strides make one element many). It also
  aborts the whole process on negative strides (pytorch#188023, pytorch#92680), where
  ``torch.from_numpy`` refuses them with a ValueError. Sharing such a tensor is not
  possible safely, so PyTorch gets a copy, flagged IS_COPIED, exactly as the
  standard's ``copy=None`` allows ("copy when sharing is not possible"); with
  ``copy=False`` it gets CopyError saying why.
- JAX (0.10) asks for a legacy capsule only (``__dlpack__(stream=None)``: no
  ``max_version``, and ``jax.numpy.from_dlpack(x, copy=True)`` copies after the
  import, never asking the producer), and refuses versioned capsules by their name. A
  legacy capsule cannot say read-only, so the standard's answer for a read-only tensor
  is BufferError, and JAX -> xtensor -> JAX failed. But JAX never writes into memory
  it imports (its arrays are immutable, and an imported buffer is not donated in
  place), so JAX gets the read-only memory itself, in a legacy capsule: the round
  trip shares, as it should.

Importing, from producers whose export is wrong:

- PyTorch's lazy negative bit: ``torch.tensor([1+1j]).conj().imag`` is ``[-1.]``, a
  view that negates on read, but its DLPack export drops the bit, so every consumer
  (``numpy.from_dlpack`` included) reads ``[1.]``. Its conjugate bit it refuses to
  export. No memory holds such a tensor's values, so PyTorch cannot give a correct
  view: xtensor asks PyTorch to compute them (``resolve_conj().resolve_neg()``, a
  copy) and imports that; with ``copy=False`` it refuses, saying why.

Code that calls ``tensor.__dlpack__()`` itself and hands the capsule to PyTorch is
not recognised. The gaps are described in docs/user-guide/interop.rst, the report
(``python -m xtensor``) lists them as hazards, and ``conformance/test_peer_gaps.py``
pins each, failing when the peer fixes it (then its case here can go).
"""

from __future__ import annotations

import sys
from typing import Any

from . import _dlpack
from ._devices import CPU
from ._errors import CopyError

__all__ = [
    "CONSUMERS",
    "export_to",
    "why_not_share_with_torch",
    "lazy_bits",
    "resolve_lazy_bits",
]

# The modules whose code calls ``__dlpack__`` for a consumer with a gap, and the
# consumer's name.
TORCH = "torch"
JAX = "jax"
CONSUMERS = {"torch.utils.dlpack": TORCH, "jax._src.dlpack": JAX}

READ_ONLY_REASON = (
    "PyTorch ignores DLPack's READ_ONLY flag, so the tensor it made would write into "
    "this tensor's read-only memory"
)
NEGATIVE_STRIDES_REASON = (
    "PyTorch aborts the process on negative strides (pytorch#188023, pytorch#92680)"
)


def export_to(
    consumer: str, array: Any, *, stream: Any, max_version: Any, dl_device: Any, copy: Any
) -> Any:
    """The capsule of the CPU ``array`` for the consumer whose module is ``consumer``
    (a key of ``CONSUMERS``), as ``Tensor.__dlpack__`` would give it, less the gap."""
    peer = CONSUMERS[consumer]
    if peer == TORCH:
        why = why_not_share_with_torch(array)
        if why is not None:
            if copy is False:
                raise CopyError(f"__dlpack__(copy=False): a copy is needed: {why}")
            copy = True
    elif (
        peer == JAX
        and not array.flags.writeable
        and max_version is None
        and dl_device is None
        and stream is None
        and copy is not True
        and not _dlpack.is_broadcast(array)
    ):
        # JAX's arrays are immutable: it reads this memory and never writes it. (A
        # broadcast view JAX would refuse: it gets the standard's BufferError, whose
        # advice, xtensor.tensor(x), works for JAX.)
        return _dlpack.writeable_view(array).__dlpack__()
    return _dlpack.export(
        array, CPU, stream=stream, max_version=max_version, dl_device=dl_device, copy=copy
    )


def why_not_share_with_torch(array: Any) -> str | None:
    """Why PyTorch must not be given the memory of this NumPy array, or None."""
    if not array.flags.writeable:
        return READ_ONLY_REASON
    for stride in array.strides:
        if stride < 0:
            return NEGATIVE_STRIDES_REASON
    return None


def lazy_bits(obj: Any) -> str | None:
    """Why the DLPack export of ``obj`` cannot be taken as it is: a PyTorch tensor with
    its negative or conjugate bit set; None for anything else."""
    is_neg = getattr(obj, "is_neg", None)  # only PyTorch tensors have it
    if is_neg is None:
        return None
    torch = sys.modules.get("torch")
    if torch is None or not isinstance(obj, torch.Tensor):
        return None
    if is_neg():
        return (
            "the PyTorch tensor has its negative bit set (a lazy negation, such as "
            "x.conj().imag): no memory holds its values, and PyTorch's DLPack export "
            "drops the bit (every consumer would read the values un-negated)"
        )
    if obj.is_conj():
        return (
            "the PyTorch tensor has its conjugate bit set (a lazy conjugation): no memory "
            "holds its values, and PyTorch refuses to export it"
        )
    return None


def resolve_lazy_bits(obj: Any, copy: bool | None, what: str) -> Any:
    """``obj`` with its values computed by PyTorch (a new tensor) when ``lazy_bits``
    says its export is wrong, else None; CopyError when ``copy`` is False."""
    why = lazy_bits(obj)
    if why is None:
        return None
    if copy is False:
        raise CopyError(f"{what}(copy=False): a copy is needed: {why}")
    return obj.resolve_conj().resolve_neg()
