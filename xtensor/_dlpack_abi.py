"""The DLPack C ABI (``dlpack/dlpack.h``) as ctypes structures, and the capsule calls.

Only what xtensor needs to inspect and adjust the capsules it exports and to read
the capsules it imports: the structs, the flag bits, the capsule names, and
``PyCapsule_*`` from the C API.
"""

from __future__ import annotations

import ctypes
import struct
from typing import Any

__all__ = [
    "DLPackVersion",
    "DLDevice",
    "DLDataType",
    "DLTensor",
    "DLManagedTensor",
    "DLManagedTensorVersioned",
    "DELETER",
    "VERSIONED_DELETER",
    "READ_ONLY",
    "IS_COPIED",
    "IS_SUBBYTE_TYPE_PADDED",
    "LEGACY_NAME",
    "VERSIONED_NAME",
    "USED_LEGACY_NAME",
    "USED_VERSIONED_NAME",
    "TENSOR_LAYOUT",
    "VERSIONED_HEADER",
    "CAPSULE_TYPE",
    "capsule_name",
    "capsule_pointer",
]

READ_ONLY = 1 << 0
IS_COPIED = 1 << 1
IS_SUBBYTE_TYPE_PADDED = 1 << 2

LEGACY_NAME = b"dltensor"
VERSIONED_NAME = b"dltensor_versioned"
USED_LEGACY_NAME = b"used_dltensor"
USED_VERSIONED_NAME = b"used_dltensor_versioned"


class DLPackVersion(ctypes.Structure):
    _fields_ = [("major", ctypes.c_uint32), ("minor", ctypes.c_uint32)]


class DLDevice(ctypes.Structure):
    _fields_ = [("device_type", ctypes.c_int32), ("device_id", ctypes.c_int32)]


class DLDataType(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint8), ("bits", ctypes.c_uint8), ("lanes", ctypes.c_uint16)]


class DLTensor(ctypes.Structure):
    _fields_ = [
        ("data", ctypes.c_void_p),
        ("device", DLDevice),
        ("ndim", ctypes.c_int32),
        ("dtype", DLDataType),
        ("shape", ctypes.POINTER(ctypes.c_int64)),
        ("strides", ctypes.POINTER(ctypes.c_int64)),
        ("byte_offset", ctypes.c_uint64),
    ]


class DLManagedTensor(ctypes.Structure):
    pass


DELETER = ctypes.CFUNCTYPE(None, ctypes.POINTER(DLManagedTensor))
DLManagedTensor._fields_ = [
    ("dl_tensor", DLTensor),
    ("manager_ctx", ctypes.c_void_p),
    ("deleter", DELETER),
]


class DLManagedTensorVersioned(ctypes.Structure):
    pass


VERSIONED_DELETER = ctypes.CFUNCTYPE(None, ctypes.POINTER(DLManagedTensorVersioned))
DLManagedTensorVersioned._fields_ = [
    ("version", DLPackVersion),
    ("manager_ctx", ctypes.c_void_p),
    ("deleter", VERSIONED_DELETER),
    ("flags", ctypes.c_uint64),
    ("dl_tensor", DLTensor),
]

# The same structs as ``struct`` layouts, to read a capsule's fields in one call:
# DLTensor: data, device type, device id, ndim, dtype code, bits, lanes, shape, strides,
# byte_offset; the head of DLManagedTensorVersioned: version major, minor,
# manager_ctx, deleter, flags (its DLTensor follows).
TENSOR_LAYOUT = struct.Struct("@PiiiBBHPPQ")
VERSIONED_HEADER = struct.Struct("@IIPPQ")
assert TENSOR_LAYOUT.size == ctypes.sizeof(DLTensor)
assert VERSIONED_HEADER.size == DLManagedTensorVersioned.dl_tensor.offset

# Private prototypes of the C API's capsule functions (setting argtypes on
# ``ctypes.pythonapi``'s shared attributes would change them for everyone).
_GetName = ctypes.PYFUNCTYPE(ctypes.c_char_p, ctypes.py_object)(
    ("PyCapsule_GetName", ctypes.pythonapi)
)
_GetPointer = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.py_object, ctypes.c_char_p)(
    ("PyCapsule_GetPointer", ctypes.pythonapi)
)
_New = ctypes.PYFUNCTYPE(ctypes.py_object, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p)(
    ("PyCapsule_New", ctypes.pythonapi)
)

CAPSULE_TYPE = type(_New(1, None, None))


def capsule_name(capsule: Any) -> bytes | None:
    """The name of a PyCapsule (None for a nameless one); TypeError for other objects."""
    if type(capsule) is not CAPSULE_TYPE:
        raise TypeError(f"expected a PyCapsule, got {type(capsule).__name__}")
    return _GetName(capsule)  # type: ignore[no-any-return]


def capsule_pointer(capsule: Any, name: bytes) -> int:
    """The pointer a capsule named ``name`` holds (ValueError if the name differs)."""
    return int(_GetPointer(capsule, name))
