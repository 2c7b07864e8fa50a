// Storage conformance: the per-person revision of migration 003. Every change to anything a person
// owns, and every change to their profile, raises their revision and no one else's; deleting a
// person still takes everything with them; a rolled-back change leaves the revision as it was.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "conformance.hpp"

namespace headway::store::testing {
namespace {

using core::Id;

// Instantiated over every backend in conformance_test.cpp.
using Conformance = StoreTest;

// A person with one of everything, and the ids a change needs to reach each of their rows.
struct Owned {
  Id person = 0;
  Id value = 0;      // linked to the goal and the win
  Id spare = 0;      // a value nothing links to
  Id catalyst = 0;
  Id boundary = 0;   // linked to the goal
  Id goal = 0;
  Id win = 0;
};

Owned make_owner(Transaction& tx, const std::string& name) {
  Owned o;
  o.person = must(tx.insert_person(person(name)));
  o.goal = give_one_of_everything(tx, o.person);
  o.spare = must(tx.insert_value(value(o.person, "Spare", 3)));
  for (const auto& v : must(tx.list_values(o.person)))
    if (v.name == "Health") o.value = v.id;
  o.catalyst = must(tx.list_catalysts(o.person)).at(0).id;
  o.boundary = must(tx.list_boundaries(o.person)).at(0).id;
  o.win = must(tx.list_wins(o.person, kEver, kNever)).at(0).id;
  return o;
}

int64_t revision_of(Transaction& tx, Id person) {
  const auto r = must(tx.person_revision(person));
  EXPECT_TRUE(r.has_value()) << "no revision for person " << person;
  return r.value_or(-1);
}

struct Change {
  std::string name;
  std::function<void(Transaction&, const Owned&)> apply;
};

const core::Date kLater = core::add_days(kDay, 1);

// One row per kind of change; each is applied to a person who owns one of everything already.
const std::vector<Change>& changes() {
  static const std::vector<Change> k{
      // person_values
      {"InsertValue", [](Transaction& tx, const Owned& o) { must(tx.insert_value(value(o.person, "Craft", 2))); }},
      {"UpdateValue",
       [](Transaction& tx, const Owned& o) { must(tx.update_value(with_id(value(o.person, "Wellbeing", 2), o.spare))); }},
      {"DeleteUnlinkedValue",
       [](Transaction& tx, const Owned& o) { EXPECT_TRUE(must(tx.delete_value(o.person, o.spare))); }},
      {"DeleteValueLinkedToGoalAndWin",
       [](Transaction& tx, const Owned& o) { EXPECT_TRUE(must(tx.delete_value(o.person, o.value))); }},
      // motivations: a new driver inserts, the same driver updates
      {"InsertMotivation",
       [](Transaction& tx, const Owned& o) {
         must(tx.upsert_motivation(core::Motivation{o.person, core::Driver::health, 2, kCreated}));
       }},
      {"UpdateMotivation",
       [](Transaction& tx, const Owned& o) {
         must(tx.upsert_motivation(core::Motivation{o.person, core::Driver::family, 1, kCreated + 60}));
       }},
      // catalysts
      {"InsertCatalyst",
       [](Transaction& tx, const Owned& o) { must(tx.insert_catalyst(catalyst(o.person, kLater, "spring"))); }},
      {"DeleteCatalyst",
       [](Transaction& tx, const Owned& o) { EXPECT_TRUE(must(tx.delete_catalyst(o.person, o.catalyst))); }},
      // boundaries
      {"InsertBoundary",
       [](Transaction& tx, const Owned& o) {
         must(tx.insert_boundary(boundary(o.person, core::BoundaryType::no_weekend_work, {})));
       }},
      {"UpdateBoundary",
       [](Transaction& tx, const Owned& o) {
         core::Boundary b = must(tx.find_boundary(o.person, o.boundary)).value();
         b.active = false;
         b.label = "paused";
         must(tx.update_boundary(b));
       }},
      {"DeleteBoundaryLinkedToGoal",
       [](Transaction& tx, const Owned& o) { EXPECT_TRUE(must(tx.delete_boundary(o.person, o.boundary))); }},
      // goals and their values
      {"InsertGoal",
       [](Transaction& tx, const Owned& o) { must(tx.insert_goal(goal(o.person, {o.spare}, "Lunch away from desk"))); }},
      {"UpdateGoalTitle",
       [](Transaction& tx, const Owned& o) {
         core::Goal g = must(tx.find_goal(o.person, o.goal)).value();
         g.title = "Leave by 17:30";
         must(tx.update_goal(g));
       }},
      {"UpdateGoalValues",
       [](Transaction& tx, const Owned& o) {
         core::Goal g = must(tx.find_goal(o.person, o.goal)).value();
         g.value_ids = {o.spare, o.value};
         must(tx.update_goal(g));
       }},
      {"ArchiveGoal",
       [](Transaction& tx, const Owned& o) {
         core::Goal g = must(tx.find_goal(o.person, o.goal)).value();
         g.archived = true;
         must(tx.update_goal(g));
       }},
      {"DeleteGoalWithStagesCompletionsAndWin",
       [](Transaction& tx, const Owned& o) { EXPECT_TRUE(must(tx.delete_goal(o.person, o.goal))); }},
      // goal_stages and completions reach the person through the goal
      {"InsertStageEntry",
       [](Transaction& tx, const Owned& o) { must(tx.insert_stage_entry(stage_entry(o.goal, kLater, "restaged"))); }},
      {"InsertCompletion",
       [](Transaction& tx, const Owned& o) {
         EXPECT_TRUE(must(tx.insert_completion(core::Completion{o.goal, kLater, core::CompletionSource::manual})));
       }},
      {"DeleteCompletion", [](Transaction& tx, const Owned& o) { EXPECT_TRUE(must(tx.delete_completion(o.goal, kDay))); }},
      // check-ins: a new day inserts, the same day updates
      {"InsertCheckin", [](Transaction& tx, const Owned& o) { must(tx.upsert_checkin(checkin(o.person, kLater))); }},
      {"UpdateCheckin", [](Transaction& tx, const Owned& o) { must(tx.upsert_checkin(day_off(o.person, kDay))); }},
      {"InsertCheckinsInABatch",
       [](Transaction& tx, const Owned& o) {
         must(tx.upsert_checkins({checkin(o.person, kLater), day_off(o.person, core::add_days(kDay, 2))}));
       }},
      {"DeleteCheckin", [](Transaction& tx, const Owned& o) { EXPECT_TRUE(must(tx.delete_checkin(o.person, kDay))); }},
      // wins
      {"InsertWin", [](Transaction& tx, const Owned& o) { must(tx.insert_win(win(o.person, kLater, "left at 17:00"))); }},
      {"DeleteWin", [](Transaction& tx, const Owned& o) { EXPECT_TRUE(must(tx.delete_win(o.person, o.win))); }},
      // reflections: a new week inserts, the same week updates
      {"InsertReflection",
       [](Transaction& tx, const Owned& o) {
         must(tx.upsert_reflection(reflection(o.person, core::week_start(core::add_days(kDay, 7)), 5, "so-so")));
       }},
      {"UpdateReflection",
       [](Transaction& tx, const Owned& o) {
         must(tx.upsert_reflection(reflection(o.person, core::week_start(kDay), 3, "worse than I said")));
       }},
      // assessments
      {"InsertAssessment", [](Transaction& tx, const Owned& o) { must(tx.insert_assessment(assessment(o.person, kLater))); }},
      // the profile, one field at a time
      {"ProfileName",
       [](Transaction& tx, const Owned& o) {
         core::Person p = must(tx.find_person(o.person)).value();
         p.name = "Ana Renamed";
         must(tx.update_person(p));
       }},
      {"ProfileEmail",
       [](Transaction& tx, const Owned& o) {
         core::Person p = must(tx.find_person(o.person)).value();
         p.email = "renamed@example.org";
         must(tx.update_person(p));
       }},
      {"ProfileTimezone",
       [](Transaction& tx, const Owned& o) {
         core::Person p = must(tx.find_person(o.person)).value();
         p.timezone = "America/New_York";
         must(tx.update_person(p));
       }},
      {"ProfileWorkHours",
       [](Transaction& tx, const Owned& o) {
         core::Person p = must(tx.find_person(o.person)).value();
         p.work_hours.to = core::TimeOfDay{15 * 60};
         must(tx.update_person(p));
       }},
  };
  return k;
}

TEST_P(Conformance, EveryChangeRaisesTheOwnersRevisionAndNoOneElses) {
  int n = 0;
  for (const Change& change : changes()) {
    SCOPED_TRACE(change.name);
    // A fresh pair per row, so no row depends on what an earlier row changed.
    Owned ana, bob;
    write([&](Transaction& tx) {
      ana = make_owner(tx, "Ana" + std::to_string(n));
      bob = make_owner(tx, "Bob" + std::to_string(n));
    });
    ++n;
    int64_t ana_before = 0, bob_before = 0;
    read([&](Transaction& tx) {
      ana_before = revision_of(tx, ana.person);
      bob_before = revision_of(tx, bob.person);
    });
    write([&](Transaction& tx) { change.apply(tx, ana); });
    read([&](Transaction& tx) {
      EXPECT_GT(revision_of(tx, ana.person), ana_before) << "the owner's revision did not rise";
      EXPECT_EQ(revision_of(tx, bob.person), bob_before) << "another person's revision changed";
    });
  }
}

TEST_P(Conformance, RevisionRisesWithEachCommitAndIsVisibleInsideTheTransaction) {
  Owned ana;
  write([&](Transaction& tx) { ana = make_owner(tx, "Ana"); });
  int64_t last = 0;
  read([&](Transaction& tx) { last = revision_of(tx, ana.person); });
  for (const Change& change : changes()) {
    if (change.name.rfind("Delete", 0) == 0) continue;  // rows deleted once cannot be deleted again
    SCOPED_TRACE(change.name);
    write([&](Transaction& tx) {
      change.apply(tx, ana);
      const int64_t inside = revision_of(tx, ana.person);
      EXPECT_GT(inside, last) << "the transaction does not see its own raise";
      last = inside;
    });
    read([&](Transaction& tx) { EXPECT_EQ(revision_of(tx, ana.person), last) << "the raise was not committed"; });
  }
}

TEST_P(Conformance, RevisionOfAnUnknownPersonIsNone) {
  Id ana = 0;
  write([&](Transaction& tx) { ana = must(tx.insert_person(person("Ana"))); });
  read([&](Transaction& tx) {
    EXPECT_TRUE(must(tx.person_revision(ana)).has_value());
    EXPECT_EQ(must(tx.person_revision(ana + 1000)), std::nullopt);
  });
}

TEST_P(Conformance, DeletingAPersonWithEverythingLeavesOthersAndTheirRevisionAlone) {
  Owned ana, bob;
  std::vector<std::pair<std::string, int64_t>> before;
  int64_t bob_revision = 0;
  write([&](Transaction& tx) { bob = make_owner(tx, "Bob"); });
  read([&](Transaction& tx) {
    before = must(tx.table_counts());
    bob_revision = revision_of(tx, bob.person);
  });
  write([&](Transaction& tx) { ana = make_owner(tx, "Ana"); });
  write([&](Transaction& tx) { must(tx.delete_person(ana.person)); });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.find_person(ana.person)), std::nullopt);
    EXPECT_EQ(must(tx.person_revision(ana.person)), std::nullopt);
    EXPECT_EQ(must(tx.table_counts()), before) << "Ana's rows are not all gone, or Bob's are not all kept";
    EXPECT_EQ(revision_of(tx, bob.person), bob_revision);
    EXPECT_EQ(must(tx.list_goals(bob.person)).size(), 1u);
  });
}

