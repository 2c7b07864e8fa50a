// The export's "together" section on every backend: built through the real use cases (a support
// network, a conversation plan with a coach's comment, a circle with a shared win and kudos, an
// activated pledge, a grant that was read), then restored into an empty database of the same
// backend. What is the person's own comes back unchanged; the record of what involves other
// people is in the file and is not restored; a malformed section is refused whole.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "conformance.hpp"
#include "service/circles.hpp"
#include "service/export.hpp"
#include "service/grants.hpp"
#include "service/pledges.hpp"
#include "service/support.hpp"

namespace headway::store::testing {
namespace {

using core::Id;
using nlohmann::json;

class ExportTogether : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    write([&](Transaction& tx) {
      ana_ = must(tx.insert_person(person("Ana")));
      ben_ = must(tx.insert_person(person("Ben")));
      must(tx.insert_account(core::Account{0, ben_, "ben@example.org", "$argon2id$test", false, kCreated, kCreated}));
      goal_ = must(tx.insert_goal(goal(ana_, {must(tx.insert_value(value(ana_, "Family", 1)))})));
      win_ = must(tx.insert_win(win(ana_, kDay, "left at 17:30")));
    });
    auto c = ctx(db_);
    const service::Actor ana{ana_}, ben{ben_};
    must(service::add_supporter(c, ana, {"Ben", "colleague", {"practical", "shared-values"}, "ben@example.org"}));
    must(service::add_supporter(c, ana, {"Mum", "family", {"emotional"}, std::nullopt}));
    plan_ = must(service::create_plan(c, ana, goal_)).id;
    const auto circle = must(service::create_circle(c, ana, {"Evenings", "leave on time"})).circle.id;
    must(service::join_circle(c, ben, must(service::create_circle_invite(c, ana, circle, 7)).code));
    must(service::share_win(c, ana, win_, circle));
    must(service::give_circle_kudos(c, ben, circle, win_, {"🎉", "well done"}));
    const auto pledge = must(service::create_pledge(c, ana, circle, {"Offline after 19:00", 2, std::nullopt, std::nullopt}));
    must(service::sign_pledge(c, ana, pledge.pledge.id));
    must(service::sign_pledge(c, ben, pledge.pledge.id));
    const auto grant = must(service::create_grant(c, ana, {"ben@example.org", {"wins", "conversation-plans"}, std::nullopt}));
    must(service::shared_wins(c, ben, grant.grant.id));
    must(service::comment_on_plan(c, ben, grant.grant.id, plan_, "Lead with the evidence."));
  }
  static service::Context ctx(std::unique_ptr<Database>& db) {
    return service::Context{*db, [] { return kCreated + 3600; }, ""};
  }
  json exported(std::unique_ptr<Database>& db) {
    auto c = ctx(db);
    return json::parse(must(service::export_all(c, service::Actor{ana_})));
  }
  // An empty database of the same backend where Ben has an account, under an id the export does
  // not use.
  std::unique_ptr<Database> target() {
    auto db = GetParam().make_empty();
    auto tx = must(db->begin(true));
    core::Person b = person("Ben");
    b.id = 5000;
    must(tx->insert_person(b));
    must(tx->insert_account(core::Account{0, 5000, "ben@example.org", "$argon2id$test", false, kCreated, kCreated}));
    must(tx->commit());
    return db;
  }
  Id ana_ = 0, ben_ = 0, goal_ = 0, win_ = 0, plan_ = 0;
};

std::vector<std::string> kinds_of(const json& notifications) {
  std::vector<std::string> out;
  for (const auto& n : notifications) out.push_back(n["kind"]);
  std::sort(out.begin(), out.end());
  return out;
}

TEST_P(ExportTogether, HoldsTheSupportNetworkPlansNotificationsAndARecord) {
  const json ex = exported(db_);
  EXPECT_EQ(ex["version"], 3);
  const json& t = ex["together"];
  ASSERT_EQ(t["supporters"].size(), 2u) << t.dump(2);
  EXPECT_EQ(t["supporters"][0]["name"], "Ben");
  EXPECT_EQ(t["supporters"][0]["linked_account_email"], "ben@example.org");
  EXPECT_EQ(t["supporters"][0]["kinds"], json({"practical", "shared-values"}));
  EXPECT_TRUE(t["supporters"][1]["linked_account_email"].is_null());
  ASSERT_EQ(t["conversation_plans"].size(), 1u);
  EXPECT_EQ(t["conversation_plans"][0]["goal_id"], goal_);
  EXPECT_EQ(kinds_of(t["notifications"]),
            (std::vector<std::string>{"circle_joined", "kudos", "plan_comment", "pledge_activated"}));
  const json& r = t["record"];
  EXPECT_EQ(r["plan_comments"].size(), 1u);
  EXPECT_EQ(r["plan_comments"][0]["text"], "Lead with the evidence.");
  ASSERT_EQ(r["grants_given"].size(), 1u);
  EXPECT_EQ(r["grants_given"][0]["grantee_email"], "ben@example.org");
  EXPECT_EQ(r["grants_given"][0]["status"], "active");
  EXPECT_TRUE(r["grants_received"].empty());
  ASSERT_EQ(r["access_log"].size(), 2u) << r["access_log"].dump();
  EXPECT_EQ(r["access_log"][0]["who"], "Ben");
  EXPECT_EQ(r["access_log"][0]["scope"], "wins");
  EXPECT_EQ(r["access_log"][1]["scope"], "conversation-plans");
  ASSERT_EQ(r["circles"].size(), 1u);
  EXPECT_EQ(r["circles"][0]["owner"], true);
  ASSERT_EQ(r["pledges"].size(), 1u);
  EXPECT_EQ(r["pledges"][0]["status"], "active");
  EXPECT_EQ(r["pledges"][0]["authored"], true);
  EXPECT_FALSE(r["pledges"][0]["signed_at"].is_null());
  EXPECT_EQ(r["shared_wins"], json::array({{{"win_id", win_}, {"circle_id", r["circles"][0]["id"]}}}));
  ASSERT_EQ(r["kudos_received"].size(), 1u);
  EXPECT_EQ(r["kudos_received"][0]["from"], "Ben");
  EXPECT_EQ(r["kudos_received"][0]["message"], "well done");

  // Ben's export holds his own side: the grant he received and the circle, not Ana's network.
  auto c = ctx(db_);
  const json bens = json::parse(must(service::export_all(c, service::Actor{ben_})));
  EXPECT_TRUE(bens["together"]["supporters"].empty());
  EXPECT_EQ(bens["together"]["record"]["grants_received"].size(), 1u);
  EXPECT_FALSE(bens["together"]["record"]["grants_received"][0].contains("grantee_email"));
  EXPECT_EQ(bens["together"]["record"]["pledges"][0]["authored"], false);
  EXPECT_TRUE(bens["together"]["record"]["access_log"].empty()) << "only the owner sees who looked";
}

