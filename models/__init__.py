"""Data the pipeline loads, installed as `extractor.models`: one language pack per folder
(`hi/`: pipeline.cfg, lexicons/, ner/, training/), found through importlib.resources."""
