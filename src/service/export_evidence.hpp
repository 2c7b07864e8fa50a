#pragma once
// The "evidence" section of an export (version 2 on): every imported calendar and activity
// source of the person with the occurrences or spans it holds, titles and labels only where
// they were stored. Part of service/export.cpp.
#include <vector>

#include <nlohmann/json.hpp>

#include "core/evidence.hpp"
#include "core/evidence_source.hpp"
#include "service/export_json.hpp"
#include "store/database.hpp"

namespace headway::service::export_evidence {

// One source as the export carries it: a calendar holds events, an activity source spans.
struct Source {
  core::EvidenceSource source;
  std::vector<core::EventOccurrence> events;
  std::vector<core::ActivitySpan> spans;
};

// The section, in an order that does not depend on the backend or on the order rows were
// written in: sources by (kind, name), events by (start, uid, recurrence_id), spans by
// (start, end, kind, label), text compared byte by byte.
Result<nlohmann::json> encode(store::Transaction& tx, core::Id person);

// Decodes and validates the section at `in` (a JSON array) for `person`; errors name the path.
Result<std::vector<Source>> decode(const export_json::In& in, core::Id person);

// Writes decoded sources, ids included, inside the import's transaction.
Result<void> restore(store::Transaction& tx, core::Id person, const std::vector<Source>& sources);

}  // namespace headway::service::export_evidence
