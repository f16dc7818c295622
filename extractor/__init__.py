"""Information extraction from Hindi news articles and government press releases."""
from ._spacy_import import import_spacy_without_cli

__version__ = "0.1.0"
import_spacy_without_cli()
