#include "core/conversation.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace headway::core {
namespace {

// ---- The words. Every sentence seed_plan writes comes from these tables. ---------------------

struct Line {
  const char* objection;
  const char* answer;
};

// What to say when the goal and the evidence say nothing more specific, by obstacle barrier.
struct BarrierScript {
  const char* situation;
  const char* need;
  const char* proposal;
  const char* offer;
  const char* fallback;
  std::array<Line, 4> objections;  // 2-4; unused rows are {nullptr, nullptr}
};

// Indexed by Barrier; the last row is for a goal without a barrier, or no goal.
constexpr std::array<BarrierScript, 6> kScripts{{
    {"Answering in the evening has become the norm around me, and my days often run long.",
     "I need predictable time off in the evening, so that I can rest and bring my full attention to work during the day.",
     "I will keep clear working hours and answer non-urgent messages the next morning.",
     "I will agree with you what counts as urgent and make sure those matters always reach me.",
     "If a full stop every day is too much at once, I would start with three evenings a week and build up after the review.",
     {{{"Clients expect answers in the evening.",
        "Most evening messages can wait until the morning. I will set that expectation with clients, and anything truly urgent still reaches me by phone."},
       {"Everyone else on the team stays online.",
        "I stay fully reachable during working hours, and my end-of-day update means nothing is left open when I log off."},
       {"This could slow the project down.",
        "Let us measure it: we can compare delivery during the trial with the weeks before and adjust if something slips."},
       {nullptr, nullptr}}}},
    {"I carry many open threads into my evenings and find it hard to switch off.",
     "I need a clear end to my working day, so that I can recover and come back focused.",
     "I will close my day with a short handover to myself and stop checking messages after work.",
     "I will write down open items at the end of each day, so nothing is lost and my priorities stay visible to you.",
     "If that does not work for the team, I would like us to agree on fewer parallel tasks instead.",
     {{{"Everyone is busy right now; this is not the time.",
        "That is why I want to stay effective: recovery in the evening keeps my work steady through busy periods."},
       {"Can't you just manage your time better?",
        "I am working on that too. A clear end to the day is part of it, and the trial will show the effect."},
       {"Who picks up what you leave open?",
        "My end-of-day notes list what is open and who can help, so nothing falls through."},
       {nullptr, nullptr}}}},
    {"I often handle extra requests on my own, and they spill into my evenings.",
     "I need agreement on my working hours, and your backing when I say no to requests outside them.",
     "I will keep to my working hours and move late requests to the next working day.",
     "I will flag workload problems early, so we can reprioritise together before they turn into late evenings.",
     "If that is not possible now, I would ask for a regular check-in where we look at my workload together.",
     {{{"We have nobody else to cover this.",
        "Let us look at which tasks really need me after hours; for the rest, a reply the next morning is enough."},
       {"Others have managed without special arrangements.",
        "This is not a privilege but a trial to keep my work sustainable, and I will share how it goes."},
       {"I can't promise you support from the rest of the team.",
        "I am asking for your backing on my hours; I will have the conversations with colleagues myself."},
       {nullptr, nullptr}}}},
    {"It is not always clear which of my tasks matter most, so work fills my evenings.",
     "I need clear priorities, so that I can end my day knowing the important work is done.",
     "I will agree the week's top priorities with you and keep to my working hours.",
     "I will send you my top three priorities every Monday, so we stay aligned.",
     "If weekly priorities are too formal, a short conversation about priorities every two weeks would already help.",
     {{{"Everything is a priority here.",
        "Then let us rank it together. I will always finish the top items first and tell you early if something has to move."},
       {"I don't have time for weekly check-ins.",
        "A short message from me on Monday is enough; you only need to reply if something is off."},
       {"Won't the less urgent work pile up?",
        "We will see it in the review. If it piles up, we decide together what to drop or move."},
       {nullptr, nullptr}}}},
    {"The way our work is organised regularly pushes my work into evenings and weekends.",
     "I need working hours that are respected, so that I can keep doing this work well in the long run.",
     "I will keep to my agreed working hours and raise recurring after-hours demands with you.",
     "I will keep track of what regularly forces work outside my hours, so we can take it to the people who can change it.",
     "If my hours cannot change yet, I would like us to raise the pattern together with the people who can change it.",
     {{{"That is how the whole industry works.",
        "Many teams already work differently. A 4-week trial lets us see what is possible here."},
       {"Changing this is not up to me.",
        "I am not asking you to change the policy; I am asking you to back a trial and help raise what we learn."},
       {"If we do it for you, everyone will want it.",
        "That could be a good thing: if the trial works, it is evidence for the whole team."},
       {nullptr, nullptr}}}},
    {"My working days have been running longer than I want them to.",
     "I need a clearer line between work and the rest of my life, so that I can keep doing good work.",
     "I will keep to my working hours and deal with non-urgent matters the next working day.",
     "I will make sure nothing urgent is left open, and that you always know how to reach me in an emergency.",
     "If that is too much at once, I would start with part of the week and build up after the review.",
     {{{"What if something urgent comes up?",
        "Urgent matters can reach me by phone, and we can agree together what counts as urgent."},
       {"Will your work still get done?",
        "Yes. We review it together after four weeks, and if something slips we adjust."},
       {nullptr, nullptr},
       {nullptr, nullptr}}}},
}};

// By BoundaryType. Placeholders: {to} {from} {days} {hours} {minutes} {time} {update}.
struct BoundaryScript {
  const char* title;
  const char* proposal;
  bool urgent_by_phone;  // add the "urgent matters can reach me by phone" clause (once per plan)
  const char* offer;     // may be empty
};
constexpr std::array<BoundaryScript, 6> kBoundaryScripts{{
    {"Ending my day at {to}", "I will be offline from {to} on {days}", true,
     "I will share a short end-of-day update at {update}, so nothing is left open."},
    {"Keeping my weekends free", "I will not work at weekends", true,
     "I will close each Friday with a short note on what is open for the next week."},
    {"Keeping my week to {hours} hours", "I will keep my working week to at most {hours} hours", false,
     "I will tell you early in the week if the work does not fit into {hours} hours, so we can reprioritise."},
    {"Taking a real break", "I will take a break of at least {minutes} minutes every working day", false, ""},
    {"Protecting time for focused work", "I will keep {from}-{to} on {days} free of meetings for focused work",
     false, "I will stay reachable by message during that time for anything urgent."},
    {"No messages after {time}", "I will not read or send work messages after {time}", true, ""},
}};

constexpr const char* kUrgentClause = "; urgent matters can reach me by phone";
constexpr const char* kTrialPeriod = "A 4-week trial, then we review together what worked and what to adjust.";
constexpr const char* kDefaultTitle = "My working hours";
// Evidence facts, joined into one sentence: "In the last 4 weeks I {a}, {b} and {c}."
constexpr const char* kFactMeetings = "had meetings after my working hours on {n} ({dur} in total)";
constexpr const char* kFactLate = "worked past {end} on {n}";
constexpr const char* kFactWeekend = "worked on {n}";
constexpr const char* kFactAverage = "On the days I worked, I worked {dur} on average.";
constexpr const char* kFactFocus = "On a typical working day my longest stretch without meetings was {dur}.";

// ---- Helpers -----------------------------------------------------------------------------------

void replace_all(std::string& s, std::string_view key, const std::string& value) {
  for (size_t at = s.find(key); at != std::string::npos; at = s.find(key, at + value.size()))
    s.replace(at, key.size(), value);
}

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string duration_text(int minutes) {
  if (minutes < 60) return plural(minutes, "minute", "minutes");
  if (minutes % 60 == 0) return plural(minutes / 60, "hour", "hours");
  return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
}

std::string days_text(DaySet d) {
  if (d.bits == 0x1f) return "weekdays";
  if (d.bits == 0x7f) return "every day";
  if (d.bits == 0x60) return "weekends";
  return to_string(d);
}

std::string hours_text(double h) {
  const auto whole = std::lround(h);
  if (std::abs(h - static_cast<double>(whole)) < 1e-9) return std::to_string(whole);
  std::string s = std::to_string(std::lround(h * 10));
  return s.substr(0, s.size() - 1) + "." + s.back();
}

std::string fill(const char* pattern, const Boundary& b) {
  std::string s = pattern;
  replace_all(s, "{to}", to_string(b.to));
  replace_all(s, "{from}", to_string(b.from));
  replace_all(s, "{days}", days_text(b.days));
  replace_all(s, "{hours}", hours_text(b.hours));
  replace_all(s, "{minutes}", std::to_string(b.minutes));
  replace_all(s, "{time}", to_string(b.time));
  replace_all(s, "{update}", to_string(TimeOfDay{std::max(b.to.minutes - 15, 0)}));
  return s;
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\n") - first + 1);
}

// The person's own words as a sentence: trimmed, capitalised, ending in a full stop.
std::string sentence(std::string_view text) {
  std::string s(trim(text));
  if (s.empty()) return s;
  if (s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  if (s.back() != '.' && s.back() != '!' && s.back() != '?') s += '.';
  return s;
}

void append(std::string& out, const std::string& s) {
  if (s.empty()) return;
  if (!out.empty()) out += ' ';
  out += s;
}

// Cuts s to at most max bytes without splitting a UTF-8 sequence.
std::string clamp(std::string s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  s.resize(n);
  return s;
}

// "a", "a and b", "a, b and c".
std::string join_facts(const std::vector<std::string>& facts) {
  std::string out;
  for (size_t i = 0; i < facts.size(); ++i) {
    if (i) out += (i + 1 == facts.size()) ? " and " : ", ";
    out += facts[i];
  }
  return out;
}

std::string window_text(int days) {
  if (days == 7) return "In the last week";
  if (days >= 14 && days % 7 == 0) return "In the last " + std::to_string(days / 7) + " weeks";
  return "In the last " + plural(days, "day", "days");
}

std::string evidence_situation(const PlanEvidence& ev, const Person& person, bool meeting_free) {
  std::vector<std::string> facts;
  std::string f;
  if (ev.after_hours_meetings > 0) {
    f = kFactMeetings;
    replace_all(f, "{n}", plural(ev.after_hours_meetings, "day", "days"));
    replace_all(f, "{dur}", duration_text(ev.after_hours_meeting_minutes));
    facts.push_back(f);
  }
  if (ev.days_worked_late > 0) {
    f = kFactLate;
    replace_all(f, "{end}", to_string(person.work_hours.to));
    replace_all(f, "{n}", plural(ev.days_worked_late, "day", "days"));
    facts.push_back(f);
  }
  if (ev.weekend_days_worked > 0) {
    f = kFactWeekend;
    replace_all(f, "{n}", plural(ev.weekend_days_worked, "weekend day", "weekend days"));
    facts.push_back(f);
  }
  std::string out;
  if (!facts.empty()) out = window_text(ev.window_days > 0 ? ev.window_days : ev.days) + " I " + join_facts(facts) + ".";
  const int window = person.work_hours.to.minutes - person.work_hours.from.minutes;
  if (!out.empty() && ev.avg_work_minutes > window) {
    f = kFactAverage;
    replace_all(f, "{dur}", duration_text(ev.avg_work_minutes));
    append(out, f);
  }
  if (!out.empty() && meeting_free && ev.longest_focus_avg > 0) {
    f = kFactFocus;
    replace_all(f, "{dur}", duration_text(ev.longest_focus_avg));
    append(out, f);
  }
  return out;
}

Result<void> check_text(const std::string& text, const std::string& field, size_t max, bool required) {
  HW_CHECK(validate_text(text, field, max, required));
  return {};
}

}  // namespace

Result<void> validate_plan(const ConversationPlan& p) {
  HW_CHECK(check_text(p.title, "title", kPlanTitleBytes, true));
  if (p.title.find('\n') != std::string::npos) return invalid("title", "must be one line");
  const std::pair<const std::string*, const char*> fields[] = {
      {&p.situation, "situation"}, {&p.need, "need"},     {&p.proposal, "proposal"},
      {&p.trial_period, "trial_period"}, {&p.offer, "offer"}, {&p.fallback, "fallback"}};
  for (const auto& [text, name] : fields) HW_CHECK(check_text(*text, name, kPlanFieldBytes, false));
  if (p.objections.size() > kMaxObjections)
    return invalid("objections", "too many: " + std::to_string(p.objections.size()) + ", at most " +
                                     std::to_string(kMaxObjections));
  for (size_t i = 0; i < p.objections.size(); ++i) {
    const std::string at = "objections[" + std::to_string(i) + "]";
    HW_CHECK(check_text(p.objections[i].objection, at + ".objection", kObjectionBytes, true));
    HW_CHECK(check_text(p.objections[i].answer, at + ".answer", kObjectionBytes, false));
  }
  return {};
}

Result<void> validate_comment(std::string_view text) { return check_text(std::string(text), "text", kCommentBytes, true); }

PlanEvidence summarize_evidence(std::span<const DailySignals> days, const Person& person) {
  PlanEvidence ev;
  ev.window_days = static_cast<int>(days.size());
  long work_sum = 0, focus_sum = 0;
  int worked_days = 0, focus_days = 0;
  for (const auto& d : days) {
    if (!d.has_calendar && !d.has_activity) continue;
    ++ev.days;
    const int wd = weekday(d.date);
    const bool working_day = person.work_hours.days.contains(wd);
    if (d.after_hours_meeting_minutes > 0) ++ev.after_hours_meetings;
    ev.after_hours_meeting_minutes += d.after_hours_meeting_minutes;
    if (working_day && d.last_activity && *d.last_activity > person.work_hours.to) ++ev.days_worked_late;
    if (wd >= 5 && d.weekend_minutes > 0) ++ev.weekend_days_worked;
    if (d.work_minutes > 0) {
      ++worked_days;
      work_sum += d.work_minutes;
    }
    if (working_day && d.has_calendar) {
      ++focus_days;
      focus_sum += d.longest_focus_minutes;
    }
  }
  const auto mean = [](long sum, int n) { return n ? static_cast<int>((sum + n / 2) / n) : 0; };
  ev.avg_work_minutes = mean(work_sum, worked_days);
  ev.longest_focus_avg = mean(focus_sum, focus_days);
  return ev;
}

ConversationPlan seed_plan(const Person& person, const Goal* goal, std::span<const Boundary> boundaries,
                           const PlanEvidence& ev) {
  ConversationPlan plan;
  plan.person_id = person.id;
  if (goal) plan.goal_id = goal->id;
  const auto& script = kScripts[goal && goal->barrier ? static_cast<size_t>(*goal->barrier) : kScripts.size() - 1];

  // Active boundaries, the goal's own first.
  std::vector<const Boundary*> active;
  for (const auto& b : boundaries)
    if (b.active && goal && goal->boundary_id == b.id) active.push_back(&b);
  for (const auto& b : boundaries)
    if (b.active && !(goal && goal->boundary_id == b.id)) active.push_back(&b);
  bool meeting_free = false;
  for (const auto* b : active) meeting_free = meeting_free || b->type == BoundaryType::meeting_free;

  // Title: the goal's own boundary, else the goal, else any boundary.
  const bool own_boundary = !active.empty() && goal && goal->boundary_id == active.front()->id;
  if (own_boundary || (!goal && !active.empty()))
    plan.title = fill(kBoundaryScripts[static_cast<size_t>(active.front()->type)].title, *active.front());
  else if (goal && !trim(goal->title).empty())
    plan.title = std::string(trim(goal->title));
  else if (!active.empty())
    plan.title = fill(kBoundaryScripts[static_cast<size_t>(active.front()->type)].title, *active.front());
  else
    plan.title = kDefaultTitle;

  // Situation: the evidence, else the goal's obstacle, else the barrier's words.
  plan.situation = evidence_situation(ev, person, meeting_free);
  if (plan.situation.empty() && goal) plan.situation = sentence(goal->obstacle);
  if (plan.situation.empty()) plan.situation = script.situation;

  // Need: the goal's wish and outcome.
  if (goal) {
    append(plan.need, sentence(goal->wish));
    append(plan.need, sentence(goal->outcome));
  }
  if (plan.need.empty()) plan.need = script.need;

  // Proposal: one sentence per boundary, then the goal's if-then plan.
  bool urgent_said = false;
  std::vector<std::string> offers;
  for (const auto* b : active) {
    const auto& bs = kBoundaryScripts[static_cast<size_t>(b->type)];
    std::string s = fill(bs.proposal, *b);
    if (bs.urgent_by_phone && !urgent_said) {
      s += kUrgentClause;
      urgent_said = true;
    }
    s += '.';
    if (plan.proposal.find(s) == std::string::npos) append(plan.proposal, s);
    const std::string offer = fill(bs.offer, *b);
    if (!offer.empty() && std::find(offers.begin(), offers.end(), offer) == offers.end()) offers.push_back(offer);
  }
  if (goal && !trim(goal->if_cue).empty())
    append(plan.proposal, sentence(std::string(trim(goal->if_cue)) + " " + std::string(trim(goal->then_action))));
  if (plan.proposal.empty()) plan.proposal = script.proposal;

  plan.trial_period = kTrialPeriod;
  for (const auto& o : offers) append(plan.offer, o);
  append(plan.offer, script.offer);
  plan.fallback = script.fallback;
  for (const auto& line : script.objections)
    if (line.objection) plan.objections.push_back({line.objection, line.answer});

  plan.title = clamp(plan.title, kPlanTitleBytes);
  for (auto* f : {&plan.situation, &plan.need, &plan.proposal, &plan.offer}) *f = clamp(std::move(*f), kPlanFieldBytes);
  return plan;
}

}  // namespace headway::core
