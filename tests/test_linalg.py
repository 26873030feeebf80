"""xtensor.linalg against NumPy as the oracle: values, shapes, dtypes and errors."""

import inspect
import math
import types

import array_api_strict
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xtensor as xp
from xtensor import _backend
from xtensor._devices import Device
from xtensor._tensor import wrap

REAL = ("float32", "float64")
COMPLEX = ("complex64", "complex128")
FLOATING = REAL + COMPLEX
INTEGER = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
NUMERIC = INTEGER + ("float16",) + FLOATING
TOL = {"float16": 3e-2, "float32": 2e-4, "complex64": 2e-4, "float64": 1e-10, "complex128": 1e-10}
REAL_OF = {"float16": "float16", "float32": "float32", "float64": "float64"}
REAL_OF |= {"complex64": "float32", "complex128": "float64"}

STANDARD_NAMES = [
    "cholesky", "cross", "det", "diagonal", "eig", "eigh", "eigvals", "eigvalsh", "inv",
    "matmul", "matrix_norm", "matrix_power", "matrix_rank", "matrix_transpose", "outer",
    "pinv", "qr", "slogdet", "solve", "svd", "svdvals", "tensordot", "trace", "vecdot",
    "vector_norm",
]  # fmt: skip


# --- strategies and helpers -------------------------------------------------------------


def elements(dtype, bound=1.0):
    dtype = np.dtype(dtype)
    if dtype.kind == "c":
        return st.complex_numbers(
            max_magnitude=bound, allow_nan=False, allow_infinity=False, width=dtype.itemsize * 8
        )
    if dtype.kind == "f":
        return st.floats(-bound, bound, width=dtype.itemsize * 8)
    return None


@st.composite
def matrices(draw, dtypes=FLOATING, square=False, min_side=0, max_side=4, bound=1.0):
    """(numpy array, dtype name): a stack of matrices with bounded elements."""
    dtype = draw(st.sampled_from(dtypes))
    stack = draw(hnp.array_shapes(min_dims=0, max_dims=2, min_side=0, max_side=3))
    m = draw(st.integers(min_side, max_side))
    n = m if square else draw(st.integers(min_side, max_side))
    a = draw(hnp.arrays(dtype, stack + (m, n), elements=elements(dtype, bound)))
    return a, dtype


def dominant(a):
    """``a`` plus a diagonal large enough to make every matrix well-conditioned."""
    n = a.shape[-1]
    return (a + (n + 1) * np.eye(n, dtype=a.dtype)).astype(a.dtype)


def wide(a):
    """``a`` in float64/complex128, for an accurate oracle."""
    return a.astype(np.complex128 if a.dtype.kind == "c" else np.float64)


def close(t, expected, dtype, factor=1.0):
    """Assert tensor ``t`` is close to ``expected``, relative to its largest magnitude."""
    got = t.numpy()
    expected = np.asarray(expected)
    assert got.shape == expected.shape, (got.shape, expected.shape)
    tol = TOL[dtype] * factor
    scale = max(1.0, float(np.max(np.abs(expected), initial=0.0)))
    np.testing.assert_allclose(got, expected, rtol=tol, atol=tol * scale)


def ct(m):
    """Conjugate transpose of the last two axes."""
    return np.conj(np.swapaxes(m, -1, -2))


def eye_like(shape, dtype):
    return np.broadcast_to(np.eye(shape[-1], dtype=dtype), shape)


def test_namespace_lists_every_function_of_the_standard():
    assert sorted(n for n in xp.linalg.__all__ if not n.endswith("Result")) == STANDARD_NAMES
    for name in STANDARD_NAMES:
        assert callable(getattr(xp.linalg, name))
    assert "linalg" in xp.__all__ and xp.linalg.__name__ == "xtensor.linalg"


@pytest.mark.parametrize("name", STANDARD_NAMES)
def test_signatures_match_the_standard(name):
    ours = inspect.signature(getattr(xp.linalg, name)).parameters
    theirs = inspect.signature(getattr(array_api_strict.linalg, name)).parameters
    assert [(p.name, p.kind, p.default) for p in ours.values()] == [
        (p.name, p.kind, p.default) for p in theirs.values()
    ]


# --- decompositions -----------------------------------------------------------------------


@given(matrices(square=True), st.booleans())
def test_cholesky_factors_positive_definite_matrices(drawn, upper):
    b, dtype = drawn
    a = (b @ ct(b) + b.shape[-1] * eye_like(b.shape, dtype)).astype(dtype)
    factor = xp.linalg.cholesky(xp.asarray(a), upper=upper)
    assert factor.dtype == getattr(xp, dtype)
    f = factor.numpy()
    triangle = np.triu(f, 1) if not upper else np.tril(f, -1)
    assert not triangle.any()
    expected = np.linalg.cholesky(wide(a), upper=upper)
    close(factor, expected, dtype, 10)


