// libFuzzer target: arbitrary bytes into ingest::import_ics, with small limits so that each input
// runs in milliseconds. Built by -DHEADWAY_FUZZ=ON with clang; `make fuzz` runs it (fuzz/run.sh).
// Besides crashes, leaks and hangs it checks what import_ics promises: errors name a line (or the
// window), occurrences are sorted and none ends before it starts. libical's error setting is
// process-wide; import_ics makes errors non-fatal itself on every call, so the harness need not.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <tuple>

#include "core/date.hpp"
#include "core/zone.hpp"
#include "ingest/ics.hpp"

namespace {

using headway::ingest::IcsOptions;

IcsOptions fuzz_options(bool skip_invalid) {
  // A fixed "now" (2025-06-15T12:00:00Z) and a zone with DST changes inside the window.
  IcsOptions o = headway::ingest::default_ics_window(1750003200, *headway::core::Zone::find("Europe/Berlin"));
  o.me_email = "me@example.com";
  o.keep_titles = true;
  o.skip_invalid = skip_invalid;
  o.max_bytes = 256u * 1024;
  o.max_line_bytes = 4096;
  o.max_instances_per_event = 100;
  return o;
}

void check(bool ok) {
  if (!ok) std::abort();
}

void run(const std::string& text, bool skip_invalid) {
  const IcsOptions o = fuzz_options(skip_invalid);
  std::istringstream in(text);
  auto r = headway::ingest::import_ics(in, o);
  if (!r) {
    check(r.error().field.rfind("line ", 0) == 0);
    return;
  }
  for (size_t i = 0; i < r->occurrences.size(); ++i) {
    const auto& occ = r->occurrences[i];
    check(occ.end >= occ.start);
    if (i > 0) {
      const auto& prev = r->occurrences[i - 1];
      check(std::tie(prev.start, prev.uid, prev.recurrence_id) <= std::tie(occ.start, occ.uid, occ.recurrence_id));
    }
  }
  if (!skip_invalid) check(r->skipped.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  run(text, false);
  run(text, true);
  return 0;
}
