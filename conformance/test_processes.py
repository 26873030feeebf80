"""Tensors in real multi-process use: process pools, shared memory, and scikit-learn
models that are saved, loaded and cross-validated in worker processes.

Two halves:

- **Process pools** (in the pytest process): ``concurrent.futures.ProcessPoolExecutor``
  and ``multiprocessing.Pool``, under each start method this platform has, map a
  function over tensors of every dtype (float16 and complex included) and every layout
  (transposed, permuted, negative strides, steps, broadcast, 0-d, size-0, read-only),
  on the CPU and on an emulated accelerator (fork only where it is safe: see
  ``_fork_refusal``). What the workers see, what they send back and what they compute
  is compared with NumPy's. A worker also writes into a tensor rebuilt, with pickle
  protocol 5, over ``multiprocessing.shared_memory``, and the parent sees the write:
  out-of-band buffers travel with no copy.
- **scikit-learn** (in a child process with ``SCIPY_ARRAY_API=1``, as in
  ``test_sklearn.py``; see ``_scipy_array_api_mode.py``): every estimator of
  ``test_sklearn.ESTIMATORS``, fitted with ``array_api_dispatch=True`` on xtensor
  tensors on the CPU and on an emulated accelerator, goes through
  ``joblib.dump``/``joblib.load`` (plain, compressed, memory-mapped) and ``pickle`` (in
  band, and protocol 5 out of band). The loaded estimator's fitted attributes are
  xtensor tensors with the original's dtype, device and values, and its predictions
  and transforms are the original's, and (to tolerance) those of the estimator fitted
  on NumPy arrays. ``cross_val_score`` and ``GridSearchCV`` with ``n_jobs=2`` (joblib's
  default loky backend, and its "multiprocessing" backend with the data memory-mapped
  read-only in the workers, as joblib does for data over 1 MB) score xtensor data as
  they score the same data in NumPy arrays. To run these checks directly::

    SCIPY_ARRAY_API=1 python conformance/test_processes.py outcomes.json

Functions sent to the pools' workers are this module's, pickled by reference: the
workers import ``conformance.test_processes`` (spawned workers get the parent's
``sys.path``, where pytest put the repository's root).
"""

from __future__ import annotations

import concurrent.futures
import importlib.util
import multiprocessing
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import xtensor as xp

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

# --- what travels: every dtype, every layout -------------------------------------------------

DTYPES = (
    "bool",
    "int8",
    "uint16",
    "int32",
    "int64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
)

# name -> the layout made from a (4, 6) array ``x`` with namespace ``ns`` (NumPy or xtensor)
LAYOUTS: dict[str, Callable[[Any, Any], Any]] = {
    "contiguous": lambda x, ns: x,
    "transposed": lambda x, ns: x.T,
    "permuted": lambda x, ns: ns.permute_dims(ns.reshape(x, (2, 3, 4)), (2, 0, 1)),
    "negative strides": lambda x, ns: x[::-1, ::-2],
    "flipped": lambda x, ns: ns.flip(x, axis=1),
    "stepped": lambda x, ns: x[1:, 1::2],
    "broadcast": lambda x, ns: ns.broadcast_to(x[:1], (3, 4, 6)),
    "0-d": lambda x, ns: x[1, 2, ...],
    "size-0": lambda x, ns: x[:, 2:2],
}


def _values(dtype: str) -> np.ndarray:
    """A (4, 6) NumPy array of ``dtype``, with NaN, infinities and -0.0 where it has them."""
    rng = np.random.default_rng(20251206)
    kind = np.dtype(dtype).kind
    if kind == "b":
        return rng.random((4, 6)) < 0.5
    if kind in "iu":
        info = np.iinfo(dtype)
        return rng.integers(info.min, info.max, (4, 6), dtype=dtype, endpoint=True)
    values = rng.standard_normal((4, 6)) * 100
    values[0, :4] = [np.nan, np.inf, -np.inf, -0.0]
    if kind == "c":
        values = values + 1j * rng.standard_normal((4, 6))
    return values.astype(dtype)


