#pragma once
// Recurrence expansion of the iCalendar importer: masters with RRULE, RDATE and EXDATE, their
// overrides (RECURRENCE-ID), all inside the import window. Internal to ics*.cpp.
#include <vector>

#include "ingest/ics.hpp"
#include "ingest/ics_event.hpp"
#include "ingest/ics_zone.hpp"

namespace headway::ingest::ics {

// Appends the occurrences of all records inside the window to result.occurrences (unsorted) and
// capped recurrences to result.warnings; each invalid record adds nothing and one Invalid.
void expand(const IcsOptions& options, ZoneBook& zones, const std::vector<EventRecord>& records, IcsResult& result,
            std::vector<Invalid>& invalid);

}  // namespace headway::ingest::ics
