// Storage conformance: evidence sources, calendar occurrences and activity spans (migration 005).
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "conformance.hpp"

namespace headway::store::testing {
namespace {

using core::ActivityKind;
using core::ActivitySpan;
using core::EventOccurrence;
using core::EvidenceSource;
using core::Id;
using core::Instant;
using core::ReplaceCounts;
using core::SourceKind;

// Instantiated over every backend in conformance_test.cpp.
using Conformance = StoreTest;

constexpr Instant kT = 1'772'611'200;  // 2026-03-04T08:00:00Z

EvidenceSource source(Id person, SourceKind kind, std::string name) {
  EvidenceSource s;
  s.person_id = person;
  s.kind = kind;
  s.name = std::move(name);
  s.imported_at = kCreated;
  s.covered_from = kDay;
  s.covered_to = core::add_days(kDay, 6);
  s.items = 3;
  return s;
}

EventOccurrence occurrence(std::string uid, Instant start, int minutes, Instant recurrence_id = 0) {
  EventOccurrence o;
  o.uid = std::move(uid);
  o.recurrence_id = recurrence_id ? recurrence_id : start;
  o.start = start;
  o.end = start + minutes * 60;
  o.meeting = true;
  return o;
}

ActivitySpan span(Instant start, int minutes, ActivityKind kind = ActivityKind::active, std::string label = {}) {
  return ActivitySpan{start, start + minutes * 60, kind, std::move(label)};
}

std::string show(const EventOccurrence& o) {
  return o.uid + "@" + std::to_string(o.recurrence_id) + "[" + std::to_string(o.start) + "," + std::to_string(o.end) +
         ")" + (o.all_day ? " all-day" : "") + (o.transparent ? " transparent" : "") +
         (o.declined ? " declined" : "") + (o.meeting ? " meeting" : "") + (o.title.empty() ? "" : " '" + o.title + "'");
}

std::string show(const ReplaceCounts& c) {
  return "+" + std::to_string(c.added) + " ~" + std::to_string(c.changed) + " -" + std::to_string(c.removed) + " =" +
         std::to_string(c.unchanged);
}

ReplaceCounts counts(int added, int changed, int removed, int unchanged) {
  return ReplaceCounts{added, changed, removed, unchanged};
}

TEST_P(Conformance, EvidenceSourceIsUpsertedByKindAndNameAndListed) {
  Id ana = 0, cal = 0, act = 0;
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    cal = must(tx.upsert_evidence_source(source(ana, SourceKind::calendar, "work")));
    act = must(tx.upsert_evidence_source(source(ana, SourceKind::activity, "work")));  // same name, other kind
  });
  EXPECT_NE(cal, act);
  EvidenceSource again = source(ana, SourceKind::calendar, "work");
  again.imported_at = kCreated + 3600;
  again.covered_from = core::add_days(kDay, -30);
  again.covered_to = core::add_days(kDay, 30);
  again.items = 42;
  write([&](Transaction& tx) { EXPECT_EQ(must(tx.upsert_evidence_source(again)), cal); });
  read([&](Transaction& tx) {
    const auto all = must(tx.list_evidence_sources(ana));
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0], with_id(source(ana, SourceKind::activity, "work"), act));  // ordered by kind, then name
    EXPECT_EQ(all[1], with_id(again, cal));
  });
}

