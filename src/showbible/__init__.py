"""showbible: a continuity engine for shared universes."""

__version__ = "0.1.0"
