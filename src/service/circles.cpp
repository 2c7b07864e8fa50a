#include "service/circles.hpp"

#include <algorithm>
#include <charconv>

#include "service/accounts.hpp"
#include "service/notifications.hpp"

namespace headway::service {
namespace {

constexpr const char* kCircleCodePrefix = "hwc_";

Result<CircleSummary> summary(store::Transaction& tx, const Actor& actor, const core::Circle& c) {
  const auto members = HW_TRY(tx.together().list_circle_members(c.id));
  return CircleSummary{c, static_cast<int>(members.size()), c.owner_id == actor.person_id};
}

std::string encode_cursor(const core::FeedWin& w) {
  return std::to_string(w.shared_at) + "." + std::to_string(w.win_id);
}

Result<store::Cursor> decode_cursor(const std::string& text) {
  const auto dot = text.find('.');
  store::Cursor c;
  const auto bad = [] { return invalid("cursor", "is not a cursor this feed gave out"); };
  if (dot == std::string::npos) return bad();
  if (std::from_chars(text.data(), text.data() + dot, c.at).ec != std::errc{}) return bad();
  if (std::from_chars(text.data() + dot + 1, text.data() + text.size(), c.id).ec != std::errc{}) return bad();
  return c;
}

}  // namespace

Result<core::Circle> member_circle(store::Transaction& tx, const Actor& actor, Id circle) {
  auto c = HW_TRY(tx.together().find_circle(circle));
  if (!c || !HW_TRY(tx.together().is_circle_member(circle, actor.person_id))) return not_found("no such circle");
  return *c;
}

Result<CircleSummary> create_circle(Context& ctx, const Actor& actor, const NewCircle& input) {
  core::Circle c;
  c.name = HW_TRY(core::validate_name(input.name, "name"));
  c.purpose = HW_TRY(core::validate_text(input.purpose, "purpose", core::kCirclePurposeBytes, false));
  c.owner_id = actor.person_id;
  c.created_at = ctx.clock();
  HW_CHECK(core::validate_circle(c));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<CircleSummary> {
    HW_TRY(load_person(tx, actor));
    core::Circle made = c;
    made.id = HW_TRY(tx.together().insert_circle(made));
    HW_TRY(tx.together().add_circle_member(made.id, actor.person_id, made.created_at));
    return CircleSummary{made, 1, true};
  });
}

Result<std::vector<CircleSummary>> list_circles(Context& ctx, const Actor& actor) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<std::vector<CircleSummary>> {
    std::vector<CircleSummary> out;
    for (const auto& c : HW_TRY(tx.together().list_circles_of(actor.person_id))) out.push_back(HW_TRY(summary(tx, actor, c)));
    return out;
  });
}

Result<CircleDetail> get_circle(Context& ctx, const Actor& actor, Id circle) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<CircleDetail> {
    const auto c = HW_TRY(member_circle(tx, actor, circle));
    CircleDetail d;
    d.members = HW_TRY(tx.together().list_circle_members(circle));
    d.summary = CircleSummary{c, static_cast<int>(d.members.size()), c.owner_id == actor.person_id};
    return d;
  });
}

Result<CircleInviteCode> create_circle_invite(Context& ctx, const Actor& actor, Id circle, std::optional<int> valid_days) {
  const int days = valid_days.value_or(static_cast<int>(core::kInviteDefaultSeconds / 86400));
  if (days < 1 || days > core::kInviteMaxSeconds / 86400)
    return invalid("valid_days", "must be from 1 to 30 days, got " + std::to_string(days));
  const auto now = ctx.clock();
  CircleInviteCode out{kCircleCodePrefix + random_token(), now + int64_t{days} * 86400};
  HW_CHECK(store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    const auto c = HW_TRY(member_circle(tx, actor, circle));
    if (c.owner_id != actor.person_id) return fail(ErrorCode::forbidden, "only the circle's owner can invite");
    HW_TRY(tx.together().insert_circle_invite(core::CircleInvite{0, circle, hash_token(out.code), actor.person_id, now, out.expires_at}));
    return {};
  }));
  return out;
}

Result<CircleSummary> join_circle(Context& ctx, const Actor& actor, const std::string& code) {
  if (code.empty()) return invalid("code", "is required: the invite code you were given");
  if (code.size() > 200) return invalid("code", "is not an invite code");
  const auto now = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<CircleSummary> {
    const auto me = HW_TRY(load_person(tx, actor));
    const auto invite = HW_TRY(tx.together().find_circle_invite(hash_token(code)));
    if (!invite) return fail(ErrorCode::not_found, "no circle has this invite code", "code");
    if (invite->expires_at <= now)
      return invalid("code", "this invite code expired on " + core::format_instant(invite->expires_at) +
                                 "; ask the circle's owner for a new one");
    const auto c = HW_TRY(tx.together().find_circle(invite->circle_id));
    if (!c) return fail(ErrorCode::not_found, "no circle has this invite code", "code");
    if (!HW_TRY(tx.together().add_circle_member(c->id, actor.person_id, now)))
      return fail(ErrorCode::conflict, "you are already a member of this circle", "code");
    if (c->owner_id != actor.person_id)
      HW_CHECK(notify(tx, c->owner_id, core::NotificationKind::circle_joined, c->id,
                      core::circle_joined_text(me.person.name, c->name), now));
    return summary(tx, actor, *c);
  });
}

