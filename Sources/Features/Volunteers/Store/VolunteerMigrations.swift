import LinliKit

/// The tables of volunteers, teams, activities, sign-ups, service records and certificates.
enum VolunteerMigrations {
    static let all: [Migration] = [
        Migration("volunteers.001") { engine in [
            """
            CREATE TABLE volunteers (
              id \(engine.autoIncrementPrimaryKey), number TEXT UNIQUE, resident_id BIGINT NOT NULL UNIQUE, user_id BIGINT,
              name TEXT NOT NULL, region_id BIGINT NOT NULL, region_path TEXT NOT NULL, status TEXT NOT NULL,
              availability TEXT NOT NULL, consent_at BIGINT, team_request BIGINT, applied_at BIGINT NOT NULL,
              approved_at BIGINT, approved_by BIGINT, certified_minutes BIGINT NOT NULL, stars BIGINT NOT NULL,
              updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX volunteers_place ON volunteers (\(engine.pathIndexColumn("region_path")), status)",
            "CREATE INDEX volunteers_minutes ON volunteers (certified_minutes)",
            "CREATE INDEX volunteers_user ON volunteers (user_id)",
            """
            CREATE TABLE volunteer_skills (volunteer_id BIGINT NOT NULL, skill TEXT NOT NULL, region_path TEXT NOT NULL,
              PRIMARY KEY (volunteer_id, skill))
            """,
            "CREATE INDEX volunteer_skills_place ON volunteer_skills (skill, \(engine.pathIndexColumn("region_path")), volunteer_id)",
            """
            CREATE TABLE volunteer_areas (volunteer_id BIGINT NOT NULL, region_id BIGINT NOT NULL, region_path TEXT NOT NULL,
              PRIMARY KEY (volunteer_id, region_id))
            """,
            "CREATE INDEX volunteer_areas_place ON volunteer_areas (\(engine.pathIndexColumn("region_path")), volunteer_id)",
            """
            CREATE TABLE volunteer_teams (
              id \(engine.autoIncrementPrimaryKey), name TEXT NOT NULL, kind TEXT NOT NULL, region_id BIGINT NOT NULL,
              region_path TEXT NOT NULL, parent_id BIGINT, sponsor TEXT, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX volunteer_teams_place ON volunteer_teams (\(engine.pathIndexColumn("region_path")))",
            """
            CREATE TABLE volunteer_team_members (team_id BIGINT NOT NULL, volunteer_id BIGINT NOT NULL, role TEXT NOT NULL,
              status TEXT NOT NULL, asked_at BIGINT NOT NULL, decided_at BIGINT, PRIMARY KEY (team_id, volunteer_id))
            """,
            "CREATE INDEX volunteer_team_members_volunteer ON volunteer_team_members (volunteer_id)",
            """
            CREATE TABLE activities (
              id \(engine.autoIncrementPrimaryKey), title TEXT NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL,
              description TEXT NOT NULL, region_id BIGINT NOT NULL, region_path TEXT NOT NULL, place_name TEXT NOT NULL,
              target_region_id BIGINT NOT NULL, target_path TEXT NOT NULL, target_tag TEXT, team_id BIGINT,
              beneficiary TEXT NOT NULL, lead TEXT NOT NULL, starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL,
              signup_opens BIGINT NOT NULL, signup_closes BIGINT NOT NULL, cancel_deadline BIGINT NOT NULL,
              waiting_mode TEXT NOT NULL, hold_minutes BIGINT NOT NULL, cutoff_minutes BIGINT NOT NULL, cancel_reason TEXT,
              reminded_at BIGINT, created_by BIGINT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX activities_place ON activities (\(engine.pathIndexColumn("region_path")), starts_at)",
            "CREATE INDEX activities_target ON activities (\(engine.pathIndexColumn("target_path")), starts_at)",
            "CREATE INDEX activities_state ON activities (state, starts_at)",
            """
            CREATE TABLE activity_roles (
              id \(engine.autoIncrementPrimaryKey), activity_id BIGINT NOT NULL, position BIGINT NOT NULL, name TEXT NOT NULL,
              capacity BIGINT NOT NULL, starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL, qualification TEXT,
              default_minutes BIGINT NOT NULL)
            """,
            "CREATE INDEX activity_roles_activity ON activity_roles (activity_id, position)",
            """
            CREATE TABLE activity_signups (
              id \(engine.autoIncrementPrimaryKey), activity_id BIGINT NOT NULL, role_id BIGINT NOT NULL,
              resident_id BIGINT NOT NULL, volunteer_id BIGINT, user_id BIGINT, name TEXT NOT NULL, status TEXT NOT NULL,
              queued_at BIGINT NOT NULL, hold_until BIGINT, starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL,
              checked_in_at BIGINT, checked_out_at BIGINT, check_in_method TEXT, attendance TEXT,
              created_by BIGINT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            // The lock decides; this index is the backstop that makes a second active sign-up
            // of one person impossible even for code that forgot the lock.
            """
            CREATE UNIQUE INDEX activity_signups_one_each ON activity_signups (activity_id, resident_id)
            WHERE status IN ('confirmed', 'held', 'waiting', 'awaiting_approval')
            """,
            "CREATE INDEX activity_signups_role ON activity_signups (role_id, status, queued_at)",
            "CREATE INDEX activity_signups_person ON activity_signups (resident_id, ends_at)",
            "CREATE INDEX activity_signups_holds ON activity_signups (status, hold_until)",
            "CREATE INDEX activity_signups_user ON activity_signups (user_id, ends_at)",
            """
            CREATE TABLE service_records (
              id \(engine.autoIncrementPrimaryKey), volunteer_id BIGINT NOT NULL, activity_id BIGINT, signup_id BIGINT,
              activity_title TEXT NOT NULL, role TEXT NOT NULL, service_date TEXT NOT NULL, place TEXT NOT NULL,
              beneficiary TEXT NOT NULL, content TEXT NOT NULL, minutes BIGINT NOT NULL, rating BIGINT, lead TEXT NOT NULL,
              recorder_id BIGINT, recorder TEXT NOT NULL, source TEXT NOT NULL, supersedes BIGINT UNIQUE,
              flagged BIGINT NOT NULL, recorded_at BIGINT NOT NULL)
            """,
            // One certified record per sign-up, however often certification is retried.
            "CREATE UNIQUE INDEX service_records_signup ON service_records (signup_id) WHERE source = 'activity'",
            "CREATE INDEX service_records_volunteer ON service_records (volunteer_id, service_date)",
            "CREATE INDEX service_records_activity ON service_records (activity_id)",
            """
            CREATE TABLE record_corrections (
              id \(engine.autoIncrementPrimaryKey), record_id BIGINT NOT NULL, volunteer_id BIGINT NOT NULL,
              asked_by BIGINT, reason TEXT NOT NULL, proposed_minutes BIGINT NOT NULL, state TEXT NOT NULL,
              decided_by BIGINT, decided_at BIGINT, decision_note TEXT, new_record_id BIGINT, asked_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX record_corrections_pending ON record_corrections (record_id) WHERE state = 'pending'",
            "CREATE INDEX record_corrections_volunteer ON record_corrections (volunteer_id)",
            """
            CREATE TABLE volunteer_certificates (
              id \(engine.autoIncrementPrimaryKey), number TEXT NOT NULL UNIQUE, volunteer_id BIGINT NOT NULL,
              issuer TEXT NOT NULL, minutes BIGINT NOT NULL, records BIGINT NOT NULL, first_date TEXT, last_date TEXT,
              issued_by BIGINT, issued_at BIGINT NOT NULL, token TEXT NOT NULL UNIQUE, revoked_at BIGINT,
              revoke_reason TEXT, revoked_by BIGINT)
            """,
            "CREATE INDEX volunteer_certificates_volunteer ON volunteer_certificates (volunteer_id)",
        ] + appendOnly(engine) },
        // 志愿者查询 at district scale (docs/benchmarks.md): a name fragment read every
        // volunteer of the scope (350 ms for 150,000 on SQLite) — the names' two-character grams
        // narrow it to a few; the list, most hours first, sorted the whole scope (620 ms for the
        // district) — an index in that order is walked instead, and both indexes cover the
        // filters, so counts and lists read no table rows. The backfill cuts names (at most 50
        // characters, spaces taken out) as `ResidentRules.grams` does for new volunteers.
        Migration("volunteers.002") { engine in [
            "DROP INDEX volunteers_place",
            "CREATE INDEX volunteers_place ON volunteers (\(engine.pathIndexColumn("region_path")), status, certified_minutes, stars)",
            "DROP INDEX volunteers_minutes",
            """
            CREATE INDEX volunteers_by_hours ON volunteers (certified_minutes DESC, id, \(engine.pathIndexColumn("region_path")), status, stars)
            """,
            "CREATE TABLE volunteer_name_grams (gram TEXT NOT NULL, volunteer_id BIGINT NOT NULL, PRIMARY KEY (gram, volunteer_id))",
            """
            INSERT INTO volunteer_name_grams (gram, volunteer_id)
            WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 60)
            SELECT DISTINCT substr(REPLACE(REPLACE(v.name, ' ', ''), '　', ''), k.n, 2), v.id FROM volunteers v, k
            WHERE k.n < length(REPLACE(REPLACE(v.name, ' ', ''), '　', ''))
            """,
        ] },
    ]

    /// Service records are never changed or removed, by any code: the database refuses it.
    static func appendOnly(_ engine: SQLEngine) -> [String] {
        switch engine {
        case .sqlite: [
            "CREATE TRIGGER service_records_no_update BEFORE UPDATE ON service_records BEGIN SELECT RAISE(ABORT, 'service records are append-only'); END",
            "CREATE TRIGGER service_records_no_delete BEFORE DELETE ON service_records BEGIN SELECT RAISE(ABORT, 'service records are append-only'); END",
        ]
        case .postgres: [
            """
            CREATE FUNCTION service_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'service records are append-only'; END $$
            """,
            "CREATE TRIGGER service_records_no_change BEFORE UPDATE OR DELETE ON service_records FOR EACH ROW EXECUTE FUNCTION service_records_append_only()",
        ]
        }
    }
}

/// Region moves re-root the paths copied onto volunteers, teams and activities.
struct VolunteerPathsListener: SubtreeMoveListener {
    func subtreeMoved(_ tx: Tx, from oldPath: String, to newPath: String) async throws {
        for (table, column) in [("volunteers", "region_path"), ("volunteer_skills", "region_path"), ("volunteer_areas", "region_path"),
                                ("volunteer_teams", "region_path"), ("activities", "region_path"), ("activities", "target_path")] {
            try await tx.rebasePaths(table: table, column: column, from: oldPath, to: newPath)
        }
    }
}
