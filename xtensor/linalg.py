"""The linear algebra extension of the array API standard 2025.12: ``xtensor.linalg``.

Every function works on a matrix or a stack of matrices (the last two axes) and
returns new tensors on the input's device, computed by that device's backend
(``numpy.linalg`` on the CPU, ``cupy.linalg`` on CUDA). A function the installed CuPy
lacks raises NotImplementedError on CUDA; nothing is moved through host memory.

Dtypes follow the standard: the decompositions, solvers and norms take floating-point
tensors only (TypeError for bool and integers); ``cross``, ``outer`` and ``trace`` take
numeric ones; ``diagonal`` any. ``float16`` (an xtensor extension) is accepted where
the result is real, and computed in float32 (LAPACK has no half precision); ``eig``
and ``eigvals`` refuse it, as there is no complex dtype of that precision.

Errors from the backend's LAPACK (a singular matrix, no convergence) are raised as
ValueError naming the function. CuPy does not detect them: on CUDA such results hold
NaN or infinity instead.
"""

from __future__ import annotations

import math
from typing import Any, Literal, NamedTuple

from ._arguments import (
    check_bool,
    check_choice,
    check_dtype,
    check_int,
    check_real,
    normalize_axes,
    not_a_tensor,
    show,
)
from ._backend import numpy as np
from ._dtypes import DType, from_numpy, promote
from ._linear_algebra_functions import matmul, matrix_transpose, tensordot, vecdot
from ._tensor import Tensor, device_mismatch, wrap

__all__ = [
    "cholesky",
    "cross",
    "det",
    "diagonal",
    "eig",
    "eigh",
    "eigvals",
    "eigvalsh",
    "inv",
    "matmul",
    "matrix_norm",
    "matrix_power",
    "matrix_rank",
    "matrix_transpose",
    "outer",
    "pinv",
    "qr",
    "slogdet",
    "solve",
    "svd",
    "svdvals",
    "tensordot",
    "trace",
    "vecdot",
    "vector_norm",
    "EigResult",
    "EighResult",
    "QRResult",
    "SlogdetResult",
    "SVDResult",
]


class EigResult(NamedTuple):
    """``eig``'s result: a named tuple of complex eigenvalues and eigenvectors.

    Attributes
    ----------
    eigenvalues : Tensor
        Shape ``(..., M)``.
    eigenvectors : Tensor
        Shape ``(..., M, M)``; column ``i`` belongs to ``eigenvalues[..., i]``.

    Examples
    --------
    >>> r = xp.linalg.eig(xp.asarray([[1.0, 0.0], [0.0, 2.0]]))
    >>> r.eigenvalues
    tensor([1.+0.j, 2.+0.j])
    """

    eigenvalues: Tensor
    eigenvectors: Tensor


class EighResult(NamedTuple):
    """``eigh``'s result: a named tuple of real eigenvalues and eigenvectors.

    Attributes
    ----------
    eigenvalues : Tensor
        Shape ``(..., M)``, ascending, of a real dtype.
    eigenvectors : Tensor
        Shape ``(..., M, M)``; column ``i`` belongs to ``eigenvalues[..., i]``.

    Examples
    --------
    >>> r = xp.linalg.eigh(xp.asarray([[2.0, 0.0], [0.0, 1.0]]))
    >>> r.eigenvalues
    tensor([1., 2.])
    """

    eigenvalues: Tensor
    eigenvectors: Tensor


class QRResult(NamedTuple):
    """``qr``'s result: a named tuple of ``Q`` (orthonormal columns) and upper-triangular ``R``.

    Attributes
    ----------
    Q : Tensor
        Shape ``(..., M, K)`` (``"reduced"``) or ``(..., M, M)`` (``"complete"``).
    R : Tensor
        Shape ``(..., K, N)`` (``"reduced"``) or ``(..., M, N)`` (``"complete"``).

    Examples
    --------
    >>> r = xp.linalg.qr(xp.ones((3, 2)))
    >>> r.Q.shape, r.R.shape
    ((3, 2), (2, 2))
    """

    Q: Tensor
    R: Tensor


class SlogdetResult(NamedTuple):
    """``slogdet``'s result: a named tuple of the determinant's sign and log magnitude.

    Attributes
    ----------
    sign : Tensor
        ``det / |det|`` (0 for a singular matrix), of the input's dtype.
    logabsdet : Tensor
        ``log(|det|)`` (``-inf`` for a singular matrix), of a real dtype.

    Examples
    --------
    >>> sign, logabsdet = xp.linalg.slogdet(xp.asarray([[0.0, 2.0], [1.0, 0.0]]))
    >>> sign, logabsdet
    (tensor(-1.), tensor(0.69314718))
    """

    sign: Tensor
    logabsdet: Tensor


class SVDResult(NamedTuple):
    """``svd``'s result: a named tuple ``(U, S, Vh)`` with ``x = U @ diag(S) @ Vh``.

    Attributes
    ----------
    U : Tensor
        The left singular vectors (columns).
    S : Tensor
        The singular values, descending, of a real dtype.
    Vh : Tensor
        The right singular vectors (rows).

    Examples
    --------
    >>> r = xp.linalg.svd(xp.ones((2, 3)), full_matrices=False)
    >>> r.U.shape, r.S.shape, r.Vh.shape
    ((2, 2), (2,), (2, 3))
    """

    U: Tensor
    S: Tensor
    Vh: Tensor


# --- dtype tables (keyed by the backend's numpy dtypes) ---------------------------------

_F16, _F32, _F64 = np.dtype("float16"), np.dtype("float32"), np.dtype("float64")
_C64, _C128 = np.dtype("complex64"), np.dtype("complex128")
_I64 = np.dtype("int64")

# The real dtype of each floating dtype's precision; its keys are the floating dtypes.
_REAL: dict[Any, Any] = {_F16: _F16, _F32: _F32, _F64: _F64, _C64: _F32, _C128: _F64}
# The complex dtype of each floating dtype's precision (none for float16).
_COMPLEX: dict[Any, Any] = {_F32: _C64, _F64: _C128, _C64: _C64, _C128: _C128}
_NUMERIC_KINDS = "iufc"
_INF = math.inf
_MATRIX_ORDS = ("fro", "nuc", 1, -1, 2, -2, _INF, -_INF)
_MATRIX_ORD_TYPES = (str, int, float)
_NO_FLOAT = 2**1024  # the smallest int too large for a float