def _cases() -> dict[str, tuple[Any, np.ndarray]]:
    """name -> (a tensor, the NumPy array of its values): every dtype in every layout,
    read-only memory, and tensors on an emulated accelerator."""
    cases = {}
    for dtype in DTYPES:
        base = _values(dtype)
        for layout, make in LAYOUTS.items():
            cases[f"{dtype} {layout}"] = (make(xp.asarray(base), xp), make(base, np))
    frozen = _values("float32")
    frozen.flags.writeable = False
    cases["float32 read-only"] = (xp.asarray(frozen), frozen)
    cases["float32 read-only transposed"] = (xp.asarray(frozen).T, frozen.T)
    # Tensors on emulated devices keep working (and pickling) where those are switched off.
    info = xp.__array_namespace_info__()
    was_on = any(d.emulated for d in info.devices())
    gpu = xp.enable_emulated_devices()[0]
    try:
        for dtype in ("float16", "float64", "complex128"):
            base = _values(dtype)
            for layout in ("contiguous", "transposed", "negative strides", "0-d"):
                tensor = LAYOUTS[layout](xp.asarray(base, device=gpu), xp)
                cases[f"{dtype} {layout} on {gpu}"] = (tensor, LAYOUTS[layout](base, np))
    finally:
        if not was_on:
            xp.disable_emulated_devices()
    return cases


@pytest.fixture(scope="module")
def cases() -> dict[str, tuple[Any, np.ndarray]]:
    return _cases()


def seen_in_worker(t: Any) -> dict[str, Any]:
    """Sent to workers: what the worker sees of ``t``, ``t`` itself, and ``flip(t)``."""
    return {
        "is tensor": isinstance(t, xp.Tensor),
        "dtype": t.dtype,
        "shape": t.shape,
        "device": t.device,
        "read-only": t.is_readonly,
        "values": np.asarray(t.to_device("cpu")),
        "itself": t,
        "flipped": xp.flip(t),
    }


def _host(t: Any) -> np.ndarray:
    return np.asarray(t.to_device("cpu"))


def _assert_tensor(got: Any, like: Any, expected: np.ndarray, where: str) -> None:
    """``got`` is a tensor with ``like``'s dtype and device, and ``expected``'s values."""
    assert isinstance(got, xp.Tensor), f"{where}: got {type(got).__name__}"
    assert got.dtype is like.dtype, f"{where}: dtype {got.dtype} is not {like.dtype}"
    assert got.device is like.device, f"{where}: device {got.device} is not {like.device}"
    assert got.shape == expected.shape, f"{where}: shape {got.shape} != {expected.shape}"
    values = _host(got)
    assert values.dtype == expected.dtype, f"{where}: {values.dtype} != {expected.dtype}"
    np.testing.assert_array_equal(values, expected, err_msg=where, strict=True)


def _check_round_trips(cases: dict[str, Any], results: Iterator[dict[str, Any]]) -> None:
    """Each worker's report on ``cases`` (in order) matches the tensor it was sent."""
    for (name, (tensor, expected)), seen in zip(cases.items(), results, strict=True):
        assert seen["is tensor"], name
        assert seen["dtype"] is tensor.dtype, (name, seen["dtype"])
        assert seen["device"] is tensor.device, (name, seen["device"])
        assert seen["shape"] == tensor.shape, (name, seen["shape"])
        assert seen["read-only"] == tensor.is_readonly, name
        np.testing.assert_array_equal(seen["values"], expected, err_msg=name, strict=True)
        _assert_tensor(seen["itself"], tensor, expected, f"{name}, sent back")
        assert seen["itself"].is_readonly == tensor.is_readonly, name
        _assert_tensor(seen["flipped"], tensor, np.flip(expected), f"{name}, flipped")


# --- process pools ---------------------------------------------------------------------------


def _fork_refusal() -> str | None:
    """Why this process should not fork, or None. Forking copies one thread of a
    process that has several (NumPy's BLAS starts some, JAX's runtime more), and the
    child may deadlock: Python warns from 3.12 on, JAX whenever it is loaded (another
    test may have loaded it), and warnings are errors here."""
    if sys.version_info >= (3, 12):
        return "Python 3.12+ warns that fork in a multi-threaded process may deadlock"
    if "jax" in sys.modules:
        return "JAX is loaded, and warns that fork may deadlock it"
    return None


@pytest.fixture(scope="module")
def spawned() -> Iterator[concurrent.futures.ProcessPoolExecutor]:
    """Two spawned workers, shared by this module's tests."""
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:
        yield pool


def test_process_pool_executor_round_trips_every_dtype_and_layout(spawned, cases):
    _check_round_trips(cases, spawned.map(seen_in_worker, [t for t, _ in cases.values()]))


@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_multiprocessing_pool_round_trips_every_dtype_and_layout(method, cases):
    if method == "fork" and _fork_refusal() is not None:
        pytest.skip(str(_fork_refusal()))
    with multiprocessing.get_context(method).Pool(2) as pool:
        results = pool.map(seen_in_worker, [t for t, _ in cases.values()], chunksize=8)
    _check_round_trips(cases, iter(results))


