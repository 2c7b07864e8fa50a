#include "service/evidence.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace headway::service {
namespace {

// Longest window a calendar import or a signals request may cover.
constexpr int kMaxWindowDays = 3660;

Result<core::DayRange> parse_range(const Context& ctx, const core::Zone& zone, const std::optional<std::string>& from,
                                   const std::optional<std::string>& to, core::DayRange fallback) {
  core::DayRange r = fallback;
  if (from) r.from = HW_TRY(date_or_today(ctx, zone, from, "from"));
  if (to) r.to = HW_TRY(date_or_today(ctx, zone, to, "to"));
  if (to && !from) r.from = core::add_days(r.to, -core::days_between(fallback.from, fallback.to));
  if (r.to < r.from) return invalid(to ? "to" : "from", "the range ends (" + core::to_string(r.to) +
                                                            ") before it starts (" + core::to_string(r.from) + ")");
  if (core::days_between(r.from, r.to) >= kMaxWindowDays) return invalid("to", "range is longer than 10 years");
  return r;
}

// The source row an import writes: imported now, covering `covered`, holding `items`.
core::EvidenceSource new_source(const Context& ctx, const Actor& actor, core::SourceKind kind, std::string name,
                                core::DayRange covered, size_t items) {
  return core::EvidenceSource{0, actor.person_id, kind, std::move(name), ctx.clock(),
                              covered.from, covered.to, static_cast<int64_t>(items)};
}

// Keeps the first occurrence of each (uid, recurrence_id): a file may repeat an event.
std::vector<core::EventOccurrence> unique_occurrences(std::vector<core::EventOccurrence> all,
                                                      std::vector<ingest::IcsSkipped>& warnings) {
  std::set<std::pair<std::string, core::Instant>> seen;
  std::set<std::string> reported;
  std::vector<core::EventOccurrence> out;
  out.reserve(all.size());
  for (auto& o : all) {
    if (seen.emplace(o.uid, o.recurrence_id).second) {
      out.push_back(std::move(o));
    } else if (reported.insert(o.uid).second) {
      warnings.push_back(ingest::IcsSkipped{0, "UID " + o.uid.substr(0, 80) + " appears more than once; the first copy is kept"});
    }
  }
  return out;
}

}  // namespace

Result<StoredEvidence> load_evidence(store::Transaction& tx, Id person, const core::Zone& zone, Date from, Date to) {
  StoredEvidence ev;
  if (to < from) return ev;
  const core::Instant begin = zone.to_instant(from, 0);
  const core::Instant end = zone.to_instant(core::add_days(to, 1), 0);
  ev.occurrences = HW_TRY(tx.list_calendar_events(person, begin, end));
  ev.spans = HW_TRY(tx.list_activity_spans(person, begin, end));
  for (const auto& s : HW_TRY(tx.list_evidence_sources(person))) {
    if (s.covered_to < s.covered_from || s.covered_to < from || s.covered_from > to) continue;
    auto& ranges = s.kind == core::SourceKind::calendar ? ev.coverage.calendar : ev.coverage.activity;
    ranges.push_back(core::DayRange{s.covered_from, s.covered_to});
  }
  return ev;
}

Result<CalendarImportSummary> import_calendar(Context& ctx, const Actor& actor, std::istream& in,
                                              const CalendarImportOptions& options) {
  CalendarImportSummary out;
  out.source.name = HW_TRY(core::validate_name(options.source, "source"));
  // Who and where the person is, before the file is read.
  auto [pz, email] = HW_TRY(store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::pair<PersonZone, std::string>> {
    auto pz = HW_TRY(load_person(tx, actor));
    const auto account = HW_TRY(tx.find_account_by_person(actor.person_id));
    std::string email = account ? account->email : pz.person.email;
    return std::make_pair(std::move(pz), std::move(email));
  }));
  if (options.me_email) email = *options.me_email;

  ingest::IcsOptions ics = ingest::default_ics_window(ctx.clock(), pz.zone);
  const core::DayRange fallback{pz.zone.local_date(ics.from), pz.zone.local_date(ics.to - 1)};
  const core::DayRange window = HW_TRY(parse_range(ctx, pz.zone, options.from, options.to, fallback));
  if (options.from || options.to) {
    ics.from = pz.zone.to_instant(window.from, 0);
    ics.to = pz.zone.to_instant(core::add_days(window.to, 1), 0);
  }
  ics.me_email = email;
  ics.keep_titles = options.keep_titles;
  ics.skip_invalid = options.skip_invalid;
  auto result = HW_TRY(ingest::import_ics(in, ics));

  out.events = result.events;
  out.skipped = std::move(result.skipped);
  out.warnings = std::move(result.warnings);
  const auto occurrences = unique_occurrences(std::move(result.occurrences), out.warnings);
  out.occurrences = static_cast<int>(occurrences.size());
  out.source = new_source(ctx, actor, core::SourceKind::calendar, std::move(out.source.name), window, occurrences.size());
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<CalendarImportSummary> {
    HW_CHECK(load_person(tx, actor));
    out.source.id = HW_TRY(tx.upsert_evidence_source(out.source));
    out.counts = HW_TRY(tx.replace_calendar_events(actor.person_id, out.source.id, occurrences));
    return out;
  });
}