TEST_P(Conformance, CalendarReplaceInsertsUpdatesDeletesAndIsIdempotent) {
  Id ana = 0, src = 0;
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    src = must(tx.upsert_evidence_source(source(ana, SourceKind::calendar, "work")));
  });
  EventOccurrence titled = occurrence("standup", kT, 15);
  titled.title = "Stand-up — täglich";
  EventOccurrence allday = occurrence("holiday", kT - 8 * 3600, 24 * 60);
  allday.all_day = true;
  allday.transparent = true;
  allday.meeting = false;
  EventOccurrence declined = occurrence("series", kT + 86400, 60);
  declined.declined = true;
  const std::vector<EventOccurrence> first{titled, allday, declined, occurrence("series", kT + 2 * 86400, 60)};

  write([&](Transaction& tx) { EXPECT_EQ(show(must(tx.replace_calendar_events(ana, src, first))), show(counts(4, 0, 0, 0))); });
  read([&](Transaction& tx) {
    std::vector<std::string> got, want;
    for (const auto& o : must(tx.list_calendar_events(ana, kT - 86400, kT + 10 * 86400))) got.push_back(show(o));
    for (const auto& o : {allday, titled, declined, first[3]}) want.push_back(show(o));
    EXPECT_EQ(got, want);
    got.clear();
    for (const auto& o : must(tx.list_source_events(ana, src))) got.push_back(show(o));
    EXPECT_EQ(got, want);
    EXPECT_TRUE(must(tx.list_source_events(ana + 1000, src)).empty());
  });
  // The same list again writes nothing.
  int64_t revision = 0;
  read([&](Transaction& tx) { revision = must(tx.person_revision(ana)).value(); });
  write([&](Transaction& tx) { EXPECT_EQ(show(must(tx.replace_calendar_events(ana, src, first))), show(counts(0, 0, 0, 4))); });
  read([&](Transaction& tx) { EXPECT_EQ(must(tx.person_revision(ana)).value(), revision); });

  // One moved, one removed, one new, one as it was.
  EventOccurrence moved = titled;
  moved.start += 1800;
  moved.end += 1800;
  moved.title.clear();
  const std::vector<EventOccurrence> second{moved, allday, occurrence("new", kT + 3 * 86400, 30)};
  write([&](Transaction& tx) {
    EXPECT_EQ(show(must(tx.replace_calendar_events(ana, src, second))), show(counts(1, 1, 2, 1)));
  });
  read([&](Transaction& tx) {
    std::vector<std::string> got;
    for (const auto& o : must(tx.list_calendar_events(ana, kT - 86400, kT + 10 * 86400))) got.push_back(show(o));
    EXPECT_EQ(got, (std::vector<std::string>{show(allday), show(moved), show(second[2])}));
    EXPECT_GT(must(tx.person_revision(ana)).value(), revision);
  });
  // Emptying the source removes everything.
  write([&](Transaction& tx) { EXPECT_EQ(show(must(tx.replace_calendar_events(ana, src, {}))), show(counts(0, 0, 3, 0))); });
  read([&](Transaction& tx) { EXPECT_TRUE(must(tx.list_calendar_events(ana, kEver.days, kNever.days * 86400LL)).empty()); });
}

TEST_P(Conformance, CalendarReplaceRefusesDuplicateKeysAndOtherPeoplesSources) {
  Id ana = 0, bob = 0, src = 0;
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    bob = must(tx.insert_person(person("Bob")));
    src = must(tx.upsert_evidence_source(source(ana, SourceKind::calendar, "work")));
  });
  auto tx = must(db_->begin(true));
  const auto dup = tx->replace_calendar_events(ana, src, {occurrence("a", kT, 10), occurrence("a", kT + 60, 10, kT)});
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code, ErrorCode::invalid);
  const auto foreign = tx->replace_calendar_events(bob, src, {occurrence("a", kT, 10)});
  ASSERT_FALSE(foreign.has_value());
  EXPECT_EQ(foreign.error().code, ErrorCode::not_found);
  const auto spans = tx->replace_activity_spans(bob, src, {span(kT, 10)});
  ASSERT_FALSE(spans.has_value());
  EXPECT_EQ(spans.error().code, ErrorCode::not_found);
  EXPECT_FALSE(must(tx->delete_evidence_source(bob, src)));
}

