package io.ternmq.outbox;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for assertions: what the database really holds, read outside tx-outbox's own code. */
public final class Sql {
    private Sql() {
    }

    /** The first column of every row of {@code query}, as strings (null stays null). */
    public static List<String> column(DataSource ds, String query, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** The single number {@code query} returns. */
    public static long number(DataSource ds, String query, Object... args) {
        List<String> values = column(ds, query, args);
        if (values.size() != 1) {
            throw new IllegalStateException(query + " returned " + values.size() + " rows");
        }
        return Long.parseLong(values.get(0));
    }

    /** Runs an update and returns the affected row count. */
    public static int update(DataSource ds, String statement, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
