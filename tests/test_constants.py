"""The standard's constants: e, inf, nan, pi, newaxis."""

import math

import numpy as np

import xtensor as xp
from xtensor import _constants


def test_values_and_types():
    assert type(xp.e) is float and xp.e == math.e
    assert type(xp.pi) is float and xp.pi == math.pi
    assert type(xp.inf) is float and xp.inf > 0 and math.isinf(xp.inf)
    assert type(xp.nan) is float and math.isnan(xp.nan)
    assert xp.newaxis is None


def test_exported_by_name():
    assert sorted(_constants.__all__) == ["e", "inf", "nan", "newaxis", "pi"]
    for name in _constants.__all__:
        assert name in xp.__all__
        assert getattr(xp, name) is getattr(_constants, name)


def test_constants_combine_with_tensors_of_any_floating_dtype():
    for dtype in (xp.float32, xp.float64):
        x = xp.asarray(np.array([1.0], dtype=dtype.numpy))
        assert (x * xp.pi).dtype == dtype
        assert (x + xp.inf).numpy()[0] == math.inf
        assert math.isnan((x - xp.nan).numpy()[0])
    assert xp.asarray(xp.e).dtype == xp.float64


def test_newaxis_inserts_a_dimension():
    x = xp.asarray([1, 2, 3])
    assert x[:, xp.newaxis].shape == (3, 1)
    assert x[xp.newaxis].shape == (1, 3)
    assert x[xp.newaxis, :, xp.newaxis].shape == (1, 3, 1)
