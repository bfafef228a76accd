import Foundation
import LinliKit

/// The tables of the Requests feature, in order.
enum RequestsMigrations {
    static let all: [Migration] = [
        Migration("requests.001") { engine in [
            """
            CREATE TABLE request_categories (
              id \(engine.autoIncrementPrimaryKey), code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT NOT NULL,
              sort_order BIGINT NOT NULL, active BIGINT NOT NULL)
            """,
            """
            CREATE TABLE request_items (
              id \(engine.autoIncrementPrimaryKey), category_id BIGINT NOT NULL REFERENCES request_categories(id),
              code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT NOT NULL, handler_type TEXT NOT NULL,
              assignment TEXT NOT NULL, respond_minutes BIGINT NOT NULL, handle_minutes BIGINT NOT NULL, verify_minutes BIGINT NOT NULL,
              questions TEXT NOT NULL, channels TEXT NOT NULL, allows_anonymous BIGINT NOT NULL, active BIGINT NOT NULL,
              sort_order BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX request_items_category ON request_items (category_id, sort_order)",
            "CREATE TABLE work_calendar_days (day TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL)",
            """
            CREATE TABLE work_calendar_settings (
              id BIGINT PRIMARY KEY, start_minute BIGINT NOT NULL, end_minute BIGINT NOT NULL, weekdays TEXT NOT NULL,
              warn_minutes BIGINT NOT NULL)
            """,
            "INSERT INTO work_calendar_settings (id, start_minute, end_minute, weekdays, warn_minutes) VALUES (1, 510, 1050, '1,2,3,4,5', 120)",
            """
            CREATE TABLE requests (
              id \(engine.autoIncrementPrimaryKey), tracking_code TEXT NOT NULL UNIQUE, idempotency_key TEXT UNIQUE,
              item_id BIGINT NOT NULL REFERENCES request_items(id), category_id BIGINT NOT NULL, channel TEXT NOT NULL,
              description TEXT NOT NULL, answers TEXT NOT NULL, region_id BIGINT NOT NULL, region_path TEXT NOT NULL,
              place TEXT NOT NULL, address TEXT NOT NULL, latitude DOUBLE PRECISION, longitude DOUBLE PRECISION,
              requester_user_id BIGINT, contact_name TEXT, phone_sealed TEXT, phone_index TEXT, phone_masked TEXT,
              anonymous BIGINT NOT NULL, entered_by BIGINT,
              state TEXT NOT NULL, pending_kind TEXT, pending_minutes BIGINT, pending_reason TEXT,
              handler_id BIGINT, handler_path TEXT, co_handler_ids TEXT NOT NULL,
              submitted_at BIGINT NOT NULL, stage_started_at BIGINT, respond_due BIGINT NOT NULL, handle_due BIGINT,
              verify_due BIGINT, current_due BIGINT, paused_remaining BIGINT,
              responded_at BIGINT, reported_at BIGINT, closed_at BIGINT, rated_at BIGINT, rating BIGINT,
              respond_minutes BIGINT, handle_minutes BIGINT NOT NULL, verify_minutes BIGINT NOT NULL,
              respond_late BIGINT NOT NULL, handle_late BIGINT NOT NULL, verify_late BIGINT NOT NULL,
              rework_count BIGINT NOT NULL, reopen_count BIGINT NOT NULL, extension_count BIGINT NOT NULL,
              escalation_level BIGINT NOT NULL, warned BIGINT NOT NULL, version BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX requests_region_submitted ON requests (region_path, submitted_at)",
            "CREATE INDEX requests_state_due ON requests (state, current_due)",
            "CREATE INDEX requests_handler ON requests (handler_id, state)",
            "CREATE INDEX requests_requester ON requests (requester_user_id, submitted_at)",
            "CREATE INDEX requests_item_region ON requests (item_id, region_id, submitted_at)",
            "CREATE INDEX requests_phone ON requests (phone_index)",
            """
            CREATE TABLE request_events (
              id \(engine.autoIncrementPrimaryKey), request_id BIGINT NOT NULL REFERENCES requests(id), kind TEXT NOT NULL,
              from_state TEXT, to_state TEXT NOT NULL, actor_user_id BIGINT, actor_name TEXT NOT NULL, actor_role TEXT NOT NULL,
              note TEXT, internal BIGINT NOT NULL, data TEXT, at BIGINT NOT NULL)
            """,
            "CREATE INDEX request_events_request ON request_events (request_id, id)",
            """
            CREATE TABLE request_photos (
              id \(engine.autoIncrementPrimaryKey), request_id BIGINT NOT NULL REFERENCES requests(id), event_id BIGINT,
              content_type TEXT NOT NULL, byte_count BIGINT NOT NULL, sha256 TEXT NOT NULL, data \(engine.blobType) NOT NULL,
              created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX request_photos_request ON request_photos (request_id, id)",
            "CREATE TABLE request_followers (request_id BIGINT NOT NULL, user_id BIGINT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (request_id, user_id))",
            "CREATE INDEX request_followers_user ON request_followers (user_id)",
            // Every 回访评价 given, including those that sent the request back (满意率 counts them all).
            "CREATE TABLE request_ratings (id \(engine.autoIncrementPrimaryKey), request_id BIGINT NOT NULL REFERENCES requests(id), score BIGINT NOT NULL, at BIGINT NOT NULL)",
            "CREATE INDEX request_ratings_request ON request_ratings (request_id)",
        ] + CatalogStore.defaultCatalogStatements() + CalendarStore.officialScheduleStatements() },
        // The dashboard's daily summary, first per grid; requests.004 replaces it (and sums it).
        Migration("requests.002") { engine in [
            "CREATE TABLE request_daily_counts (day BIGINT NOT NULL, area_path TEXT NOT NULL, "
                + DailyCounts.columns.map { "\($0.name) BIGINT NOT NULL" }.joined(separator: ", ") + ", PRIMARY KEY (day, area_path))"
                + (engine == .sqlite ? " WITHOUT ROWID" : ""),
        ] },
        // Scope filters are index ranges (SQLEngine.pathWithin): bytewise on PostgreSQL.
        Migration("requests.003") { engine in (engine == .sqlite ? [] : [
            "DROP INDEX requests_region_submitted",
            "CREATE INDEX requests_region_submitted ON requests (\(engine.pathIndexColumn("region_path")), submitted_at)",
        ]) + [
            // The dashboard's live figures read only running requests: a small partial index
            // that holds every column they test, so they never touch the table.
            "CREATE INDEX requests_running ON requests (current_due, state, submitted_at, region_path, respond_late, handle_late, "
                + "verify_late, responded_at, respond_due) WHERE \(MetricsQueries.runningCondition)",
        ] },
        // The daily summary at every level from district to grid (DailyCounts), so that a
        // district's dashboard reads its streets' rows instead of every grid's; summed again
        // from the requests already there.
        Migration("requests.004", data: { tx in try await DailyCounts.rebuild(tx) }) { engine in
            ["DROP TABLE request_daily_counts"] + DailyCounts.createStatements(engine)
        },
        // The calendar's version (CalendarStore.calendar): a change reads it instead of every exception day.
        Migration("requests.005", data: { tx in try await CalendarStore.changed(tx) }) { _ in
            ["ALTER TABLE work_calendar_settings ADD COLUMN version TEXT NOT NULL DEFAULT ''"]
        },
        // The summary's rows split into shards on PostgreSQL (DailyCounts.shard): the district's
        // row for the day was a lock every change in the district waited for.
        Migration("requests.006") { engine in DailyCounts.shardingStatements(engine) },
        // 紧急: items and requests marked urgent; the out-of-the-box items and the 紧急程度
        // question's 紧急 answer marked so where an admin has not changed them.
        Migration("requests.007") { _ in
            ["ALTER TABLE request_items ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE requests ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0",
             "UPDATE request_items SET urgent = 1 WHERE code IN (\(DefaultCatalog.urgentCodes.map(sqlLiteral).joined(separator: ", ")))"]
                + CatalogStore.urgentChoiceStatements()
        },
        PendingPhotoStore.migration,
        // What a request was raised from (a grid worker's visit or patrol), found again by it.
        Migration("requests.009") { _ in
            ["ALTER TABLE requests ADD COLUMN origin TEXT", "CREATE INDEX requests_origin ON requests (origin)"]
        },
        // 待定位: requests whose address or point placed them nowhere below the street.
        Migration("requests.010") { _ in
            ["ALTER TABLE requests ADD COLUMN awaiting_place INTEGER NOT NULL DEFAULT 0",
             "CREATE INDEX requests_awaiting_place ON requests (awaiting_place, region_path)"]
        },
        // 承接单位: the organisation (or team) a request was dispatched to, its 接单人 the
        // handler; kept to closure so the unit's load and ratings are read from requests.
        Migration("requests.011") { _ in
            ["ALTER TABLE requests ADD COLUMN handler_unit TEXT",
             "CREATE INDEX requests_handler_unit ON requests (handler_unit, state)"]
        },
    ]
}

/// A literal for SQL text built from our own data (catalog seeds), quotes doubled.
func sqlLiteral(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