@given(matrices(square=True, max_side=5))
def test_eigh_diagonalizes_hermitian_matrices(drawn):
    b, dtype = drawn
    a = ((b + ct(b)) / 2).astype(dtype)
    w, v = xp.linalg.eigh(xp.asarray(a))
    assert w.dtype == getattr(xp, REAL_OF[dtype]) and v.dtype == getattr(xp, dtype)
    assert w.shape == a.shape[:-1] and v.shape == a.shape
    close(w, np.linalg.eigvalsh(wide(a)), dtype, 10)
    vn, wn = v.numpy(), w.numpy()
    close(xp.asarray(a @ vn), vn * wn[..., None, :], dtype, 10)
    close(xp.asarray(ct(vn) @ vn), eye_like(a.shape, dtype), dtype, 10)
    close(xp.linalg.eigvalsh(xp.asarray(a)), np.linalg.eigvalsh(wide(a)), dtype, 10)


@st.composite
def grid_matrices(draw):
    """Square stacks with elements on a coarse grid: no near-defective matrices built
    from tiny elements, whose eigenvectors no solver resolves."""
    a, dtype = draw(matrices(dtypes=("float64",), square=True, max_side=4))
    grid = draw(hnp.arrays(np.int8, a.shape, elements=st.integers(-8, 8)))
    dtype = draw(st.sampled_from(FLOATING))
    a = grid / 4
    if np.dtype(dtype).kind == "c":
        a = a + 1j * draw(hnp.arrays(np.int8, a.shape, elements=st.integers(-8, 8))) / 4
    return a.astype(dtype), dtype


@given(grid_matrices())
def test_eig_finds_eigenpairs_of_general_matrices(drawn):
    a, dtype = drawn
    w, v = xp.linalg.eig(xp.asarray(a))
    complex_dtype = {"float32": xp.complex64, "float64": xp.complex128}.get(dtype)
    assert w.dtype == v.dtype == (complex_dtype or getattr(xp, dtype))
    assert w.shape == a.shape[:-1] and v.shape == a.shape
    vn, wn = v.numpy(), w.numpy()
    # A v = v diag(w), and the eigenvalues sum to the trace
    close(xp.asarray(a @ vn), vn * wn[..., None, :], dtype, 20)
    close(xp.asarray(wn.sum(axis=-1)), np.trace(wide(a), axis1=-2, axis2=-1), dtype, 20)
    eigvals = xp.linalg.eigvals(xp.asarray(a))
    assert eigvals.dtype == w.dtype
    rows = (math.prod(a.shape[:-2]), a.shape[-1])
    expected = np.linalg.eigvals(wide(a)).reshape(rows)
    got = eigvals.numpy().reshape(rows)
    for row_got, row_expected in zip(got, expected, strict=True):
        for value in row_expected:  # every eigenvalue of the oracle is found
            assert np.min(np.abs(row_got - value), initial=0.0) < 1e-2 * max(1, abs(value))


@given(matrices(), st.sampled_from(["reduced", "complete"]))
def test_qr_reconstructs_with_orthonormal_q_and_triangular_r(drawn, mode):
    a, dtype = drawn
    q, r = xp.linalg.qr(xp.asarray(a), mode=mode)
    m, n = a.shape[-2:]
    k = m if mode == "complete" else min(m, n)
    assert q.shape == a.shape[:-2] + (m, k) and r.shape == a.shape[:-2] + (k, n)
    assert q.dtype == r.dtype == getattr(xp, dtype)
    qn, rn = q.numpy(), r.numpy()
    assert not np.tril(rn, -1).any()
    close(xp.asarray(qn @ rn), a, dtype, 10)
    close(xp.asarray(ct(qn) @ qn), eye_like(a.shape[:-2] + (k, k), dtype), dtype, 10)


@given(matrices(), st.booleans())
def test_svd_reconstructs_with_the_oracle_singular_values(drawn, full_matrices):
    a, dtype = drawn
    u, s, vh = xp.linalg.svd(xp.asarray(a), full_matrices=full_matrices)
    m, n = a.shape[-2:]
    k = min(m, n)
    assert s.shape == a.shape[:-2] + (k,) and s.dtype == getattr(xp, REAL_OF[dtype])
    assert u.shape == a.shape[:-2] + ((m, m) if full_matrices else (m, k))
    assert vh.shape == a.shape[:-2] + ((n, n) if full_matrices else (k, n))
    assert u.dtype == vh.dtype == getattr(xp, dtype)
    expected_s = np.linalg.svd(wide(a), compute_uv=False)
    close(s, expected_s, dtype, 10)
    un, sn, vhn = u.numpy()[..., :, :k], s.numpy(), vh.numpy()[..., :k, :]
    close(xp.asarray((un * sn[..., None, :]) @ vhn), a, dtype, 10)
    close(xp.linalg.svdvals(xp.asarray(a)), expected_s, dtype, 10)


# --- determinants, inverses, solvers ------------------------------------------------------


