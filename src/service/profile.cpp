#include "service/profile.hpp"

namespace headway::service {

namespace {

Result<void> check_email(const std::string& email) {
  if (email.empty()) return {};
  if (email.size() > 254 || email.find('@') == std::string::npos || email.find(' ') != std::string::npos)
    return invalid("email", "not an e-mail address: \"" + email.substr(0, 60) + "\"");
  return {};
}

}  // namespace

Result<core::Person> init_profile(Context& ctx, const InitRequest& req) {
  core::Person p;
  p.name = HW_TRY(core::validate_name(req.name, "name"));
  p.timezone = HW_TRY(core::Zone::find(req.timezone)).name();
  p.work_hours = HW_TRY(core::parse_work_hours(req.work_hours));
  HW_CHECK(check_email(req.email));
  p.email = req.email;
  p.created_at = ctx.clock();
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Person> {
    if (auto local = HW_TRY(tx.get_setting("local_person_id")); local && !local->empty())
      return fail(ErrorCode::conflict, "this data directory already has a profile; use `headway profile set` to change it");
    p.id = HW_TRY(tx.insert_person(p));
    HW_CHECK(tx.set_setting("local_person_id", std::to_string(p.id)));
    return p;
  });
}

Result<core::Person> update_profile(Context& ctx, const Actor& actor, const ProfileUpdate& up) {
  return store::with_write(ctx.db, [&](store::Transaction& tx) -> Result<core::Person> {
    core::Person p = HW_TRY(load_person(tx, actor)).person;
    if (up.name) p.name = HW_TRY(core::validate_name(*up.name, "name"));
    if (up.timezone) p.timezone = HW_TRY(core::Zone::find(*up.timezone)).name();
    if (up.work_hours) p.work_hours = HW_TRY(core::parse_work_hours(*up.work_hours));
    if (up.email) {
      HW_CHECK(check_email(*up.email));
      p.email = *up.email;
    }
    HW_CHECK(tx.update_person(p));
    return p;
  });
}

Result<core::Person> get_profile(Context& ctx, const Actor& actor) {
  return store::with_read(ctx.db, [&](store::Transaction& tx) -> Result<core::Person> {
    return HW_TRY(load_person(tx, actor)).person;
  });
}

}  // namespace headway::service
