// The storage conformance suite: every backend must pass it, using only Database and Transaction.
// This file: opening, settings, people, transactions, counts, text and dates; the other
// conformance_*_test.cpp files hold the rest.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "conformance.hpp"

namespace headway::store::testing {
namespace {

using core::BoundaryType;
using core::CompletionSource;
using core::Date;
using core::Id;

using Conformance = StoreTest;

// --- opening ---------------------------------------------------------------------------------------

TEST_P(Conformance, OpensMigratedAndNamesItsBackend) {
  EXPECT_GT(must(db_->schema_version()), 0);
  const std::string name = db_->backend();
  EXPECT_FALSE(name.empty());
  EXPECT_TRUE(name == "sqlite" || name == "postgresql") << name;
}

// --- settings --------------------------------------------------------------------------------------

TEST_P(Conformance, SettingsAreSetReadAndOverwritten) {
  read([](Transaction& tx) { EXPECT_EQ(must(tx.get_setting("theme")), std::nullopt); });
  write([](Transaction& tx) {
    must(tx.set_setting("theme", "dark"));
    must(tx.set_setting("locale", "de-DE"));
    must(tx.set_setting("empty", ""));
  });
  read([](Transaction& tx) {
    EXPECT_EQ(must(tx.get_setting("theme")), "dark");
    EXPECT_EQ(must(tx.get_setting("locale")), "de-DE");
    EXPECT_EQ(must(tx.get_setting("empty")), std::optional<std::string>(""));  // present, not missing
    EXPECT_EQ(must(tx.get_setting("missing")), std::nullopt);
  });
  write([](Transaction& tx) { must(tx.set_setting("theme", "light")); });
  read([](Transaction& tx) {
    EXPECT_EQ(must(tx.get_setting("theme")), "light");
    EXPECT_EQ(must(tx.get_setting("locale")), "de-DE");
  });
}

TEST_P(Conformance, SettingsAreListedWithTheirValues) {
  read([](Transaction& tx) { EXPECT_TRUE(must(tx.list_settings()).empty()); });
  write([](Transaction& tx) {
    must(tx.set_setting("theme", "dark"));
    must(tx.set_setting("locale", "de-DE"));
    must(tx.set_setting("theme", "light"));
  });
  read([](Transaction& tx) {
    auto settings = must(tx.list_settings());
    std::sort(settings.begin(), settings.end());
    EXPECT_EQ(settings, (std::vector<std::pair<std::string, std::string>>{{"locale", "de-DE"}, {"theme", "light"}}));
  });
}

// --- people ----------------------------------------------------------------------------------------

TEST_P(Conformance, PersonIsInsertedFoundListedUpdatedAndDeleted) {
  core::Person ana = person("Ana");
  core::Person bob = person("Bob");
  bob.email = "";
  bob.timezone = "UTC";
  write([&](Transaction& tx) {
    ana.id = must(tx.insert_person(ana));
    bob.id = must(tx.insert_person(bob));
  });
  EXPECT_NE(ana.id, 0);
  EXPECT_NE(bob.id, 0);
  EXPECT_NE(ana.id, bob.id);
  read([&](Transaction& tx) {
    EXPECT_EQ(show(must(tx.find_person(ana.id))), show(std::optional(ana)));
    EXPECT_EQ(show(by_id(must(tx.list_people()))), show(by_id(std::vector{ana, bob})));
    EXPECT_EQ(must(tx.find_person(std::max(ana.id, bob.id) + 1000)), std::nullopt);
  });

  core::Person renamed = ana;
  renamed.name = "Ana María";
  renamed.email = "ana@example.org";
  renamed.timezone = "America/Sao_Paulo";
  renamed.work_hours = core::WorkHours{core::DaySet{0x1f}, core::TimeOfDay{7 * 60}, core::TimeOfDay{15 * 60}};
  write([&](Transaction& tx) { must(tx.update_person(renamed)); });
  read([&](Transaction& tx) {
    EXPECT_EQ(show(must(tx.find_person(ana.id))), show(std::optional(renamed)));
    EXPECT_EQ(show(must(tx.find_person(bob.id))), show(std::optional(bob)));
  });

  write([&](Transaction& tx) { must(tx.delete_person(ana.id)); });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.find_person(ana.id)), std::nullopt);
    EXPECT_EQ(show(must(tx.list_people())), show(std::vector{bob}));
  });
}

