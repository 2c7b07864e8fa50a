#pragma once
// The evidence part of the repository (sources, calendar occurrences, activity spans), in portable
// SQL for every backend; SqlTransaction forwards to it. Replacing a source's rows diffs them
// against what is stored, so re-importing an unchanged file writes nothing. New and removed rows
// go in multi-row statements (one round trip to PostgreSQL per batch instead of per row).
#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "store/database.hpp"

namespace headway::store::sql {

template <typename Conn>
class EvidenceRepo {
  using Statement = typename Conn::Statement;

 public:
  explicit EvidenceRepo(Conn& c) : c_(c) {}

  Result<Id> upsert_source(const core::EvidenceSource& s) {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO evidence_sources (id, person_id, kind, name, imported_at, covered_from, covered_to, items) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, kind, name) DO UPDATE SET "
        "imported_at = excluded.imported_at, covered_from = excluded.covered_from, "
        "covered_to = excluded.covered_to, items = excluded.items RETURNING id"));
    if (s.id) st.bind(1, s.id); else st.bind_null(1);
    st.bind(2, s.person_id).bind(3, core::to_string(s.kind)).bind(4, s.name).bind(5, s.imported_at);
    st.bind(6, s.covered_from.days).bind(7, s.covered_to.days).bind(8, s.items);
    if (!HW_TRY(st.step())) return fail(ErrorCode::storage, "insert returned no id");
    return st.i64(0);
  }

  Result<std::vector<core::EvidenceSource>> list_sources(Id person) {
    auto st = HW_TRY(c_.prepare(
        "SELECT id, person_id, kind, name, imported_at, covered_from, covered_to, items FROM evidence_sources "
        "WHERE person_id = ? ORDER BY kind, name"));
    st.bind(1, person);
    std::vector<core::EvidenceSource> out;
    while (HW_TRY(st.step())) {
      const auto kind = core::parse_source_kind(st.text(2));
      if (!kind) return fail(ErrorCode::corrupt, "stored evidence source kind is unreadable");
      out.push_back(core::EvidenceSource{st.i64(0), st.i64(1), *kind, st.text(3), st.i64(4), core::Date{st.i32(5)},
                                         core::Date{st.i32(6)}, st.i64(7)});
    }
    return out;
  }

  Result<bool> delete_source(Id person, Id id) {
    auto st = HW_TRY(c_.prepare("DELETE FROM evidence_sources WHERE person_id = ? AND id = ?"));
    HW_CHECK(st.bind(1, person).bind(2, id).run());
    return st.changes() > 0;
  }

  Result<core::ReplaceCounts> replace_events(Id person, Id source, const std::vector<core::EventOccurrence>& occ) {
    HW_CHECK(check_source(person, source));
    using Key = std::pair<std::string, core::Instant>;
    std::map<Key, std::pair<Id, core::EventOccurrence>> stored;
    {
      auto st = HW_TRY(c_.prepare(std::string(kEvent) + " WHERE source_id = ?"));
      st.bind(1, source);
      while (HW_TRY(st.step())) {
        auto o = read_event(st, 1);
        Key key{o.uid, o.recurrence_id};
        stored.emplace(std::move(key), std::make_pair(st.i64(0), std::move(o)));
      }
    }
    core::ReplaceCounts counts;
    std::map<Key, bool> seen;
    std::vector<const core::EventOccurrence*> added;
    for (const auto& o : occ) {
      Key key{o.uid, o.recurrence_id};
      if (!seen.emplace(key, true).second)
        return fail(ErrorCode::invalid, "occurrence " + o.uid + " is listed twice", "occurrences");
      auto it = stored.find(key);
      if (it == stored.end()) {
        added.push_back(&o);
        ++counts.added;
      } else {
        if (it->second.second == o) {
          ++counts.unchanged;
        } else {
          auto st = HW_TRY(c_.prepare(
              "UPDATE calendar_events SET start = ?, end_ = ?, all_day = ?, transparent = ?, declined = ?, "
              "meeting = ?, title = ? WHERE id = ?"));
          bind_event_fields(st, o, 1);
          HW_CHECK(st.bind(8, it->second.first).run());
          ++counts.changed;
        }
        stored.erase(it);
      }
    }
    std::vector<Id> removed;
    for (const auto& [key, row] : stored) removed.push_back(row.first);
    counts.removed = static_cast<int>(removed.size());
    HW_CHECK(delete_ids("calendar_events", removed));
    HW_CHECK(batched(added.size(), [&](size_t from, size_t n) -> Result<void> {
      auto st = HW_TRY(c_.prepare(values_sql(
          "INSERT INTO calendar_events (source_id, person_id, uid, recurrence_id, start, end_, all_day, transparent, "
          "declined, meeting, title) VALUES ", 11, n)));
      for (size_t k = 0; k < n; ++k) {
        const auto& o = *added[from + k];
        const int f = static_cast<int>(k) * 11 + 1;
        st.bind(f, source).bind(f + 1, person).bind(f + 2, o.uid).bind(f + 3, o.recurrence_id);
        bind_event_fields(st, o, f + 4);
      }
      return st.run();
    }));
    return counts;
  }

  Result<core::ReplaceCounts> replace_spans(Id person, Id source, const std::vector<core::ActivitySpan>& spans) {
    HW_CHECK(check_source(person, source));
    std::vector<std::pair<core::ActivitySpan, Id>> stored;
    {
      auto st = HW_TRY(c_.prepare(std::string(kSpan) + " WHERE source_id = ?"));
      st.bind(1, source);
      while (HW_TRY(st.step())) stored.emplace_back(HW_TRY(read_span(st, 1)), st.i64(0));
    }
    std::vector<core::ActivitySpan> wanted = spans;
    const auto less = [](const core::ActivitySpan& a, const core::ActivitySpan& b) {
      return std::tie(a.start, a.end, a.kind, a.label) < std::tie(b.start, b.end, b.kind, b.label);
    };
    std::sort(wanted.begin(), wanted.end(), less);
    std::sort(stored.begin(), stored.end(), [&](const auto& a, const auto& b) { return less(a.first, b.first); });
    // A merge of two sorted lists: equal spans are kept, the rest deleted or inserted.
    core::ReplaceCounts counts;
    std::vector<Id> removed;
    std::vector<const core::ActivitySpan*> added;
    size_t i = 0, j = 0;
    while (i < stored.size() || j < wanted.size()) {
      if (j == wanted.size() || (i < stored.size() && less(stored[i].first, wanted[j]))) {
        removed.push_back(stored[i++].second);
      } else if (i == stored.size() || less(wanted[j], stored[i].first)) {
        added.push_back(&wanted[j++]);
      } else {
        ++i, ++j;
        ++counts.unchanged;
      }
    }
    counts.removed = static_cast<int>(removed.size());
    counts.added = static_cast<int>(added.size());
    HW_CHECK(delete_ids("activity_spans", removed));
    HW_CHECK(batched(added.size(), [&](size_t from, size_t n) -> Result<void> {
      auto st = HW_TRY(c_.prepare(
          values_sql("INSERT INTO activity_spans (source_id, person_id, start, end_, kind, label) VALUES ", 6, n)));
      for (size_t k = 0; k < n; ++k) {
        const auto& s = *added[from + k];
        const int f = static_cast<int>(k) * 6 + 1;
        st.bind(f, source).bind(f + 1, person).bind(f + 2, s.start).bind(f + 3, s.end).bind(f + 4, kind_text(s.kind));
        if (s.label.empty()) st.bind_null(f + 5); else st.bind(f + 5, s.label);
      }
      return st.run();
    }));
    return counts;
  }

  Result<std::vector<core::EventOccurrence>> list_events(Id person, core::Instant from, core::Instant to) {
    auto st = HW_TRY(c_.prepare(std::string(kEvent) +
                                " WHERE person_id = ? AND start < ? AND (end_ > ? OR start >= ?) "
                                "ORDER BY start, uid, recurrence_id, id"));
    st.bind(1, person).bind(2, to).bind(3, from).bind(4, from);
    std::vector<core::EventOccurrence> out;
    while (HW_TRY(st.step())) out.push_back(read_event(st, 1));
    return out;
  }

  Result<std::vector<core::ActivitySpan>> list_spans(Id person, core::Instant from, core::Instant to) {
    auto st = HW_TRY(c_.prepare(std::string(kSpan) +
                                " WHERE person_id = ? AND start < ? AND (end_ > ? OR start >= ?) ORDER BY start, id"));
    st.bind(1, person).bind(2, to).bind(3, from).bind(4, from);
    std::vector<core::ActivitySpan> out;
    while (HW_TRY(st.step())) out.push_back(HW_TRY(read_span(st, 1)));
    return out;
  }

  Result<std::vector<core::EventOccurrence>> list_source_events(Id person, Id source) {
    auto st = HW_TRY(c_.prepare(std::string(kEvent) +
                                " WHERE person_id = ? AND source_id = ? ORDER BY start, uid, recurrence_id, id"));
    st.bind(1, person).bind(2, source);
    std::vector<core::EventOccurrence> out;
    while (HW_TRY(st.step())) out.push_back(read_event(st, 1));
    return out;
  }

  Result<std::vector<core::ActivitySpan>> list_source_spans(Id person, Id source) {
    auto st = HW_TRY(c_.prepare(std::string(kSpan) + " WHERE person_id = ? AND source_id = ? ORDER BY start, id"));
    st.bind(1, person).bind(2, source);
    std::vector<core::ActivitySpan> out;
    while (HW_TRY(st.step())) out.push_back(HW_TRY(read_span(st, 1)));
    return out;
  }

 private:
  static constexpr const char* kEvent =
      "SELECT id, uid, recurrence_id, start, end_, all_day, transparent, declined, meeting, title FROM calendar_events";
  static constexpr const char* kSpan = "SELECT id, start, end_, kind, label FROM activity_spans";

  static const char* kind_text(core::ActivityKind k) { return k == core::ActivityKind::afk ? "afk" : "active"; }

  // Rows per multi-row statement: at most 64 (704 parameters for events, under SQLite's old
  // limit of 999), in powers of two so that each kind of statement is prepared at most 7 times.
  static constexpr size_t kBatch = 64;

  // Calls write(from, n) for consecutive batches covering [0, total).
  template <typename Write>
  static Result<void> batched(size_t total, Write&& write) {
    for (size_t from = 0; from < total;) {
      size_t n = kBatch;
      while (n > total - from) n /= 2;
      HW_CHECK(write(from, n));
      from += n;
    }
    return {};
  }

  // "head (?, ?), (?, ?)" for n rows of `columns` placeholders.
  static std::string values_sql(const char* head, int columns, size_t n) {
    std::string row = "(";
    for (int c = 0; c < columns; ++c) row += c ? ", ?" : "?";
    row += ")";
    std::string sql = head;
    for (size_t k = 0; k < n; ++k) sql += (k ? ", " : "") + row;
    return sql;
  }

  Result<void> delete_ids(const char* table, const std::vector<Id>& ids) {
    return batched(ids.size(), [&](size_t from, size_t n) -> Result<void> {
      std::string sql = std::string("DELETE FROM ") + table + " WHERE id IN (";
      for (size_t k = 0; k < n; ++k) sql += k ? ", ?" : "?";
      auto st = HW_TRY(c_.prepare(sql + ")"));
      for (size_t k = 0; k < n; ++k) st.bind(static_cast<int>(k) + 1, ids[from + k]);
      return st.run();
    });
  }

  Result<void> check_source(Id person, Id source) {
    auto st = HW_TRY(c_.prepare("SELECT 1 FROM evidence_sources WHERE person_id = ? AND id = ?"));
    st.bind(1, person).bind(2, source);
    if (!HW_TRY(st.step())) return fail(ErrorCode::not_found, "no evidence source " + std::to_string(source), "source");
    return {};
  }

  static void bind_event_fields(Statement& st, const core::EventOccurrence& o, int f) {
    st.bind(f, o.start).bind(f + 1, o.end).bind(f + 2, o.all_day).bind(f + 3, o.transparent);
    st.bind(f + 4, o.declined).bind(f + 5, o.meeting);
    if (o.title.empty()) st.bind_null(f + 6); else st.bind(f + 6, o.title);
  }

  static core::EventOccurrence read_event(Statement& st, int f) {
    core::EventOccurrence o;
    o.uid = st.text(f);
    o.recurrence_id = st.i64(f + 1);
    o.start = st.i64(f + 2);
    o.end = st.i64(f + 3);
    o.all_day = st.i64(f + 4) != 0;
    o.transparent = st.i64(f + 5) != 0;
    o.declined = st.i64(f + 6) != 0;
    o.meeting = st.i64(f + 7) != 0;
    if (!st.is_null(f + 8)) o.title = st.text(f + 8);
    return o;
  }

  static Result<core::ActivitySpan> read_span(Statement& st, int f) {
    core::ActivitySpan s;
    s.start = st.i64(f);
    s.end = st.i64(f + 1);
    const std::string kind = st.text(f + 2);
    if (kind == "active") s.kind = core::ActivityKind::active;
    else if (kind == "afk") s.kind = core::ActivityKind::afk;
    else return fail(ErrorCode::corrupt, "stored activity kind is unreadable");
    if (!st.is_null(f + 3)) s.label = st.text(f + 3);
    return s;
  }

  Conn& c_;
};

}  // namespace headway::store::sql
