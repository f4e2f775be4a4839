"""`python -m showbible`."""

from showbible.cli import run

run()
