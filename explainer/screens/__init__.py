"""The app's screens, one module (and one .tcss file) each.

Main flow (one at a time, switched): welcome, explainer (reading), quiz, results.
On top of any of them: glossary, timeline, sources, help, a read-only section, and the
too-small message.
"""
