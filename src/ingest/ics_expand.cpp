#include "ingest/ics_expand.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "ingest/ics_rule.hpp"

namespace headway::ingest::ics {

namespace {

using core::Instant;

constexpr long kMaxRecurrenceSteps = 1'000'000;  // iterator steps per event, window or not

struct IteratorDeleter {
  void operator()(icalrecur_iterator* it) const { icalrecur_iterator_free(it); }
};
using IteratorPtr = std::unique_ptr<icalrecur_iterator, IteratorDeleter>;

// Collects the expanded occurrences and the problems found while expanding.
class Expander {
 public:
  Expander(const IcsOptions& options, ZoneBook& zones, IcsResult& result)
      : options_(options), zones_(zones), result_(result) {}

  // Expands all records, masters with their overrides; the first Invalid when one fails.
  void run(const std::vector<EventRecord>& records, std::vector<Invalid>& invalid) {
    // The original starts that an override replaces (or cancels), per UID.
    std::map<std::string, std::set<Instant>> replaced;
    std::vector<std::optional<Instant>> rid(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      const EventRecord& r = records[i];
      if (!r.recurrence_id) continue;
      std::string why;
      rid[i] = zones_.instant(*r.recurrence_id, r.start.tzid, why);
      if (!rid[i]) continue;  // reported with the record below
      replaced[r.uid].insert(*rid[i]);
    }
    for (size_t i = 0; i < records.size(); ++i) {
      const EventRecord& r = records[i];
      std::optional<Invalid> problem;
      const size_t emitted = result_.occurrences.size();
      if (r.recurrence_id) {
        if (!rid[i]) {
          std::string why;
          (void)zones_.instant(*r.recurrence_id, r.start.tzid, why);
          problem = Invalid{r.recurrence_id->line, why};
        } else if (!r.cancelled) {
          problem = single(r, *rid[i]);
        }
      } else if (!r.cancelled) {
        static const std::set<Instant> none;
        auto it = replaced.find(r.uid);
        problem = master(r, it == replaced.end() ? none : it->second);
      }
      if (problem) {
        result_.occurrences.resize(emitted);  // an invalid event contributes nothing
        invalid.push_back(std::move(*problem));
      }
    }
  }

 private:
  struct Span {
    Instant start = 0;
    Instant end = 0;
  };

  std::optional<Invalid> when(const LocalTime& lt, const std::string& fallback, Instant& out) {
    std::string why;
    auto t = zones_.instant(lt, fallback, why);
    if (!t) return Invalid{lt.line, why};
    out = *t;
    return std::nullopt;
  }

  // The length of each instance: seconds for timed events, days for all-day ones.
  std::optional<Invalid> length(const EventRecord& r, Instant start, long& seconds, int& days) {
    seconds = 0;
    days = 0;
    if (r.start.t.is_date) {
      days = 1;
      if (r.end) {
        if (!r.end->t.is_date) return Invalid{r.end->line, "DTEND must be a DATE when DTSTART is a DATE"};
        days = core::make_date(r.end->t.year, static_cast<unsigned>(r.end->t.month), static_cast<unsigned>(r.end->t.day))
                   .days -
               core::make_date(r.start.t.year, static_cast<unsigned>(r.start.t.month),
                               static_cast<unsigned>(r.start.t.day))
                   .days;
        if (days < 0) return Invalid{r.end->line, "DTEND is before DTSTART"};
      } else if (r.duration) {
        days = static_cast<int>((*r.duration + 86399) / 86400);
      }
      return std::nullopt;
    }
    if (r.end) {
      Instant end = 0;
      if (auto bad = when(*r.end, r.start.tzid, end)) return bad;
      if (end < start) return Invalid{r.end->line, "DTEND is before DTSTART"};
      seconds = end - start;
    } else if (r.duration) {
      seconds = *r.duration;
    }
    return std::nullopt;
  }

  bool overlaps(Span s) const {
    if (s.start == s.end) return s.start >= options_.from && s.start < options_.to;
    return s.start < options_.to && s.end > options_.from;
  }

