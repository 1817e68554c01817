"""The offline world outline of the places map: plugins/briefing/data/world.json.

    python scripts/world_outline.py WORLD_ATLAS_DIR

Source: Natural Earth 1:110m (public domain, naturalearthdata.com), version 4.1.0, as TopoJSON
in the npm package `world-atlas` 2.0.2 (ISC licence; `npm pack world-atlas@2.0.2` gives it):
`land-110m.json` for the outline, `countries-110m.json` for a point per country.

Writes, for an equirectangular projection on a 360 x 180 box (x = longitude + 180,
y = 90 - latitude): `land`, one SVG path of the land outline with its points rounded to
integers (a few KB: a 1:110m outline drawn some 800 pixels wide loses nothing a reader sees;
Antarctica is left out), and `countries`, ISO 3166 numeric code -> [longitude, latitude] of
the centroid of each country's largest polygon (where the map puts a country's circle).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
TARGET = PROJECT / "plugins" / "briefing" / "data" / "world.json"
SOUTHMOST = -60  # latitude: rings wholly below it (Antarctica) are left out


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantized, delta-encoded arcs as lists of (longitude, latitude)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def polygons(arcs: list, geometry: dict) -> list[list[list[tuple[float, float]]]]:
    if geometry["type"] == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
    return []


def project(lon: float, lat: float) -> tuple[int, int]:
    return round(lon + 180), round(90 - lat)


def ring_path(points: list[tuple[float, float]]) -> str:
    """A closed ring in relative moves between integer points, repeated points dropped; a ring
    that crosses the antimeridian (Russia, Fiji) goes on past the box's edge, which clips it."""
    unwrapped: list[tuple[float, float]] = []
    shift = 0.0
    for lon, lat in points:
        if unwrapped and abs(lon + shift - unwrapped[-1][0]) > 180:  # across the antimeridian: stay continuous
            shift += 360 if unwrapped[-1][0] > lon + shift else -360
        unwrapped.append((lon + shift, lat))
    middle = sorted(lon for lon, _lat in unwrapped)[len(unwrapped) // 2]
    back = -360 * round(middle / 360)  # most of the ring inside the box, whichever side it started on
    projected: list[tuple[int, int]] = []
    for lon, lat in unwrapped:
        point = project(lon + back, lat)
        if not projected or projected[-1] != point:
            projected.append(point)
    if len(projected) > 1 and projected[0] == projected[-1]:
        projected.pop()
    if len(projected) < 3:
        return ""
    steps: list[list[int]] = []
    for (x, y), (nx, ny) in zip(projected, projected[1:]):
        dx, dy = nx - x, ny - y
        if steps and steps[-1][0] * dy == steps[-1][1] * dx and steps[-1][0] * dx + steps[-1][1] * dy > 0:
            steps[-1] = [steps[-1][0] + dx, steps[-1][1] + dy]  # the same direction: one longer step
        else:
            steps.append([dx, dy])
    return f"M{projected[0][0]} {projected[0][1]}l" + " ".join(f"{dx} {dy}" for dx, dy in steps) + "z"


def area_and_centroid(points: list[tuple[float, float]]) -> tuple[float, tuple[float, float]]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, points[0]
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


def main(folder: Path) -> None:
    land = json.loads((folder / "land-110m.json").read_text("utf-8"))
    arcs = decode_arcs(land)
    paths = []
    for geometry in land["objects"]["land"]["geometries"]:
        for polygon in polygons(arcs, geometry):
            outer = polygon[0]
            if max(lat for _lon, lat in outer) < SOUTHMOST:
                continue
            paths.append(ring_path(outer))
    countries = json.loads((folder / "countries-110m.json").read_text("utf-8"))
    country_arcs = decode_arcs(countries)
    centres = {}
    for geometry in countries["objects"]["countries"]["geometries"]:
        if "id" not in geometry:
            continue
        outers = [polygon[0] for polygon in polygons(country_arcs, geometry)]
        if not outers:
            continue
        _area, (lon, lat) = max((area_and_centroid(o) for o in outers), key=lambda pair: pair[0])
        centres[str(int(geometry["id"]))] = [round(lon, 2), round(lat, 2)]
    data = {"source": "Natural Earth 1:110m land and admin-0 countries, v4.1.0 (public domain), "
                      "via world-atlas 2.0.2; made by scripts/world_outline.py",
            "box": [0, 0, 360, 150], "land": "".join(p for p in paths if p),
            "countries": dict(sorted(centres.items(), key=lambda item: int(item[0])))}
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(PROJECT)}: {TARGET.stat().st_size} bytes, {len(paths)} land rings, "
          f"{len(centres)} countries")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
