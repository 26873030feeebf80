"""SciPy accepts xtensor tensors wherever it accepts array API input.

Each check calls a SciPy function that supports the array API (SciPy lists them in
its "Array API coverage" tables) twice, with NumPy arrays and with xtensor tensors
holding the same values, and asserts that the xtensor call returns xtensor tensors
("array type in, array type out") equal to the NumPy results, with the same dtypes.

SciPy must be imported with ``SCIPY_ARRAY_API=1``, which this pytest process must
not do (see ``_scipy_array_api_mode.py``): the checks run in one child process and
each test below reads its check's outcome. To run the checks directly::

    SCIPY_ARRAY_API=1 python conformance/test_scipy.py outcomes.json

``LIBRARY_LIMITATIONS`` lists the functions that fail on xtensor because SciPy uses
something the standard does not have; their tests assert that they still fail that
way, so a SciPy release that fixes them shows up here (and in docs/user-guide/
libraries.rst, which describes them).
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

if __package__:  # collected by pytest, as part of the conformance package
    from ._scipy_array_api_mode import (
        assert_same,
        assert_still_fails,
        child_main,
        run_in_child,
        to_xtensor,
    )
else:  # run as a script in the SCIPY_ARRAY_API=1 child process
    from _scipy_array_api_mode import (
        assert_same,
        assert_still_fails,
        child_main,
        run_in_child,
        to_xtensor,
    )

rng = np.random.default_rng(20251201)
X = rng.standard_normal(40)
Y = rng.standard_normal(40)
POS = np.abs(X) + 0.1  # positive
UNIT = np.clip(np.abs(X) / 3, 0.05, 0.95)  # in (0, 1)
M = rng.standard_normal((6, 6))
SPD = M @ M.T + 6 * np.eye(6)  # symmetric positive definite
IMG = rng.standard_normal((12, 10))
SIGNAL = np.sin(np.linspace(0, 20, 256)) + 0.1 * rng.standard_normal(256)
QUAT = rng.standard_normal((5, 4))
GRID = np.linspace(0.0, 3.0, 12)


def _cubic(x: Any) -> Any:
    return x * x * x - 2.0


def _inverse_square(k: Any) -> Any:
    return 1.0 / (k * k)


def _resolve(path: str) -> Any:
    """``"module:attribute.attribute"`` -> the object."""
    module, _, attributes = path.partition(":")
    return functools.reduce(getattr, attributes.split("."), importlib.import_module(module))


def call(path: str, *args: Any, **kwargs: Any) -> Callable[[], None]:
    """A check: ``path(*args, **kwargs)`` on xtensor input equals it on NumPy input."""

    def check() -> None:
        func = _resolve(path)
        expected = func(*args, **kwargs)
        got = func(*to_xtensor(args), **to_xtensor(kwargs))
        assert_same(got, expected)

    return check


def method(path: str, make: dict[str, Any], use: str, *args: Any) -> Callable[[], None]:
    """A check of a SciPy object: ``path(**make).use(*args)``, xtensor against NumPy."""

    def check() -> None:
        make_object = _resolve(path)
        expected = getattr(make_object(**make), use)(*args)
        got = getattr(make_object(**to_xtensor(make)), use)(*to_xtensor(args))
        assert_same(got, expected)

    return check


CHECKS: dict[str, Callable[[], None]] = {
    # scipy.special: element-wise functions and reductions
    "special.erf": call("scipy.special:erf", X),
    "special.erfinv": call("scipy.special:erfinv", UNIT),
    "special.gammaln": call("scipy.special:gammaln", POS),
    "special.digamma": call("scipy.special:digamma", POS),
    "special.expit": call("scipy.special:expit", X),
    "special.logit": call("scipy.special:logit", UNIT),
    "special.ndtr": call("scipy.special:ndtr", X),
    "special.ndtri": call("scipy.special:ndtri", UNIT),
    "special.log_ndtr": call("scipy.special:log_ndtr", X),
    "special.i0e": call("scipy.special:i0e", X),
    "special.xlogy": call("scipy.special:xlogy", POS, UNIT),
    "special.rel_entr": call("scipy.special:rel_entr", POS, UNIT),
    "special.betainc": call("scipy.special:betainc", POS, POS[::-1], UNIT),
    "special.gammainc": call("scipy.special:gammainc", POS, UNIT),
    "special.logsumexp": call("scipy.special:logsumexp", IMG, axis=1),
    "special.softmax": call("scipy.special:softmax", IMG, axis=0),
    "special.log_softmax": call("scipy.special:log_softmax", IMG, axis=-1),
    # scipy.stats: summary statistics, tests, correlations
    "stats.describe": call("scipy.stats:describe", X),
    "stats.skew": call("scipy.stats:skew", IMG, axis=0),
    "stats.kurtosis": call("scipy.stats:kurtosis", IMG, axis=1),
    "stats.moment": call("scipy.stats:moment", X, order=3),
    "stats.zscore": call("scipy.stats:zscore", IMG, axis=0),
    "stats.sem": call("scipy.stats:sem", X),
    "stats.gmean": call("scipy.stats:gmean", POS),
    "stats.hmean": call("scipy.stats:hmean", POS),
    "stats.pmean": call("scipy.stats:pmean", POS, 2.5),
    "stats.variation": call("scipy.stats:variation", POS),
    "stats.tmean": call("scipy.stats:tmean", X, (-1.0, 1.0)),
    "stats.tvar": call("scipy.stats:tvar", X),
    "stats.trim_mean": call("scipy.stats:trim_mean", X, 0.1),
    "stats.entropy": call("scipy.stats:entropy", POS),
    "stats.differential_entropy": call("scipy.stats:differential_entropy", X),
    "stats.iqr": call("scipy.stats:iqr", X),
    "stats.quantile": call("scipy.stats:quantile", X, np.asarray([0.1, 0.5, 0.9])),
    "stats.rankdata": call("scipy.stats:rankdata", np.round(X)),
    "stats.circmean": call("scipy.stats:circmean", X),
    "stats.ttest_1samp": call("scipy.stats:ttest_1samp", X, 0.2),
    "stats.ttest_ind": call("scipy.stats:ttest_ind", X, Y),
    "stats.ttest_rel": call("scipy.stats:ttest_rel", X, Y),
    "stats.pearsonr": call("scipy.stats:pearsonr", X, X + Y),
    "stats.f_oneway": call("scipy.stats:f_oneway", X, Y, X + 1),
    "stats.bartlett": call("scipy.stats:bartlett", X, 2 * Y),
    "stats.levene": call("scipy.stats:levene", X, 2 * Y),
    "stats.skewtest": call("scipy.stats:skewtest", X),
    "stats.normaltest": call("scipy.stats:normaltest", X),
    "stats.jarque_bera": call("scipy.stats:jarque_bera", X),
    "stats.chisquare": call("scipy.stats:chisquare", POS, POS.sum() / POS.size + 0 * POS),
    "stats.power_divergence": call("scipy.stats:power_divergence", POS, lambda_="log-likelihood"),
    "stats.mannwhitneyu": call("scipy.stats:mannwhitneyu", X, Y),
    "stats.wilcoxon": call("scipy.stats:wilcoxon", X),
    "stats.brunnermunzel": call("scipy.stats:brunnermunzel", X, Y),
    "stats.boxcox_llf": call("scipy.stats:boxcox_llf", 0.5, POS),
    "stats.lmoment": call("scipy.stats:lmoment", X),
    # scipy.signal: filtering, convolution, spectral helpers
    "signal.convolve": call("scipy.signal:convolve", SIGNAL, X[:7]),
    "signal.correlate": call("scipy.signal:correlate", SIGNAL, X[:7], mode="same"),
    "signal.fftconvolve": call("scipy.signal:fftconvolve", SIGNAL, X[:7]),
    "signal.oaconvolve": call("scipy.signal:oaconvolve", SIGNAL, X[:7]),
    "signal.convolve2d": call("scipy.signal:convolve2d", IMG, M[:3, :3], mode="same"),
    "signal.lfilter": call(
        "scipy.signal:lfilter", np.asarray([1.0, 0.5]), np.asarray([1.0, -0.2]), SIGNAL
    ),
    "signal.filtfilt": call(
        "scipy.signal:filtfilt", np.asarray([1.0, 0.5]), np.asarray([1.0, -0.2]), SIGNAL
    ),
    "signal.sosfilt": call(
        "scipy.signal:sosfilt", np.asarray([[1.0, 0.5, 0.0, 1.0, -0.2, 0.0]]), SIGNAL
    ),
    "signal.savgol_filter": call("scipy.signal:savgol_filter", SIGNAL, 7, 2),
    "signal.medfilt": call("scipy.signal:medfilt", SIGNAL, 5),
    "signal.detrend": call("scipy.signal:detrend", SIGNAL),
    "signal.hilbert": call("scipy.signal:hilbert", SIGNAL),
    "signal.resample": call("scipy.signal:resample", SIGNAL, 100),
    "signal.resample_poly": call("scipy.signal:resample_poly", SIGNAL, 2, 3),
    "signal.upfirdn": call("scipy.signal:upfirdn", np.asarray([1.0, 1.0, 1.0]), SIGNAL, 2),
    "signal.freqz": call("scipy.signal:freqz", np.asarray([1.0, 0.5]), np.asarray([1.0, -0.2])),
    "signal.envelope": call("scipy.signal:envelope", SIGNAL),
    # scipy.fft
    "fft.fft": call("scipy.fft:fft", SIGNAL),
    "fft.ifft": call("scipy.fft:ifft", SIGNAL),
    "fft.rfft": call("scipy.fft:rfft", SIGNAL),
    "fft.irfft": call("scipy.fft:irfft", SIGNAL[:65]),
    "fft.fftn": call("scipy.fft:fftn", IMG),
    "fft.dct": call("scipy.fft:dct", SIGNAL),
    "fft.idst": call("scipy.fft:idst", SIGNAL, type=2),
    "fft.fftshift": call("scipy.fft:fftshift", IMG),
    "fft.fht": call("scipy.fft:fht", SIGNAL, 0.1, 0.0),
    # scipy.linalg: the functions with array API support
    "linalg.block_diag": call("scipy.linalg:block_diag", M[:2, :2], SPD),
    "linalg.orthogonal_procrustes": call("scipy.linalg:orthogonal_procrustes", M, SPD),
    "linalg.fiedler": call("scipy.linalg:fiedler", X[:5]),
    # scipy.ndimage
    "ndimage.gaussian_filter": call("scipy.ndimage:gaussian_filter", IMG, 1.5),
    "ndimage.uniform_filter": call("scipy.ndimage:uniform_filter", IMG, 3),
    "ndimage.median_filter": call("scipy.ndimage:median_filter", IMG, 3),
    "ndimage.maximum_filter": call("scipy.ndimage:maximum_filter", IMG, 3),
    "ndimage.sobel": call("scipy.ndimage:sobel", IMG),
    "ndimage.laplace": call("scipy.ndimage:laplace", IMG),
    "ndimage.zoom": call("scipy.ndimage:zoom", IMG, 2),
    "ndimage.rotate": call("scipy.ndimage:rotate", IMG, 30),
    "ndimage.label": call("scipy.ndimage:label", IMG > 0.5),
    "ndimage.center_of_mass": call("scipy.ndimage:center_of_mass", np.abs(IMG)),
    "ndimage.distance_transform_edt": call("scipy.ndimage:distance_transform_edt", IMG > 0),
    # scipy.integrate
    "integrate.trapezoid": call("scipy.integrate:trapezoid", SIGNAL),
    "integrate.cumulative_trapezoid": call("scipy.integrate:cumulative_trapezoid", SIGNAL),
    "integrate.cumulative_simpson": call("scipy.integrate:cumulative_simpson", SIGNAL),
    "integrate.romb": call("scipy.integrate:romb", SIGNAL[:129]),
    "integrate.tanhsinh": call("scipy.integrate:tanhsinh", _cubic, POS[:4], POS[:4] + 1),
    "integrate.nsum": call("scipy.integrate:nsum", _inverse_square, POS[:4] + 1, POS[:4] + 5),
    # scipy.differentiate and scipy.optimize
    "differentiate.derivative": call("scipy.differentiate:derivative", _cubic, X[:4]),
    "optimize.elementwise.find_root": call(
        "scipy.optimize.elementwise:find_root", _cubic, (X[:4] - 5, X[:4] + 7)
    ),
    "optimize.rosen": call("scipy.optimize:rosen", X[:10]),
    "optimize.rosen_der": call("scipy.optimize:rosen_der", X[:10]),
    # scipy.cluster
    "cluster.vq.whiten": call("scipy.cluster.vq:whiten", IMG),
    "cluster.vq.vq": call("scipy.cluster.vq:vq", IMG, IMG[:3]),
    "cluster.hierarchy.linkage": call("scipy.cluster.hierarchy:linkage", IMG, "ward"),
    "cluster.hierarchy.fcluster": call(
        "scipy.cluster.hierarchy:fcluster", np.asarray([[0, 1, 0.5, 2], [2, 3, 1.0, 3]]), 2.0
    ),
    # scipy.interpolate
    "interpolate.make_interp_spline": method(
        "scipy.interpolate:make_interp_spline",
        {"x": GRID, "y": np.sin(GRID)},
        "__call__",
        GRID + 0.1,
    ),
    "interpolate.CubicSpline": method(
        "scipy.interpolate:CubicSpline", {"x": GRID, "y": np.cos(GRID)}, "__call__", GRID + 0.1
    ),
    "interpolate.PchipInterpolator": method(
        "scipy.interpolate:PchipInterpolator", {"x": GRID, "y": GRID**2}, "__call__", GRID + 0.1
    ),
    "interpolate.RBFInterpolator": method(
        "scipy.interpolate:RBFInterpolator", {"y": IMG[:, :2], "d": X[:12]}, "__call__", IMG[:4, :2]
    ),
    # scipy.spatial.transform
    "spatial.transform.Rotation.as_matrix": method(
        "scipy.spatial.transform:Rotation.from_quat", {"quat": QUAT}, "as_matrix"
    ),
    "spatial.transform.Rotation.as_rotvec": method(
        "scipy.spatial.transform:Rotation.from_quat", {"quat": QUAT}, "as_rotvec"
    ),
    # scipy.constants
    "constants.convert_temperature": call(
        "scipy.constants:convert_temperature", X, "Celsius", "Kelvin"
    ),
}

# Checks that fail on xtensor because SciPy goes beyond the standard there; the same
# calls fail on array-api-strict, which SciPy skips for them. name -> (the error it
# raises, what SciPy does).
LIBRARY_LIMITATIONS = {
    "integrate.nsum": (
        "AttributeError: 'Tensor' object has no attribute 'sum'",
        "calls the array method .sum(), which the standard does not have",
    ),
    "interpolate.PchipInterpolator": (
        "TypeError: reshape: x must be an xtensor Tensor, got ndarray",
        "calls np.zeros_like on its input, which gives a NumPy array (PyTorch input fails too)",
    ),
    "interpolate.RBFInterpolator": (
        "AttributeError: 'Tensor' object has no attribute 'view'",
        "calls the array method .view(), which the standard does not have",
    ),
}


def _extra() -> dict[str, Any]:
    import scipy
    from scipy._lib._array_api import array_namespace

    import xtensor

    return {
        "scipy": scipy.__version__,
        "namespace": array_namespace(xtensor.asarray([1.0])).__name__,
    }


if importlib.util.find_spec("scipy") is None:
    pytest.skip("SciPy is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def outcomes() -> dict[str, dict[str, Any]]:
    return run_in_child(__file__)


def test_scipy_finds_the_xtensor_namespace(outcomes):
    assert outcomes["__extra__"]["namespace"] == "xtensor"


@pytest.mark.parametrize("name", sorted(set(CHECKS) - set(LIBRARY_LIMITATIONS)))
def test_scipy_function_on_xtensor_matches_numpy(outcomes, name):
    outcome = outcomes[name]
    assert outcome["status"] == "ok", outcome["traceback"]


@pytest.mark.parametrize("name", sorted(LIBRARY_LIMITATIONS))
def test_scipy_limitation_still_fails_the_same_way(outcomes, name):
    library = f"SciPy {outcomes['__extra__']['scipy']}, {name},"
    assert_still_fails(outcomes[name], LIBRARY_LIMITATIONS[name], library)


if __name__ == "__main__":
    child_main(CHECKS, _extra)