TEST_P(Conformance, PersonInsertedWithAnIdKeepsIt) {
  core::Person imported = with_id(person("Imported"), 4242);
  Id fresh = 0;
  write([&](Transaction& tx) {
    EXPECT_EQ(must(tx.insert_person(imported)), 4242);
    fresh = must(tx.insert_person(person("Fresh")));
  });
  EXPECT_NE(fresh, 0);
  EXPECT_NE(fresh, 4242);
  read([&](Transaction& tx) {
    EXPECT_EQ(show(must(tx.find_person(4242))), show(std::optional(imported)));
    EXPECT_EQ(show(must(tx.find_person(fresh))), show(std::optional(with_id(person("Fresh"), fresh))));
  });
}

TEST_P(Conformance, InsertsWithAnIdKeepItForEveryKindOfObject) {
  write([](Transaction& tx) {
    const Id who = must(tx.insert_person(with_id(person("Imported"), 7)));
    EXPECT_EQ(must(tx.insert_value(with_id(value(who, "Health"), 70))), 70);
    EXPECT_EQ(must(tx.insert_catalyst(with_id(catalyst(who, kDay, ""), 71))), 71);
    EXPECT_EQ(must(tx.insert_boundary(with_id(boundary(who, BoundaryType::no_weekend_work, {}), 72))), 72);
    EXPECT_EQ(must(tx.insert_goal(with_id(goal(who, {70}), 73))), 73);
    EXPECT_EQ(must(tx.insert_stage_entry(with_id(stage_entry(73, kDay, ""), 74))), 74);
    EXPECT_EQ(must(tx.insert_win(with_id(win(who, kDay, "imported"), 75))), 75);
    EXPECT_EQ(must(tx.insert_assessment(with_id(assessment(who, kDay), 76))), 76);
  });
  read([](Transaction& tx) {
    EXPECT_TRUE(must(tx.find_goal(7, 73)).has_value());
    EXPECT_TRUE(must(tx.find_win(7, 75)).has_value());
    EXPECT_TRUE(must(tx.find_boundary(7, 72)).has_value());
    EXPECT_EQ(must(tx.list_stage_entries(7, 73)).at(0).id, 74);
    EXPECT_EQ(must(tx.list_assessments(7)).at(0).id, 76);
    EXPECT_EQ(must(tx.list_catalysts(7)).at(0).id, 71);
  });
}

TEST_P(Conformance, DeletingAPersonDeletesEverythingTheyOwnAndNothingElse) {
  Id ana = 0, bob = 0, ana_goal = 0;
  std::vector<std::pair<std::string, int64_t>> before, with_ana;
  write([&](Transaction& tx) {
    bob = must(tx.insert_person(person("Bob")));
    give_one_of_everything(tx, bob);
    must(tx.set_setting("instance", "kept"));
  });
  read([&](Transaction& tx) { before = must(tx.table_counts()); });
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    ana_goal = give_one_of_everything(tx, ana);
  });
  read([&](Transaction& tx) { with_ana = must(tx.table_counts()); });
  // Ana owns rows in every table but the instance settings, so the deletion has work in each.
  for (const auto& [table, n] : with_ana) {
    if (table == "settings") continue;
    EXPECT_GT(n, count_of(before, table)) << table << " got no row of Ana's";
  }

  write([&](Transaction& tx) { must(tx.delete_person(ana)); });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.find_person(ana)), std::nullopt);
    EXPECT_TRUE(must(tx.list_values(ana)).empty());
    EXPECT_TRUE(must(tx.list_motivations(ana)).empty());
    EXPECT_TRUE(must(tx.list_catalysts(ana)).empty());
    EXPECT_TRUE(must(tx.list_goals(ana)).empty());
    EXPECT_TRUE(must(tx.list_stage_entries(ana, ana_goal)).empty());
    EXPECT_TRUE(must(tx.list_completions(ana_goal, kEver, kNever)).empty());
    EXPECT_TRUE(must(tx.list_boundaries(ana)).empty());
    EXPECT_TRUE(must(tx.list_checkins(ana, kEver, kNever)).empty());
    EXPECT_TRUE(must(tx.list_wins(ana, kEver, kNever)).empty());
    EXPECT_TRUE(must(tx.list_reflections(ana, kEver, kNever)).empty());
    EXPECT_TRUE(must(tx.list_assessments(ana)).empty());
    // Every table is back where it was before Ana: all of hers gone, all of Bob's kept.
    EXPECT_EQ(must(tx.table_counts()), before);
    EXPECT_EQ(must(tx.get_setting("instance")), "kept");
  });
}