  Span span_of(const EventRecord& r, const icaltimetype& local, Instant start, long seconds, int days) const {
    if (!local.is_date) return Span{start, start + seconds};
    const core::Date d = core::make_date(local.year, static_cast<unsigned>(local.month), static_cast<unsigned>(local.day));
    (void)r;
    return Span{start, options_.zone.to_instant(core::add_days(d, days), 0)};
  }

  void emit(const EventRecord& r, Span s, Instant recurrence_id) {
    core::EventOccurrence o;
    o.uid = r.uid;
    o.recurrence_id = recurrence_id;
    o.start = s.start;
    o.end = s.end;
    o.all_day = r.start.t.is_date != 0;
    o.transparent = r.transparent;
    o.declined = r.declined;
    o.meeting = r.meeting;
    o.title = r.title;
    result_.occurrences.push_back(std::move(o));
  }

  // A non-recurring event or an override: one occurrence.
  std::optional<Invalid> single(const EventRecord& r, Instant recurrence_id) {
    Instant start = 0;
    if (auto bad = when(r.start, {}, start)) return bad;
    long seconds = 0;
    int days = 0;
    if (auto bad = length(r, start, seconds, days)) return bad;
    const Span s = span_of(r, r.start.t, start, seconds, days);
    if (overlaps(s)) emit(r, s, recurrence_id);
    return std::nullopt;
  }

  std::optional<Invalid> master(const EventRecord& r, const std::set<Instant>& replaced) {
    Instant first = 0;
    if (auto bad = when(r.start, {}, first)) return bad;
    if (r.rrule.empty() && r.rdates.empty()) return single(r, first);
    long seconds = 0;
    int days = 0;
    if (auto bad = length(r, first, seconds, days)) return bad;

    std::set<Instant> excluded(replaced.begin(), replaced.end());
    for (const LocalTime& ex : r.exdates) {
      Instant t = 0;
      if (auto bad = when(ex, r.start.tzid, t)) return bad;
      excluded.insert(t);
    }
    std::set<Instant> seen;
    int in_window = 0;
    bool capped = false;
    auto consider = [&](const icaltimetype& local, Instant start, std::optional<Span> own) {
      if (!seen.insert(start).second || excluded.count(start)) return;
      const Span s = own ? *own : span_of(r, local, start, seconds, days);
      if (!overlaps(s)) return;
      if (in_window >= options_.max_instances_per_event) {
        capped = true;
        return;
      }
      ++in_window;
      emit(r, s, start);
    };

    consider(r.start.t, first, std::nullopt);
    for (const RDateValue& rd : r.rdates) {
      Instant start = 0;
      if (auto bad = when(rd.start, r.start.tzid, start)) return bad;
      std::optional<Span> own;
      if (rd.end) {
        Instant end = 0;
        if (auto bad = when(*rd.end, r.start.tzid, end)) return bad;
        own = Span{start, std::max(start, end)};
      } else if (rd.seconds) {
        own = Span{start, start + *rd.seconds};
      }
      consider(rd.start.t, start, own);
    }
    if (!r.rrule.empty()) {
      if (auto bad = expand_rule(r, seconds, consider, capped)) return bad;
    }
    if (capped)
      result_.warnings.push_back(IcsSkipped{
          r.rrule_line ? r.rrule_line : r.line,
          "recurrence capped at " + std::to_string(options_.max_instances_per_event) + " instances in the window"});
    return std::nullopt;
  }

