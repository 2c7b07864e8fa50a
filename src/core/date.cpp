#include "core/date.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace headway::core {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days, the proleptic Gregorian calendar.
int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

Ymd civil_from_days(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
  static constexpr std::array<unsigned, 12> k{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : k[m - 1];
}

bool digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size();
}

constexpr std::array<const char*, 7> kWeekdays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string quoted(std::string_view s) {
  std::string out = "\"";
  out += s.size() > 40 ? std::string(s.substr(0, 40)) + "..." : std::string(s);
  out += '"';
  return out;
}

}  // namespace

Date make_date(int year, unsigned month, unsigned day) { return Date{days_from_civil(year, month, day)}; }

Ymd to_ymd(Date d) { return civil_from_days(d.days); }

Result<Date> parse_date(std::string_view text, std::string_view field) {
  const std::string f(field);
  const auto bad = [&] {
    return invalid(f, "expected a date as YYYY-MM-DD, got " + quoted(text));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int y = 0, m = 0, d = 0;
  if (!digits(text.substr(0, 4), y) || !digits(text.substr(5, 2), m) || !digits(text.substr(8, 2), d))
    return bad();
  if (y < 1900 || y > 2200) return invalid(f, "year out of range (1900-2200) in " + quoted(text));
  if (m < 1 || m > 12) return invalid(f, "month out of range in " + quoted(text));
  if (d < 1 || static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m)))
    return invalid(f, "no such day: " + quoted(text));
  return make_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string to_string(Date d) {
  const Ymd ymd = to_ymd(d);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", ymd.year, ymd.month, ymd.day);
  return buf;
}

int weekday(Date d) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const int r = (d.days + 3) % 7;
  return r < 0 ? r + 7 : r;
}

Date week_start(Date d) { return add_days(d, -weekday(d)); }

std::string iso_week_label(Date d) {
  const Date thursday = add_days(week_start(d), 3);
  const int year = to_ymd(thursday).year;
  const int week = (thursday.days - make_date(year, 1, 1).days) / 7 + 1;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
  return buf;
}

const char* weekday_name(int wd) { return kWeekdays.at(static_cast<size_t>(wd)); }

Result<TimeOfDay> parse_time(std::string_view text, std::string_view field) {
  const std::string f(field);
  int h = 0, m = 0;
  if (text.size() != 5 || text[2] != ':' || !digits(text.substr(0, 2), h) || !digits(text.substr(3, 2), m))
    return invalid(f, "expected a time as HH:MM, got " + quoted(text));
  if (h > 23 || m > 59) return invalid(f, "no such time of day: " + quoted(text));
  return TimeOfDay{h * 60 + m};
}

std::string to_string(TimeOfDay t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", t.minutes / 60, t.minutes % 60);
  return buf;
}

Result<DaySet> parse_days(std::string_view text, std::string_view field) {
  const std::string f(field);
  if (text == "daily" || text == "all") return DaySet{0x7f};
  if (text == "weekdays") return DaySet{0x1f};
  if (text == "weekend") return DaySet{0x60};
  const auto day_index = [](std::string_view s) -> int {
    for (int i = 0; i < 7; ++i) {
      std::string_view name = kWeekdays[static_cast<size_t>(i)];
      if (s.size() == 3 && (s[0] == name[0] || s[0] == name[0] + 32) && s.substr(1) == name.substr(1)) return i;
    }
    return -1;
  };
  DaySet set;
  size_t pos = 0;
  if (text.empty()) return invalid(f, "expected days such as Mon-Fri, got nothing");
  while (pos <= text.size()) {
    size_t comma = text.find(',', pos);
    std::string_view part = text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    size_t dash = part.find('-');
    int a = day_index(part.substr(0, dash));
    int b = dash == std::string_view::npos ? a : day_index(part.substr(dash + 1));
    if (a < 0 || b < 0)
      return invalid(f, "expected days such as Mon-Fri or Sat,Sun, got " + quoted(text));
    for (int i = a;; i = (i + 1) % 7) {
      set.bits = static_cast<uint8_t>(set.bits | (1u << i));
      if (i == b) break;
    }
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return set;
}

std::string to_string(DaySet days) {
  std::string out;
  int i = 0;
  while (i < 7) {
    if (!days.contains(i)) {
      ++i;
      continue;
    }
    int j = i;
    while (j + 1 < 7 && days.contains(j + 1)) ++j;
    if (!out.empty()) out += ',';
    out += kWeekdays[static_cast<size_t>(i)];
    if (j > i + 1) {
      out += '-';
      out += kWeekdays[static_cast<size_t>(j)];
    } else if (j == i + 1) {
      out += ',';
      out += kWeekdays[static_cast<size_t>(j)];
    }
    i = j + 1;
  }
  return out;
}

std::string format_instant(Instant t) {
  const int64_t day = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const int64_t sec = t - day * 86400;
  const Ymd ymd = civil_from_days(static_cast<int32_t>(day));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", ymd.year, ymd.month, ymd.day,
                static_cast<int>(sec / 3600), static_cast<int>(sec / 60 % 60), static_cast<int>(sec % 60));
  return buf;
}

Result<Instant> parse_instant(std::string_view text, std::string_view field) {
  const std::string f(field);
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return invalid(f, "expected a UTC time as YYYY-MM-DDTHH:MM:SSZ, got " + quoted(text));
  auto date = parse_date(text.substr(0, 10), field);
  if (!date) return tl::unexpected(date.error());
  int h = 0, m = 0, s = 0;
  if (!digits(text.substr(11, 2), h) || !digits(text.substr(14, 2), m) || !digits(text.substr(17, 2), s) ||
      h > 23 || m > 59 || s > 59)
    return invalid(f, "no such time of day in " + quoted(text));
  return static_cast<Instant>(date->days) * 86400 + h * 3600 + m * 60 + s;
}

}  // namespace headway::core
