"""The bible's schema: what `universe.yaml` and `bible/*.yaml` may say, as pydantic models.

Unknown fields are refused (a typo must not silently drop canon); every model is frozen so the
loaded bible can be shared freely.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, model_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


# A nickname quoted between the words of a full name (CharacterConf.full_names).
_NICKNAME = re.compile(r"\s[\"“‘'][^\"“”‘’']{1,30}[\"”’']\s")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Alias(_Model):
    """A label that names a character, optionally only inside some series."""

    label: str = Field(min_length=1)
    series: tuple[str, ...] | None = None


class EpisodeMeta(_Model):
    title: str | None = None
    released: date | None = None
    story: str | None = None
    file: str | None = None


class Sourced(_Model):
    """A fact stated somewhere other than the scripts (an article, an interview)."""

    name: str
    source: str | None = None


class SeriesConf(_Model):
    id: str = Field(pattern=ID_PATTERN)
    title: str | None = None
    showrunners: tuple[str | Sourced, ...] = ()
    source: str | None = None
    scripts: tuple[str, ...] = ()
    episodes: dict[str, EpisodeMeta] = Field(default_factory=dict)


class CharacterConf(_Model):
    name: str | None = None
    aliases: tuple[str | Alias, ...] = ()
    performer: str | None = None
    home: str | None = None
    identities: dict[str, tuple[str, ...] | str] | None = None
    role: bool = False
    description: str | None = None
    source: str | None = None
    # Series the character appears in by declaration (news, a production bible), for universes
    # or series whose scripts showbible has not read: listed in `crossovers` as declared.
    appears_in: tuple[str | Sourced, ...] = ()

    @model_validator(mode="after")
    def _identities_name_a_secret(self) -> CharacterConf:
        if self.identities is not None:
            secret = self.identities.get("secret")
            if not isinstance(secret, str):
                raise ValueError("identities needs `secret: <secret id>` linking the identities")
            for key, value in self.identities.items():
                if key != "secret" and isinstance(value, str):
                    raise ValueError(f"identities.{key} must be a list of labels")
        return self

    def identity_groups(self) -> dict[str, tuple[str, ...]]:
        if not self.identities:
            return {}
        return {k: v for k, v in self.identities.items() if not isinstance(v, str)}

    def full_names(self) -> list[str]:
        """The bible's name, and the same without a nickname quoted inside it: Wanjiru "Shiro"
        Kamau is also Wanjiru Kamau (the fortieth blind look's conductor gives it so on the
        phone), James “Sawyer” Ford is James Ford."""
        if not self.name:
            return []
        bare = " ".join(_NICKNAME.sub(" ", self.name).split())
        return [self.name, bare] if bare != self.name and len(bare.split()) >= 2 else [self.name]

    @property
    def identity_secret(self) -> str | None:
        if not self.identities:
            return None
        secret = self.identities.get("secret")
        return secret if isinstance(secret, str) else None


class PlaceConf(_Model):
    name: str | None = None
    aliases: tuple[str, ...] = ()


class SecretConf(_Model):
    statement: str | None = None
    tells: tuple[str, ...] = ()
    known_by: tuple[str, ...] = ()


class Cannot(_Model):
    who: str
    what: str
    tells: tuple[str, ...] = ()


class Learns(_Model):
    who: str
    secret: str


class Held(_Model):
    who: str
    place: str
    until: str | None = None


class Relation(_Model):
    a: str
    b: str
    kind: str
    mutual: bool = True


class StandingRelation(_Model):
    """A relationship the bible lists on its own (``relations:``), as writers keep one: A
    towards B (``a``/``from``, ``b``/``to``) of a kind (``kind``/``relation``) from a scene on
    (``at``/``since``). The same as a ``relation`` event there; ``mutual`` defaults to the kind's
    own (``distrusts`` runs one way, ``friends`` both)."""

    a: str = Field(validation_alias=AliasChoices("a", "from"))
    b: str = Field(validation_alias=AliasChoices("b", "to"))
    kind: str = Field(validation_alias=AliasChoices("kind", "relation"))
    at: str = Field(validation_alias=AliasChoices("at", "since"))
    mutual: bool | None = None


class Ends(_Model):
    a: str
    b: str
    kind: str | None = None


EVENT_VERBS = (
    "dies",
    "destroyed",
    "cannot",
    "learns",
    "reveals",
    "held",
    "present",
    "absent",
    "relation",
    "ends",
)


class EventConf(_Model):
    at: str
    dies: str | None = None
    destroyed: str | None = None
    cannot: Cannot | None = None
    learns: Learns | None = None
    reveals: str | None = None
    held: Held | None = None
    present: tuple[str, ...] | None = None
    absent: tuple[str, ...] | None = None
    relation: Relation | None = None
    ends: Ends | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _one_verb(self) -> EventConf:
        verbs = [v for v in EVENT_VERBS if getattr(self, v) is not None]
        if len(verbs) != 1:
            listed = ", ".join(EVENT_VERBS)
            got = ", ".join(verbs) or "none"
            raise ValueError(f"an event needs exactly one of {listed} (got {got})")
        return self

    @property
    def verb(self) -> str:
        return next(v for v in EVENT_VERBS if getattr(self, v) is not None)


class AllowConf(_Model):
    rule: str
    at: str
    reason: str | None = None


class RelationKind(_Model):
    """A relationship kind a universe adds to the built-in vocabulary."""

    mutual: bool = True
    opposes: tuple[str, ...] = ()


class Settings(_Model):
    inferred_facts: Literal["none", "high", "all"] = "high"
    max_script_mb: int = Field(default=32, ge=1, le=1024)
    # Characters present in one scene: every pair of them meets, so time and memory grow with
    # its square (build/pipeline.py check_cast_size).
    max_scene_cast: int = Field(default=200, ge=2, le=20_000)


class BibleConf(_Model):
    name: str = "Untitled universe"
    series: tuple[SeriesConf, ...] = ()
    release_order: tuple[str, ...] = ()
    characters: dict[str, CharacterConf] = Field(default_factory=dict)
    places: dict[str, PlaceConf] = Field(default_factory=dict)
    secrets: dict[str, SecretConf] = Field(default_factory=dict)
    events: tuple[EventConf, ...] = ()
    relations: tuple[StandingRelation, ...] = ()
    allow: tuple[AllowConf, ...] = ()
    titles: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    relation_kinds: dict[str, RelationKind] = Field(default_factory=dict)
    settings: Settings = Field(default_factory=Settings)
    # Inferred facts silenced by `showbible facts --reject ID` (their ids, see facts --inferred).
    rejected_facts: tuple[str, ...] = ()
    # The production plan (DESIGN §7): validated, with its positions, by showbible.schedule.plan.
    production: dict[str, Any] | None = None
