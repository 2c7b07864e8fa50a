#include "store/sqlite/sqlite_transaction.hpp"

#include <memory>

#include "store/sql/sql_transaction.hpp"

namespace headway::store::sqlite {

Transaction* make_transaction(Connection& conn, std::unique_lock<std::mutex> lock) {
  auto held = std::make_shared<std::unique_lock<std::mutex>>(std::move(lock));
  return new sql::SqlTransaction<Connection>(conn, [held] { held->unlock(); });
}

}  // namespace headway::store::sqlite
