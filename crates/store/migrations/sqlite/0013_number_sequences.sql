-- The last number given in each numbering series (orders, quotes, contracts) per period (a
-- year). Taken inside the transaction that writes the record, so a failed write gives its
-- number back and a year's numbers have no gaps.
CREATE TABLE number_sequences (
    name       TEXT NOT NULL,
    period     INTEGER NOT NULL,
    last_value INTEGER NOT NULL,
    PRIMARY KEY (name, period)
);
