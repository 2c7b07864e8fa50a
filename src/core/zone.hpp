#pragma once
// An IANA time zone: the only way Headway turns instants into local days.
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace date {
class time_zone;
}

namespace headway::core {

class Zone {
 public:
  // Looks up an IANA name such as "Europe/Berlin"; anything else is an error on `field`.
  static Result<Zone> find(std::string_view name, std::string_view field = "timezone");
  static Zone utc();

  const std::string& name() const { return name_; }
  // The local calendar day of an instant.
  Date local_date(Instant t) const;
  // Minutes past local midnight on the wall clock.
  int wall_minutes(Instant t) const;
  // The instant of a wall-clock time on a day. A time skipped by DST maps forward past the gap;
  // a repeated time maps to its first occurrence. Minutes may exceed 1440 to mean the next day.
  Instant to_instant(Date d, int wall_minute) const;
  // Real length of a local day in minutes: 1440, or 1380/1500 on DST change days.
  int day_minutes(Date d) const;
  // Real minutes elapsed between two wall-clock times of a day (end may be past midnight).
  int elapsed_minutes(Date d, int from_wall, int to_wall) const;

 private:
  Zone(const date::time_zone* tz, std::string name) : tz_(tz), name_(std::move(name)) {}
  const date::time_zone* tz_ = nullptr;  // null means UTC
  std::string name_;
};

// The current instant.
Instant now();

}  // namespace headway::core
