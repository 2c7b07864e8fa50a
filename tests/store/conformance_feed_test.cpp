// Storage conformance: the calendar feed (migration 006), and the feed use cases on every backend:
// one feed per person, found by the hash of its token; rotating replaces the hash at once.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "conformance.hpp"
#include "service/accounts.hpp"
#include "service/copy.hpp"
#include "service/export.hpp"
#include "service/feed.hpp"

namespace headway::store::testing {
namespace {

using core::CalendarFeed;
using core::Id;
using core::TimeOfDay;

// Instantiated over every backend in conformance_test.cpp.
using Conformance = StoreTest;

CalendarFeed feed(Id person, std::string hash, TimeOfDay reminder = TimeOfDay{18 * 60 + 15}) {
  return CalendarFeed{person, std::move(hash), kCreated, reminder};
}

std::string show(const std::optional<CalendarFeed>& f) {
  if (!f) return "none";
  return std::to_string(f->person_id) + " " + f->token_hash + " " + std::to_string(f->created_at) + " " +
         core::to_string(f->reminder);
}

TEST_P(Conformance, FeedIsPutFoundByPersonAndTokenRotatedAndDeleted) {
  Id ana = 0;
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    must(tx.put_calendar_feed(feed(ana, "hash-one")));
  });
  read([&](Transaction& tx) {
    EXPECT_EQ(show(must(tx.find_calendar_feed(ana))), show(feed(ana, "hash-one")));
    EXPECT_EQ(show(must(tx.find_calendar_feed_by_token("hash-one"))), show(feed(ana, "hash-one")));
    EXPECT_EQ(must(tx.find_calendar_feed_by_token("hash-two")), std::nullopt);
  });
  // Rotating: the same person's row gets the new hash, and the old one finds nothing.
  CalendarFeed rotated = feed(ana, "hash-two", TimeOfDay{7 * 60});
  rotated.created_at = kCreated + 3600;
  write([&](Transaction& tx) { must(tx.put_calendar_feed(rotated)); });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.find_calendar_feed_by_token("hash-one")), std::nullopt);
    EXPECT_EQ(show(must(tx.find_calendar_feed_by_token("hash-two"))), show(rotated));
    EXPECT_EQ(show(must(tx.find_calendar_feed(ana))), show(rotated));
    EXPECT_EQ(count_of(must(tx.table_counts()), "calendar_feeds"), 1);
  });
  write([&](Transaction& tx) { EXPECT_TRUE(must(tx.set_calendar_feed_reminder(ana, TimeOfDay{23 * 60 + 59}))); });
  read([&](Transaction& tx) { EXPECT_EQ(must(tx.find_calendar_feed(ana))->reminder, TimeOfDay{23 * 60 + 59}); });
  write([&](Transaction& tx) {
    EXPECT_TRUE(must(tx.delete_calendar_feed(ana)));
    EXPECT_FALSE(must(tx.delete_calendar_feed(ana)));
    EXPECT_FALSE(must(tx.set_calendar_feed_reminder(ana, TimeOfDay{60})));
  });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.find_calendar_feed(ana)), std::nullopt);
    EXPECT_EQ(must(tx.find_calendar_feed_by_token("hash-two")), std::nullopt);
  });
}

TEST_P(Conformance, FeedTokenHashIsUniqueAndFeedsStayWithTheirPerson) {
  Id ana = 0, bob = 0;
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    bob = must(tx.insert_person(person("Bob")));
    must(tx.put_calendar_feed(feed(ana, "ana-hash")));
    must(tx.put_calendar_feed(feed(bob, "bob-hash")));
  });
  {
    auto tx = must(db_->begin(true));
    EXPECT_FALSE(tx->put_calendar_feed(feed(bob, "ana-hash")).has_value()) << "two feeds share a token hash";
  }  // rolled back
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.find_calendar_feed_by_token("ana-hash"))->person_id, ana);
    EXPECT_EQ(must(tx.find_calendar_feed_by_token("bob-hash"))->person_id, bob);
  });
  // Deleting a person takes their feed and leaves the other's.
  write([&](Transaction& tx) { must(tx.delete_person(ana)); });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.find_calendar_feed_by_token("ana-hash")), std::nullopt);
    EXPECT_EQ(must(tx.find_calendar_feed(ana)), std::nullopt);
    EXPECT_EQ(show(must(tx.find_calendar_feed(bob))), show(feed(bob, "bob-hash")));
  });
}

