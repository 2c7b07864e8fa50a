#pragma once
// The repository, written once in portable SQL for every backend. A backend supplies a
// connection type with:
//   using Statement = ...;  // bind(i, v) / bind_null(i) / step() / run() / changes() / i64() / f64() / text() / is_null()
//   Result<Statement> prepare(const std::string& sql);  // '?' placeholders, cached per connection
//   Result<void> commit();  void rollback();
// Inserts of new rows use "RETURNING id"; a NULL id means "assign one".
#include <algorithm>
#include <functional>
#include <set>
#include <string>

#include "store/codec.hpp"
#include "store/database.hpp"
#include "store/sql/sql_evidence.hpp"
#include "store/sql/sql_together.hpp"
#include "store/sql/sql_feed.hpp"

namespace headway::store::sql {

using namespace headway::core;

template <typename Conn>
class SqlTransaction final : public Transaction {
  using Statement = typename Conn::Statement;

 public:
  // Takes a connection on which a transaction has begun; `release` runs when the transaction ends.
  SqlTransaction(Conn& c, std::function<void()> release) : c_(c), release_(std::move(release)) {}
  ~SqlTransaction() override {
    if (!done_) c_.rollback();
    if (release_) release_();
  }

  Result<void> commit() override {
    done_ = true;
    return c_.commit();
  }

  Together& together() override { return together_; }

  // --- settings -------------------------------------------------------------------------------
  Result<std::optional<std::string>> get_setting(const std::string& key) override {
    auto st = HW_TRY(c_.prepare("SELECT value FROM settings WHERE key = ?"));
    st.bind(1, key);
    if (!HW_TRY(st.step())) return std::optional<std::string>();
    return std::optional<std::string>(st.text(0));
  }
  Result<void> set_setting(const std::string& key, const std::string& value) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    return st.bind(1, key).bind(2, value).run();
  }

  Result<std::vector<std::pair<std::string, std::string>>> list_settings() override {
    auto st = HW_TRY(c_.prepare("SELECT key, value FROM settings ORDER BY key"));
    std::vector<std::pair<std::string, std::string>> out;
    while (HW_TRY(st.step())) out.emplace_back(st.text(0), st.text(1));
    return out;
  }