def _floating(x: Any, what: str) -> Any:
    """``x``'s backend array; TypeError unless ``x`` is a floating-point Tensor."""
    if x.__class__ is not Tensor:
        raise not_a_tensor(f"linalg.{what}", x)
    a = x._array
    if a.dtype not in _REAL:
        raise TypeError(
            f"linalg.{what}: expected a floating-point tensor, got dtype {x.dtype.name}; "
            "convert it first with astype(x, float64)"
        )
    return a


def _numeric(x: Any, what: str) -> Any:
    if x.__class__ is not Tensor:
        raise not_a_tensor(f"linalg.{what}", x)
    a = x._array
    if a.dtype.kind not in _NUMERIC_KINDS:
        raise TypeError(f"linalg.{what}: expected a numeric tensor, got dtype {x.dtype.name}")
    return a


def _matrices(a: Any, what: str) -> None:
    if a.ndim < 2:
        raise ValueError(
            f"linalg.{what}: expected a matrix or a stack of matrices (..., M, N), "
            f"got shape {a.shape}"
        )


def _square(a: Any, what: str) -> None:
    if a.ndim < 2 or a.shape[-1] != a.shape[-2]:
        raise ValueError(
            f"linalg.{what}: expected a square matrix or a stack of them (..., M, M), "
            f"got shape {a.shape}"
        )


def _lapack(a: Any) -> Any:
    """``a`` in a dtype to compute in: float16 becomes float32 (LAPACK has no half
    precision, and partial sums of squares overflow float16)."""
    return a.astype(_F32) if a.dtype == _F16 else a


def _fn(x: Tensor, name: str, what: str) -> Any:
    """The backend's ``linalg.<name>`` for ``x``'s device, or NotImplementedError."""
    fn = getattr(x._device.backend.linalg, name, None)
    if fn is None:
        raise NotImplementedError(
            f"linalg.{what}: not available on {x._device}: the installed CuPy has no "
            f"cupy.linalg.{name} (upgrade CuPy, or move the tensor with to_device('cpu'))"
        )
    return fn


class _LapackErrors:
    """Re-raise the backend's LinAlgError as a ValueError naming the function, and
    silence NumPy's floating-point warnings (NaN and infinity are valid results)."""

    __slots__ = ("what", "errstate")

    def __init__(self, what: str) -> None:
        self.what = what
        self.errstate = np.errstate(all="ignore")

    def __enter__(self) -> None:
        self.errstate.__enter__()

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> Literal[False]:
        self.errstate.__exit__(kind, exc, tb)
        if kind is not None and issubclass(kind, np.linalg.LinAlgError):
            raise ValueError(f"linalg.{self.what}: {exc}") from None
        return False


def _conj_t(m: Any) -> Any:
    """The conjugate transpose of the last two axes."""
    t = m.swapaxes(-1, -2)
    return t.conj() if t.dtype.kind == "c" else t


def _same_device(x1: Tensor, x2: Tensor, what: str) -> None:
    if x1._device is not x2._device:
        raise device_mismatch(f"linalg.{what}", x1._device, x2._device)


def _int(value: Any, name: str, what: str) -> int:
    return value if value.__class__ is int else check_int(value, f"linalg.{what}", name)


def _offset(value: Any, a: Any, what: str) -> int:
    """A diagonal's offset, any int: beyond the matrix every diagonal is empty, and an
    offset of 2**70 is answered as one just past the corner."""
    offset = _int(value, "offset", what)
    rows: int
    cols: int
    rows, cols = a.shape[-2:]
    return max(-rows, min(offset, cols))


# --- decompositions -----------------------------------------------------------------


def cholesky(x: Tensor, /, *, upper: bool = False) -> Tensor:
    """The Cholesky factor of a Hermitian (symmetric) positive-definite matrix or stack.

    Parameters
    ----------
    x
        Floating-point tensor of shape ``(..., M, M)``.
    upper
        Return the upper factor ``U`` (``x = U^H U``) instead of the lower ``L``
        (``x = L L^H``).

    Returns
    -------
    Tensor
        New tensor of ``x``'s shape and dtype, on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not floating-point.
    ValueError
        ``x`` is not a stack of square matrices, or (CPU) not positive-definite.

    Examples
    --------
    >>> x = xp.asarray([[4.0, 2.0], [2.0, 3.0]])
    >>> L = xp.linalg.cholesky(x)
    >>> L
    tensor([[2.        , 0.        ],
            [1.        , 1.41421356]])
    >>> bool(xp.all(xp.abs(L @ L.mT - x) < 1e-12))
    True
    >>> xp.linalg.cholesky(x, upper=True)
    tensor([[2.        , 1.        ],
            [0.        , 1.41421356]])
    """
    a = _floating(x, "cholesky")
    _square(a, "cholesky")
    if upper.__class__ is not bool:
        upper = check_bool(upper, "linalg.cholesky", "upper")
    with _LapackErrors("cholesky"):
        lower = _fn(x, "cholesky", "cholesky")(_lapack(a)).astype(a.dtype, copy=False)
    return wrap(_conj_t(lower) if upper else lower, x._device)


def eig(x: Tensor, /) -> EigResult:
    """Eigenvalues and right eigenvectors of a general square matrix or stack.

    Parameters
    ----------
    x : Tensor
        A tensor of shape ``(..., M, M)``, of dtype float32, float64, complex64 or
        complex128.

    Returns
    -------
    EigResult
        ``(eigenvalues, eigenvectors)``, shapes ``(..., M)`` and ``(..., M, M)``, both of
        the complex dtype of ``x``'s precision (float32 gives complex64); eigenvectors are
        the columns. New tensors on ``x``'s device; the order is the backend's.

    Raises
    ------
    TypeError
        ``x`` is not float32, float64, complex64 or complex128.
    ValueError
        ``x`` is not a stack of square matrices, or (CPU) holds NaN or infinity.
    NotImplementedError
        On CUDA with a CuPy that has no ``cupy.linalg.eig``.

    Examples
    --------
    >>> w, v = xp.linalg.eig(xp.asarray([[2.0, 0.0], [0.0, 3.0]]))
    >>> w
    tensor([2.+0.j, 3.+0.j])
    >>> v
    tensor([[1.+0.j, 0.+0.j],
            [0.+0.j, 1.+0.j]])
    """
    a = _floating(x, "eig")
    _square(a, "eig")
    complex_dtype = _complex_of(a, "eig")
    with _LapackErrors("eig"):
        w, v = _fn(x, "eig", "eig")(a)
    dev = x._device
    return EigResult(
        wrap(w.astype(complex_dtype, copy=False), dev),
        wrap(v.astype(complex_dtype, copy=False), dev),
    )


