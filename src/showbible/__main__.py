"""`python -m showbible`."""

from showbible.cli import main

main()
