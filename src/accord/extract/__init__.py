"""The per-document extractors (spaCy components). Importing any of them registers the `Doc` extensions
they share, so `accord_quotes`, `accord_claims` and `accord_events` work in a stock spaCy pipeline."""

from accord.extract.extensions import register_extensions

register_extensions()
