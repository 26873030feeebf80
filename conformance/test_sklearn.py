"""scikit-learn accepts xtensor tensors wherever it accepts array API input.

With ``sklearn.set_config(array_api_dispatch=True)``, estimators and functions that
support the array API take the namespace of their input. Each check below fits or
calls one of them twice, with NumPy arrays and with xtensor tensors holding the same
values, and asserts that the xtensor run returns xtensor tensors ("array type in,
array type out") equal to the NumPy results. For every estimator that declares
array API support, scikit-learn's own ``check_array_api_input`` runs too, with
``"xtensor"`` as the namespace (it compares against NumPy without dispatch).

scikit-learn's array API mode needs SciPy imported with ``SCIPY_ARRAY_API=1``,
which this pytest process must not do (see ``_scipy_array_api_mode.py``): the
checks run in one child process and each test below reads its check's outcome. To
run the checks directly::

    SCIPY_ARRAY_API=1 python conformance/test_sklearn.py outcomes.json

``LIBRARY_LIMITATIONS`` lists what fails on xtensor because scikit-learn goes
beyond the standard; their tests assert that they still fail that way, so a
release that fixes them shows up here (and in docs/user-guide/libraries.rst).
"""

from __future__ import annotations

import importlib.util
import warnings
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

rng = np.random.default_rng(20251202)
X = rng.standard_normal((60, 5))
COEF = np.asarray([1.0, -2.0, 0.5, 3.0, 0.0])
Y_REG = X @ COEF + 0.1 * rng.standard_normal(60)
Y_CLS = (X[:, 0] + 0.5 * X[:, 1] > 0).astype(np.int64)
Y_3 = np.digitize(X[:, 0] + X[:, 2], [-0.5, 0.5]).astype(np.int64)  # 3 classes
Y_PRED = np.where(rng.random(60) < 0.8, Y_CLS, 1 - Y_CLS)
SCORES = X[:, 0] + 0.5 * rng.standard_normal(60)
PROBA = 1.0 / (1.0 + np.exp(-SCORES))
POS_TRUE = np.abs(Y_REG) + 0.5
KERNEL = X[:20] @ X[:20].T  # a square kernel matrix, for KernelCenterer
POS_PRED = POS_TRUE * (1.0 + 0.1 * rng.standard_normal(60)) + 0.05

METHODS = (
    "predict",
    "predict_proba",
    "predict_log_proba",
    "decision_function",
    "transform",
    "score",
)


def _fitted_state(est: Any) -> dict[str, Any]:
    """The public fitted attributes (names ending in "_") of ``est``."""
    return {k: v for k, v in vars(est).items() if k.endswith("_") and not k.startswith("_")}


def estimator(make: Callable[[], Any], *fit_args: np.ndarray) -> Callable[[], None]:
    """A check: ``make()`` fitted on xtensor input has the fitted attributes, and gives
    the method results, that it has and gives fitted on NumPy input (methods take the
    first of ``fit_args``, ``score`` takes all)."""

    def check() -> None:
        import sklearn

        with sklearn.config_context(array_api_dispatch=True):
            expected_est = make().fit(*fit_args)
            got_est = make().fit(*to_xtensor(fit_args))
            expected, got = _fitted_state(expected_est), _fitted_state(got_est)
            assert set(got) == set(expected), (sorted(got), sorted(expected))
            for name in expected:
                assert_same(got[name], expected[name], name)
            for name in METHODS:
                if not hasattr(expected_est, name):
                    continue
                margs = fit_args if name == "score" else fit_args[:1]
                assert_same(
                    getattr(got_est, name)(*to_xtensor(margs)),
                    getattr(expected_est, name)(*margs),
                    f"{name}()",
                )

    return check


def sklearn_check(make: Callable[[], Any]) -> Callable[[], None]:
    """scikit-learn's own check_array_api_input, with values, for namespace "xtensor"."""

    def check() -> None:
        from sklearn.utils.estimator_checks import check_array_api_input

        est = make()
        check_array_api_input(
            type(est).__name__, est, "xtensor", dtype_name="float64", check_values=True
        )

    return check


def function(path: str, *args: Any, **kwargs: Any) -> Callable[[], None]:
    """A check: the scikit-learn function ``path`` on xtensor input equals it on NumPy."""

    def check() -> None:
        import importlib

        import sklearn

        module, _, name = path.partition(":")
        func = getattr(importlib.import_module(module), name)
        with sklearn.config_context(array_api_dispatch=True):
            expected = func(*args, **kwargs)
            got = func(*to_xtensor(args), **to_xtensor(kwargs))
        assert_same(got, expected)

    return check


