// headway pledge: "I will do X if N others in this circle do too" (DESIGN §4.6). While a pledge
// collects, only the number of signers is shown, never who.
#include <cmath>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/format.hpp"
#include "cli/session.hpp"
#include "cli/together.hpp"
#include "service/json_together.hpp"

namespace headway::cli {
namespace {

// "2 of 3 signed" while collecting; how it ended otherwise. Counts only, never names.
std::string progress(const core::Pledge& p) {
  const std::string of = std::to_string(p.signers) + " of " + std::to_string(p.threshold) + " signed";
  switch (p.status) {
    case core::PledgeStatus::collecting: return of;
    case core::PledgeStatus::active:
      return std::to_string(p.signers) + " signed, active since " + core::format_instant(p.activated_at);
    case core::PledgeStatus::expired: return "expired with " + of;
  }
  return of;
}

std::string quoted(const std::string& text) { return "\u201c" + text + "\u201d"; }

void print_pledge(Session& s, const service::PledgeView& v) {
  const bool c = s.color();
  const auto& p = v.pledge;
  std::cout << bold("Pledge " + std::to_string(p.id) + " · " + quoted(p.text), c) << "\n";
  const auto row = [&](const std::string& label, const std::string& text) {
    if (!text.empty()) std::cout << "  " << dim(label, c) << std::string(11 - label.size(), ' ') << text << "\n";
  };
  row("Circle", v.circle_name + " (circle " + std::to_string(p.circle_id) + ")");
  row("Status", std::string(core::to_string(p.status)) + ": " + progress(p));
  row("You", std::string(v.signed_by_me ? "signed" : "not signed") + (v.mine ? "; you proposed it" : ""));
  if (p.status == core::PledgeStatus::collecting) row("Deadline", core::format_instant(p.deadline));
  if (p.boundary_type) row("Boundary", core::to_string(*p.boundary_type));
  if (v.adherence) {
    const auto& a = *v.adherence;
    row("Adherence", std::to_string(static_cast<int>(std::lround(a.rate * 100))) + "% of " + std::to_string(a.judged_days) +
                         " judged days kept by " + std::to_string(a.members_with_evidence) + " signers, " +
                         core::to_string(a.from) + " to " + core::to_string(a.to));
  }
  row("", v.adherence_note);
}

void register_reading(CLI::App* cmd, Session& s) {
  auto circle = std::make_shared<Id>(0);
  auto* list = social_subcommand(cmd, s, "list", "A circle's pledges, newest first");
  list->add_option("--circle", *circle, "Circle id")->required();
  on_run(list, s, [&s, circle]() -> Result<int> {
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    const auto pledges = HW_TRY(service::list_pledges(*HW_TRY(s.context()), actor, *circle));
    if (s.json()) {
      nlohmann::json a = nlohmann::json::array();
      for (const auto& v : pledges) a.push_back(service::to_json(v));
      s.print_json(a);
      return 0;
    }
    if (pledges.empty()) {
      std::cout << "No pledges in this circle yet. Propose one: headway pledge propose --circle " << *circle
                << " --text \"...\" --threshold 3\n";
      return 0;
    }
    Table t({"Id", "Pledge", "Status", "Signatures", "You"});
    for (const auto& v : pledges)
      t.add({std::to_string(v.pledge.id), quoted(v.pledge.text), core::to_string(v.pledge.status), progress(v.pledge),
             v.signed_by_me ? "signed" : ""});
    std::cout << t.render(s.color());
    return 0;
  });

  auto id = std::make_shared<Id>(0);
  auto* show = social_subcommand(cmd, s, "show", "One pledge: its status, signature count and deadline");
  show->add_option("id", *id, "Pledge id")->required();
  on_run(show, s, [&s, id]() -> Result<int> {
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    const auto v = HW_TRY(service::get_pledge(*HW_TRY(s.context()), actor, *id));
    if (s.json()) s.print_json(service::to_json(v));
    else print_pledge(s, v);
    return 0;
  });
}

void register_changes(CLI::App* cmd, Session& s) {
  struct ProposeArgs {
    Id circle = 0;
    service::NewPledge pledge;
  };
  auto pa = std::make_shared<ProposeArgs>();
  auto* propose = social_subcommand(cmd, s, "propose", "Propose a pledge in a circle; it binds nobody until enough people sign");
  propose->add_option("--circle", pa->circle, "Circle id")->required();
  propose->add_option("--text", pa->pledge.text, "What each signer will do (1-500 bytes)")->required();
  propose->add_option("--threshold", pa->pledge.threshold, "How many signatures make it active, 2-1000")->required();
  propose->add_option("--deadline", pa->pledge.deadline,
                      "YYYY-MM-DD (the end of that day in your time zone) or an ISO 8601 instant; default 14 days, "
                      "at most a year ahead");
  propose->add_option("--boundary", pa->pledge.boundary_type,
                      "A boundary type the pledge is about, for the group's adherence once active");
  on_run(propose, s, [&s, pa]() -> Result<int> {
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    const auto v = HW_TRY(service::create_pledge(*HW_TRY(s.context()), actor, pa->circle, pa->pledge));
    if (s.json()) {
      s.print_json(service::to_json(v));
      return 0;
    }
    std::cout << "Pledge " << v.pledge.id << " proposed in " << v.circle_name << ": " << quoted(v.pledge.text) << "\n"
              << "It becomes active when " << v.pledge.threshold << " people have signed before "
              << core::format_instant(v.pledge.deadline) << "; until then it binds nobody.\n"
              << "Your own signature counts too: headway pledge sign " << v.pledge.id << "\n";
    return 0;
  });

  auto sid = std::make_shared<Id>(0);
  auto* sign = social_subcommand(cmd, s, "sign", "Sign a pledge; the last signature it needs makes it active");
  sign->add_option("id", *sid, "Pledge id")->required();
  on_run(sign, s, [&s, sid]() -> Result<int> {
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    const auto v = HW_TRY(service::sign_pledge(*HW_TRY(s.context()), actor, *sid));
    if (s.json()) {
      s.print_json(service::to_json(v));
      return 0;
    }
    const auto& p = v.pledge;
    // Signatures are taken one at a time and cannot be withdrawn once a pledge is active, so the
    // signature that activated it is the one that saw exactly `threshold` signers.
    if (p.status == core::PledgeStatus::active && p.signers == p.threshold)
      std::cout << "Signed. Yours was the signature it needed: the pledge is active, and every signer has been told.\n";
    else if (p.status == core::PledgeStatus::active)
      std::cout << "Signed. The pledge was active already, so it binds you from now on (" << p.signers << " signed).\n";
    else
      std::cout << "Signed. " << progress(p) << "; it needs " << p.threshold - p.signers << " more before "
                << core::format_instant(p.deadline) << " to become active.\n";
    return 0;
  });

  auto wid = std::make_shared<Id>(0);
  auto* withdraw = social_subcommand(cmd, s, "withdraw", "Withdraw your signature while the pledge is collecting");
  withdraw->add_option("id", *wid, "Pledge id")->required();
  on_run(withdraw, s, [&s, wid]() -> Result<int> {
    const auto actor = HW_TRY(s.actor_as(s.as_email));
    const auto v = HW_TRY(service::withdraw_pledge(*HW_TRY(s.context()), actor, *wid));
    if (s.json()) s.print_json(service::to_json(v));
    else std::cout << "Signature withdrawn: " << progress(v.pledge) << ".\n";
    return 0;
  });
}

}  // namespace

void register_pledge(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("pledge", "Pledges in a circle: all or nothing, active once enough people sign");
  cmd->require_subcommand(1);
  register_reading(cmd, s);
  register_changes(cmd, s);
}

}  // namespace headway::cli