namespace {

// The person leaves the circle: their collecting signatures and shares go, and an owner's circle
// passes to its longest-standing member (or goes, with its last member).
Result<void> leave(store::Transaction& tx, const core::Circle& c, Id person) {
  auto& t = tx.together();
  for (Id pledge : HW_TRY(t.collecting_signed(c.id, person))) HW_TRY(t.delete_signature(pledge, person));
  HW_TRY(t.delete_shares_of(person, c.id));
  HW_TRY(t.remove_circle_member(c.id, person));
  if (c.owner_id != person) return {};
  const auto rest = HW_TRY(t.list_circle_members(c.id));
  if (rest.empty()) return t.delete_circle(c.id).map([](bool) {});
  return t.set_circle_owner(c.id, rest.front().person_id);
}

}  // namespace

Result<void> leave_circle(Context& ctx, const Actor& actor, Id circle) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    return leave(tx, HW_TRY(member_circle(tx, actor, circle)), actor.person_id);
  });
}

Result<void> leave_all_circles(store::Transaction& tx, Id person) {
  for (const auto& c : HW_TRY(tx.together().list_circles_of(person))) HW_CHECK(leave(tx, c, person));
  return {};
}

Result<void> share_win(Context& ctx, const Actor& actor, Id win, Id circle) {
  const auto now = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    if (!HW_TRY(tx.find_win(actor.person_id, win))) return fail(ErrorCode::not_found, "no such win", "win");
    HW_TRY(member_circle(tx, actor, circle));
    if (!HW_TRY(tx.together().share_win(core::WinShare{win, circle, actor.person_id, now})))
      return fail(ErrorCode::conflict, "this win is already shared with this circle", "circle");
    return {};
  });
}

Result<void> unshare_win(Context& ctx, const Actor& actor, Id win, Id circle) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<void> {
    if (!HW_TRY(tx.find_win(actor.person_id, win))) return fail(ErrorCode::not_found, "no such win", "win");
    HW_TRY(member_circle(tx, actor, circle));
    if (!HW_TRY(tx.together().unshare_win(win, circle))) return not_found("this win is not shared with this circle");
    return {};
  });
}

Result<FeedPage> circle_feed(Context& ctx, const Actor& actor, Id circle, const std::optional<std::string>& cursor,
                             int limit) {
  std::optional<store::Cursor> before;
  if (cursor) before = HW_TRY(decode_cursor(*cursor));
  limit = std::clamp(limit, 1, 100);
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<FeedPage> {
    HW_TRY(member_circle(tx, actor, circle));
    auto wins = HW_TRY(tx.together().circle_feed(circle, before, limit + 1));
    FeedPage page;
    if (static_cast<int>(wins.size()) > limit) {
      wins.resize(limit);
      page.next = encode_cursor(wins.back());
    }
    std::vector<Id> ids;
    for (const auto& w : wins) ids.push_back(w.win_id);
    const auto kudos = HW_TRY(tx.together().list_kudos(ids, circle));
    for (auto& w : wins) {
      FeedEntry e{std::move(w), {}};
      for (const auto& k : kudos)
        if (k.win_id == e.win.win_id) e.kudos.push_back(k);
      page.entries.push_back(std::move(e));
    }
    return page;
  });
}

Result<core::Kudos> give_circle_kudos(Context& ctx, const Actor& actor, Id circle, Id win, const NewKudos& input) {
  core::Kudos k;
  k.win_id = win;
  k.from_id = actor.person_id;
  k.circle_id = circle;
  k.emoji = input.emoji;
  k.message = input.message;
  k.created_at = ctx.clock();
  HW_CHECK(core::validate_kudos(k));
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Kudos> {
    const auto me = HW_TRY(load_person(tx, actor));
    const auto c = HW_TRY(member_circle(tx, actor, circle));
    const auto circles = HW_TRY(tx.together().circles_of_win(win));
    if (std::find(circles.begin(), circles.end(), circle) == circles.end()) return not_found("no such win in this circle");
    const auto author = HW_TRY(tx.together().win_author(win));
    if (author == actor.person_id) return fail(ErrorCode::conflict, "kudos are for other people's wins", "win");
    k.id = HW_TRY(tx.together().insert_kudos(k));
    k.from_name = me.person.name;
    HW_CHECK(notify(tx, author, core::NotificationKind::kudos, win,
                    core::kudos_text(me.person.name, k.emoji, c.name), k.created_at));
    return k;
  });
}

Result<WinKudos> kudos_on_win(Context& ctx, const Actor& actor, Id win) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<WinKudos> {
    if (HW_TRY(tx.together().win_author(win)) != actor.person_id) return not_found("no such win");
    WinKudos out;
    out.win = win;
    for (const auto& k : HW_TRY(tx.together().list_kudos({win}, std::nullopt))) out.kudos.push_back({k, ""});
    for (const Id id : HW_TRY(tx.together().circles_of_win(win))) {
      const auto c = HW_TRY(tx.together().find_circle(id));
      if (!c) continue;
      out.shared_with.push_back(*c);
      for (const auto& k : HW_TRY(tx.together().list_kudos({win}, id))) out.kudos.push_back({k, c->name});
    }
    std::sort(out.shared_with.begin(), out.shared_with.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    std::sort(out.kudos.begin(), out.kudos.end(), [](const auto& a, const auto& b) {
      return std::pair(a.kudos.created_at, a.kudos.id) < std::pair(b.kudos.created_at, b.kudos.id);
    });
    return out;
  });
}

}  // namespace headway::service
