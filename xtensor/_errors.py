"""xtensor's one exception class of its own."""

from __future__ import annotations

__all__ = ["CopyError"]


class CopyError(BufferError, ValueError):
    """``copy=False`` was asked for, but the result needs a copy.

    The message says why (another dtype, another device, a layout the consumer
    cannot describe). It is both a ``ValueError`` (what ``asarray`` raises, by the
    standard) and a ``BufferError`` (what ``__dlpack__`` and ``from_dlpack`` raise),
    so code written against either text catches it.
    """