TEST_P(Conformance, FeedChangesRaiseOnlyTheOwnersRevision) {
  Id ana = 0, bob = 0;
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    bob = must(tx.insert_person(person("Bob")));
  });
  const std::vector<std::pair<const char*, std::function<void(Transaction&)>>> changes{
      {"insert", [&](Transaction& tx) { must(tx.put_calendar_feed(feed(ana, "a1"))); }},
      {"rotate", [&](Transaction& tx) { must(tx.put_calendar_feed(feed(ana, "a2"))); }},
      {"reminder", [&](Transaction& tx) { must(tx.set_calendar_feed_reminder(ana, TimeOfDay{20 * 60})); }},
      {"delete", [&](Transaction& tx) { must(tx.delete_calendar_feed(ana)); }},
  };
  for (const auto& [name, change] : changes) {
    SCOPED_TRACE(name);
    int64_t a0 = 0, b0 = 0;
    read([&](Transaction& tx) {
      a0 = must(tx.person_revision(ana)).value();
      b0 = must(tx.person_revision(bob)).value();
    });
    write(change);
    read([&](Transaction& tx) {
      EXPECT_GT(must(tx.person_revision(ana)).value(), a0);
      EXPECT_EQ(must(tx.person_revision(bob)).value(), b0);
    });
  }
}

// --- the use cases, on this backend ---------------------------------------------------------------

class FeedService : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    write([&](Transaction& tx) {
      ana_ = must(tx.insert_person(person("Ana")));
      bob_ = must(tx.insert_person(person("Bob")));
      must(tx.insert_boundary(boundary(ana_, core::BoundaryType::no_messages_after, {{"time", "19:00"}})));
    });
  }
  service::Context ctx() { return service::Context{*db_, [] { return kCreated; }, ""}; }
  Id ana_ = 0, bob_ = 0;
};

TEST_P(FeedService, TokenIsShownOnceStoredAsItsHashAndServesTheFeed) {
  auto c = ctx();
  const auto made = must(service::create_feed(c, service::Actor{ana_}, std::string("06:45")));
  EXPECT_EQ(made.token.rfind("hwf_", 0), 0u) << made.token;
  EXPECT_EQ(made.token.size(), 4u + 43u);
  EXPECT_EQ(made.path, "/feed/" + made.token + ".ics");
  EXPECT_EQ(made.feed.reminder, TimeOfDay{6 * 60 + 45});
  read([&](Transaction& tx) {
    const auto stored = must(tx.find_calendar_feed(ana_));
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->token_hash, service::hash_token(made.token));
    EXPECT_EQ(stored->token_hash.find(made.token), std::string::npos);
  });
  const auto ics = must(service::feed_for_token(c, made.token));
  EXPECT_NE(ics.find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_NE(ics.find("BEGIN:VALARM"), std::string::npos);
  EXPECT_NE(ics.find("T064500"), std::string::npos) << "the reminder starts at 06:45 local time";
  EXPECT_NE(ics.find("T190000"), std::string::npos) << "no messages after 19:00";
  // The export never holds the token or its hash.
  const auto exported = must(service::export_all(c, service::Actor{ana_}));
  EXPECT_EQ(exported.find(made.token), std::string::npos);
  EXPECT_EQ(exported.find(service::hash_token(made.token)), std::string::npos);
}

