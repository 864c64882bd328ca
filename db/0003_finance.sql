-- SG Desk board file, schema version 3: finance (funds, categories, ledger, budgets, partner contributions).
-- Financial years are stored as `year_start` (2018 means 2018/19, 1 April 2018 to 31 March 2019).
-- Amounts are integer pence, stored "plain": expenditure positive is money spent, income positive is
-- money received; a negative amount is a credit (e.g. a salary recharge) or a refund. Council style
-- (income printed negative) is only a way of printing.

CREATE TABLE finance_fund (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    name TEXT NOT NULL COLLATE NOCASE,
    ring_fenced INTEGER NOT NULL DEFAULT 0 CHECK (ring_fenced IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (board_id, name)
);

CREATE TABLE finance_category (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    section TEXT NOT NULL CHECK (section IN ('expenditure', 'income')),
    name TEXT NOT NULL COLLATE NOCASE,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (board_id, section, name)
);

CREATE TABLE ledger_entry (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    year_start INTEGER NOT NULL,
    section TEXT NOT NULL CHECK (section IN ('expenditure', 'income')),
    category_id INTEGER NOT NULL REFERENCES finance_category(id),
    fund_id INTEGER NOT NULL REFERENCES finance_fund(id),
    entry_date TEXT,                    -- ISO date, optional (summary ledgers have none)
    description TEXT NOT NULL,
    party TEXT,                         -- supplier (expenditure) or payer (income)
    amount_pence INTEGER NOT NULL,
    in_kind INTEGER NOT NULL DEFAULT 0 CHECK (in_kind IN (0, 1)),   -- recorded, kept out of cash totals
    reference TEXT,
    carried_from INTEGER,               -- year_start of the year whose outturn this entry carries forward
    position INTEGER NOT NULL DEFAULT 0 -- order within the year, as printed
);
CREATE INDEX ledger_entry_year ON ledger_entry(board_id, year_start);

CREATE TABLE budget_line (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    year_start INTEGER NOT NULL,
    section TEXT NOT NULL CHECK (section IN ('expenditure', 'income')),
    category_id INTEGER NOT NULL REFERENCES finance_category(id),
    fund_id INTEGER NOT NULL REFERENCES finance_fund(id),
    description TEXT NOT NULL,
    amount_pence INTEGER NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX budget_line_year ON budget_line(board_id, year_start);

CREATE TABLE contribution_year (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    year_start INTEGER NOT NULL,
    total_pence INTEGER,                -- the year's total requirement; NULL: the sum of fixed amounts
    rounding TEXT NOT NULL DEFAULT 'pound' CHECK (rounding IN ('pound', 'penny')),
    UNIQUE (board_id, year_start)
);

CREATE TABLE contribution (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES board(id),
    year_start INTEGER NOT NULL,
    organisation_id INTEGER REFERENCES organisation(id),
    label TEXT NOT NULL,                -- the partner as written (an organisation, a group, "Other partners")
    basis TEXT NOT NULL CHECK (basis IN ('share', 'fixed', 'group')),
    share_ppm INTEGER,                  -- share basis: millionths of the shared total (49.5% is 495000)
    amount_pence INTEGER,               -- fixed basis: the amount; group basis: the amount each
    group_count INTEGER,                -- group basis: how many pay the amount each
    status TEXT NOT NULL DEFAULT 'projected' CHECK (status IN ('projected', 'invoiced', 'received')),
    invoiced_on TEXT,
    received_on TEXT,
    in_kind INTEGER NOT NULL DEFAULT 0 CHECK (in_kind IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0,
    CHECK (basis != 'share' OR share_ppm IS NOT NULL),
    CHECK (basis = 'share' OR amount_pence IS NOT NULL),
    CHECK (basis != 'group' OR group_count >= 1),
    UNIQUE (board_id, year_start, label)
);
CREATE INDEX contribution_year_idx ON contribution(board_id, year_start);