@given(matrices(square=True))
def test_det_and_slogdet_match_numpy(drawn):
    a, dtype = drawn
    a = dominant(a)
    d = xp.linalg.det(xp.asarray(a))
    assert d.dtype == getattr(xp, dtype) and d.shape == a.shape[:-2]
    close(d, np.linalg.det(wide(a)), dtype, 10)
    sign, logabsdet = xp.linalg.slogdet(xp.asarray(a))
    expected_sign, expected_log = np.linalg.slogdet(wide(a))
    assert sign.dtype == getattr(xp, dtype)
    assert logabsdet.dtype == getattr(xp, REAL_OF[dtype])
    close(sign, expected_sign, dtype, 10)
    close(logabsdet, expected_log, dtype, 10)


def test_slogdet_of_a_singular_matrix_is_zero_sign_and_minus_infinity():
    sign, logabsdet = xp.linalg.slogdet(xp.asarray([[1.0, 2.0], [2.0, 4.0]]))
    assert float(sign) == 0.0 and float(logabsdet) == -math.inf


@pytest.mark.parametrize("dtype", FLOATING)
def test_det_and_slogdet_of_a_matrix_with_nan_are_nan(dtype):
    # LAPACK takes this NaN pivot for zero: NumPy's det says 0
    a = xp.asarray(np.array([[[math.nan, 1.0], [1.0, 1.0]], [[2.0, 0.0], [0.0, 1.0]]], dtype))
    d = xp.linalg.det(a).numpy()
    assert np.isnan(d[0]) and d[1] == 2
    sign, logabsdet = (r.numpy() for r in xp.linalg.slogdet(a))
    assert np.isnan(sign[0]) and np.isnan(logabsdet[0])
    assert sign[1] == 1 and logabsdet[1] == pytest.approx(math.log(2))
    assert xp.linalg.det(a).dtype == getattr(xp, dtype)


@given(matrices(square=True))
def test_inv_matches_numpy(drawn):
    a, dtype = drawn
    a = dominant(a)
    r = xp.linalg.inv(xp.asarray(a))
    assert r.dtype == getattr(xp, dtype)
    close(r, np.linalg.inv(wide(a)), dtype, 10)


@given(matrices(square=True), st.integers(-3, 5))
def test_matrix_power_matches_numpy(drawn, n):
    a, dtype = drawn
    a = dominant(a) / (a.shape[-1] + 2)
    r = xp.linalg.matrix_power(xp.asarray(a.astype(dtype)), n)
    assert r.dtype == getattr(xp, dtype) and r.shape == a.shape
    close(r, np.linalg.matrix_power(wide(a), n), dtype, 50)


@given(matrices(square=True, min_side=1), st.data())
def test_solve_broadcasts_stacks_and_treats_1d_x2_as_a_vector(drawn, data):
    a, dtype = drawn
    a = dominant(a)
    m = a.shape[-1]
    if data.draw(st.booleans(), label="vector"):
        b = data.draw(hnp.arrays(dtype, (m,), elements=elements(dtype)), label="b")
        expected = np.linalg.solve(
            wide(a), np.broadcast_to(wide(b)[:, None], a.shape[:-2] + (m, 1))
        )
        expected = expected[..., 0]
    else:
        batch = data.draw(
            hnp.broadcastable_shapes(a.shape[:-2], max_dims=3, min_side=0), label="batch"
        )
        k = data.draw(st.integers(0, 3), label="k")
        b = data.draw(hnp.arrays(dtype, batch + (m, k), elements=elements(dtype)), label="b")
        expected = np.linalg.solve(wide(a), wide(b))
    r = xp.linalg.solve(xp.asarray(a), xp.asarray(b))
    assert r.dtype == getattr(xp, dtype)
    close(r, expected, dtype, 10)


def test_solve_promotes_mixed_floating_dtypes():
    a = xp.asarray(np.eye(2, dtype=np.float32) * 2)
    b = xp.asarray(np.ones(2, dtype=np.complex128))
    r = xp.linalg.solve(a, b)
    assert r.dtype == xp.complex128
    np.testing.assert_allclose(r.numpy(), [0.5, 0.5])
    assert xp.linalg.solve(a, xp.asarray(np.ones(2, dtype=np.float64))).dtype == xp.float64


@st.composite
def low_rank_matrices(draw):
    """Matrices of small integers (so rank deficiency is exact), and their dtype."""
    dtype = draw(st.sampled_from(FLOATING))
    stack = draw(hnp.array_shapes(min_dims=0, max_dims=1, min_side=0, max_side=3))
    m, n, r = (draw(st.integers(1, 4)) for _ in range(3))
    b = draw(hnp.arrays(np.int8, stack + (m, r), elements=st.integers(-3, 3)))
    c = draw(hnp.arrays(np.int8, stack + (r, n), elements=st.integers(-3, 3)))
    return (b.astype(np.int64) @ c).astype(dtype), dtype


