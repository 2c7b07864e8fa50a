// Daylio: one check-in per date from the day's moods and notes, and completions of the goals the
// person mapped activities to.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "ingest/import_common.hpp"
#include "service/migrate.hpp"

namespace headway::service {

namespace {

std::string lower(std::string_view s) {
  std::string out(ingest::trim(s));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

struct GoalMapping {
  std::string activity;  // as given
  Id goal_id = 0;
  std::string spec;  // "exercise=3", for messages
};

// Parses "ACTIVITY=GOAL_ID".
Result<GoalMapping> parse_goal_mapping(std::string_view spec) {
  const size_t eq = spec.rfind('=');
  const std::string_view activity = eq == std::string_view::npos ? std::string_view() : ingest::trim(spec.substr(0, eq));
  if (activity.empty())
    return invalid("goal_map", "\"" + ingest::clip(spec, 60) + "\" is not ACTIVITY=GOAL_ID, e.g. exercise=3");
  const std::string_view id_text = ingest::trim(spec.substr(eq + 1));
  Id id = 0;
  const auto [p, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc() || p != id_text.data() + id_text.size() || id <= 0)
    return invalid("goal_map", "\"" + ingest::clip(id_text, 30) + "\" in \"" + ingest::clip(spec, 60) +
                                   "\" is not a goal id (see `headway goal list`)");
  return GoalMapping{std::string(activity), id, std::string(spec)};
}

struct Parsed {
  std::vector<ingest::DaylioEntry> entries;
  ingest::MoodMap custom;
  std::vector<GoalMapping> mappings;
};

// Checks the options and reads the file: everything that needs no database.
Result<Parsed> parse(std::istream& in, const DaylioOptions& options) {
  Parsed p;
  for (const auto& spec : options.moods) {
    auto [name, score] = HW_TRY(ingest::parse_mood_mapping(spec));
    p.custom[name] = score;
  }
  std::map<std::string, Id> seen;
  for (const auto& spec : options.goals) {
    GoalMapping m = HW_TRY(parse_goal_mapping(spec));
    const auto [it, fresh] = seen.emplace(lower(m.activity), m.goal_id);
    if (!fresh && it->second != m.goal_id)
      return invalid("goal_map", "activity \"" + ingest::clip(m.activity, 60) + "\" is mapped to two goals (" +
                                     std::to_string(it->second) + " and " + std::to_string(m.goal_id) + ")");
    p.mappings.push_back(std::move(m));
  }
  p.entries = HW_TRY(ingest::read_daylio(in));
  // Unknown moods first, with the option that fixes them (plan_daylio would only name the line).
  for (const auto& e : p.entries)
    if (!ingest::mood_scores(e.mood, p.custom))
      return ingest::csv_error(e.line, "unknown mood \"" + ingest::clip(e.mood, 40) + "\": map it with --mood \"" +
                                           ingest::clip(e.mood, 40) +
                                           "=LEVEL\", LEVEL one of rad, good, meh, bad, awful or stress/energy like 4/2");
  return p;
}

bool same_values(const core::CheckIn& c, const ingest::CheckInDraft& d) {
  return c.stress == d.stress && c.energy == d.energy && (d.note.empty() || c.note == d.note);
}

// Works out the plan against what the person has stored, inside an open transaction.
Result<DaylioPlan> plan(store::Transaction& tx, const Context& ctx, const Actor& actor, const Parsed& p,
                        const DaylioOptions& options) {
  const auto pz = HW_TRY(load_person(tx, actor));
  const Date today = local_today(ctx, pz.zone);
  for (const auto& e : p.entries)
    if (e.date > today)
      return ingest::csv_error(e.line, core::to_string(e.date) + " is in the future (today is " +
                                           core::to_string(today) + ")");
  // The goals, which must be the actor's: another person's goal is simply not found.
  DaylioPlan out;
  std::map<std::string, Id> activity_goals;
  for (const auto& m : p.mappings) {
    activity_goals[m.activity] = m.goal_id;
    auto it = std::find_if(out.goals.begin(), out.goals.end(), [&](const auto& g) { return g.goal_id == m.goal_id; });
    if (it == out.goals.end()) {
      const auto g = HW_TRY(tx.find_goal(actor.person_id, m.goal_id));
      if (!g)
        return fail(ErrorCode::not_found,
                    "no goal " + std::to_string(m.goal_id) + " for --goal " + ingest::clip(m.spec, 60) +
                        " (see `headway goal list`)",
                    "goal_map");
      out.goals.push_back(DaylioGoalCount{g->id, g->title, {}, 0, 0});
      it = out.goals.end() - 1;
    }
    if (std::none_of(it->activities.begin(), it->activities.end(), [&](const auto& a) { return lower(a) == lower(m.activity); }))
      it->activities.push_back(m.activity);
  }
  const ingest::DaylioPlan drafts = HW_TRY(ingest::plan_daylio(p.entries, p.custom, activity_goals));

  out.entries = static_cast<int>(p.entries.size());
  std::map<std::string, size_t> mood_index;
  for (const auto& e : p.entries) {
    const std::string key = lower(e.mood);
    auto [it, fresh] = mood_index.emplace(key, out.moods.size());
    if (fresh) {
      const auto score = HW_TRY(ingest::mood_scores(e.mood, p.custom));
      out.moods.push_back(DaylioMoodUse{e.mood, score, p.custom.count(key) > 0, 0});
    }
    ++out.moods[it->second].entries;
  }
  std::stable_sort(out.moods.begin(), out.moods.end(), [](const auto& a, const auto& b) {
    return a.score.stress != b.score.stress ? a.score.stress < b.score.stress
           : a.score.energy != b.score.energy ? a.score.energy > b.score.energy
                                               : lower(a.mood) < lower(b.mood);
  });

  for (const auto& d : drafts.checkins) {
    DaylioDay day{d, DaylioAction::add};
    if (const auto existing = HW_TRY(tx.find_checkin(actor.person_id, d.date))) {
      day.action = same_values(*existing, d) ? DaylioAction::unchanged
                   : options.overwrite      ? DaylioAction::overwrite
                                            : DaylioAction::skip;
    }
    switch (day.action) {
      case DaylioAction::add: ++out.added; break;
      case DaylioAction::skip: ++out.skipped; break;
      case DaylioAction::overwrite: ++out.overwritten; break;
      case DaylioAction::unchanged: ++out.unchanged; break;
    }
    out.days.push_back(std::move(day));
  }
  if (!out.days.empty()) {
    out.from = out.days.front().draft.date;
    out.to = out.days.back().draft.date;
  }
  for (const auto& c : drafts.completions) {
    auto& count = *std::find_if(out.goals.begin(), out.goals.end(), [&](const auto& g) { return g.goal_id == c.goal_id; });
    if (HW_TRY(tx.list_completions(c.goal_id, c.date, c.date)).empty()) {
      ++count.added;
      out.completions.push_back(c);
    } else {
      ++count.existing;
    }
  }
  out.unmapped_activities = drafts.unmapped_activities;
  return out;
}

// Writes the plan through the same checks as `headway checkin` and `headway goal done`.
Result<void> write(store::Transaction& tx, const Context& ctx, const Actor& actor, const DaylioPlan& p) {
  const auto pz = HW_TRY(load_person(tx, actor));
  std::vector<core::CheckIn> batch;
  for (const auto& day : p.days) {
    if (day.action != DaylioAction::add && day.action != DaylioAction::overwrite) continue;
    // Overwriting keeps the working times (Daylio knows nothing of them). A new check-in has no
    // recorded times: it is not a day off, and boundaries and hours count it as no evidence.
    auto found = HW_TRY(tx.find_checkin(actor.person_id, day.draft.date));
    core::CheckIn c;
    c.person_id = actor.person_id;
    c.date = day.draft.date;
    if (day.action == DaylioAction::overwrite && found) c = std::move(found).value();
    c.stress = day.draft.stress;
    c.energy = day.draft.energy;
    if (!day.draft.note.empty()) c.note = day.draft.note;
    c.updated_at = ctx.clock();
    auto ok = core::finalize_checkin(c, pz.zone, core::CheckinMode::times_optional);
    if (!ok) {
      Error e = ok.error();
      e.message = core::to_string(c.date) + ": " + e.field + ": " + e.message;
      return tl::unexpected(std::move(e));
    }
    batch.push_back(std::move(c));
  }
  HW_CHECK(tx.upsert_checkins(batch));
  for (const auto& c : p.completions) {
    auto goal = *HW_TRY(tx.find_goal(actor.person_id, c.goal_id));
    if (c.date < goal.start_date) {
      // As `goal done` does: completions before the goal was written down start its history earlier.
      goal.start_date = c.date;
      HW_CHECK(tx.update_goal(goal));
    }
    HW_CHECK(tx.insert_completion(c));
  }
  // Slips are not looked for here: completions only close gaps, and the day's check runs on the
  // next check-in or `goal done`.
  return {};
}

}  // namespace

const char* to_string(DaylioAction a) {
  switch (a) {
    case DaylioAction::add: return "new";
    case DaylioAction::skip: return "skipped";
    case DaylioAction::overwrite: return "overwritten";
    case DaylioAction::unchanged: return "unchanged";
  }
  return "new";
}

Result<DaylioPlan> preview_daylio(Context& ctx, const Actor& actor, std::istream& in, const DaylioOptions& options) {
  const Parsed p = HW_TRY(parse(in, options));
  return store::with_read(ctx.db, [&](store::Transaction& tx) { return plan(tx, ctx, actor, p, options); });
}

Result<DaylioPlan> import_daylio(Context& ctx, const Actor& actor, std::istream& in, const DaylioOptions& options) {
  const Parsed p = HW_TRY(parse(in, options));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<DaylioPlan> {
    DaylioPlan out = HW_TRY(plan(tx, ctx, actor, p, options));
    HW_CHECK(write(tx, ctx, actor, out));
    out.committed = true;
    return out;
  });
}

}  // namespace headway::service