def negate_in_shared_memory(name: str, payload: bytes, size: int) -> int:
    """Sent to a worker: rebuild a tensor from ``payload`` over the out-of-band buffer
    that fills the first ``size`` bytes of the shared memory block ``name``, negate it
    in place, and return its ``data_ptr()`` minus the block's address."""
    from multiprocessing import shared_memory

    block = shared_memory.SharedMemory(name)
    try:
        return _negate_in_place(payload, block.buf[:size])
    finally:
        block.close()


def _negate_in_place(payload: bytes, buffer: memoryview) -> int:
    t = pickle.loads(payload, buffers=[buffer])
    t[...] = -t
    return int(t.data_ptr()) - _address(buffer)


def _address(buffer: memoryview) -> int:
    return int(np.frombuffer(buffer, np.uint8).ctypes.data)


@pytest.mark.parametrize("layout", ["contiguous", "transposed", "0-d"])
@pytest.mark.parametrize("dtype", ["float16", "int64", "complex64"])
def test_protocol_5_buffers_in_shared_memory_are_written_in_place(spawned, dtype, layout):
    from multiprocessing import shared_memory

    expected = LAYOUTS[layout](_values(dtype), np)
    buffers: list[pickle.PickleBuffer] = []
    payload = pickle.dumps(xp.asarray(expected), protocol=5, buffer_callback=buffers.append)
    assert len(buffers) == 1, "a contiguous tensor travels out of band"
    size = buffers[0].raw().nbytes
    block = shared_memory.SharedMemory(create=True, size=size)
    try:
        block.buf[:size] = buffers[0].raw()
        offset = spawned.submit(negate_in_shared_memory, block.name, payload, size).result()
        assert offset == 0, "the worker's tensor is a view of the shared memory"
        _check_shared(payload, block.buf[:size], np.negative(expected))
    finally:
        block.close()
        block.unlink()


def _check_shared(payload: bytes, buffer: memoryview, expected: np.ndarray) -> None:
    t = pickle.loads(payload, buffers=[buffer])
    assert not t.is_readonly
    _assert_tensor(t, xp.asarray(expected), expected, "after the worker's write")


def test_protocol_5_read_only_buffers_give_read_only_tensors():
    """A receiver that hands ``loads`` read-only memory (bytes read from a pipe or a
    socket) gets a tensor that refuses writes."""
    expected = _values("float32").T
    buffers: list[pickle.PickleBuffer] = []
    payload = pickle.dumps(xp.asarray(expected), protocol=5, buffer_callback=buffers.append)
    t = pickle.loads(payload, buffers=[bytes(b.raw()) for b in buffers])
    _assert_tensor(t, xp.asarray(expected), expected, "over bytes")
    assert t.is_readonly
    with pytest.raises(ValueError, match="read-only"):
        t[0, 0] = 1.0


# --- scikit-learn: saved, loaded, and run in worker processes --------------------------------

if importlib.util.find_spec("sklearn") is not None:
    if __package__:
        from .test_sklearn import (
            _NEEDS_ERRSTATE,
            ESTIMATORS,
            KERNEL,
            METHODS,
            Y_3,
            X,
            _fitted_state,
            _ignoring_numpy_fp_warnings,
        )
    else:
        from test_sklearn import (
            _NEEDS_ERRSTATE,
            ESTIMATORS,
            KERNEL,
            METHODS,
            Y_3,
            X,
            _fitted_state,
            _ignoring_numpy_fp_warnings,
        )
else:
    ESTIMATORS = {}

# Where the models are fitted: the CPU, and a device that is not the CPU (an emulated
# accelerator, which CPU-only machines have too; enabled in the child only).
DEVICES = ("cpu", "emulated:gpu")


def _device(name: str) -> Any:
    if name.startswith("emulated:"):
        xp.enable_emulated_devices()
    return xp.Device(name)


def _moved(value: Any, device: Any) -> Any:
    """Tensors (also inside tuples, lists and dicts) moved to ``device``."""
    if isinstance(value, xp.Tensor):
        return value.to_device(device)
    if isinstance(value, tuple | list):
        return type(value)(_moved(v, device) for v in value)
    if isinstance(value, dict):
        return {k: _moved(v, device) for k, v in value.items()}
    return value


def _joblib(**dump: Any) -> Callable[[Any], Any]:
    def round_trip(est: Any) -> Any:
        import joblib

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "model.joblib"
            joblib.dump(est, path, **dump)
            return joblib.load(path)

    return round_trip


