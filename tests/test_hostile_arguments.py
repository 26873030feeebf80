"""Hostile arguments: every public function and Tensor method, called with bad values.

For each public callable (``xtensor.__all__``, ``xtensor.linalg``, ``xtensor.fft``, the
``__array_namespace_info__()`` methods and the Tensor methods that take arguments) the
table ``CALLS`` below holds one valid call and the kind of each parameter. A kind lists
hostile values for that parameter: wrong types, other libraries' tensors and dtypes
(PyTorch, NumPy), huge and negative integers, NaN and infinities, ``1.5``, strings,
out-of-range and repeated axes. Each hostile call replaces one argument of the valid
call and must

- finish within ``TIME_LIMIT`` seconds (no hang, no work proportional to a huge value);
- raise a builtin error (``TypeError``, ``ValueError``, ``IndexError``, ``OverflowError``,
  ``MemoryError``, ``BufferError``; no ``SystemError``, no PyTorch ``RuntimeError``, no
  ``AttributeError`` from inside, no warning) whose message names the function and the
  argument (its name, its value or its type); an honest ``MemoryError`` needs no names;
- or, for the values marked as possibly valid (``2**63`` as ``diff``'s ``n``, ``nan`` as a
  fill value), return normally within the time limit.

A value marked as certainly invalid (``keepdims=nan``, ``axis=1.5``) must raise.

Two tests drive it: ``test_hostile_values`` calls every function with every hostile value
of every parameter's kind (a fixed list, the same in every run), and
``test_drawn_values`` lets hypothesis draw the values (integers from tiny to ``2**80``,
floats with NaN and infinities, strings, tuples, other libraries' objects) for a drawn
function and parameter. CI runs the default hypothesis profile (``tests/conftest.py``);
``XTENSOR_HOSTILE_EXAMPLES=N`` draws ``N`` examples instead, for a longer run::

    XTENSOR_HOSTILE_EXAMPLES=20000 python -m pytest tests/test_hostile_arguments.py

``python tests/test_hostile_arguments.py`` runs the fixed sweep without pytest and prints
the calls made and the failures by category (crashes show as a run that does not finish).

A hang is a failure, not a stuck run: each call runs under an interval timer that
interrupts it after ``TIME_LIMIT`` seconds, and a watchdog (``faulthandler``) ends the
process with a traceback should a call ever be stuck where the timer cannot reach it.
"""

from __future__ import annotations

import contextlib
import faulthandler
import math
import os
import re
import signal
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import xtensor as xp

try:
    import torch
except ImportError:  # the peers are optional: their values are left out
    torch = None

TIME_LIMIT = 2.0  # seconds per call
WATCHDOG = 120.0  # seconds per test before the process is ended with a traceback

# --- values ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Bad:
    """A hostile value; ``must_fail`` when no reading of it is valid."""

    value: Any
    must_fail: bool = True


def _maybe(*values: Any) -> list[Bad]:
    return [Bad(v, must_fail=False) for v in values]


def _never(*values: Any) -> list[Bad]:
    return [Bad(v) for v in values]


HUGE = (2**62, 2**63, 2**70, 3 * 10**6)
NEGATIVE = (-1, -(2**63))


def _foreign_tensors() -> list[Any]:
    values: list[Any] = [np.array([1, 2]), np.array([True, False]), xp.asarray([1, 2])]
    if torch is not None:
        values += [torch.tensor(1), torch.tensor([1, 2]), torch.tensor(True), torch.tensor(1.5)]
    return values


def _foreign_dtypes() -> list[Any]:
    values: list[Any] = [np.dtype("O"), np.dtype("U3"), object]
    if torch is not None:
        values.append(torch.float32)
    return values


STRANGERS = [*_foreign_tensors(), *_foreign_dtypes(), "abc", object(), [0.5], {}]


