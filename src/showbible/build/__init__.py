"""Compiling a universe: the extraction pipeline and its caches, whole builds (``compiler``),
the resident session and its patches, `check`, and the watcher that wakes them."""