def _joblib_memory_mapped(est: Any) -> Any:
    import joblib

    # The maps outlive the file (on POSIX; elsewhere the file stays until they close).
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        path = Path(tmp) / "model.joblib"
        joblib.dump(est, path)
        return joblib.load(path, mmap_mode="r")


def _pickle(est: Any) -> Any:
    return pickle.loads(pickle.dumps(est, protocol=pickle.HIGHEST_PROTOCOL))


def _pickle_out_of_band(est: Any) -> Any:
    buffers: list[pickle.PickleBuffer] = []
    payload = pickle.dumps(est, protocol=5, buffer_callback=buffers.append)
    return pickle.loads(payload, buffers=buffers)


# name -> (round trip, whether it gives the fitted arrays read-only)
ROUND_TRIPS: dict[str, tuple[Callable[[Any], Any], bool]] = {
    "joblib": (_joblib(), False),
    "joblib compressed": (_joblib(compress=3), False),
    "joblib memory-mapped": (_joblib_memory_mapped, True),
    "pickle": (_pickle, False),
    "pickle protocol 5 out of band": (_pickle_out_of_band, False),
}


def _assert_identical(got: Any, original: Any, where: str, read_only: bool) -> None:
    """``got`` (loaded) is ``original`` again: tensors with the same dtype, device, shape
    and values (read-only where the round trip maps the file read-only)."""
    if isinstance(original, xp.Tensor):
        _assert_tensor(got, original, _host(original), where)
        assert got.is_readonly == (read_only or original.is_readonly), where
    elif isinstance(original, np.ndarray):
        np.testing.assert_array_equal(got, original, err_msg=where, strict=True)
    elif isinstance(original, dict):
        assert isinstance(got, dict) and set(got) == set(original), where
        for key in original:
            _assert_identical(got[key], original[key], f"{where}[{key!r}]", read_only)
    elif isinstance(original, tuple | list):
        assert type(got) is type(original) and len(got) == len(original), where
        for i, (g, o) in enumerate(zip(got, original, strict=True)):
            _assert_identical(g, o, f"{where}[{i}]", read_only)
    else:
        assert type(got) is type(original) and got == original, (where, got, original)


def persisted(device: str, make: Callable[[], Any], *fit_args: np.ndarray) -> Callable[[], None]:
    """A check: ``make()`` fitted on xtensor tensors on ``device``, after each of
    ``ROUND_TRIPS``, has the original's fitted attributes and gives its results, and
    matches ``make()`` fitted on NumPy arrays (methods take the first of ``fit_args``,
    ``score`` takes all)."""

    def check() -> None:
        import sklearn

        on = _device(device)
        with sklearn.config_context(array_api_dispatch=True):
            reference = make().fit(*fit_args)
            original = make().fit(*_moved(to_xtensor(fit_args), on))
            for how, (round_trip, read_only) in ROUND_TRIPS.items():
                loaded = round_trip(original)
                assert type(loaded) is type(original), how
                state = _fitted_state(loaded)
                _assert_identical(state, _fitted_state(original), how, read_only)
                for name, expected in _fitted_state(reference).items():
                    assert_same(_moved(state[name], "cpu"), expected, f"{how}: {name}")
                for name in METHODS:
                    if not hasattr(reference, name):
                        continue
                    margs = fit_args if name == "score" else fit_args[:1]
                    got = getattr(loaded, name)(*_moved(to_xtensor(margs), on))
                    where = f"{how}: {name}()"
                    again = getattr(original, name)(*_moved(to_xtensor(margs), on))
                    _assert_identical(got, again, where, False)
                    assert_same(_moved(got, "cpu"), getattr(reference, name)(*margs), where)

    return check


