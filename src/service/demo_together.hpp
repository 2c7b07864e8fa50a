#pragma once
// The demo person's social side: a support network, a circle of colleagues with shared wins,
// kudos and two pledges (one still collecting, so signing it is something to try), a coach with a
// grant who read and commented on a conversation plan, and the notifications all this left.
// Part of run_demo's transaction.
#include "core/goal.hpp"
#include "core/person.hpp"
#include "store/database.hpp"

namespace headway::service {

struct DemoTogether {
  const core::Person& person;
  const core::Goal& goal;  // the goal the conversation plan is about
  core::Date today;
  core::Instant now;
};

Result<void> seed_demo_together(store::Transaction& tx, const DemoTogether& d);

}  // namespace headway::service
