#pragma once
// The SQLite unit of work: every repository method, on one connection, inside BEGIN..COMMIT.
#include <mutex>

#include "store/database.hpp"
#include "store/sqlite/statement.hpp"

namespace headway::store::sqlite {

// Makes a transaction on `conn` that has already run BEGIN; it holds `lock` until it ends.
Transaction* make_transaction(Connection& conn, std::unique_lock<std::mutex> lock);

}  // namespace headway::store::sqlite