# joblib backend -> (parallel_config's arguments, whether workers get the data memory-
# mapped, read-only). joblib memory-maps arrays over ``max_nbytes`` (1 MB by default),
# also those inside a tensor's pickle: the "multiprocessing" run sets it to 1 byte to
# give the workers read-only tensors, as data over 1 MB always are. That backend forks
# by default on Linux before Python 3.14, which warns from 3.12 on in a process with
# threads (BLAS starts some); the forkserver (its default from 3.14 on) does not.
BACKENDS: dict[str, tuple[dict[str, Any], bool]] = {
    "loky": ({"backend": "loky"}, False),
    "multiprocessing": (
        {
            "backend": "multiprocessing",
            "context": multiprocessing.get_context(
                "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            ),
            "max_nbytes": 1,
        },
        True,
    ),
}


def cross_validated(backend: str) -> Callable[[], None]:
    """A check: ``cross_val_score`` and ``GridSearchCV`` with ``n_jobs=2`` on the joblib
    ``backend`` score xtensor data, on each of ``DEVICES``, as they score NumPy data."""

    def check() -> None:
        import joblib
        import sklearn
        from sklearn.decomposition import PCA
        from sklearn.linear_model import LogisticRegression, Ridge
        from sklearn.model_selection import GridSearchCV, cross_val_score
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import MinMaxScaler

        # Not StandardScaler: its harmless 0/0 warns with xtensor input (see "Known
        # limitations" in docs/user-guide/libraries.rst), and np.errstate does not reach
        # the workers, where scikit-learn makes warnings errors as they are here.
        def model() -> Any:
            return make_pipeline(MinMaxScaler(), PCA(n_components=3), LogisticRegression())

        def search() -> Any:
            return GridSearchCV(Ridge(solver="svd"), {"alpha": [0.1, 1.0, 10.0]}, cv=3, n_jobs=2)

        y = X @ np.arange(1.0, 6.0)
        config, read_only = BACKENDS[backend]
        with (
            sklearn.config_context(array_api_dispatch=True),
            joblib.parallel_config(**config),
        ):
            expected = cross_val_score(model(), X, Y_3, cv=3, n_jobs=2)
            expected_search = search().fit(X, y)
            for device in DEVICES:
                on = _device(device)
                data = xp.asarray(X, device=on)
                seen = joblib.Parallel(n_jobs=2)(
                    joblib.delayed(seen_in_worker)(t) for t in (data, data.T, xp.flip(data))
                )
                for got_seen, sent in zip(seen, (X, X.T, np.flip(X)), strict=True):
                    assert got_seen["device"] is on, device
                    assert got_seen["read-only"] is read_only, device
                    np.testing.assert_array_equal(got_seen["values"], sent, strict=True)
                got = cross_val_score(model(), *_moved(to_xtensor((X, Y_3)), on), cv=3, n_jobs=2)
                np.testing.assert_allclose(got, expected, rtol=1e-7, err_msg=device)
                got_search = search().fit(*_moved(to_xtensor((X, y)), on))
                assert got_search.best_params_ == expected_search.best_params_, device
                np.testing.assert_allclose(
                    got_search.cv_results_["mean_test_score"],
                    expected_search.cv_results_["mean_test_score"],
                    rtol=1e-7,
                    err_msg=device,
                )
                coef = got_search.best_estimator_.coef_
                assert coef.device == on, (device, coef.device)
                assert_same(_moved(coef, "cpu"), expected_search.best_estimator_.coef_, device)

    return check


CHECKS: dict[str, Callable[[], None]] = {}
for _name, (_factory, _y) in ESTIMATORS.items():
    _args = (KERNEL if _name == "KernelCenterer" else X,) + (() if _y is None else (_y,))
    for _where in DEVICES:
        _check = persisted(_where, _factory, *_args)
        if _name in _NEEDS_ERRSTATE:
            _check = _ignoring_numpy_fp_warnings(_check)
        CHECKS[f"persisted {_name} on {_where}"] = _check
for _backend in BACKENDS if ESTIMATORS else ():
    CHECKS[f"cross-validated with {_backend}"] = cross_validated(_backend)

# What fails because scikit-learn goes beyond what a fitted model may hold; the same
# calls fail with PyTorch and array-api-strict input. name -> (the error, what it does).
LIBRARY_LIMITATIONS = {
    f"persisted PoissonRegressor on {where}": (
        "TypeError: cannot pickle 'module' object",
        "keeps the array namespace, a module, in the fitted model (_base_loss.xp)",
    )
    for where in DEVICES
}


def _extra() -> dict[str, Any]:
    import joblib
    import sklearn

    return {"sklearn": sklearn.__version__, "joblib": joblib.__version__}


@pytest.fixture(scope="module")
def outcomes() -> dict[str, dict[str, Any]]:
    if not CHECKS:
        pytest.skip("scikit-learn is not installed")
    return run_in_child(__file__)


@pytest.mark.parametrize("name", sorted(set(CHECKS) - set(LIBRARY_LIMITATIONS)))
def test_sklearn_models_leave_the_process(outcomes, name):
    outcome = outcomes[name]
    assert outcome["status"] == "ok", outcome["traceback"]


@pytest.mark.parametrize("name", sorted(LIBRARY_LIMITATIONS))
def test_sklearn_limitation_still_fails_the_same_way(outcomes, name):
    library = f"scikit-learn {outcomes['__extra__']['sklearn']}, {name},"
    assert_still_fails(outcomes[name], LIBRARY_LIMITATIONS[name], library)


if __name__ == "__main__":
    child_main(CHECKS, _extra)
