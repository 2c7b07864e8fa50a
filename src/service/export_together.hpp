#pragma once
// The "together" section of an export (version 3 on). Two parts:
//   - what is the person's own and comes back with `import-data`: their support network,
//     conversation plans and notifications;
//   - "record": a copy, for the person, of what involves other people (grants given and
//     received with the access log, circles, shared wins, kudos received, pledges, coaches'
//     comments on plans). It names only what the person could already see, and importing the
//     file does not restore it: the other people are not in the file.
// Part of service/export.cpp.
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/conversation.hpp"
#include "core/notification.hpp"
#include "core/supporter.hpp"
#include "service/export_json.hpp"
#include "store/database.hpp"

namespace headway::service::export_together {

struct Section {
  std::vector<core::Supporter> supporters;
  // The e-mail each supporter was linked to, when linked (index-aligned with supporters).
  std::vector<std::optional<std::string>> linked_emails;
  std::vector<core::ConversationPlan> plans;
  std::vector<core::Notification> notifications;
};

// The section for `person` at `now` (grant statuses are as of now). Lists are ordered by id.
Result<nlohmann::json> encode(store::Transaction& tx, core::Id person, core::Instant now);

// Decodes and validates the section at `in` for `person`; `goals` are the goal ids of the same
// export (a plan may name one). Errors name the JSON path. "record" must be an object and is
// otherwise not read.
Result<Section> decode(const export_json::In& in, core::Id person, const std::set<core::Id>& goals);

// Writes a decoded section, ids included, inside the import's transaction. A supporter linked to
// an e-mail is linked again when an account with that e-mail exists in this database.
Result<void> restore(store::Transaction& tx, const Section& section);

}  // namespace headway::service::export_together
