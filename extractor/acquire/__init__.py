"""Acquisition: inputs, fetching, decoding and cleaning, in the order a document meets them."""