@given(low_rank_matrices(), st.sampled_from([None, 0.0, 0.1, 0.5]))
def test_matrix_rank_and_pinv_match_numpy(drawn, rtol):
    a, dtype = drawn
    rank = xp.linalg.matrix_rank(xp.asarray(a), rtol=rtol)
    assert rank.dtype == xp.int64 and rank.shape == a.shape[:-2]
    expected_rank = np.linalg.matrix_rank(a, rtol=rtol)
    assert rank.numpy().tolist() == np.asarray(expected_rank).tolist()
    p = xp.linalg.pinv(xp.asarray(a), rtol=rtol)
    assert p.dtype == getattr(xp, dtype) and p.shape == a.shape[:-2] + a.shape[-1:-3:-1]
    kwargs = {} if rtol is None else {"rtol": rtol}
    close(p, np.linalg.pinv(a, **kwargs), dtype, 100)


def test_matrix_rank_and_pinv_take_a_tensor_rtol_per_matrix():
    a = np.stack([np.diag([1.0, 0.3]), np.diag([1.0, 0.3])])
    rtol = xp.asarray([0.1, 0.5])
    assert xp.linalg.matrix_rank(xp.asarray(a), rtol=rtol).tolist() == [2, 1]
    p = xp.linalg.pinv(xp.asarray(a), rtol=rtol).numpy()
    np.testing.assert_allclose(p, [np.diag([1.0, 1 / 0.3]), np.diag([1.0, 0.0])])


def test_empty_matrices_have_rank_zero_and_an_empty_pinv():
    a = xp.asarray(np.zeros((2, 0, 3)))
    assert xp.linalg.matrix_rank(a).tolist() == [0, 0]
    assert xp.linalg.pinv(a).shape == (2, 3, 0)


# --- norms ------------------------------------------------------------------------------


VECTOR_ORDS = [2, 1, 0, -1, -2, math.inf, -math.inf, 3, 0.5, -0.5, 2.5]


@st.composite
def float_arrays(draw, dtypes=("float16",) + FLOATING, min_dims=0, min_side=1, bound=10.0):
    dtype = draw(st.sampled_from(dtypes))
    shape = draw(hnp.array_shapes(min_dims=min_dims, max_dims=3, min_side=min_side, max_side=4))
    return draw(hnp.arrays(dtype, shape, elements=elements(dtype, bound)))


@given(float_arrays(), st.sampled_from(VECTOR_ORDS), st.booleans(), st.data())
def test_vector_norm_matches_numpy(a, ord, keepdims, data):
    axis = data.draw((st.none() | st.integers(-a.ndim, a.ndim - 1)) if a.ndim else st.none())
    if a.ndim >= 2 and data.draw(st.booleans(), label="tuple axis"):
        axis = tuple(
            data.draw(
                st.lists(
                    st.integers(-a.ndim, a.ndim - 1), min_size=1, unique_by=lambda i: i % a.ndim
                )
            )
        )
    r = xp.linalg.vector_norm(xp.asarray(a), axis=axis, keepdims=keepdims, ord=ord)
    dtype = a.dtype.name
    assert r.dtype == getattr(xp, REAL_OF[dtype])
    # oracle: np.linalg.norm along one axis, after moving the reduced axes to the end
    axes = tuple(range(a.ndim)) if axis is None else axis if isinstance(axis, tuple) else (axis,)
    axes = tuple(i % a.ndim for i in axes) if a.ndim else ()
    rest = [i for i in range(a.ndim) if i not in axes]
    flat = np.transpose(wide(a), rest + list(axes)).reshape([a.shape[i] for i in rest] + [-1])
    with np.errstate(all="ignore"):
        expected = np.linalg.norm(flat, ord=ord, axis=-1)
    if keepdims:
        expected = np.reshape(expected, [1 if i in axes else s for i, s in enumerate(a.shape)])
    close(r, expected.astype(REAL_OF[dtype]), dtype, 10)


def test_vector_norm_of_nothing():
    empty = xp.asarray(np.zeros((2, 0)))
    assert xp.linalg.vector_norm(empty, axis=1, ord=math.inf).tolist() == [0.0, 0.0]
    assert xp.linalg.vector_norm(empty, axis=1, ord=-math.inf).tolist() == [math.inf] * 2
    assert xp.linalg.vector_norm(empty, axis=1).tolist() == [0.0, 0.0]
    assert xp.linalg.vector_norm(empty, ord=-1).tolist() == math.inf


MATRIX_ORDS = ["fro", "nuc", 1, -1, 2, -2, math.inf, -math.inf]


@given(
    matrices(dtypes=("float16",) + FLOATING, min_side=1),
    st.sampled_from(MATRIX_ORDS),
    st.booleans(),
)
def test_matrix_norm_matches_numpy(drawn, ord, keepdims):
    a, dtype = drawn
    r = xp.linalg.matrix_norm(xp.asarray(a), ord=ord, keepdims=keepdims)
    assert r.dtype == getattr(xp, REAL_OF[dtype])
    expected = np.linalg.norm(wide(a), ord=ord, axis=(-2, -1), keepdims=keepdims)
    close(r, expected, dtype, 10)


