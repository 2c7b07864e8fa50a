#include "core/strategy.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace headway::core {

namespace {

const std::vector<Strategy>& library() {
  using enum Barrier;
  using enum Stage;
  // All text below is written by the Headway project. Order matters: ties in suggest() keep this order.
  static const std::vector<Strategy> lib = {
      // --- Precontemplation and contemplation: pros and cons, the values link ---
      {"values-pros-and-cons", "Values pros and cons",
       "Write two short lists: what your current way of working gives you, and what it costs the things you care "
       "about most. Seeing both side by side makes the choice yours rather than a vague sense of guilt.",
       "If I catch myself thinking \"I should really work less\",",
       "then I spend ten minutes writing the pros and cons of changing, next to my top values.",
       {unclear_goals}, {precontemplation, contemplation}},
      {"cost-of-standing-still", "Count the cost of standing still",
       "Picture the next year if nothing about your hours changes, and jot down what that year looks like for your "
       "evenings, health and relationships. A concrete picture often says more than a general worry.",
       "If a late evening at work leaves me feeling flat,",
       "then I write three sentences about what a year of evenings like this would cost me.",
       {unclear_goals, workplace_expectations}, {precontemplation, contemplation}},
      {"future-self-letter", "A letter from your future self",
       "Write a short letter from yourself a year from now, describing the balance you hope to have reached and "
       "what made it possible. It turns a fuzzy wish into something you can picture and work towards.",
       "If I have a quiet half hour on a weekend morning,",
       "then I write a one-page letter from my future self about how my working week feels.",
       {unclear_goals}, {precontemplation, contemplation}},
      {"energy-pattern-notes", "Notice your energy pattern",
       "For one week, note your energy at the end of each day next to what the day held. Spotting which days drain "
       "you and which leave something in the tank shows where a change would matter most.",
       "If I close my laptop at the end of a workday,",
       "then I rate my energy from 1 to 5 and add one line about what shaped it.",
       {mental_load}, {precontemplation, contemplation}},
      {"support-map", "Map your support network",
       "List the people who could help you keep a better balance: someone to listen, someone to share tasks, "
       "someone who shares your values. Most of us have more support than we remember when we are stretched.",
       "If I feel like I am handling everything on my own,",
       "then I write down three people and the kind of support each could offer.",
       {lack_of_support}, {precontemplation, contemplation}},
      {"check-the-real-norm", "Check what others really expect",
       "Quietly ask two or three colleagues whether they expect replies after hours. People often assume the team "
       "expects more than anyone actually wants, and finding that out can lift a weight.",
       "If I feel pressure to answer messages late in the evening,",
       "then I ask one colleague the next day what response time they actually expect from me.",
       {systemic, workplace_expectations}, {precontemplation, contemplation}},
      {"know-your-policies", "Know your policies and rights",
       "Spend twenty minutes reading your organisation's policies on working time, flexible work and leave. Knowing "
       "what is already allowed makes a request feel less like asking for a favour.",
       "If I think \"they would never allow that\",",
       "then I look up the relevant policy before deciding it is out of reach.",
       {systemic}, {precontemplation, contemplation}},
      {"values-week-audit", "Audit a week against your values",
       "Look back over last week's calendar and mark each block as in line with your values, neutral, or against "
       "them. It shows where your time goes and which one change would bring it closer to what matters.",
       "If it is Sunday evening and I open my calendar,",
       "then I colour last week's blocks by how well they matched my top values.",
       {unclear_goals, mental_load}, {contemplation, preparation}},
      {"one-goal-one-value", "Link one goal to one value",
       "Choose a single balance goal and write one sentence on which of your values it serves. A goal that is "
       "clearly yours is easier to keep when the pressure rises.",
       "If I set a new balance goal,",
       "then I write one sentence naming the value it serves and keep it beside the goal.",
       {unclear_goals}, {contemplation, preparation}},
      {"ask-for-one-thing", "Ask for one specific kind of help",
       "Instead of hoping people notice, ask one person for one concrete thing, such as covering a school pickup or "
       "reviewing a draft. Small, clear requests are easy to say yes to and build a habit of asking.",
       "If I notice a task I keep carrying alone each week,",
       "then I ask one named person to take it on once, with a specific day.",
       {lack_of_support}, {contemplation, preparation}},
      {"share-household-load", "Share the household load",
       "Sit down with the people you live with and list the recurring chores and the invisible planning behind them, "
       "then agree who owns each one end to end. Owning a task fully, not just helping, is what takes it off "
       "your mind.",
       "If I find myself keeping track of a household task that someone else agreed to do,",
       "then I hand it back kindly and suggest we revisit our shared list on Sunday.",
       {mental_load, lack_of_support}, {contemplation, preparation}},
      {"coach-or-mentor-chat", "Talk it through with a coach or mentor",
       "Book a short conversation with a coach, mentor or trusted senior colleague about the change you are "
       "weighing. Saying it out loud to someone on your side often makes the next step obvious.",
       "If I have been thinking about a change for more than two weeks without acting,",
       "then I message a mentor or coach to book thirty minutes to talk it through.",
       {lack_of_support}, {contemplation, preparation}},
      {"trial-period-proposal", "Propose a trial period to your manager",
       "Suggest trying a change, such as a later start or a no-meeting afternoon, for four weeks and then reviewing "
       "it together. A time-limited trial is a smaller ask than a permanent change and lets results speak.",
       "If I have a regular one-to-one with my manager coming up,",
       "then I bring a one-paragraph proposal for a four-week trial with a review date.",
       {workplace_expectations, systemic}, {contemplation, preparation}},
      {"colleague-pledge", "Start a pledge with colleagues",
       "Propose a small shared commitment, such as no messages after 19:00, that only starts once enough colleagues "
       "sign up. Nobody has to go first alone, and a team norm is easier to keep than a private one.",
       "If I hear a colleague complain about late-night messages,",
       "then I suggest a pledge that starts once four of us sign up.",
       {systemic, lack_of_support}, {contemplation, preparation}},
      {"team-norms-retro", "Put team norms on the agenda",
       "Ask for ten minutes in a team meeting or retrospective to agree on response times and after-hours "
       "expectations. Making the unwritten rules explicit lets everyone relax a little.",
       "If our team retrospective is coming up,",
       "then I add one agenda item: \"What do we expect from each other outside working hours?\"",
       {systemic, workplace_expectations}, {contemplation, preparation}},
      {"collective-voice", "Raise it together",
       "If long hours are built into how work is organised, bring it up through a group: a staff forum, an "
       "employee network, or colleagues who share the concern. A shared voice carries further than a single one.",
       "If I notice the same workload problem coming up for several colleagues,",
       "then I suggest we raise it together in writing, through the forum or channel we already have.",
       {systemic, lack_of_support}, {contemplation, preparation}},
      // --- Preparation: if-then plans ---
      {"shutdown-ritual", "A shutdown ritual",
       "End each workday with the same short routine: note where you left off, write tomorrow's first task, and "
       "close everything. A clear ending helps your mind let go of work for the evening.",
       "If it is 17:30 and I am still at my desk,",
       "then I write tomorrow's first task on a note and close the laptop.",
       {mental_load, workplace_expectations}, {preparation, action}},
      {"email-batching", "Batch your email",
       "Check email at two or three set times a day instead of whenever it arrives. Fewer interruptions leave "
       "longer stretches for real work, so less of it spills into the evening.",
       "If I feel the urge to check email outside my set times,",
       "then I add the thought to my task list and go back to what I was doing.",
       {workplace_expectations, mental_load}, {preparation, action}},
      {"status-response-times", "A status message with response times",
       "Set a status or email signature that says when you reply, for example \"I answer messages between 09:00 and "
       "17:30\". It sets expectations once, so you do not have to explain yourself every evening.",
       "If I set up my chat status or email signature this week,",
       "then I add a line saying when I reply to messages.",
       {workplace_expectations}, {preparation, action}},
      {"focus-calendar-blocks", "Calendar blocks for focus",
       "Book two or three recurring blocks of focus time in your calendar as you would a meeting. Protected time "
       "during the day means fewer tasks left over for the evening.",
       "If someone tries to book a meeting over my focus block,",
       "then I offer two other times instead of giving the block away.",
       {workplace_expectations}, {preparation, action}},
      {"boundary-script-rehearsal", "Rehearse a boundary script",
       "Write the two or three sentences you will use when asked to stay late or take on extra work, then say them "
       "out loud a few times. A rehearsed answer comes out calmly when the moment arrives.",
       "If I am asked to take on something extra after hours,",
       "then I use my script: \"I can look at this first thing tomorrow; does that work?\"",
       {workplace_expectations, lack_of_support}, {preparation, action}},
      {"mental-load-offload", "Offload your mental load onto a list",
       "Keep one trusted list for everything you are holding in your head, from work follow-ups to birthday gifts. "
       "Once it is written down, you can stop rehearsing it in the evening.",
       "If a to-do pops into my head during the evening,",
       "then I add it to my one list in under a minute and let it go until tomorrow.",
       {mental_load}, {preparation, action}},
      {"notification-curfew", "A notification curfew",
       "Turn off work notifications on your phone at a fixed time each evening, or use a focus mode that does it for "
       "you. What you do not see cannot pull you back in.",
       "If it is 19:00 on a workday,",
       "then I switch my phone to the focus mode that silences work apps.",
       {workplace_expectations, mental_load}, {preparation, action}},
      {"meeting-free-block", "Protect a meeting-free afternoon",
       "Agree with your team on one afternoon a week without meetings, and guard it in the shared calendar. It "
       "gives everyone room to finish work during the day instead of after it.",
       "If a meeting request lands on our meeting-free afternoon,",
       "then I ask whether it can move to another day before accepting.",
       {workplace_expectations, systemic}, {preparation, action}},
      {"transition-moment", "A moment between work and home",
       "Create a short ritual that marks the switch from work to home, like a walk round the block, a change of "
       "clothes or a song. A clear transition helps you arrive home in mind as well as body.",
       "If I finish work for the day,",
       "then I take a ten-minute walk before doing anything at home.",
       {mental_load}, {preparation, action}},
      {"define-urgent", "Define what counts as urgent",
       "Agree with your manager or team what truly needs an answer outside hours, and write it down. Everything "
       "else can wait, and you no longer need to judge each message on your own.",
       "If a message arrives after hours and I am unsure whether to reply,",
       "then I check it against our written definition of urgent and only reply if it fits.",
       {workplace_expectations, unclear_goals}, {preparation, action}},
      {"three-weekly-priorities", "Pick three priorities for the week",
       "On Monday morning, choose the three things that would make the week a success and let the rest be optional. "
       "A short list makes it easier to stop at a reasonable hour with a sense of having done enough.",
       "If it is Monday morning and I open my task list,",
       "then I star three priorities for the week before reading any messages.",
       {unclear_goals, mental_load}, {preparation, action}},
      {"flexible-policy-step", "Take one step with an existing policy",
       "Use one flexible-working option that is already on offer, such as a compressed week or remote day, and "
       "write down how you will make it work. Using policies openly also makes them easier for others to use.",
       "If I have found a flexible-working option that fits my situation,",
       "then I fill in the request within the week and note a date to follow up.",
       {systemic}, {preparation, action}},
      // --- Action and maintenance: tracking and relapse plans ---
      {"accountability-partner", "Find an accountability partner",
       "Pair up with a friend or colleague who is working on their own balance and check in briefly each week. "
       "Knowing someone will ask how it went makes it easier to keep going.",
       "If it is Friday afternoon,",
       "then I send my accountability partner one line about how my boundaries held this week.",
       {lack_of_support}, {preparation, action, maintenance}},
      {"track-after-hours", "Track your after-hours minutes",
       "Record how many minutes you work outside your usual hours each day, or let an import do it. A simple "
       "number shows whether things are improving and when they start to creep back.",
       "If I finish my last piece of work for the day,",
       "then I log my after-hours minutes in my check-in.",
       {workplace_expectations}, {action, maintenance}},
      {"small-wins-log", "Log one small win a day",
       "Write down one small thing that went well for your balance each day, however minor. Noticing progress keeps "
       "motivation up and gives you evidence for harder weeks.",
       "If I sit down for my evening check-in,",
       "then I log one small win, even if it is just leaving on time once.",
       {mental_load, unclear_goals}, {action, maintenance}},
      {"weekly-boundary-review", "A weekly boundary review",
       "Once a week, look at which boundaries held and which slipped, and pick one thing to adjust. Small, regular "
       "tweaks keep a plan realistic instead of letting it quietly fade.",
       "If it is Friday at 16:00,",
       "then I spend ten minutes reviewing my boundaries and choose one adjustment for next week.",
       {unclear_goals}, {action, maintenance}},
      {"crunch-week-plan", "A relapse plan for crunch weeks",
       "Decide in advance which boundaries you will keep even in a deadline week and which you will relax, and "
       "when you will return to normal. A planned bend is far easier to recover from than an unplanned break.",
       "If a deadline week is coming up,",
       "then I choose the one boundary I will keep no matter what and put the return-to-normal date in my calendar.",
       {workplace_expectations}, {action, maintenance}},
      {"slip-recovery", "A plan for getting back after a slip",
       "Write down what you will do the day after a boundary slips: no self-criticism, just the next small step. "
       "One missed day does not undo your progress; what matters is returning quickly.",
       "If I notice I have broken a boundary two days in a row,",
       "then I restart with the smallest version of my goal the very next day.",
       {mental_load}, {action, maintenance}},
      {"early-warning-signs", "Know your early warning signs",
       "List the small signs that your balance is slipping, such as skipped lunches, checking email in bed or short "
       "nights. Catching them early lets you adjust before a busy spell becomes a habit.",
       "If I notice two of my early warning signs in the same week,",
       "then I block one evening that week as fully off and tell someone about it.",
       {mental_load, workplace_expectations}, {action, maintenance}},
      {"leave-on-time-buddy", "A leave-on-time buddy",
       "Agree with a colleague that you will both leave on time on set days and nudge each other when the hour "
       "comes. Leaving together makes it feel normal rather than like slipping out.",
       "If it is 17:30 on one of our agreed days,",
       "then I message my buddy and we both wrap up within ten minutes.",
       {lack_of_support, workplace_expectations}, {action, maintenance}},
      {"share-wins-with-circle", "Share wins with a circle",
       "Share your balance wins with a small group of peers working on the same thing, and cheer on theirs. "
       "Seeing others manage it makes change feel possible, and it spreads the idea that balance is normal.",
       "If I log a win that I am proud of,",
       "then I share it with my circle and leave kudos on one of theirs.",
       {lack_of_support, systemic}, {action, maintenance}},
      {"revisit-your-why", "Revisit your why every month",
       "Once a month, reread the reasons and values behind your goals and ask whether they still fit. Habits that "
       "have become routine stay meaningful when you reconnect them with why you started.",
       "If it is the first Sunday of the month,",
       "then I reread my goals' values and rewrite any reason that no longer feels true.",
       {unclear_goals}, {maintenance}},
  };
  return lib;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string barrier_phrase(Barrier b) { return lower(kBarrierTitles[static_cast<size_t>(b)]); }

template <typename T>
bool contains(const std::vector<T>& v, T x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// "a", "a and b", "a, b and c"
std::string join_and(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += (i + 1 == parts.size()) ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

double barrier_score(const SuggestionInput& in, Barrier b) {
  const auto i = static_cast<size_t>(b);
  return i < in.barrier_scores.size() ? in.barrier_scores[i] : 0.0;
}

}  // namespace

std::span<const Strategy> strategy_library() { return library(); }

const Strategy* find_strategy(std::string_view id) {
  for (const Strategy& s : library()) {
    if (id == s.id) return &s;
  }
  return nullptr;
}

std::vector<Suggestion> suggest(const SuggestionInput& in, size_t limit) {
  const bool has_profile = !in.barrier_scores.empty();
  const bool has_goals = !in.goals.empty();

  // The person's strongest barrier, for the reason text.
  size_t strongest = 0;
  for (size_t i = 1; i < in.barrier_scores.size() && i < kBarrierNames.size(); ++i) {
    if (in.barrier_scores[i] > in.barrier_scores[strongest]) strongest = i;
  }

  std::vector<Suggestion> out;
  for (const Strategy& s : library()) {
    double score = 0.0;
    std::vector<std::string> reasons;

    if (has_profile) {
      // Contribution of every barrier the strategy addresses; the reason names the best-matching one.
      const Barrier* best = nullptr;
      for (const Barrier& b : s.barriers) {
        const double v = barrier_score(in, b);
        score += 2.0 * (v / 100.0);
        if (v > 0 && (best == nullptr || v > barrier_score(in, *best))) best = &b;
      }
      if (best != nullptr) {
        const auto value = std::to_string(static_cast<long>(std::lround(barrier_score(in, *best))));
        const bool is_strongest = static_cast<size_t>(*best) == strongest;
        reasons.push_back(std::string(is_strongest ? "fits your strongest barrier (" : "fits your barrier (") +
                          barrier_phrase(*best) + ", " + value + "/100)");
      }
    }

    std::vector<std::string> goal_barriers;
    std::vector<std::string> goal_stages;
    for (const auto& [stage, barrier] : in.goals) {
      if (barrier && contains(s.barriers, *barrier)) {
        score += 1.0;
        std::string phrase = barrier_phrase(*barrier);
        if (!contains(goal_barriers, phrase)) goal_barriers.push_back(std::move(phrase));
      }
      if (contains(s.stages, stage)) {
        score += 1.0;
        std::string name = to_string(stage);
        if (!contains(goal_stages, name)) goal_stages.push_back(std::move(name));
      }
    }
    if (!goal_barriers.empty()) reasons.push_back("tackles a goal's obstacle (" + join_and(goal_barriers) + ")");
    if (!goal_stages.empty()) reasons.push_back("suits a goal in " + join_and(goal_stages));

    if (!has_profile && !has_goals &&
        (contains(s.stages, Stage::contemplation) || contains(s.stages, Stage::preparation))) {
      score += 0.5;
      reasons.push_back("a good first step while you decide what to change");
    }

    if (score <= 0.0) continue;
    std::string reason;
    for (size_t i = 0; i < reasons.size(); ++i) {
      if (i > 0) reason += "; ";
      reason += reasons[i];
    }
    out.push_back(Suggestion{&s, score, std::move(reason)});
  }

  std::stable_sort(out.begin(), out.end(),
                   [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace headway::core