TEST_P(Conformance, EvidenceListsOverlapTheRangeAndStayWithTheirPerson) {
  Id ana = 0, bob = 0;
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    bob = must(tx.insert_person(person("Bob")));
    const Id a = must(tx.upsert_evidence_source(source(ana, SourceKind::calendar, "work")));
    const Id b = must(tx.upsert_evidence_source(source(bob, SourceKind::calendar, "work")));
    must(tx.replace_calendar_events(ana, a, {occurrence("before", kT - 3600, 60), occurrence("across", kT - 600, 20),
                                             occurrence("instant", kT, 0), occurrence("inside", kT + 600, 10),
                                             occurrence("at-end", kT + 3600, 10)}));
    must(tx.replace_calendar_events(bob, b, {occurrence("bobs", kT + 600, 10)}));
    const Id aa = must(tx.upsert_evidence_source(source(ana, SourceKind::activity, "laptop")));
    const Id ba = must(tx.upsert_evidence_source(source(bob, SourceKind::activity, "laptop")));
    must(tx.replace_activity_spans(ana, aa, {span(kT - 120, 1), span(kT - 60, 2, ActivityKind::afk, "away"),
                                             span(kT + 3000, 10, ActivityKind::active, "editor")}));
    must(tx.replace_activity_spans(bob, ba, {span(kT, 5)}));
  });
  read([&](Transaction& tx) {
    std::vector<std::string> uids;
    for (const auto& o : must(tx.list_calendar_events(ana, kT, kT + 3600))) uids.push_back(o.uid);
    EXPECT_EQ(uids, (std::vector<std::string>{"across", "instant", "inside"}));
    const auto spans = must(tx.list_activity_spans(ana, kT, kT + 3600));
    EXPECT_EQ(spans, (std::vector<ActivitySpan>{span(kT - 60, 2, ActivityKind::afk, "away"),
                                                span(kT + 3000, 10, ActivityKind::active, "editor")}));
    EXPECT_EQ(must(tx.list_activity_spans(bob, kT, kT + 3600)), (std::vector<ActivitySpan>{span(kT, 5)}));
    const auto sources = must(tx.list_evidence_sources(ana));
    ASSERT_EQ(sources.size(), 2u);
    EXPECT_EQ(must(tx.list_source_spans(ana, sources[0].id)).size(), 3u);
    EXPECT_TRUE(must(tx.list_source_spans(bob, sources[0].id)).empty());
  });
}

TEST_P(Conformance, ActivityReplaceMatchesEqualSpansOnly) {
  Id ana = 0, src = 0;
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    src = must(tx.upsert_evidence_source(source(ana, SourceKind::activity, "laptop")));
  });
  const std::vector<ActivitySpan> first{span(kT, 30), span(kT, 30), span(kT + 3600, 5, ActivityKind::afk)};
  write([&](Transaction& tx) { EXPECT_EQ(show(must(tx.replace_activity_spans(ana, src, first))), show(counts(3, 0, 0, 0))); });
  write([&](Transaction& tx) { EXPECT_EQ(show(must(tx.replace_activity_spans(ana, src, first))), show(counts(0, 0, 0, 3))); });
  const std::vector<ActivitySpan> second{span(kT + 3600, 5, ActivityKind::afk), span(kT, 30), span(kT, 31)};
  write([&](Transaction& tx) { EXPECT_EQ(show(must(tx.replace_activity_spans(ana, src, second))), show(counts(1, 0, 1, 2))); });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.list_activity_spans(ana, kT, kT + 86400)),
              (std::vector<ActivitySpan>{span(kT, 30), span(kT, 31), span(kT + 3600, 5, ActivityKind::afk)}));
  });
}