def eigvals(x: Tensor, /) -> Tensor:
    """Eigenvalues of a general square matrix or stack.

    Parameters
    ----------
    x : Tensor
        A tensor of shape ``(..., M, M)``, of dtype float32, float64, complex64 or
        complex128.

    Returns
    -------
    Tensor
        Shape ``(..., M)``, the complex dtype of ``x``'s precision; a new tensor on
        ``x``'s device, in the backend's order.

    Raises
    ------
    TypeError
        ``x`` is not float32, float64, complex64 or complex128.
    ValueError
        ``x`` is not a stack of square matrices, or (CPU) holds NaN or infinity.
    NotImplementedError
        On CUDA with a CuPy that has no ``cupy.linalg.eigvals``.

    Examples
    --------
    >>> xp.linalg.eigvals(xp.asarray([[2.0, 0.0], [0.0, 3.0]], dtype=xp.float32))
    tensor([2.+0.j, 3.+0.j], dtype=xtensor.complex64)
    """
    a = _floating(x, "eigvals")
    _square(a, "eigvals")
    complex_dtype = _complex_of(a, "eigvals")
    with _LapackErrors("eigvals"):
        w = _fn(x, "eigvals", "eigvals")(a)
    return wrap(w.astype(complex_dtype, copy=False), x._device)


def _complex_of(a: Any, what: str) -> Any:
    complex_dtype = _COMPLEX.get(a.dtype)
    if complex_dtype is None:
        raise TypeError(
            f"linalg.{what}: float16 is not supported: its eigenvalues would need a complex "
            "dtype of half precision, which does not exist; convert to float32 first"
        )
    return complex_dtype


def eigh(x: Tensor, /) -> EighResult:
    """Eigenvalues and eigenvectors of a Hermitian (real symmetric) matrix or stack.

    Only the lower triangle of each matrix is read.

    Parameters
    ----------
    x : Tensor
        A floating-point tensor of shape ``(..., M, M)``.

    Returns
    -------
    EighResult
        ``(eigenvalues, eigenvectors)``: real eigenvalues in ascending order, shape
        ``(..., M)``, of the real dtype of ``x``'s precision; orthonormal eigenvectors
        (columns), ``x``'s shape and dtype. New tensors on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not floating-point.
    ValueError
        ``x`` is not a stack of square matrices, or (CPU) the solver did not converge.

    Examples
    --------
    >>> x = xp.asarray([[2.0, 1.0], [1.0, 2.0]])
    >>> w, v = xp.linalg.eigh(x)
    >>> w
    tensor([1., 3.])
    >>> bool(xp.all(xp.abs(x @ v - v * w) < 1e-12))
    True
    """
    a = _floating(x, "eigh")
    _square(a, "eigh")
    with _LapackErrors("eigh"):
        w, v = _fn(x, "eigh", "eigh")(_lapack(a))
    dev = x._device
    return EighResult(
        wrap(w.astype(_REAL[a.dtype], copy=False), dev), wrap(v.astype(a.dtype, copy=False), dev)
    )


def eigvalsh(x: Tensor, /) -> Tensor:
    """Eigenvalues (ascending, real) of a Hermitian (real symmetric) matrix or stack.

    Only the lower triangle of each matrix is read.

    Parameters
    ----------
    x : Tensor
        A floating-point tensor of shape ``(..., M, M)``.

    Returns
    -------
    Tensor
        Shape ``(..., M)``, the real dtype of ``x``'s precision; a new tensor on ``x``'s
        device.

    Raises
    ------
    TypeError
        ``x`` is not floating-point.
    ValueError
        ``x`` is not a stack of square matrices, or (CPU) the solver did not converge.

    Examples
    --------
    >>> xp.linalg.eigvalsh(xp.asarray([[2.0, 1.0], [1.0, 2.0]]))
    tensor([1., 3.])
    """
    a = _floating(x, "eigvalsh")
    _square(a, "eigvalsh")
    with _LapackErrors("eigvalsh"):
        w = _fn(x, "eigvalsh", "eigvalsh")(_lapack(a))
    return wrap(w.astype(_REAL[a.dtype], copy=False), x._device)


def qr(x: Tensor, /, *, mode: Literal["reduced", "complete"] = "reduced") -> QRResult:
    """The QR decomposition of a matrix or stack: ``x = Q R``.

    Parameters
    ----------
    x
        Floating-point tensor of shape ``(..., M, N)``.
    mode
        ``"reduced"``: ``Q`` is ``(..., M, K)`` and ``R`` is ``(..., K, N)`` with
        ``K = min(M, N)``. ``"complete"``: ``Q`` is ``(..., M, M)``, ``R`` ``(..., M, N)``.

    Returns
    -------
    QRResult
        ``(Q, R)`` of ``x``'s dtype, new tensors on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not floating-point.
    ValueError
        ``x`` has fewer than 2 dimensions, or ``mode`` is not one of the two.

    Examples
    --------
    >>> x = xp.asarray([[3.0, 1.0], [4.0, 2.0], [0.0, 5.0]])
    >>> Q, R = xp.linalg.qr(x)
    >>> Q.shape, R.shape
    ((3, 2), (2, 2))
    >>> bool(xp.all(xp.abs(Q @ R - x) < 1e-12))
    True
    >>> xp.linalg.qr(x, mode="complete").Q.shape
    (3, 3)
    """
    a = _floating(x, "qr")
    _matrices(a, "qr")
    if mode.__class__ is not str or mode != "reduced" and mode != "complete":
        check_choice(mode, ("reduced", "complete"), "linalg.qr", "mode")
    with _LapackErrors("qr"):
        q, r = _fn(x, "qr", "qr")(_lapack(a), mode=mode)
    dev = x._device
    return QRResult(
        wrap(q.astype(a.dtype, copy=False), dev), wrap(r.astype(a.dtype, copy=False), dev)
    )


