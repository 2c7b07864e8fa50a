#include "service/demo_together.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "core/conversation.hpp"
#include "core/notification.hpp"

namespace headway::service {
namespace {

using core::Id;
using core::Instant;
using core::NotificationKind;
constexpr Instant kDay = 86400;
constexpr const char* kCircle = "Evenings back";

struct Companion {
  const char* name;
  const char* email;
  std::array<const char*, 2> wins;
};

// Colleagues from other teams with the same aim; they have no sign-in of their own.
constexpr std::array<Companion, 4> kCompanions{{
    {"Priya Nair", "priya@example.org",
     {"Left at 17:00 to see my daughter's football match", "Moved the Thursday stand-up out of lunch time"}},
    {"Tom Becker", "tom@example.org",
     {"Didn't answer the 21:40 e-mail until the morning; nothing broke", "Took Friday afternoon off after the release"}},
    {"Lea Hoffmann", "lea@example.org",
     {"Asked for a deadline to move instead of working the weekend", "Turned off Slack on my phone for a whole week"}},
    {"Dr. Ada Okafor", "okafor@example.org", {"", ""}},  // Sam's coach, not in the circle
}};

}  // namespace

Result<void> seed_demo_together(store::Transaction& tx, const DemoTogether& d) {
  auto& t = tx.together();
  const Id sam = d.person.id;
  const Instant now = d.now;
  // What Sam was told, written oldest first at the end; all read already, so the demo starts calm.
  std::vector<core::Notification> told;
  const auto tell = [&](NotificationKind kind, Id object, std::string text, Instant at) -> Result<void> {
    told.push_back(core::Notification{0, sam, kind, object, std::move(text), at, std::min(at + 3600, now)});
    return {};
  };

  std::vector<Id> people;
  for (const auto& c : kCompanions) {
    core::Person p;
    p.name = c.name;
    p.email = c.email;
    p.timezone = d.person.timezone;
    p.work_hours = d.person.work_hours;
    p.created_at = now - 60 * kDay;
    people.push_back(HW_TRY(tx.insert_person(p)));
  }
  const Id priya = people[0], tom = people[1], lea = people[2], coach = people[3];

  // The support network: a partner, a colleague on the same path, a coach.
  const auto supporter = [&](const char* name, core::Relation r, unsigned kinds, std::optional<Id> linked) -> Result<void> {
    return t.insert_supporter(core::Supporter{0, sam, name, r, kinds, linked, now - 50 * kDay}).map([](Id) {});
  };
  using core::SupportKind;
  const unsigned kEmotional = core::kind_bit(SupportKind::emotional), kPractical = core::kind_bit(SupportKind::practical),
                 kValues = core::kind_bit(SupportKind::shared_values);
  HW_CHECK(supporter("Alex", core::Relation::partner, kEmotional | kPractical, std::nullopt));
  HW_CHECK(supporter("Priya Nair", core::Relation::colleague, kPractical | kValues, priya));
  HW_CHECK(supporter("Dr. Ada Okafor", core::Relation::coach, kEmotional, coach));

  // The circle, its members and the wins they shared.
  const Id circle = HW_TRY(t.insert_circle(core::Circle{0, kCircle, "Colleagues across teams who want their evenings back",
                                                        priya, now - 45 * kDay}));
  HW_CHECK(t.add_circle_member(circle, priya, now - 45 * kDay));
  HW_CHECK(t.add_circle_member(circle, tom, now - 44 * kDay));
  HW_CHECK(t.add_circle_member(circle, sam, now - 40 * kDay));
  HW_CHECK(t.add_circle_member(circle, lea, now - 38 * kDay));
  HW_CHECK(tell(NotificationKind::circle_joined, circle, core::circle_joined_text("Lea Hoffmann", kCircle), now - 38 * kDay));
  for (size_t i = 0; i < 3; ++i)
    for (size_t k = 0; k < 2; ++k) {
      const Instant at = now - static_cast<Instant>(30 - 12 * k - 3 * i) * kDay;
      core::Win w;
      w.person_id = people[i];
      w.text = kCompanions[i].wins[k];
      w.size = k == 0 ? core::WinSize::medium : core::WinSize::small;
      w.date = core::add_days(d.today, -static_cast<int>(30 - 12 * k - 3 * i));
      w.created_at = at;
      w.id = HW_TRY(tx.insert_win(w));
      HW_CHECK(t.share_win(core::WinShare{w.id, circle, people[i], at + 600}));
      if (i == 2 && k == 1)
        HW_CHECK(t.insert_kudos(core::Kudos{0, w.id, sam, "", circle, "💪", "A whole week! Inspiring.", at + 7200}));
    }
  // Sam's three latest wins, shared, with kudos from the circle.
  auto mine = HW_TRY(tx.list_wins(sam, core::add_days(d.today, -21), d.today));
  const size_t shared = std::min<size_t>(3, mine.size());
  for (size_t i = 0; i < shared; ++i) {
    const auto& w = mine[mine.size() - 1 - i];
    const Instant at = std::min(w.created_at + 1800, now - 2 * 3600);
    HW_CHECK(t.share_win(core::WinShare{w.id, circle, sam, at}));
    const bool from_priya = i != 1;
    HW_CHECK(t.insert_kudos(core::Kudos{0, w.id, from_priya ? priya : tom, "", circle, from_priya ? "🎉" : "👏",
                                        from_priya ? "So good to read this." : "", at + 3600}));
    HW_CHECK(tell(NotificationKind::kudos, w.id,
                  core::kudos_text(from_priya ? "Priya Nair" : "Tom Becker", from_priya ? "🎉" : "👏", kCircle), at + 3600));
  }

  // Two pledges: one active, one collecting that Sam has not signed yet.
  core::Pledge lunch;
  lunch.circle_id = circle;
  lunch.author_id = tom;
  lunch.text = "I take a lunch break away from my desk every working day";
  lunch.threshold = 3;
  lunch.deadline = now - 10 * kDay;
  lunch.boundary_type = core::BoundaryType::min_break;
  lunch.status = core::PledgeStatus::active;
  lunch.created_at = now - 24 * kDay;
  lunch.activated_at = now - 20 * kDay;
  lunch.id = HW_TRY(t.insert_pledge(lunch));
  HW_CHECK(t.insert_signature(lunch.id, tom, now - 24 * kDay));
  HW_CHECK(t.insert_signature(lunch.id, priya, now - 22 * kDay));
  HW_CHECK(t.insert_signature(lunch.id, sam, lunch.activated_at));
  HW_CHECK(tell(NotificationKind::pledge_activated, lunch.id,
                core::pledge_active_text(3, lunch.text, kCircle), lunch.activated_at));
  core::Pledge evenings;
  evenings.circle_id = circle;
  evenings.author_id = priya;
  evenings.text = "I send no work messages after 19:00 on weekdays";
  evenings.threshold = 5;
  evenings.deadline = now + 9 * kDay;
  evenings.boundary_type = core::BoundaryType::no_messages_after;
  evenings.created_at = now - 5 * kDay;
  evenings.id = HW_TRY(t.insert_pledge(evenings));
  HW_CHECK(t.insert_signature(evenings.id, priya, now - 5 * kDay));
  HW_CHECK(t.insert_signature(evenings.id, lea, now - 4 * kDay));
  HW_CHECK(t.insert_signature(evenings.id, tom, now - 2 * kDay));

  // A conversation plan about the main goal, read and commented on by the coach.
  std::vector<core::Boundary> active;
  for (const auto& b : HW_TRY(tx.list_boundaries(sam)))
    if (b.active) active.push_back(b);
  auto plan = core::seed_plan(d.person, &d.goal, active, core::summarize_evidence({}, d.person));
  plan.person_id = sam;
  plan.goal_id = d.goal.id;
  plan.created_at = plan.updated_at = now - 6 * kDay;
  plan.id = HW_TRY(t.insert_plan(plan));
  core::Grant g;
  g.owner_id = sam;
  g.grantee_id = coach;
  g.grantee_email = "okafor@example.org";
  for (auto s : {core::Scope::goals, core::Scope::wins, core::Scope::checkin_summary, core::Scope::conversation_plans})
    g.scopes.add(s);
  g.created_at = now - 30 * kDay;
  g.expires_at = now + 60 * kDay;
  g.id = HW_TRY(t.insert_grant(g));
  const std::array<std::pair<core::Scope, const char*>, 4> reads{{{core::Scope::checkin_summary, "checkin-summary"},
                                                                  {core::Scope::goals, "goals"},
                                                                  {core::Scope::wins, "wins"},
                                                                  {core::Scope::conversation_plans, "conversation-plans"}}};
  for (size_t i = 0; i < reads.size(); ++i)
    HW_CHECK(t.insert_grant_access(core::GrantAccess{0, g.id, sam, coach, "", reads[i].first, reads[i].second,
                                                     now - static_cast<Instant>(8 - 2 * i) * kDay}));
  HW_CHECK(t.insert_plan_comment(core::PlanComment{
      0, plan.id, coach, "", "Lead with the trial period: four weeks is easy to say yes to. Bring your check-in numbers.",
      now - 2 * kDay}));
  HW_CHECK(tell(NotificationKind::plan_comment, plan.id, core::plan_comment_text("Dr. Ada Okafor"), now - 2 * kDay));
  std::stable_sort(told.begin(), told.end(), [](const auto& a, const auto& b) { return a.created_at < b.created_at; });
  for (const auto& n : told) HW_CHECK(t.insert_notification(n));
  return {};
}

}  // namespace headway::service
