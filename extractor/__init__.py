"""Information extraction from Hindi news articles and government press releases."""
__version__ = "0.1.0"
