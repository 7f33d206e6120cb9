"""A date plus an ISO 8601 duration (`P1Y`, `P6M`, `P30D`): when a period counted from a day runs out."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from ropa.model.base import duration_parts

__all__ = ["after"]


def after(day: date, duration: str) -> date:
    """`day` moved on by `duration`: years and months by the calendar (31 January + P1M is the last day
    of February), then weeks and days. Raises ValueError past the year 9999."""
    years, months, weeks, days = duration_parts(duration)
    month_index = day.month - 1 + months
    year = day.year + years + month_index // 12
    month = month_index % 12 + 1
    moved = date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    return moved + timedelta(weeks=weeks, days=days)
