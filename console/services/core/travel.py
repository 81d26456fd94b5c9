"""Travel times between places: the replaceable provider the planner and delivery runs use.

Address geocoding is not available offline, so places are latitude/longitude pairs (a patient's
own point, or the municipality's point when the location is approximate). The default provider is
great-circle distance × a road factor at an average speed, both ward settings
(``travel_road_factor``, ``travel_speed_kmh``). Another provider (a road network, a routing
service) only has to offer the same two methods.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session

from console.services.core.settings_store import get_float

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float


def great_circle_km(a: Place, b: Place) -> float:
    """Haversine distance in kilometres."""
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    dphi = phi2 - phi1
    dlmb = math.radians(b.lon - a.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


class TravelTimeProvider(Protocol):
    def distance_km(self, a: Place, b: Place) -> float: ...

    def minutes(self, a: Place, b: Place) -> float: ...


@dataclass(frozen=True)
class GreatCircleTravel:
    """Great-circle distance × ``road_factor``, driven at ``speed_kmh``."""

    road_factor: float = 1.3
    speed_kmh: float = 65.0

    def __post_init__(self) -> None:
        if self.road_factor < 1.0:
            raise ValueError("road_factor must be at least 1")
        if self.speed_kmh <= 0:
            raise ValueError("speed_kmh must be positive")

    def distance_km(self, a: Place, b: Place) -> float:
        return great_circle_km(a, b) * self.road_factor

    def minutes(self, a: Place, b: Place) -> float:
        return self.distance_km(a, b) / self.speed_kmh * 60.0


def travel_provider(session: Session) -> GreatCircleTravel:
    """The ward's configured default provider."""
    return GreatCircleTravel(road_factor=get_float(session, "travel_road_factor"),
                             speed_kmh=get_float(session, "travel_speed_kmh"))


def minutes_matrix(provider: TravelTimeProvider, places: Sequence[Place]) -> list[list[int]]:
    """Whole minutes (rounded up, so plans are never optimistic) between every pair of places."""
    return [[0 if i == j else math.ceil(provider.minutes(a, b)) for j, b in enumerate(places)]
            for i, a in enumerate(places)]


def distance_matrix_m(provider: TravelTimeProvider, places: Sequence[Place]) -> list[list[int]]:
    """Whole metres between every pair of places."""
    return [[0 if i == j else round(provider.distance_km(a, b) * 1000) for j, b in enumerate(places)]
            for i, a in enumerate(places)]
