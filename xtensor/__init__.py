"""xtensor: the Python array API standard (2025.12) on one strided Tensor.

``import xtensor as xp`` gives a complete, standard-conforming namespace whose
tensors exchange memory with NumPy, CuPy, PyTorch and JAX without copying, on the
CPU (NumPy kernels) and on CUDA GPUs (CuPy kernels).

The imports below follow the standard's sections, one private module each. The
examples in the docstrings assume ``import xtensor as xp`` (tests/test_doctests.py
runs them all).

>>> import xtensor as xp
>>> xp.sum(xp.asarray([[1, 2], [3, 4]]), axis=0)
tensor([4, 6])
"""

# ruff: noqa: I001 -- the imports are ordered like the standard's table of contents

from ._version import __version__

__array_api_version__ = "2025.12"

# --- the Tensor, devices and errors ------------------------------------------------------
from ._tensor import Tensor
from ._devices import Device
from ._errors import CopyError

# --- constants ---------------------------------------------------------------------------
from ._constants import e, inf, nan, newaxis, pi

# --- data types --------------------------------------------------------------------------
from ._dtypes import (
    bool,
    int8,
    int16,
    int32,
    int64,
    uint8,
    uint16,
    uint32,
    uint64,
    float16,
    float32,
    float64,
    complex64,
    complex128,
)

# --- creation functions (asarray and from_dlpack decide share-or-copy in _conversion) ----
from ._conversion import asarray, from_dlpack
from ._creation_functions import (
    arange,
    empty,
    empty_like,
    eye,
    full,
    full_like,
    linspace,
    meshgrid,
    ones,
    ones_like,
    tril,
    triu,
    zeros,
    zeros_like,
)

# --- torch-style conversions -------------------------------------------------------------
from ._conversion import as_tensor, tensor

# --- data type functions -----------------------------------------------------------------
from ._data_type_functions import (
    astype,
    can_cast,
    finfo,
    iinfo,
    isdtype,
    result_type,
    FloatInfo,
    IntInfo,
)

# --- element-wise functions --------------------------------------------------------------
from ._elementwise_functions import (
    abs,
    acos,
    acosh,
    add,
    asin,
    asinh,
    atan,
    atan2,
    atanh,
    bitwise_and,
    bitwise_invert,
    bitwise_left_shift,
    bitwise_or,
    bitwise_right_shift,
    bitwise_xor,
    ceil,
    clip,
    conj,
    copysign,
    cos,
    cosh,
    divide,
    equal,
    exp,
    expm1,
    floor,
    floor_divide,
    greater,
    greater_equal,
    hypot,
    imag,
    isfinite,
    isinf,
    isnan,
    less,
    less_equal,
    log,
    log10,
    log1p,
    log2,
    logaddexp,
    logical_and,
    logical_not,
    logical_or,
    logical_xor,
    maximum,
    minimum,
    multiply,
    negative,
    nextafter,
    not_equal,
    positive,
    pow,
    real,
    reciprocal,
    remainder,
    round,
    sign,
    signbit,
    sin,
    sinh,
    sqrt,
    square,
    subtract,
    tan,
    tanh,
    trunc,
)

# --- indexing functions ------------------------------------------------------------------
from ._indexing_functions import take, take_along_axis

# --- inspection --------------------------------------------------------------------------
from ._info import __array_namespace_info__

# --- linear algebra functions ------------------------------------------------------------
from ._linear_algebra_functions import matmul, matrix_transpose, tensordot, vecdot

# --- manipulation functions --------------------------------------------------------------
from ._manipulation_functions import (
    broadcast_arrays,
    broadcast_shapes,
    broadcast_to,
    concat,
    expand_dims,
    flip,
    moveaxis,
    permute_dims,
    repeat,
    reshape,
    roll,
    squeeze,
    stack,
    tile,
    unstack,
)

# --- searching functions -----------------------------------------------------------------
from ._searching_functions import argmax, argmin, count_nonzero, nonzero, searchsorted, where

# --- set functions -----------------------------------------------------------------------
from ._set_functions import (
    isin,
    unique_all,
    unique_counts,
    unique_inverse,
    unique_values,
    UniqueAllResult,
    UniqueCountsResult,
    UniqueInverseResult,
)

