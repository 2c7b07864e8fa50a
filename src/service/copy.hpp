#pragma once
// Copies a whole database to another backend, and proves the copy is complete.
#include <string>
#include <vector>

#include "store/database.hpp"

namespace headway::service {

struct CopyReport {
  std::vector<std::pair<std::string, int64_t>> counts;  // rows per table, equal on both sides
  int people = 0;
  int exports_compared = 0;  // people whose full export matched on both sides
};

// Copies everything from `from` to `to` in one transaction on the target, keeping ids. A target
// with any rows is refused unless `force`, which empties it first. Afterwards the row counts of
// every table and each person's export are compared; any difference is an error.
Result<CopyReport> copy_database(store::Database& from, store::Database& to, bool force);

// The social rows (supporters, grants, circles, pledges, notifications, plans) of `people`,
// once they are all in the target; part of copy_database.
Result<void> copy_together(store::Transaction& src, store::Transaction& dst, const std::vector<core::Person>& people);

}  // namespace headway::service