def test_matrix_norm_of_an_empty_matrix_is_zero():
    for ord in MATRIX_ORDS:
        r = xp.linalg.matrix_norm(xp.asarray(np.zeros((3, 0, 2))), ord=ord, keepdims=True)
        assert r.shape == (3, 1, 1) and not r.numpy().any()


def test_float16_norms_do_not_overflow_in_partial_sums():
    a = xp.asarray(np.full(4, 300.0, dtype=np.float16))
    assert float(xp.linalg.vector_norm(a)) == 600.0
    m = xp.asarray(np.full((2, 2), 300.0, dtype=np.float16))
    assert float(xp.linalg.matrix_norm(m)) == 600.0


# --- float16: computed in float32, returned as float16 -------------------------------------


FLOAT16_CASES = {
    "cholesky": lambda t: xp.linalg.cholesky(t),
    "det": lambda t: xp.linalg.det(t),
    "eigvalsh": lambda t: xp.linalg.eigvalsh(t),
    "inv": lambda t: xp.linalg.inv(t),
    "matrix_power": lambda t: xp.linalg.matrix_power(t, 3),
    "pinv": lambda t: xp.linalg.pinv(t),
    "slogdet": lambda t: xp.linalg.slogdet(t).logabsdet,
    "solve": lambda t: xp.linalg.solve(t, t),
    "svdvals": lambda t: xp.linalg.svdvals(t),
    "qr": lambda t: xp.linalg.qr(t).R,
}


@pytest.mark.parametrize("name", sorted(FLOAT16_CASES))
def test_float16_is_computed_in_float32(name):
    a = np.array([[4.0, 1.0], [1.0, 3.0]])
    f = FLOAT16_CASES[name]
    half = f(xp.asarray(a.astype(np.float16)))
    single = f(xp.asarray(a.astype(np.float32)))
    assert half.dtype == xp.float16
    np.testing.assert_allclose(half.numpy(), single.numpy().astype(np.float16), rtol=1e-3)
    u, s, vh = xp.linalg.svd(xp.asarray(a.astype(np.float16)))
    assert (u.dtype, s.dtype, vh.dtype) == (xp.float16,) * 3
    w, v = xp.linalg.eigh(xp.asarray(a.astype(np.float16)))
    assert (w.dtype, v.dtype) == (xp.float16,) * 2


# --- products, diagonals, traces ----------------------------------------------------------


@st.composite
def numeric_arrays(draw, shape, dtypes=NUMERIC):
    dtype = draw(st.sampled_from(dtypes))
    kind = np.dtype(dtype).kind
    bound = 10 if kind in "iu" else 10.0
    elems = (
        st.integers(0 if kind == "u" else -bound, bound) if kind in "iu" else elements(dtype, bound)
    )
    return draw(hnp.arrays(dtype, shape, elements=elems))


@given(st.data(), st.sampled_from([-1, -2, -3]))
def test_cross_matches_numpy(data, axis):
    shapes = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=-axis, max_dims=4))
    s1, s2 = (list(s) for s in shapes.input_shapes)
    s1[axis] = s2[axis] = 3
    dtype1 = data.draw(st.sampled_from(NUMERIC))
    dtype2 = data.draw(st.sampled_from([dtype1, "float64", "int64"]))
    a = data.draw(numeric_arrays(tuple(s1), (dtype1,)))
    b = data.draw(numeric_arrays(tuple(s2), (dtype2,)))
    r = xp.linalg.cross(xp.asarray(a), xp.asarray(b), axis=axis)
    common = np.result_type(a, b)
    assert r.dtype.name == common.name
    expected = np.cross(a.astype(common), b.astype(common), axis=axis)
    if common.kind in "iu":
        assert np.array_equal(r.numpy(), expected)
    else:
        close(r, expected, common.name if common.name in TOL else "float64", 10)


@given(
    numeric_arrays(hnp.array_shapes(max_dims=1, min_side=0)),
    numeric_arrays(hnp.array_shapes(max_dims=1, min_side=0)),
)
def test_outer_matches_numpy(a, b):
    r = xp.linalg.outer(xp.asarray(a), xp.asarray(b))
    common = np.result_type(a, b)
    assert r.dtype.name == common.name
    np.testing.assert_array_equal(r.numpy(), np.outer(a.astype(common), b.astype(common)))


ALL_DTYPES = ("bool",) + NUMERIC


@given(
    hnp.arrays(
        st.sampled_from(ALL_DTYPES),
        hnp.array_shapes(min_dims=2, max_dims=4, min_side=0, max_side=4),
    ),
    st.integers(-6, 6),
)
def test_diagonal_matches_numpy_and_is_a_copy(a, offset):
    t = xp.asarray(a)
    r = xp.linalg.diagonal(t, offset=offset)
    expected = np.diagonal(a, offset, -2, -1)
    assert r.dtype == t.dtype
    np.testing.assert_array_equal(r.numpy(), expected)
    if r.size:
        r[(0,) * r.ndim] = r[(0,) * r.ndim]  # writeable, and not x's memory
        assert not np.shares_memory(r.numpy(), a)