TEST_P(Conformance, RolledBackChangesLeaveTheRevisionAsItWas) {
  Owned ana;
  write([&](Transaction& tx) { ana = make_owner(tx, "Ana"); });
  int64_t before = 0;
  read([&](Transaction& tx) { before = revision_of(tx, ana.person); });
  {
    auto tx = must(db_->begin(true));
    // Every change at once: first all that add or update, then the deletions, newest rows first.
    std::vector<const Change*> deletions;
    for (const Change& change : changes()) {
      if (change.name.rfind("Delete", 0) == 0) deletions.insert(deletions.begin(), &change);
      else change.apply(*tx, ana);
    }
    for (const Change* change : deletions) change->apply(*tx, ana);
    EXPECT_GT(revision_of(*tx, ana.person), before);
  }  // destroyed without commit
  read([&](Transaction& tx) { EXPECT_EQ(revision_of(tx, ana.person), before); });

  // The same through with_write, whose function fails after changing things.
  const Result<Id> failed = with_write(*db_, [&](Transaction& tx) -> Result<Id> {
    must(tx.upsert_checkin(checkin(ana.person, kLater)));
    return fail(ErrorCode::invalid, "changed my mind", "date");
  });
  EXPECT_FALSE(failed.has_value());
  read([&](Transaction& tx) { EXPECT_EQ(revision_of(tx, ana.person), before); });
}

}  // namespace
}  // namespace headway::store::testing
