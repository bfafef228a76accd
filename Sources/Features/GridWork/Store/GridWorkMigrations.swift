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
        // 巡查: a patrol of one grid, the buildings it passed (one row each), the problems found,
        // and each building's QR plate (a random code, printed once, kept for good).
        Migration("gridwork.002") { engine in [
            """
            CREATE TABLE patrols (
              id \(engine.autoIncrementPrimaryKey), idempotency_key TEXT UNIQUE, grid_id BIGINT NOT NULL, grid_name TEXT NOT NULL,
              region_path TEXT NOT NULL, patroller_id BIGINT, patroller_name TEXT NOT NULL, started_at BIGINT NOT NULL, ended_at BIGINT,
              notes TEXT, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX patrols_place ON patrols (\(engine.pathIndexColumn("region_path")), started_at)",
            "CREATE INDEX patrols_patroller ON patrols (patroller_id, ended_at)",
            """
            CREATE TABLE patrol_check_ins (
              patrol_id BIGINT NOT NULL REFERENCES patrols(id), building_id BIGINT NOT NULL, building_name TEXT NOT NULL,
              at BIGINT NOT NULL, way TEXT NOT NULL, PRIMARY KEY (patrol_id, building_id))
            """,
            "CREATE INDEX patrol_check_ins_building ON patrol_check_ins (building_id, at)",
            """
            CREATE TABLE patrol_problems (
              id \(engine.autoIncrementPrimaryKey), idempotency_key TEXT UNIQUE, patrol_id BIGINT NOT NULL REFERENCES patrols(id),
              description TEXT NOT NULL, building_id BIGINT, outcome TEXT NOT NULL, handled_note TEXT, request_id BIGINT, at BIGINT NOT NULL)
            """,
            "CREATE INDEX patrol_problems_patrol ON patrol_problems (patrol_id, id)",
            "CREATE TABLE patrol_plates (building_id BIGINT PRIMARY KEY, code TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL)",
        ] },
        // The daily notice of tomorrow's visits, claimed like the daily plan.
        Migration("gridwork.003") { _ in ["INSERT INTO gridwork_runs (name, day, at) VALUES ('visit_notices', '', 0)"] },
        // One open patrol per person, whatever two phones do at once.
        Migration("gridwork.004") { _ in ["CREATE UNIQUE INDEX patrols_one_open ON patrols (patroller_id) WHERE ended_at IS NULL"] },
    ]
}