def _kinds() -> dict[str, list[Bad]]:
    numbers = _never(math.nan, math.inf, 1.5, 1 + 1j)
    kinds = {
        # bool, np.bool_ and a 0-d bool tensor are bools; nothing else is
        "bool": [
            *numbers,
            *_never(2**70, 1, 0, -1, None, "True", np.float64(1.0), np.int64(1), xp.asarray(1)),
            *_never(*STRANGERS),
        ],
        "optional bool": [*numbers, *_never(2**70, 1, 0, "True", np.int64(1), *STRANGERS)],
        # any integer: huge values are valid, and must be answered in time
        "int": [
            *numbers,
            *_never(True, "3", None, np.float64(1.0), *STRANGERS),
            *_maybe(*HUGE, *NEGATIVE, -(2**70), np.int64(2), xp.asarray(2)),
        ],
        # a non-negative count whose size drives no allocation (diff's n)
        "count": [
            *numbers,
            *_never(True, "3", None, *NEGATIVE, *STRANGERS),
            *_maybe(*HUGE, np.int64(2), xp.asarray(2)),
        ],
        # a size that drives an allocation: huge ones must be refused
        "size": [
            *numbers,
            *_never(True, "3", None, *NEGATIVE, 2**62, 2**63, 2**70, *STRANGERS),
            *_maybe(3 * 10**6, np.int64(2), 0),
        ],
        "optional size": [
            *numbers,
            *_never(True, "3", *NEGATIVE, 2**62, 2**63, 2**70, *STRANGERS),
            *_maybe(3 * 10**6, np.int64(2), None),
        ],
        "axis": [
            *numbers,
            *_never(5, -5, *HUGE, -(2**63), True, "0", None, (0, 0), (0,), *STRANGERS),
            *_maybe(np.int64(0), xp.asarray(0), -1),
        ],
        "optional axis": [
            *numbers,
            *_never(5, -5, *HUGE, -(2**63), True, "0", (0, 0), *STRANGERS),
            *_maybe(np.int64(0), None, -1),
        ],
        # an int, a tuple of ints, or None
        "axes": [
            *numbers,
            *_never(5, -5, *HUGE, True, "0", (0, 0), (0, 5), (0.5,), (2**70,), [None]),
            *_never(*STRANGERS),
            *_maybe((), (0,), [0], None),
        ],
        # a tuple of ints, no int alone
        "axis tuple": [
            *numbers,
            *_never(5, 0, True, "0", (0, 0), (5,), (0.5,), (2**70,), [None], *STRANGERS),
            *_maybe((), (0,), [0], None),
        ],
        "shape": [
            *numbers,
            *_never(True, (True,), "3", None, *NEGATIVE, (-1,), (1.5,), (2**63,), (2**70,)),
            *_never((2**40, 2**40), (2**31, 2**31, 2**31), (1,) * 65, 2**63, 2**70, [None]),
            *_never(*STRANGERS),
            *_maybe((), (0,), [3], 3, np.int64(3), (np.int64(3),), 3 * 10**6),
        ],
        "dtype": [
            *_never("abc", 1.5, math.nan, 2**70, True, xp.asarray(1.0), *_foreign_dtypes()),
            *_never(*_foreign_tensors()),
            *_maybe(None, np.float32, "float32", np.dtype("float32")),
        ],
        "required dtype": [
            *_never("abc", 1.5, math.nan, None, True, xp.asarray(1.0), *_foreign_dtypes()),
            *_never(*_foreign_tensors()),
            *_maybe(np.float32, "float32"),
        ],
        "device": [
            *_never("tpu", "cuda:99", "cpu:0:1", 1.5, math.nan, 2**70, True, 0, *STRANGERS),
            *_maybe(None, "cpu", "CPU", *([torch.device("cpu")] if torch else [])),
        ],
        "choice": [*_never("abc", "", 1.5, math.nan, 2**70, True, None, *STRANGERS)],
        # correction: a finite real number >= 0
        "correction": [
            *_never(math.nan, math.inf, -1, -0.5, 1 + 1j, True, "1", None, *STRANGERS),
            *_maybe(2**70, 1.5, 10**400, np.float64(1.0), xp.asarray(1.0)),
        ],
        "rtol": [
            *_never(math.nan, -1, -math.inf, 1 + 1j, True, "1", *STRANGERS),
            *_maybe(2**70, 1.5, math.inf, 0, None),
        ],
        "spacing": [  # fftfreq's d: a finite non-zero real
            *_never(math.nan, math.inf, 0, 0.0, 1 + 1j, True, "1", None, *STRANGERS),
            *_maybe(-1, 2**70, 1e-300, 10**400),
        ],
        "vector ord": [
            *_never(math.nan, 1 + 1j, True, "fro", None, *STRANGERS),
            *_maybe(2**70, -(2**70), 10**400, math.inf, -math.inf, 0, 1.5, 3, -1),
        ],
        "matrix ord": [
            *_never(math.nan, 3, 1.5, 2**70, 0, True, "abc", 1 + 1j, *STRANGERS),
            *_maybe(None, "nuc", 1, math.inf),
        ],
        # Python scalars standing for numbers: NaN, infinities and huge ones are values
        "real": [
            *_never("1", None, 1 + 1j, *STRANGERS),
            *_maybe(math.nan, math.inf, 2**70, -(2**70), 10**400, 1e300, 1.5, True),
        ],
        "optional real": [
            *_never("1", 1 + 1j, *STRANGERS),
            *_maybe(math.nan, math.inf, 2**70, 10**400, 1.5, True, None),
        ],
        "step": [
            *_never("1", None, 1 + 1j, 0, 0.0, *STRANGERS),
            *_maybe(math.nan, math.inf, 2**70, 1e-300, 10**400, 1.5, -1),
        ],
        "number": [
            *_never("1", None, *STRANGERS),
            *_maybe(math.nan, math.inf, 2**70, -(2**70), 10**400, 1.5, True, 1 + 1j),
        ],
        "tensor": [*_never(*numbers, 1, True, None, "abc", [1.0], np.float64(1.0), object())]
        + _never(*(v for v in _foreign_tensors() if v.__class__ is not xp.Tensor)),
        "optional tensor": [*_never(*numbers, 1, True, "abc", [1.0], np.float64(1.0), object())]
        + _never(*(v for v in _foreign_tensors() if v.__class__ is not xp.Tensor)),
        # a Tensor or a Python scalar (an operand of an element-wise function)
        "operand": [
            *_never(None, "abc", [1.0], object(), {}),
            *_never(*(v for v in _foreign_tensors() if v.__class__ is not xp.Tensor)),
            *_maybe(math.nan, math.inf, 2**70, 10**400, 1.5, True, 1 + 1j, np.float64(1.0)),
        ],
        "tensors": [*_never((), [], 1.5, None, "abc", [1.0], (np.array([1.0]),), object())],
        "dtype or tensor": [
            *_never("abc", 1.5, math.nan, None, True, *_foreign_dtypes()),
            *_never(*(v for v in _foreign_tensors() if v.__class__ is not xp.Tensor)),
            *_maybe(np.float32, "float32"),
        ],
        "kind": [*_never("abc", "", 1.5, None, True, ("abc",), (1.5,), *STRANGERS)],
        "api version": [*_never("abc", "2099.01", "", 1.5, math.nan, True, 2**70, *STRANGERS)],
        "optional api version": [*_never("abc", "2099.01", "", 1.5, True, 2**70, *STRANGERS)],
        "index": [
            *_never(1.5, math.nan, "abc", 2**63, 2**70, -(2**63), 5, (0, 0), object(), {}),
            *_never((1.5,), (Ellipsis, Ellipsis), slice(1.5), slice("a")),
            *_maybe(slice(0, 2**70), slice(-(2**70), None), slice(None, None, 2**70)),
            *_maybe([0], xp.asarray([0]), np.array([0]), None, Ellipsis),
        ],
        "format spec": [*_never("abc", "%d", 1.5, None, 2**70, "{}", "." + "9" * 30)],
        "stream": [*_never("abc", 1.5, math.nan, 2**70, -(2**63), True, [1])],
        "max version": [
            *_never("abc", 1.5, 2**70, (1,), (1, 2, 3), ("a", "b")),
            *_maybe((2**70, 0), (1, 2**70), (-(2**70), 0)),
        ],
        "dl device": [*_never("abc", 1.5, (99, 0), (1,), (1, 2**70), ("a", 0), (2, 99))],
    }
    kinds["optional int"] = [b for b in kinds["int"] if b.value is not None] + _maybe(None)
    # reshape's shape: one -1 stands for the rest. In a tuple NumPy reads any negative
    # size as -1, and so does xtensor's fast path (checking each size of a tuple would
    # cost reshape a seventh of its time); in a list, or alone, it is refused.
    kinds["new shape"] = [
        *numbers,
        *_never(True, (True,), "3", None, -(2**63), [-2], (-1, -1), (1.5,), (2**63,), [None]),
        *_never((2**40, 2**40), (1,) * 65, 2**70, *STRANGERS),
        *_maybe(-1, (-1,), (4,), [2, 2], np.int64(4), (-2,)),
    ]
    # a shape that allocates nothing (broadcast_shapes): huge sizes are sizes
    kinds["pure shape"] = [
        *numbers,
        *_never(True, (True,), "3", None, *NEGATIVE, (-1,), (1.5,), (1,) * 65, [None]),
        *_never(*STRANGERS),
        *_maybe((), (0,), [3], 3, (2**40, 2**40), (2**63,), (np.int64(3),)),
    ]
    kinds["optional shape"] = [b for b in kinds["shape"] if b.value is not None] + _maybe(None)
    kinds["optional number"] = [b for b in kinds["number"] if b.value is not None] + _maybe(None)
    kinds["optional kind"] = [b for b in kinds["kind"] if b.value is not None] + _maybe(None)
    kinds["result operand"] = [
        *_never("abc", None, object(), {}, *_foreign_dtypes()),
        *_never(*(v for v in _foreign_tensors() if v.__class__ is not xp.Tensor)),
        *_maybe(1.5, math.nan, True, 2**70, 1 + 1j, np.float32, "float32"),
    ]
    kinds["dlpack"] = [
        *_never(1.5, math.nan, None, "abc", [1.0], object(), {}, 2**70),
        *_maybe(*_foreign_tensors()),
    ]
    kinds["setitem value"] = [
        *_never("abc", None, object(), {}, 10**400, 1 + 1j, np.array([1, 2]), [1.0, 2.0]),
        *_maybe(math.nan, math.inf, 2**70, True, 1.5, [0.5], *_foreign_tensors()[-4:]),
    ]
    kinds["tensordot axes"] = [
        *numbers,
        *_never(-1, 3, 2**70, -(2**63), True, "0", None, ((0,), (5,)), ((0, 0), (0, 1))),
        *_never((0, 1, 2), ((0,),), ((0.5,), (0,)), *STRANGERS),
        *_maybe(0, 2, ((0,), (0,)), (0, 0), ([1], [0]), np.int64(1)),
    ]
    kinds["repeatable axes"] = [
        b for b in kinds["axes"] if b.value.__class__ is not tuple or b.value != (0, 0)
    ] + _maybe((0, 0))
    kinds["numpy dtype"] = [
        *_never("abc", 1.5, math.nan, 2**70, True, *_foreign_tensors()),
        *([Bad(torch.float32)] if torch is not None else []),
        *_maybe(None, np.float32, "float32", np.dtype("O"), object),
    ]
    return kinds


