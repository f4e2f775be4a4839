"""Joining inferred facts again after a patch (reading/infer/relink.py) gives exactly what
``link`` gives for the new scenes, whether it keeps the old canon's facts of secrets (the edit
cannot change them) or joins everything again (it can)."""

from __future__ import annotations

import copy
import dataclasses
import functools
from typing import Any

import pytest

import synth_module
from showbible import compile_universe, load_universe
from showbible.reading.facts import Presence, SceneFacts
from showbible.reading.infer import linking
from showbible.reading.infer.learning import Occurrences
from showbible.reading.infer.linking import Linked
from showbible.reading.infer.relink import Replaced, relink


def _not_a_person(cid: str) -> bool:
    return False


def _rows(linked: list[Linked]) -> list[tuple[object, ...]]:
    return [(x.verb, x.subject, x.scene, x.line, x.file, x.obj, x.sentence, x.data) for x in linked]


@pytest.fixture(scope="module")
def scenes(tmp_path_factory: pytest.TempPathFactory) -> list[SceneFacts]:
    root = tmp_path_factory.mktemp("relink") / "u"
    synth_module.load().generate(root, 3, 8, seed=11, scenes_per_episode=(4, 6), plant=8)
    return compile_universe(load_universe(root)).canon.scenes


def _edited(scenes: list[SceneFacts], at: int, text: str) -> list[SceneFacts]:
    """The canon with scene ``at``'s first speech ending in ``text`` (a copy: the canon stays)."""
    sc = copy.copy(scenes[at])
    first = sc.dialogue[0]
    sc.dialogue = [dataclasses.replace(first, text=first.text + text), *sc.dialogue[1:]]
    return [*scenes[:at], sc, *scenes[at + 1 :]]


def _relinked(scenes: list[SceneFacts], new: list[SceneFacts], at: int) -> list[Linked]:
    old = linking.link(scenes, _not_a_person)
    return relink(new, _not_a_person, (), Replaced(old, [scenes[at]], [new[at]]))


def test_the_universe_has_secrets_learnt_by_speech(scenes: list[SceneFacts]) -> None:
    linked = linking.link(scenes, _not_a_person)
    assert any(x.verb == "learns" and x.data["reason"].startswith("told by") for x in linked)


def test_an_edit_saying_no_tell_keeps_the_facts_of_secrets(
    scenes: list[SceneFacts], monkeypatch: pytest.MonkeyPatch
) -> None:
    at = next(i for i, sc in enumerate(scenes) if sc.dialogue)
    new = _edited(scenes, at, " Quite so.")
    want = linking.link(new, _not_a_person)
    old = linking.link(scenes, _not_a_person)

    def unread(*args: object) -> None:
        raise AssertionError("the scenes' words were read again")

    monkeypatch.setattr(linking, "distinctive", unread)
    monkeypatch.setattr(linking, "spread", unread)
    got = relink(new, _not_a_person, (), Replaced(old, [scenes[at]], [new[at]]))
    assert _rows(got) == _rows(want)


