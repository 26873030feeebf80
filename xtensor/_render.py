"""The report of ``python -m xtensor`` as text, JSON, Markdown and one HTML page.

All four render the same :class:`~xtensor._hazards.Report`, in the same order:
header, hazards, then per device the layout grid, the dtype grid (each with its
legend) and the protocol checks, then the notes behind every cell that is not plain,
and the summary. Nothing is cut: the text wraps long lines, the others keep them whole.
"""

from __future__ import annotations

import html
import json
import textwrap
from collections.abc import Iterable

from . import _report as rp
from ._hazards import Hazard, Report

__all__ = [
    "COLUMNS",
    "DTYPE_SHORT",
    "grid_legend",
    "text",
    "as_json",
    "markdown",
    "page",
]

WIDTH = 100
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
LAYOUT_WORDS = {
    "C order": "C order (row-major)",
    "F order": "Fortran order (column-major)",
    "step slices": "step slices a[1:, ::2]",
    "transposed": "the last two axes swapped (.mT)",
    "negative strides": "negative strides a[::-1, ::-2]",
    "zero strides": "zero strides (a broadcast view)",
    "size-1 odd strides": "a size-1 dimension with an odd stride",
    "size 0": "size 0",
    "0-d": "0-d",
    "read-only": "read-only memory",
}
# (section, title, columns as (case, short name))
COLUMNS = {
    "layout": ("zero-copy by layout (float64)", [(lay.name, lay.short) for lay in rp.LAYOUTS]),
    "dtype": ("zero-copy by dtype (C order)", [(d, DTYPE_SHORT[d]) for d in rp.DTYPES]),
}
PROTOCOL_TITLE = "copy and device keywords, capsules, round trips, lazy bits, lifetime"


def _codes_legend() -> list[tuple[str, str]]:
    return [
        *rp.OUTCOME_LEGEND[:-1],
        *rp.HAZARD_CODES.items(),
        (rp.BROKEN_MARK, rp.BROKEN_WORDS),
    ]


