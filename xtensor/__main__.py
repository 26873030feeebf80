"""``python -m xtensor``: the interop and conformance report.

For every installed peer library (NumPy, PyTorch, JAX, array-api-strict, CuPy) and
every device present, it exchanges arrays with xtensor in both directions and prints
whether each exchange shares memory, copies, or is refused (and why), next to what
xtensor promises. It opens with the hazards: where a peer breaks the DLPack contract
or the process, each with a workaround that was run here.

Exit status: 0 when every promise xtensor makes holds, 1 when one does not, 2 when
the report itself could not run (or its arguments are wrong), 3 with
``--strict-peers`` when every promise holds but a peer has a hazard.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import IO

from . import _render
from . import _report as rp
from ._hazards import PEER_NAMES, Report, run_report

_EPILOG = f"""\
cells of the grids:
{chr(10).join(f"  {code}  {words}" for code, words in rp.OUTCOME_LEGEND)}
hazards (a peer breaks the DLPack contract or the process; listed first):
{chr(10).join(f"  {code}  {words}" for code, words in rp.HAZARD_CODES.items())}
  {rp.BROKEN_MARK}  after a code: {rp.BROKEN_WORDS}

columns of the layout grid: {", ".join(f"{lay.short} ({lay.name})" for lay in rp.LAYOUTS)}

exit status:
  0  every promise xtensor makes holds (peers' hazards are reported, not failed)
  1  a promise xtensor makes does not hold (a cell marked {rp.BROKEN_MARK}, or a failed workaround)
  2  the report could not run, or the arguments are wrong
  3  with --strict-peers: every promise holds, but a peer has a hazard

colour: on in a terminal, off when piped or when NO_COLOR is set (--color overrides).
"""


def _parser() -> argparse.ArgumentParser:
    from . import __array_api_version__, __version__

    parser = argparse.ArgumentParser(
        prog="python -m xtensor",
        description="xtensor's interop and conformance report: which exchanges with NumPy, "
        "PyTorch, JAX, array-api-strict and CuPy share memory, copy, or are refused, and "
        "where a peer breaks the DLPack contract (the hazards, listed first).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"xtensor {__version__} (array API standard {__array_api_version__})",
    )
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the report as JSON")
    out.add_argument(
        "--markdown", action="store_true", help="print the report as Markdown (for an issue)"
    )
    parser.add_argument(
        "--html",
        metavar="FILE",
        help="also write the report as one self-contained HTML page (no network needed)",
    )
    parser.add_argument(
        "--peer",
        action="append",
        choices=PEER_NAMES,
        metavar="NAME",
        help=f"only exchanges with this peer (repeatable): {', '.join(PEER_NAMES)}",
    )
    parser.add_argument(
        "--device",
        action="append",
        metavar="DEVICE",
        help="only this device (repeatable): cpu, cuda:0, ...",
    )
    parser.add_argument(
        "--strict-peers",
        action="store_true",
        help="exit with status 3 when a peer has a hazard (and every promise holds)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text: auto (a terminal without NO_COLOR), always or never",
    )
    return parser


def use_colour(choice: str, stream: IO[str]) -> bool:
    """Whether to colour text written to ``stream``."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.device:
        present = rp.devices()
        unknown = [d for d in args.device if d not in present]
        if unknown:
            parser.error(
                f"--device {unknown[0]}: not present here; the devices are {', '.join(present)}"
            )
    try:
        report = run_report(args.device, args.peer)
    except Exception as exc:  # a bug of the report itself: one line, not a traceback
        print(f"python -m xtensor: the report failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    if args.html:
        try:
            with open(args.html, "w", encoding="utf-8") as f:
                f.write(_render.page(report))
        except OSError as exc:
            print(f"python -m xtensor: cannot write {args.html}: {exc}", file=sys.stderr)
            return 2
    print(_output(report, args))
    return report.exit_status(args.strict_peers)


def _output(report: Report, args: argparse.Namespace) -> str:
    if args.json:
        return _render.as_json(report, args.strict_peers)
    if args.markdown:
        return _render.markdown(report)
    return _render.text(report, colour=use_colour(args.color, sys.stdout))


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # the reader went away (``python -m xtensor | head``)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
