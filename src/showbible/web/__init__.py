"""The web interface: `showbible serve` (FastAPI + Jinja2 + htmx, cytoscape.js for the graph).

`create_app(root, url, token)` builds the ASGI app; `run(root, url, host, port, token)` serves
it with uvicorn; `time_pages(app, paths)` measures pages for benchmarks.
"""

from showbible.web.app import create_app, run
from showbible.web.timing import time_pages

__all__ = ["create_app", "run", "time_pages"]
