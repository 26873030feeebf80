"""Library-agnostic code: one function written against the array API standard,
called with NumPy arrays, xtensor tensors and PyTorch tensors.

The function never imports an array library. It asks its input for its namespace
(``array_api_compat.array_namespace``) and uses only the standard's functions, so it
returns an array of the input's own type, computed by the input's own library.

Run: python examples/array_api_agnostic.py (or with XTENSOR_STRICT=1, to check that
nothing in it relies on behaviour the standard leaves unspecified)
"""

import array_api_compat
import numpy as np

import xtensor


def softmax_rows(x):
    """Row-wise softmax of a 2-d array, stable for large inputs."""
    xp = array_api_compat.array_namespace(x)
    shifted = x - xp.max(x, axis=1, keepdims=True)
    e = xp.exp(shifted)
    return e / xp.sum(e, axis=1, keepdims=True)


def main() -> None:
    data = [[1.0, 2.0, 3.0], [1000.0, 1000.0, 1001.0]]
    inputs = {"numpy": np.asarray(data), "xtensor": xtensor.asarray(data)}
    try:
        import torch
    except ImportError:
        print("torch: not installed, skipped")
    else:
        inputs["torch"] = torch.asarray(data, dtype=torch.float64)

    reference = softmax_rows(inputs["numpy"])
    for name, x in inputs.items():
        result = softmax_rows(x)
        namespace = array_api_compat.array_namespace(result).__name__
        print(f"{name:8} in -> {type(result).__name__} out, computed by {namespace}")
        # Back to NumPy to compare: np.from_dlpack shares memory with CPU tensors (and
        # is the standard's way, so this also runs under XTENSOR_STRICT=1).
        assert np.allclose(np.from_dlpack(result), reference), name
    print(f"row sums: {xtensor.sum(softmax_rows(inputs['xtensor']), axis=1)}")
    print("all libraries agree")


if __name__ == "__main__":
    main()
