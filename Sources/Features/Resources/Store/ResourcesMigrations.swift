import LinliKit

/// 五社资源's tables: donors, donations and where each went; organisations with their
/// services, areas, staff and record; social workers.
enum ResourcesMigrations {
    static let all: [Migration] = [
        Migration("resources.001") { engine in [
            """
            CREATE TABLE donors (
              id \(engine.autoIncrementPrimaryKey), kind TEXT NOT NULL, name TEXT NOT NULL, contact TEXT NOT NULL,
              anonymous BIGINT NOT NULL, region_path TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX donors_place ON donors (\(engine.pathIndexColumn("region_path")))",
            // `allocated` is the sum of the donation's allocations, changed with each under the
            // donation's row lock; the CHECK is the backstop of the remainder rule.
            """
            CREATE TABLE donations (
              id \(engine.autoIncrementPrimaryKey), donor_id BIGINT NOT NULL, receipt_number TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
              item TEXT NOT NULL, unit TEXT NOT NULL, quantity BIGINT NOT NULL, allocated BIGINT NOT NULL, region_path TEXT NOT NULL,
              note TEXT NOT NULL, received_by_name TEXT NOT NULL, received_at BIGINT NOT NULL,
              CHECK (quantity > 0 AND allocated >= 0 AND allocated <= quantity))
            """,
            "CREATE INDEX donations_donor ON donations (donor_id, id)",
            "CREATE INDEX donations_place ON donations (\(engine.pathIndexColumn("region_path")), id)",
            """
            CREATE TABLE donation_allocations (
              id \(engine.autoIncrementPrimaryKey), donation_id BIGINT NOT NULL, amount BIGINT NOT NULL CHECK (amount > 0),
              target_kind TEXT NOT NULL, target_id BIGINT, target_label TEXT NOT NULL, note TEXT NOT NULL,
              allocated_by_name TEXT NOT NULL, allocated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX donation_allocations_donation ON donation_allocations (donation_id, id)",
        ] },
        // `fields` as `,养老,儿童,` so that one field is found with LIKE. A credit code or a
        // 备案 number is registered once (NULLs are not equal to each other in UNIQUE).
        Migration("resources.002") { engine in [
            """
            CREATE TABLE organisations (
              id \(engine.autoIncrementPrimaryKey), name TEXT NOT NULL, kind TEXT NOT NULL, credit_code TEXT UNIQUE,
              filing_number TEXT UNIQUE, fields TEXT NOT NULL, region_path TEXT NOT NULL, contact_name TEXT NOT NULL,
              contact_phone TEXT NOT NULL, address TEXT NOT NULL, summary TEXT NOT NULL, party_organisation BIGINT NOT NULL,
              inspection_year BIGINT, inspection_result TEXT, grade BIGINT, grade_year BIGINT, status TEXT NOT NULL,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX organisations_place ON organisations (\(engine.pathIndexColumn("region_path")), id)",
            "CREATE TABLE organisation_services (organisation_id BIGINT NOT NULL, item_id BIGINT NOT NULL, PRIMARY KEY (organisation_id, item_id))",
            "CREATE INDEX organisation_services_item ON organisation_services (item_id)",
            """
            CREATE TABLE organisation_areas (organisation_id BIGINT NOT NULL, region_path TEXT NOT NULL,
              PRIMARY KEY (organisation_id, region_path))
            """,
            "CREATE INDEX organisation_areas_place ON organisation_areas (\(engine.pathIndexColumn("region_path")))",
            // An account works for one organisation at most; one row per organisation is its 接单人.
            """
            CREATE TABLE organisation_staff (user_id BIGINT PRIMARY KEY, organisation_id BIGINT NOT NULL, intake BIGINT NOT NULL)
            """,
            "CREATE INDEX organisation_staff_organisation ON organisation_staff (organisation_id)",
            """
            CREATE TABLE organisation_events (
              id \(engine.autoIncrementPrimaryKey), organisation_id BIGINT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
              by_name TEXT NOT NULL, at BIGINT NOT NULL)
            """,
            "CREATE INDEX organisation_events_organisation ON organisation_events (organisation_id, id)",
            // 社工: one row per account; the post's node is where the worker serves. Casework
            // is counted by kind only: the cases themselves are not kept here.
            """
            CREATE TABLE social_workers (
              id \(engine.autoIncrementPrimaryKey), user_id BIGINT NOT NULL UNIQUE, resident_id BIGINT, certificate TEXT,
              certificate_number TEXT, post TEXT NOT NULL, organisation_id BIGINT, region_path TEXT NOT NULL,
              training_hours BIGINT NOT NULL, training_topics TEXT NOT NULL, individual_cases BIGINT NOT NULL,
              group_cases BIGINT NOT NULL, community_cases BIGINT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX social_workers_place ON social_workers (\(engine.pathIndexColumn("region_path")), id)",
            "CREATE TABLE social_worker_services (worker_id BIGINT NOT NULL, item_id BIGINT NOT NULL, PRIMARY KEY (worker_id, item_id))",
            // 孵化: an organisation's way through a hub, kept at the hub's node; `check_due` is
            // the 初审 deadline in working days, `space_due` when a space must come back.
            """
            CREATE TABLE incubations (
              id \(engine.autoIncrementPrimaryKey), organisation_id BIGINT NOT NULL, hub_name TEXT NOT NULL, region_path TEXT NOT NULL,
              stage TEXT NOT NULL, applied_at BIGINT NOT NULL, check_due BIGINT NOT NULL, agreement_from TEXT, agreement_to TEXT,
              space TEXT NOT NULL, support TEXT NOT NULL, exited_at BIGINT, space_due BIGINT, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX incubations_place ON incubations (\(engine.pathIndexColumn("region_path")), stage)",
            "CREATE INDEX incubations_organisation ON incubations (organisation_id, id)",
            """
            CREATE TABLE incubation_events (
              id \(engine.autoIncrementPrimaryKey), incubation_id BIGINT NOT NULL, kind TEXT NOT NULL, stage TEXT NOT NULL, text TEXT NOT NULL,
              by_name TEXT NOT NULL, at BIGINT NOT NULL)
            """,
            "CREATE INDEX incubation_events_incubation ON incubation_events (incubation_id, id)",
            // What a volunteer team offers, for matching; the team itself is the volunteers feature's.
            "CREATE TABLE team_services (team_id BIGINT NOT NULL, item_id BIGINT NOT NULL, PRIMARY KEY (team_id, item_id))",
            // 收到的捐赠 of an organisation: the uses naming it.
            "CREATE INDEX donation_allocations_target ON donation_allocations (target_kind, target_id, id)",
        ] },
        // 证照与年报: the file itself is kept with its checked type and digest.
        Migration("resources.003") { engine in [
            """
            CREATE TABLE organisation_documents (
              id \(engine.autoIncrementPrimaryKey), organisation_id BIGINT NOT NULL REFERENCES organisations(id), kind TEXT NOT NULL,
              title TEXT NOT NULL, content_type TEXT NOT NULL, byte_count BIGINT NOT NULL, sha256 TEXT NOT NULL,
              data \(engine.blobType) NOT NULL, uploaded_by_name TEXT NOT NULL, uploaded_at BIGINT NOT NULL)
            """,
            "CREATE INDEX organisation_documents_organisation ON organisation_documents (organisation_id, id)",
            // A registry resident is at most one social worker.
            "CREATE UNIQUE INDEX social_workers_resident ON social_workers (resident_id)",
        ] },
    ]
}
