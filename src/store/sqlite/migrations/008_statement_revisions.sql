-- Version 8: on PostgreSQL, calendar occurrences and activity spans raise their person's revision
-- once per statement instead of once per row. SQLite keeps its row triggers (a row update of
-- one people row is cheap there); this version only keeps both backends at the same number.
SELECT 1;