  // --- people ---------------------------------------------------------------------------------
  Result<Id> insert_person(const Person& p) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO people (id, name, email, timezone, work_hours, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, p.id).bind(2, p.name).bind(3, p.email).bind(4, p.timezone).bind(5, to_string(p.work_hours));
    st.bind(6, p.created_at);
    return returned_id(st);
  }
  Result<std::optional<Person>> find_person(Id id) override {
    auto st = HW_TRY(c_.prepare(std::string(kPerson) + " WHERE id = ?"));
    st.bind(1, id);
    if (!HW_TRY(st.step())) return std::optional<Person>();
    return std::optional<Person>(HW_TRY(read_person(st)));
  }
  Result<std::vector<Person>> list_people() override {
    auto st = HW_TRY(c_.prepare(std::string(kPerson) + " ORDER BY id"));
    std::vector<Person> out;
    while (HW_TRY(st.step())) out.push_back(HW_TRY(read_person(st)));
    return out;
  }
  Result<void> update_person(const Person& p) override {
    auto st = HW_TRY(
        c_.prepare("UPDATE people SET name = ?, email = ?, timezone = ?, work_hours = ? WHERE id = ?"));
    st.bind(1, p.name).bind(2, p.email).bind(3, p.timezone).bind(4, to_string(p.work_hours)).bind(5, p.id);
    return st.run();
  }
  Result<std::optional<int64_t>> person_revision(Id id) override {
    auto st = HW_TRY(c_.prepare("SELECT revision FROM people WHERE id = ?"));
    st.bind(1, id);
    if (!HW_TRY(st.step())) return std::optional<int64_t>();
    return std::optional<int64_t>(st.i64(0));
  }
  Result<Date> slips_checked(Id id) override {
    auto st = HW_TRY(c_.prepare("SELECT slips_checked FROM people WHERE id = ?"));
    st.bind(1, id);
    if (!HW_TRY(st.step())) return Date{0};
    return Date{st.i32(0)};
  }
  Result<void> set_slips_checked(Id id, Date day) override {
    auto st = HW_TRY(c_.prepare("UPDATE people SET slips_checked = ? WHERE id = ?"));
    return st.bind(1, day.days).bind(2, id).run();
  }
  Result<void> delete_person(Id id) override {
    auto st = HW_TRY(c_.prepare("DELETE FROM people WHERE id = ?"));
    return st.bind(1, id).run();
  }

  // --- values ---------------------------------------------------------------------------------
  Result<Id> insert_value(const Value& v) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO person_values (id, person_id, name, custom, rank, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, v.id).bind(2, v.person_id).bind(3, v.name).bind(4, v.custom).bind(5, v.rank);
    st.bind(6, v.created_at);
    return returned_id(st);
  }
  Result<void> update_value(const Value& v) override {
    auto st = HW_TRY(c_.prepare("UPDATE person_values SET name = ?, rank = ? WHERE person_id = ? AND id = ?"));
    return st.bind(1, v.name).bind(2, v.rank).bind(3, v.person_id).bind(4, v.id).run();
  }
  Result<bool> delete_value(Id person, Id id) override {
    return remove("DELETE FROM person_values WHERE person_id = ? AND id = ?", person, id);
  }
  Result<std::vector<Value>> list_values(Id person) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT id, person_id, name, custom, rank, created_at FROM person_values WHERE person_id = ? "
        "ORDER BY CASE WHEN rank = 0 THEN 99 ELSE rank END, id"));
    st.bind(1, person);
    std::vector<Value> out;
    while (HW_TRY(st.step()))
      out.push_back(Value{st.i64(0), st.i64(1), st.text(2), st.i64(3) != 0, st.i32(4), st.i64(5)});
    return out;
  }

  // --- motivation -----------------------------------------------------------------------------
  Result<void> upsert_motivation(const Motivation& m) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO motivations (person_id, driver, rating, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (person_id, driver) DO UPDATE SET rating = excluded.rating, updated_at = excluded.updated_at"));
    return st.bind(1, m.person_id).bind(2, to_string(m.driver)).bind(3, m.rating).bind(4, m.updated_at).run();
  }
  Result<std::vector<Motivation>> list_motivations(Id person) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT person_id, driver, rating, updated_at FROM motivations WHERE person_id = ? ORDER BY driver"));
    st.bind(1, person);
    std::vector<Motivation> out;
    while (HW_TRY(st.step())) {
      auto d = parse_driver(st.text(1));
      if (!d) return fail(ErrorCode::corrupt, "stored driver is unreadable");
      out.push_back(Motivation{st.i64(0), *d, st.i32(2), st.i64(3)});
    }
    return out;
  }
  Result<Id> insert_catalyst(const Catalyst& c) override {
    auto st = HW_TRY(c_.prepare("INSERT INTO catalysts (id, person_id, kind, date, note) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, c.id).bind(2, c.person_id).bind(3, to_string(c.kind)).bind(4, c.date.days).bind(5, c.note);
    return returned_id(st);
  }
  Result<bool> delete_catalyst(Id person, Id id) override {
    return remove("DELETE FROM catalysts WHERE person_id = ? AND id = ?", person, id);
  }
  Result<std::vector<Catalyst>> list_catalysts(Id person) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT id, person_id, kind, date, note FROM catalysts WHERE person_id = ? ORDER BY date, id"));
    st.bind(1, person);
    std::vector<Catalyst> out;
    while (HW_TRY(st.step())) {
      auto k = parse_catalyst_kind(st.text(2));
      if (!k) return fail(ErrorCode::corrupt, "stored catalyst kind is unreadable");
      out.push_back(Catalyst{st.i64(0), st.i64(1), *k, Date{st.i32(3)}, st.text(4)});
    }
    return out;
  }

  // --- goals ----------------------------------------------------------------------------------
  Result<Id> insert_goal(const Goal& g) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO goals (id, person_id, title, wish, outcome, obstacle, barrier, if_cue, then_action, frequency, "
        "boundary_id, start_date, archived, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, g.id);
    bind_goal(st, g, 2);
    st.bind(13, g.archived).bind(14, g.created_at);
    const Id id = HW_TRY(returned_id(st));
    HW_CHECK(write_goal_values(id, g.value_ids));
    return id;
  }
  Result<void> update_goal(const Goal& g) override {
    auto st = HW_TRY(c_.prepare(
        "UPDATE goals SET person_id = ?, title = ?, wish = ?, outcome = ?, obstacle = ?, barrier = ?, if_cue = ?, "
        "then_action = ?, frequency = ?, boundary_id = ?, start_date = ?, archived = ? WHERE id = ? AND person_id = ?"));
    bind_goal(st, g, 1);
    st.bind(12, g.archived).bind(13, g.id).bind(14, g.person_id);
    HW_CHECK(st.run());
    if (st.changes() == 0) return not_found("no goal " + std::to_string(g.id));  // not this person's goal
    auto del = HW_TRY(c_.prepare("DELETE FROM goal_values WHERE goal_id = ?"));
    HW_CHECK(del.bind(1, g.id).run());
    return write_goal_values(g.id, g.value_ids);
  }
  Result<std::optional<Goal>> find_goal(Id person, Id id) override {
    auto st = HW_TRY(c_.prepare(std::string(kGoal) + " WHERE person_id = ? AND id = ?"));
    st.bind(1, person).bind(2, id);
    if (!HW_TRY(st.step())) return std::optional<Goal>();
    Goal g = HW_TRY(read_goal(st));
    HW_CHECK(load_goal_values(g));
    return std::optional<Goal>(std::move(g));
  }
  Result<std::vector<Goal>> list_goals(Id person) override {
    std::vector<Goal> out;
    {
      auto st = HW_TRY(c_.prepare(std::string(kGoal) + " WHERE person_id = ? ORDER BY id"));
      st.bind(1, person);
      while (HW_TRY(st.step())) out.push_back(HW_TRY(read_goal(st)));
    }
    for (Goal& g : out) HW_CHECK(load_goal_values(g));
    return out;
  }
  Result<bool> delete_goal(Id person, Id id) override {
    return remove("DELETE FROM goals WHERE person_id = ? AND id = ?", person, id);
  }
  Result<Id> insert_stage_entry(const StageEntry& e) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO goal_stages (id, goal_id, stage, answer, reason, date, note) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, e.id).bind(2, e.goal_id).bind(3, to_string(e.stage));
    if (e.answer) st.bind(4, to_string(*e.answer)); else st.bind_null(4);
    st.bind(5, to_string(e.reason)).bind(6, e.date.days).bind(7, e.note);
    return returned_id(st);
  }
  Result<std::vector<StageEntry>> list_stage_entries(Id person, Id goal) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT s.id, s.goal_id, s.stage, s.answer, s.reason, s.date, s.note FROM goal_stages s "
        "JOIN goals g ON g.id = s.goal_id WHERE g.person_id = ? AND s.goal_id = ? ORDER BY s.date, s.id"));
    st.bind(1, person).bind(2, goal);
    std::vector<StageEntry> out;
    while (HW_TRY(st.step())) {
      StageEntry e;
      e.id = st.i64(0);
      e.goal_id = st.i64(1);
      e.stage = HW_TRY(decode_stage(st.text(2)));
      if (!st.is_null(3)) e.answer = HW_TRY(decode_answer(st.text(3)));
      e.reason = st.text(4) == "recycled" ? StageReason::recycled : StageReason::answered;
      e.date = Date{st.i32(5)};
      e.note = st.text(6);
      out.push_back(std::move(e));
    }
    return out;
  }
  Result<bool> insert_completion(const Completion& c) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO completions (goal_id, date, source) VALUES (?, ?, ?) ON CONFLICT (goal_id, date) DO NOTHING"));
    HW_CHECK(st.bind(1, c.goal_id).bind(2, c.date.days).bind(3, to_string(c.source)).run());
    return st.changes() > 0;
  }
  Result<bool> delete_completion(Id goal, Date date) override {
    auto st = HW_TRY(c_.prepare("DELETE FROM completions WHERE goal_id = ? AND date = ?"));
    HW_CHECK(st.bind(1, goal).bind(2, date.days).run());
    return st.changes() > 0;
  }
  Result<std::vector<Completion>> list_completions(Id goal, Date from, Date to) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT goal_id, date, source FROM completions WHERE goal_id = ? AND date BETWEEN ? AND ? ORDER BY date"));
    st.bind(1, goal).bind(2, from.days).bind(3, to.days);
    std::vector<Completion> out;
    while (HW_TRY(st.step()))
      out.push_back(Completion{st.i64(0), Date{st.i32(1)},
                               st.text(2) == "boundary" ? CompletionSource::boundary : CompletionSource::manual});
    return out;
  }

  // --- boundaries -----------------------------------------------------------------------------
  Result<Id> insert_boundary(const Boundary& b) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO boundaries (id, person_id, type, params, label, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, b.id).bind(2, b.person_id).bind(3, to_string(b.type)).bind(4, params_text(b)).bind(5, b.label);
    st.bind(6, b.active).bind(7, b.created_at);
    return returned_id(st);
  }
  Result<void> update_boundary(const Boundary& b) override {
    auto st = HW_TRY(c_.prepare(
        "UPDATE boundaries SET type = ?, params = ?, label = ?, active = ? WHERE person_id = ? AND id = ?"));
    st.bind(1, to_string(b.type)).bind(2, params_text(b)).bind(3, b.label).bind(4, b.active);
    return st.bind(5, b.person_id).bind(6, b.id).run();
  }
  Result<std::optional<Boundary>> find_boundary(Id person, Id id) override {
    auto st = HW_TRY(c_.prepare(std::string(kBoundary) + " WHERE person_id = ? AND id = ?"));
    st.bind(1, person).bind(2, id);
    if (!HW_TRY(st.step())) return std::optional<Boundary>();
    return std::optional<Boundary>(HW_TRY(read_boundary(st)));
  }
  Result<std::vector<Boundary>> list_boundaries(Id person) override {
    auto st = HW_TRY(c_.prepare(std::string(kBoundary) + " WHERE person_id = ? ORDER BY id"));
    st.bind(1, person);
    std::vector<Boundary> out;
    while (HW_TRY(st.step())) out.push_back(HW_TRY(read_boundary(st)));
    return out;
  }
  Result<bool> delete_boundary(Id person, Id id) override {
    return remove("DELETE FROM boundaries WHERE person_id = ? AND id = ?", person, id);
  }

  // --- check-ins ------------------------------------------------------------------------------
  Result<void> upsert_checkin(const CheckIn& c) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO checkins (person_id, date, off, start_minute, end_minute, worked_minutes, after_hours, "
        "break_minutes, stress, energy, progress, setback, note, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, date) DO UPDATE SET "
        "off = excluded.off, start_minute = excluded.start_minute, end_minute = excluded.end_minute, "
        "worked_minutes = excluded.worked_minutes, after_hours = excluded.after_hours, "
        "break_minutes = excluded.break_minutes, stress = excluded.stress, energy = excluded.energy, "
        "progress = excluded.progress, setback = excluded.setback, note = excluded.note, "
        "updated_at = excluded.updated_at"));
    bind_checkin(st, c, 1);
    return st.run();
  }
  // Multi-row upserts in chunks: one round trip per 500 rows on a server. A chunk never holds the
  // same day twice (one statement may not update a row twice), so a repeated day starts a new
  // chunk and the later check-in wins, as with single upserts.
  Result<void> upsert_checkins(const std::vector<CheckIn>& batch) override {
    constexpr size_t kChunk = 500;
    std::vector<const CheckIn*> chunk;
    std::set<std::pair<Id, int32_t>> days;
    // A few fixed statement sizes, so the prepared-statement cache stays small.
    const auto write = [&](size_t from, size_t n) -> Result<void> {
      std::string sql =
          "INSERT INTO checkins (person_id, date, off, start_minute, end_minute, worked_minutes, after_hours, "
          "break_minutes, stress, energy, progress, setback, note, updated_at) VALUES ";
      for (size_t i = 0; i < n; ++i)
        sql += i ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      sql += " ON CONFLICT (person_id, date) DO UPDATE SET off = excluded.off, start_minute = excluded.start_minute, "
             "end_minute = excluded.end_minute, worked_minutes = excluded.worked_minutes, "
             "after_hours = excluded.after_hours, break_minutes = excluded.break_minutes, stress = excluded.stress, "
             "energy = excluded.energy, progress = excluded.progress, setback = excluded.setback, "
             "note = excluded.note, updated_at = excluded.updated_at";
      auto st = HW_TRY(c_.prepare(sql));
      for (size_t i = 0; i < n; ++i) bind_checkin(st, *chunk[from + i], static_cast<int>(i * 14 + 1));
      return st.run();
    };
    const auto flush = [&]() -> Result<void> {
      size_t done = 0;
      while (done < chunk.size()) {
        size_t n = 1;
        for (size_t size : {kChunk, size_t{100}, size_t{20}, size_t{5}})
          if (chunk.size() - done >= size) {
            n = size;
            break;
          }
        HW_CHECK(write(done, n));
        done += n;
      }
      chunk.clear();
      days.clear();
      return {};
    };
    for (const CheckIn& c : batch) {
      if (chunk.size() == kChunk || days.count({c.person_id, c.date.days})) HW_CHECK(flush());
      chunk.push_back(&c);
      days.insert({c.person_id, c.date.days});
    }
    return flush();
  }

  Result<std::optional<CheckIn>> find_checkin(Id person, Date date) override {
    auto st = HW_TRY(c_.prepare(std::string(kCheckin) + " WHERE person_id = ? AND date = ?"));
    st.bind(1, person).bind(2, date.days);
    if (!HW_TRY(st.step())) return std::optional<CheckIn>();
    return std::optional<CheckIn>(read_checkin(st));
  }
  Result<std::vector<CheckIn>> list_checkins(Id person, Date from, Date to) override {
    auto st = HW_TRY(c_.prepare(std::string(kCheckin) + " WHERE person_id = ? AND date BETWEEN ? AND ? ORDER BY date"));
    st.bind(1, person).bind(2, from.days).bind(3, to.days);
    std::vector<CheckIn> out;
    while (HW_TRY(st.step())) out.push_back(read_checkin(st));
    return out;
  }
  Result<bool> delete_checkin(Id person, Date date) override {
    auto st = HW_TRY(c_.prepare("DELETE FROM checkins WHERE person_id = ? AND date = ?"));
    HW_CHECK(st.bind(1, person).bind(2, date.days).run());
    return st.changes() > 0;
  }

  // --- wins -----------------------------------------------------------------------------------
  Result<Id> insert_win(const Win& w) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO wins (id, person_id, text, goal_id, value_id, size, date, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, w.id).bind(2, w.person_id).bind(3, w.text).bind(4, w.goal_id).bind(5, w.value_id);
    st.bind(6, to_string(w.size)).bind(7, w.date.days).bind(8, w.created_at);
    return returned_id(st);
  }
  Result<std::optional<Win>> find_win(Id person, Id id) override {
    auto st = HW_TRY(c_.prepare(std::string(kWin) + " WHERE person_id = ? AND id = ?"));
    st.bind(1, person).bind(2, id);
    if (!HW_TRY(st.step())) return std::optional<Win>();
    return std::optional<Win>(HW_TRY(read_win(st)));
  }
  Result<std::vector<Win>> list_wins(Id person, Date from, Date to) override {
    auto st = HW_TRY(c_.prepare(std::string(kWin) + " WHERE person_id = ? AND date BETWEEN ? AND ? ORDER BY date, id"));
    st.bind(1, person).bind(2, from.days).bind(3, to.days);
    std::vector<Win> out;
    while (HW_TRY(st.step())) out.push_back(HW_TRY(read_win(st)));
    return out;
  }
  Result<bool> delete_win(Id person, Id id) override {
    return remove("DELETE FROM wins WHERE person_id = ? AND id = ?", person, id);
  }

  // --- reflections ----------------------------------------------------------------------------
  Result<void> upsert_reflection(const Reflection& r) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO reflections (person_id, week, score, note, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (person_id, week) DO UPDATE SET score = excluded.score, note = excluded.note, "
        "updated_at = excluded.updated_at"));
    return st.bind(1, r.person_id).bind(2, r.week.days).bind(3, r.score).bind(4, r.note).bind(5, r.updated_at).run();
  }
  Result<std::vector<Reflection>> list_reflections(Id person, Date from, Date to) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT person_id, week, score, note, updated_at FROM reflections WHERE person_id = ? AND week BETWEEN ? AND ? "
        "ORDER BY week"));
    st.bind(1, person).bind(2, from.days).bind(3, to.days);
    std::vector<Reflection> out;
    while (HW_TRY(st.step())) out.push_back(Reflection{st.i64(0), Date{st.i32(1)}, st.i32(2), st.text(3), st.i64(4)});
    return out;
  }

  // --- assessments ----------------------------------------------------------------------------
  Result<Id> insert_assessment(const Assessment& a) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO assessments (id, person_id, instrument_id, instrument_version, date, answers, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, a.id).bind(2, a.person_id).bind(3, a.instrument_id).bind(4, a.instrument_version);
    st.bind(5, a.date.days).bind(6, encode_answers(a.answers)).bind(7, a.created_at);
    const Id id = HW_TRY(returned_id(st));
    for (size_t i = 0; i < a.scores.size(); ++i) {
      const ScaleScore& s = a.scores[i];
      auto sc = HW_TRY(c_.prepare(
          "INSERT INTO assessment_scores (assessment_id, position, scale, score, band, lowest_band) "
          "VALUES (?, ?, ?, ?, ?, ?)"));
      sc.bind(1, id).bind(2, static_cast<int64_t>(i)).bind(3, s.scale).bind(4, s.score).bind(5, s.band);
      HW_CHECK(sc.bind(6, s.lowest_band).run());
    }
    return id;
  }
  Result<std::vector<Assessment>> list_assessments(Id person) override {
    std::vector<Assessment> out;
    {
      auto st = HW_TRY(c_.prepare(
          "SELECT id, person_id, instrument_id, instrument_version, date, answers, created_at FROM assessments "
          "WHERE person_id = ? ORDER BY date, id"));
      st.bind(1, person);
      while (HW_TRY(st.step())) {
        Assessment a;
        a.id = st.i64(0);
        a.person_id = st.i64(1);
        a.instrument_id = st.text(2);
        a.instrument_version = st.text(3);
        a.date = Date{st.i32(4)};
        a.answers = HW_TRY(decode_answers(st.text(5)));
        a.created_at = st.i64(6);
        out.push_back(std::move(a));
      }
    }
    for (Assessment& a : out) {
      auto st = HW_TRY(c_.prepare(
          "SELECT scale, score, band, lowest_band FROM assessment_scores WHERE assessment_id = ? ORDER BY position"));
      st.bind(1, a.id);
      while (HW_TRY(st.step())) a.scores.push_back(ScaleScore{st.text(0), st.f64(1), st.text(2), st.i64(3) != 0});
    }
    return out;
  }

  // --- accounts -------------------------------------------------------------------------------
  Result<Id> insert_account(const Account& a) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO accounts (id, person_id, email, password_hash, admin, created_at, password_changed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, a.id).bind(2, a.person_id).bind(3, a.email).bind(4, a.password_hash).bind(5, a.admin);
    st.bind(6, a.created_at).bind(7, a.password_changed_at);
    return returned_id(st);
  }
  Result<std::optional<Account>> find_account(Id id) override {
    return one_account(std::string(kAccount) + " WHERE id = ?", [&](Statement& st) { st.bind(1, id); });
  }
  Result<std::optional<Account>> find_account_by_email(const std::string& email) override {
    return one_account(std::string(kAccount) + " WHERE email = ?", [&](Statement& st) { st.bind(1, email); });
  }
  Result<std::optional<Account>> find_account_by_person(Id person) override {
    return one_account(std::string(kAccount) + " WHERE person_id = ?", [&](Statement& st) { st.bind(1, person); });
  }
  Result<std::vector<Account>> list_accounts() override {
    auto st = HW_TRY(c_.prepare(std::string(kAccount) + " ORDER BY id"));
    std::vector<Account> out;
    while (HW_TRY(st.step())) out.push_back(read_account(st));
    return out;
  }
  Result<void> update_account(const Account& a) override {
    auto st = HW_TRY(c_.prepare(
        "UPDATE accounts SET email = ?, password_hash = ?, admin = ?, password_changed_at = ? WHERE id = ?"));
    return st.bind(1, a.email).bind(2, a.password_hash).bind(3, a.admin).bind(4, a.password_changed_at).bind(5, a.id).run();
  }

  // --- sessions -------------------------------------------------------------------------------
  Result<void> insert_session(const Session& s) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen) VALUES (?, ?, ?, ?, ?)"));
    return st.bind(1, s.token_hash).bind(2, s.account_id).bind(3, s.csrf_token).bind(4, s.created_at).bind(5, s.last_seen).run();
  }
  Result<std::optional<Session>> find_session(const std::string& token_hash) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT token_hash, account_id, csrf_token, created_at, last_seen FROM sessions WHERE token_hash = ?"));
    st.bind(1, token_hash);
    if (!HW_TRY(st.step())) return std::optional<Session>();
    return std::optional<Session>(Session{st.text(0), st.i64(1), st.text(2), st.i64(3), st.i64(4)});
  }
  Result<std::optional<std::pair<Session, Account>>> find_session_account(const std::string& token_hash) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT a.id, a.person_id, a.email, a.password_hash, a.admin, a.created_at, a.password_changed_at, "
        "s.token_hash, s.account_id, s.csrf_token, s.created_at, s.last_seen FROM sessions s JOIN accounts a ON "
        "a.id = s.account_id WHERE s.token_hash = ?"));
    st.bind(1, token_hash);
    if (!HW_TRY(st.step())) return std::optional<std::pair<Session, Account>>();
    Session session{st.text(7), st.i64(8), st.text(9), st.i64(10), st.i64(11)};
    return std::optional<std::pair<Session, Account>>(std::pair{std::move(session), read_account(st)});
  }
  Result<void> touch_session(const std::string& token_hash, Instant at) override {
    auto st = HW_TRY(c_.prepare("UPDATE sessions SET last_seen = ? WHERE token_hash = ?"));
    return st.bind(1, at).bind(2, token_hash).run();
  }
  Result<bool> delete_session(const std::string& token_hash) override {
    auto st = HW_TRY(c_.prepare("DELETE FROM sessions WHERE token_hash = ?"));
    HW_CHECK(st.bind(1, token_hash).run());
    return st.changes() > 0;
  }
  Result<int64_t> delete_account_sessions(Id account, const std::string& keep_hash) override {
    auto st = HW_TRY(c_.prepare("DELETE FROM sessions WHERE account_id = ? AND token_hash <> ?"));
    HW_CHECK(st.bind(1, account).bind(2, keep_hash).run());
    return static_cast<int64_t>(st.changes());
  }
  Result<int64_t> delete_stale_sessions(Instant idle_before, Instant created_before) override {
    auto st = HW_TRY(c_.prepare("DELETE FROM sessions WHERE last_seen < ? OR created_at < ?"));
    HW_CHECK(st.bind(1, idle_before).bind(2, created_before).run());
    return static_cast<int64_t>(st.changes());
  }

  // --- API tokens -----------------------------------------------------------------------------
  Result<Id> insert_api_token(const ApiToken& t) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO api_tokens (id, account_id, name, token_hash, scope, created_at, last_used_at, revoked_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, t.id).bind(2, t.account_id).bind(3, t.name).bind(4, t.token_hash).bind(5, std::string(to_string(t.scope)));
    st.bind(6, t.created_at).bind(7, t.last_used_at).bind(8, t.revoked_at);
    return returned_id(st);
  }
  Result<std::optional<ApiToken>> find_api_token(const std::string& token_hash) override {
    auto st = HW_TRY(c_.prepare(std::string(kToken) + " WHERE token_hash = ?"));
    st.bind(1, token_hash);
    if (!HW_TRY(st.step())) return std::optional<ApiToken>();
    return std::optional<ApiToken>(HW_TRY(read_token(st)));
  }
  Result<std::optional<std::pair<ApiToken, Account>>> find_api_token_account(const std::string& token_hash) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT a.id, a.person_id, a.email, a.password_hash, a.admin, a.created_at, a.password_changed_at, "
        "t.id, t.account_id, t.name, t.token_hash, t.scope, t.created_at, t.last_used_at, t.revoked_at "
        "FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = ?"));
    st.bind(1, token_hash);
    if (!HW_TRY(st.step())) return std::optional<std::pair<ApiToken, Account>>();
    auto scope = parse_token_scope(st.text(11));
    if (!scope) return fail(ErrorCode::corrupt, "stored token scope is unreadable");
    ApiToken t{st.i64(7), st.i64(8), st.text(9), st.text(10), *scope, st.i64(12), st.i64(13), st.i64(14)};
    return std::optional<std::pair<ApiToken, Account>>(std::pair{std::move(t), read_account(st)});
  }
  Result<std::vector<ApiToken>> list_api_tokens(Id account) override {
    auto st = HW_TRY(c_.prepare(std::string(kToken) + " WHERE account_id = ? ORDER BY id"));
    st.bind(1, account);
    std::vector<ApiToken> out;
    while (HW_TRY(st.step())) out.push_back(HW_TRY(read_token(st)));
    return out;
  }
  Result<bool> revoke_api_token(Id account, Id id, Instant at) override {
    auto st = HW_TRY(c_.prepare("UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND id = ? AND revoked_at = 0"));
    HW_CHECK(st.bind(1, at).bind(2, account).bind(3, id).run());
    return st.changes() > 0;
  }
  Result<void> touch_api_token(Id id, Instant at) override {
    auto st = HW_TRY(c_.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?"));
    return st.bind(1, at).bind(2, id).run();
  }

  // --- invites --------------------------------------------------------------------------------
  Result<Id> insert_invite(const Invite& i) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO invites (id, token_hash, email, created_by, created_at, expires_at, used_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    bind_id(st, 1, i.id).bind(2, i.token_hash).bind(3, i.email).bind(4, i.created_by).bind(5, i.created_at);
    st.bind(6, i.expires_at).bind(7, i.used_at);
    return returned_id(st);
  }
  Result<std::optional<Invite>> find_invite(const std::string& token_hash) override {
    auto st = HW_TRY(c_.prepare(
        "SELECT id, token_hash, email, created_by, created_at, expires_at, used_at FROM invites WHERE token_hash = ?"));
    st.bind(1, token_hash);
    if (!HW_TRY(st.step())) return std::optional<Invite>();
    return std::optional<Invite>(Invite{st.i64(0), st.text(1), st.text(2), st.i64(3), st.i64(4), st.i64(5), st.i64(6)});
  }
  Result<bool> use_invite(Id id, Instant at) override {
    auto st = HW_TRY(c_.prepare("UPDATE invites SET used_at = ? WHERE id = ? AND used_at = 0"));
    HW_CHECK(st.bind(1, at).bind(2, id).run());
    return st.changes() > 0;
  }

  // --- evidence (sql_evidence.hpp) -----------------------------------------------------------
  Result<Id> upsert_evidence_source(const EvidenceSource& s) override { return evidence().upsert_source(s); }
  Result<std::vector<EvidenceSource>> list_evidence_sources(Id person) override {
    return evidence().list_sources(person);
  }
  Result<bool> delete_evidence_source(Id person, Id id) override { return evidence().delete_source(person, id); }
  Result<ReplaceCounts> replace_calendar_events(Id person, Id source,
                                                const std::vector<EventOccurrence>& occurrences) override {
    return evidence().replace_events(person, source, occurrences);
  }
  Result<ReplaceCounts> replace_activity_spans(Id person, Id source, const std::vector<ActivitySpan>& spans) override {
    return evidence().replace_spans(person, source, spans);
  }
  Result<std::vector<EventOccurrence>> list_calendar_events(Id person, Instant from, Instant to) override {
    return evidence().list_events(person, from, to);
  }
  Result<std::vector<ActivitySpan>> list_activity_spans(Id person, Instant from, Instant to) override {
    return evidence().list_spans(person, from, to);
  }
  Result<std::vector<EventOccurrence>> list_source_events(Id person, Id source) override {
    return evidence().list_source_events(person, source);
  }
  Result<std::vector<ActivitySpan>> list_source_spans(Id person, Id source) override {
    return evidence().list_source_spans(person, source);
  }

  // --- calendar feed (sql_feed.hpp) ----------------------------------------------------------
  Result<void> put_calendar_feed(const CalendarFeed& f) override { return feed().put(f); }
  Result<std::optional<CalendarFeed>> find_calendar_feed(Id person) override { return feed().find(person); }
  Result<std::optional<CalendarFeed>> find_calendar_feed_by_token(const std::string& token_hash) override {
    return feed().find_by_token(token_hash);
  }
  Result<bool> set_calendar_feed_reminder(Id person, TimeOfDay reminder) override {
    return feed().set_reminder(person, reminder);
  }
  Result<bool> delete_calendar_feed(Id person) override { return feed().remove(person); }

  // --- rate limits ----------------------------------------------------------------------------
  Result<std::optional<RateWindow>> find_rate_window(const std::string& key) override {
    auto st = HW_TRY(c_.prepare("SELECT key, window_start, count FROM rate_limits WHERE key = ?"));
    st.bind(1, key);
    if (!HW_TRY(st.step())) return std::optional<RateWindow>();
    return std::optional<RateWindow>(RateWindow{st.text(0), st.i64(1), st.i32(2)});
  }
  Result<void> put_rate_window(const RateWindow& w) override {
    auto st = HW_TRY(c_.prepare(
        "INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
        "window_start = excluded.window_start, count = excluded.count"));
    return st.bind(1, w.key).bind(2, w.window_start).bind(3, w.count).run();
  }
  Result<void> delete_rate_window(const std::string& key) override {
    auto st = HW_TRY(c_.prepare("DELETE FROM rate_limits WHERE key = ?"));
    return st.bind(1, key).run();
  }

  Result<void> clear_all() override {
    for (const char* table : {"plan_comments", "conversation_plans", "notifications", "pledge_signatures", "pledges", "kudos",
                              "win_shares", "circle_invites", "circle_members", "circles", "grant_accesses", "grants",
                              "supporters", "rate_limits", "invites", "sessions", "api_tokens", "accounts", "calendar_feeds", "calendar_events",
                              "activity_spans", "evidence_sources", "assessment_scores", "assessments", "reflections", "wins", "checkins", "completions",
                              "goal_stages", "goal_values", "goals", "boundaries", "catalysts", "motivations",
                              "person_values", "people", "settings"}) {
      auto st = HW_TRY(c_.prepare(std::string("DELETE FROM ") + table));
      HW_CHECK(st.run());
    }
    return {};
  }

  Result<std::vector<std::pair<std::string, int64_t>>> table_counts() override {
    std::vector<std::pair<std::string, int64_t>> out;
    for (const char* table : {"people", "person_values", "motivations", "catalysts", "boundaries", "goals",
                              "goal_values", "goal_stages", "completions", "checkins", "wins", "reflections",
                              "assessments", "assessment_scores", "settings", "accounts", "api_tokens",
                              "evidence_sources", "calendar_events", "activity_spans", "calendar_feeds", "supporters",
                              "grants", "grant_accesses", "circles", "circle_members", "circle_invites", "win_shares",
                              "kudos", "pledges", "pledge_signatures", "notifications", "conversation_plans",
                              "plan_comments"}) {
      auto st = HW_TRY(c_.prepare(std::string("SELECT count(*) FROM ") + table));
      HW_CHECK(st.step());
      out.emplace_back(table, st.i64(0));
    }
    return out;
  }

 private:
  static constexpr const char* kAccount =
      "SELECT id, person_id, email, password_hash, admin, created_at, password_changed_at FROM accounts";
  static constexpr const char* kToken =
      "SELECT id, account_id, name, token_hash, scope, created_at, last_used_at, revoked_at FROM api_tokens";

  template <typename Bind>
  Result<std::optional<Account>> one_account(const std::string& sql, Bind&& bind) {
    auto st = HW_TRY(c_.prepare(sql));
    bind(st);
    if (!HW_TRY(st.step())) return std::optional<Account>();
    return std::optional<Account>(read_account(st));
  }
  static Account read_account(Statement& st) {
    return Account{st.i64(0), st.i64(1), st.text(2), st.text(3), st.i64(4) != 0, st.i64(5), st.i64(6)};
  }
  static Result<ApiToken> read_token(Statement& st) {
    auto scope = parse_token_scope(st.text(4));
    if (!scope) return fail(ErrorCode::corrupt, "stored token scope is unreadable");
    return ApiToken{st.i64(0), st.i64(1), st.text(2), st.text(3), *scope, st.i64(5), st.i64(6), st.i64(7)};
  }

  static constexpr const char* kPerson = "SELECT id, name, email, timezone, work_hours, created_at FROM people";
  static constexpr const char* kGoal =
      "SELECT id, person_id, title, wish, outcome, obstacle, barrier, if_cue, then_action, frequency, boundary_id, "
      "start_date, archived, created_at FROM goals";
  static constexpr const char* kBoundary =
      "SELECT id, person_id, type, params, label, active, created_at FROM boundaries";
  static constexpr const char* kCheckin =
      "SELECT person_id, date, off, start_minute, end_minute, worked_minutes, after_hours, break_minutes, stress, "
      "energy, progress, setback, note, updated_at FROM checkins";
  static constexpr const char* kWin =
      "SELECT id, person_id, text, goal_id, value_id, size, date, created_at FROM wins";

  static Statement& bind_id(Statement& st, int i, Id id) { return id ? st.bind(i, id) : st.bind_null(i); }

  Result<bool> remove(const char* sql, Id person, Id id) {
    auto st = HW_TRY(c_.prepare(sql));
    HW_CHECK(st.bind(1, person).bind(2, id).run());
    return st.changes() > 0;
  }

  static Result<Person> read_person(Statement& st) {
    Person p{st.i64(0), st.text(1), st.text(2), st.text(3), {}, st.i64(5)};
    auto wh = parse_work_hours(st.text(4));
    if (!wh) return fail(ErrorCode::corrupt, "stored work hours are unreadable");
    p.work_hours = *wh;
    return p;
  }

  static void bind_goal(Statement& st, const Goal& g, int first) {
    st.bind(first, g.person_id).bind(first + 1, g.title).bind(first + 2, g.wish).bind(first + 3, g.outcome);
    st.bind(first + 4, g.obstacle);
    if (g.barrier) st.bind(first + 5, to_string(*g.barrier)); else st.bind_null(first + 5);
    st.bind(first + 6, g.if_cue).bind(first + 7, g.then_action).bind(first + 8, to_string(g.frequency));
    st.bind(first + 9, g.boundary_id).bind(first + 10, g.start_date.days);
  }

  static Result<Goal> read_goal(Statement& st) {
    Goal g;
    g.id = st.i64(0);
    g.person_id = st.i64(1);
    g.title = st.text(2);
    g.wish = st.text(3);
    g.outcome = st.text(4);
    g.obstacle = st.text(5);
    if (!st.is_null(6)) g.barrier = HW_TRY(decode_barrier(st.text(6)));
    g.if_cue = st.text(7);
    g.then_action = st.text(8);
    g.frequency = HW_TRY(decode_frequency(st.text(9)));
    g.boundary_id = st.opt_i64(10);
    g.start_date = Date{st.i32(11)};
    g.archived = st.i64(12) != 0;
    g.created_at = st.i64(13);
    return g;
  }

  Result<void> write_goal_values(Id goal, const std::vector<Id>& values) {
    for (size_t i = 0; i < values.size(); ++i) {
      auto st = HW_TRY(c_.prepare("INSERT INTO goal_values (goal_id, value_id, position) VALUES (?, ?, ?)"));
      HW_CHECK(st.bind(1, goal).bind(2, values[i]).bind(3, static_cast<int64_t>(i)).run());
    }
    return {};
  }

  Result<void> load_goal_values(Goal& g) {
    auto st = HW_TRY(c_.prepare("SELECT value_id FROM goal_values WHERE goal_id = ? ORDER BY position"));
    st.bind(1, g.id);
    while (HW_TRY(st.step())) g.value_ids.push_back(st.i64(0));
    return {};
  }

  static Result<Boundary> read_boundary(Statement& st) {
    Boundary b = HW_TRY(decode_boundary(st.text(2), st.text(3)));
    b.id = st.i64(0);
    b.person_id = st.i64(1);
    b.label = st.text(4);
    b.active = st.i64(5) != 0;
    b.created_at = st.i64(6);
    return b;
  }

  static void bind_checkin(Statement& st, const CheckIn& c, int f) {
    st.bind(f, c.person_id).bind(f + 1, c.date.days).bind(f + 2, c.off);
    if (c.start) st.bind(f + 3, c.start->minutes); else st.bind_null(f + 3);
    if (c.end) st.bind(f + 4, c.end->minutes); else st.bind_null(f + 4);
    st.bind(f + 5, c.worked_minutes).bind(f + 6, c.after_hours).bind(f + 7, c.break_minutes).bind(f + 8, c.stress);
    st.bind(f + 9, c.energy).bind(f + 10, c.progress).bind(f + 11, c.setback).bind(f + 12, c.note);
    st.bind(f + 13, c.updated_at);
  }

  static CheckIn read_checkin(Statement& st) {
    CheckIn c;
    c.person_id = st.i64(0);
    c.date = Date{st.i32(1)};
    c.off = st.i64(2) != 0;
    if (!st.is_null(3)) c.start = TimeOfDay{st.i32(3)};
    if (!st.is_null(4)) c.end = TimeOfDay{st.i32(4)};
    c.worked_minutes = st.i32(5);
    if (!st.is_null(6)) c.after_hours = st.i32(6);
    if (!st.is_null(7)) c.break_minutes = st.i32(7);
    c.stress = st.i32(8);
    c.energy = st.i32(9);
    c.progress = st.i64(10) != 0;
    c.setback = st.i64(11) != 0;
    c.note = st.text(12);
    c.updated_at = st.i64(13);
    return c;
  }

  static Result<Win> read_win(Statement& st) {
    Win w;
    w.id = st.i64(0);
    w.person_id = st.i64(1);
    w.text = st.text(2);
    w.goal_id = st.opt_i64(3);
    w.value_id = st.opt_i64(4);
    auto size = parse_win_size(st.text(5));
    if (!size) return fail(ErrorCode::corrupt, "stored win size is unreadable");
    w.size = *size;
    w.date = Date{st.i32(6)};
    w.created_at = st.i64(7);
    return w;
  }

  // Reads the id an INSERT ... RETURNING id produced.
  static Result<Id> returned_id(Statement& st) {
    if (!HW_TRY(st.step())) return fail(ErrorCode::storage, "insert returned no id");
    return st.i64(0);
  }

  EvidenceRepo<Conn> evidence() { return EvidenceRepo<Conn>(c_); }
  FeedRepo<Conn> feed() { return FeedRepo<Conn>(c_); }

  Conn& c_;
  TogetherRepo<Conn> together_{c_};
  std::function<void()> release_;
  bool done_ = false;
};

}  // namespace headway::store::sql
