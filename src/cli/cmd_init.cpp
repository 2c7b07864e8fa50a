// headway init / profile: the person behind the data.
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/session.hpp"
#include "service/json_codec.hpp"
#include "service/profile.hpp"

namespace headway::cli {

void register_init(CLI::App& app, Session& s) {
  auto req = std::make_shared<service::InitRequest>();
  auto* cmd = app.add_subcommand("init", "Create your profile in the data directory");
  add_common(cmd, s);
  cmd->add_option("--name", req->name, "Your name")->required();
  cmd->add_option("--timezone", req->timezone, "Your IANA time zone, e.g. Europe/Berlin")->required();
  cmd->add_option("--work-hours", req->work_hours, "Usual working hours, e.g. \"Mon-Fri 09:00-17:30\"")->capture_default_str();
  cmd->add_option("--email", req->email, "Your e-mail address (optional)");
  cmd->callback([&s, req] {
    s.action = [&s, req] {
      return guarded(s, [&]() -> Result<int> {
        // Validate before anything touches the disk, so bad input leaves no empty database behind.
        HW_CHECK(core::validate_name(req->name, "name"));
        HW_CHECK(core::Zone::find(req->timezone));
        HW_CHECK(core::parse_work_hours(req->work_hours));
        auto* ctx = HW_TRY(s.context(true));
        const auto p = HW_TRY(service::init_profile(*ctx, *req));
        if (s.json()) {
          s.print_json(service::to_json(p));
        } else {
          std::cout << "Welcome, " << p.name << ". Your data lives in " << s.database_name() << ".\n"
                    << "Time zone " << p.timezone << ", work hours " << core::to_string(p.work_hours) << ".\n\n"
                    << "Start with why: pick the values that matter most, then rank your top five.\n"
                    << "  headway value catalogue\n  headway value add Family --rank 1\n";
        }
        return 0;
      });
    };
  });
}

void register_profile(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("profile", "Show or change your profile");
  cmd->require_subcommand(1);
  auto* show = cmd->add_subcommand("show", "Show your profile");
  add_common(show, s);
  show->callback([&s] {
    s.action = [&s] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto p = HW_TRY(service::get_profile(*HW_TRY(s.context()), actor));
        if (s.json()) s.print_json(service::to_json(p));
        else
          std::cout << p.name << (p.email.empty() ? "" : " <" + p.email + ">") << "\nTime zone   " << p.timezone
                    << "\nWork hours  " << core::to_string(p.work_hours) << "\n";
        return 0;
      });
    };
  });
  auto up = std::make_shared<service::ProfileUpdate>();
  auto* set = cmd->add_subcommand("set", "Change your name, time zone, work hours or e-mail");
  add_common(set, s);
  set->add_option("--name", up->name, "Your name");
  set->add_option("--timezone", up->timezone, "IANA time zone");
  set->add_option("--work-hours", up->work_hours, "e.g. \"Mon-Thu 08:30-17:00\"");
  set->add_option("--email", up->email, "E-mail address");
  set->callback([&s, up] {
    s.action = [&s, up] {
      return guarded(s, [&]() -> Result<int> {
        const auto actor = HW_TRY(s.actor());
        const auto p = HW_TRY(service::update_profile(*HW_TRY(s.context()), actor, *up));
        if (s.json()) s.print_json(service::to_json(p));
        else std::cout << "Profile updated: " << p.timezone << ", " << core::to_string(p.work_hours) << ".\n";
        return 0;
      });
    };
  });
}

}  // namespace headway::cli