  template <typename Consider>
  std::optional<Invalid> expand_rule(const EventRecord& r, long seconds, Consider& consider, bool& capped) {
    icalrecurrencetype rule = icalrecurrencetype_from_string(r.rrule.c_str());
    // The caller owns RSCALE's copy (found leaking by fuzz/ics_fuzz.cpp).
    const bool rscale = rule.rscale != nullptr;
    std::free(rule.rscale);
    rule.rscale = nullptr;
    if (rule.freq == ICAL_NO_RECURRENCE) return Invalid{r.rrule_line, "RRULE could not be read"};
    if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE)
      return Invalid{r.rrule_line, "RRULE FREQ=SECONDLY or MINUTELY is not supported"};
    if (rscale) return Invalid{r.rrule_line, "RRULE RSCALE is not supported"};
    if (rule.count > 0 && !icaltime_is_null_time(rule.until))
      return Invalid{r.rrule_line, "RRULE has both COUNT and UNTIL"};
    const bool is_date = r.start.t.is_date != 0;
    // libical compares UNTIL with the floating wall times we iterate in, so a UTC UNTIL is
    // checked here as an instant instead.
    std::optional<Instant> until;
    if (!icaltime_is_null_time(rule.until)) {
      const bool until_utc = icaltime_is_utc(rule.until) != 0;
      rule.until.zone = nullptr;
      if (is_date) {
        if (!rule.until.is_date) {
          const core::Date d = until_utc ? options_.zone.local_date(wall_seconds(rule.until))
                                         : core::make_date(rule.until.year, static_cast<unsigned>(rule.until.month),
                                                           static_cast<unsigned>(rule.until.day));
          rule.until = floating_of(static_cast<Instant>(d.days) * 86400, true);
        }
      } else if (rule.until.is_date) {
        rule.until.is_date = 0;
        rule.until.hour = 23;
        rule.until.minute = 59;
        rule.until.second = 59;
      } else if (until_utc) {
        until = wall_seconds(rule.until);
        rule.until = icaltime_null_time();
      }
    }
    icaltimetype dtstart = r.start.t;
    dtstart.zone = nullptr;
    if (never_matches(rule, dtstart)) return Invalid{r.rrule_line, "RRULE never produces an instance"};
    // libical searches up to centuries ahead for a next instance that does not come (seconds of
    // CPU), so every rule gets an UNTIL just past the window, and COUNT is counted here instead
    // (libical refuses COUNT and UNTIL together); the instances before the window end are the
    // same. SimpleRule has no such search and keeps COUNT.
    const int64_t count = rule.count;
    auto clamp_until = [&] {
      const icaltimetype clamp = floating_of(options_.to + 86400L * 2, is_date);
      if (icaltime_is_null_time(rule.until) || icaltime_compare(rule.until, clamp) > 0) rule.until = clamp;
    };
    if (count == 0) clamp_until();
    std::optional<SimpleRule> simple = SimpleRule::of(rule, dtstart);
    if (!simple && count > 0) {
      rule.count = 0;
      clamp_until();
    }
    IteratorPtr it;
    if (!simple) {
      it.reset(icalrecur_iterator_new(rule, dtstart));
      if (!it) return Invalid{r.rrule_line, "RRULE cannot be expanded from this DTSTART"};
    }
    auto next = [&] { return simple ? simple->next() : icalrecur_iterator_next(it.get()); };
    // Skip ahead to shortly before the window; two days cover any UTC offset.
    if (count == 0) {
      const long lead = is_date ? 86400L * 2 : seconds + 86400L * 2;
      const icaltimetype skip = floating_of(options_.from - lead, is_date);
      if (icaltime_compare(skip, dtstart) > 0) {
        if (simple)
          simple->skip_to(skip);
        else
          (void)icalrecur_iterator_set_start(it.get(), skip);
      }
    }
    long steps = 0;
    LocalTime lt = r.start;
    for (icaltimetype t = next(); !icaltime_is_null_time(t); t = next()) {
      if (count > 0 && steps >= count) break;
      if (++steps > kMaxRecurrenceSteps) {
        capped = true;
        break;
      }
      t.zone = nullptr;
      lt.t = t;
      Instant start = 0;
      if (auto bad = when(lt, {}, start)) return bad;
      if (until && start > *until) break;
      if (start >= options_.to) break;
      consider(t, start, std::nullopt);
      if (capped) break;
    }
    return std::nullopt;
  }

  const IcsOptions& options_;
  ZoneBook& zones_;
  IcsResult& result_;
};

}  // namespace

void expand(const IcsOptions& options, ZoneBook& zones, const std::vector<EventRecord>& records, IcsResult& result,
            std::vector<Invalid>& invalid) {
  Expander expander(options, zones, result);
  expander.run(records, invalid);
}

}  // namespace headway::ingest::ics