TRACE_DEFAULT = {"int8": "int64", "int16": "int64", "int32": "int64", "uint8": "uint64"}
TRACE_DEFAULT |= {"uint16": "uint64", "uint32": "uint64"}


@given(
    numeric_arrays(hnp.array_shapes(min_dims=2, max_dims=4, min_side=0, max_side=4)),
    st.integers(-5, 5),
)
def test_trace_matches_numpy_with_the_standard_dtypes(a, offset):
    r = xp.linalg.trace(xp.asarray(a), offset=offset)
    dtype = TRACE_DEFAULT.get(a.dtype.name, a.dtype.name)
    assert r.dtype.name == dtype and r.shape == a.shape[:-2]
    expected = np.trace(a, offset, -2, -1, dtype=dtype)
    if a.dtype.kind in "iu":
        np.testing.assert_array_equal(r.numpy(), expected)
    else:
        close(r, expected, a.dtype.name, 10)


def test_trace_casts_before_summing_to_the_requested_dtype():
    a = xp.asarray(np.full((3, 3), 100, dtype=np.int16))
    r = xp.linalg.trace(a, dtype=xp.int8)
    assert r.dtype == xp.int8 and r.item() == np.full(3, 100, np.int16).astype(np.int8).sum(
        dtype=np.int8
    )
    assert xp.linalg.trace(a, dtype=xp.float32).dtype == xp.float32
    assert (
        xp.linalg.trace(xp.asarray(np.eye(2, dtype=np.complex64)), dtype=xp.complex128).item() == 2
    )


# --- errors -------------------------------------------------------------------------------


def _square_int():
    return xp.asarray(np.eye(2, dtype=np.int64))


FLOATING_ONLY = {
    "cholesky": lambda t: xp.linalg.cholesky(t),
    "det": lambda t: xp.linalg.det(t),
    "eig": lambda t: xp.linalg.eig(t),
    "eigh": lambda t: xp.linalg.eigh(t),
    "eigvals": lambda t: xp.linalg.eigvals(t),
    "eigvalsh": lambda t: xp.linalg.eigvalsh(t),
    "inv": lambda t: xp.linalg.inv(t),
    "matrix_norm": lambda t: xp.linalg.matrix_norm(t),
    "matrix_power": lambda t: xp.linalg.matrix_power(t, 2),
    "matrix_rank": lambda t: xp.linalg.matrix_rank(t),
    "pinv": lambda t: xp.linalg.pinv(t),
    "qr": lambda t: xp.linalg.qr(t),
    "slogdet": lambda t: xp.linalg.slogdet(t),
    "solve": lambda t: xp.linalg.solve(t, t),
    "svd": lambda t: xp.linalg.svd(t),
    "svdvals": lambda t: xp.linalg.svdvals(t),
    "vector_norm": lambda t: xp.linalg.vector_norm(t),
}


@pytest.mark.parametrize("name", sorted(FLOATING_ONLY))
@pytest.mark.parametrize("dtype", ["bool", "int64", "uint8"])
def test_floating_only_functions_refuse_other_dtypes(name, dtype):
    t = xp.asarray(np.eye(2, dtype=dtype))
    with pytest.raises(
        TypeError, match=rf"linalg\.{name}: expected a floating-point tensor, got dtype {dtype}"
    ):
        FLOATING_ONLY[name](t)


@pytest.mark.parametrize("name", sorted(FLOATING_ONLY))
def test_functions_refuse_non_tensors(name):
    with pytest.raises(
        TypeError, match=rf"linalg\.{name}: x must be an xtensor Tensor, got ndarray"
    ):
        FLOATING_ONLY[name](np.eye(2))


SQUARE_ONLY = ["cholesky", "det", "eig", "eigh", "eigvals", "eigvalsh", "inv", "matrix_power"]
SQUARE_ONLY += ["slogdet", "solve"]


@pytest.mark.parametrize("name", SQUARE_ONLY)
@pytest.mark.parametrize("shape", [(2, 3), (3,), ()])
def test_square_matrix_functions_refuse_other_shapes(name, shape):
    with pytest.raises(ValueError, match=rf"linalg\.{name}: expected a square matrix .* got shape"):
        FLOATING_ONLY[name](xp.asarray(np.ones(shape)))


@pytest.mark.parametrize("name", ["matrix_norm", "matrix_rank", "pinv", "qr", "svd", "svdvals"])
def test_matrix_functions_refuse_vectors(name):
    with pytest.raises(ValueError, match=rf"linalg\.{name}: expected a matrix or a stack"):
        FLOATING_ONLY[name](xp.asarray(np.ones(3)))


