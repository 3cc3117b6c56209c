"""explainer: a terminal explainer of one news story, with a quiz.

The package is split so that the content model never needs the UI:

- :mod:`explainer.pack`: content model, loader, scoring (pydantic, no Textual)
- :mod:`explainer.cli`: the click command line
- :mod:`explainer.app`: the Textual app, its screens and widgets
"""

__version__ = "0.1.0"
"""The package version; hatchling reads it from here when building."""