// --- transactions ----------------------------------------------------------------------------------

TEST_P(Conformance, TransactionDestroyedWithoutCommitIsRolledBack) {
  {
    auto tx = must(db_->begin(true));
    must(tx->insert_person(person("Ghost")));
    must(tx->set_setting("ghost", "boo"));
    EXPECT_EQ(must(tx->list_people()).size(), 1u);  // the transaction sees its own writes
  }
  read([](Transaction& tx) {
    EXPECT_TRUE(must(tx.list_people()).empty());
    EXPECT_EQ(must(tx.get_setting("ghost")), std::nullopt);
  });
}

TEST_P(Conformance, CommittedWriteIsVisibleAndSurvivesALaterRollback) {
  Id ana = 0;
  write([&](Transaction& tx) { ana = must(tx.insert_person(person("Ana"))); });
  read([&](Transaction& tx) { EXPECT_TRUE(must(tx.find_person(ana)).has_value()); });
  {
    auto tx = must(db_->begin(true));
    must(tx->delete_person(ana));
    EXPECT_EQ(must(tx->find_person(ana)), std::nullopt);
  }
  read([&](Transaction& tx) { EXPECT_TRUE(must(tx.find_person(ana)).has_value()); });
}

TEST_P(Conformance, WithWriteCommitsOnlyWhenTheFunctionSucceeds) {
  const Result<Id> kept = with_write(*db_, [](Transaction& tx) { return tx.insert_person(person("Kept")); });
  ASSERT_TRUE(kept.has_value()) << kept.error().message;

  const Result<Id> dropped = with_write(*db_, [](Transaction& tx) -> Result<Id> {
    HW_CHECK(tx.insert_person(person("Dropped")));
    HW_CHECK(tx.set_setting("dropped", "yes"));
    return fail(ErrorCode::invalid, "changed my mind", "name");
  });
  ASSERT_FALSE(dropped.has_value());
  EXPECT_EQ(dropped.error().code, ErrorCode::invalid);
  EXPECT_EQ(dropped.error().message, "changed my mind");
  EXPECT_EQ(dropped.error().field, "name");

  const auto people = with_read(*db_, [](Transaction& tx) { return tx.list_people(); });
  ASSERT_TRUE(people.has_value()) << people.error().message;
  EXPECT_EQ(show(*people), show(std::vector{with_id(person("Kept"), *kept)}));
  read([](Transaction& tx) { EXPECT_EQ(must(tx.get_setting("dropped")), std::nullopt); });
}

// --- verification counts ---------------------------------------------------------------------------

TEST_P(Conformance, TableCountsListEveryTableWithItsRows) {
  read([](Transaction& tx) {
    const auto counts = must(tx.table_counts());
    EXPECT_FALSE(counts.empty());
    EXPECT_EQ(count_of(counts, "people"), 0);
    EXPECT_EQ(count_of(counts, "checkins"), 0);
    std::set<std::string> names;
    for (const auto& [name, n] : counts) EXPECT_TRUE(names.insert(name).second) << name << " listed twice";
  });
  write([](Transaction& tx) {
    const Id ana = must(tx.insert_person(person("Ana")));
    const Id bob = must(tx.insert_person(person("Bob")));
    must(tx.upsert_checkin(checkin(ana, kDay)));
    must(tx.upsert_checkin(checkin(ana, add_days(kDay, 1))));
    must(tx.upsert_checkin(checkin(bob, kDay)));
    must(tx.upsert_checkin(checkin(bob, kDay)));  // an upsert, not a new row
  });
  read([](Transaction& tx) {
    const auto counts = must(tx.table_counts());
    EXPECT_EQ(count_of(counts, "people"), 2);
    EXPECT_EQ(count_of(counts, "checkins"), 3);
  });
}

