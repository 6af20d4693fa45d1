-- A cell's search text is now its own words (label, summary, quote, notes) and its sources' titles
-- and publishers, without its party's name: a party's name marks its column's header instead of
-- matching every cell of the column. The start-up fills the emptied texts again from the rows.
UPDATE "Position" SET "searchText" = '';
UPDATE "PositionVersion" SET "searchText" = '';