def test_lapack_failures_are_value_errors_naming_the_function():
    singular = xp.asarray([[1.0, 2.0], [2.0, 4.0]])
    with pytest.raises(ValueError, match="linalg.inv: Singular matrix"):
        xp.linalg.inv(singular)
    with pytest.raises(ValueError, match="linalg.solve: Singular matrix"):
        xp.linalg.solve(singular, xp.asarray([1.0, 1.0]))
    with pytest.raises(ValueError, match="linalg.matrix_power: Singular matrix"):
        xp.linalg.matrix_power(singular, -1)
    with pytest.raises(ValueError, match="linalg.cholesky: .*positive definite"):
        xp.linalg.cholesky(xp.asarray([[1.0, 2.0], [2.0, 1.0]]))
    with pytest.raises(ValueError, match="linalg.eig: .*infs or NaNs"):
        xp.linalg.eig(xp.asarray([[math.nan, 1.0], [1.0, 1.0]]))
    with pytest.raises(ValueError, match="linalg.svd: SVD did not converge"):
        xp.linalg.svd(xp.asarray([[math.nan, 1.0], [1.0, 1.0]]))


def test_eig_refuses_float16():
    with pytest.raises(TypeError, match="linalg.eig: float16 is not supported"):
        xp.linalg.eig(xp.asarray(np.eye(2, dtype=np.float16)))
    with pytest.raises(TypeError, match="linalg.eigvals: float16 is not supported"):
        xp.linalg.eigvals(xp.asarray(np.eye(2, dtype=np.float16)))


def test_argument_errors():
    m = xp.asarray(np.eye(3))
    with pytest.raises(
        ValueError, match="linalg.qr: mode must be 'reduced' or 'complete', got 'r'"
    ):
        xp.linalg.qr(m, mode="r")
    for ord in ["f", 3, 0, True, math.nan]:
        with pytest.raises(ValueError, match="linalg.matrix_norm: ord must be 'fro'"):
            xp.linalg.matrix_norm(m, ord=ord)
    assert float(xp.linalg.matrix_norm(m, ord=None)) == pytest.approx(math.sqrt(3))
    with pytest.raises(
        TypeError,
        match=r"linalg.vector_norm: ord must be a real number \(int or float\), got 'fro'",
    ):
        xp.linalg.vector_norm(m, ord="fro")
    with pytest.raises(ValueError, match="linalg.vector_norm: ord must be a number, got nan"):
        xp.linalg.vector_norm(m, ord=math.nan)
    with pytest.raises(IndexError, match="axis 2 is out of range"):
        xp.linalg.vector_norm(m, axis=2)
    with pytest.raises(ValueError, match="repeated axis"):
        xp.linalg.vector_norm(m, axis=(0, -2))
    with pytest.raises(TypeError, match="linalg.matrix_power: n must be an integer, got 2.0"):
        xp.linalg.matrix_power(m, 2.0)
    with pytest.raises(TypeError, match="linalg.matrix_power: n must be an integer, got True"):
        xp.linalg.matrix_power(m, True)


def test_rtol_errors():
    m = xp.asarray(np.ones((2, 3, 3)))
    for f in (xp.linalg.matrix_rank, xp.linalg.pinv):
        name = f.__name__
        with pytest.raises(
            TypeError,
            match=f"linalg.{name}: expected rtol of a real floating-point dtype, got int64",
        ):
            f(m, rtol=xp.asarray([1, 2]))
        with pytest.raises(
            TypeError,
            match=rf"linalg.{name}: rtol must be a real number \(int or float\), got '1'",
        ):
            f(m, rtol="1")
        with pytest.raises(
            ValueError, match=rf"linalg.{name}: the stack shapes \(3,\) and \(2,\) do not broadcast"
        ):
            f(m, rtol=xp.asarray([0.1, 0.2, 0.3]))


def test_solve_shape_errors():
    a = xp.asarray(np.ones((2, 3, 3)))
    with pytest.raises(
        ValueError,
        match=r"linalg.solve: x2 of shape \(2,\) does not fit x1 of shape \(2, 3, 3\): "
        r"expected \(3,\)",
    ):
        xp.linalg.solve(a, xp.asarray(np.ones(2)))
    with pytest.raises(
        ValueError,
        match=r"linalg.solve: x2 of shape \(2, 2\) does not fit .* expected \(\.\.\., 3, K\)",
    ):
        xp.linalg.solve(a, xp.asarray(np.ones((2, 2))))
    with pytest.raises(
        ValueError, match=r"linalg.solve: the stack shapes \(2,\) and \(4,\) do not broadcast"
    ):
        xp.linalg.solve(a, xp.asarray(np.ones((4, 3, 1))))
    with pytest.raises(
        TypeError, match="linalg.solve: expected a floating-point tensor, got dtype int64"
    ):
        xp.linalg.solve(a, xp.asarray([1, 2, 3]))


