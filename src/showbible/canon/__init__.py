"""The canon: the fold along both timelines, encounters and knowledge (``fold``), measured
interaction, identity doubts, and the character graph's file formats."""
