"""explainer: a terminal explainer of one news story, with a quiz.

The package is split so that the content model never needs the UI:

- :mod:`explainer.pack`: content model, loader, scoring (pydantic, no Textual)
- :mod:`explainer.cli`: the click command line
- :mod:`explainer.app`: the Textual app, its screens and widgets
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("explainer")
except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0.0.0"
