#include "core/zone.hpp"

#include <chrono>
#include <stdexcept>

#include <date/tz.h>

namespace headway::core {

Result<Zone> Zone::find(std::string_view name, std::string_view field) {
  if (name == "UTC" || name == "Etc/UTC") return Zone(nullptr, std::string(name));
  const bool plausible = !name.empty() && name.size() < 64 && name.find("..") == std::string_view::npos &&
                         name.front() != '/';
  if (plausible) {
    try {
      return Zone(date::locate_zone(name), std::string(name));
    } catch (const std::exception&) {
      // not a zone: fall through to the error below
    }
  }
  std::string shown(name.substr(0, 64));
  return invalid(std::string(field),
                 "unknown time zone \"" + shown + "\" (use an IANA name such as Europe/Berlin)");
}

Zone Zone::utc() { return Zone(nullptr, "UTC"); }

Date Zone::local_date(Instant t) const {
  Instant local = t;
  if (tz_) {
    auto info = tz_->get_info(date::sys_seconds{std::chrono::seconds{t}});
    local += info.offset.count();
  }
  const int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  return Date{static_cast<int32_t>(day)};
}

int Zone::wall_minutes(Instant t) const {
  Instant local = t;
  if (tz_) local += tz_->get_info(date::sys_seconds{std::chrono::seconds{t}}).offset.count();
  int64_t sec = local % 86400;
  if (sec < 0) sec += 86400;
  return static_cast<int>(sec / 60);
}

Instant Zone::to_instant(Date d, int wall_minute) const {
  const Instant local = static_cast<Instant>(d.days) * 86400 + static_cast<Instant>(wall_minute) * 60;
  if (!tz_) return local;
  const date::local_seconds ls{std::chrono::seconds{local}};
  const auto info = tz_->get_info(ls);
  switch (info.result) {
    case date::local_info::unique:
      return local - info.first.offset.count();
    case date::local_info::ambiguous:
      return local - info.first.offset.count();
    case date::local_info::nonexistent:
      // The wall clock jumped over this time: use the offset before the gap, landing past it.
      return local - info.first.offset.count();
  }
  return local - info.first.offset.count();
}

int Zone::day_minutes(Date d) const {
  return static_cast<int>((to_instant(add_days(d, 1), 0) - to_instant(d, 0)) / 60);
}

int Zone::elapsed_minutes(Date d, int from_wall, int to_wall) const {
  return static_cast<int>((to_instant(d, to_wall) - to_instant(d, from_wall)) / 60);
}

Instant now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace headway::core
