"""``python -m xtensor``: the interop conformance report.

It runs, never raises, opens with the peers' hazards (each measured, with a workaround
that is run), prints a grid of producer x consumer x check for every installed peer
and device with a legend under each, one line per missing peer, the same report as
JSON, Markdown and one HTML page that agree cell by cell, and exits 0 exactly when
every promise xtensor makes holds (3 with --strict-peers when a peer has a hazard).
"""

import dataclasses
import functools
import html.parser
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pytest

import xtensor as xp
from xtensor import __main__ as cli
from xtensor import _child, _hazards, _render
from xtensor import _report as report

COLUMNS = _render.COLUMNS


@functools.cache
def _run() -> _hazards.Report:
    """One run of the whole report, shared by the tests that only read it."""
    return _hazards.run_report()


def _main(capsys, argv, result=None, monkeypatch=None):
    if result is not None:
        monkeypatch.setattr(cli, "run_report", lambda devices, peers: result)
    status = cli.main(argv)
    return status, capsys.readouterr().out


def _report_with(checks=(), hazards=()) -> _hazards.Report:
    real = _run()
    return dataclasses.replace(real, checks=list(checks), hazards=list(hazards))


def _has(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


# --- the text ------------------------------------------------------------------------------


def test_report_text(capsys, monkeypatch):
    status, out = _main(capsys, ["--color", "never"], _run(), monkeypatch)
    assert status == 0
    assert f"xtensor {xp.__version__}" in out
    assert "array API standard 2025.12, extensions: fft, linalg" in out
    assert "devices: cpu" in out
    assert "== cpu: zero-copy by layout (float64) ==" in out
    assert "== cpu: zero-copy by dtype (C order) ==" in out
    assert "numpy -> xtensor.from_dlpack" in out
    assert "xtensor -> numpy.from_dlpack" in out
    assert "every promise xtensor makes holds" in out
    assert "Traceback" not in out
    # hazards first, then the grids
    assert out.index("== hazards") < out.index("== cpu: zero-copy by layout")
    assert "\033[" not in out


def test_a_legend_under_each_grid_with_columns_and_codes_that_differ(capsys, monkeypatch):
    _, out = _main(capsys, ["--color", "never"], _run(), monkeypatch)
    for layout in report.LAYOUTS:
        assert f"{layout.short} = " in out
    shorts = {layout.short for layout in report.LAYOUTS}
    codes = {code for code, _ in report.OUTCOME_LEGEND} | set(report.HAZARD_CODES)
    assert not shorts & codes and all(len(s) > 1 for s in shorts)
    grids = out.count("== cpu: zero-copy by")
    assert out.count("  cells: ") >= grids == 2
    # each legend names the codes its grid uses
    layout_part = out[out.index("by layout") : out.index("by dtype")]
    assert "S = shares memory" in layout_part and "- = the producer cannot make it" in layout_part


def test_notes_are_never_cut(capsys, monkeypatch):
    long = "a reason " * 60 + "THE END"
    check = report.Check(
        "layout",
        "xtensor -> jax.dlpack.from_dlpack",
        "cpu",
        "step slices",
        report.REFUSES,
        long,
        "",
        True,
    )
    result = _report_with([check])
    _, out = _main(capsys, ["--color", "never"], result, monkeypatch)
    assert "THE END" in out and all(len(line) <= 110 for line in out.splitlines())
    _, out = _main(capsys, ["--json"], result, monkeypatch)
    assert json.loads(out)["checks"][0]["detail"] == long


def test_capsule_events_are_in_words():
    text = _render.text(_run())
    assert "used_..." not in text
    assert "marked used (renamed used_dltensor" in text
    assert "gets a versioned capsule, DLPack 1.0" in text


def test_one_line_per_missing_peer(capsys, monkeypatch):
    real_find_spec = importlib.util.find_spec

    def find_spec(name, *args, **kwargs):
        return None if name == "torch" else real_find_spec(name, *args, **kwargs)

    def broken_lib(self):
        if self.module == "jax":
            raise ImportError("libjax.so: cannot open shared object file")
        return importlib.import_module(self.module)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    monkeypatch.setattr(report.Peer, "lib", broken_lib)
    assert cli.main(["--color", "never"]) == 0
    out = capsys.readouterr().out
    assert out.count("torch not installed") == 1
    assert out.count("jax cannot be imported (ImportError: libjax.so") == 1
    assert "torch -> xtensor.as_tensor" not in out  # no rows that only say so
    assert "not available" not in out
    assert "Traceback" not in out


def test_report_names_missing_gpu_and_peers():
    out = _render.text(_run())
    if report.devices() == ["cpu"]:
        assert "no GPU: " in out
    for name in ("numpy", "torch", "jax", "array_api_strict", "cupy"):
        installed = importlib.util.find_spec(name) is not None
        assert (f"{name} not installed" in out) == (not installed) or name == "numpy"


# --- the hazards ---------------------------------------------------------------------------


def _hazard(key):
    return next(h for h in _run().hazards if h.key == key)


def test_pytorch_hazards_are_found_with_versions_and_working_workarounds():
    if not _has("torch"):
        pytest.skip("torch not installed")
    import torch

    for key, code in (
        (report.TORCH_READ_ONLY, "W"),
        (report.TORCH_NEGATIVE_STRIDES_ABORT, "A"),
        (report.TORCH_NEGATIVE_BIT, "N"),
    ):
        h = _hazard(key)
        assert h.present and h.code == code, h
        assert h.workaround_ok is True, h.workaround_detail
        assert f"torch {torch.__version__}" in h.versions
    assert "SIG" in _hazard(report.TORCH_NEGATIVE_STRIDES_ABORT).happens  # it died, in a child
    text = _render.text(_run())
    hazards = text[text.index("== hazards") : text.index("== cpu:")]
    assert "PyTorch ignores DLPack's READ_ONLY flag" in hazards
    assert "workaround (tested, works)" in hazards


def test_hazard_cells_have_their_own_codes():
    if not _has("torch"):
        pytest.skip("torch not installed")
    cells = {(c.exchange, c.case): c for c in _run().checks if c.section == "layout"}
    assert cells["xtensor -> torch.from_dlpack", "read-only"].code == "W"
    assert cells["xtensor -> torch.from_dlpack", "zero strides"].code == "W"
    assert cells["xtensor -> torch.from_dlpack", "negative strides"].code == "A"
    assert cells["xtensor -> torch.from_dlpack", "C order"].code == "S"
    negative_bit = [c for c in _run().checks if c.case == "negative bit"]
    assert negative_bit and all(c.code == "N" for c in negative_bit)


def test_the_read_only_probe_fails_when_pytorch_is_faked_fixed(monkeypatch):
    torch = pytest.importorskip("torch")
    assert hasattr(_hazards, "_torch_read_only")
    assert _hazards._torch_read_only().present
    real = torch.from_dlpack

    def honours_read_only(x, *args, **kwargs):
        out = real(x, *args, **kwargs)
        return out.clone()  # as if PyTorch copied what it cannot keep read-only

    monkeypatch.setattr(torch, "from_dlpack", honours_read_only)
    fixed = _hazards._torch_read_only()
    assert fixed.present is False and fixed.workaround_ok


def test_the_negative_bit_probe_fails_when_pytorch_is_faked_fixed(monkeypatch):
    torch = pytest.importorskip("torch")
    assert _hazards._torch_negative_bit().present
    real = torch.Tensor.__dlpack__

    def negates(self, *args, **kwargs):
        return real(self.resolve_neg(), *args, **kwargs)

    monkeypatch.setattr(torch.Tensor, "__dlpack__", negates)
    assert _hazards._torch_negative_bit().present is False


def test_the_abort_probe_reads_the_child_it_ran():
    survived = {"values": [3.0, 2.0, 1.0, 0.0]}
    via = {"values": [3.0, 2.0, 1.0, 0.0], "shared": False}
    assert _hazards._torch_negative_strides({"died": "SIGABRT"}, via).present
    fixed = _hazards._torch_negative_strides(survived, via)
    assert fixed.present is False and fixed.workaround_ok
    broken = _hazards._torch_negative_strides({"died": "SIGABRT"}, {"died": "SIGABRT"})
    assert broken.workaround_ok is False and not broken.ok


def test_the_jax_copy_probe_fails_when_jax_is_faked_fixed(monkeypatch):
    jax = pytest.importorskip("jax")
    assert _hazards._jax_copy_true().present
    real = jax.numpy.from_dlpack

    def copies(x, *args, copy=None, **kwargs):
        out = real(x, *args, **kwargs)
        return jax.numpy.array(np.array(out), copy=True) if copy else out

    monkeypatch.setattr(jax.numpy, "from_dlpack", copies)
    assert _hazards._jax_copy_true().present is False


def test_xtensor_without_its_protection_breaks_a_promise(monkeypatch):
    # Faked away: PyTorch no longer gets a copy of read-only tensors: exit status 1.
    pytest.importorskip("torch")
    from xtensor import _peer_gaps

    monkeypatch.setattr(_peer_gaps, "why_not_share_with_torch", lambda array: None)
    ex = report.Exchange(report.XtensorPeer(), report.TorchPeer().entries()[0])
    check = report.matrix_check(ex, report.layout_named("read-only"), "float64", "layout")
    assert not check.ok and check.code.endswith("!")
    assert not _hazards._torch_read_only().workaround_ok


def test_a_hazard_does_not_fail_the_exit_status_unless_strict_peers(capsys, monkeypatch):
    hazard = _hazards.Hazard(
        "torch-read-only",
        "W",
        "torch",
        "cpu",
        "PyTorch ignores READ_ONLY",
        "torch 9",
        True,
        "it wrote",
        "copies",
        "xp.tensor(t)",
        True,
    )
    result = _report_with(_run().checks, [hazard])
    assert _main(capsys, [], result, monkeypatch)[0] == 0
    assert _main(capsys, ["--strict-peers"], result, monkeypatch)[0] == 3
    failed = dataclasses.replace(hazard, workaround_ok=False, workaround_detail="it wrote")
    status, out = _main(capsys, ["--color", "never"], _report_with([], [failed]), monkeypatch)
    assert status == 1 and "FAILS hazard torch-read-only" in out


# --- exit status, options ------------------------------------------------------------------


def test_a_broken_promise_exits_1_and_is_shown(capsys, monkeypatch):
    broken = report.Check(
        "layout", "numpy -> xtensor.as_tensor", "cpu", "C order", report.COPIES, "", "shares", False
    )
    result = _report_with([broken])
    status, out = _main(capsys, ["--color", "never"], result, monkeypatch)
    assert status == 1
    assert "C!" in out
    assert "FAILS cpu numpy -> xtensor.as_tensor, C order: copies" in out
    assert "1 of 1 checks break a promise" in out
    status, out = _main(capsys, ["--json"], result, monkeypatch)
    assert status == 1 and json.loads(out)["ok"] is False


def test_a_failing_report_is_one_line_and_exit_2(capsys, monkeypatch):
    def fail(devices, peers):
        raise RuntimeError("no memory")

    monkeypatch.setattr(cli, "run_report", fail)
    assert cli.main([]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == "python -m xtensor: the report failed: RuntimeError: no memory"


def test_peer_and_device_filters(capsys):
    status = cli.main(
        ["--json", "--peer", "numpy", "--peer", "array_api_strict", "--device", "cpu"]
    )
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    for c in data["checks"]:
        assert c["device"] == "cpu"
        assert "numpy" in c["exchange"] or "array_api_strict" in c["exchange"], c
    assert {h["peer"] for h in data["hazards"]} <= {"numpy", "array_api_strict"}
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--device", "cuda:7"])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit):
        cli.main(["--peer", "tensorflow"])


def test_version_and_help_list_codes_and_exit_statuses():
    version = subprocess.run(
        [sys.executable, "-m", "xtensor", "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.strip() == f"xtensor {xp.__version__} (array API standard 2025.12)"
    done = subprocess.run(
        [sys.executable, "-m", "xtensor", "--help"], capture_output=True, text=True, check=True
    )
    for option in ("--json", "--markdown", "--html", "--peer", "--device", "--strict-peers"):
        assert option in done.stdout
    for code, _ in report.OUTCOME_LEGEND:
        assert f"\n  {code}  " in done.stdout
    for code in report.HAZARD_CODES:
        assert f"\n  {code}  " in done.stdout
    assert "exit status:" in done.stdout
    for status in "0123":
        assert f"\n  {status}  " in done.stdout


def test_colour_in_a_terminal_never_with_no_color_or_a_pipe(monkeypatch):
    class Terminal:
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    assert cli.use_colour("auto", Terminal())
    with tempfile.TemporaryFile("w") as piped:
        assert not cli.use_colour("auto", piped)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli.use_colour("auto", Terminal())
    assert cli.use_colour("always", Terminal())
    coloured = _render.text(_run(), colour=True)
    assert "\033[" in coloured
    assert re.sub(r"\033\[[0-9;]*m", "", coloured) == _render.text(_run())


# --- the four outputs agree ------------------------------------------------------------------


def _from_text(out: str) -> tuple[dict, set]:
    """The codes of every cell, and of the hazards, as the text shows them."""
    cells: dict = {}
    head = out[out.index("== hazards") : out.index("== cpu:")]
    hazards = {m.group(1) for m in re.finditer(r"^([A-Z])  \S", head, re.M)}
    device = section = start = columns = None
    for line in out.splitlines():
        heading = re.match(r"== (\S+): (zero-copy by (layout|dtype)|copy and device)", line)
        if heading:
            device, section, start = heading.group(1), heading.group(3) or "protocol", None
            columns = _render.COLUMNS[section][1] if section != "protocol" else None
            continue
        if line.startswith("=="):
            section = None
        if section in COLUMNS and start is None:  # the columns' heads
            start = len(line) - len(line.lstrip())
            continue
        if section is None or line.startswith("    ") or not line.strip():
            continue
        if section == "protocol":
            m = re.match(r"(\S+)\s+(.+?)\s{2,}(.+?): ", line)
            if m and not line.startswith(" "):
                key = (device, "protocol", m.group(3), m.group(2))
                cells.setdefault(key, []).append(m.group(1))
        elif not re.match(r"  (columns|cells): ", line):
            exchange, codes = line[2 : start - 1].strip(), line[start:].split()
            for (case, _), code in zip(columns, codes, strict=True):
                cells[(device, section, exchange, case)] = code
    return cells, hazards


class _Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells, self.hazards = {}, set()
        self.table = self.row = None
        self.case_of = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and "data-device" in a:
            self.table = (a["data-device"], a.get("data-section", "protocol"))
        elif tag == "tr" and "data-exchange" in a:
            self.row = a["data-exchange"]
        elif tag == "td" and "data-code" in a and self.table:
            key = (*self.table, self.row, a["data-case"])
            if self.table[1] == "protocol":
                self.cells.setdefault(key, []).append(a["data-code"])
            else:
                self.cells[key] = a["data-code"]
        elif tag == "article" and "data-code" in a:
            self.hazards.add(a["data-code"])


def _from_markdown(md: str) -> tuple[dict, set]:
    cells, hazards = {}, set()
    device = section = columns = None
    for line in md.splitlines():
        m = re.match(r"## (\S+): zero-copy by (layout|dtype)", line)
        if m:
            device, section = m.group(1), m.group(2)
            columns = _render.COLUMNS[section][1]
            continue
        if re.match(r"## (\S+): copy and device", line):
            device, section = line.split()[1].rstrip(":"), "protocol"
            continue
        if line.startswith("## Hazards"):
            section = "hazards"
            continue
        if line.startswith("## "):
            section = None
            continue
        if not line.startswith("| ") or line.startswith("|---"):
            continue
        parts = [p.strip() for p in re.split(r"(?<!\\)\|", line)[1:-1]]
        if section == "hazards" and parts[0].startswith("`"):
            hazards.add(parts[0].strip("`"))
        elif section in ("layout", "dtype") and parts[0] != "exchange":
            for (case, _), code in zip(columns, parts[1:], strict=True):
                cells[(device, section, parts[0], case)] = code.strip("`")
        elif section == "protocol" and parts[0] != "code":
            key = (device, "protocol", parts[2].replace("\\|", "|"), parts[1])
            cells.setdefault(key, []).append(parts[0].strip("`"))
    return cells, hazards


def test_text_json_markdown_and_html_agree(tmp_path, capsys, monkeypatch):
    result = _run()
    page = tmp_path / "report.html"
    status, out = _main(capsys, ["--json", "--html", str(page)], result, monkeypatch)
    data = json.loads(out)
    expected = {}
    for c in data["checks"]:
        key = (c["device"], c["section"], c["exchange"], c["case"])
        if c["section"] == "protocol":
            expected.setdefault(key, []).append(c["code"])
        else:
            expected[key] = c["code"]
    hazards = {h["code"] for h in data["hazards"] if h["present"]}
    assert len(expected) > 400
    text_cells, text_hazards = _from_text(_render.text(result))
    md_cells, md_hazards = _from_markdown(_render.markdown(result))
    parsed = _Page()
    parsed.feed(page.read_text(encoding="utf-8"))
    assert text_cells == expected
    assert md_cells == expected
    assert parsed.cells == expected
    assert text_hazards == md_hazards == parsed.hazards == hazards
    assert status == data["exit_status"] == 0
    summary = _render.summary(result)
    assert data["summary"] == summary and summary in page.read_text(encoding="utf-8")


def test_html_is_one_self_contained_page(tmp_path):
    page = _render.page(_run())
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)=["'](https?:)?//""", page)  # nothing from a network
    assert page.index('id="hazards"') < page.index('class="grid"')
    assert "<script>" in page and "<style>" in page


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("XTENSOR_CI"):
        pytest.fail("CI must render the HTML report: install chromium (apt-get install chromium)")
    pytest.skip("chromium is not installed: the HTML report is not rendered here")


def test_html_renders_in_headless_chromium(tmp_path):
    browser = _chromium()
    result = _run()
    page = tmp_path / "report.html"
    page.write_text(_render.page(result), encoding="utf-8")
    done = subprocess.run(
        [
            browser,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    dom = done.stdout
    assert done.returncode == 0 and "</html>" in dom, done.stderr[-2000:]
    rendered = _Page()
    rendered.feed(dom)
    grid_cells = [c for c in result.checks]
    # the script ran: it counted the cells it made clickable
    ready = re.search(r'<body[^>]*data-ready="(\d+)"', dom)
    assert ready and int(ready.group(1)) == len(grid_cells)
    assert 'id="grid-cpu-layout"' in dom and 'id="grid-cpu-dtype"' in dom
    assert rendered.hazards == {h.code for h in result.present_hazards}
    assert 'id="hazards"' in dom and dom.index('id="hazards"') < dom.index('id="grid-cpu-layout"')
    assert len([k for k in rendered.cells if k[1] == "layout"]) == len(
        [c for c in result.checks if c.section == "layout"]
    )


def test_markdown_has_the_hazards_and_the_grids():
    md = _render.markdown(_run())
    assert md.startswith("# xtensor interop report")
    assert "## Hazards" in md and "## cpu: zero-copy by layout (float64)" in md
    assert md.index("## Hazards") < md.index("## cpu:")


# --- the checks themselves ------------------------------------------------------------------


def test_json_agrees_with_the_checks(capsys, monkeypatch):
    result = _run()
    status, out = _main(capsys, ["--json"], result, monkeypatch)
    data = json.loads(out)
    assert status == 0 and data["ok"] is True
    assert data["array_api_version"] == "2025.12"
    assert data["extensions"] == ["fft", "linalg"]
    assert data["devices"] == report.devices()
    assert set(data["peers"]) == {"numpy", "torch", "jax", "array_api_strict", "cupy"}
    got = {(c["exchange"], c["device"], c["case"], c["section"]) for c in data["checks"]}
    assert len(got) == len(data["checks"]) == len(result.checks)
    assert set(data["legend"]["codes"]) >= set(report.HAZARD_CODES)


def test_every_promise_holds_here():
    failed = [f"{c.exchange} {c.case}: {c.outcome} ({c.detail})" for c in _run().checks if not c.ok]
    failed += [f"hazard {h.key}: {h.workaround_detail}" for h in _run().failed_hazards]
    assert not failed, "\n".join(failed)


def test_report_covers_every_peer_and_check():
    checks = _run().checks
    sections = {c.section for c in checks}
    assert sections == {"layout", "dtype", "protocol"}
    cases = {c.case for c in checks if c.section == "protocol"}
    assert {"copy=True", "copy=False", "device='cpu'", "capsule", "lifetime", "round trip"} <= cases
    exchanges = {c.exchange for c in checks}
    for ex in report.exchanges("cpu"):
        if ex.unavailable() is None:
            assert ex.label in exchanges
    shared = [c for c in checks if c.outcome == report.SHARES]
    assert len(shared) > 100  # sharing is measured, not assumed


def test_the_jax_round_trip_shares():
    if not _has("jax"):
        pytest.skip("jax not installed")
    trip = [c for c in _run().checks if c.case == "round trip" and c.exchange.startswith("jax ")]
    assert [c.outcome for c in trip] == [report.SHARES]


def test_a_failing_exchange_is_a_line_not_a_traceback():
    def explode(x):
        raise RuntimeError("boom")

    ex = report.Exchange(report.NumPyPeer(), report.Entry("boom", report.XtensorPeer(), explode))
    check = report.matrix_check(ex, report.C_ORDER, "float64", "layout")
    assert check.outcome == report.REFUSES and not check.ok
    assert "RuntimeError: boom" in check.detail


def test_a_child_that_dies_is_a_result_and_the_rest_still_run():
    child = _child.Child(
        [
            ("os", "getpid", None),  # a result that is not JSON-able args: getpid() takes none
            ("xtensor._hazards", "torch_negative_strides_via_xtensor", None),
        ]
    )
    first, second = child.results()
    assert _child.died(first) is not None and "exit status 1" in _child.died(first)
    assert _child.died(second) is None or not _has("torch")


def test_what_an_older_peer_cannot_make_is_not_held_against_xtensor(monkeypatch):
    def no_uint64(self, values):
        if values.dtype.name == "uint64":
            raise TypeError("can't convert np.ndarray of type numpy.uint64")
        return self.lib().from_numpy(values.copy())

    monkeypatch.setattr(report.TorchPeer, "base", no_uint64)
    ex = report.Exchange(report.TorchPeer(), report.XtensorPeer().entries()[2])
    if ex.unavailable():
        pytest.skip(ex.unavailable())
    check = report.matrix_check(ex, report.C_ORDER, "uint64", "dtype")
    assert check.ok and check.outcome == report.NA
    assert "torch cannot make it: TypeError" in check.detail
    # xtensor failing to make its own tensor is a failure
    monkeypatch.setattr(report.XtensorPeer, "base", no_uint64)
    ours = report.Exchange(report.XtensorPeer(), report.NumPyPeer().entries()[0])
    assert not report.matrix_check(ours, report.C_ORDER, "uint64", "dtype").ok


# --- as a program ---------------------------------------------------------------------------


def test_report_runs_as_a_module_quickly():
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "xtensor"], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Traceback" not in done.stdout + done.stderr
    assert "\033[" not in done.stdout  # piped: plain text
    assert elapsed < 60  # a few seconds, most of it importing torch and JAX


def test_report_piped_into_a_reader_that_stops_early_prints_no_traceback():
    done = subprocess.run(
        f"{sys.executable} -m xtensor --json | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr


def test_the_readme_shows_the_real_report():
    if not (_has("torch") and _has("jax")):
        pytest.skip("the README's excerpt is of a report with PyTorch and JAX")
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    excerpt = re.search(r"```text\n(.*?)```", readme, re.S).group(1)
    real = _render.text(_run()).splitlines()
    shown = [line for line in excerpt.splitlines() if line != "..."]
    assert len(shown) > 8
    for line in shown:
        assert line in real, line
    assert "--html" in readme


def test_ci_has_the_peers_and_the_browser():
    # .ci/run sets XTENSOR_CI: there the JAX and PyTorch rows must run.
    if not os.environ.get("XTENSOR_CI"):
        pytest.skip("not in CI (XTENSOR_CI is not set)")
    for name in ("torch", "jax"):
        assert _has(name), f"CI must install {name} (the peers extra)"
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "chromium" in ci