def _ignoring_numpy_fp_warnings(check: Callable[[], None]) -> Callable[[], None]:
    """Run ``check`` with NumPy's floating-point warnings off.

    scikit-learn silences them with ``np.errstate`` for NumPy input only (the standard
    has no errstate); xtensor computes with NumPy on the CPU, so ``np.errstate``
    silences them for xtensor too. See "Known limitations" in
    docs/user-guide/libraries.rst.
    """

    def wrapped() -> None:
        with np.errstate(divide="ignore", invalid="ignore"):
            check()

    return wrapped


def _lda(**kw: Any) -> Callable[[], Any]:
    def make() -> Any:
        from sklearn.discriminant_analysis import LinearDiscriminantAnalysis

        return LinearDiscriminantAnalysis(**kw)

    return make


def _make(path: str, **kw: Any) -> Callable[[], Any]:
    """A factory of the estimator ``module:Class`` with parameters ``kw``."""

    def make() -> Any:
        import importlib

        module, _, name = path.partition(":")
        return getattr(importlib.import_module(module), name)(**kw)

    return make


# Every estimator that declares array API support (its "array_api_support" tag);
# test_every_array_api_estimator_is_checked keeps this list complete.
ESTIMATORS: dict[str, tuple[Callable[[], Any], np.ndarray | None]] = {
    "LinearDiscriminantAnalysis": (_lda(), Y_3),
    "PCA": (_make("sklearn.decomposition:PCA", n_components=3), None),
    "PCA(svd_solver='covariance_eigh')": (
        _make("sklearn.decomposition:PCA", n_components=2, svd_solver="covariance_eigh"),
        None,
    ),
    "PCA(svd_solver='randomized')": (
        _make(
            "sklearn.decomposition:PCA",
            n_components=2,
            svd_solver="randomized",
            power_iteration_normalizer="QR",
            random_state=0,
        ),
        None,
    ),
    "Ridge": (_make("sklearn.linear_model:Ridge", solver="svd"), Y_REG),
    "RidgeCV": (_make("sklearn.linear_model:RidgeCV"), Y_REG),
    "RidgeClassifierCV": (_make("sklearn.linear_model:RidgeClassifierCV"), Y_3),
    "LogisticRegression": (_make("sklearn.linear_model:LogisticRegression"), Y_3),
    "PoissonRegressor": (_make("sklearn.linear_model:PoissonRegressor"), np.abs(Y_REG)),
    "GaussianNB": (_make("sklearn.naive_bayes:GaussianNB"), Y_3),
    "StandardScaler": (_make("sklearn.preprocessing:StandardScaler"), None),
    "MinMaxScaler": (_make("sklearn.preprocessing:MinMaxScaler"), None),
    "Normalizer": (_make("sklearn.preprocessing:Normalizer"), None),
    "Binarizer": (_make("sklearn.preprocessing:Binarizer", threshold=0.2), None),
    "PolynomialFeatures": (_make("sklearn.preprocessing:PolynomialFeatures", degree=2), None),
    "KernelCenterer": (_make("sklearn.preprocessing:KernelCenterer"), None),  # on KERNEL
    "Nystroem": (
        _make("sklearn.kernel_approximation:Nystroem", n_components=20, random_state=0),
        None,
    ),
}
# StandardScaler's first partial_fit divides 0 by 0 on purpose.
_NEEDS_ERRSTATE = {"StandardScaler"}

CHECKS: dict[str, Callable[[], None]] = {}
for _name, (_factory, _y) in ESTIMATORS.items():
    _x = KERNEL if _name == "KernelCenterer" else X
    _check = estimator(_factory, _x) if _y is None else estimator(_factory, _x, _y)
    _own = sklearn_check(_factory)
    if _name in _NEEDS_ERRSTATE:
        _check, _own = _ignoring_numpy_fp_warnings(_check), _ignoring_numpy_fp_warnings(_own)
    CHECKS[_name] = _check
    if "(" not in _name:  # scikit-learn's own check, once per estimator class
        CHECKS[f"check_array_api_input:{_name}"] = _own