KINDS = _kinds()

# --- the valid calls -------------------------------------------------------------------

F1 = xp.asarray([1.0, 2.0, 3.0])
U1 = xp.asarray([0.25, 0.5, 0.75])
F2 = xp.asarray([[2.0, 1.0], [1.0, 3.0]])
C1 = xp.asarray([1.0 + 1j, 2.0, 3.0 - 1j])
C2 = xp.asarray([[1.0 + 0j, 2.0], [3.0, 4.0]])
I1 = xp.asarray([0, 1, 2])
B1 = xp.asarray([True, False, True])
V3 = xp.asarray([1.0, 0.0, 0.0])


@dataclass
class Call:
    """One valid call: its function, arguments, and each argument's kind."""

    name: str
    function: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    kinds: dict[str | int, str]  # keyword name or position -> kind
    names: dict[int, str]  # position -> parameter name (for messages)
    after: Callable[[], None] | None = None  # restores global state

    def with_value(self, where: str | int, value: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
        args, kwargs = list(self.args), dict(self.kwargs)
        if isinstance(where, int):
            while len(args) <= where:
                args.append(None)
            args[where] = value
        else:
            kwargs[where] = value
        return tuple(args), kwargs

    def param(self, where: str | int) -> str:
        return where if isinstance(where, str) else self.names[where]

    @property
    def short(self) -> str:
        return self.name.rsplit(".", 1)[-1]


UNARY_FLOAT = [
    "abs",
    "acos",
    "acosh",
    "asin",
    "asinh",
    "atan",
    "atanh",
    "ceil",
    "conj",
    "cos",
    "cosh",
    "exp",
    "expm1",
    "floor",
    "imag",
    "isfinite",
    "isinf",
    "isnan",
    "log",
    "log10",
    "log1p",
    "log2",
    "negative",
    "positive",
    "real",
    "reciprocal",
    "round",
    "sign",
    "signbit",
    "sin",
    "sinh",
    "sqrt",
    "square",
    "tan",
    "tanh",
    "trunc",
]
BINARY_FLOAT = [
    "add",
    "atan2",
    "copysign",
    "divide",
    "equal",
    "floor_divide",
    "greater",
    "greater_equal",
    "hypot",
    "less",
    "less_equal",
    "logaddexp",
    "maximum",
    "minimum",
    "multiply",
    "nextafter",
    "not_equal",
    "pow",
    "remainder",
    "subtract",
]
BINARY_INT = [
    "bitwise_and",
    "bitwise_or",
    "bitwise_xor",
    "bitwise_left_shift",
    "bitwise_right_shift",
]
BINARY_BOOL = ["logical_and", "logical_or", "logical_xor"]
UNIQUE = ["unique_all", "unique_counts", "unique_inverse", "unique_values", "nonzero"]
REDUCTIONS = ["max", "min", "mean", "sum", "prod", "all", "any", "count_nonzero"]
DECOMPOSITIONS = [
    "det",
    "eig",
    "eigh",
    "eigvals",
    "eigvalsh",
    "inv",
    "slogdet",
    "svdvals",
    "matrix_transpose",
]


def _spec() -> dict[str, tuple[tuple[Any, ...], dict[str, Any], dict[str | int, str]]]:
    """name -> (args, kwargs, kinds); positions index ``args``."""
    s: dict[str, tuple[tuple[Any, ...], dict[str, Any], dict[str | int, str]]] = {}
    for n in UNARY_FLOAT:
        s[n] = ((U1 if n in ("acos", "asin", "atanh") else F1,), {}, {0: "tensor"})
    s["bitwise_invert"] = ((I1,), {}, {0: "tensor"})
    s["logical_not"] = ((B1,), {}, {0: "tensor"})
    for n in BINARY_FLOAT:
        s[n] = ((F1, F1), {}, {0: "operand", 1: "operand"})
    for n in BINARY_INT:
        s[n] = ((I1, I1), {}, {0: "operand", 1: "operand"})
    for n in BINARY_BOOL:
        s[n] = ((B1, B1), {}, {0: "operand", 1: "operand"})
    s["clip"] = (
        (F1,),
        {"min": 0.0, "max": 2.0},
        {0: "tensor", "min": "optional number", "max": "optional number"},
    )
    s["asarray"] = (([1.0],), {}, {"dtype": "dtype", "device": "device", "copy": "optional bool"})
    s["as_tensor"] = (([1.0],), {}, {1: "dtype", 2: "device"})
    s["tensor"] = (([1.0],), {}, {1: "dtype", 2: "device"})
    s["from_dlpack"] = (
        (np.arange(3.0),),
        {},
        {0: "dlpack", "device": "device", "copy": "optional bool"},
    )
    s["arange"] = (
        (0, 5, 1),
        {},
        {0: "real", 1: "optional real", 2: "step", "dtype": "dtype", "device": "device"},
    )
    for n in ("empty", "zeros", "ones"):
        s[n] = (((2, 3),), {}, {0: "shape", "dtype": "dtype", "device": "device"})
    for n in ("empty_like", "zeros_like", "ones_like"):
        s[n] = ((F1,), {}, {0: "tensor", "dtype": "dtype", "device": "device"})
    s["full"] = (((2, 3), 1.5), {}, {0: "shape", 1: "number", "dtype": "dtype", "device": "device"})
    s["full_like"] = (
        (F1, 1.5),
        {},
        {0: "tensor", 1: "number", "dtype": "dtype", "device": "device"},
    )
    s["eye"] = (
        (3, 4),
        {"k": 1},
        {0: "size", 1: "optional size", "k": "int", "dtype": "dtype", "device": "device"},
    )
    s["linspace"] = (
        (0.0, 1.0, 5),
        {},
        {
            0: "number",
            1: "number",
            2: "size",
            "dtype": "dtype",
            "device": "device",
            "endpoint": "bool",
        },
    )
    s["meshgrid"] = ((F1, F1), {"indexing": "ij"}, {0: "tensor", "indexing": "choice"})
    s["tril"] = ((F2,), {"k": 0}, {0: "tensor", "k": "int"})
    s["triu"] = ((F2,), {"k": 0}, {0: "tensor", "k": "int"})
    s["astype"] = (
        (F1, xp.float32),
        {},
        {0: "tensor", 1: "required dtype", "copy": "bool", "device": "device"},
    )
    s["can_cast"] = ((xp.int8, xp.int16), {}, {0: "dtype or tensor", 1: "required dtype"})
    s["finfo"] = ((xp.float32,), {}, {0: "dtype or tensor"})
    s["iinfo"] = ((xp.int8,), {}, {0: "dtype or tensor"})
    s["isdtype"] = ((xp.float32, "real floating"), {}, {0: "required dtype", 1: "kind"})
    s["result_type"] = ((F1, xp.float32), {}, {1: "result operand"})
    s["take"] = ((F1, I1), {"axis": 0}, {0: "tensor", 1: "tensor", "axis": "optional axis"})
    s["take_along_axis"] = ((F1, I1), {"axis": 0}, {0: "tensor", 1: "tensor", "axis": "axis"})
    s["matmul"] = ((F2, F2), {}, {0: "tensor", 1: "tensor"})
    s["tensordot"] = ((F2, F2), {"axes": 1}, {0: "tensor", 1: "tensor", "axes": "tensordot axes"})
    s["vecdot"] = ((F1, F1), {"axis": -1}, {0: "tensor", 1: "tensor", "axis": "axis"})
    s["broadcast_arrays"] = ((F1, F1), {}, {0: "tensor", 1: "tensor"})
    s["broadcast_shapes"] = (((2, 3), (3,)), {}, {0: "pure shape", 1: "pure shape"})
    s["broadcast_to"] = ((F1, (2, 3)), {}, {0: "tensor", 1: "shape"})
    s["concat"] = (((F1, F1),), {"axis": 0}, {0: "tensors", "axis": "optional axis"})
    s["stack"] = (((F1, F1),), {"axis": 0}, {0: "tensors", "axis": "axis"})
    s["expand_dims"] = ((F1,), {"axis": 0}, {0: "tensor", "axis": "axes"})
    s["flip"] = ((F2,), {"axis": 0}, {0: "tensor", "axis": "axes"})
    s["moveaxis"] = ((F2, 0, 1), {}, {0: "tensor", 1: "axes", 2: "axes"})
    s["permute_dims"] = ((F2, (1, 0)), {}, {0: "tensor", 1: "axis tuple"})
    s["repeat"] = ((F1, 2), {"axis": 0}, {0: "tensor", 1: "size", "axis": "optional axis"})
    s["reshape"] = ((F2, (4,)), {}, {0: "tensor", 1: "new shape", "copy": "optional bool"})
    s["roll"] = ((F1, 1), {"axis": 0}, {0: "tensor", 1: "int", "axis": "repeatable axes"})
    s["squeeze"] = ((xp.asarray([[1.0]]),), {"axis": 0}, {0: "tensor", "axis": "axes"})
    s["tile"] = ((F1, (2,)), {}, {0: "tensor", 1: "shape"})
    s["unstack"] = ((F2,), {"axis": 0}, {0: "tensor", "axis": "axis"})
    for n in ("argmax", "argmin"):
        s[n] = (
            (F1,),
            {"axis": 0, "keepdims": False},
            {0: "tensor", "axis": "optional axis", "keepdims": "bool"},
        )
    for n in REDUCTIONS:
        s[n] = (
            (F2,),
            {"axis": 0, "keepdims": False},
            {0: "tensor", "axis": "axes", "keepdims": "bool"},
        )
    for n in ("sum", "prod"):
        s[n][2]["dtype"] = "dtype"
    for n in UNIQUE:
        s[n] = ((F1,), {}, {0: "tensor"})
    s["searchsorted"] = (
        (F1, F1),
        {"side": "left"},
        {0: "tensor", 1: "operand", "side": "choice", "sorter": "optional tensor"},
    )
    s["where"] = ((B1, F1, F1), {}, {0: "tensor", 1: "operand", 2: "operand"})
    s["isin"] = ((F1, F1), {"invert": False}, {0: "operand", 1: "operand", "invert": "bool"})
    for n in ("sort", "argsort"):
        s[n] = (
            (F1,),
            {"axis": -1},
            {0: "tensor", "axis": "axis", "descending": "bool", "stable": "bool"},
        )
    for n in ("cumulative_sum", "cumulative_prod"):
        s[n] = (
            (F1,),
            {"axis": 0},
            {0: "tensor", "axis": "optional axis", "dtype": "dtype", "include_initial": "bool"},
        )
    for n in ("std", "var"):
        s[n] = (
            (F2,),
            {"axis": 0},
            {0: "tensor", "axis": "axes", "correction": "correction", "keepdims": "bool"},
        )
    s["diff"] = (
        (F1,),
        {"axis": -1, "n": 1},
        {
            0: "tensor",
            "axis": "axis",
            "n": "count",
            "prepend": "optional tensor",
            "append": "optional tensor",
        },
    )
    s["namespace"] = ((), {}, {0: "optional api version"})
    s["set_api_version"] = (("2025.12",), {}, {0: "api version"})
    s["set_strict"] = ((False,), {}, {0: "bool", "data_dependent_shapes": "optional bool"})
    s["strict"] = ((False,), {}, {0: "bool", "data_dependent_shapes": "optional bool"})
    # linalg
    s["linalg.cholesky"] = ((F2,), {}, {0: "tensor", "upper": "bool"})
    s["linalg.cross"] = ((V3, V3), {}, {0: "tensor", 1: "tensor", "axis": "axis"})
    for n in DECOMPOSITIONS:
        s[f"linalg.{n}"] = ((F2,), {}, {0: "tensor"})
    s["matrix_transpose"] = ((F2,), {}, {0: "tensor"})
    s["linalg.diagonal"] = ((F2,), {}, {0: "tensor", "offset": "int"})
    s["linalg.matmul"] = ((F2, F2), {}, {0: "tensor", 1: "tensor"})
    s["linalg.matrix_norm"] = ((F2,), {}, {0: "tensor", "keepdims": "bool", "ord": "matrix ord"})
    s["linalg.matrix_power"] = ((F2, 2), {}, {0: "tensor", 1: "int"})
    s["linalg.matrix_rank"] = ((F2,), {}, {0: "tensor", "rtol": "rtol"})
    s["linalg.pinv"] = ((F2,), {}, {0: "tensor", "rtol": "rtol"})
    s["linalg.outer"] = ((F1, F1), {}, {0: "tensor", 1: "tensor"})
    s["linalg.qr"] = ((F2,), {}, {0: "tensor", "mode": "choice"})
    s["linalg.solve"] = ((F2, F2), {}, {0: "tensor", 1: "tensor"})
    s["linalg.svd"] = ((F2,), {}, {0: "tensor", "full_matrices": "bool"})
    s["linalg.tensordot"] = ((F2, F2), {}, {0: "tensor", 1: "tensor", "axes": "tensordot axes"})
    s["linalg.trace"] = ((F2,), {}, {0: "tensor", "offset": "int", "dtype": "dtype"})
    s["linalg.vecdot"] = ((F1, F1), {}, {0: "tensor", 1: "tensor", "axis": "axis"})
    s["linalg.vector_norm"] = (
        (F2,),
        {},
        {0: "tensor", "axis": "axes", "keepdims": "bool", "ord": "vector ord"},
    )
    # fft
    for n in ("fft", "ifft", "irfft", "hfft"):
        s[f"fft.{n}"] = (
            (C1,),
            {},
            {0: "tensor", "n": "optional size", "axis": "axis", "norm": "choice"},
        )
    for n in ("rfft", "ihfft"):
        s[f"fft.{n}"] = (
            (F1,),
            {},
            {0: "tensor", "n": "optional size", "axis": "axis", "norm": "choice"},
        )
    for n in ("fftn", "ifftn", "irfftn"):
        s[f"fft.{n}"] = (
            (C2,),
            {"axes": (0, 1)},
            {0: "tensor", "s": "optional shape", "axes": "axis tuple", "norm": "choice"},
        )
    s["fft.rfftn"] = (
        (F2,),
        {"axes": (0, 1)},
        {0: "tensor", "s": "optional shape", "axes": "axis tuple", "norm": "choice"},
    )
    for n in ("fftfreq", "rfftfreq"):
        s[f"fft.{n}"] = (
            (4,),
            {},
            {0: "size", "d": "spacing", "dtype": "dtype", "device": "device"},
        )
    for n in ("fftshift", "ifftshift"):
        s[f"fft.{n}"] = ((F2,), {}, {0: "tensor", "axes": "axes"})
    # the namespace info object
    s["info.default_dtypes"] = ((), {}, {"device": "device"})
    s["info.dtypes"] = ((), {}, {"device": "device", "kind": "optional kind"})
    # Tensor methods
    s["Tensor.stride"] = ((), {}, {0: "optional axis"})
    s["Tensor.to_device"] = (("cpu",), {}, {0: "device"})
    s["Tensor.__array_namespace__"] = ((), {}, {"api_version": "optional api version"})
    s["Tensor.__round__"] = ((), {}, {0: "optional int"})
    s["Tensor.__format__"] = (("",), {}, {0: "format spec"})
    s["Tensor.__array__"] = ((), {}, {"dtype": "numpy dtype", "copy": "optional bool"})
    s["Tensor.__getitem__"] = ((0,), {}, {0: "index"})
    s["Tensor.__setitem__"] = ((0, 1.0), {}, {0: "index", 1: "setitem value"})
    s["Tensor.__dlpack__"] = (
        (),
        {},
        {
            "stream": "stream",
            "max_version": "max version",
            "dl_device": "dl device",
            "copy": "optional bool",
        },
    )
    return s


def _resolve(name: str) -> tuple[Callable[..., Any], dict[int, str]]:
    import inspect

    if name.startswith("Tensor."):
        method = getattr(xp.Tensor, name.split(".", 1)[1])
        receiver = xp.asarray(3.0) if name.endswith(("__format__", "__round__")) else F1
        if name.endswith("__setitem__"):
            receiver = xp.asarray([1.0, 2.0, 3.0])
        function = method.__get__(receiver)
    elif name.startswith("info."):
        function = getattr(xp.__array_namespace_info__(), name.split(".", 1)[1])
    elif "." in name:
        module, attr = name.split(".")
        function = getattr(getattr(xp, module), attr)
    else:
        function = getattr(xp, name)
    try:
        params = list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):
        params = []
    names = {}
    for i, p in enumerate(params):
        names[i] = p.name
    if params and params[-1].kind is params[-1].VAR_POSITIONAL:
        for i in range(len(params), 8):
            names[i] = params[-1].name
    return function, names