def grid_legend(
    section: str, used: set[str] | None = None
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The columns and the cell codes of a grid, each with its meaning (only the codes
    in ``used`` when given; ``!`` stands for every code it follows)."""
    if section == "layout":
        columns = [(lay.short, LAYOUT_WORDS[lay.name]) for lay in rp.LAYOUTS]
    elif section == "dtype":
        columns = [(DTYPE_SHORT[d], d) for d in rp.DTYPES]
    else:
        columns = []
    codes = _codes_legend() if section != "protocol" else _protocol_codes()
    if used is not None:
        shown = {c.rstrip(rp.BROKEN_MARK) or c for c in used}
        shown |= {rp.BROKEN_MARK for c in used if c.endswith(rp.BROKEN_MARK)}
        codes = [(c, w) for c, w in codes if c in shown]
    return columns, codes


def _protocol_codes() -> list[tuple[str, str]]:
    return [
        (rp.HOLDS, "holds"),
        *rp.OUTCOME_LEGEND[:-1],
        *rp.HAZARD_CODES.items(),
        (rp.BROKEN_MARK, rp.BROKEN_WORDS),
    ]


def _used(checks: Iterable[rp.Check]) -> set[str]:
    return {c.code for c in checks}


def _grids(
    report: Report, device: str
) -> list[tuple[str, str, list[tuple[str, str]], dict[str, dict[str, rp.Check]]]]:
    """The device's grids: section, title, columns, exchange -> case -> check."""
    out = []
    for section, (title, columns) in COLUMNS.items():
        rows: dict[str, dict[str, rp.Check]] = {}
        for c in report.checks:
            if c.device == device and c.section == section:
                rows.setdefault(c.exchange, {})[c.case] = c
        if rows:
            out.append((section, title, columns, rows))
    return out


def _protocol(report: Report, device: str) -> list[rp.Check]:
    return [c for c in report.checks if c.device == device and c.section == "protocol"]


def cell_note(c: rp.Check, hazards: dict[str, Hazard]) -> str:
    """Everything about one cell, in words."""
    parts = [f"{c.exchange}, {c.case} ({c.device}): {c.outcome}"]
    if c.detail:
        parts.append(c.detail)
    if c.promised:
        parts.append(f"xtensor promises: {c.promised}" + ("" if c.ok else " - BROKEN"))
    hazard = hazards.get(c.hazard)
    if c.hazard_code and hazard is not None:
        parts.append(f"hazard {hazard.code}: {hazard.title}")
    elif c.hazard_code:
        parts.append(f"hazard {c.hazard_code}: {rp.HAZARD_CODES[c.hazard_code]}")
    return ". ".join(parts)


def notes(report: Report) -> list[str]:
    """The reasons behind the grids, each said once: what cannot be made, what the peers
    decide, every refusal, hazard and broken promise."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    failures = []
    for c in report.checks:
        if c.section == "protocol":
            continue
        if not c.ok:
            failures.append(f"FAILS {c.device} {c.exchange}, {c.case}: {c.outcome}: {c.detail}")
        elif c.outcome == rp.NA:
            groups.setdefault((c.device, "", c.detail), []).append(c.case)
        elif c.detail or c.hazard_code:
            mark = f"[{c.hazard_code}] " if c.hazard_code else ""
            groups.setdefault((c.device, c.exchange, mark + c.detail), []).append(c.case)
    lines = []
    for (device, exchange, detail), cases in groups.items():
        cells = ", ".join(dict.fromkeys(cases)) if len(cases) <= 4 else f"{len(cases)} cells"
        where = f"{exchange}, {cells}" if exchange else f"cannot be made (-), {cells}"
        lines.append(f"{device} {where}: {detail}")
    for c in report.checks:
        if c.section == "protocol" and not c.ok:
            failures.append(f"FAILS {c.device} {c.exchange}, {c.case}: {c.outcome}: {c.detail}")
    for h in report.failed_hazards:
        failures.append(f"FAILS hazard {h.key}: the workaround did not work: {h.workaround_detail}")
    return lines + failures


def summary(report: Report) -> str:
    ran = [c for c in report.checks if c.outcome not in (rp.NA, rp.NOT_RUN)]
    failed = len(report.failed) + len(report.failed_hazards)
    if failed:
        head = f"{failed} of {len(ran)} checks break a promise xtensor makes"
    else:
        head = f"{len(ran)} checks run: every promise xtensor makes holds"
    n = len(report.present_hazards)
    tail = f"; {n} peer hazard{'s' if n != 1 else ''} (see the top)" if n else "; no peer hazards"
    return f"{head}{tail}; {report.seconds:.1f} s"


_HINTS = {
    "torch": ' (pip install "xtensor[peers]")',
    "jax": ' (pip install "xtensor[peers]")',
    "array_api_strict": ' (pip install "xtensor[test]")',
    "cupy": ' (pip install "xtensor[cuda]", and an NVIDIA GPU)',
}


def _header(report: Report) -> list[str]:
    env = report.env
    shown = {k: v for k, v in env["peers"].items() if " " not in v}
    return [
        f"xtensor {env['xtensor']} (Python {env['python']}): array API standard "
        f"{env['array_api_version']}, extensions: {', '.join(env['extensions']) or 'none'}",
        f"devices: {', '.join(env['devices'])}"
        + (f"; no GPU: {env['no_gpu']}" if env["no_gpu"] else ""),
        "peers: " + "; ".join(f"{k} {v}" for k, v in shown.items()),
        *(f"missing: {why}{_HINTS.get(name, '')}" for name, why in report.missing.items()),
        f"array_api_compat: {env['array_api_compat']}",
    ]


# --- text ------------------------------------------------------------------------------

_STYLE = {
    "S": "32",
    "R": "32",
    "C": "36",
    "E": "36",
    "X": "33",
    "-": "2",
    ".": "2",
    "+": "32",
    "?": "1;31",
    **{code: "1;35" for code in rp.HAZARD_CODES},
}


class _Paint:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, style: str) -> str:
        return f"\033[{style}m{text}\033[0m" if self.colour and style else text

    def code(self, code: str, width: int = 0) -> str:
        pad = " " * (width - len(code))
        if code.endswith(rp.BROKEN_MARK):
            return self(code, "1;31") + pad
        return self(code, _STYLE.get(code, "")) + pad


def _wrap(text: str, indent: str, first: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first or indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _pack(head: str, items: list[str]) -> list[str]:
    """``head`` and the items, "; " between them, as lines of at most WIDTH, never
    breaking an item's first word from the rest of it when it fits."""
    lines, line = [], "  " + head
    for i, item in enumerate(items):
        text = item + (";" if i < len(items) - 1 else "")
        if len(line) + 1 + len(text) > WIDTH and line.strip():
            lines.append(line)
            line = "   "
        line += " " + text
    return [*lines, line]


def _legend_text(section: str, used: set[str]) -> list[str]:
    columns, codes = grid_legend(section, used)
    lines = []
    if section == "layout":
        lines += _pack("columns:", [f"{s} = {w}" for s, w in columns])
    lines += _pack(
        "codes:" if section == "protocol" else "cells:", [f"{c} = {w}" for c, w in codes]
    )
    return lines


def _hazards_text(report: Report, paint: _Paint) -> list[str]:
    title = "== hazards: where a peer breaks the DLPack contract or the process =="
    lines = ["", paint(title, "1")]
    present = report.present_hazards
    if not present:
        lines.append("  none found among the peers installed")
    for h in present:
        lines.append(f"{paint.code(h.code, 2)} {paint(h.title, '1')}")
        lines += _wrap(f"{h.versions}, on {h.device}", "   ", "   ")
        lines += _wrap(f"what happens: {h.happens}", "     ", "   ")
        lines += _wrap(f"xtensor: {h.xtensor}", "     ", "   ")
        state = {True: "tested, works", False: "tested, FAILS", None: "not tested"}
        text = f"workaround ({state[h.workaround_ok]}): {h.workaround}"
        if h.workaround_ok is False:
            text += f": {h.workaround_detail}"
        lines += [
            paint(x, "1;31") if h.workaround_ok is False else x for x in _wrap(text, "     ", "   ")
        ]
    fixed = [h for h in report.hazards if h.present is False]
    for h in fixed:
        lines += _wrap(f"fixed here ({h.versions}): {h.title}: {h.happens}", "     ", "   ")
    unknown = [h for h in report.hazards if h.present is None]
    for h in unknown:
        lines += _wrap(f"could not check: {h.title}: {h.happens}", "     ", "   ")
    lines += _wrap(
        "A peer's hazard leaves the exit status at 0 (with --strict-peers, 3); a workaround "
        "that fails is xtensor's failure (1).",
        "  ",
        "  ",
    )
    return lines


def text(report: Report, colour: bool = False) -> str:
    """The report for a terminal or a log (ANSI colours when ``colour``)."""
    paint = _Paint(colour)
    lines = [w for line in _header(report) for w in _wrap(line, "    ", " ")]
    lines = [
        line[1:] if line.startswith(" ") and not line.startswith("  ") else line for line in lines
    ]
    lines += _hazards_text(report, paint)
    for device in report.devices:
        for section, title, columns, rows in _grids(report, device):
            lines += ["", paint(f"== {device}: {title} ==", "1")]
            lines += _grid_text(columns, rows, paint)
            lines += _legend_text(section, _used(c for row in rows.values() for c in row.values()))
        protocol = _protocol(report, device)
        if protocol:
            lines += ["", paint(f"== {device}: {PROTOCOL_TITLE} ==", "1")]
            case_width = max(len(c.case) for c in protocol)
            for c in protocol:
                said = f"{c.exchange}: {c.outcome}" + (f": {c.detail}" if c.detail else "")
                if not c.ok:
                    said += f" (promised: {c.promised})"
                indent = " " * (3 + case_width + 2)
                wrapped = _wrap(said, indent, indent)
                head = f"{paint.code(c.code, 3)}{c.case:<{case_width}}  "
                lines.append(head + wrapped[0].lstrip())
                lines += wrapped[1:]
            lines += _legend_text("protocol", _used(protocol))
    found = notes(report)
    if found:
        lines += ["", paint("== notes ==", "1")]
        for note in found:
            wrapped = _wrap(note, "    ", "  ")
            lines += [paint(w, "1;31") for w in wrapped] if note.startswith("FAILS") else wrapped
    lines += ["", paint(summary(report), "1;31" if not report.ok else "1")]
    return "\n".join(lines)


def _grid_text(
    columns: list[tuple[str, str]], rows: dict[str, dict[str, rp.Check]], paint: _Paint
) -> list[str]:
    width = max(len(e) for e in rows)
    widths = [max(len(short), 2) for _, short in columns]
    head = " ".join(s.ljust(w) for (_, s), w in zip(columns, widths, strict=True))
    lines = [" " * (width + 3) + head.rstrip()]
    for exchange, row in rows.items():
        codes = []
        for (name, _), w in zip(columns, widths, strict=True):
            cell = row.get(name)
            codes.append(" " * w if cell is None else paint.code(cell.code, w))
        lines.append(f"  {exchange:<{width}} " + " ".join(codes).rstrip())
    return lines


# --- JSON ------------------------------------------------------------------------------


def as_json(report: Report, strict_peers: bool = False) -> str:
    """The report as JSON: the environment, the hazards, every check, the legend."""
    data = {
        **report.env,
        "ok": report.ok,
        "exit_status": report.exit_status(strict_peers),
        "seconds": round(report.seconds, 3),
        "missing": report.missing,
        "hazards": [h.as_dict() for h in report.hazards],
        "checks": [c.as_dict() for c in report.checks],
        "legend": {
            "columns": {s: dict(grid_legend(s)[0]) for s in COLUMNS},
            "codes": dict(_codes_legend()),
        },
        "summary": summary(report),
    }
    return json.dumps(data, indent=1)


# --- Markdown --------------------------------------------------------------------------


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(report: Report) -> str:
    """The report as Markdown, to paste into an issue."""
    lines = ["# xtensor interop report", ""]
    lines += [f"- {_md(line)}" for line in _header(report)]
    lines += ["", "## Hazards: where a peer breaks the DLPack contract or the process", ""]
    present = report.present_hazards
    if present:
        lines += [
            "| code | hazard | versions | what happens | xtensor | workaround |",
            "|---|---|---|---|---|---|",
        ]
        state = {True: "tested, works", False: "tested, **FAILS**", None: "not tested"}
        for h in present:
            workaround = f"{h.workaround} ({state[h.workaround_ok]})"
            lines.append(
                f"| `{h.code}` | {_md(h.title)} | {_md(h.versions)} | {_md(h.happens)} "
                f"| {_md(h.xtensor)} | {_md(workaround)} |"
            )
    else:
        lines.append("None found among the peers installed.")
    for h in report.hazards:
        if h.present is False:
            lines.append(f"- fixed here ({_md(h.versions)}): {_md(h.title)}")
    for device in report.devices:
        for section, title, columns, rows in _grids(report, device):
            lines += ["", f"## {device}: {title}", ""]
            lines.append("| exchange | " + " | ".join(s for _, s in columns) + " |")
            lines.append("|---" * (len(columns) + 1) + "|")
            for exchange, row in rows.items():
                codes = [f"`{row[n].code}`" if n in row else "" for n, _ in columns]
                lines.append(f"| {exchange} | " + " | ".join(codes) + " |")
            cols, codes_legend = grid_legend(
                section, _used(c for row in rows.values() for c in row.values())
            )
            lines.append("")
            if section == "layout":
                lines.append("Columns: " + "; ".join(f"`{s}` {_md(w)}" for s, w in cols) + ".")
                lines.append("")
            lines.append("Cells: " + "; ".join(f"`{c}` {_md(w)}" for c, w in codes_legend) + ".")
        protocol = _protocol(report, device)
        if protocol:
            lines += ["", f"## {device}: {PROTOCOL_TITLE}", ""]
            lines += ["| code | case | exchange | outcome |", "|---|---|---|---|"]
            for c in protocol:
                said = c.outcome + (f": {c.detail}" if c.detail else "")
                lines.append(f"| `{c.code}` | {_md(c.case)} | {_md(c.exchange)} | {_md(said)} |")
            _, codes_legend = grid_legend("protocol", _used(protocol))
            lines += ["", "Codes: " + "; ".join(f"`{c}` {_md(w)}" for c, w in codes_legend) + "."]
    found = notes(report)
    if found:
        lines += ["", "## Notes", ""] + [f"- {_md(n)}" for n in found]
    lines += ["", f"**{summary(report)}**", ""]
    return "\n".join(lines)


# --- HTML ------------------------------------------------------------------------------

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em auto;
max-width:78em;padding:0 1em;color:#1d1d1f;background:#fff}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #ddd}
code,td.code,th.col{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ddd;padding:.15em .45em;text-align:left;vertical-align:top}
table.grid td.code{text-align:center;cursor:pointer;min-width:2.2em;font-weight:600}
table.grid td.code:focus{outline:2px solid #0a58ca}
.c-S,.c-R,.c-plus{background:#e3f6e3}.c-C,.c-E{background:#e2f1f8}.c-X{background:#fff4d6}
.c-dash,.c-dot{color:#999}.c-hazard{background:#f7dcf5;color:#7a0c6e}
.c-broken{background:#ffd6d6;color:#a00000}
#hazards article{border-left:5px solid #b0169c;background:#fcf1fb;margin:.6em 0;padding:.4em .8em}
#hazards article.fails{border-color:#c00;background:#fff0f0}
#hazards h3{margin:.1em 0;font-size:1.05em}
#note{position:sticky;bottom:0;background:#fffbe6;border:1px solid #e6d690;padding:.5em .8em;
min-height:1.5em}
.legend{color:#444;font-size:.92em}.summary{font-weight:600;font-size:1.05em}
.summary.fails{color:#a00000}
"""

_JS = """
(function () {
  var note = document.getElementById("note");
  function show(cell) {
    note.textContent = cell.getAttribute("data-note");
    note.setAttribute("data-shown", cell.id);
  }
  var cells = document.querySelectorAll("td[data-note]");
  for (var i = 0; i < cells.length; i++) {
    cells[i].addEventListener("click", function () { show(this); });
    cells[i].addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { show(this); e.preventDefault(); }
    });
  }
  document.body.setAttribute("data-ready", String(cells.length));
})();
"""


def _css_class(code: str) -> str:
    if code.endswith(rp.BROKEN_MARK):
        return "c-broken"
    if code in rp.HAZARD_CODES:
        return "c-hazard"
    return {"-": "c-dash", ".": "c-dot", "+": "c-plus", "?": "c-broken"}.get(code, f"c-{code}")


def _cell(c: rp.Check, hazards: dict[str, Hazard], ident: str) -> str:
    note = html.escape(cell_note(c, hazards))
    code = html.escape(c.code)
    return (
        f'<td class="code {_css_class(c.code)}" id="{ident}" tabindex="0" data-code="{code}" '
        f'data-case="{html.escape(c.case)}" title="{note}" data-note="{note}">{code}</td>'
    )


def page(report: Report) -> str:
    """The report as one self-contained HTML page (no network needed): hazards on top,
    the grids coloured, each cell's note on hover and on click."""
    e = html.escape
    hazards = {h.key: h for h in report.hazards}
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>xtensor {e(report.env['xtensor'])} interop report</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>xtensor {e(report.env['xtensor'])} interop report</h1>",
        '<ul id="environment">',
        *(f"<li>{e(line)}</li>" for line in _header(report)),
        "</ul>",
        '<section id="hazards">',
        "<h2>Hazards: where a peer breaks the DLPack contract or the process</h2>",
    ]
    present = report.present_hazards
    if not present:
        out.append("<p>None found among the peers installed.</p>")
    state = {True: "tested, works", False: "tested, FAILS", None: "not tested"}
    for h in present:
        fails = ' class="fails"' if h.workaround_ok is False else ""
        out += [
            f'<article{fails} data-key="{e(h.key)}" data-code="{e(h.code)}">',
            f'<h3><span class="code c-hazard">{e(h.code)}</span> {e(h.title)}</h3>',
            f"<p><b>versions:</b> {e(h.versions)}, on {e(h.device)}</p>",
            f"<p><b>what happens:</b> {e(h.happens)}</p>",
            f"<p><b>xtensor:</b> {e(h.xtensor)}</p>",
            f"<p><b>workaround ({state[h.workaround_ok]}):</b> {e(h.workaround)}"
            + (f": {e(h.workaround_detail)}" if h.workaround_ok is False else "")
            + "</p>",
            "</article>",
        ]
    for h in report.hazards:
        if h.present is False:
            out.append(
                f'<p class="fixed" data-key="{e(h.key)}">'
                f"fixed here ({e(h.versions)}): {e(h.title)}</p>"
            )
    out.append(
        '<p class="legend">A peer\'s hazard leaves the exit status at 0 (with --strict-peers, 3); '
        "a workaround that fails is xtensor's failure (1).</p></section>"
    )
    for device in report.devices:
        for section, title, columns, rows in _grids(report, device):
            ident = f"grid-{device.replace(':', '')}-{section}"
            out += [
                f"<h2>{e(device)}: {e(title)}</h2>",
                f'<table class="grid" id="{ident}" data-device="{e(device)}" '
                f'data-section="{section}">',
                "<thead><tr><th>exchange</th>"
                + "".join(f'<th class="col" title="{e(n)}">{e(s)}</th>' for n, s in columns)
                + "</tr></thead><tbody>",
            ]
            for r, (exchange, row) in enumerate(rows.items()):
                cells = "".join(
                    _cell(row[n], hazards, f"{ident}-{r}-{k}") if n in row else "<td></td>"
                    for k, (n, _) in enumerate(columns)
                )
                out.append(f'<tr data-exchange="{e(exchange)}"><th>{e(exchange)}</th>{cells}</tr>')
            out.append("</tbody></table>")
            cols, codes = grid_legend(
                section, _used(c for row in rows.values() for c in row.values())
            )
            if section == "layout":
                out.append(
                    '<p class="legend"><b>columns:</b> '
                    + "; ".join(f"<code>{e(s)}</code> {e(w)}" for s, w in cols)
                    + "</p>"
                )
            out.append(
                '<p class="legend"><b>cells:</b> '
                + "; ".join(f'<code class="{_css_class(c)}">{e(c)}</code> {e(w)}' for c, w in codes)
                + " (click a cell for its note)</p>"
            )
        protocol = _protocol(report, device)
        if protocol:
            ident = f"protocol-{device.replace(':', '')}"
            out += [
                f"<h2>{e(device)}: {e(PROTOCOL_TITLE)}</h2>",
                f'<table class="grid protocol" id="{ident}" data-device="{e(device)}">',
                "<thead><tr><th>code</th><th>case</th><th>exchange</th><th>outcome</th></tr></thead><tbody>",
            ]
            for r, c in enumerate(protocol):
                said = c.outcome + (f": {c.detail}" if c.detail else "")
                out.append(
                    f'<tr data-exchange="{e(c.exchange)}">{_cell(c, hazards, f"{ident}-{r}")}'
                    f"<td>{e(c.case)}</td><td>{e(c.exchange)}</td><td>{e(said)}</td></tr>"
                )
            out.append("</tbody></table>")
            _, codes = grid_legend("protocol", _used(protocol))
            out.append(
                '<p class="legend"><b>codes:</b> '
                + "; ".join(f'<code class="{_css_class(c)}">{e(c)}</code> {e(w)}' for c, w in codes)
                + "</p>"
            )
    found = notes(report)
    if found:
        out += ['<h2>Notes</h2><ul id="notes">', *(f"<li>{e(n)}</li>" for n in found), "</ul>"]
    fails = " fails" if not report.ok else ""
    out += [
        f'<p class="summary{fails}" id="summary">{e(summary(report))}</p>',
        '<div id="note" aria-live="polite">Click a cell to read its note.</div>',
        f"<script>{_JS}</script>",
        "</body></html>",
    ]
    return "\n".join(out) + "\n"