TEST_P(Conformance, ClearAllEmptiesEveryTableAndTheStoreStaysUsable) {
  write([](Transaction& tx) {
    give_one_of_everything(tx, must(tx.insert_person(person("Ana"))));
    give_one_of_everything(tx, must(tx.insert_person(person("Bob"))));
    must(tx.set_setting("instance", "home"));
  });
  {
    auto tx = must(db_->begin(true));  // cleared, then rolled back
    must(tx->clear_all());
  }
  read([](Transaction& tx) { EXPECT_EQ(must(tx.list_people()).size(), 2u); });

  write([](Transaction& tx) { must(tx.clear_all()); });
  read([](Transaction& tx) {
    for (const auto& [table, n] : must(tx.table_counts())) EXPECT_EQ(n, 0) << table;
    EXPECT_TRUE(must(tx.list_settings()).empty());
  });
  write([](Transaction& tx) { give_one_of_everything(tx, must(tx.insert_person(person("Cleo")))); });
  read([](Transaction& tx) { EXPECT_EQ(must(tx.list_people()).size(), 1u); });
}

// --- text and dates --------------------------------------------------------------------------------

std::string long_note() {
  std::string s;
  for (int i = 0; s.size() < 10'000; ++i) s += (i % 80 == 79) ? '\n' : static_cast<char>('a' + i % 26);
  return s;
}

TEST_P(Conformance, TextIsStoredByteExact) {
  const std::vector<std::string> texts{
      "🌱 Feierabend ist heilig 👩🏽‍💻",
      "توازن العمل والحياة — איזון בין עבודה לחיים",
      R"(She said "no" and it's fine; back\slash, 100% _under_ %s)",
      "'); DROP TABLE wins; --",
      long_note(),
  };
  ASSERT_EQ(texts.back().size(), 10'000u);

  struct Stored {
    Id person = 0, goal = 0, boundary = 0, win = 0;
  };
  std::vector<Stored> ids(texts.size());
  write([&](Transaction& tx) {
    for (size_t i = 0; i < texts.size(); ++i) {
      const std::string& t = texts[i];
      Stored& s = ids[i];
      s.person = must(tx.insert_person(person(t)));
      must(tx.set_setting("text-" + std::to_string(i), t));
      must(tx.set_setting(t, "as a key"));
      const Id v = must(tx.insert_value(value(s.person, t)));
      core::Goal g = goal(s.person, {v}, t);
      g.wish = t;
      g.then_action = t;
      s.goal = must(tx.insert_goal(g));
      must(tx.insert_stage_entry(stage_entry(s.goal, kDay, t)));
      must(tx.insert_catalyst(catalyst(s.person, kDay, t)));
      core::Boundary b = boundary(s.person, BoundaryType::no_weekend_work, {});
      b.label = t;
      s.boundary = must(tx.insert_boundary(b));
      core::CheckIn c = checkin(s.person, kDay);
      c.note = t;
      must(tx.upsert_checkin(c));
      s.win = must(tx.insert_win(win(s.person, kDay, t)));
      must(tx.upsert_reflection(reflection(s.person, core::week_start(kDay), 5, t)));
    }
  });
  read([&](Transaction& tx) {
    for (size_t i = 0; i < texts.size(); ++i) {
      const std::string& t = texts[i];
      const Stored& s = ids[i];
      SCOPED_TRACE("text " + std::to_string(i));
      EXPECT_EQ(must(tx.find_person(s.person)).value().name, t);
      EXPECT_EQ(must(tx.get_setting("text-" + std::to_string(i))), t);
      EXPECT_EQ(must(tx.get_setting(t)), "as a key");
      EXPECT_EQ(must(tx.list_values(s.person)).at(0).name, t);
      const core::Goal g = must(tx.find_goal(s.person, s.goal)).value();
      EXPECT_EQ(g.title, t);
      EXPECT_EQ(g.wish, t);
      EXPECT_EQ(g.then_action, t);
      EXPECT_EQ(must(tx.list_stage_entries(s.person, s.goal)).at(0).note, t);
      EXPECT_EQ(must(tx.list_catalysts(s.person)).at(0).note, t);
      EXPECT_EQ(must(tx.find_boundary(s.person, s.boundary)).value().label, t);
      EXPECT_EQ(must(tx.find_checkin(s.person, kDay)).value().note, t);
      EXPECT_EQ(must(tx.find_win(s.person, s.win)).value().text, t);
      EXPECT_EQ(must(tx.list_reflections(s.person, kEver, kNever)).at(0).note, t);
    }
    // The SQL-looking text did nothing: every table is still there and counted.
    const auto counts = must(tx.table_counts());
    EXPECT_EQ(count_of(counts, "wins"), static_cast<int64_t>(texts.size()));
    EXPECT_EQ(count_of(counts, "people"), static_cast<int64_t>(texts.size()));
  });
  write([&](Transaction& tx) { must(tx.insert_win(win(ids[0].person, kDay, "still works"))); });
}

TEST_P(Conformance, DatesFarBeforeAndAfterTheEpochRoundTrip) {
  const Date old = core::make_date(1900, 1, 1);
  const Date far = core::make_date(2199, 12, 31);
  ASSERT_LT(old.days, 0);
  ASSERT_EQ(core::to_string(old), "1900-01-01");
  ASSERT_EQ(core::to_string(far), "2199-12-31");

  GoalOwner ana;
  core::Goal g;
  write([&](Transaction& tx) {
    ana = make_goal_owner(tx, "Ana");
    g = goal(ana.person, {ana.v1});
    g.start_date = old;
    g.id = must(tx.insert_goal(g));
    for (Date d : {far, old}) {
      must(tx.upsert_checkin(checkin(ana.person, d)));
      must(tx.insert_win(win(ana.person, d, "a win")));
      must(tx.insert_completion({g.id, d, CompletionSource::manual}));
      must(tx.insert_catalyst(catalyst(ana.person, d, "")));
      must(tx.insert_stage_entry(stage_entry(g.id, d, "")));
      must(tx.upsert_reflection(reflection(ana.person, core::week_start(d), 5, "")));
      must(tx.insert_assessment(assessment(ana.person, d)));
    }
  });
  read([&](Transaction& tx) {
    const std::vector<std::string> both{"1900-01-01", "2199-12-31"};
    EXPECT_EQ(must(tx.find_goal(ana.person, g.id)).value().start_date, old);
    EXPECT_EQ(dates_of(must(tx.list_checkins(ana.person, old, far))), both);
    EXPECT_EQ(dates_of(must(tx.list_checkins(ana.person, old, old))), std::vector<std::string>{"1900-01-01"});
    EXPECT_TRUE(must(tx.find_checkin(ana.person, far)).has_value());
    EXPECT_EQ(dates_of(must(tx.list_wins(ana.person, old, far))), both);
    EXPECT_EQ(dates_of(must(tx.list_completions(g.id, old, far))), both);
    EXPECT_EQ(dates_of(must(tx.list_catalysts(ana.person))), both);
    EXPECT_EQ(dates_of(must(tx.list_stage_entries(ana.person, g.id))), both);
    EXPECT_EQ(dates_of(by_id(must(tx.list_assessments(ana.person)))),
              (std::vector<std::string>{"2199-12-31", "1900-01-01"}));  // inserted far first
    std::vector<std::string> weeks;
    for (const auto& r : must(tx.list_reflections(ana.person, kEver, kNever))) weeks.push_back(core::to_string(r.week));
    EXPECT_EQ(weeks, (std::vector<std::string>{core::to_string(core::week_start(old)),
                                               core::to_string(core::week_start(far))}));
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, Conformance, ::testing::ValuesIn(conformance_backends()),
                         [](const ::testing::TestParamInfo<Backend>& info) { return info.param.name; });

}  // namespace
}  // namespace headway::store::testing
