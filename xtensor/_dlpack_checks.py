"""The checks of an imported DLTensor, field by field, before anything reads it.

A producer's capsule is only a pointer to a struct that holds more pointers (shape,
strides, data). NumPy and CuPy trust them: a wrong value crashes the interpreter,
makes their address arithmetic overflow (every element then reads the first one), or
leaves them with an error they report as ``SystemError``. xtensor accepts a DLTensor
only where NumPy and CuPy can describe it safely:

- ``ndim`` is 0 to ``MAX_NDIM`` (64, NumPy's own limit), and ``shape`` is not NULL
  when ``ndim`` > 0;
- every shape entry is >= 0, and the itemsize times the product of the nonzero
  entries fits a C ``ssize_t`` (int64 on 64-bit platforms): NumPy's rule for every
  array, empty or not;
- ``strides`` NULL means C order (row-major and compact); otherwise every
  ``stride * itemsize`` fits ``ssize_t``;
- ``byte_offset`` fits ``ssize_t``, and for a non-empty tensor so does the extent
  ``sum(|stride| * (n - 1)) * itemsize + byte_offset``; the addresses of its lowest
  and highest byte lie between 0 and 2**64 - 1;
- ``data`` is NULL only for an empty tensor (then nothing is read and any ``data``
  and strides within the bounds above are accepted).

On POSIX systems every pointer is also checked against the memory this process can
read, without reading it first: the struct, the shape and strides arrays, and, for
host memory (device types CPU, CUDA host, ROCm host, CUDA managed), the lowest and
highest byte of the elements. So a pointer or a stride that lands outside the
producer's memory is refused, not read. The bytes between the two ends cannot be
checked in constant time: a tensor whose span has a hole in the middle is still
read. CUDA memory is not checked here (CuPy reads it on the GPU), nor is anything on
Windows.
"""

from __future__ import annotations

import ctypes
import errno
import os
import struct
import sys
import threading

__all__ = ["MAX_NDIM", "MAX_SIZE", "readable", "check_layout"]

MAX_NDIM = 64  # NumPy 2's NPY_MAXDIMS
MAX_SIZE = sys.maxsize  # NumPy's npy_intp and CuPy's Py_ssize_t
_ADDRESS_SPACE = 1 << (8 * ctypes.sizeof(ctypes.c_void_p))
_ITEM = ctypes.c_char


# --- memory that may not be there ---------------------------------------------------
#
# The kernel copies what is written to a pipe from this process's memory; an address
# this process cannot read makes the write fail (EFAULT) instead of raising a signal.
# A probe writes the spans to the pipe and reads back as many bytes as it wrote:
# whatever bytes they are (threads may interleave), each probe takes out what it put
# in, so a read never waits. A write of at most 4096 bytes (PIPE_BUF) is all or
# nothing. A forked child opens its own pipe.

_pipe: tuple[int, int] | None = None
_pipe_lock = threading.Lock()
_writev = getattr(os, "writev", None)  # None on Windows: nothing is checked there


def _forget_pipe() -> None:
    global _pipe, _pipe_lock
    if _pipe is not None:
        for fd in _pipe:
            os.close(fd)
    _pipe, _pipe_lock = None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pipe)


def readable(*spans: tuple[int, int]) -> bool:
    """Whether this process can read every ``(address, length)`` span (4096 bytes in
    all at most), without reading them; always True where ``os.writev`` is missing."""
    global _pipe
    if _writev is None:
        return True
    if _pipe is None:
        with _pipe_lock:
            if _pipe is None:
                _pipe = os.pipe()
    total = 0
    buffers = []
    for address, length in spans:
        if address <= 0:
            return False
        buffers.append((_ITEM * length).from_address(address))
        total += length
    try:
        written = _writev(_pipe[1], buffers)
    except OSError as exc:
        if exc.errno != errno.EFAULT:
            raise
        return False
    if written:
        os.read(_pipe[0], written)
    return bool(written == total)


# --- the layout ----------------------------------------------------------------------


