"""Information extraction from Hindi news articles and government press releases."""
from . import _spacy_import

__version__ = "0.1.0"
_spacy_import.install()