TEST_P(FeedService, RotatingKeepsTheReminderAndStopsTheOldTokenAtOnce) {
  auto c = ctx();
  const auto first = must(service::create_feed(c, service::Actor{ana_}, std::string("21:00")));
  const auto second = must(service::create_feed(c, service::Actor{ana_}, std::nullopt));
  EXPECT_NE(first.token, second.token);
  EXPECT_EQ(second.feed.reminder, TimeOfDay{21 * 60});
  const auto old = service::feed_for_token(c, first.token);
  ASSERT_FALSE(old.has_value());
  EXPECT_EQ(old.error().code, ErrorCode::not_found);
  EXPECT_TRUE(service::feed_for_token(c, second.token).has_value());
  // A new feed without a reminder gets 17:30.
  EXPECT_EQ(must(service::create_feed(c, service::Actor{bob_}, std::nullopt)).feed.reminder, core::kDefaultFeedReminder);
}

TEST_P(FeedService, UnknownMalformedAndRevokedTokensAreAllNotFound) {
  auto c = ctx();
  const auto made = must(service::create_feed(c, service::Actor{ana_}, std::nullopt));
  const std::string stranger = "hwf_" + service::random_token();
  for (const std::string& token : {stranger, std::string(""), std::string("hwf_"), made.token + "x",
                                   made.token.substr(4), std::string("hwf_") + std::string(43, '!')}) {
    SCOPED_TRACE(token);
    const auto r = service::feed_for_token(c, token);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::not_found);
  }
  must(service::revoke_feed(c, service::Actor{ana_}));
  EXPECT_EQ(service::feed_for_token(c, made.token).error().code, ErrorCode::not_found);
  EXPECT_EQ(service::revoke_feed(c, service::Actor{ana_}).error().code, ErrorCode::not_found);
  EXPECT_EQ(must(service::find_feed(c, service::Actor{ana_})), std::nullopt);
}

TEST_P(FeedService, BadReminderIsRefusedAndChangesNothing) {
  auto c = ctx();
  const auto none = service::set_feed_reminder(c, service::Actor{ana_}, "18:00");
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, ErrorCode::not_found);
  for (const char* bad : {"24:00", "7pm", "", "18:60", "18.00"}) {
    SCOPED_TRACE(bad);
    const auto r = service::create_feed(c, service::Actor{ana_}, std::string(bad));
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::invalid);
    EXPECT_EQ(r.error().field, "reminder");
  }
  EXPECT_EQ(must(service::find_feed(c, service::Actor{ana_})), std::nullopt);
  must(service::create_feed(c, service::Actor{ana_}, std::string("18:00")));
  const auto r = service::set_feed_reminder(c, service::Actor{ana_}, "25:00");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "reminder");
  EXPECT_EQ(must(service::find_feed(c, service::Actor{ana_}))->reminder, TimeOfDay{18 * 60});
  EXPECT_EQ(must(service::set_feed_reminder(c, service::Actor{ana_}, "08:05")).reminder, TimeOfDay{8 * 60 + 5});
}

TEST_P(FeedService, CopyCarriesTheFeedSoItsUrlKeepsWorking) {
  auto c = ctx();
  const auto made = must(service::create_feed(c, service::Actor{ana_}, std::string("19:30")));
  for (const Backend& target_backend : conformance_backends()) {
    SCOPED_TRACE(GetParam().name + " -> " + target_backend.name);
    auto target = target_backend.make_empty();
    ASSERT_NE(target, nullptr);
    const auto report = service::copy_database(*db_, *target, /*force=*/false);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(count_of(report->counts, "calendar_feeds"), 1);
    service::Context tc{*target, [] { return kCreated; }, ""};
    EXPECT_EQ(must(service::feed_for_token(tc, made.token)), must(service::feed_for_token(c, made.token)));
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedService, ::testing::ValuesIn(conformance_backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace headway::store::testing