def svd(x: Tensor, /, *, full_matrices: bool = True) -> SVDResult:
    """The singular value decomposition of a matrix or stack: ``x = U diag(S) Vh``.

    Parameters
    ----------
    x
        Floating-point tensor of shape ``(..., M, N)``.
    full_matrices
        True: ``U`` is ``(..., M, M)`` and ``Vh`` ``(..., N, N)``. False: ``(..., M, K)``
        and ``(..., K, N)`` with ``K = min(M, N)``.

    Returns
    -------
    SVDResult
        ``(U, S, Vh)``: ``U`` and ``Vh`` of ``x``'s dtype; ``S`` of shape ``(..., K)``,
        descending, of the real dtype of ``x``'s precision. New tensors on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not floating-point.
    ValueError
        ``x`` has fewer than 2 dimensions, or (CPU) the SVD did not converge (NaN input).

    Examples
    --------
    >>> x = xp.asarray([[3.0, 0.0], [0.0, -4.0], [0.0, 0.0]])
    >>> U, S, Vh = xp.linalg.svd(x, full_matrices=False)
    >>> S
    tensor([4., 3.])
    >>> U.shape, Vh.shape
    ((3, 2), (2, 2))
    >>> bool(xp.all(xp.abs((U * S) @ Vh - x) < 1e-12))
    True
    """
    a = _floating(x, "svd")
    _matrices(a, "svd")
    if full_matrices.__class__ is not bool:
        full_matrices = check_bool(full_matrices, "linalg.svd", "full_matrices")
    with _LapackErrors("svd"):
        u, s, vh = _fn(x, "svd", "svd")(_lapack(a), full_matrices=full_matrices)
    dev, dtype = x._device, a.dtype
    return SVDResult(
        wrap(u.astype(dtype, copy=False), dev),
        wrap(s.astype(_REAL[dtype], copy=False), dev),
        wrap(vh.astype(dtype, copy=False), dev),
    )


def svdvals(x: Tensor, /) -> Tensor:
    """The singular values of a matrix or stack, in descending order.

    Parameters
    ----------
    x : Tensor
        A floating-point tensor of shape ``(..., M, N)``.

    Returns
    -------
    Tensor
        Shape ``(..., min(M, N))``, the real dtype of ``x``'s precision; a new tensor on
        ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not floating-point.
    ValueError
        ``x`` has fewer than 2 dimensions, or (CPU) the SVD did not converge (NaN input).

    Examples
    --------
    >>> xp.linalg.svdvals(xp.asarray([[3.0, 0.0], [0.0, -4.0], [0.0, 0.0]]))
    tensor([4., 3.])
    """
    a = _floating(x, "svdvals")
    _matrices(a, "svdvals")
    return wrap(_singular_values(x, a, "svdvals"), x._device)


def _singular_values(x: Tensor, a: Any, what: str) -> Any:
    with _LapackErrors(what):
        s = _fn(x, "svd", what)(_lapack(a), compute_uv=False)
    return s.astype(_REAL[a.dtype], copy=False)


# --- determinants, inverses, solvers ----------------------------------------------------


def det(x: Tensor, /) -> Tensor:
    """The determinant of a square matrix or stack.

    Parameters
    ----------
    x : Tensor
        A floating-point tensor of shape ``(..., M, M)``.

    Returns
    -------
    Tensor
        Shape ``x.shape[:-2]`` (0-d for one matrix), ``x``'s dtype; a new tensor on
        ``x``'s device. A matrix holding NaN has determinant NaN.

    Raises
    ------
    TypeError
        ``x`` is not floating-point.
    ValueError
        ``x`` is not a stack of square matrices.

    Examples
    --------
    >>> xp.linalg.det(xp.asarray([[1.0, 2.0], [3.0, 4.0]]))
    tensor(-2.)
    >>> xp.linalg.det(xp.stack([xp.eye(2), 2 * xp.eye(2)]))
    tensor([1., 4.])
    """
    a = _floating(x, "det")
    _square(a, "det")
    with _LapackErrors("det"):
        d = _fn(x, "det", "det")(_lapack(a))
    d = x._device.backend.where(_has_nan(x, a), math.nan, d)
    return wrap(d.astype(a.dtype, copy=False), x._device)


def _has_nan(x: Tensor, a: Any) -> Any:
    """Which matrices hold a NaN. LAPACK may take a NaN pivot for zero and report a
    singular matrix (determinant 0); such determinants are NaN instead."""
    return x._device.backend.isnan(a).any(axis=(-2, -1))


def slogdet(x: Tensor, /) -> SlogdetResult:
    """The sign and the natural log of the absolute value of the determinant.

    Parameters
    ----------
    x : Tensor
        A floating-point tensor of shape ``(..., M, M)``.

    Returns
    -------
    SlogdetResult
        ``(sign, logabsdet)``, shape ``x.shape[:-2]``: ``sign`` of ``x``'s dtype (0 for
        a singular matrix, else ``det / |det|``), ``logabsdet`` of the real dtype of
        ``x``'s precision (``-inf`` for a singular matrix). Both are NaN for a matrix
        holding NaN. New tensors on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not floating-point.
    ValueError
        ``x`` is not a stack of square matrices.

    Examples
    --------
    >>> xp.linalg.slogdet(xp.asarray([[1.0, 2.0], [3.0, 4.0]]))
    SlogdetResult(sign=tensor(-1.), logabsdet=tensor(0.69314718))
    >>> xp.linalg.slogdet(xp.zeros((2, 2)))
    SlogdetResult(sign=tensor(0.), logabsdet=tensor(-inf))
    """
    a = _floating(x, "slogdet")
    _square(a, "slogdet")
    with _LapackErrors("slogdet"):
        sign, logabsdet = _fn(x, "slogdet", "slogdet")(_lapack(a))
    dev, xb = x._device, x._device.backend
    nan = _has_nan(x, a)
    sign, logabsdet = xb.where(nan, math.nan, sign), xb.where(nan, math.nan, logabsdet)
    return SlogdetResult(
        wrap(sign.astype(a.dtype, copy=False), dev),
        wrap(logabsdet.astype(_REAL[a.dtype], copy=False), dev),
    )