# --- sorting functions -------------------------------------------------------------------
from ._sorting_functions import argsort, sort

# --- statistical functions ---------------------------------------------------------------
from ._statistical_functions import (
    cumulative_prod,
    cumulative_sum,
    max,
    mean,
    min,
    prod,
    std,
    sum,
    var,
)

# --- utility functions -------------------------------------------------------------------
from ._utility_functions import all, any, diff

# --- the extensions -----------------------------------------------------------------
from . import fft, linalg

# --- portability testing (xtensor's own): strict mode, API versions, emulated devices ---
from ._strict import is_strict, set_strict, strict
from ._versions import namespace, set_api_version
from ._emulated import disable_emulated_devices, enable_emulated_devices

__all__ = [
    "__array_api_version__",
    "__version__",
    "Tensor",
    "Device",
    "CopyError",
    "e",
    "inf",
    "nan",
    "newaxis",
    "pi",
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
    "asarray",
    "from_dlpack",
    "arange",
    "empty",
    "empty_like",
    "eye",
    "full",
    "full_like",
    "linspace",
    "meshgrid",
    "ones",
    "ones_like",
    "tril",
    "triu",
    "zeros",
    "zeros_like",
    "as_tensor",
    "tensor",
    "astype",
    "can_cast",
    "finfo",
    "iinfo",
    "isdtype",
    "result_type",
    "FloatInfo",
    "IntInfo",
    "abs",
    "acos",
    "acosh",
    "add",
    "asin",
    "asinh",
    "atan",
    "atan2",
    "atanh",
    "bitwise_and",
    "bitwise_invert",
    "bitwise_left_shift",
    "bitwise_or",
    "bitwise_right_shift",
    "bitwise_xor",
    "ceil",
    "clip",
    "conj",
    "copysign",
    "cos",
    "cosh",
    "divide",
    "equal",
    "exp",
    "expm1",
    "floor",
    "floor_divide",
    "greater",
    "greater_equal",
    "hypot",
    "imag",
    "isfinite",
    "isinf",
    "isnan",
    "less",
    "less_equal",
    "log",
    "log10",
    "log1p",
    "log2",
    "logaddexp",
    "logical_and",
    "logical_not",
    "logical_or",
    "logical_xor",
    "maximum",
    "minimum",
    "multiply",
    "negative",
    "nextafter",
    "not_equal",
    "positive",
    "pow",
    "real",
    "reciprocal",
    "remainder",
    "round",
    "sign",
    "signbit",
    "sin",
    "sinh",
    "sqrt",
    "square",
    "subtract",
    "tan",
    "tanh",
    "trunc",
    "take",
    "take_along_axis",
    "__array_namespace_info__",
    "matmul",
    "matrix_transpose",
    "tensordot",
    "vecdot",
    "broadcast_arrays",
    "broadcast_shapes",
    "broadcast_to",
    "concat",
    "expand_dims",
    "flip",
    "moveaxis",
    "permute_dims",
    "repeat",
    "reshape",
    "roll",
    "squeeze",
    "stack",
    "tile",
    "unstack",
    "argmax",
    "argmin",
    "count_nonzero",
    "nonzero",
    "searchsorted",
    "where",
    "isin",
    "unique_all",
    "unique_counts",
    "unique_inverse",
    "unique_values",
    "UniqueAllResult",
    "UniqueCountsResult",
    "UniqueInverseResult",
    "argsort",
    "sort",
    "cumulative_prod",
    "cumulative_sum",
    "max",
    "mean",
    "min",
    "prod",
    "std",
    "sum",
    "var",
    "all",
    "any",
    "diff",
    "fft",
    "linalg",
    "set_strict",
    "strict",
    "is_strict",
    "namespace",
    "set_api_version",
    "enable_emulated_devices",
    "disable_emulated_devices",
]

# The namespaces of older versions, then strict mode and emulated devices as the
# environment asks (XTENSOR_API_VERSION, XTENSOR_STRICT, XTENSOR_EMULATED_DEVICES).
from . import _emulated, _strict, _versions  # noqa: E402

_versions._init()
_strict._init()
_emulated._init()
