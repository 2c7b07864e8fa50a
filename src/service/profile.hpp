#pragma once
// Creating and changing the person's profile.
#include <optional>
#include <string>

#include "service/context.hpp"

namespace headway::service {

struct InitRequest {
  std::string name;
  std::string timezone;
  std::string work_hours = "Mon-Fri 09:00-17:30";
  std::string email;
};

// Creates the local person; refuses when a profile exists.
Result<core::Person> init_profile(Context& ctx, const InitRequest& req);

struct ProfileUpdate {
  std::optional<std::string> name, timezone, work_hours, email;
};
Result<core::Person> update_profile(Context& ctx, const Actor& actor, const ProfileUpdate& up);
Result<core::Person> get_profile(Context& ctx, const Actor& actor);

}  // namespace headway::service
