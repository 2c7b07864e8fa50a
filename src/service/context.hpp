#pragma once
// What every use case needs: the database, the clock, and who is acting.
#include <functional>
#include <optional>
#include <string>

#include "core/person.hpp"
#include "core/zone.hpp"
#include "store/database.hpp"

namespace headway::service {

using core::Date;
using core::Id;

struct Context {
  store::Database& db;
  std::function<core::Instant()> clock = core::now;
  std::string instruments_dir;  // extra instrument files; built-in ones always load
};

// The person a request acts for. Every object access checks it against the object's owner.
struct Actor {
  Id person_id = 0;
};

// The person of the local profile (made by `headway init`).
Result<Actor> local_actor(Context& ctx);

// Loads the actor's person and zone, inside an open transaction.
struct PersonZone {
  core::Person person;
  core::Zone zone;
};
Result<PersonZone> load_person(store::Transaction& tx, const Actor& actor);

// The actor's local "today".
Date local_today(const Context& ctx, const core::Zone& zone);

// Resolves an optional "--date" text to a local day, defaulting to today.
Result<Date> date_or_today(const Context& ctx, const core::Zone& zone, const std::optional<std::string>& text,
                           const char* field = "date");

}  // namespace headway::service
