"""Questions asked of a built canon, answered from the store as plain JSON-able data.

One path from SQL to every face of the product: the command line prints these dicts as tables
or JSON, and the web serves the same dicts as HTML and under /api/. One module per kind of
question; every answer that depends on time takes an "as of" point (``as_of``).
"""

from __future__ import annotations

from showbible.queries.crossing import IDENTITY_KINDS, crossovers, identities
from showbible.queries.export import export
from showbible.queries.meetings import interaction_curve, met
from showbible.queries.order import facts_list, watch_order
from showbible.queries.people import death, knows_list, met_list, who
from showbible.queries.relations import relations
from showbible.store.lookup import AsOf, NotFound, Row, Timeline, as_of, find_character

__all__ = [
    "IDENTITY_KINDS",
    "AsOf",
    "NotFound",
    "Row",
    "Timeline",
    "as_of",
    "crossovers",
    "death",
    "export",
    "facts_list",
    "find_character",
    "identities",
    "interaction_curve",
    "knows_list",
    "met",
    "met_list",
    "relations",
    "watch_order",
    "who",
]
