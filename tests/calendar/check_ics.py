#!/usr/bin/python3
"""Checks the calendar files `pairwise calendar` writes with an independent parser: Debian's
python3-icalendar (scripts/setup.sh installs it; run with /usr/bin/python3, which has it).

    check_ics.py planned ALL.ics   # every planned meeting of tests/fixtures/calendar.backup.json from 2024-01-01
    check_ics.py next NEXT.ics     # the next one only

Exits 0 when every check holds, 1 with one line per failed check otherwise.
"""
import datetime as dt
import sys

import icalendar

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


UTC = dt.timezone.utc
# tests/fixtures/calendar.backup.json: meetings dated 2024-01-01 or later, earliest first, in UTC.
EXPECTED = [
    {"uid": "meeting-00000000000000000000000000000006@pairwise",
     "start": dt.datetime(2024, 1, 15, 9, 0, tzinfo=UTC), "end": dt.datetime(2024, 1, 15, 9, 45, tzinfo=UTC),
     "offset": dt.timedelta(hours=5, minutes=30), "how": "by video for 45 minutes", "trigger": dt.timedelta(minutes=-30)},
    {"uid": "meeting-0000000000000000000000000000c001@pairwise",
     "start": dt.datetime(2024, 3, 15, 9, 0, tzinfo=UTC), "end": dt.datetime(2024, 3, 15, 9, 45, tzinfo=UTC),
     "offset": dt.timedelta(hours=5, minutes=30), "how": "by video for 45 minutes", "trigger": dt.timedelta(minutes=-30)},
    {"uid": "meeting-0000000000000000000000000000c003@pairwise",
     "start": dt.date(2024, 4, 10), "end": dt.date(2024, 4, 11), "offset": None,
     "how": "in person for 60 minutes", "trigger": dt.timedelta(hours=-15)},
    # 23:30 at UTC-03:30 on New Year's Eve is 03:00 UTC on New Year's Day.
    {"uid": "meeting-0000000000000000000000000000c002@pairwise",
     "start": dt.datetime(2025, 1, 1, 3, 0, tzinfo=UTC), "end": dt.datetime(2025, 1, 1, 4, 0, tzinfo=UTC),
     "offset": dt.timedelta(hours=-3, minutes=-30), "how": "by phone for 60 minutes", "trigger": dt.timedelta(minutes=-30)},
]
NAMES = "Mentoring: Ωμέγα Παπαδοπούλου and 张伟, Jr.; \"Wei\""


def check_raw(path, raw):
    check(raw.endswith(b"\r\n"), f"{path}: the file ends with CRLF")
    lines = raw.split(b"\r\n")[:-1]
    check(b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines), f"{path}: every line ends with CRLF")
    for number, line in enumerate(lines, 1):
        check(len(line) <= 75, f"{path}:{number}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            check(False, f"{path}:{number}: a fold split a UTF-8 character")
    check(b"PRIVATE" not in raw, f"{path}: no meeting notes or private notes in the calendar")


def check_event(path, event, want):
    uid = str(event.get("UID"))
    check(uid == want["uid"], f"{path}: UID {uid}, expected {want['uid']}")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    check(event.get("DTSTAMP") is not None, f"{path}: {uid} has a DTSTAMP")
    if isinstance(want["start"], dt.datetime):
        check(isinstance(start, dt.datetime) and start.tzinfo is not None, f"{path}: {uid} starts at a time in a zone")
        if isinstance(start, dt.datetime) and start.tzinfo is not None:
            check(start.astimezone(UTC) == want["start"], f"{path}: {uid} starts {start.astimezone(UTC)}, expected {want['start']}")
            check(end.astimezone(UTC) == want["end"], f"{path}: {uid} ends {end.astimezone(UTC)}, expected {want['end']}")
            check(start.utcoffset() == want["offset"], f"{path}: {uid} offset {start.utcoffset()}, expected {want['offset']}")
    else:
        check(not isinstance(start, dt.datetime) and start == want["start"], f"{path}: {uid} is all day on {want['start']}")
        check(not isinstance(end, dt.datetime) and end == want["end"], f"{path}: {uid} ends on {want['end']}")
    check(str(event.get("SUMMARY")) == NAMES, f"{path}: {uid} summary {event.get('SUMMARY')!r}")
    description = str(event.get("DESCRIPTION"))
    check(want["how"] in description, f"{path}: {uid} description says {want['how']!r}: {description!r}")
    check("Co-production Network mentoring" in description, f"{path}: {uid} description names the scheme")
    alarms = [c for c in event.subcomponents if c.name == "VALARM"]
    check(len(alarms) == 1, f"{path}: {uid} has one reminder")
    if alarms:
        check(str(alarms[0].get("ACTION")) == "DISPLAY", f"{path}: {uid} reminder is shown")
        check(alarms[0].decoded("TRIGGER") == want["trigger"], f"{path}: {uid} reminder {alarms[0].decoded('TRIGGER')}")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("planned", "next"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    which, path = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        raw = f.read()
    check_raw(path, raw)
    calendar = icalendar.Calendar.from_ical(raw)
    check(str(calendar.get("VERSION")) == "2.0", f"{path}: VERSION 2.0")
    check(str(calendar.get("PRODID")).startswith("-//Pairwise//"), f"{path}: PRODID names Pairwise")
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    zones = [c for c in calendar.walk() if c.name == "VTIMEZONE"]
    expected = EXPECTED if which == "planned" else EXPECTED[:1]
    check(len(events) == len(expected), f"{path}: {len(events)} events, expected {len(expected)}")
    check(len({str(e.get('UID')) for e in events}) == len(events), f"{path}: every UID differs")
    zone_ids = sorted(str(z.get("TZID")) for z in zones)
    want_zones = ["UTC+0530", "UTC-0330"] if which == "planned" else ["UTC+0530"]
    check(zone_ids == want_zones, f"{path}: time zones {zone_ids}, expected {want_zones}")
    for event, want in zip(events, expected):
        check_event(path, event, want)
    for line in failures:
        print("check_ics: " + line)
    print(f"check_ics: {path}: {len(events)} event(s), {'ok' if not failures else str(len(failures)) + ' failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
