"""The shared model cache: content-addressed blobs, refs, offline mode (docs/cache.md)."""
