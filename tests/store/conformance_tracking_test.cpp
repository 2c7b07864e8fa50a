// Storage conformance: check-ins, wins, weekly reflections and assessments.
#include <gtest/gtest.h>

#include <map>

#include "conformance.hpp"

namespace headway::store::testing {
namespace {

using core::BoundaryType;
using core::CompletionSource;
using core::Date;
using core::Id;

// Instantiated over every backend in conformance_test.cpp.
using Conformance = StoreTest;

// --- check-ins -------------------------------------------------------------------------------------

TEST_P(Conformance, CheckInUpsertReplacesTheWholeDayIncludingEmptyFields) {
  Id ana = 0;
  write([&](Transaction& tx) { ana = must(tx.insert_person(person("Ana"))); });

  const core::CheckIn worked = checkin(ana, kDay);
  const core::CheckIn off = day_off(ana, kDay);
  core::CheckIn night = checkin(ana, kDay);  // ends after midnight; zeros are values, not "none"
  night.start = core::TimeOfDay{22 * 60};
  night.end = core::TimeOfDay{1 * 60 + 30};
  night.worked_minutes = 210;
  night.after_hours = 0;
  night.break_minutes = 0;
  night.stress = 5;
  night.energy = 1;
  night.progress = false;
  night.setback = true;
  night.note = "on call";
  night.updated_at = kCreated + 120;

  for (const core::CheckIn& c : {worked, off, night}) {
    write([&](Transaction& tx) { must(tx.upsert_checkin(c)); });
    read([&](Transaction& tx) {
      EXPECT_EQ(show(must(tx.find_checkin(ana, kDay))), show(std::optional(c)));
      EXPECT_EQ(must(tx.list_checkins(ana, kEver, kNever)).size(), 1u);
    });
  }
}

TEST_P(Conformance, CheckInsAreListedByInclusiveRangeInDateOrderAndDeleted) {
  Id ana = 0, bob = 0;
  std::map<int, core::CheckIn> mine;  // by day offset from kDay
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    bob = must(tx.insert_person(person("Bob")));
    for (int offset : {3, 0, 1, 5}) {
      core::CheckIn c = offset == 1 ? day_off(ana, add_days(kDay, offset)) : checkin(ana, add_days(kDay, offset));
      c.note = "day " + std::to_string(offset);
      must(tx.upsert_checkin(c));
      mine[offset] = c;
    }
    must(tx.upsert_checkin(checkin(bob, kDay)));
    must(tx.upsert_checkin(checkin(bob, add_days(kDay, 1))));
  });
  read([&](Transaction& tx) {
    EXPECT_EQ(show(must(tx.list_checkins(ana, kDay, add_days(kDay, 3)))),
              show(std::vector{mine[0], mine[1], mine[3]}));
    EXPECT_TRUE(must(tx.list_checkins(ana, add_days(kDay, 6), kNever)).empty());
  });
  write([&](Transaction& tx) {
    EXPECT_TRUE(must(tx.delete_checkin(ana, add_days(kDay, 1))));
    EXPECT_FALSE(must(tx.delete_checkin(ana, add_days(kDay, 1))));
  });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.find_checkin(ana, add_days(kDay, 1))), std::nullopt);
    EXPECT_TRUE(must(tx.find_checkin(bob, add_days(kDay, 1))).has_value());
    EXPECT_EQ(dates_of(must(tx.list_checkins(ana, kEver, kNever))),
              (std::vector<std::string>{"2026-03-04", "2026-03-07", "2026-03-09"}));
  });
}

TEST_P(Conformance, CheckInBatchUpsertActsLikeOneUpsertAfterAnother) {
  Id ana = 0;
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    must(tx.upsert_checkin(checkin(ana, kDay)));
  });
  // Longer than any sensible chunk, with an existing day and a day given twice: the later one wins.
  std::vector<core::CheckIn> batch;
  for (int i = 0; i < 1201; ++i) {
    core::CheckIn c = i % 7 == 6 ? day_off(ana, add_days(kDay, i)) : checkin(ana, add_days(kDay, i));
    c.worked_minutes = i;
    c.note = "batch " + std::to_string(i);
    batch.push_back(c);
  }
  core::CheckIn again = day_off(ana, add_days(kDay, 3));
  again.note = "given twice";
  batch.push_back(again);
  write([&](Transaction& tx) {
    must(tx.upsert_checkins(batch));
    must(tx.upsert_checkins({}));
  });
  batch[3] = again;
  batch.pop_back();
  read([&](Transaction& tx) { EXPECT_EQ(show(must(tx.list_checkins(ana, kEver, kNever))), show(batch)); });
}

// --- wins and reflections --------------------------------------------------------------------------

