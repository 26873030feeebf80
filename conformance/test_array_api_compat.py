"""array-api-compat knows xtensor as an array API namespace: ``array_namespace``
returns ``xtensor`` itself, and its helpers (``is_array_api_obj``, ``device``,
``to_device``, ``size``, ``is_writeable_array``) work on tensors, so libraries written
against array-api-compat (SciPy, scikit-learn) take tensors as they are.
"""

from __future__ import annotations

import pytest

import xtensor as xp

from ._support import cuda, need


@pytest.fixture
def compat():
    return need("array_api_compat")


def test_array_namespace_is_xtensor(compat):
    t = xp.asarray([[1.0, 2.0], [3.0, 4.0]])
    assert compat.array_namespace(t) is xp
    assert compat.array_namespace(t, t[0], 2.0) is xp
    assert compat.array_namespace(t, api_version="2025.12") is xp
    assert compat.get_namespace(t) is xp
    # the namespace is the tensor's own, not a wrapped copy
    assert t.__array_namespace__() is xp


def test_helpers_work_on_tensors(compat):
    t = xp.asarray([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    assert compat.is_array_api_obj(t)
    assert not compat.is_array_api_obj([1.0, 2.0])
    assert compat.device(t) == t.device and compat.device(t) is xp.Device("cpu")
    assert compat.size(t) == 6
    assert compat.size(t[:, :0]) == 0
    assert compat.size(t[0, 0]) == 1
    assert compat.to_device(t, "cpu") is t
    assert compat.to_device(t, xp.Device("cpu")) is t
    assert compat.is_writeable_array(t)
    for is_other in (compat.is_numpy_array, compat.is_torch_array, compat.is_jax_array):
        assert not is_other(t)


def test_mixing_namespaces_is_refused(compat):
    numpy = need("numpy")
    t = xp.asarray([1.0])
    with pytest.raises(TypeError, match="[Mm]ultiple namespaces"):
        compat.array_namespace(t, numpy.asarray([1.0]))


@pytest.mark.skipif(
    not (hasattr(xp, "reshape") and hasattr(xp, "any")),
    reason="is_lazy_array needs xtensor.reshape and xtensor.any (manipulation and "
    "utility functions, not merged yet)",
)
def test_tensors_are_not_lazy(compat):
    assert compat.is_lazy_array(xp.asarray([1.0, 2.0])) is False
    assert compat.is_lazy_array(xp.asarray(3.0)) is False


@cuda
def test_cuda_tensors(compat):
    t = xp.asarray([1.0, 2.0], device="cuda:0")
    assert compat.array_namespace(t) is xp
    assert compat.device(t) == t.device
    assert compat.size(t) == 2
    back = compat.to_device(t, "cpu")
    assert back.device == "cpu" and back.tolist() == [1.0, 2.0]