def inv(x: Tensor, /) -> Tensor:
    """The inverse of a square matrix or stack.

    Parameters
    ----------
    x : Tensor
        A floating-point tensor of shape ``(..., M, M)``.

    Returns
    -------
    Tensor
        ``x``'s shape and dtype; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not floating-point.
    ValueError
        ``x`` is not a stack of square matrices, or (CPU) one is singular.

    Examples
    --------
    >>> xp.linalg.inv(xp.asarray([[2.0, 0.0], [0.0, 4.0]]))
    tensor([[0.5 , 0.  ],
            [0.  , 0.25]])
    >>> xp.linalg.inv(xp.asarray([[1, 2], [3, 4]]))
    Traceback (most recent call last):
        ...
    TypeError: linalg.inv: expected a floating-point tensor, got dtype int64; convert it first ...
    """
    a = _floating(x, "inv")
    _square(a, "inv")
    with _LapackErrors("inv"):
        r = _fn(x, "inv", "inv")(_lapack(a))
    return wrap(r.astype(a.dtype, copy=False), x._device)


def matrix_power(x: Tensor, n: int, /) -> Tensor:
    """A square matrix (or stack) raised to the integer power ``n``.

    Parameters
    ----------
    x : Tensor
        A floating-point tensor of shape ``(..., M, M)``.
    n : int
        The power: ``n = 0`` gives identity matrices, ``n < 0`` powers of the inverse.

    Returns
    -------
    Tensor
        ``x``'s shape and dtype; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not floating-point, or ``n`` is not an int.
    ValueError
        ``x`` is not a stack of square matrices, or (CPU) ``n < 0`` and one is singular.

    Examples
    --------
    >>> x = xp.asarray([[1.0, 1.0], [0.0, 1.0]])
    >>> xp.linalg.matrix_power(x, 3)
    tensor([[1., 3.],
            [0., 1.]])
    >>> xp.linalg.matrix_power(x, -1)
    tensor([[ 1., -1.],
            [ 0.,  1.]])
    """
    a = _floating(x, "matrix_power")
    _square(a, "matrix_power")
    n = _int(n, "n", "matrix_power")
    with _LapackErrors("matrix_power"):
        base = _lapack(a)
        if n < 0:  # invert first: NumPy answers n = -2**63 with None
            base, n = _fn(x, "inv", "matrix_power")(base), -n
        r = _fn(x, "matrix_power", "matrix_power")(base, n)
    return wrap(r.astype(a.dtype, copy=False), x._device)


def solve(x1: Tensor, x2: Tensor, /) -> Tensor:
    """The solution ``X`` of ``x1 @ X = x2`` for square ``x1`` (or a stack).

    Parameters
    ----------
    x1 : Tensor
        A floating-point tensor of shape ``(..., M, M)``.
    x2 : Tensor
        A floating-point tensor on ``x1``'s device. Of shape ``(M,)`` it is one
        right-hand side vector shared by every matrix of the stack: the result has
        shape ``x1.shape[:-2] + (M,)``. Otherwise it is a stack of ``(M, K)`` matrices
        whose leading axes broadcast with ``x1``'s.

    Returns
    -------
    Tensor
        The promoted floating-point dtype of ``x1`` and ``x2``; a new tensor on their
        device.

    Raises
    ------
    TypeError
        An argument is not floating-point.
    ValueError
        Shapes do not fit, the tensors are on different devices, or (CPU) a matrix is
        singular.

    Examples
    --------
    >>> a = xp.asarray([[3.0, 1.0], [1.0, 2.0]])
    >>> xp.linalg.solve(a, xp.asarray([9.0, 8.0]))
    tensor([2., 3.])
    >>> xp.linalg.solve(a, xp.asarray([[5.0, 4.0], [5.0, 3.0]]))
    tensor([[1., 1.],
            [2., 1.]])
    >>> xp.linalg.solve(xp.zeros((2, 2)), xp.asarray([1.0, 1.0]))
    Traceback (most recent call last):
        ...
    ValueError: linalg.solve: Singular matrix
    """
    a = _floating(x1, "solve")
    b = _floating(x2, "solve")
    _same_device(x1, x2, "solve")
    _square(a, "solve")
    m = a.shape[-1]
    dtype = promote(from_numpy(a.dtype), from_numpy(b.dtype)).numpy
    xb = x1._device.backend
    a = _lapack(a.astype(dtype, copy=False))
    b = _lapack(b.astype(dtype, copy=False))
    solve_fn = _fn(x1, "solve", "solve")
    if b.ndim == 1:
        if b.shape[0] != m:
            raise ValueError(
                f"linalg.solve: x2 of shape {b.shape} does not fit x1 of shape {a.shape}: "
                f"expected ({m},)"
            )
    elif b.ndim == 0 or b.shape[-2] != m:
        raise ValueError(
            f"linalg.solve: x2 of shape {b.shape} does not fit x1 of shape {a.shape}: "
            f"expected (..., {m}, K) or ({m},)"
        )
    elif a.ndim > 2 or b.ndim > 2:
        batch = _broadcast_shapes(a.shape[:-2], b.shape[:-2], "solve")
    with _LapackErrors("solve"):
        if xb is np:  # NumPy >= 2 solves exactly the standard's cases, broadcasting
            r = solve_fn(a, b)
        elif b.ndim == 1:  # CuPy: one column per matrix, then drop it
            r = solve_fn(a, xb.broadcast_to(b[:, None], a.shape[:-2] + (m, 1)))[..., 0]
        elif a.ndim > 2 or b.ndim > 2:  # CuPy: broadcast the stacks first
            a = xb.broadcast_to(a, batch + a.shape[-2:])
            r = solve_fn(a, xb.broadcast_to(b, batch + b.shape[-2:]))
        else:
            r = solve_fn(a, b)
    return wrap(r.astype(dtype, copy=False), x1._device)


