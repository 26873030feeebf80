"""Every example in the documentation runs and prints what the page shows.

The pages under ``docs/`` are reStructuredText. Their ``>>>`` blocks are doctests,
run here with the standard library's doctest (no Sphinx needed), one test per page,
in page order with one namespace per page, as a reader would type them. Examples
marked ``# doctest: +CUDA`` need a GPU: they run in a second test per page, skipped
with the reason where there is none. (Sphinx hides ``# doctest:`` comments in the
built pages.)

The only other code blocks allowed are ``console`` blocks of shell commands; their
commands are checked here too: the pip extras they name exist, and the commands
that can run here do. Any other literal block fails the test, so no code in the
docs escapes it.

The API reference is generated from the docstrings (their examples run in
tests/test_doctests.py); the last tests check that it documents every public name
exactly once.
"""

from __future__ import annotations

import doctest
import functools
import importlib.util
import io
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import xtensor as xp

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.rst") if "_build" not in p.parts)
PAGE_IDS = [str(p.relative_to(DOCS)) for p in PAGES]
README = ROOT / "README.md"

CUDA = doctest.register_optionflag("CUDA")  # needs a GPU
NO_CUDA = doctest.register_optionflag("NO_CUDA")  # shows what happens without one
OPTIONS = doctest.ELLIPSIS


def _has_gpu() -> bool:
    return len(xp.__array_namespace_info__().devices()) > 1


def _page_test(page: Path, *, cuda_examples: bool) -> doctest.DocTest:
    """The page's examples as one doctest: those marked CUDA only when asked for,
    those marked NO_CUDA only on a machine without a GPU."""
    text = page.read_text(encoding="utf-8")
    if page.suffix == ".md":  # a fence line ends an example's output, as a blank line does
        text = re.sub(r"^```\w*$", "", text, flags=re.M)
    test = doctest.DocTestParser().get_doctest(text, {}, page.name, str(page), 0)
    gpu = _has_gpu()
    test.examples = [
        ex
        for ex in test.examples
        if (cuda_examples or not ex.options.get(CUDA)) and not (gpu and ex.options.get(NO_CUDA))
    ]
    return test


def _skip_unless_importable(test: doctest.DocTest) -> None:
    """Skip, with the reason, examples that import a library that is not installed."""
    source = "\n".join(ex.source for ex in test.examples)
    for name in sorted(set(re.findall(r"^\s*(?:import|from) +(\w+)", source, re.M))):
        if importlib.util.find_spec(name) is None:
            pytest.skip(f"{test.name} uses {name}, which is not installed")


def _failures(test: doctest.DocTest) -> str:
    """Run the examples; doctest's report of those that failed ("" when none did)."""
    report = io.StringIO()
    doctest.DocTestRunner(optionflags=OPTIONS).run(test, out=report.write, clear_globs=True)
    return report.getvalue()


def _check_page(page: Path, *, cuda_examples: bool) -> None:
    test = _page_test(page, cuda_examples=cuda_examples)
    _skip_unless_importable(test)
    if any("os.environ" in ex.source for ex in test.examples):
        # The page sets environment variables (SCIPY_ARRAY_API) before importing a
        # library, as a reader's fresh interpreter would: run it in one.
        argv = [sys.executable, __file__, str(page), "cuda" if cuda_examples else "cpu"]
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    else:
        failures = _failures(test)
        assert not failures, failures


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_examples_run_and_print_what_the_page_shows(page):
    _check_page(page, cuda_examples=False)


def test_readme_examples_run_and_print_what_it_shows():
    assert _count_examples(README) >= 5
    _check_page(README, cuda_examples=False)