TEST_P(Conformance, WinsAreFoundListedByRangeAndDeletedByTheirOwnerOnly) {
  GoalOwner ana;
  Id bob = 0;
  core::Win linked, plain, later;
  write([&](Transaction& tx) {
    ana = make_goal_owner(tx, "Ana");
    bob = must(tx.insert_person(person("Bob")));
    linked = win(ana.person, add_days(kDay, 2), "Left at 17:30");
    linked.goal_id = must(tx.insert_goal(goal(ana.person, {ana.v1})));
    linked.value_id = ana.v2;
    linked.size = core::WinSize::big;
    plain = win(ana.person, kDay, "Took a real lunch");
    plain.size = core::WinSize::small;
    later = win(ana.person, add_days(kDay, 9), "Out of range");
    for (core::Win* w : {&linked, &plain, &later}) w->id = must(tx.insert_win(*w));
  });
  read([&](Transaction& tx) {
    EXPECT_EQ(show(must(tx.find_win(ana.person, linked.id))), show(std::optional(linked)));
    EXPECT_EQ(show(must(tx.find_win(ana.person, plain.id))), show(std::optional(plain)));
    EXPECT_EQ(show(must(tx.list_wins(ana.person, kDay, add_days(kDay, 2)))), show(std::vector{plain, linked}));
    EXPECT_EQ(must(tx.find_win(bob, linked.id)), std::nullopt);
    EXPECT_TRUE(must(tx.list_wins(bob, kEver, kNever)).empty());
  });
  write([&](Transaction& tx) {
    EXPECT_FALSE(must(tx.delete_win(bob, linked.id)));
    EXPECT_TRUE(must(tx.delete_win(ana.person, linked.id)));
    EXPECT_FALSE(must(tx.delete_win(ana.person, linked.id)));
  });
  read([&](Transaction& tx) {
    EXPECT_EQ(show(must(tx.list_wins(ana.person, kEver, kNever))), show(std::vector{plain, later}));
  });
}

TEST_P(Conformance, ReflectionIsUpsertedOncePerWeekAndListedByRange) {
  Id ana = 0, bob = 0;
  const Date week = core::week_start(kDay);
  const Date next = add_days(week, 7);
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    bob = must(tx.insert_person(person("Bob")));
    must(tx.upsert_reflection(reflection(ana, week, 4, "meh")));
    must(tx.upsert_reflection(reflection(ana, next, 6, "")));
    must(tx.upsert_reflection(reflection(bob, week, 2, "Bob's")));
  });
  core::Reflection revised = reflection(ana, week, 8, "better after all");
  revised.updated_at = kCreated + 86400;
  write([&](Transaction& tx) { must(tx.upsert_reflection(revised)); });
  read([&](Transaction& tx) {
    EXPECT_EQ(show(must(tx.list_reflections(ana, week, next))),
              show(std::vector{revised, reflection(ana, next, 6, "")}));
    EXPECT_EQ(show(must(tx.list_reflections(ana, next, next))), show(std::vector{reflection(ana, next, 6, "")}));
    EXPECT_TRUE(must(tx.list_reflections(ana, add_days(week, 1), add_days(week, 6))).empty());
    EXPECT_EQ(must(tx.list_reflections(bob, kEver, kNever)).size(), 1u);
  });
}

// --- assessments -----------------------------------------------------------------------------------

TEST_P(Conformance, AssessmentsKeepAnswersAndExactScoresInOrder) {
  Id ana = 0, bob = 0;
  core::Assessment first, second;
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    bob = must(tx.insert_person(person("Bob")));
    first = assessment(ana, kDay);
    first.id = must(tx.insert_assessment(first));
    second = assessment(ana, add_days(kDay, 30));
    second.instrument_id = "barrier-profile";
    second.answers = {1, 1, 5, 5, 2};
    second.scores = {core::ScaleScore{"workplace-expectations", 0.0, "low", true},
                     core::ScaleScore{"mental-load", 1e-9, "low", true},
                     core::ScaleScore{"systemic", 99.999999999999986, "high", false}};
    second.id = must(tx.insert_assessment(second));
    must(tx.insert_assessment(assessment(bob, kDay)));
  });
  read([&](Transaction& tx) {
    const auto mine = by_id(must(tx.list_assessments(ana)));
    EXPECT_EQ(show(mine), show(std::vector{first, second}));
    ASSERT_EQ(mine.size(), 2u);
    ASSERT_EQ(mine[0].scores.size(), 4u);
    EXPECT_EQ(mine[0].scores[1].score, 100.0 / 3.0);  // exact, not approximately
    EXPECT_EQ(mine[0].scores[2].score, 0.1 + 0.2);
    EXPECT_EQ(must(tx.list_assessments(bob)).size(), 1u);
  });
}

}  // namespace
}  // namespace headway::store::testing
