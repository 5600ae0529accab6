// The workbook file's schema, as numbered migrations. A file records the last one applied in
// PRAGMA user_version; each migration runs in one transaction with that version bump, so a file is always
// at exactly one version. Never edit a released migration: add the next one.

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'Workbook, extracts, the three lists (pseudonymised), import report, scenarios, settings',
    sql: `
      CREATE TABLE workbook (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        created_at TEXT NOT NULL,
        is_demo INTEGER NOT NULL CHECK (is_demo IN (0, 1)),
        pseudonym_key BLOB NOT NULL CHECK (length(pseudonym_key) >= 16)
      ) STRICT;
      CREATE TABLE extracts (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        extract_date TEXT NOT NULL,
        extract_date_source TEXT NOT NULL CHECK (extract_date_source IN ('given', 'inferred')),
        window_start TEXT
      ) STRICT;
      CREATE TABLE referrals (
        id INTEGER PRIMARY KEY,
        extract_id INTEGER NOT NULL REFERENCES extracts(id) ON DELETE CASCADE,
        child TEXT NOT NULL,
        birth_month TEXT,
        referral_date TEXT NOT NULL,
        age_years REAL,
        source TEXT,
        nfa INTEGER CHECK (nfa IN (0, 1)),
        referrals_12m INTEGER
      ) STRICT;
      CREATE TABLE cpp (
        id INTEGER PRIMARY KEY,
        extract_id INTEGER NOT NULL REFERENCES extracts(id) ON DELETE CASCADE,
        child TEXT NOT NULL,
        birth_month TEXT,
        start_date TEXT NOT NULL,
        end_date TEXT,
        initial_category TEXT,
        latest_category TEXT,
        previous_plans INTEGER
      ) STRICT;
      CREATE TABLE cla (
        id INTEGER PRIMARY KEY,
        extract_id INTEGER NOT NULL REFERENCES extracts(id) ON DELETE CASCADE,
        child TEXT NOT NULL,
        birth_month TEXT,
        start_date TEXT NOT NULL,
        end_date TEXT,
        uasc INTEGER CHECK (uasc IN (0, 1)),
        reason_ceased TEXT,
        legal_status TEXT,
        category_of_need TEXT,
        placement_type TEXT,
        placement_group TEXT,
        placement_provider TEXT
      ) STRICT;
      CREATE TABLE import_report (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        json TEXT NOT NULL
      ) STRICT;
      CREATE TABLE scenarios (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        json TEXT NOT NULL
      ) STRICT;
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'Indexes for linking a child across lists and reading lists by extract',
    sql: `
      CREATE INDEX referrals_child ON referrals (child, referral_date);
      CREATE INDEX cpp_child ON cpp (child, start_date);
      CREATE INDEX cla_child ON cla (child, start_date);
      CREATE INDEX referrals_extract ON referrals (extract_id);
      CREATE INDEX cpp_extract ON cpp (extract_id);
      CREATE INDEX cla_extract ON cla (extract_id);
    `,
  },
  {
    version: 3,
    description: 'Undo and redo of list replacements kept in the file: each change holds the other side of the lists it replaced',
    // A change swaps: it holds the state of its lists (rows, the extracts table, the import report, the
    // demo flag and title) on the side it is not on now. Undo and redo swap them back, so one copy serves both.
    // The copied rows keep their extract ids, which refer to the extracts held with the change.
    sql: `
      CREATE TABLE list_changes (
        id INTEGER PRIMARY KEY,
        made_at TEXT NOT NULL,
        description TEXT NOT NULL,
        lists TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
        other_extracts TEXT NOT NULL,
        other_report TEXT,
        other_is_demo INTEGER NOT NULL CHECK (other_is_demo IN (0, 1)),
        other_title TEXT NOT NULL
      ) STRICT;
      CREATE TABLE list_change_referrals (
        change_id INTEGER NOT NULL,
        extract_id INTEGER NOT NULL,
        child TEXT NOT NULL,
        birth_month TEXT,
        referral_date TEXT NOT NULL,
        age_years REAL,
        source TEXT,
        nfa INTEGER,
        referrals_12m INTEGER
      ) STRICT;
      CREATE TABLE list_change_cpp (
        change_id INTEGER NOT NULL,
        extract_id INTEGER NOT NULL,
        child TEXT NOT NULL,
        birth_month TEXT,
        start_date TEXT NOT NULL,
        end_date TEXT,
        initial_category TEXT,
        latest_category TEXT,
        previous_plans INTEGER
      ) STRICT;
      CREATE TABLE list_change_cla (
        change_id INTEGER NOT NULL,
        extract_id INTEGER NOT NULL,
        child TEXT NOT NULL,
        birth_month TEXT,
        start_date TEXT NOT NULL,
        end_date TEXT,
        uasc INTEGER,
        reason_ceased TEXT,
        legal_status TEXT,
        category_of_need TEXT,
        placement_type TEXT,
        placement_group TEXT,
        placement_provider TEXT
      ) STRICT;
      CREATE INDEX list_change_referrals_change ON list_change_referrals (change_id);
      CREATE INDEX list_change_cpp_change ON list_change_cpp (change_id);
      CREATE INDEX list_change_cla_change ON list_change_cla (change_id);
    `,
  },
  {
    version: 4,
    description: 'SSDA903 returns: the returns read, their periods of care and placements (pseudonymised), their import report; kept for undo as the lists are',
    // Kept apart from the Annex A lists: an import of lists never touches the returns, nor the returns the
    // lists. Extract ids here count the returns (1, 2, ...) and are placed after the lists' extracts when
    // read. Only what the model needs: the child's pseudonym, the month of birth, the episode's dates and
    // codes; never a UPN, a postcode or a date of birth.
    sql: `
      CREATE TABLE ssda903_extracts (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        extract_date TEXT NOT NULL,
        window_start TEXT
      ) STRICT;
      CREATE TABLE ssda903_care (
        id INTEGER PRIMARY KEY,
        extract_id INTEGER NOT NULL REFERENCES ssda903_extracts(id) ON DELETE CASCADE,
        child TEXT NOT NULL,
        birth_month TEXT,
        start_date TEXT NOT NULL,
        end_date TEXT,
        reason_ceased TEXT,
        legal_status TEXT,
        category_of_need TEXT,
        placement_type TEXT,
        placement_group TEXT,
        placement_provider TEXT
      ) STRICT;
      CREATE TABLE ssda903_placements (
        id INTEGER PRIMARY KEY,
        extract_id INTEGER NOT NULL REFERENCES ssda903_extracts(id) ON DELETE CASCADE,
        child TEXT NOT NULL,
        birth_month TEXT,
        start_date TEXT NOT NULL,
        end_date TEXT,
        period_start TEXT NOT NULL,
        placement_type TEXT,
        placement_group TEXT NOT NULL,
        provider TEXT CHECK (provider IN ('inHouse', 'private'))
      ) STRICT;
      CREATE TABLE ssda903_report (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ssda903_placements_child ON ssda903_placements (child, start_date);
      CREATE INDEX ssda903_care_child ON ssda903_care (child, start_date);
      CREATE TABLE list_change_ssda903_extracts (
        change_id INTEGER NOT NULL,
        id INTEGER NOT NULL,
        label TEXT NOT NULL,
        extract_date TEXT NOT NULL,
        window_start TEXT
      ) STRICT;
      CREATE TABLE list_change_ssda903_care (
        change_id INTEGER NOT NULL,
        extract_id INTEGER NOT NULL,
        child TEXT NOT NULL,
        birth_month TEXT,
        start_date TEXT NOT NULL,
        end_date TEXT,
        reason_ceased TEXT,
        legal_status TEXT,
        category_of_need TEXT,
        placement_type TEXT,
        placement_group TEXT,
        placement_provider TEXT
      ) STRICT;
      CREATE TABLE list_change_ssda903_placements (
        change_id INTEGER NOT NULL,
        extract_id INTEGER NOT NULL,
        child TEXT NOT NULL,
        birth_month TEXT,
        start_date TEXT NOT NULL,
        end_date TEXT,
        period_start TEXT NOT NULL,
        placement_type TEXT,
        placement_group TEXT NOT NULL,
        provider TEXT
      ) STRICT;
      CREATE TABLE list_change_ssda903_report (
        change_id INTEGER NOT NULL,
        json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX list_change_ssda903_care_change ON list_change_ssda903_care (change_id);
      CREATE INDEX list_change_ssda903_placements_change ON list_change_ssda903_placements (change_id);
    `,
  },
  {
    version: 5,
    description: 'A workbook is for one service, children\'s services or housing; housing workbooks hold the case list and the TA list (pseudonymised), kept for undo as the Annex A lists are',
    // Files made before housing are children's services workbooks. Only what the model needs is kept: the
    // case's pseudonym, its dates, household type, children, duty; a placement's dates, TA type, area and
    // nightly cost. Never a name, an address, a reason in free text.
    sql: `
      ALTER TABLE workbook ADD COLUMN service TEXT NOT NULL DEFAULT 'children' CHECK (service IN ('children', 'housing'));
      CREATE TABLE housing_cases (
        id INTEGER PRIMARY KEY,
        extract_id INTEGER NOT NULL REFERENCES extracts(id) ON DELETE CASCADE,
        case_id TEXT NOT NULL,
        approach_date TEXT NOT NULL,
        household TEXT NOT NULL CHECK (household IN ('singleAdult', 'withChildren', 'adultsWithoutChildren', 'other')),
        children INTEGER,
        duty TEXT CHECK (duty IN ('prevention', 'relief', 'none')),
        duty_start TEXT,
        duty_end TEXT
      ) STRICT;
      CREATE TABLE housing_ta (
        id INTEGER PRIMARY KEY,
        extract_id INTEGER NOT NULL REFERENCES extracts(id) ON DELETE CASCADE,
        case_id TEXT NOT NULL,
        placed TEXT NOT NULL,
        left_on TEXT,
        ta_type TEXT NOT NULL CHECK (ta_type IN ('bedAndBreakfast', 'nightlyPaid', 'hostel', 'privateLeased', 'socialHousing', 'other')),
        out_of_area INTEGER CHECK (out_of_area IN (0, 1)),
        nightly_cost REAL
      ) STRICT;
      CREATE INDEX housing_cases_case ON housing_cases (case_id, approach_date);
      CREATE INDEX housing_ta_case ON housing_ta (case_id, placed);
      CREATE TABLE list_change_housing_cases (
        change_id INTEGER NOT NULL,
        extract_id INTEGER NOT NULL,
        case_id TEXT NOT NULL,
        approach_date TEXT NOT NULL,
        household TEXT NOT NULL,
        children INTEGER,
        duty TEXT,
        duty_start TEXT,
        duty_end TEXT
      ) STRICT;
      CREATE TABLE list_change_housing_ta (
        change_id INTEGER NOT NULL,
        extract_id INTEGER NOT NULL,
        case_id TEXT NOT NULL,
        placed TEXT NOT NULL,
        left_on TEXT,
        ta_type TEXT NOT NULL,
        out_of_area INTEGER,
        nightly_cost REAL
      ) STRICT;
      CREATE INDEX list_change_housing_cases_change ON list_change_housing_cases (change_id);
      CREATE INDEX list_change_housing_ta_change ON list_change_housing_ta (change_id);
    `,
  },
];

export const latestSchemaVersion = migrations.at(-1)!.version;

/** "DWB1": marks a SQLite file as a Demand Workbook, so any other database is refused, not altered. */
export const applicationId = 0x44574231;
