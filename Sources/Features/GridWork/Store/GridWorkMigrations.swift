import LinliKit

/// The grid work tables. Each row that scope filters carries its own `region_path`, so that
/// "this grid's plan" is one index range on the feature's own table.
enum GridWorkMigrations {
    static let all: [Migration] = [
        Migration("gridwork.001") { engine in [
            // Versions of a district's rules (kind: visits, duties), none ever changed.
            """
            CREATE TABLE gridwork_rules (
              id \(engine.autoIncrementPrimaryKey), region_id BIGINT NOT NULL, region_path TEXT NOT NULL, kind TEXT NOT NULL,
              version BIGINT NOT NULL, body TEXT NOT NULL, note TEXT NOT NULL, edited_by BIGINT, edited_by_name TEXT NOT NULL,
              edited_at BIGINT NOT NULL, UNIQUE (region_id, kind, version))
            """,
            // One row per person in the plan: their class, when they are due and why, and how
            // they are shown (copied from the registry whenever it changes them).
            """
            CREATE TABLE visit_plans (
              resident_id BIGINT PRIMARY KEY, region_path TEXT NOT NULL, name TEXT NOT NULL, address TEXT NOT NULL,
              phone_masked TEXT, tags TEXT NOT NULL, class_code TEXT NOT NULL, class_name TEXT NOT NULL, rules_version BIGINT NOT NULL,
              since_at BIGINT NOT NULL, last_visit_at BIGINT, period_due_at BIGINT NOT NULL, event_id BIGINT, event_due_at BIGINT,
              due_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX visit_plans_place ON visit_plans (\(engine.pathIndexColumn("region_path")), due_at)",
            "CREATE INDEX visit_plans_due ON visit_plans (due_at)",
            // Residents whose plan a large change (an import) left to the plan job.
            "CREATE TABLE visit_plan_queue (resident_id BIGINT PRIMARY KEY, queued_at BIGINT NOT NULL)",
            """
            CREATE TABLE visits (
              id \(engine.autoIncrementPrimaryKey), idempotency_key TEXT UNIQUE, resident_id BIGINT NOT NULL, resident_name TEXT NOT NULL,
              region_path TEXT NOT NULL, visitor_id BIGINT, visitor_name TEXT NOT NULL, visited_at BIGINT NOT NULL, method TEXT NOT NULL,
              contact TEXT NOT NULL, findings TEXT NOT NULL, notes TEXT, visit_class TEXT, due_at BIGINT, late BIGINT NOT NULL,
              follow_up_by BIGINT, recorded_at BIGINT NOT NULL)
            """,
            "CREATE INDEX visits_resident ON visits (resident_id, visited_at)",
            "CREATE INDEX visits_place ON visits (\(engine.pathIndexColumn("region_path")), visited_at)",
            "CREATE INDEX visits_visitor ON visits (visitor_id, visited_at)",
            """
            CREATE TABLE visit_photos (
              id \(engine.autoIncrementPrimaryKey), visit_id BIGINT NOT NULL REFERENCES visits(id), content_type TEXT NOT NULL,
              byte_count BIGINT NOT NULL, sha256 TEXT NOT NULL, data \(engine.blobType) NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX visit_photos_visit ON visit_photos (visit_id, id)",
            """
            CREATE TABLE major_events (
              id \(engine.autoIncrementPrimaryKey), kind TEXT NOT NULL, title TEXT NOT NULL, note TEXT, region_id BIGINT NOT NULL,
              region_path TEXT NOT NULL, region_name TEXT NOT NULL, declared_at BIGINT NOT NULL, declared_by BIGINT,
              declared_by_name TEXT NOT NULL, ended_at BIGINT, ended_by_name TEXT)
            """,
            "CREATE INDEX major_events_place ON major_events (\(engine.pathIndexColumn("region_path")), declared_at)",
            // Which instance ran a daily job for which day: claimed by one UPDATE, so two
            // instances never both run it.
            "CREATE TABLE gridwork_runs (name TEXT PRIMARY KEY, day TEXT NOT NULL, at BIGINT NOT NULL)",
            "INSERT INTO gridwork_runs (name, day, at) VALUES ('plans', '', 0)",
        ] },
    ]
}
