"""The version, in one place: the package metadata (pyproject) and every output that names it
(SARIF, the web footer, the store's engine fingerprint) read it from here."""

__version__ = "0.1.0"
