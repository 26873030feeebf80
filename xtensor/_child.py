"""Steps that may abort the process, run in a child Python process.

PyTorch aborts the whole process on some DLPack input (negative strides): the report
must see that happen without dying of it. A :class:`Child` runs a list of steps, in
order, in one child interpreter started at once (it imports its libraries while the
report goes on); each step is a function ``module:name`` of xtensor called with JSON
arguments, whose JSON result the child prints on a line of its own. A step that kills
the child gets the way it died as its result (``{"died": "SIGABRT"}``), and the steps
after it run in a new child: put the step expected to abort last.

:func:`main` is the child's side (each argument a JSON ``[module, name, args]``).
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
from typing import Any

__all__ = ["Step", "Child", "died"]

Step = tuple[str, str, Any]  # (module, function name, JSON arguments)

_PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_PREFIX = "xtensor-child-result "
TIMEOUT = 300.0  # seconds for one child: far more than importing PyTorch takes


def died(result: Any) -> str | None:
    """How the step's child died (``"SIGABRT"``, ``"exit status 1"``), or None."""
    if isinstance(result, dict) and set(result) == {"died"}:
        return str(result["died"])
    return None


class Child:
    """Runs ``steps`` in a child process, started now; ``results()`` waits for them."""

    def __init__(self, steps: list[Step]) -> None:
        self.steps = list(steps)
        self._done: list[Any] | None = None
        self._process = _start(self.steps) if self.steps else None

    def results(self) -> list[Any]:
        """One result per step, in order (a crash is ``{"died": how}``)."""
        if self._done is None:
            self._done = _finish(self._process, self.steps) if self._process else []
        return self._done


# The child imports the xtensor this process imported: its folder goes first on the
# child's path unless it is there already (an installed xtensor's site-packages).
_BOOT = (
    "import sys; p = sys.argv.pop(1)\n"
    "if p not in sys.path: sys.path.insert(0, p)\n"
    "from xtensor._child import main; sys.exit(main(sys.argv[1:]))"
)


def _start(steps: list[Step]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _BOOT, _PACKAGE_PARENT, *(json.dumps(list(s)) for s in steps)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def _finish(process: subprocess.Popen[str], steps: list[Step]) -> list[Any]:
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    results = [
        json.loads(line[len(_PREFIX) :]) for line in out.splitlines() if line.startswith(_PREFIX)
    ]
    if len(results) == len(steps):
        return results
    how = _how(process.returncode, err)
    results.append({"died": how})
    rest = steps[len(results) :]
    return results + (_finish(_start(rest), rest) if rest else [])


def _how(returncode: int | None, stderr: str) -> str:
    if returncode is None:
        return "timed out"
    if returncode < 0:
        try:
            return signal.Signals(-returncode).name
        except ValueError:
            return f"signal {-returncode}"
    last = stderr.strip().splitlines()[-1:] or [""]
    return f"exit status {returncode}" + (f": {last[0]}" if last[0] else "")


def main(argv: list[str]) -> int:
    for arg in argv:
        module, name, args = json.loads(arg)
        result = getattr(importlib.import_module(module), name)(args)
        print(_PREFIX + json.dumps(result), flush=True)
    return 0
