#!/usr/bin/python3
"""Reference expansion of an .ics file for the differential test of src/ingest/ics.cpp.

Usage: ics_reference.py FROM TO ZONE FILE...   (FROM/TO as 2025-01-01T12:00:00Z, ZONE an IANA name)

Prints one line per occurrence, sorted within each file: "file<TAB>uid|start|end", where file is
the file's base name, with start/end as UTC "YYYY-MM-DDTHH:MM:SSZ"
or, for all-day events, "D:YYYY-MM-DD". Uses Debian's python3-recurring-ical-events (2.0.1) and
python3-icalendar (4.0.3); run it with /usr/bin/python3.

Where the reference and the importer deliberately differ, this script adjusts the reference:
- STATUS:CANCELLED events and overrides are dropped (the importer skips them).
- An all-day event with neither DTEND nor DURATION lasts one day (RFC 5545 3.6.1); the
  library gives it zero length.
"""
import datetime
import os
import sys

import icalendar
import pytz
import recurring_ical_events


def parse_utc(text):
    return pytz.utc.localize(datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))


def show(value, zone):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:  # floating: the person's zone
            value = zone.localize(value)
        return value.astimezone(pytz.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return "D:" + value.strftime("%Y-%m-%d")


def expand(path, start, stop, zone):
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    lines = set()
    for event in recurring_ical_events.of(calendar).between(parse_utc(start), parse_utc(stop)):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        begin = event["DTSTART"].dt
        end = event["DTEND"].dt if "DTEND" in event else begin
        is_date = not isinstance(begin, datetime.datetime)
        if is_date and end == begin:
            end = begin + datetime.timedelta(days=1)
        lines.add("%s|%s|%s" % (event["UID"], show(begin, zone), show(end, zone)))
    return sorted(lines)


def main():
    start, stop, zone_name = sys.argv[1:4]
    zone = pytz.timezone(zone_name)
    for path in sys.argv[4:]:
        for line in expand(path, start, stop, zone):
            print("%s\t%s" % (os.path.basename(path), line))


if __name__ == "__main__":
    main()
