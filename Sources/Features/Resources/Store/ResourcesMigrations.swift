import LinliKit

/// 五社资源's tables so far: donors, donations and where each went.
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
    ]
}
