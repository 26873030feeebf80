"""Interop conformance suites: xtensor against NumPy, PyTorch, JAX, array-api-strict, CuPy."""
