#!/usr/bin/python3
"""Writes the calendar of the import benchmark (bench/ics/run.sh) to stdout.

Usage: generate.py [EVENTS] [SEED]     (defaults: 100000 events, seed 20261125)

Deterministic for a given EVENTS and SEED. EVENTS counts VEVENT components: a tenth are
recurring masters (weekly, daily, monthly and yearly RRULEs with COUNT, UNTIL or no end; some
with EXDATE), a tenth of those masters have one or two overrides (RECURRENCE-ID, moved by an
hour or cancelled), and the rest are single events, 5% of them all-day. Times are in three
zones, each with its VTIMEZONE: Europe/Berlin, America/New_York and Australia/Sydney. Starts
spread over 2025-06-01 .. 2027-05-01, around the benchmark's window (2025-11-25 .. 2027-02-25).
"""
import datetime
import random
import sys

VTIMEZONES = {
    "Europe/Berlin": ("+0100", "+0200", "CET", "CEST", "19700329T020000", "3;BYDAY=-1SU",
                      "19701025T030000", "10;BYDAY=-1SU"),
    "America/New_York": ("-0500", "-0400", "EST", "EDT", "19700308T020000", "3;BYDAY=2SU",
                         "19701101T020000", "11;BYDAY=1SU"),
    "Australia/Sydney": ("+1000", "+1100", "AEST", "AEDT", "19701004T020000", "10;BYDAY=1SU",
                         "19700405T030000", "4;BYDAY=1SU"),
}
ZONES = list(VTIMEZONES)
FIRST_DAY = datetime.date(2025, 6, 1)
DAYS = (datetime.date(2027, 5, 1) - FIRST_DAY).days
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def vtimezone(tzid):
    std, dst, std_name, dst_name, dst_start, dst_rule, std_start, std_rule = VTIMEZONES[tzid]
    return (f"BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n"
            f"BEGIN:DAYLIGHT\r\nTZOFFSETFROM:{std}\r\nTZOFFSETTO:{dst}\r\nTZNAME:{dst_name}\r\n"
            f"DTSTART:{dst_start}\r\nRRULE:FREQ=YEARLY;BYMONTH={dst_rule}\r\nEND:DAYLIGHT\r\n"
            f"BEGIN:STANDARD\r\nTZOFFSETFROM:{dst}\r\nTZOFFSETTO:{std}\r\nTZNAME:{std_name}\r\n"
            f"DTSTART:{std_start}\r\nRRULE:FREQ=YEARLY;BYMONTH={std_rule}\r\nEND:STANDARD\r\n"
            "END:VTIMEZONE\r\n")


def local(dt):
    return dt.strftime("%Y%m%dT%H%M%S")


def common(rng, uid, out):
    out.append(f"UID:{uid}@bench.example.org")
    out.append("DTSTAMP:20261101T080000Z")
    out.append(f"SUMMARY:Event {uid} {rng.choice(['planning', 'review', 'sync', '1:1', 'focus', 'lunch'])}")
    if rng.random() < 0.3:
        out.append("LOCATION:Room " + str(rng.randint(1, 40)))
    if rng.random() < 0.3:
        out.append("ORGANIZER;CN=Organizer:mailto:organizer@example.org")
        out.append("ATTENDEE;PARTSTAT=ACCEPTED;CN=Me:mailto:me@example.org")
        for k in range(rng.randint(1, 4)):
            out.append(f"ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:p{rng.randint(1, 500)}@example.org")
    if rng.random() < 0.05:
        out.append("TRANSP:TRANSPARENT")


def timed(rng):
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
    start = datetime.datetime(day.year, day.month, day.day, rng.randint(7, 19), rng.choice([0, 15, 30, 45]))
    return start, datetime.timedelta(minutes=rng.choice([15, 30, 45, 60, 90, 120]))


def event(lines, out):
    out.append("BEGIN:VEVENT\r\n" + "\r\n".join(lines) + "\r\nEND:VEVENT\r\n")


def single(rng, uid, out):
    lines = []
    common(rng, uid, lines)
    if rng.random() < 0.05:
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
        lines.append("DTSTART;VALUE=DATE:" + day.strftime("%Y%m%d"))
        lines.append("DTEND;VALUE=DATE:" + (day + datetime.timedelta(days=rng.randint(1, 3))).strftime("%Y%m%d"))
    else:
        tz = rng.choice(ZONES)
        start, length = timed(rng)
        lines.append(f"DTSTART;TZID={tz}:{local(start)}")
        lines.append(f"DTEND;TZID={tz}:{local(start + length)}")
    event(lines, out)


def recurring(rng, uid, out):
    """A master and its overrides; returns how many VEVENTs it wrote."""
    tz = rng.choice(ZONES)
    start, length = timed(rng)
    kind = rng.random()
    if kind < 0.6:
        step, rule = 7, "FREQ=WEEKLY;BYDAY=" + WEEKDAYS[start.weekday()]
    elif kind < 0.8:
        step, rule = 1, "FREQ=DAILY"
    elif kind < 0.93:
        step, rule = 0, rng.choice(["FREQ=MONTHLY;BYMONTHDAY=" + str(min(start.day, 28)),
                                    "FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYDAY=-1FR"])
    else:
        step, rule = 0, "FREQ=YEARLY"
    if step and rng.random() < 0.3:
        interval = rng.randint(2, 3)
        rule += f";INTERVAL={interval}"
        step *= interval
    end = rng.random()
    if end < 0.4:
        rule += f";COUNT={rng.randint(5, 80)}"
    elif end < 0.7:
        rule += ";UNTIL=" + (start + datetime.timedelta(days=rng.randint(30, 400))).strftime("%Y%m%dT%H%M%SZ")
    lines = []
    common(rng, uid, lines)
    lines.append(f"DTSTART;TZID={tz}:{local(start)}")
    lines.append(f"DTEND;TZID={tz}:{local(start + length)}")
    lines.append("RRULE:" + rule)
    # EXDATE and overrides on instances a fixed step apart (weekly and daily rules).
    instances = [start + datetime.timedelta(days=step * k) for k in range(1, 5)] if step else []
    if instances and rng.random() < 0.3:
        lines.append(f"EXDATE;TZID={tz}:" + ",".join(local(t) for t in rng.sample(instances[:2], rng.randint(1, 2))))
    event(lines, out)
    written = 1
    if instances and rng.random() < 0.1:
        for t in instances[2:2 + rng.randint(1, 2)]:
            o = []
            common(rng, uid, o)
            o.append(f"RECURRENCE-ID;TZID={tz}:{local(t)}")
            if rng.random() < 0.2:
                o.append("STATUS:CANCELLED")
            moved = t + datetime.timedelta(hours=1)
            o.append(f"DTSTART;TZID={tz}:{local(moved)}")
            o.append(f"DTEND;TZID={tz}:{local(moved + length)}")
            event(o, out)
            written += 1
    return written


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 20261125)
    out = ["BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Headway//import benchmark//EN\r\nCALSCALE:GREGORIAN\r\n"]
    out += [vtimezone(tz) for tz in ZONES]
    masters = total // 10
    written = 0
    for i in range(masters):
        written += recurring(rng, f"r{i}", out)
    i = 0
    while written < total:
        single(rng, f"s{i}", out)
        i += 1
        written += 1
    out.append("END:VCALENDAR\r\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
