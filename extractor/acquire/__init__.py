"""Acquisition: from a command-line input to clean text, in the order a document meets the modules.

    sources   files, folders, JSONL dumps, URLs and .urls lists -> RawDocument (size limits here)
    fetch     download a URL (timeouts, size cap, retries)
    urlguard  refuse URLs whose addresses are not public, on every redirect (API, follow)
    decode    bytes -> text (UTF-8, UTF-16, ISCII-91; binary refused)
    webpage   HTML -> main text, title, date, site name (trafilatura)
    clean     RawDocument -> Document: boilerplate lines dropped, Hindi normalised
    language  which language the clean text is in (script shares and stop words)
    krutidev  legacy Kruti Dev font text converted to Unicode Devanagari
"""
