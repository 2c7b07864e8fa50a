#include "service/context.hpp"

#include <charconv>

namespace headway::service {

Result<Actor> local_actor(Context& ctx) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<Actor> {
    auto id = HW_TRY(tx.get_setting("local_person_id"));
    Id value = 0;
    if (!id || std::from_chars(id->data(), id->data() + id->size(), value).ec != std::errc{})
      return fail(ErrorCode::not_ready, "no profile yet; run `headway init --name NAME --timezone ZONE` first");
    return Actor{value};
  });
}

Result<PersonZone> load_person(store::Transaction& tx, const Actor& actor) {
  auto p = HW_TRY(tx.find_person(actor.person_id));
  if (!p) return not_found("no such person");
  auto zone = core::Zone::find(p->timezone);
  if (!zone) return fail(ErrorCode::corrupt, "stored time zone \"" + p->timezone + "\" is unknown to this system");
  return PersonZone{std::move(*p), *zone};
}

Date local_today(const Context& ctx, const core::Zone& zone) { return zone.local_date(ctx.clock()); }

Result<Date> date_or_today(const Context& ctx, const core::Zone& zone, const std::optional<std::string>& text,
                           const char* field) {
  if (!text) return local_today(ctx, zone);
  if (*text == "today") return local_today(ctx, zone);
  if (*text == "yesterday") return core::add_days(local_today(ctx, zone), -1);
  return core::parse_date(*text, field);
}

}  // namespace headway::service