TEST_P(Conformance, DeletingASourceOrItsPersonDeletesItsEvidence) {
  Id ana = 0, bob = 0, cal = 0, act = 0;
  std::vector<std::pair<std::string, int64_t>> before;
  write([&](Transaction& tx) {
    bob = must(tx.insert_person(person("Bob")));
    const Id b = must(tx.upsert_evidence_source(source(bob, SourceKind::calendar, "work")));
    must(tx.replace_calendar_events(bob, b, {occurrence("bobs", kT, 10)}));
  });
  read([&](Transaction& tx) { before = must(tx.table_counts()); });
  EXPECT_EQ(count_of(before, "evidence_sources"), 1);
  EXPECT_EQ(count_of(before, "calendar_events"), 1);
  EXPECT_EQ(count_of(before, "activity_spans"), 0);
  const auto fill = [&](Transaction& tx) {
    cal = must(tx.upsert_evidence_source(source(ana, SourceKind::calendar, "work")));
    act = must(tx.upsert_evidence_source(source(ana, SourceKind::activity, "laptop")));
    must(tx.replace_calendar_events(ana, cal, {occurrence("a", kT, 10), occurrence("b", kT + 600, 10)}));
    must(tx.replace_activity_spans(ana, act, {span(kT, 10)}));
  };
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    fill(tx);
  });
  write([&](Transaction& tx) {
    EXPECT_TRUE(must(tx.delete_evidence_source(ana, cal)));
    EXPECT_FALSE(must(tx.delete_evidence_source(ana, cal)));
  });
  read([&](Transaction& tx) {
    EXPECT_TRUE(must(tx.list_calendar_events(ana, kT - 86400, kT + 86400)).empty());
    EXPECT_EQ(must(tx.list_activity_spans(ana, kT - 86400, kT + 86400)).size(), 1u);
    EXPECT_EQ(must(tx.list_evidence_sources(ana)).size(), 1u);
  });
  write([&](Transaction& tx) { fill(tx); });
  write([&](Transaction& tx) { must(tx.delete_person(ana)); });
  read([&](Transaction& tx) {
    EXPECT_EQ(must(tx.table_counts()), before) << "Ana's evidence is not all gone, or Bob's is not all kept";
    EXPECT_EQ(must(tx.list_calendar_events(bob, kT - 86400, kT + 86400)).size(), 1u);
  });
}

TEST_P(Conformance, EvidenceChangesRaiseOnlyTheOwnersRevision) {
  Id ana = 0, bob = 0, src = 0;
  write([&](Transaction& tx) {
    ana = must(tx.insert_person(person("Ana")));
    bob = must(tx.insert_person(person("Bob")));
  });
  const std::vector<std::pair<std::string, std::function<void(Transaction&)>>> steps{
      {"UpsertSource", [&](Transaction& tx) { src = must(tx.upsert_evidence_source(source(ana, SourceKind::calendar, "w"))); }},
      {"InsertEvent", [&](Transaction& tx) { must(tx.replace_calendar_events(ana, src, {occurrence("a", kT, 10)})); }},
      {"UpdateEvent", [&](Transaction& tx) { must(tx.replace_calendar_events(ana, src, {occurrence("a", kT, 20, kT)})); }},
      {"DeleteEvent", [&](Transaction& tx) { must(tx.replace_calendar_events(ana, src, {})); }},
      {"InsertSpan",
       [&](Transaction& tx) {
         src = must(tx.upsert_evidence_source(source(ana, SourceKind::activity, "w")));
         must(tx.replace_activity_spans(ana, src, {span(kT, 10)}));
       }},
      {"DeleteSpan", [&](Transaction& tx) { must(tx.replace_activity_spans(ana, src, {})); }},
      {"DeleteSource", [&](Transaction& tx) { EXPECT_TRUE(must(tx.delete_evidence_source(ana, src))); }},
  };
  for (const auto& [name, apply] : steps) {
    SCOPED_TRACE(name);
    int64_t a = 0, b = 0;
    read([&](Transaction& tx) {
      a = must(tx.person_revision(ana)).value();
      b = must(tx.person_revision(bob)).value();
    });
    write(apply);
    read([&](Transaction& tx) {
      EXPECT_GT(must(tx.person_revision(ana)).value(), a);
      EXPECT_EQ(must(tx.person_revision(bob)).value(), b);
    });
  }
}

}  // namespace
}  // namespace headway::store::testing
