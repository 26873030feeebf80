"""xtensor: the Python array API standard (2025.12) on one strided Tensor.

``import xtensor as xp`` gives a complete, standard-conforming namespace whose
tensors exchange memory with NumPy, CuPy, PyTorch and JAX without copying, on the
CPU (NumPy kernels) and on CUDA GPUs (CuPy kernels).
"""

from ._version import __version__

__array_api_version__ = "2025.12"

# --- the Tensor, devices and errors ---------------------------------------------------
# --- conversions (creation functions of the standard, and torch-style ones) --------
from ._conversion import as_tensor, asarray, from_dlpack, tensor
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
from ._errors import CopyError

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
