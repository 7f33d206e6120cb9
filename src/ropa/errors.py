"""The one root of ropa's errors, and the kinds a caller handles differently.

This module imports nothing of ropa: every package may import it (docs/api.md, "Errors").

    RopaError
    ├── RegisterError (also a ValueError)         an invalid register: `problems`, each located
    ├── RegisterFileNotFoundError (also a FileNotFoundError)   no register file at the path given
    ├── TemplateError                             a template folder or template that cannot be used
    │   ├── MissingTemplateError (also a FileNotFoundError)   none for the language asked for
    │   └── PolicyTemplateError (also a ValueError)  a template that fails (ropa.render.policy)
    ├── CatalogueError (also a LookupError)       a catalogue of wording that lacks a message
    └── OutputError (also an OSError)             an output that cannot be written where asked
"""

from __future__ import annotations

__all__ = ["CatalogueError", "MissingTemplateError", "OutputError", "RopaError", "TemplateError"]


class RopaError(Exception):
    """Anything ropa refuses or cannot do; catch it to handle every error of ropa at once."""


class TemplateError(RopaError):
    """A template folder or a template that cannot be used: missing, refused, or failing while rendering."""


class MissingTemplateError(TemplateError, FileNotFoundError):
    """A template folder has no template for the language or the output asked for."""


class CatalogueError(RopaError, LookupError):
    """A catalogue of wording lacks a message ropa needs (docs/languages.md)."""


class OutputError(RopaError, OSError):
    """An output that cannot be written where it was asked to go."""
