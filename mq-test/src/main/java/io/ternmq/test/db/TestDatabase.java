package io.ternmq.test.db;

import com.mysql.cj.jdbc.MysqlDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One database on the test JVM's MySQL-protocol server, made by {@link EmbeddedDatabase#createDatabase(String)}.
 *
 * @param name     the database (schema) name
 * @param jdbcUrl  a URL selecting it, for {@code spring.datasource.url} or {@code DriverManager}
 * @param user     user name
 * @param password password
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password) {

    /** A new unpooled DataSource on this database (each {@code getConnection} opens a connection). */
    public DataSource dataSource() {
        MysqlDataSource ds = new MysqlDataSource();
        ds.setUrl(jdbcUrl);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    /** Opens a connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** {@code spring.datasource.*} settings for this database, for {@code withPropertyValues(...)}. */
    public String[] springProperties() {
        return new String[] {"spring.datasource.url=" + jdbcUrl, "spring.datasource.username=" + user,
                "spring.datasource.password=" + password};
    }
}
