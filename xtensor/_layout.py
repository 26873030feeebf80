"""Layout: a tensor's shape, strides and storage offset, in elements.

A Layout is an immutable value; the functions over it are pure. It answers layout
questions (where the elements lie, is this contiguous) without touching memory.
It is derived on demand, never on the hot path.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

__all__ = ["Layout"]


@dataclass(frozen=True, slots=True)
class Layout:
    """Shape, strides and storage offset of a strided tensor, all in elements."""

    shape: tuple[int, ...]
    strides: tuple[int, ...]
    offset: int

    @classmethod
    def of(cls, array: Any) -> Layout:
        """The layout of a NumPy or CuPy array, relative to the start of its storage."""
        itemsize = array.itemsize
        strides = tuple(s // itemsize for s in array.strides)
        base = array
        while isinstance(base.base, type(array)):
            base = base.base
        offset = 0
        if base is not array and array.size:
            start = _lowest_address(base)
            offset = (_address(array) - start) // itemsize
        return cls(tuple(array.shape), strides, offset)

    @property
    def size(self) -> int:
        return math.prod(self.shape)

    def is_contiguous(self) -> bool:
        """Row-major with no gaps; dimensions of size 1 are ignored (as in PyTorch)."""
        if self.size == 0:
            return True
        expected = 1
        for size, stride in zip(reversed(self.shape), reversed(self.strides), strict=True):
            if size == 1:
                continue
            if stride != expected:
                return False
            expected *= size
        return True


def _address(array: Any) -> int:
    interface = getattr(array, "__array_interface__", None)
    if interface is not None:
        return int(interface["data"][0])
    return int(array.data.ptr)


def _lowest_address(array: Any) -> int:
    """The lowest address any element of ``array`` occupies."""
    start = _address(array)
    for size, stride in zip(array.shape, array.strides, strict=True):
        if stride < 0 and size > 0:
            start += (size - 1) * stride
    return start
