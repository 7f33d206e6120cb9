"""Reading and writing register files. Imports only `ropa.model`."""

from ropa.io.dumping import dump, dumps
from ropa.io.errors import Problem, RegisterError
from ropa.io.loading import load, load_text

__all__ = ["Problem", "RegisterError", "dump", "dumps", "load", "load_text"]
