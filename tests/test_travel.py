"""The default travel-time provider: great-circle distance × road factor at a set speed."""

from __future__ import annotations

import pytest

from console.services.core.travel import GreatCircleTravel, Place, great_circle_km, minutes_matrix

NAESTVED = Place(55.2299, 11.7609)
HOLBAEK = Place(55.7167, 11.7167)


def test_great_circle_known_distance() -> None:
    # Næstved-Holbæk is about 54 km as the crow flies.
    assert great_circle_km(NAESTVED, HOLBAEK) == pytest.approx(54.2, abs=1.0)
    assert great_circle_km(NAESTVED, NAESTVED) == 0.0


def test_road_factor_and_speed_scale_the_time() -> None:
    base = GreatCircleTravel(road_factor=1.0, speed_kmh=60.0)
    slow = GreatCircleTravel(road_factor=1.3, speed_kmh=30.0)
    crow = great_circle_km(NAESTVED, HOLBAEK)
    assert base.minutes(NAESTVED, HOLBAEK) == pytest.approx(crow)
    assert slow.minutes(NAESTVED, HOLBAEK) == pytest.approx(crow * 1.3 * 2)
    assert slow.distance_km(NAESTVED, HOLBAEK) == pytest.approx(crow * 1.3)


def test_matrix_rounds_up_and_is_zero_on_the_diagonal() -> None:
    provider = GreatCircleTravel()
    matrix = minutes_matrix(provider, [NAESTVED, HOLBAEK])
    assert matrix[0][0] == matrix[1][1] == 0
    assert matrix[0][1] == matrix[1][0]
    assert matrix[0][1] >= provider.minutes(NAESTVED, HOLBAEK)


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(ValueError, match="road_factor"):
        GreatCircleTravel(road_factor=0.5)
    with pytest.raises(ValueError, match="speed"):
        GreatCircleTravel(speed_kmh=0)