TEST_P(ExportTogether, ImportRestoresWhatIsTheirsAndRelinksByEmail) {
  const json ex = exported(db_);
  auto db = target();
  auto c = ctx(db);
  must(service::import_all(c, ex.dump()));
  const json back = exported(db);
  for (const char* key : {"supporters", "conversation_plans", "notifications"})
    EXPECT_EQ(back["together"][key], ex["together"][key]) << key;
  EXPECT_EQ(back["wins"], ex["wins"]);
  EXPECT_EQ(back["goals"], ex["goals"]);
  const json& r = back["together"]["record"];
  for (const char* key : {"plan_comments", "grants_given", "access_log", "circles", "pledges", "shared_wins", "kudos_received"})
    EXPECT_TRUE(r[key].empty()) << key << " involves other people and is not restored";
  // The link follows the e-mail to this database's account.
  auto tx = must(db->begin(false));
  const auto people = must(tx->together().list_supporters(ana_));
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0].linked_person, std::optional<Id>(5000));
  EXPECT_FALSE(people[1].linked_person.has_value());
}

struct Broken {
  const char* name;
  void (*edit)(json&);
  const char* path;
};

TEST_P(ExportTogether, AMalformedSectionIsRefusedWholeAndNamesThePath) {
  const json ex = exported(db_);
  const Broken cases[] = {
      {"relation", [](json& j) { j["together"]["supporters"][1]["relation"] = "boss"; }, "$.together.supporters[1].relation"},
      {"no kinds", [](json& j) { j["together"]["supporters"][0]["kinds"] = json::array(); }, "$.together.supporters[0].kinds"},
      {"kinds type", [](json& j) { j["together"]["supporters"][0]["kinds"] = "emotional"; }, "$.together.supporters[0].kinds"},
      {"same id", [](json& j) { j["together"]["supporters"][1]["id"] = j["together"]["supporters"][0]["id"]; },
       "$.together.supporters[1].id"},
      {"plan goal", [](json& j) { j["together"]["conversation_plans"][0]["goal_id"] = 99999; },
       "$.together.conversation_plans[0].goal_id"},
      {"plan title", [](json& j) { j["together"]["conversation_plans"][0]["title"] = ""; },
       "$.together.conversation_plans[0]"},
      {"huge field", [](json& j) { j["together"]["conversation_plans"][0]["need"] = std::string(5000, 'x'); },
       "$.together.conversation_plans[0]"},
      {"kind", [](json& j) { j["together"]["notifications"][0]["kind"] = "spam"; }, "$.together.notifications[0].kind"},
      {"text", [](json& j) { j["together"]["notifications"][0]["text"] = std::string(3000, 'x'); },
       "$.together.notifications[0].text"},
      {"created_at", [](json& j) { j["together"]["notifications"][0]["created_at"] = "yesterday"; },
       "$.together.notifications[0].created_at"},
      {"record", [](json& j) { j["together"]["record"] = json::array(); }, "$.together.record"},
      {"section", [](json& j) { j["together"] = "none"; }, "$.together"},
      {"old version", [](json& j) { j["version"] = 2; }, "$.together"},
  };
  auto db = target();
  for (const auto& k : cases) {
    SCOPED_TRACE(k.name);
    json bad = ex;
    k.edit(bad);
    const auto checked = service::validate_export(bad.dump());
    ASSERT_FALSE(checked.has_value());
    EXPECT_EQ(checked.error().message.rfind(k.path, 0), 0u) << checked.error().message;
    auto c = ctx(db);
    EXPECT_FALSE(service::import_all(c, bad.dump()).has_value());
    auto tx = must(db->begin(false));
    EXPECT_FALSE(must(tx->find_person(ana_)).has_value()) << "nothing was written";
  }
  // Without the section, a version 2 file still imports.
  json v2 = ex;
  v2["version"] = 2;
  v2.erase("together");
  auto c = ctx(db);
  must(service::import_all(c, v2.dump()));
  EXPECT_TRUE(exported(db)["together"]["supporters"].empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ExportTogether, ::testing::ValuesIn(conformance_backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace headway::store::testing
