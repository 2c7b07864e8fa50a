#pragma once
// Export of everything a person has, and its exact re-import into an empty database.
#include <string>

#include "service/context.hpp"

namespace headway::service {

// Version 2 added "evidence" (imported calendars and activity), version 3 "together" (support
// network, conversation plans, notifications, and a record of what involves other people).
// Older files still import.
inline constexpr int kExportVersion = 3;

// The complete data of the actor as JSON text (format "headway-export", version 3).
Result<std::string> export_all(Context& ctx, const Actor& actor);

// Checks an export completely without touching any database.
Result<void> validate_export(std::string_view json_text);

// Imports an export into a database without a profile. Everything is validated first; on any
// error nothing is written, and the error names the JSON path.
Result<Actor> import_all(Context& ctx, std::string_view json_text);

}  // namespace headway::service
