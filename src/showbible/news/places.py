"""Countries, the UK's nations, US states, Canadian provinces and Australian states: names a
story goes to, never a show's title on their own ("Sherlock gets a call from England", "a paean
to small-town Texas", a recap's scene heading "Highgate Cemetery – London, England").

A show whose title is one of these is rare, and the bible can still declare one; cities are left
out (Dallas, Nashville and Fargo are shows as well as cities), and so is Victoria (a state and a
show). A fixed lexicon: these names do not change from one article to the next.
"""

from __future__ import annotations

import re

from showbible.news.cleaning import Article
from showbible.news.entities import Knowledge
from showbible.news.names import keyof, norm
from showbible.quick import rx
from showbible.reading.lexicon import KINDS
from showbible.reading.lexicon.given import is_given_name

_COUNTRIES = """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria
Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia
Bosnia Botswana Brazil Brunei Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China
Colombia Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica Ecuador Egypt Eritrea
Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Germany Ghana Greece Grenada Guatemala
Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy
Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon
Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali
Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco
Mozambique Myanmar Namibia Nauru Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan
Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda
Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden
Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan
Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe
England Scotland Wales Britain"""
_MANY_WORDS = [
    "Burkina Faso", "Cape Verde", "Central African Republic", "Costa Rica", "Czech Republic",
    "Dominican Republic", "East Timor", "El Salvador", "Equatorial Guinea", "Ivory Coast",
    "Marshall Islands", "New Zealand", "North Korea", "North Macedonia", "Northern Ireland",
    "Papua New Guinea", "Saudi Arabia", "Sierra Leone", "Solomon Islands", "South Africa",
    "South Korea", "South Sudan", "Sri Lanka", "Trinidad and Tobago", "United Arab Emirates",
    "United Kingdom", "United States", "Great Britain", "Vatican City",
    # US states of more than one word
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
    "Rhode Island", "South Carolina", "South Dakota", "West Virginia",
    # Canadian provinces and Australian states of more than one word
    "British Columbia", "New Brunswick", "Newfoundland and Labrador", "Nova Scotia",
    "Prince Edward Island", "Northwest Territories", "New South Wales", "South Australia",
    "Western Australia", "Northern Territory",
]  # fmt: skip
_STATES = """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania
Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming
Alberta Manitoba Ontario Quebec Saskatchewan Yukon Nunavut Queensland Tasmania"""

PLACES = frozenset(keyof(p) for p in [*_COUNTRIES.split(), *_STATES.split(), *_MANY_WORDS])


def is_place(name: str) -> bool:
    """Whether a name is a country, a nation of the UK, or a state or province."""
    return keyof(name) in PLACES


# A name made of a street's or a district's word names a place, not someone: "Ramsay Street",
# "New York's Upper East Side"; not a surname that is a place word too (Park, Hill, Bay).
_STREET = rx.compile(r"\b(?:Street|Road|Avenue|Lane|Boulevard|Square|(?:East|West)\s+Side|"
                     r"(?:East|West)\s+End)$")  # fmt: skip


def place_shaped(name: str, sentence: str) -> bool:
    """Whether a name the reader took for a character names a place: a country or state, a
    street or a district by its words, or a town the sentence gives a bearing from ("on the
    Palm Beach set, north of Sydney")."""
    if is_place(name) or _STREET.search(name):
        return True
    bearing = rf"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+{re.escape(name)}\b"
    return re.search(bearing, sentence) is not None


def forget_places(kb: Knowledge, article: Article) -> bool:
    """Take back every show read so far whose title is a place, unless the bible names such a
    show, it is the short form of a longer title the article names ("Hawai'i" of "NCIS:
    Hawai'i"), or the article has something "on" it ("'Deep Fake' on Hawai'i": an episode on a
    show; one is "in" a place); whether any was taken back."""
    titles = set(kb.series.values())
    keys = {keyof(t) for t in titles}
    text = norm(article.text)
    places = [
        t
        for t in titles
        if is_place(t)
        and keyof(t) not in kb.lex.series
        and not any(k != keyof(t) and f" {keyof(t)}" in f" {k}" for k in keys)
        and not re.search(rf"\bon\s+{re.escape(norm(t))}\b", text)
    ]
    for title in places:
        kb.forget_series(title)
    return bool(places)


# A people's word in a role's place: "reprise her role as Sokovian telepathic Wanda Maximoff",
# "as the American amateur coach" (dm3): an adjective before what someone is, no one's name.
_PEOPLES = rx.compile(r"[A-Z][a-z]{2,}(?:ian|ican|ean|ese|ish)")


def peoples_word(name: str, sentence: str) -> bool:
    """Whether a one-word role is a people's adjective the sentence puts before a lower-case
    word ("Sokovian telepathic"); a first name so shaped ("Christian", "Vivian") is a name."""
    peoples = _PEOPLES.fullmatch(name) or name.upper() in KINDS
    if not peoples or is_given_name(name):
        return False
    return re.search(rf"\b{re.escape(name)}\s+[a-z]", sentence) is not None
