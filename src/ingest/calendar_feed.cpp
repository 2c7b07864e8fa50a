// The calendar feed, written as text: RFC 5545 escaping and 75-octet line folding, with the
// person's VTIMEZONE written from the tz database.
#include "ingest/calendar_feed.hpp"

#include <cstdio>
#include <cstdlib>

#include "core/zone.hpp"

namespace headway::ingest {
namespace {

using core::Boundary;
using core::BoundaryType;

constexpr const char* kByDay[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

// TEXT escaping (RFC 5545 3.3.11).
std::string escape_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

// Appends one content line, folded at 75 octets without splitting a UTF-8 sequence.
void line(std::string& out, std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool continuation = (c & 0xC0) == 0x80;
    if (!continuation && width >= 74) {
      out += "\r\n ";
      width = 1;
    }
    out += text[i];
    ++width;
  }
  out += "\r\n";
}

std::string two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string date_value(core::Date d) {
  const auto ymd = core::to_ymd(d);
  return std::to_string(ymd.year) + two(static_cast<int>(ymd.month)) + two(static_cast<int>(ymd.day));
}

// A local date-time; 1440 minutes is midnight at the start of the next day.
std::string local_value(core::Date d, int minutes) {
  if (minutes >= 1440) return local_value(core::add_days(d, minutes / 1440), minutes % 1440);
  return date_value(d) + "T" + two(minutes / 60) + two(minutes % 60) + "00";
}

std::string utc_value(core::Instant t) {
  const auto days = static_cast<int>(t >= 0 ? t / 86400 : (t - 86399) / 86400);
  const auto secs = static_cast<int>(t - static_cast<core::Instant>(days) * 86400);
  return date_value(core::Date{days}) + "T" + two(secs / 3600) + two(secs / 60 % 60) + two(secs % 60) + "Z";
}

std::string by_day(core::DaySet days) {
  std::string out;
  for (int wd = 0; wd < 7; ++wd)
    if (days.contains(wd)) out += (out.empty() ? "" : ",") + std::string(kByDay[wd]);
  return out;
}

// The first day on or after `from` that is in `days` (`from` itself when none is).
core::Date first_in(core::DaySet days, core::Date from) {
  for (int i = 0; i < 7; ++i)
    if (days.contains(core::weekday(core::add_days(from, i)))) return core::add_days(from, i);
  return from;
}

// The zone's offset from UTC at an instant, in minutes.
int offset_minutes(const core::Zone& zone, core::Instant t) {
  const core::Instant minute = t >= 0 ? t / 60 : (t - 59) / 60;
  return (zone.local_date(t).days * 1440 + zone.wall_minutes(t)) - static_cast<int>(minute);
}

std::string offset_value(int minutes) {
  const char sign = minutes < 0 ? '-' : '+';
  minutes = std::abs(minutes);
  return std::string(1, sign) + two(minutes / 60) + two(minutes % 60);
}

struct Block {
  std::string uid;
  std::string summary;
  std::string description;
  core::DaySet days;
  int from = 0;       // local minutes
  int to = 0;         // local minutes; 1440 = midnight at the end of the day
  bool all_day = false;
};

class Writer {
 public:
  Writer(const core::Person& p, const FeedOptions& o) : person_(p), options_(o) {}

  void block(const Block& b) {
    if (b.days.bits == 0 || (!b.all_day && b.to <= b.from)) return;
    const auto start = first_in(b.days, options_.first_day);
    line(out_, "BEGIN:VEVENT");
    line(out_, "UID:" + b.uid);
    line(out_, "DTSTAMP:" + utc_value(options_.generated_at));
    if (b.all_day) {
      line(out_, "DTSTART;VALUE=DATE:" + date_value(start));
      line(out_, "DTEND;VALUE=DATE:" + date_value(core::add_days(start, 1)));
    } else {
      line(out_, "DTSTART;TZID=" + person_.timezone + ":" + local_value(start, b.from));
      line(out_, "DTEND;TZID=" + person_.timezone + ":" + local_value(start, b.to));
    }
    line(out_, "RRULE:FREQ=WEEKLY;BYDAY=" + by_day(b.days));
    line(out_, "SUMMARY:" + escape_text(b.summary));
    if (!b.description.empty()) line(out_, "DESCRIPTION:" + escape_text(b.description));
    line(out_, "TRANSP:OPAQUE");
    line(out_, "END:VEVENT");
  }

  void reminder() {
    const int from = options_.reminder.minutes;
    const int to = std::min(from + std::max(options_.reminder_minutes, 1), 1439);
    line(out_, "BEGIN:VEVENT");
    line(out_, "UID:checkin-reminder-" + std::to_string(person_.id) + "@headway");
    line(out_, "DTSTAMP:" + utc_value(options_.generated_at));
    line(out_, "DTSTART;TZID=" + person_.timezone + ":" + local_value(options_.first_day, from));
    line(out_, "DTEND;TZID=" + person_.timezone + ":" + local_value(options_.first_day, to));
    line(out_, "RRULE:FREQ=DAILY");
    line(out_, "SUMMARY:Check in with Headway");
    line(out_, "DESCRIPTION:" + escape_text("How was today? A check-in takes under a minute."));
    line(out_, "TRANSP:TRANSPARENT");
    line(out_, "BEGIN:VALARM");
    line(out_, "ACTION:DISPLAY");
    line(out_, "DESCRIPTION:Check in with Headway");
    line(out_, "TRIGGER:PT0M");
    line(out_, "END:VALARM");
    line(out_, "END:VEVENT");
  }

