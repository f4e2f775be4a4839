"""The talent scheduling core: the six real instances to their proven optima, and brute force."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.model import InputError
from showbible.schedule.dzn import read_dzn
from showbible.schedule.talent import TalentProblem, evaluate, solve

DATA = Path(
    os.environ.get(
        "SHOWBIBLE_TALENT_DATA",
        Path(__file__).resolve().parents[3] / "shared" / "data" / "scheduling" / "talent",
    )
)
OPTIMA = DATA / "optima.json"
INSTANCES = ["tiny", "small", "concert", "film103", "film105", "film114"]


@pytest.mark.skipif(not OPTIMA.exists(), reason="../shared/data/scheduling/talent not present")
@pytest.mark.parametrize("name", INSTANCES)
def test_real_instances_reach_their_proven_optima(name: str) -> None:
    optimum = json.loads(OPTIMA.read_text())["instances"][name]
    problem = read_dzn(DATA / f"{name}.dzn")
    solution = solve(problem, time_limit=60)
    assert solution.proven_optimal
    assert (solution.total, solution.holding) == (optimum["total"], optimum["holding"])
    assert sorted(solution.order) == list(range(len(problem.durations)))
    assert evaluate(problem, solution.order) == (solution.total, solution.holding)
    assert solution.seconds < 60


def test_concert_by_hand() -> None:
    # the README's definition: paid from the first day of the first scene to the last of the last
    problem = TalentProblem((2, 1, 3), (frozenset({0}), frozenset({1}), frozenset({0})), (5, 7))
    assert evaluate(problem, (0, 1, 2)) == (5 * 6 + 7 * 1, 5 * 1)
    assert solve(problem).total == 5 * 5 + 7


problems = st.integers(1, 6).flatmap(
    lambda n: st.integers(1, 4).flatmap(
        lambda m: st.builds(
            TalentProblem,
            st.tuples(*[st.integers(1, 4)] * n),
            st.tuples(*[st.frozensets(st.integers(0, m - 1), max_size=m)] * n),
            st.tuples(*[st.integers(1, 9)] * m),
        )
    )
)


def _brute(problem: TalentProblem) -> int:
    return min(evaluate(problem, o)[0] for o in itertools.permutations(range(len(problem.casts))))


@settings(max_examples=300, deadline=None)
@given(problems)
def test_dense_dp_matches_brute_force(problem: TalentProblem) -> None:
    solution = solve(problem)
    assert solution.proven_optimal
    assert solution.total == _brute(problem)
    assert evaluate(problem, solution.order)[0] == solution.total


@settings(max_examples=300, deadline=None)
@given(problems)
def test_branch_and_bound_matches_brute_force(problem: TalentProblem) -> None:
    solution = solve(problem, dense_limit=0)
    assert solution.proven_optimal
    assert solution.total == _brute(problem)
    assert evaluate(problem, solution.order)[0] == solution.total


@pytest.mark.skipif(not OPTIMA.exists(), reason="../shared/data/scheduling/talent not present")
def test_branch_and_bound_on_a_film_respects_its_time_limit() -> None:
    problem = read_dzn(DATA / "film103.dzn")
    solution = solve(problem, time_limit=0.2, dense_limit=0)
    # cut short: an order all the same, and honestly not proven
    assert sorted(solution.order) == list(range(19))
    assert solution.seconds < 2
    assert solution.proven_optimal is False
    assert solution.total >= 1031


def test_bad_dzn_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.dzn"
    bad.write_text("numScenes = 2;\nnumActors = 1;\nia = [| 1,0 |];\nc = [1];\n")
    with pytest.raises(InputError, match="no d"):
        read_dzn(bad)
