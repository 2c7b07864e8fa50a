// headway user: accounts for `headway serve`, invites, registration mode and API tokens.
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/format.hpp"
#include "cli/session.hpp"
#include "service/accounts.hpp"

namespace headway::cli {
namespace {

// The password of a new account or a new password: asked twice on a terminal.
Result<std::string> read_password() { return cli::read_password("Password (12 characters or more): ", true); }

}  // namespace

void register_user(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("user", "Accounts for `headway serve`: add, list, invites, tokens");
  cmd->require_subcommand(1);

  struct AddArgs {
    service::NewAccount account;
  };
  auto a = std::make_shared<AddArgs>();
  auto* add = cmd->add_subcommand("add", "Create an account; the password is read from stdin or prompted for");
  add_common(add, s);
  add->add_option("--email", a->account.email, "Sign-in email")->required();
  add->add_option("--name", a->account.name, "Display name (default: the email before the @)");
  add->add_option("--timezone", a->account.timezone, "IANA time zone (default UTC)");
  add->add_flag("--admin", a->account.admin, "Make this account an administrator");
  add->callback([&s, a] {
    s.action = [&s, a] {
      return guarded(s, [&]() -> Result<int> {
        a->account.password = HW_TRY(read_password());
        const auto acc = HW_TRY(service::create_account(*HW_TRY(s.context(true)), a->account));
        if (s.json()) {
          s.print_json({{"id", acc.id}, {"email", acc.email}, {"admin", acc.admin}, {"person_id", acc.person_id}});
        } else {
          std::cout << "Created " << (acc.admin ? "administrator " : "account ") << acc.email << " (id " << acc.id
                    << "). Sign in at the address `headway serve` prints.\n";
        }
        return 0;
      });
    };
  });

  auto* list = cmd->add_subcommand("list", "List accounts (no private data)");
  add_common(list, s);
  list->callback([&s] {
    s.action = [&s] {
      return guarded(s, [&]() -> Result<int> {
        const auto accounts = HW_TRY(service::list_accounts(*HW_TRY(s.context())));
        if (s.json()) {
          nlohmann::json out = nlohmann::json::array();
          for (const auto& x : accounts)
            out.push_back({{"id", x.id}, {"email", x.email}, {"admin", x.admin}, {"created_at", core::format_instant(x.created_at)}});
          s.print_json(out);
          return 0;
        }
        if (accounts.empty()) std::cout << "No accounts yet. Add one: headway user add --email you@example.org --admin\n";
        Table t({"ID", "EMAIL", "ROLE", "CREATED"});
        for (const auto& x : accounts)
          t.add({std::to_string(x.id), x.email, x.admin ? "admin" : "member", core::format_instant(x.created_at)});
        if (!accounts.empty()) std::cout << t.render(s.color());
        return 0;
      });
    };
  });

  auto email = std::make_shared<std::string>();
  auto* passwd = cmd->add_subcommand("passwd", "Set an account's password (from stdin or a prompt) and sign it out everywhere");
  add_common(passwd, s, {});
  passwd->add_option("--email", *email, "The account's email")->required();
  passwd->callback([&s, email] {
    s.action = [&s, email] {
      return guarded(s, [&]() -> Result<int> {
        const auto pw = HW_TRY(read_password());
        HW_CHECK(service::reset_password(*HW_TRY(s.context()), *email, pw));
        std::cout << "Password changed; every session of " << *email << " has ended.\n";
        return 0;
      });
    };
  });

  struct InviteArgs {
    std::string email;
    int days = service::kInviteDays;
  };
  auto in = std::make_shared<InviteArgs>();
  auto* invite = cmd->add_subcommand("invite", "Make a one-time registration invite");
  add_common(invite, s);
  invite->add_option("--email", in->email, "Only this email may use it (default: anyone with the code)");
  invite->add_option("--days", in->days, "Days until it expires (1-90, default 7)");
  invite->callback([&s, in] {
    s.action = [&s, in] {
      return guarded(s, [&]() -> Result<int> {
        const auto inv = HW_TRY(service::create_invite(*HW_TRY(s.context(true)), 0, in->email, in->days));
        if (s.json()) {
          s.print_json({{"id", inv.invite.id}, {"token", inv.token}, {"expires_at", core::format_instant(inv.invite.expires_at)}});
        } else {
          std::cout << "Invite code (shown once, valid until " << core::format_instant(inv.invite.expires_at) << "):\n  "
                    << inv.token << "\nIn a browser, open /register?invite=" << inv.token
                    << " on the server; or POST /api/v1/auth/register {\"email\",\"password\",\"invite\"}.\n";
        }
        return 0;
      });
    };
  });

  auto mode = std::make_shared<std::string>();
  auto* reg = cmd->add_subcommand("registration", "Show or set who may register: invite-only (default) or open");
  add_common(reg, s);
  reg->add_option("mode", *mode, "invite-only or open");
  reg->callback([&s, mode] {
    s.action = [&s, mode] {
      return guarded(s, [&]() -> Result<int> {
        auto* ctx = HW_TRY(s.context(!mode->empty()));
        if (!mode->empty()) HW_CHECK(service::set_registration_mode(*ctx, *mode));
        const auto current = service::to_string(HW_TRY(service::registration_mode(*ctx)));
        if (s.json()) s.print_json({{"registration", current}});
        else std::cout << "Registration: " << current << "\n";
        return 0;
      });
    };
  });

  struct TokenArgs {
    std::string email, name, scope = "read";
  };
  auto tk = std::make_shared<TokenArgs>();
  auto* token = cmd->add_subcommand("token", "Make a personal API token for an account (shown once)");
  add_common(token, s);
  token->add_option("--email", tk->email, "The account's email")->required();
  token->add_option("--name", tk->name, "What the token is for")->required();
  token->add_option("--scope", tk->scope, "read (default) or read-write");
  token->callback([&s, tk] {
    s.action = [&s, tk] {
      return guarded(s, [&]() -> Result<int> {
        auto* ctx = HW_TRY(s.context());
        const auto account = HW_TRY(service::account_by_email(*ctx, tk->email));
        const auto t = HW_TRY(service::create_api_token(*ctx, service::principal_for(account), tk->name, tk->scope));
        if (s.json()) s.print_json({{"id", t.token.id}, {"token", t.secret}, {"scope", core::to_string(t.token.scope)}});
        else std::cout << t.secret << "\n";
        return 0;
      });
    };
  });
}

}  // namespace headway::cli
