"""Sphinx configuration of xtensor's documentation.

Build it with ``python -m sphinx -W --keep-going -b html docs docs/_build/html``
(``pip install -e ".[docs]"`` first). Every ``>>>`` example in these pages is run
by ``tests/test_docs.py``.
"""

from __future__ import annotations

import os
import sys

# Document the xtensor next to this directory (the checkout), not an installed one.
sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))

import xtensor  # noqa: E402

project = "xtensor"
author = "the xtensor developers"
copyright = "the xtensor developers"
version = release = xtensor.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "numpydoc",
]

# The PyData theme, because it is what NumPy, SciPy, scikit-learn and the array API
# standard's own documentation use: readers of an array library already know its layout.
html_theme = "pydata_sphinx_theme"
html_title = f"xtensor {release}"
html_theme_options = {"navigation_with_keys": False, "show_toc_level": 2}
# Long error messages in code blocks wrap rather than run off the page.
html_static_path = ["_static"]
html_css_files = ["xtensor.css"]

exclude_patterns = ["_build"]

# Warnings are errors in the build (-W), and every cross reference must resolve.
nitpicky = True
# No intersphinx (it would need the network at build time): the standard library's
# names (types in signatures, modules and functions the pages mention, such as
# copy.deepcopy), and the private types public signatures mention, are not links.
_STDLIB = "|".join(sorted(sys.stdlib_module_names))
nitpick_ignore_regex = [
    ("py:.*", rf"({_STDLIB})(\.\w+)*"),
    ("py:class", r"xtensor\._\w+\.\w+"),
]

# The docstrings are NumPy style. Validation is off: the build checks that the pages
# build, tests/test_docs.py checks that every public name is documented.
numpydoc_validation_checks: set[str] = set()
numpydoc_show_class_members = False
numpydoc_xref_param_type = False
numpydoc_class_members_toctree = False

autodoc_typehints = "signature"
autodoc_member_order = "bysource"
autodoc_default_options = {"exclude-members": "__init__, __new__"}
autosummary_generate = False

# ``# doctest: +FLAG`` comments are not shown in the pages.
trim_doctest_flags = True


def _no_constructor_signature(app, what, name, obj, options, signature, return_annotation):
    """Tensor has no public constructor: show no signature (``__new__`` only refuses)."""
    if what == "class" and name == "xtensor.Tensor":
        return "", None
    return None


def setup(app):
    app.connect("autodoc-process-signature", _no_constructor_signature)