def check_layout(
    *,
    data: int,
    ndim: int,
    shape_at: int,
    strides_at: int,
    byte_offset: int,
    itemsize: int,
    host: bool,
    what: str,
) -> None:
    """Check a DLTensor with these fields as the module docstring says: BufferError
    naming the field and its value for anything else. ``host``: the elements are in
    host memory (their ends are checked readable)."""
    if not 0 <= ndim <= MAX_NDIM:
        raise _invalid(what, f"ndim {ndim}: xtensor reads 0 to {MAX_NDIM} dimensions")
    shape: tuple[int, ...] = ()
    strides: tuple[int, ...] | None = None
    if ndim:
        length = 8 * ndim
        if not shape_at:
            raise _invalid(what, f"shape is NULL for ndim {ndim}")
        arrays = (
            (("shape", shape_at), ("strides", strides_at)) if strides_at else (("shape", shape_at),)
        )
        if not readable(*((at, length) for _, at in arrays)):
            for field, at in arrays:
                if not readable((at, length)):
                    raise _invalid(
                        what,
                        f"{field} points to {at:#x}, where this process cannot read {ndim} int64",
                    )
        form = _INT64S[ndim]
        shape = form.unpack(ctypes.string_at(shape_at, length))
        if strides_at:
            strides = form.unpack(ctypes.string_at(strides_at, length))
    # one pass: the bytes of the nonzero entries, and the lowest and highest element
    # (in elements from the first one)
    nbytes, empty, low, high = itemsize, False, 0, 0
    for i, n in enumerate(shape):
        if n < 0:
            raise _invalid(what, f"shape {shape} has a negative entry")
        if n == 0:
            empty = True
        else:
            nbytes *= n
        if strides is not None:
            step = strides[i]
            if step * itemsize > MAX_SIZE or -step * itemsize > MAX_SIZE:
                raise _invalid(
                    what,
                    f"strides {strides} (in {itemsize}-byte elements): a stride of "
                    f"more than {MAX_SIZE} bytes",
                )
            if step < 0:
                low += step * (n - 1)
            else:
                high += step * (n - 1)
    if nbytes > MAX_SIZE:
        raise _invalid(
            what,
            f"shape {shape} of {itemsize}-byte elements is too large: {nbytes} bytes "
            f"(without its zeros) exceed {MAX_SIZE}",
        )
    if byte_offset > MAX_SIZE:
        raise _invalid(what, f"byte_offset {byte_offset} exceeds {MAX_SIZE}")
    if empty:
        return  # nothing is read
    if not data:
        raise _invalid(what, f"NULL data for shape {shape}: only an empty tensor may have none")
    if strides is None:  # C order
        high = nbytes // itemsize - 1
    extent = (high - low) * itemsize + byte_offset
    if extent > MAX_SIZE:
        raise _invalid(
            what,
            f"sum(|stride| * (n - 1)) * itemsize + byte_offset is {extent} bytes, more than "
            f"{MAX_SIZE} ({_where(data, byte_offset, shape, strides)})",
        )
    first = data + byte_offset + low * itemsize
    last = data + byte_offset + high * itemsize + itemsize - 1
    if first < 0 or last >= _ADDRESS_SPACE:
        raise _invalid(
            what,
            f"the elements would lie at addresses {first:#x} to {last:#x}, outside the "
            f"address space ({_where(data, byte_offset, shape, strides)})",
        )
    if host and not readable((first, 1), (last, 1)):
        raise _invalid(
            what,
            f"the elements lie at addresses {first:#x} to {last:#x}, which this process "
            f"cannot read ({_where(data, byte_offset, shape, strides)})",
        )


_INT64S = [struct.Struct(f"@{n}q") for n in range(MAX_NDIM + 1)]


def _where(data: int, byte_offset: int, shape: tuple[int, ...], strides: object) -> str:
    return f"data {data:#x}, byte_offset {byte_offset}, shape {shape}, strides {strides}"


def _invalid(what: str, rule: str) -> BufferError:
    return BufferError(f"{what}: invalid DLTensor: {rule}")