def _restore() -> None:
    xp.set_strict(False, data_dependent_shapes=True)
    xp.set_api_version("2025.12")


def build_calls() -> dict[str, Call]:
    calls = {}
    for name, (args, kwargs, kinds) in _spec().items():
        function, names = _resolve(name)
        after = _restore if name in ("set_strict", "strict", "set_api_version") else None
        calls[name] = Call(name, function, args, kwargs, kinds, names, after)
    return calls


CALLS = build_calls()


def public_names() -> set[str]:
    """The public callables that take arguments, as the table names them."""
    names = set()
    for mod, prefix in ((xp, ""), (xp.linalg, "linalg."), (xp.fft, "fft.")):
        for n in mod.__all__:
            f = getattr(mod, n)
            if callable(f) and not isinstance(f, type) and f.__class__.__name__ != "DType":
                names.add(prefix + n)
    return names


# --- one call ----------------------------------------------------------------------------


class _TimedOut(BaseException):
    """Raised into a call that ran past the time limit (a BaseException, so that no
    ``except Exception`` on the way swallows it)."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise _TimedOut


ALLOWED = (TypeError, ValueError, IndexError, OverflowError, MemoryError, BufferError)
# An object without __dlpack__ is an AttributeError in from_dlpack, as in NumPy's.
ALSO_ALLOWED: dict[str, tuple[type[BaseException], ...]] = {"from_dlpack": (AttributeError,)}


def _short_repr(value: Any) -> str:
    try:
        text = repr(value)
    except Exception:
        return "?"
    return text[:24]


def _names(message: str, word: str) -> bool:
    return re.search(rf"(?<![A-Za-z0-9_]){re.escape(word)}(?![A-Za-z0-9_])", message) is not None


def classify(call: Call, where: str | int, bad: Bad) -> tuple[str, str]:
    """Run one hostile call: (category, detail). "ok" categories: refused, accepted."""
    args, kwargs = call.with_value(where, bad.value)
    param = call.param(where)
    start = time.perf_counter()
    outcome: BaseException | None = None
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            result = call.function(*args, **kwargs)
            if isinstance(result, contextlib.AbstractContextManager):
                with result:
                    pass
    except _TimedOut:
        outcome = _TimedOut()
    except BaseException as exc:  # noqa: BLE001 -- every exception is classified
        outcome = exc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if call.after is not None:
            call.after()
    elapsed = time.perf_counter() - start
    shown = f"{call.name}({param}={_short_repr(bad.value)})"
    if isinstance(outcome, _TimedOut) or elapsed > TIME_LIMIT:
        return "hang", f"{shown}: {elapsed:.1f} s"
    if outcome is None:
        if bad.must_fail:
            return "silently accepted", shown
        return "accepted", shown
    if isinstance(outcome, (KeyboardInterrupt, SystemExit)):
        raise outcome
    if isinstance(outcome, Warning):  # NumPy's floating-point warnings: a value's doing
        return ("silently accepted" if bad.must_fail else "warning"), f"{shown}: {outcome}"
    kind = type(outcome).__name__
    message = str(outcome)
    detail = f"{shown}: {kind}: {message[:160]}"
    if isinstance(outcome, SystemError):
        return "SystemError", detail
    if isinstance(outcome, MemoryError) and not message.startswith(call.short):
        return "refused", detail  # an honest allocation attempt
    if not isinstance(outcome, ALLOWED + ALSO_ALLOWED.get(call.name, ())):
        return "leaked", detail
    if not (_names(message, call.short) or _names(message, call.short.strip("_"))):
        return "leaked", detail
    text = str(bad.value) if isinstance(bad.value, (str, int, float)) else ""
    value_names = (_short_repr(bad.value), type(bad.value).__name__, text if len(text) > 2 else "")
    if not (_names(message, param) or any(v and v in message for v in value_names)):
        return "unnamed argument", detail
    return "refused", detail


def hostile_cases() -> Iterator[tuple[Call, str | int, Bad]]:
    for name in sorted(CALLS):
        call = CALLS[name]
        for where, kind in call.kinds.items():
            for bad in KINDS[kind]:
                yield call, where, bad


GOOD = {"refused", "accepted", "warning"}


@contextlib.contextmanager
def watchdog() -> Iterator[None]:
    faulthandler.dump_traceback_later(WATCHDOG, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


# --- the tests ---------------------------------------------------------------------------


def test_the_table_covers_the_public_namespace() -> None:
    missing = public_names() - set(CALLS)
    no_arguments = {
        "__array_namespace_info__",
        "is_strict",
        "enable_emulated_devices",
        "disable_emulated_devices",
    }
    assert missing - no_arguments == set()


@pytest.mark.parametrize("name", sorted(CALLS))
def test_the_valid_call_works(name: str) -> None:
    call = CALLS[name]
    try:
        result = call.function(*call.args, **call.kwargs)
        if isinstance(result, contextlib.AbstractContextManager):
            with result:
                pass
    finally:
        if call.after is not None:
            call.after()


@pytest.mark.parametrize("name", sorted(CALLS))
def test_hostile_values(name: str) -> None:
    call = CALLS[name]
    failures = []
    with watchdog():
        for where, kind in call.kinds.items():
            for bad in KINDS[kind]:
                category, detail = classify(call, where, bad)
                if category not in GOOD:
                    failures.append(f"{category}: {detail}")
    assert not failures, "\n".join(failures)


# --- the cases of issue 11, spelled out ------------------------------------------------


def test_diff_answers_any_n_at_once() -> None:
    x = xp.asarray([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0]])
    for n in (3, 4, 3 * 10**6, 2**63, 2**70):
        start = time.perf_counter()
        r = xp.diff(x, n=n)
        assert time.perf_counter() - start < 0.1
        assert r.shape == (2, 0) and r.dtype == x.dtype
        assert xp.diff(x, axis=0, n=n, append=x).shape == (max(4 - n, 0), 3)
    assert xp.diff(xp.asarray([True, False]), n=5).dtype == xp.bool
    assert xp.diff(x, n=2).tolist() == [[0.0], [1.0]]


@pytest.mark.parametrize("value", [math.nan, 1.5, 2**70, 1, "abc", None, np.array([True])])
@pytest.mark.parametrize(
    ("function", "name"),
    [
        (lambda v: xp.sum(F2, keepdims=v), "keepdims"),
        (lambda v: xp.sort(F1, descending=v), "descending"),
        (lambda v: xp.argsort(F1, stable=v), "stable"),
        (lambda v: xp.linalg.cholesky(F2, upper=v), "upper"),
        (lambda v: xp.linalg.svd(F2, full_matrices=v), "full_matrices"),
        (lambda v: xp.cumulative_sum(F1, include_initial=v), "include_initial"),
        (lambda v: xp.astype(F1, xp.float32, copy=v), "copy"),
    ],
)
def test_bool_arguments_take_bools_only(function: Any, name: str, value: Any) -> None:
    with pytest.raises(TypeError, match=rf"{name} must be True or False, got"):
        function(value)


def test_bool_arguments_take_numpy_bools_and_0d_bool_tensors() -> None:
    expected = xp.sum(F2, axis=0, keepdims=True).tolist()
    for value in (np.True_, np.array(True), xp.asarray(True)):
        assert xp.sum(F2, axis=0, keepdims=value).tolist() == expected
    assert xp.sort(F1, descending=np.True_).tolist() == [3.0, 2.0, 1.0]
    if torch is not None:
        with pytest.raises(TypeError, match="keepdims must be True or False, got a 0-d torch"):
            xp.sum(F2, keepdims=torch.tensor(True))


@pytest.mark.parametrize("value", [math.nan, math.inf, -1, -0.5, True, "1", 1 + 1j])
def test_correction_is_a_finite_real_number_at_least_0(value: Any) -> None:
    with pytest.raises((TypeError, ValueError), match="std: correction must be"):
        xp.std(F2, correction=value)


def test_integer_arguments_take_integers_only() -> None:
    assert xp.diff(F1, n=np.int64(1)).tolist() == [1.0, 1.0]
    assert xp.diff(F1, n=xp.asarray(1)).tolist() == [1.0, 1.0]
    for value in (True, 1.0, xp.asarray([1]), np.array([1])):
        with pytest.raises(TypeError, match="diff: n must be an integer"):
            xp.diff(F1, n=value)
    if torch is not None:
        with pytest.raises(TypeError, match="diff: n must be an integer, got a 0-d torch"):
            xp.diff(F1, n=torch.tensor(1))


def test_the_issues_messages_name_the_function_and_the_argument() -> None:
    with pytest.raises(TypeError, match="all: keepdims must be True or False, got 'abc'"):
        xp.all(B1, keepdims="abc")
    with pytest.raises(TypeError, match="fft.fftn: axes must be a tuple or list of integers"):
        xp.fft.fftn(C2, axes=5)
    for f in (xp.sort, xp.argsort):
        with pytest.raises(TypeError, match=f"{f.__name__}: an axis must be an integer, got 1.5"):
            f(F1, axis=1.5)
    with pytest.raises(IndexError, match="take: axis 2 is out of range"):
        xp.take(F1, I1, axis=2)
    with pytest.raises(IndexError, match="take_along_axis: axis 1 is out of range"):
        xp.take_along_axis(F1, I1, axis=1)
    with pytest.raises(IndexError, match="vecdot: axis 3 is out of range"):
        xp.vecdot(F1, F1, axis=3)


def test_sizes_no_tensor_can_have_are_refused_before_any_work() -> None:
    for call, name in (
        (lambda: xp.zeros((2**40, 2**40)), "zeros: shape"),
        (lambda: xp.ones(2**63), "ones: shape"),
        (lambda: xp.eye(2**62), "eye: n_rows"),
        (lambda: xp.linspace(0, 1, 2**62), "linspace: num"),
        (lambda: xp.tile(F1, (2**62,)), "tile: repetitions"),
        (lambda: xp.repeat(F1, 2**62), "repeat: repeats"),
        (lambda: xp.fft.fft(C1, n=2**62), "fft.fft: n"),
        (lambda: xp.fft.fftfreq(2**70), "fft.fftfreq: n"),
        (lambda: xp.arange(0, 1, 1e-300), "arange: start"),
    ):
        with pytest.raises(ValueError, match=name):
            call()


def _drawn_values() -> st.SearchStrategy[Any]:
    small = st.integers(-64, 64)
    huge = st.integers(2**45, 2**80) | st.integers(-(2**80), -(2**45))
    floats = st.floats(allow_nan=True, allow_infinity=True)
    atoms = small | huge | floats | st.booleans() | st.text(max_size=4) | st.none()
    return (
        atoms
        | st.tuples(small | huge)
        | st.lists(small | huge | floats, max_size=3).map(tuple)
        | st.complex_numbers(allow_nan=True)
        # xtensor tensors of another shape or dtype are values, not kinds: an element-wise
        # function answers one that does not broadcast with NumPy's message (left as it is)
        | st.sampled_from([v for v in STRANGERS if v.__class__ is not xp.Tensor])
    )


_EXAMPLES = os.environ.get("XTENSOR_HOSTILE_EXAMPLES")
_SLOTS = [(name, where) for name, call in sorted(CALLS.items()) for where in call.kinds]


@settings(**({"max_examples": int(_EXAMPLES)} if _EXAMPLES else {}))
@given(slot=st.sampled_from(_SLOTS), value=_drawn_values())
def test_drawn_values(slot: tuple[str, str | int], value: Any) -> None:
    name, where = slot
    call = CALLS[name]
    with watchdog():
        category, detail = classify(call, where, Bad(value, must_fail=False))
    assert category in GOOD, f"{category}: {detail}"


# --- the report ------------------------------------------------------------------------


def report() -> tuple[Counter[str], dict[str, list[str]]]:
    """The fixed sweep's outcomes: the count of each category, and each call's line."""
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    with watchdog():
        for call, where, bad in hostile_cases():
            category, detail = classify(call, where, bad)
            counts[category] += 1
            examples.setdefault(category, []).append(detail)
    return counts, examples


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    counts, examples = report()
    total = sum(counts.values())
    print(f"hostile-argument calls: {total}")
    for category in (
        "refused",
        "accepted",
        "warning",
        "silently accepted",
        "leaked",
        "unnamed argument",
        "SystemError",
        "hang",
    ):
        print(f"  {category:20} {counts[category]}")
    if verbose:
        for category, lines in examples.items():
            if category in GOOD:
                continue
            print(f"\n== {category}")
            for line in lines:
                print("  " + line)
