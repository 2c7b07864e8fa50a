// ical.js side of the calendar import benchmark (bench/ics/run.sh): parses the file, registers
// its VTIMEZONEs, expands every event over [FROM, TO) with ICAL.Event.iterator, overrides
// (RECURRENCE-ID) related to their masters, and prints the number of occurrences in the window.
//
//   node bench/ics/icaljs.mjs FILE FROM TO      (FROM, TO as 2025-11-25T12:00:00Z)
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const [file, fromText, toText] = process.argv.slice(2);
if (!file || !fromText || !toText) {
  console.error('usage: node icaljs.mjs FILE FROM TO');
  process.exit(2);
}
const from = ICAL.Time.fromJSDate(new Date(fromText), true);
const to = ICAL.Time.fromJSDate(new Date(toText), true);
const fromUnix = from.toUnixTime();
const toUnix = to.toUnixTime();

const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);

// Overrides per UID, handed to each master: without `exceptions` ICAL.Event scans every VEVENT of
// the calendar for them, once per event.
const vevents = calendar.getAllSubcomponents('vevent');
const overrides = new Map();
for (const c of vevents) {
  if (!c.hasProperty('recurrence-id')) continue;
  const uid = c.getFirstPropertyValue('uid');
  if (!overrides.has(uid)) overrides.set(uid, []);
  overrides.get(uid).push(c);
}

const inWindow = (start, end) => {
  const s = start.toUnixTime();
  const e = end.toUnixTime();
  return s === e ? s >= fromUnix && s < toUnix : s < toUnix && e > fromUnix;
};

let events = 0;
let occurrences = 0;
for (const c of vevents) {
  ++events;
  if (c.hasProperty('recurrence-id')) continue;  // expanded with its master
  if (c.getFirstPropertyValue('status') === 'CANCELLED') continue;
  const event = new ICAL.Event(c, { exceptions: overrides.get(c.getFirstPropertyValue('uid')) ?? [] });
  if (!event.isRecurring()) {
    if (inWindow(event.startDate, event.endDate)) ++occurrences;
    continue;
  }
  const it = event.iterator();
  for (let next = it.next(); next; next = it.next()) {
    const details = event.getOccurrenceDetails(next);
    if (details.item.component.getFirstPropertyValue('status') === 'CANCELLED') continue;
    if (details.startDate.toUnixTime() >= toUnix && next.toUnixTime() >= toUnix) break;
    if (inWindow(details.startDate, details.endDate)) ++occurrences;
  }
}
console.log(`ical.js: ${events} events, ${occurrences} occurrences in the window`);