def _broadcast_shapes(s1: tuple[int, ...], s2: tuple[int, ...], what: str) -> tuple[int, ...]:
    try:
        return tuple(np.broadcast_shapes(s1, s2))
    except ValueError:
        raise ValueError(
            f"linalg.{what}: the stack shapes {s1} and {s2} do not broadcast together"
        ) from None


def _rtol_cutoff(x: Tensor, s: Any, rtol: Any, what: str) -> Any:
    """``rtol * largest singular value`` for each matrix, shape ``(..., 1)``."""
    a = x._array
    smax = s.max(axis=-1, keepdims=True)
    if rtol is None:
        return smax * (max(a.shape[-2:]) * float(np.finfo(_REAL[a.dtype]).eps))
    if rtol.__class__ is Tensor:
        if rtol._device is not x._device:
            raise device_mismatch(f"linalg.{what}", x._device, rtol._device)
        if rtol._array.dtype.kind != "f":
            raise TypeError(
                f"linalg.{what}: expected rtol of a real floating-point dtype, "
                f"got {rtol.dtype.name}"
            )
        _broadcast_shapes(rtol._array.shape, a.shape[:-2], what)
        return smax * rtol._array[..., None]
    return smax * float(check_real(rtol, f"linalg.{what}", "rtol", minimum=0))


def matrix_rank(x: Tensor, /, *, rtol: float | Tensor | None = None) -> Tensor:
    """The rank of a matrix or stack: how many singular values exceed the tolerance.

    Parameters
    ----------
    x
        Floating-point tensor of shape ``(..., M, N)``.
    rtol
        Relative tolerance: singular values ``<= rtol * largest`` count as zero. A float,
        or a real floating-point tensor broadcasting with ``x.shape[:-2]``. Default:
        ``max(M, N) * eps`` of the real dtype of ``x``'s precision.

    Returns
    -------
    Tensor
        int64 of shape ``x.shape[:-2]``; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` or ``rtol`` has a wrong type or dtype.
    ValueError
        ``x`` has fewer than 2 dimensions, ``rtol`` does not broadcast, or devices differ.

    Examples
    --------
    >>> xp.linalg.matrix_rank(xp.eye(3))
    tensor(3)
    >>> xp.linalg.matrix_rank(xp.asarray([[1.0, 2.0], [2.0, 4.0]]))
    tensor(1)
    """
    a = _floating(x, "matrix_rank")
    _matrices(a, "matrix_rank")
    xb = x._device.backend
    if min(a.shape[-2:]) == 0:
        return wrap(xb.zeros_like(a, dtype=_I64, shape=a.shape[:-2]), x._device)
    s = _singular_values(x, a, "matrix_rank")
    cutoff = _rtol_cutoff(x, s, rtol, "matrix_rank")
    return wrap((s > cutoff).sum(axis=-1, dtype=_I64), x._device)


def pinv(x: Tensor, /, *, rtol: float | Tensor | None = None) -> Tensor:
    """The Moore-Penrose pseudo-inverse of a matrix or stack, computed from its SVD.

    Parameters
    ----------
    x
        Floating-point tensor of shape ``(..., M, N)``.
    rtol
        Singular values ``<= rtol * largest`` are treated as zero; as ``matrix_rank``.

    Returns
    -------
    Tensor
        Shape ``(..., N, M)``, ``x``'s dtype; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError, ValueError
        As ``matrix_rank``; ValueError also when (CPU) the SVD does not converge.

    Examples
    --------
    >>> xp.linalg.pinv(xp.asarray([[2.0, 0.0], [0.0, 0.0]]))
    tensor([[0.5, 0. ],
            [0. , 0. ]])
    >>> xp.linalg.pinv(xp.asarray([[1.0], [1.0]]))
    tensor([[0.5, 0.5]])
    """
    a = _floating(x, "pinv")
    _matrices(a, "pinv")
    xb = x._device.backend
    m, n = a.shape[-2:]
    if m == 0 or n == 0:
        return wrap(xb.zeros_like(a, shape=a.shape[:-2] + (n, m)), x._device)
    with _LapackErrors("pinv"):
        u, s, vh = _fn(x, "svd", "pinv")(_lapack(a), full_matrices=False)
        cutoff = _rtol_cutoff(x, s, rtol, "pinv")
        large = s > cutoff
        s_inv = xb.reciprocal(xb.where(large, s, 1)) * large
        r = xb.matmul(_conj_t(vh) * s_inv[..., None, :], _conj_t(u))
    return wrap(r.astype(a.dtype, copy=False), x._device)


# --- norms ------------------------------------------------------------------------------