CHECKS |= {
    # LabelEncoder takes y alone (scikit-learn's own check passes it X and y)
    "LabelEncoder": estimator(_make("sklearn.preprocessing:LabelEncoder"), Y_3),
    # classification metrics
    "accuracy_score": function("sklearn.metrics:accuracy_score", Y_CLS, Y_PRED),
    "balanced_accuracy_score": function("sklearn.metrics:balanced_accuracy_score", Y_CLS, Y_PRED),
    "cohen_kappa_score": function("sklearn.metrics:cohen_kappa_score", Y_CLS, Y_PRED),
    "confusion_matrix": function("sklearn.metrics:confusion_matrix", Y_CLS, Y_PRED),
    "multilabel_confusion_matrix": function(
        "sklearn.metrics:multilabel_confusion_matrix", Y_CLS, Y_PRED
    ),
    "f1_score": function("sklearn.metrics:f1_score", Y_CLS, Y_PRED),
    "fbeta_score": function(
        "sklearn.metrics:fbeta_score", Y_3, Y_3[::-1], beta=0.5, average="macro"
    ),
    "precision_score": function("sklearn.metrics:precision_score", Y_CLS, Y_PRED),
    "recall_score": function("sklearn.metrics:recall_score", Y_CLS, Y_PRED),
    "jaccard_score": function("sklearn.metrics:jaccard_score", Y_CLS, Y_PRED),
    "hamming_loss": function("sklearn.metrics:hamming_loss", Y_CLS, Y_PRED),
    "zero_one_loss": function("sklearn.metrics:zero_one_loss", Y_CLS, Y_PRED),
    "log_loss": function("sklearn.metrics:log_loss", Y_CLS, PROBA),
    "brier_score_loss": function("sklearn.metrics:brier_score_loss", Y_CLS, PROBA),
    "average_precision_score": function("sklearn.metrics:average_precision_score", Y_CLS, SCORES),
    "precision_recall_curve": function("sklearn.metrics:precision_recall_curve", Y_CLS, SCORES),
    "det_curve": function("sklearn.metrics:det_curve", Y_CLS, SCORES),
    "roc_curve(drop_intermediate=False)": function(
        "sklearn.metrics:roc_curve", Y_CLS, SCORES, drop_intermediate=False
    ),
    "roc_curve": function("sklearn.metrics:roc_curve", Y_CLS, SCORES),
    "roc_auc_score": function("sklearn.metrics:roc_auc_score", Y_CLS, SCORES),
    # regression metrics
    "r2_score": function("sklearn.metrics:r2_score", POS_TRUE, POS_PRED),
    "explained_variance_score": function(
        "sklearn.metrics:explained_variance_score", POS_TRUE, POS_PRED
    ),
    "mean_absolute_error": function("sklearn.metrics:mean_absolute_error", POS_TRUE, POS_PRED),
    "mean_squared_error": function("sklearn.metrics:mean_squared_error", POS_TRUE, POS_PRED),
    "root_mean_squared_error": function(
        "sklearn.metrics:root_mean_squared_error", POS_TRUE, POS_PRED
    ),
    "mean_squared_log_error": function(
        "sklearn.metrics:mean_squared_log_error", POS_TRUE, POS_PRED
    ),
    "mean_absolute_percentage_error": function(
        "sklearn.metrics:mean_absolute_percentage_error", POS_TRUE, POS_PRED
    ),
    "median_absolute_error": function("sklearn.metrics:median_absolute_error", POS_TRUE, POS_PRED),
    "max_error": function("sklearn.metrics:max_error", POS_TRUE, POS_PRED),
    "mean_pinball_loss": function(
        "sklearn.metrics:mean_pinball_loss", POS_TRUE, POS_PRED, alpha=0.3
    ),
    "d2_pinball_score": function("sklearn.metrics:d2_pinball_score", POS_TRUE, POS_PRED, alpha=0.3),
    "mean_poisson_deviance": function("sklearn.metrics:mean_poisson_deviance", POS_TRUE, POS_PRED),
    "mean_gamma_deviance": function("sklearn.metrics:mean_gamma_deviance", POS_TRUE, POS_PRED),
    "mean_tweedie_deviance": function(
        "sklearn.metrics:mean_tweedie_deviance", POS_TRUE, POS_PRED, power=1.5
    ),
    # pairwise distances and kernels
    "cosine_similarity": function("sklearn.metrics.pairwise:cosine_similarity", X[:20], X[20:30]),
    "cosine_distances": function("sklearn.metrics.pairwise:cosine_distances", X[:20], X[20:30]),
    "euclidean_distances": function(
        "sklearn.metrics.pairwise:euclidean_distances", X[:20], X[20:30]
    ),
    "manhattan_distances": function(
        "sklearn.metrics.pairwise:manhattan_distances", X[:20], X[20:30]
    ),
    "linear_kernel": function("sklearn.metrics.pairwise:linear_kernel", X[:20], X[20:30]),
    "polynomial_kernel": function("sklearn.metrics.pairwise:polynomial_kernel", X[:20], X[20:30]),
    "rbf_kernel": function("sklearn.metrics.pairwise:rbf_kernel", X[:20], X[20:30]),
    "sigmoid_kernel": function("sklearn.metrics.pairwise:sigmoid_kernel", X[:20], X[20:30]),
    "laplacian_kernel": function("sklearn.metrics.pairwise:laplacian_kernel", X[:20], X[20:30]),
    "paired_euclidean_distances": function(
        "sklearn.metrics.pairwise:paired_euclidean_distances", X[:20], X[20:40]
    ),
    "pairwise_distances": function(
        "sklearn.metrics.pairwise:pairwise_distances", X[:20], X[20:30], metric="euclidean"
    ),
    "pairwise_kernels": function("sklearn.metrics.pairwise:pairwise_kernels", X[:20], metric="rbf"),
    # model selection and pipelines
    "train_test_split": function(
        "sklearn.model_selection:train_test_split", X, Y_CLS, test_size=0.25, random_state=0
    ),
}


