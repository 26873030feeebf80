"""Constants of the array API standard (2025.12): ``e``, ``inf``, ``nan``, ``pi``, ``newaxis``.

They are Python floats (and ``None``), as the standard specifies, so they combine with
tensors of any floating-point dtype under the standard's rules for Python scalars.
"""

from __future__ import annotations

import math

__all__ = ["e", "inf", "nan", "newaxis", "pi"]

e: float = math.e
"""Euler's number, 2.718281828459045."""

inf: float = math.inf
"""Positive infinity."""

nan: float = math.nan
"""Not a Number."""

newaxis: None = None
"""An alias for None, to insert a size-1 dimension when indexing (``x[:, newaxis]``)."""

pi: float = math.pi
"""The ratio of a circle's circumference to its diameter, 3.141592653589793."""
