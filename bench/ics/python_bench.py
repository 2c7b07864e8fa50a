#!/usr/bin/python3
"""Python side of the calendar import benchmark (bench/ics/run.sh): icalendar parses the file and
recurring_ical_events expands it over [FROM, TO); prints the number of occurrences in the window.

Usage: python_bench.py FILE FROM TO      (FROM, TO as 2025-11-25T12:00:00Z; run with /usr/bin/python3)
"""
import datetime
import sys

import icalendar
import recurring_ical_events


def utc(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: python_bench.py FILE FROM TO")
    path, start, end = sys.argv[1], utc(sys.argv[2]), utc(sys.argv[3])
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    events = len(calendar.walk("VEVENT"))
    occurrences = [e for e in recurring_ical_events.of(calendar).between(start, end)
                   if str(e.get("STATUS", "")).upper() != "CANCELLED"]
    print(f"python: {events} events, {len(occurrences)} occurrences in the window")


if __name__ == "__main__":
    main()
