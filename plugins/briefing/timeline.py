"""`svg#mentions-timeline` on each entity page: the site's articles per day (week, or month
on a long archive) over the period it covers, the entity's own articles marked in colour.

Drawn at build as inline SVG: no JavaScript, a <title> and a <desc> saying the same in words
(role="img", aria-labelledby), colours from the page's (currentColor and the stylesheet's
variables), so it reads in dark mode and in print. The site's bars are one path, drawn once
for every page.
"""

from __future__ import annotations

from datetime import date, timedelta
from xml.sax.saxutils import escape

from .filters import long_date
from .settings import interface_labels

WIDTH, CHART, HEIGHT = 600, 60, 80  # the drawing's box: bars in the top CHART units, dates below
UNITS = ("day", "week", "month")


def add_timeline(generator) -> None:
    """Receiver of `article_generator_finalized`: `briefing_timeline` in the context, which
    draws any entity's timeline (entity.html calls it)."""
    settings = generator.settings
    generator.context["briefing_timeline"] = Timeline(
        [a.date.date() for a in generator.articles], settings["BRIEFING_TIMELINE_MAX_BARS"],
        interface_labels(settings["BRIEFING_UI_LANG"]), settings["BRIEFING_UI_LANG"])


class Timeline:
    """The site's period cut into bars of one unit: days when they are few enough, else weeks,
    else months."""

    def __init__(self, days: list[date], max_bars: int, ui: dict, lang: str) -> None:
        self.ui, self.lang, self.total = ui, lang, len(days)
        if not days:
            self.bars, self.unit, self.start, self.end = 0, "day", None, None
            return
        self.start, self.end = min(days), max(days)
        for unit in UNITS:
            self.unit = unit
            if self._bar(self.end) + 1 <= max_bars:
                break
        self.bars = self._bar(self.end) + 1
        self.site_counts = self._count(days)
        self.tallest = max(self.site_counts)
        self.background = "".join(self._bar_path(i, n) for i, n in enumerate(self.site_counts) if n)

    def _bar(self, day: date) -> int:
        """The index of the bar a day falls in."""
        if self.unit == "day":
            return (day - self.start).days
        if self.unit == "week":  # weeks start on Monday
            return ((day - timedelta(days=day.weekday())) - (self.start - timedelta(days=self.start.weekday()))).days // 7
        return (day.year - self.start.year) * 12 + day.month - self.start.month

    def _count(self, days) -> list[int]:
        counts = [0] * self.bars
        for day in days:
            counts[self._bar(day)] += 1
        return counts

    def _geometry(self, index: int, count: int) -> tuple[str, str, str, str]:
        width = WIDTH / self.bars
        height = CHART * count / self.tallest
        gap = width * 0.15 if width > 3 else 0
        return (f"{index * width + gap / 2:.2f}", f"{CHART - height:.2f}", f"{width - gap:.2f}", f"{height:.2f}")

    def _bar_path(self, index: int, count: int) -> str:
        x, y, w, h = self._geometry(index, count)
        return f"M{x} {y}h{w}v{h}h-{w}z"

    def svg(self, entity) -> str:
        """The timeline of one entity page: every article of the site, the entity's marked."""
        if not self.bars:
            return ""
        mine = self._count([a.date.date() for a in entity.articles])
        start, end = long_date(self.start, self.lang), long_date(self.end, self.lang)
        desc = self.ui["timeline_desc"].format(named=len(entity.articles), total=self.total, start=start, end=end,
                                                name=entity.name, unit=self.ui["units"][self.unit])
        marks = "".join(f'<rect x="{x}" y="{y}" width="{w}" height="{h}"/>'
                        for x, y, w, h in (self._geometry(i, n) for i, n in enumerate(mine) if n))
        return (f'<svg id="mentions-timeline" class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
                f'aria-labelledby="mentions-timeline-title mentions-timeline-desc" data-unit="{self.unit}">'
                f'<title id="mentions-timeline-title">{escape(self.ui["timeline"])}</title>'
                f'<desc id="mentions-timeline-desc">{escape(desc)}</desc>'
                f'<path class="all" d="{self.background}"/><g class="mark">{marks}</g>'
                f'<line class="axis" x1="0" y1="{CHART + 0.5}" x2="{WIDTH}" y2="{CHART + 0.5}"/>'
                f'<text x="0" y="{HEIGHT - 4}">{escape(start)}</text>'
                f'<text x="{WIDTH}" y="{HEIGHT - 4}" text-anchor="end">{escape(end)}</text></svg>')