def test_cross_outer_trace_diagonal_errors():
    v = xp.asarray(np.ones((2, 3)))
    with pytest.raises(
        ValueError, match=r"linalg.cross: expected a negative axis in \[-2, -1\] .* got 0"
    ):
        xp.linalg.cross(v, v, axis=0)
    with pytest.raises(ValueError, match=r"linalg.cross: expected a negative axis in \[-1, -1\]"):
        xp.linalg.cross(v, xp.asarray(np.ones(3)), axis=-2)
    with pytest.raises(ValueError, match="linalg.cross: expected size 3 along axis -2"):
        xp.linalg.cross(v, v, axis=-2)
    with pytest.raises(
        ValueError, match=r"linalg.cross: the stack shapes \(2,\) and \(4,\) do not broadcast"
    ):
        xp.linalg.cross(v, xp.asarray(np.ones((4, 3))))
    with pytest.raises(TypeError, match="linalg.cross: expected a numeric tensor, got dtype bool"):
        xp.linalg.cross(xp.asarray([True] * 3), v)
    with pytest.raises(TypeError, match="linalg.cross: axis must be an integer, got 1.0"):
        xp.linalg.cross(v, v, axis=1.0)
    with pytest.raises(
        ValueError,
        match=r"linalg.outer: expected two 1-d tensors, got shapes \(2, 3\) and \(2, 3\)",
    ):
        xp.linalg.outer(v, v)
    with pytest.raises(TypeError, match="linalg.outer: expected a numeric tensor, got dtype bool"):
        xp.linalg.outer(xp.asarray([True]), xp.asarray([1]))
    with pytest.raises(TypeError, match="linalg.trace: expected a numeric tensor, got dtype bool"):
        xp.linalg.trace(xp.asarray(np.eye(2, dtype=bool)))
    with pytest.raises(TypeError, match="linalg.trace: cannot sum a float64 tensor as bool"):
        xp.linalg.trace(xp.asarray(np.eye(2)), dtype=xp.bool)
    with pytest.raises(TypeError, match="linalg.trace: cannot sum a complex128 tensor as float64"):
        xp.linalg.trace(xp.asarray(np.eye(2, dtype=complex)), dtype=xp.float64)
    with pytest.raises(TypeError, match="linalg.trace: offset must be an integer, got 0.5"):
        xp.linalg.trace(xp.asarray(np.eye(2)), offset=0.5)
    with pytest.raises(
        ValueError, match=r"linalg.trace: expected a matrix or a stack .* got shape \(3,\)"
    ):
        xp.linalg.trace(xp.asarray(np.ones(3)))
    with pytest.raises(
        ValueError, match=r"linalg.diagonal: expected a matrix or a stack .* got shape \(\)"
    ):
        xp.linalg.diagonal(xp.asarray(1.0))
    with pytest.raises(TypeError, match="linalg.diagonal: offset must be an integer, got None"):
        xp.linalg.diagonal(xp.asarray(np.eye(2)), offset=None)
    with pytest.raises(TypeError, match="linalg.diagonal: x must be an xtensor Tensor, got list"):
        xp.linalg.diagonal([[1]])


def test_missing_backend_function_raises_not_implemented_naming_it():
    # A device whose backend lacks linalg.eig, as an old CuPy does.
    backend = types.SimpleNamespace(
        ndarray=np.ndarray, asarray=np.asarray, linalg=types.SimpleNamespace()
    )
    fake = Device._make("cuda", 7, backend)
    t = wrap(np.eye(2), fake)
    with pytest.raises(
        NotImplementedError, match=r"linalg.eig: not available on cuda:7: .*cupy.linalg.eig"
    ):
        xp.linalg.eig(t)
    with pytest.raises(
        NotImplementedError, match=r"linalg.pinv: not available on cuda:7: .*cupy.linalg.svd"
    ):
        xp.linalg.pinv(t)


def test_results_are_named_tuples():
    m = xp.asarray(np.eye(2))
    for result, fields in [
        (xp.linalg.eig(m), ("eigenvalues", "eigenvectors")),
        (xp.linalg.eigh(m), ("eigenvalues", "eigenvectors")),
        (xp.linalg.qr(m), ("Q", "R")),
        (xp.linalg.slogdet(m), ("sign", "logabsdet")),
        (xp.linalg.svd(m), ("U", "S", "Vh")),
    ]:
        assert isinstance(result, tuple) and result._fields == fields
        assert all(isinstance(r, xp.Tensor) for r in result)


@pytest.mark.skipif(_backend.cupy_or_none() is None, reason="no CUDA device")
def test_cuda_results_match_the_cpu():
    a = np.random.default_rng(0).random((3, 4, 4)) + 4 * np.eye(4)
    for name in ["det", "inv", "eigvalsh", "svdvals", "pinv", "matrix_rank", "matrix_norm"]:
        f = getattr(xp.linalg, name)
        cpu = f(xp.asarray(a))
        gpu = f(xp.asarray(a, device="cuda"))
        assert gpu.device == xp.Device("cuda", 0) and gpu.dtype == cpu.dtype
        np.testing.assert_allclose(gpu.to_device("cpu").numpy(), cpu.numpy(), rtol=1e-8)
    b = xp.asarray(np.ones(4), device="cuda")
    x = xp.linalg.solve(xp.asarray(a, device="cuda"), b).to_device("cpu").numpy()
    np.testing.assert_allclose(x, np.linalg.solve(a, np.ones(4)), rtol=1e-8)