  // The person's zone as a VTIMEZONE (RFC 5545 requires one for every TZID used): one
  // observance per offset change from a year before the first day to ten years after it, read
  // from the tz database through core::Zone. Subscribers refresh the feed long before it runs out.
  void timezone(const core::Zone& zone) {
    line(out_, "BEGIN:VTIMEZONE");
    line(out_, "TZID:" + person_.timezone);
    const core::Instant from = zone.to_instant(core::add_days(options_.first_day, -366), 0);
    const core::Instant to = zone.to_instant(core::add_days(options_.first_day, 3660), 0);
    int before = offset_minutes(zone, from);
    observance(zone, from, before, before);
    // Offsets change on whole minutes and at most a few times a year: step by hours, then find
    // the minute.
    for (core::Instant t = from + 3600; t <= to; t += 3600) {
      const int now = offset_minutes(zone, t);
      if (now == before) continue;
      core::Instant lo = t - 3600, hi = t;  // offset(lo) == before, offset(hi) == now
      while (hi - lo > 60) {
        const core::Instant mid = lo + (hi - lo) / 120 * 60;
        (offset_minutes(zone, mid) == before ? lo : hi) = mid;
      }
      observance(zone, hi, before, now);
      before = now;
    }
    line(out_, "END:VTIMEZONE");
  }

  std::string& out() { return out_; }

 private:
  // One STANDARD or DAYLIGHT component starting at `at`; DTSTART is the local time just before
  // the change, in the old offset. The larger of two offsets in a year is daylight time.
  void observance(const core::Zone&, core::Instant at, int from, int to) {
    const char* kind = to > from ? "DAYLIGHT" : "STANDARD";
    const core::Instant local = at + static_cast<core::Instant>(from) * 60;
    const auto days = static_cast<int>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
    const auto secs = static_cast<int>(local - static_cast<core::Instant>(days) * 86400);
    line(out_, std::string("BEGIN:") + kind);
    line(out_, "DTSTART:" + local_value(core::Date{days}, secs / 60));
    line(out_, "TZOFFSETFROM:" + offset_value(from));
    line(out_, "TZOFFSETTO:" + offset_value(to));
    line(out_, std::string("END:") + kind);
  }

  const core::Person& person_;
  const FeedOptions& options_;
  std::string out_;
};

std::string uid(const Boundary& b, const char* part) {
  return "boundary-" + std::to_string(b.id) + "-" + part + "@headway";
}

}  // namespace

std::string calendar_feed(const core::Person& person, const std::vector<Boundary>& boundaries, const FeedOptions& options) {
  const bool utc = person.timezone == "UTC" || person.timezone == "Etc/UTC";
  core::Person p = person;
  if (utc) p.timezone = "UTC";
  Writer w(p, options);
  auto& out = w.out();
  line(out, "BEGIN:VCALENDAR");
  line(out, "VERSION:2.0");
  line(out, "PRODID:-//Headway//Calendar feed//EN");
  line(out, "CALSCALE:GREGORIAN");
  line(out, "METHOD:PUBLISH");
  line(out, "X-WR-CALNAME:" + escape_text("Headway: protected time"));
  line(out, "X-PUBLISHED-TTL:PT1H");
  if (!utc) {
    if (auto zone = core::Zone::find(person.timezone)) w.timezone(*zone);
  }

  for (const auto& b : boundaries) {
    if (!b.active) continue;
    const std::string why = b.label.empty() ? core::describe(b) : b.label;
    switch (b.type) {
      case BoundaryType::work_window:
        w.block({uid(b, "evening"), "Protected: off work", why, b.days, b.to.minutes, 1440, false});
        break;
      case BoundaryType::no_weekend_work:
        w.block({uid(b, "weekend"), "Protected: weekend", why, core::DaySet{0x60}, 0, 0, true});
        break;
      case BoundaryType::meeting_free:
        w.block({uid(b, "meeting-free"), "Protected: no meetings", why, b.days, b.from.minutes, b.to.minutes, false});
        break;
      case BoundaryType::no_messages_after:
        w.block({uid(b, "quiet"), "Protected: no messages", why, core::DaySet{0x7f}, b.time.minutes, 1440, false});
        break;
      case BoundaryType::min_break:
        w.block({uid(b, "break"), "Break", why, person.work_hours.days, 12 * 60, 12 * 60 + b.minutes, false});
        break;
      case BoundaryType::weekly_hours_cap:
        break;
    }
  }
  w.reminder();
  line(out, "END:VCALENDAR");
  return std::move(out);
}

}  // namespace headway::ingest