def _pipeline_check() -> None:
    import sklearn
    from sklearn.decomposition import PCA
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import MinMaxScaler

    def model() -> Any:
        return make_pipeline(MinMaxScaler(), PCA(n_components=3), LogisticRegression())

    with sklearn.config_context(array_api_dispatch=True):
        expected = cross_val_score(model(), X, Y_3, cv=3)
        got = cross_val_score(model(), *to_xtensor((X, Y_3)), cv=3)
        # The scores are Python floats gathered in a NumPy array, whatever the input.
        np.testing.assert_allclose(got, expected, rtol=1e-7)
        fitted = model().fit(*to_xtensor((X, Y_3)))
        assert_same(fitted.predict_proba(to_xtensor(X)), model().fit(X, Y_3).predict_proba(X))


CHECKS["pipeline + cross_val_score"] = _pipeline_check

# What fails on xtensor because scikit-learn goes beyond the standard; the same calls
# fail on array-api-strict. name -> (the error, what scikit-learn does).
LIBRARY_LIMITATIONS = {
    "roc_curve": (
        "TypeError: diff() takes 1 positional argument but 2 were given",
        "calls xp.diff(x, 2), passing n positionally; the standard's n is keyword-only "
        "(roc_curve(..., drop_intermediate=False) avoids that call)",
    ),
    "roc_auc_score": (
        "TypeError: diff() takes 1 positional argument but 2 were given",
        "calls roc_curve, which calls xp.diff(x, 2), passing n positionally",
    ),
}


def _extra() -> dict[str, Any]:
    import sklearn
    from sklearn.utils import all_estimators, get_tags
    from sklearn.utils._array_api import get_namespace

    import xtensor

    declared = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # deprecated estimators warn when made
        for name, cls in all_estimators():
            try:
                supported = get_tags(cls()).array_api_support
            except Exception:  # meta-estimators need an estimator: covered by their parts
                continue
            if supported:
                declared.append(name)
    with sklearn.config_context(array_api_dispatch=True):
        namespace = get_namespace(xtensor.asarray([1.0]))[0].__name__
    return {"sklearn": sklearn.__version__, "declared": declared, "namespace": namespace}


if importlib.util.find_spec("sklearn") is None:
    pytest.skip("scikit-learn is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def outcomes() -> dict[str, dict[str, Any]]:
    return run_in_child(__file__)


def test_sklearn_finds_the_xtensor_namespace(outcomes):
    assert outcomes["__extra__"]["namespace"] == "xtensor"


def test_every_array_api_estimator_is_checked(outcomes):
    checked = {name.split("(")[0] for name in ESTIMATORS} | {"LabelEncoder"}
    declared = set(outcomes["__extra__"]["declared"])
    assert declared <= checked, (
        f"scikit-learn {outcomes['__extra__']['sklearn']} declares array API support for "
        f"{sorted(declared - checked)}: add them to ESTIMATORS"
    )


@pytest.mark.parametrize("name", sorted(set(CHECKS) - set(LIBRARY_LIMITATIONS)))
def test_sklearn_on_xtensor_matches_numpy(outcomes, name):
    outcome = outcomes[name]
    assert outcome["status"] == "ok", outcome["traceback"]


@pytest.mark.parametrize("name", sorted(LIBRARY_LIMITATIONS))
def test_sklearn_limitation_still_fails_the_same_way(outcomes, name):
    library = f"scikit-learn {outcomes['__extra__']['sklearn']}, {name},"
    assert_still_fails(outcomes[name], LIBRARY_LIMITATIONS[name], library)


if __name__ == "__main__":
    child_main(CHECKS, _extra)