CUDA_PAGES = [p for p in PAGES if "+CUDA" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("page", CUDA_PAGES, ids=[p.name for p in CUDA_PAGES])
def test_cuda_examples_run_and_print_what_the_page_shows(page):
    if not _has_gpu():
        pytest.skip("no CUDA device")
    _check_page(page, cuda_examples=True)


def test_the_docs_have_examples():
    # Guards the tests above against a parser that silently finds nothing.
    counts = dict(zip(PAGE_IDS, map(_count_examples, PAGES), strict=True))
    for page in ("index.rst", "getting-started.rst", "user-guide/tensor.rst"):
        assert counts[page] >= 5, counts


def _count_examples(page: Path) -> int:
    return len(_page_test(page, cuda_examples=True).examples)


# --- the other code blocks --------------------------------------------------------------

_DIRECTIVE = re.compile(r"^(\s*)\.\. (code-block|code|sourcecode|literalinclude)::\s*(\S*)", re.M)
_LITERAL = re.compile(r"(?<!:):\s*$")  # a paragraph ending in "::" starts a literal block


def _console_blocks(page: Path) -> list[list[str]]:
    """The ``$`` command lines of each ``code-block:: console`` on the page."""
    blocks: list[list[str]] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        m = _DIRECTIVE.match(line)
        if not m:
            continue
        body = []
        for following in lines[i + 1 :]:
            if following.strip() and not following.startswith(m.group(1) + "   "):
                break
            body.append(following.strip())
        blocks.append([b[2:] for b in body if b.startswith("$ ")])
    return blocks


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_no_untested_code_blocks(page):
    text = page.read_text(encoding="utf-8")
    for m in _DIRECTIVE.finditer(text):
        assert m.group(2) == "code-block" and m.group(3) == "console", (
            f"{page.name}: a {m.group(2)}:: {m.group(3)} block is not tested; write Python "
            "as >>> examples (they run in this test) and shell commands as console blocks"
        )
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.rstrip()
        if stripped.endswith("::") and not stripped.lstrip().startswith(".."):
            pytest.fail(f"{page.name}:{n}: a '::' literal block is not tested: {line!r}")


@functools.cache
def _report() -> tuple[int, str]:
    """``python -m xtensor``, run once: its exit status and output."""
    done = subprocess.run(
        [sys.executable, "-m", "xtensor"], capture_output=True, text=True, check=False
    )
    return done.returncode, done.stdout + done.stderr


def _extras() -> set[str]:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return set(tomllib.load(f)["project"]["optional-dependencies"])


SHELL_PAGES = [p for p in PAGES if _console_blocks(p)]


@pytest.mark.parametrize("page", SHELL_PAGES, ids=[p.name for p in SHELL_PAGES])
def test_console_commands(page):
    commands = [c for block in _console_blocks(page) for c in block]
    assert commands, f"{page.name}: a console block without '$ ' commands"
    extras = _extras()
    for command in commands:
        install = re.match(r'python -m pip install (?:-e )?"?\.(?:\[([\w,]+)\])?"?', command)
        if install:
            named = set(filter(None, (install.group(1) or "").split(",")))
            assert named <= extras, f"{command!r} names extras that pyproject.toml lacks"
        elif command == "python -m xtensor":
            returncode, output = _report()
            assert returncode == 0, output
        elif command.startswith("python -m xtensor "):
            # Its options exist and parse (argparse exits on a wrong one); the report
            # itself ran above, and its options are tested in tests/test_main.py.
            from xtensor.__main__ import _parser

            _parser().parse_args(shlex.split(command)[3:])
        elif command.startswith("python -m sphinx "):
            assert "-W" in command.split(), "the docs build treats warnings as errors"
        elif re.match(r"(SCIPY_ARRAY_API=1 )?python -m pytest( |$)", command):
            assert (ROOT / "conformance").is_dir()
        else:
            pytest.fail(f"{page.name}: the command {command!r} is not checked by this test")


# --- the API reference documents every public name exactly once -------------------------

_AUTODOC = re.compile(
    r"^\.\. (?:auto(?:function|class|data|attribute|method|exception|module)"
    r"|py:(?:data|function|class))::\s*(\S+)",
    re.M,
)


def _documented() -> list[str]:
    names = []
    for page in sorted((DOCS / "api").glob("*.rst")):
        names += _AUTODOC.findall(page.read_text(encoding="utf-8"))
    return names


def _public() -> set[str]:
    names = {f"xtensor.{n}" for n in xp.__all__ if n not in ("linalg", "fft")}
    names |= {f"xtensor.linalg.{n}" for n in xp.linalg.__all__}
    names |= {f"xtensor.fft.{n}" for n in xp.fft.__all__}
    return names


def test_api_reference_documents_every_public_name_once():
    documented = [n for n in _documented() if n.count(".") < 2 or not _is_member(n)]
    missing = _public() - set(documented)
    # Types of private modules that public functions return (such as the inspection
    # namespace's) may be documented too.
    extra = {n for n in documented if "._" not in n} - _public()
    repeated = {n for n in documented if documented.count(n) > 1}
    assert not missing, f"public names missing from docs/api: {sorted(missing)}"
    assert not extra, f"docs/api documents names that are not public: {sorted(extra)}"
    assert not repeated, f"documented more than once: {sorted(repeated)}"


def _is_member(name: str) -> bool:
    """Whether ``name`` is ``xtensor.<Class>.<member>`` (a method or attribute)."""
    parts = name.split(".")
    return len(parts) == 3 and parts[1][:1].isupper()


def test_api_reference_documents_every_tensor_member():
    documented = {n.rsplit(".", 1)[1] for n in _documented() if n.startswith("xtensor.Tensor.")}
    public = {n for n in vars(xp.Tensor) if not n.startswith("_")}
    protocol = {
        "__array_namespace__",
        "__dlpack__",
        "__dlpack_device__",
        "__getitem__",
        "__setitem__",
        "__array__",
    }
    assert public | protocol <= documented, sorted(public | protocol - documented)


if __name__ == "__main__":
    # python tests/test_docs.py PAGE cpu|cuda: run one page's examples in this process.
    report = _failures(_page_test(Path(sys.argv[1]), cuda_examples=sys.argv[2] == "cuda"))
    print(report, end="")
    sys.exit(1 if report else 0)


def test_readme_has_exactly_the_two_set_up_commands():
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    assert [b.strip() for b in blocks] == [
        "python -m pip install . && python -m xtensor",
        'python -m pip install -e ".[test,peers]" && python -m pytest',
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pip install -q . && python -m xtensor" in ci
    assert 'python -m pip install -q -e ".[test,peers]" && python -m pytest' in ci
