#!/bin/sh
# Regenerates export-v1.json, the golden export used by tests/cli/data_test.cpp.
# Only regenerate it on purpose (a change of the export format needs a new version number).
# Usage: tests/data/cli/make-export-v1.sh build/tests-cli/headway > tests/data/cli/export-v1.json
set -eu
H=${1:?path to the headway binary}
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
export NO_COLOR=1
h() { HEADWAY_NOW=$NOW "$H" --data-dir "$D/data" "$@" >/dev/null; }

NOW=2026-11-16T07:00:00Z
h init --name "Robin Fixture" --timezone Europe/Berlin --work-hours "Mon-Fri 09:00-17:30" --email robin@example.org
h value add Family --rank 1
h value add "Time outdoors" --rank 2
h value add Rest
h motivation set family 5
h motivation catalyst add --kind burnout --date 2026-05-04 --note "Two weeks off sick"
h boundary add --type work-window --days Mon-Fri --from 09:00 --to 17:30
h boundary add --type no-weekend-work
h boundary add --type min-break --minutes 30 --label "A real lunch"
h goal add --title "Leave on time" --value Family --wish "Evenings at home" --outcome "Dinner together" \
  --obstacle "Late calls" --barrier workplace-expectations --if "If it is 17:15 and I am still working" \
  --then "then I write tomorrow's list and close the laptop" --frequency 4x/week --boundary 1 \
  --stage-answer within-30-days
h goal add --title "Walk at lunch" --value "Time outdoors" --frequency daily --stage-answer doing-less-than-6-months

NOW=2026-11-16T17:00:00Z
h checkin --start 09:00 --end 17:15 --stress 2 --energy 4 --break 40 --progress
h goal done 2
h win "Lunch in the park" --goal 2
NOW=2026-11-17T19:00:00Z
h checkin --start 08:15 --end 19:45 --stress 4 --energy 2 --break 15 --after-hours 30 --setback --note "Release day"
NOW=2026-11-18T17:00:00Z
h checkin --start 09:10 --end 17:20 --stress 3 --energy 3 --break 35
h goal done 2
NOW=2026-11-19T17:00:00Z
h checkin --start 09:00 --end 17:00 --stress 2 --energy 4 --break 45 --progress
h goal done 2
h win "Said no to a 19:00 call <b>politely</b> 🙂" --goal 1 --value Family --size big
NOW=2026-11-20T17:00:00Z
h checkin --start 09:30 --end 17:30 --stress 2 --energy 4 --break 30
h goal done 2
h reflect --values 6 --note "Better than last week"
h assess balance-check --answers 4,3,4,3,3,2,3,3,4,3,3,2,3,4,3,3
h assess barrier-profile --answers 4,4,3,2,3,2,2,3,1,2,3,3,2,2,3

HEADWAY_NOW=$NOW "$H" --data-dir "$D/data" export