def matrix_norm(
    x: Tensor,
    /,
    *,
    keepdims: bool = False,
    ord: int | float | Literal["fro", "nuc"] | None = "fro",
) -> Tensor:
    """The matrix norm of a matrix or stack.

    Parameters
    ----------
    x
        Floating-point tensor of shape ``(..., M, N)``.
    keepdims
        Keep the last two axes as size-1 axes.
    ord
        ``"fro"`` (Frobenius, default), ``"nuc"`` (sum of singular values), ``2`` /
        ``-2`` (largest / smallest singular value), ``1`` / ``-1`` (largest / smallest
        column sum of ``abs(x)``), ``inf`` / ``-inf`` (largest / smallest row sum).
        A matrix with no elements has norm 0 for every ``ord``.

    Returns
    -------
    Tensor
        Shape ``x.shape[:-2]`` (plus ``(1, 1)`` with ``keepdims``), the real dtype of
        ``x``'s precision; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not floating-point.
    ValueError
        ``x`` has fewer than 2 dimensions, or ``ord`` is not one of the above.

    Examples
    --------
    >>> x = xp.asarray([[1.0, -2.0], [3.0, 4.0]])
    >>> xp.linalg.matrix_norm(x)
    tensor(5.47722558)
    >>> xp.linalg.matrix_norm(x, ord=1)
    tensor(6.)
    >>> xp.linalg.matrix_norm(x, ord=xp.inf)
    tensor(7.)
    """
    a = _floating(x, "matrix_norm")
    _matrices(a, "matrix_norm")
    if ord is None:
        ord = "fro"
    if ord.__class__ is bool or not isinstance(ord, _MATRIX_ORD_TYPES) or ord not in _MATRIX_ORDS:
        raise ValueError(
            "linalg.matrix_norm: ord must be 'fro', 'nuc', 1, -1, 2, -2, inf or -inf, "
            f"got {show(ord)}"
        )
    if keepdims.__class__ is not bool:
        keepdims = check_bool(keepdims, "linalg.matrix_norm", "keepdims")
    xb = x._device.backend
    real = _REAL[a.dtype]
    with _LapackErrors("matrix_norm"):
        if a.shape[-1] == 0 or a.shape[-2] == 0:
            r = xb.zeros_like(a, dtype=real, shape=a.shape[:-2])
        elif ord == "fro":
            magnitude = _lapack(xb.abs(a))
            r = xb.sqrt((magnitude * magnitude).sum(axis=(-2, -1)))
        elif ord == "nuc":
            r = _singular_values(x, a, "matrix_norm").sum(axis=-1)
        elif ord == 2 or ord == -2:
            s = _singular_values(x, a, "matrix_norm")
            r = s.max(axis=-1) if ord == 2 else s.min(axis=-1)
        else:
            # 1 / -1: column sums (over rows, axis -2); inf / -inf: row sums (axis -1).
            sums = _lapack(xb.abs(a)).sum(axis=-2 if ord == 1 or ord == -1 else -1)
            r = sums.max(axis=-1) if ord > 0 else sums.min(axis=-1)
    r = r.astype(real, copy=False)
    if keepdims:
        r = r[..., None, None]
    return wrap(r, x._device)


def vector_norm(
    x: Tensor,
    /,
    *,
    axis: int | tuple[int, ...] | None = None,
    keepdims: bool = False,
    ord: int | float = 2,
) -> Tensor:
    """The vector norm of ``x`` over ``axis`` (every axis by default).

    Parameters
    ----------
    x
        Floating-point tensor.
    axis
        An axis or a tuple of axes (negative counts from the end); None: all.
    keepdims
        Keep the reduced axes as size-1 axes.
    ord
        ``2`` (default), ``1``, ``inf`` (max of ``abs``), ``-inf`` (min), ``0`` (number
        of non-zero elements), or any other real ``p``: ``sum(abs(x)**p)**(1/p)``.
        Over zero elements ``-inf`` gives ``inf``; other ``ord`` follow the formula.

    Returns
    -------
    Tensor
        The real dtype of ``x``'s precision; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not floating-point or ``ord`` is not a real number.
    ValueError
        ``ord`` is NaN, or ``axis`` is out of range (an ``AxisError``, also an
        IndexError) or repeated.

    Examples
    --------
    >>> x = xp.asarray([[3.0, 4.0], [0.0, -1.0]])
    >>> xp.linalg.vector_norm(x, axis=1)
    tensor([5., 1.])
    >>> xp.linalg.vector_norm(x, ord=1)
    tensor(8.)
    >>> xp.linalg.vector_norm(x, ord=xp.inf)
    tensor(4.)
    """
    a = _floating(x, "vector_norm")
    if ord.__class__ is not int and ord.__class__ is not float or ord != ord:
        ord = check_real(ord, "linalg.vector_norm", "ord")
    if ord.__class__ is int and not -_NO_FLOAT < ord < _NO_FLOAT:
        ord = _INF if ord > 0 else -_INF  # the p-norm's limit: no float holds such a p
    if keepdims.__class__ is not bool:
        keepdims = check_bool(keepdims, "linalg.vector_norm", "keepdims")
    if axis is None:
        axes: tuple[int, ...] = tuple(range(a.ndim))
    else:
        axes = normalize_axes(axis, a.ndim, "linalg.vector_norm")
    xb = x._device.backend
    real = _REAL[a.dtype]
    magnitude = _lapack(xb.abs(a))
    if ord == 2 and axis is None:  # a dot product: the fast common case
        r = xb.sqrt(xb.vdot(magnitude, magnitude))
        if keepdims:
            r = r.reshape((1,) * a.ndim)
        return wrap(r.astype(real, copy=False), x._device)
    with np.errstate(all="ignore"):
        if ord == 2:
            r = xb.sqrt((magnitude * magnitude).sum(axis=axes, keepdims=keepdims))
        elif ord == 1:
            r = magnitude.sum(axis=axes, keepdims=keepdims)
        elif ord == 0:
            r = (magnitude != 0).sum(axis=axes, keepdims=keepdims, dtype=real)
        elif ord == _INF or ord == -_INF:
            if math.prod(a.shape[i] for i in axes) == 0:
                r = magnitude.sum(axis=axes, keepdims=keepdims)  # zeros of the right shape
                if ord < 0:
                    r = r + _INF
            else:
                r = (magnitude.max if ord > 0 else magnitude.min)(axis=axes, keepdims=keepdims)
        else:
            r = (magnitude**ord).sum(axis=axes, keepdims=keepdims) ** (1.0 / ord)
    return wrap(r.astype(real, copy=False), x._device)


# --- products, diagonals ----------------------------------------------------------------


