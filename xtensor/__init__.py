"""xtensor: the Python array API standard (2025.12) on one strided Tensor.

``import xtensor as xp`` gives a complete, standard-conforming namespace whose
tensors exchange memory with NumPy, CuPy, PyTorch and JAX without copying, on the
CPU (NumPy kernels) and on CUDA GPUs (CuPy kernels).
"""

from ._version import __version__

__array_api_version__ = "2025.12"

# --- the extensions: xtensor.fft and xtensor.linalg ---------------------------------
from . import fft, linalg

# --- the Tensor, devices and errors ---------------------------------------------------
# --- conversions (creation functions of the standard, and torch-style ones) --------
# --- constants --------------------------------------------------------------------
from ._constants import e, inf, nan, newaxis, pi
from ._conversion import as_tensor, asarray, from_dlpack, tensor

# --- creation functions -----------------------------------------------------------
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

# --- data type functions ----------------------------------------------------------
from ._data_type_functions import astype, can_cast, finfo, iinfo, isdtype, result_type
from ._devices import Device

# --- data types -------------------------------------------------------------------
from ._dtypes import (
    bool,
    complex64,
    complex128,
    float16,
    float32,
    float64,
    int8,
    int16,
    int32,
    int64,
    uint8,
    uint16,
    uint32,
    uint64,
)

# --- element-wise functions -------------------------------------------------------
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
    log1p,
    log2,
    log10,
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
from ._errors import CopyError

# --- indexing functions -----------------------------------------------------------
from ._indexing_functions import take, take_along_axis

# --- inspection -------------------------------------------------------------------
from ._info import __array_namespace_info__

# --- linear algebra functions (main namespace) ------------------------------------
from ._linear_algebra_functions import matmul, matrix_transpose, tensordot, vecdot

# --- manipulation functions -------------------------------------------------------
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

# --- searching functions ----------------------------------------------------------
from ._searching_functions import argmax, argmin, count_nonzero, nonzero, searchsorted, where

# --- set functions ----------------------------------------------------------------
from ._set_functions import isin, unique_all, unique_counts, unique_inverse, unique_values

# --- sorting functions ------------------------------------------------------------
from ._sorting_functions import argsort, sort

# --- statistical functions --------------------------------------------------------
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
from ._tensor import Tensor

# --- utility functions ------------------------------------------------------------
from ._utility_functions import all, any, diff

__all__ = [
    "__array_api_version__",
    "__version__",
    "Tensor",
    "Device",
    "CopyError",
    "bool",
    "complex64",
    "complex128",
    "float16",
    "float32",
    "float64",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "as_tensor",
    "asarray",
    "from_dlpack",
    "tensor",
    # indexing functions
    "take",
    "take_along_axis",
    # set functions
    "isin",
    "unique_all",
    "unique_counts",
    "unique_inverse",
    "unique_values",
    # sorting functions
    "argsort",
    "sort",
    # extensions
    "fft",
    "linalg",
    # creation functions
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
    # data type functions
    "astype",
    "can_cast",
    "finfo",
    "iinfo",
    "isdtype",
    "result_type",
    # inspection
    "__array_namespace_info__",
    # constants
    "e",
    "inf",
    "nan",
    "newaxis",
    "pi",
    # element-wise functions
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
    # linear algebra functions (main namespace)
    "matmul",
    "matrix_transpose",
    "tensordot",
    "vecdot",
    # manipulation functions
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
    # searching functions
    "argmax",
    "argmin",
    "count_nonzero",
    "nonzero",
    "searchsorted",
    "where",
    # statistical functions
    "cumulative_prod",
    "cumulative_sum",
    "max",
    "mean",
    "min",
    "prod",
    "std",
    "sum",
    "var",
    # utility functions
    "all",
    "any",
    "diff",
]