Result<ActivityImportSummary> import_activity(Context& ctx, const Actor& actor, const std::string& source,
                                              const std::vector<core::ActivitySpan>& spans,
                                              core::Instant covered_from, core::Instant covered_to) {
  ActivityImportSummary out;
  out.source.name = HW_TRY(core::validate_name(source, "source"));
  if (covered_to < covered_from) return invalid("covered_to", "the covered stretch ends before it starts");
  for (size_t i = 0; i < spans.size(); ++i)
    if (spans[i].end < spans[i].start)
      return invalid("spans[" + std::to_string(i) + "]", "ends (" + core::format_instant(spans[i].end) +
                                                             ") before it starts (" +
                                                             core::format_instant(spans[i].start) + ")");
  out.spans = static_cast<int>(spans.size());
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<ActivityImportSummary> {
    const auto pz = HW_TRY(load_person(tx, actor));
    // The local days the stretch touches; an empty one is stored as a range that ends before it starts.
    const Date first = pz.zone.local_date(covered_from);
    const core::DayRange covered{first, covered_to > covered_from ? pz.zone.local_date(covered_to - 1)
                                                                  : core::add_days(first, -1)};
    out.source = new_source(ctx, actor, core::SourceKind::activity, out.source.name, covered, spans.size());
    out.source.id = HW_TRY(tx.upsert_evidence_source(out.source));
    out.counts = HW_TRY(tx.replace_activity_spans(actor.person_id, out.source.id, spans));
    return out;
  });
}

Result<std::vector<core::EvidenceSource>> list_sources(Context& ctx, const Actor& actor) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) { return tx.list_evidence_sources(actor.person_id); });
}

Result<core::EvidenceSource> remove_source(Context& ctx, const Actor& actor, const std::string& name,
                                           std::optional<core::SourceKind> kind) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::EvidenceSource> {
    std::vector<core::EvidenceSource> matches;
    for (auto& s : HW_TRY(tx.list_evidence_sources(actor.person_id)))
      if (s.name == name && (!kind || s.kind == *kind)) matches.push_back(std::move(s));
    if (matches.empty())
      return fail(ErrorCode::not_found, "no imported source named \"" + name + "\" (see `headway import list`)", "name");
    if (matches.size() > 1)
      return invalid("kind", "a calendar and an activity source are both named \"" + name + "\"; give --kind");
    if (!HW_TRY(tx.delete_evidence_source(actor.person_id, matches[0].id)))
      return fail(ErrorCode::not_found, "no imported source named \"" + name + "\"", "name");
    return matches[0];
  });
}

Result<std::vector<core::DailySignals>> signals(Context& ctx, const Actor& actor, const SignalsRange& range) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<core::DailySignals>> {
    const auto pz = HW_TRY(load_person(tx, actor));
    const Date today = local_today(ctx, pz.zone);
    const auto days = HW_TRY(parse_range(ctx, pz.zone, range.from, range.to,
                                         core::DayRange{core::add_days(today, 1 - kDefaultSignalDays), today}));
    const auto ev = HW_TRY(load_evidence(tx, actor.person_id, pz.zone, days.from, days.to));
    return core::daily_signals(pz.zone, pz.person.work_hours, days.from, days.to, ev.occurrences, ev.spans,
                               ev.coverage);
  });
}

}  // namespace headway::service
