"""Namespaces of older versions of the standard: which names each has (array-api-strict,
whose functions refuse calls made under an older version, is the oracle), the
behaviours whose text changed, and choosing the default version."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import warnings

import numpy as np
import pytest

import xtensor as xp
from xtensor import _versions

aas = pytest.importorskip("array_api_strict", reason="array-api-strict not installed")

VERSIONS = ("2021.12", "2022.12", "2023.12", "2024.12", "2025.12")
OLDER = VERSIONS[:-1]


@pytest.fixture(autouse=True)
def _latest_version():
    xp.set_api_version("2025.12")
    yield
    xp.set_api_version("2025.12")
    xp.set_strict(False)


# --- names --------------------------------------------------------------------------------


def _strict_refuses(module, name, version):
    """Whether array-api-strict refuses ``module.name`` under ``version`` (its functions
    raise RuntimeError, before looking at their arguments, when they are newer)."""
    with warnings.catch_warnings(), aas.ArrayAPIStrictFlags(api_version=version):
        warnings.simplefilter("ignore")
        try:
            getattr(module, name)()
        except RuntimeError as exc:
            return "requires API version" in str(exc)
        except Exception:  # noqa: BLE001 -- missing arguments: the function exists
            return False
    return False


def _standard_functions(module, ours):
    """The functions of array-api-strict's ``module`` that xtensor's ``ours`` has (its
    ``linalg.__all__`` lacks ``eig``, so names are taken from ours)."""
    return [
        n
        for n in ours.__all__
        if inspect.isfunction(getattr(module, n, None)) and "array_api_strict" not in n
    ]


@pytest.mark.parametrize("version", VERSIONS[1:])
def test_each_namespace_has_the_functions_of_its_version(version):
    ns = xp.namespace(version)
    names = _standard_functions(aas, xp)
    assert len(names) > 120
    for name in names:
        assert hasattr(ns, name) != _strict_refuses(aas, name, version), name
    for name in _standard_functions(aas.linalg, xp.linalg):
        assert hasattr(ns.linalg, name) != _strict_refuses(aas.linalg, name, version), name
    assert [n for n in _standard_functions(aas.fft, xp.fft) if not hasattr(ns.fft, n)] == []


def test_the_names_the_brief_lists():
    for version in VERSIONS:
        ns = xp.namespace(version)
        assert ns.__array_api_version__ == version
        assert hasattr(ns, "cumulative_prod") == (version >= "2024.12")
        assert hasattr(ns, "diff") == (version >= "2024.12")
        assert hasattr(ns, "take_along_axis") == (version >= "2024.12")
        assert hasattr(ns, "isin") == (version >= "2025.12")
        assert hasattr(ns.linalg, "eig") == (version >= "2025.12")
        assert hasattr(ns.linalg, "eigvals") == (version >= "2025.12")
        assert hasattr(ns, "__array_namespace_info__") == (version >= "2023.12")
        assert hasattr(ns, "clip") == (version >= "2023.12")
        # 2021.12 had no complex dtypes, no fft extension, no take or isdtype
        for name in ("complex64", "complex128", "fft", "take", "isdtype", "conj", "real"):
            assert hasattr(ns, name) == (version >= "2022.12"), (version, name)
        for name in ns.__all__:
            assert hasattr(ns, name), (version, name)


def test_the_table_lists_only_names_the_module_has():
    for version, names in _versions.ADDED.items():
        assert version in VERSIONS
        for path in names:
            owner, _, name = path.rpartition(".")
            assert hasattr(getattr(xp, owner) if owner else xp, name), path


def test_unchanged_functions_are_the_module_s_own_objects():
    """An older namespace costs nothing per call where its version did not differ."""
    ns = xp.namespace("2023.12")
    for name in ("exp", "asarray", "reshape", "mean", "sort", "clip"):
        assert getattr(ns, name) is getattr(xp, name)
    assert ns.linalg.svd is xp.linalg.svd
    assert ns.Tensor is xp.Tensor
    assert xp.namespace("2025.12") is xp


def test_array_namespace_returns_each_version():
    x = xp.asarray([1.0])
    assert x.__array_namespace__() is xp
    for version in VERSIONS:
        assert x.__array_namespace__(api_version=version) is xp.namespace(version)
    for bad in ("2020.10", "2026.12", 2023.12, ["2023.12"]):
        with pytest.raises(ValueError, match="__array_namespace__: api_version must be"):
            x.__array_namespace__(api_version=bad)
    with pytest.raises(ValueError, match="namespace: api_version must be .*, got '2019.01'"):
        xp.namespace("2019.01")


def test_set_api_version_chooses_the_default_namespace():
    x = xp.asarray([1.0])
    xp.set_api_version("2023.12")
    ns = x.__array_namespace__()
    assert ns is xp.namespace() is xp.namespace("2023.12")
    assert ns.__array_api_version__ == "2023.12"
    assert not hasattr(ns, "diff")
    assert xp.__array_api_version__ == "2025.12"  # the module itself does not change
    with pytest.raises(ValueError, match="set_api_version: api_version must be .*, got '2023'"):
        xp.set_api_version("2023")
    assert x.__array_namespace__() is ns
    xp.set_api_version("2025.12")
    assert x.__array_namespace__() is xp


def test_array_api_compat_finds_the_chosen_version():
    compat = pytest.importorskip("array_api_compat", reason="array-api-compat not installed")
    x = xp.asarray([1.0])
    xp.set_api_version("2022.12")
    assert compat.array_namespace(x).__array_api_version__ == "2022.12"
    xp.set_api_version("2025.12")
    assert compat.array_namespace(x) is xp


@pytest.mark.parametrize("value, expected", [("2023.12", "2023.12 False"), ("", "2025.12 True")])
def test_environment_variable_is_read_at_import(value, expected):
    code = (
        "import xtensor as xp; ns = xp.asarray(1).__array_namespace__(); "
        "print(ns.__array_api_version__, hasattr(ns, 'diff'))"
    )
    environ = {k: v for k, v in os.environ.items() if not k.startswith("XTENSOR_")}
    environ.update(XTENSOR_API_VERSION=value, PYTHONPATH=os.pathsep.join(sys.path))
    out = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == expected


def test_a_bad_environment_version_fails_the_import():
    environ = {k: v for k, v in os.environ.items() if not k.startswith("XTENSOR_")}
    environ.update(XTENSOR_API_VERSION="2020.10", PYTHONPATH=os.pathsep.join(sys.path))
    out = subprocess.run(
        [sys.executable, "-c", "import xtensor"], env=environ, capture_output=True, text=True
    )
    assert out.returncode != 0
    assert "XTENSOR_API_VERSION" in out.stderr and "'2020.10'" in out.stderr


# --- behaviours that changed --------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_meshgrid_and_broadcast_arrays_return_lists_before_2025_12(version):
    ns = xp.namespace(version)
    a = ns.asarray([1.0, 2.0])
    expected = tuple if version == "2025.12" else list
    grids, arrays = ns.meshgrid(a, a), ns.broadcast_arrays(a, a[:1])
    assert type(grids) is expected and type(arrays) is expected
    assert [g.shape for g in grids] == [(2, 2), (2, 2)]
    assert [r.tolist() for r in arrays] == [[1.0, 2.0], [1.0, 1.0]]
    if "__array_namespace_info__" in dir(ns):
        devices = ns.__array_namespace_info__().devices()
        assert type(devices) is expected
        assert list(devices) == list(xp.__array_namespace_info__().devices())


@pytest.mark.parametrize("name", _versions._SCALAR_ARGUMENTS_2024)
def test_python_scalars_in_element_wise_functions_from_2024_12(name):
    x = xp.asarray([1, 2]) if "bitwise" in name else xp.asarray([1.0, 2.0])
    if name.startswith("logical"):
        x = xp.asarray([True, False])
    scalar = True if name.startswith("logical") else 1
    for version in VERSIONS:
        ns = xp.namespace(version)
        if not hasattr(ns, name):
            continue
        f = getattr(ns, name)
        assert f(x, x).shape == (2,)
        if version >= "2024.12":
            assert f(x, scalar).tolist() == getattr(xp, name)(x, scalar).tolist()
            assert f(scalar, x).tolist() == getattr(xp, name)(scalar, x).tolist()
        else:
            for args in ((x, scalar), (scalar, x)):
                with pytest.raises(TypeError, match=f"{name}: Python scalar arguments came"):
                    f(*args)


def test_other_scalar_arguments():
    x = xp.asarray([1.0, 2.0])
    cond = xp.asarray([True, False])
    for version in OLDER:
        ns = xp.namespace(version)
        if hasattr(ns, "searchsorted"):
            assert ns.searchsorted(x, x).tolist() == [0, 1]
            with pytest.raises(TypeError, match="searchsorted: Python scalar arguments came"):
                ns.searchsorted(x, 1.5)
        if version < "2024.12":
            with pytest.raises(TypeError, match="where: Python scalar arguments came with"):
                ns.where(cond, x, 0.0)
            with pytest.raises(TypeError, match="result_type: Python scalar arguments came"):
                ns.result_type(x, 1.0)
        else:
            assert ns.where(cond, x, 0.0).tolist() == [1.0, 0.0]
            assert ns.result_type(x, 1.0) == xp.float64
    assert xp.searchsorted(x, 1.5).tolist() == 1


def test_expand_dims_takes_a_tuple_of_axes_from_2025_12():
    x = xp.ones(2)
    assert xp.expand_dims(x, axis=(0, 2)).shape == (1, 2, 1)
    ns = xp.namespace("2024.12")
    assert ns.expand_dims(x, axis=0).shape == (1, 2)
    with pytest.raises(TypeError, match="a tuple of axes came with version 2025.12"):
        ns.expand_dims(x, axis=(0, 2))


@pytest.mark.parametrize("version", VERSIONS)
def test_sum_prod_trace_of_floats_before_2023_12(version):
    ns = xp.namespace(version)
    old = version < "2023.12"
    f32 = ns.asarray([[1.0, 2.0], [3.0, 4.0]], dtype=ns.float32)
    expected = ns.float64 if old else ns.float32
    assert ns.sum(f32).dtype == expected
    assert ns.prod(f32).dtype == expected
    assert ns.linalg.trace(f32).dtype == expected
    assert ns.sum(f32, dtype=ns.float32).dtype == ns.float32  # an explicit dtype wins
    assert ns.sum(ns.asarray([1, 2], dtype=ns.int8)).dtype == ns.int64  # integers unchanged
    if version >= "2022.12":
        c64 = ns.asarray([1j], dtype=ns.complex64)
        assert ns.sum(c64).dtype == (ns.complex128 if old else ns.complex64)
    np.testing.assert_allclose(float(ns.sum(f32)), 10.0)


def test_capabilities_before_2024_12():
    assert "max dimensions" in xp.namespace("2024.12").__array_namespace_info__().capabilities()
    caps = xp.namespace("2023.12").__array_namespace_info__().capabilities()
    assert caps == {"boolean indexing": True, "data-dependent shapes": True}
    info = xp.namespace("2023.12").__array_namespace_info__()
    assert info.default_dtypes() == xp.__array_namespace_info__().default_dtypes()
    assert "2023.12" in repr(info)


def test_keywords_that_came_later():
    x = xp.ones(2)
    assert xp.namespace("2024.12").fft.fftfreq(4, dtype=xp.float32).dtype == xp.float32
    with pytest.raises(TypeError, match="the dtype keyword came with version 2024.12"):
        xp.namespace("2023.12").fft.fftfreq(4, dtype=xp.float32)
    assert xp.namespace("2023.12").fft.fftfreq(4).dtype == xp.float64
    with pytest.raises(TypeError, match="the device keyword came with version 2023.12"):
        xp.namespace("2022.12").astype(x, xp.float32, device="cpu")
    assert xp.namespace("2022.12").astype(x, xp.float32).dtype == xp.float32
    with pytest.raises(TypeError, match="the copy keyword came with version 2023.12"):
        xp.namespace("2022.12").from_dlpack(x, copy=True)
    assert xp.namespace("2023.12").from_dlpack(x, copy=True).tolist() == [1.0, 1.0]


def test_strict_mode_reaches_older_namespaces():
    ns = xp.namespace("2023.12")
    i = xp.asarray([1, 2])
    assert ns.mean is xp.mean
    with xp.strict():
        with pytest.raises(TypeError, match="mean on an int64 tensor"):
            xp.namespace("2023.12").mean(i)
        with pytest.raises(TypeError, match="Python scalar arguments came with version 2024"):
            xp.namespace("2023.12").add(i, 1)
    assert xp.namespace("2023.12").mean is xp.mean
    assert float(xp.namespace("2023.12").mean(i)) == 1.5
