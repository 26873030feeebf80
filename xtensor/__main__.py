"""``python -m xtensor``: the interop conformance report.

For every installed peer library (NumPy, PyTorch, JAX, array-api-strict, CuPy) and
every device present, it exchanges arrays with xtensor in both directions and prints
whether each exchange shares memory, copies, or is refused (and why), next to what
xtensor promises. ``--json`` prints the same as JSON. The exit status is 0 when every
promise holds, 1 when one does not, 2 when the report itself could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from ._report import (
    BROKEN,
    COPIES,
    DTYPES,
    EMPTY,
    LAYOUTS,
    NA,
    NOT_AVAILABLE,
    NOT_RUN,
    REFUSES,
    SHARES,
    SHARES_RO,
    WRONG,
    Check,
    environment,
    run_checks,
)

CODES = {
    SHARES: "S",
    SHARES_RO: "R",
    COPIES: "C",
    EMPTY: "E",
    REFUSES: "X",
    NA: "-",
    NOT_RUN: ".",
    WRONG: "?",
    BROKEN: "?",
}
LEGEND = (
    "S shares memory   R shares memory, read-only   C copies   E accepts size 0   "
    "X refuses   - cannot be made   . not run   ? wrong   ! breaks a promise"
)
DTYPE_SHORT = {
    "bool": "b",
    "int8": "i8",
    "int16": "i16",
    "int32": "i32",
    "int64": "i64",
    "uint8": "u8",
    "uint16": "u16",
    "uint32": "u32",
    "uint64": "u64",
    "float16": "f16",
    "float32": "f32",
    "float64": "f64",
    "complex64": "c64",
    "complex128": "c128",
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m xtensor",
        description="xtensor's interop conformance report: which exchanges with NumPy, "
        "PyTorch, JAX, array-api-strict and CuPy share memory, copy, or are refused.",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    try:
        env = environment()
        checks = run_checks()
    except Exception as exc:  # a bug of the report itself: one line, not a traceback
        print(f"python -m xtensor: the report failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    failed = [c for c in checks if not c.ok]
    if args.json:
        report = {**env, "ok": not failed, "checks": [c.as_dict() for c in checks]}
        print(json.dumps(report, indent=1))
    else:
        print(render(env, checks))
    return 1 if failed else 0


def render(env: dict[str, Any], checks: list[Check]) -> str:
    """The report as text: header, the layout and dtype grids per device, the protocol
    checks, then notes on every refusal, skip and broken promise."""
    lines = [
        f"xtensor {env['xtensor']} (Python {env['python']}): array API standard "
        f"{env['array_api_version']}, extensions: {', '.join(env['extensions']) or 'none'}",
        f"devices: {', '.join(env['devices'])}"
        + (f"; no GPU: {env['no_gpu']}" if env["no_gpu"] else ""),
        "peers: " + "; ".join(_peer(k, v) for k, v in env["peers"].items()),
        f"array_api_compat: {env['array_api_compat']}",
    ]
    for device in dict.fromkeys(c.device for c in checks):
        here = [c for c in checks if c.device == device]
        lines += ["", f"== {device}: zero-copy by layout (float64) ==", LEGEND]
        lines += _grid(here, "layout", [(lay.name, lay.short) for lay in LAYOUTS])
        lines += ["", f"== {device}: zero-copy by dtype (C order) =="]
        lines += _grid(here, "dtype", [(d, DTYPE_SHORT[d]) for d in DTYPES])
        protocol = [c for c in here if c.section == "protocol"]
        if protocol:
            lines += ["", f"== {device}: copy, device, capsules, lifetime =="]
            width = max(len(c.exchange) for c in protocol)
            case_width = max(len(c.case) for c in protocol)
            for c in protocol:
                mark = "" if c.ok else f"   <-- FAILS: promised {c.promised}"
                text = c.outcome + (f" ({c.detail})" if c.detail and not c.ok else "")
                lines.append(f"  {c.case:<{case_width}}  {c.exchange:<{width}}  {text}{mark}")
    lines += _notes(checks)
    failed = [c for c in checks if not c.ok]
    ran = [c for c in checks if c.outcome not in (NA, NOT_RUN, NOT_AVAILABLE)]
    lines.append("")
    if failed:
        lines.append(f"{len(failed)} of {len(ran)} checks break a promise xtensor makes")
    else:
        lines.append(f"{len(ran)} checks run: every promise xtensor makes holds")
    return "\n".join(lines)


def _peer(name: str, state: str) -> str:
    """``torch 2.13.0``, or ``cupy: not installed`` when ``state`` is a reason."""
    if " " not in state:
        return f"{name} {state}"
    return f"{name}: {state.removeprefix(name + ' ')}"


def _grid(checks: list[Check], section: str, columns: list[tuple[str, str]]) -> list[str]:
    cells: dict[str, dict[str, Check]] = {}
    for c in checks:
        if c.section == section:
            cells.setdefault(c.exchange, {})[c.case] = c
    if not cells:
        return []
    width = max(len(e) for e in cells)
    widths = [max(len(short), 2) for _, short in columns]
    lines = [
        " " * (width + 3) + " ".join(s.ljust(w) for (_, s), w in zip(columns, widths, strict=True))
    ]
    for exchange, row in cells.items():
        missing = next(iter(row.values()))
        if missing.outcome == NOT_AVAILABLE:
            lines.append(f"  {exchange:<{width}} {missing.detail}")
            continue
        codes = []
        for (name, _), w in zip(columns, widths, strict=True):
            cell = row.get(name)
            code = " " if cell is None else CODES.get(cell.outcome, "?") + ("" if cell.ok else "!")
            codes.append(code.ljust(w))
        lines.append(f"  {exchange:<{width}} " + " ".join(codes).rstrip())
    return lines


def _notes(checks: list[Check]) -> list[str]:
    """The reasons behind the grids: what cannot be made, what the peers decide, every
    refusal and skip, and every broken promise, each said once."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    failures = []
    for c in checks:
        if not c.ok:
            failures.append(f"  FAILS {c.device} {c.exchange}, {c.case}: {c.outcome}: {c.detail}")
        elif c.outcome == NA:
            groups.setdefault((c.device, "", c.detail), []).append(c.case)
        elif c.detail and c.section != "protocol" and c.outcome != NOT_AVAILABLE:
            groups.setdefault((c.device, c.exchange, c.detail), []).append(c.case)
    notes = []
    for (device, exchange, detail), cases in groups.items():
        cells = ", ".join(dict.fromkeys(cases)) if len(cases) <= 4 else f"{len(cases)} cells"
        where = f"{exchange}, {cells}" if exchange else f"cannot be made (-), {cells}"
        notes.append(f"  {device} {where}: {detail}")
    return ["", "== notes ==", *notes, *failures] if notes or failures else []


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # the reader went away (``python -m xtensor | head``)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