def cross(x1: Tensor, x2: Tensor, /, *, axis: int = -1) -> Tensor:
    """The cross product of 3-element vectors along ``axis``.

    Parameters
    ----------
    x1, x2
        Numeric tensors whose size along ``axis`` is 3; their other axes broadcast.
    axis
        A negative axis, at least ``-min(x1.ndim, x2.ndim)``, counted from the end.

    Returns
    -------
    Tensor
        The broadcast shape, the promoted dtype; a new tensor on the inputs' device.

    Raises
    ------
    TypeError
        An argument is not a numeric Tensor.
    ValueError
        ``axis`` is out of range or not negative, a size along it is not 3, the other
        axes do not broadcast, or the tensors are on different devices.

    Examples
    --------
    >>> xp.linalg.cross(xp.asarray([1, 0, 0]), xp.asarray([0, 1, 0]))
    tensor([0, 0, 1])
    >>> xp.linalg.cross(xp.asarray([[1.0, 2.0, 3.0]]), xp.asarray([4.0, 5.0, 6.0]))
    tensor([[-3.,  6., -3.]])
    """
    a = _numeric(x1, "cross")
    b = _numeric(x2, "cross")
    _same_device(x1, x2, "cross")
    axis = _int(axis, "axis", "cross")
    lowest = -min(a.ndim, b.ndim)
    if not lowest <= axis <= -1:
        raise ValueError(
            f"linalg.cross: expected a negative axis in [{lowest}, -1] for shapes {a.shape} "
            f"and {b.shape}, got {axis}"
        )
    if a.shape[axis] != 3 or b.shape[axis] != 3:
        raise ValueError(
            f"linalg.cross: expected size 3 along axis {axis}, got shapes {a.shape} and {b.shape}"
        )
    rest_a = a.shape[:axis] + a.shape[axis:][1:]
    rest_b = b.shape[:axis] + b.shape[axis:][1:]
    _broadcast_shapes(rest_a, rest_b, "cross")
    dtype = promote(from_numpy(a.dtype), from_numpy(b.dtype)).numpy
    xb = x1._device.backend
    r = xb.cross(a.astype(dtype, copy=False), b.astype(dtype, copy=False), axis=axis)
    return wrap(r, x1._device)


def outer(x1: Tensor, x2: Tensor, /) -> Tensor:
    """The outer product of two 1-d numeric tensors: ``out[i, j] = x1[i] * x2[j]``.

    Parameters
    ----------
    x1, x2 : Tensor
        1-d numeric tensors of lengths ``N`` and ``M``, on one device.

    Returns
    -------
    Tensor
        Shape ``(N, M)``, the promoted dtype; a new tensor on the inputs' device.

    Raises
    ------
    TypeError
        An argument is not a numeric Tensor.
    ValueError
        An argument is not 1-d, or the tensors are on different devices.

    Examples
    --------
    >>> xp.linalg.outer(xp.asarray([1, 2]), xp.asarray([3, 4, 5]))
    tensor([[ 3,  4,  5],
            [ 6,  8, 10]])
    """
    a = _numeric(x1, "outer")
    b = _numeric(x2, "outer")
    _same_device(x1, x2, "outer")
    if a.ndim != 1 or b.ndim != 1:
        raise ValueError(
            f"linalg.outer: expected two 1-d tensors, got shapes {a.shape} and {b.shape}"
        )
    dtype = promote(from_numpy(a.dtype), from_numpy(b.dtype)).numpy
    r = a.astype(dtype, copy=False)[:, None] * b.astype(dtype, copy=False)[None, :]
    return wrap(r, x1._device)


def diagonal(x: Tensor, /, *, offset: int = 0) -> Tensor:
    """The diagonal ``offset`` of each matrix (``> 0`` above the main one, ``< 0`` below).

    Parameters
    ----------
    x : Tensor
        A tensor of shape ``(..., M, N)``.
    offset : int
        Which diagonal: 0 the main one, ``> 0`` above it, ``< 0`` below it.

    Returns
    -------
    Tensor
        Shape ``x.shape[:-2] + (L,)`` (``L`` is 0 when the offset lies outside the
        matrix), ``x``'s dtype; a new tensor (a copy) on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor or ``offset`` not an int.
    ValueError
        ``x`` has fewer than 2 dimensions.

    Examples
    --------
    >>> x = xp.reshape(xp.arange(9), (3, 3))
    >>> xp.linalg.diagonal(x)
    tensor([0, 4, 8])
    >>> xp.linalg.diagonal(x, offset=1)
    tensor([1, 5])
    >>> xp.linalg.diagonal(x, offset=-2)
    tensor([6])
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("linalg.diagonal", x)
    a = x._array
    _matrices(a, "diagonal")
    return wrap(a.diagonal(_offset(offset, a, "diagonal"), -2, -1).copy(), x._device)


# int8/16/32 sum to int64, uint8/16/32 to uint64 (the default integer's width).
_TRACE_DEFAULT = {np.dtype(t): np.dtype("int64") for t in ("int8", "int16", "int32")} | {
    np.dtype(t): np.dtype("uint64") for t in ("uint8", "uint16", "uint32")
}


def trace(x: Tensor, /, *, offset: int = 0, dtype: DType | None = None) -> Tensor:
    """The sum of the diagonal ``offset`` of each matrix.

    Parameters
    ----------
    x
        Numeric tensor of shape ``(..., M, N)``.
    offset
        Which diagonal: ``> 0`` above the main one, ``< 0`` below.
    dtype
        The result dtype; ``x`` is cast to it before summing. None: ``x``'s dtype, except
        that smaller signed integers give int64 and smaller unsigned ones uint64.

    Returns
    -------
    Tensor
        Shape ``x.shape[:-2]``; a new tensor on ``x``'s device. An empty diagonal sums to 0.

    Raises
    ------
    TypeError
        ``x`` is not numeric, ``dtype`` is not a numeric dtype (or real for complex
        ``x``), or ``offset`` is not an int.
    ValueError
        ``x`` has fewer than 2 dimensions.

    Examples
    --------
    >>> x = xp.asarray([[1, 2], [3, 4]], dtype=xp.int8)
    >>> xp.linalg.trace(x)
    tensor(5)
    >>> xp.linalg.trace(x, offset=1, dtype=xp.float32)
    tensor(2., dtype=xtensor.float32)
    """
    a = _numeric(x, "trace")
    _matrices(a, "trace")
    offset = _offset(offset, a, "trace")
    if dtype is None:
        acc = _TRACE_DEFAULT.get(a.dtype, a.dtype)
    else:
        want = check_dtype(dtype, "linalg.trace")
        if want.kind == "bool" or (a.dtype.kind == "c" and want.kind != "complex floating"):
            raise TypeError(
                f"linalg.trace: cannot sum a {x.dtype.name} tensor as {want.name}: expected "
                "a numeric dtype, complex for complex input"
            )
        acc = want.numpy
    return wrap(a.diagonal(offset, -2, -1).sum(axis=-1, dtype=acc), x._device)
