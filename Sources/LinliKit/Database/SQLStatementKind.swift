/// What a statement's text says about it, for the connections that keep prepared statements.
enum SQLStatementKind {
    /// DDL changes what kept statements mean (a `SELECT *` gains a column).
    static func changesSchema(_ sql: String) -> Bool {
        let head = sql.utf8.prefix(6)
        return head.elementsEqual("CREATE".utf8) || head.elementsEqual("ALTER ".utf8) || head.prefix(4).elementsEqual("DROP".utf8)
    }

    /// BEGIN, COMMIT, ROLLBACK: nothing to plan.
    static func controlsTransaction(_ sql: String) -> Bool {
        let head = sql.utf8.prefix(6)
        return head.prefix(5).elementsEqual("BEGIN".utf8) || head.elementsEqual("COMMIT".utf8) || head.elementsEqual("ROLLBA".utf8)
    }
}