def test_a_tell_said_before_at_or_after_its_confidence_is_joined_as_from_nothing(
    scenes: list[SceneFacts],
) -> None:
    """A secret's tell said at the end of a speech in the first scene, where it is confided,
    and later: secrets lose tells, characters learn them, and the result is always ``link``'s."""
    spoken = [i for i, sc in enumerate(scenes) if sc.dialogue]
    position = {sc.key: i for i, sc in enumerate(scenes)}
    confided = [(position[sc.key], t) for sc in scenes for x in sc.inferred or ()
                if x.kind == "confides" for t in x.tells]  # fmt: skip
    assert confided
    before = _rows(linking.link(scenes, _not_a_person))
    changed = 0
    for where, tell in confided[:: max(1, len(confided) // 12)]:
        later = [i for i in spoken if i >= where]
        for at in {spoken[0], *later[:1], *later[3:4], *later[-1:]}:
            new = _edited(scenes, at, f" And {tell}.")
            want = _rows(linking.link(new, _not_a_person))
            assert _rows(_relinked(scenes, new, at)) == want, (tell, at)
            changed += want != before
    assert changed > 0  # some of these edits changed the facts of secrets


def test_a_confidence_taken_away_is_joined_again(scenes: list[SceneFacts]) -> None:
    at = next(i for i, sc in enumerate(scenes) if any(x.kind == "confides"
                                                      for x in sc.inferred or ()))  # fmt: skip
    sc = copy.copy(scenes[at])
    sc.inferred = [x for x in sc.inferred or () if x.kind != "confides"]
    new = [*scenes[:at], sc, *scenes[at + 1 :]]
    want = linking.link(new, _not_a_person)
    assert _rows(want) != _rows(linking.link(scenes, _not_a_person))
    assert _rows(_relinked(scenes, new, at)) == _rows(want)


def _shifted(scenes: list[SceneFacts], at: int, by: int) -> list[SceneFacts]:
    """The canon with every line of scene ``at`` moved down ``by`` (lines added above them)."""
    sc = copy.copy(scenes[at])
    sc.dialogue = [
        dataclasses.replace(d, line=d.line + by, cue_line=d.cue_line + by) for d in sc.dialogue
    ]
    sc.sentences = [dataclasses.replace(s, line=s.line + by) for s in sc.sentences]
    sc.inferred = [dataclasses.replace(i, line=i.line + by) for i in sc.inferred or ()]
    return [*scenes[:at], sc, *scenes[at + 1 :]]


def test_lines_moved_in_a_scene_keep_the_facts_of_secrets_moved_with_them(
    scenes: list[SceneFacts], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit that adds or removes lines above a confidence or a tell said: the searches read
    the same but for where, so the facts are kept, their lines moved — exactly ``link``'s."""
    old = linking.link(scenes, _not_a_person)
    where = {x.scene for x in old if x.verb in linking.SECRET_VERBS}
    ats = [i for i, sc in enumerate(scenes) if sc.key in where]
    assert ats
    for at in ats[:6]:
        new = _shifted(scenes, at, 3)
        want = _rows(linking.link(new, _not_a_person))
        assert want != _rows(old)  # the facts there did move
        with monkeypatch.context() as m:

            def unread(*args: object) -> None:
                raise AssertionError("the scenes' words were read again")

            m.setattr(linking, "distinctive", unread)
            m.setattr(linking, "spread", unread)
            got = relink(new, _not_a_person, (), Replaced(old, [scenes[at]], [new[at]]))
        assert _rows(got) == want, at


def test_lines_moved_out_of_order_are_joined_again(
    scenes: list[SceneFacts], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tell said moved from after its confidence to before it is no move in order: joined
    again, as from nothing."""
    found = [
        (at, x)
        for at, sc in enumerate(scenes)
        if len(sc.dialogue) > 1
        for x in sc.inferred or ()
        if x.kind == "confides" and x.tells and sc.dialogue[-1].line > x.line
    ]
    assert found, "the universe has a confidence with a speech after it"
    at, confided = found[0]
    # Before: the scene's last speech says the tell, after the confidence; after: that speech
    # stands first, before it.
    said = _edited(scenes, at, "")  # a copy of the scene to change
    last = said[at].dialogue[-1]
    said[at].dialogue = [
        *said[at].dialogue[:-1],
        dataclasses.replace(last, text=f"{last.text} And {confided.tells[0]}."),
    ]
    early = copy.copy(said[at])
    early.dialogue = [
        dataclasses.replace(early.dialogue[-1], line=0, cue_line=0),
        *early.dialogue[:-1],
    ]
    new = [*said[:at], early, *said[at + 1 :]]
    joined = []
    real = linking.spread

    def counted(*args: object, **kwargs: object) -> None:
        joined.append(True)
        real(*args, **kwargs)  # type: ignore[arg-type]

    old = linking.link(said, _not_a_person)
    monkeypatch.setattr(linking, "spread", counted)
    got = relink(new, _not_a_person, (), Replaced(old, [said[at]], [new[at]]))
    assert joined, "the secrets were joined again"
    monkeypatch.setattr(linking, "spread", real)
    assert _rows(got) == _rows(linking.link(new, _not_a_person))


def _joined_with(
    scenes: list[SceneFacts], at: int, present: dict[str, Presence]
) -> list[SceneFacts]:
    sc = copy.copy(scenes[at])
    sc.present = present
    return [*scenes[:at], sc, *scenes[at + 1 :]]


def _counted(calls: list[int], real: Any, secrets: list[object], *args: object) -> None:
    calls.append(len(secrets))
    real(secrets, *args)


def test_who_hears_a_tell_changed_spreads_only_its_secrets_again(
    scenes: list[SceneFacts], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone walks into (or out of) a scene where a knower says a tell: the tells stay as
    distinctive as they were (not searched again) and only the secrets said there are spread
    again — the result is ``link``'s."""
    old = linking.link(scenes, _not_a_person)
    told = [x for x in old if x.verb == "learns" and x.data["reason"].startswith("told by")]
    assert told, "the universe has lessons told in a scene"
    position = {sc.key: i for i, sc in enumerate(scenes)}
    real = linking.spread
    checked = 0
    for lesson in told[:: max(1, len(told) // 5)]:
        at = position[lesson.scene]
        sc = scenes[at]
        walked_in = {**sc.present, "newcomer": Presence(sc.line, "action")}
        walked_out = {c: p for c, p in sc.present.items() if c != lesson.subject}
        for present in (walked_in, walked_out):
            spread: list[int] = []
            new = _joined_with(scenes, at, present)
            want = _rows(linking.link(new, _not_a_person))
            assert want != _rows(old)  # the newcomer learns it, or the one gone does not
            with monkeypatch.context() as m:

                def unread(*args: object) -> None:
                    raise AssertionError("the tells were searched again")

                m.setattr(linking, "distinctive", unread)
                m.setattr(linking, "spread", functools.partial(_counted, spread, real))
                got = relink(new, _not_a_person, (), Replaced(old, [sc], [new[at]]))
            assert _rows(got) == want, (lesson.scene, lesson.subject)
            secrets = sum(1 for x in old if x.verb == "secret")
            assert spread and spread[0] < secrets  # not every secret
            checked += 1
    assert checked >= 2


def test_a_tell_said_in_a_scene_without_confidences_joins_only_its_secrets_again(
    scenes: list[SceneFacts], monkeypatch: pytest.MonkeyPatch
) -> None:
    """New words in a scene that confides nothing: only the secrets whose tells they hold (now
    or before) are joined again — their distinctive tells and who learns them — as from
    nothing; the others are kept."""
    secrets = linking.confided(scenes, _not_a_person)
    assert len(secrets) > 2
    position = {sc.key: i for i, sc in enumerate(scenes)}
    plain = [i for i, sc in enumerate(scenes) if sc.dialogue
             and not any(x.kind == "confides" for x in sc.inferred or ())]  # fmt: skip
    old = linking.link(scenes, _not_a_person)
    real = linking.spread
    checked = 0
    for s in secrets[:: max(1, len(secrets) // 4)]:
        after = [i for i in plain if i > position[s.scene]]
        for at in {*after[:1], *after[-1:], *plain[:1]}:
            new = _edited(scenes, at, f" And {s.tells[0]}.")
            want = _rows(linking.link(new, _not_a_person))
            spread: list[int] = []
            with monkeypatch.context() as m:
                m.setattr(linking, "spread", functools.partial(_counted, spread, real))
                got = relink(new, _not_a_person, (), Replaced(old, [scenes[at]], [new[at]]))
            assert _rows(got) == want, (s.id, at)
            assert spread and spread[0] < len(secrets)
            checked += 1
    assert checked >= 3


def test_where_tells_are_said_is_kept_through_patches_as_from_nothing(
    scenes: list[SceneFacts],
) -> None:
    """The index of where tells are said, kept from one join to the next and updated for the
    replaced scenes only, equals one made from nothing; and the joins it serves equal
    ``link``'s, edit after edit (tells said, lines moved, someone walking in)."""
    secrets = linking.confided(scenes, _not_a_person)
    occurs = Occurrences()
    occurs.ensure(scenes, {" ".join(t.lower().split()) for s in secrets for t in s.tells})
    assert occurs.at, "the universe's tells are said somewhere"
    linked = linking.link(scenes, _not_a_person, occurs=occurs)
    assert _rows(linked) == _rows(linking.link(scenes, _not_a_person))  # with it, as without
    spoken = [i for i, sc in enumerate(scenes) if sc.dialogue]
    current = scenes
    for n, at in enumerate(spoken[:: max(1, len(spoken) // 8)]):
        if n % 3 == 0:
            new = _edited(current, at, f" And {secrets[n % len(secrets)].tells[0]}.")
        elif n % 3 == 1:
            new = _shifted(current, at, 2)
        else:
            sc = current[at]
            new = _joined_with(
                current, at, {**sc.present, f"newcomer{n}": Presence(sc.line, "action")}
            )
        linked = relink(new, _not_a_person, (), Replaced(linked, [current[at]], [new[at]], occurs))
        assert _rows(linked) == _rows(linking.link(new, _not_a_person)), at
        fresh = Occurrences()
        fresh.ensure(new, occurs.keys)
        assert {k: v for k, v in occurs.at.items() if v} == {k: v for k, v in fresh.at.items() if v}
        current = new
