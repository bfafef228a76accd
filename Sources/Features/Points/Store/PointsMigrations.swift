import LinliKit

/// The points bank's tables: accounts with their four sums, the append-only journal, earning
/// rules by version, good deeds, the shop's items, stock movements and redemptions.
enum PointsMigrations {
    static let all: [Migration] = [
        Migration("points.001") { engine in [
            // `owner` names what the account is for (`person:12`, `issuance:7`): one each. The
            // CHECK is the backstop of the limit the service applies under the row lock.
            """
            CREATE TABLE point_accounts (
              id \(engine.autoIncrementPrimaryKey), kind TEXT NOT NULL, owner TEXT NOT NULL UNIQUE, owner_id BIGINT,
              name TEXT NOT NULL, region_id BIGINT NOT NULL, region_path TEXT NOT NULL, community_id BIGINT NOT NULL,
              debits_pending BIGINT NOT NULL, debits_posted BIGINT NOT NULL, credits_pending BIGINT NOT NULL,
              credits_posted BIGINT NOT NULL, created_at BIGINT NOT NULL,
              CHECK (kind NOT IN ('person', 'team', 'organization') OR credits_posted - debits_posted - debits_pending >= 0),
              CHECK (debits_pending >= 0 AND credits_pending >= 0 AND debits_posted >= 0 AND credits_posted >= 0))
            """,
            "CREATE INDEX point_accounts_place ON point_accounts (\(engine.pathIndexColumn("region_path")), kind)",
            "CREATE INDEX point_accounts_community ON point_accounts (community_id, kind)",
            // The journal. A pending transfer is resolved by a second entry that names it
            // (`pending_id`, once: UNIQUE); a reversal names what it reverses (once: UNIQUE);
            // an award carries its idempotency key (once: UNIQUE). `debit_after` and
            // `credit_after` are each side's posted balance after the entry, for statements and
            // balances as of a date; `ledger verify` recomputes them.
            """
            CREATE TABLE point_transfers (
              id \(engine.autoIncrementPrimaryKey), kind TEXT NOT NULL, purpose TEXT NOT NULL,
              debit_account_id BIGINT NOT NULL, credit_account_id BIGINT NOT NULL, amount BIGINT NOT NULL CHECK (amount > 0),
              debit_after BIGINT NOT NULL, credit_after BIGINT NOT NULL, pending_id BIGINT UNIQUE, reverses_id BIGINT UNIQUE,
              idempotency_key TEXT UNIQUE, rules_id BIGINT, memo TEXT NOT NULL, source TEXT, timeout_at BIGINT,
              actor_id BIGINT, actor_name TEXT NOT NULL, created_at BIGINT NOT NULL,
              CHECK (debit_account_id <> credit_account_id))
            """,
            "CREATE INDEX point_transfers_debit ON point_transfers (debit_account_id, id)",
            "CREATE INDEX point_transfers_credit ON point_transfers (credit_account_id, id)",
            "CREATE INDEX point_transfers_day ON point_transfers (credit_account_id, purpose, created_at)",
            """
            CREATE TABLE point_rules (
              id \(engine.autoIncrementPrimaryKey), region_id BIGINT NOT NULL, region_path TEXT NOT NULL, version BIGINT NOT NULL,
              rules TEXT NOT NULL, note TEXT NOT NULL, edited_by BIGINT, edited_by_name TEXT NOT NULL, edited_at BIGINT NOT NULL,
              UNIQUE (region_id, version))
            """,
            """
            CREATE TABLE good_deeds (
              id \(engine.autoIncrementPrimaryKey), resident_id BIGINT NOT NULL, name TEXT NOT NULL, region_path TEXT NOT NULL,
              title TEXT NOT NULL, description TEXT NOT NULL, happened_on TEXT NOT NULL, evidence TEXT NOT NULL,
              state TEXT NOT NULL, asked_by BIGINT, asked_at BIGINT NOT NULL, decided_by BIGINT, decided_by_name TEXT,
              decided_at BIGINT, note TEXT, granted BIGINT, transfer_id BIGINT)
            """,
            "CREATE INDEX good_deeds_place ON good_deeds (\(engine.pathIndexColumn("region_path")), state)",
            "CREATE INDEX good_deeds_person ON good_deeds (resident_id, asked_at)",
            """
            CREATE TABLE shop_items (
              id \(engine.autoIncrementPrimaryKey), community_id BIGINT NOT NULL, region_path TEXT NOT NULL, name TEXT NOT NULL,
              description TEXT NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL, donor TEXT NOT NULL, price BIGINT NOT NULL,
              stock BIGINT NOT NULL, held BIGINT NOT NULL, redeemed BIGINT NOT NULL, per_person_limit BIGINT,
              limit_period TEXT NOT NULL, eligible_path TEXT NOT NULL, eligible_tags TEXT NOT NULL, pickup_place TEXT NOT NULL,
              hold_hours BIGINT NOT NULL, on_sale BIGINT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
              CHECK (stock >= 0 AND held >= 0 AND redeemed >= 0 AND price > 0))
            """,
            "CREATE INDEX shop_items_place ON shop_items (\(engine.pathIndexColumn("region_path")), on_sale)",
            """
            CREATE TABLE shop_stock_moves (
              id \(engine.autoIncrementPrimaryKey), item_id BIGINT NOT NULL, delta BIGINT NOT NULL, reason TEXT NOT NULL,
              actor_id BIGINT, actor_name TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX shop_stock_moves_item ON shop_stock_moves (item_id, id)",
            """
            CREATE TABLE shop_redemptions (
              id \(engine.autoIncrementPrimaryKey), item_id BIGINT NOT NULL, item_name TEXT NOT NULL, resident_id BIGINT NOT NULL,
              account_id BIGINT NOT NULL, user_id BIGINT, name TEXT NOT NULL, region_path TEXT NOT NULL, points BIGINT NOT NULL,
              state TEXT NOT NULL, code TEXT NOT NULL UNIQUE, pickup_place TEXT NOT NULL, hold_until BIGINT NOT NULL,
              transfer_id BIGINT NOT NULL UNIQUE, created_at BIGINT NOT NULL, resolved_at BIGINT, resolved_by TEXT)
            """,
            "CREATE INDEX shop_redemptions_person ON shop_redemptions (resident_id, item_id, created_at)",
            "CREATE INDEX shop_redemptions_holds ON shop_redemptions (state, hold_until)",
            "CREATE INDEX shop_redemptions_place ON shop_redemptions (\(engine.pathIndexColumn("region_path")), state)",
        ] + appendOnly(engine) },
        // 过期提醒: one notice per account and expiry month, however often the job runs.
        Migration("points.002") { _ in [
            """
            CREATE TABLE point_expiry_notices (account_id BIGINT NOT NULL, month TEXT NOT NULL, amount BIGINT NOT NULL,
              sent_at BIGINT NOT NULL, PRIMARY KEY (account_id, month))
            """,
        ] },
    ]

    /// Journal entries are never changed or removed, by any code: the database refuses it.
    static func appendOnly(_ engine: SQLEngine) -> [String] {
        switch engine {
        case .sqlite: [
            "CREATE TRIGGER point_transfers_no_update BEFORE UPDATE ON point_transfers BEGIN SELECT RAISE(ABORT, 'the points journal is append-only'); END",
            "CREATE TRIGGER point_transfers_no_delete BEFORE DELETE ON point_transfers BEGIN SELECT RAISE(ABORT, 'the points journal is append-only'); END",
        ]
        case .postgres: [
            """
            CREATE FUNCTION point_transfers_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'the points journal is append-only'; END $$
            """,
            "CREATE TRIGGER point_transfers_no_change BEFORE UPDATE OR DELETE ON point_transfers FOR EACH ROW EXECUTE FUNCTION point_transfers_append_only()",
            "CREATE TRIGGER point_transfers_no_truncate BEFORE TRUNCATE ON point_transfers FOR EACH STATEMENT EXECUTE FUNCTION point_transfers_append_only()",
        ]
        }
    }
}
