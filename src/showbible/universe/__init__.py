"""What a universe is on disk: `universe.yaml` and `bible/*.yaml` read with their positions
(``yamlread``), validated (``bible``), turned into series, episodes and orders (``loader``);
story times (``storytime``); and `showbible init` (``scaffold``)."""
