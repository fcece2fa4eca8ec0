package org.icm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.icm.infrastructure.Infrastructure;
import org.icm.infrastructure.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service's PostgreSQL database as an earlier release left it, for the upgrade tests: a script (the schema that
 * release made, then its rows) kept in the service's test resources under {@code releases/}. {@link #load} makes a
 * fresh database from it; {@link #main} writes the rows of a running platform's database as such a script, which is
 * how a release's fixture is made before the next release changes the schema.
 */
public final class ReleaseFixture {

    private static final AtomicInteger LOADED = new AtomicInteger();

    private ReleaseFixture() {
    }

    /**
     * Starts the service {@code application} on a new database holding the fixture {@code resource} (in the test JVM's
     * shared infrastructure, on a port of its own, with a MongoDB database of the same new name, so its read models are
     * rebuilt from the fixture's events). The caller closes it.
     */
    public static ConfigurableApplicationContext start(Class<?> application, String resource) {
        String database = load(SharedInfrastructure.get(), resource);
        List<String> arguments = new ArrayList<>();
        for (Map.Entry<String, Object> property : SharedInfrastructureContextCustomizerFactory.testProperties(true).entrySet()) {
            arguments.add("--" + property.getKey() + "=" + property.getValue());
        }
        arguments.add("--icm.database=" + database);
        arguments.add("--server.port=0");
        return new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new));
    }

    /** The port a service {@link #start started} here listens on. */
    public static int port(ConfigurableApplicationContext service) {
        return Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** A new database holding the fixture {@code resource} (a classpath script); answers its name. */
    public static String load(Infrastructure infrastructure, String resource) {
        String database = "release_fixture_" + ProcessHandle.current().pid() + "_" + LOADED.incrementAndGet();
        String script;
        try (InputStream in = ReleaseFixture.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource + " on the classpath");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection admin = connect(infrastructure, "postgres"); Statement create = admin.createStatement()) {
            create.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + database + ": " + e.getMessage(), e);
        }
        try (Connection connection = connect(infrastructure, database); Statement statement = connection.createStatement()) {
            statement.execute(script);
        } catch (SQLException e) {
            throw new IllegalStateException("fixture " + resource + " does not load: " + e.getMessage(), e);
        }
        return database;
    }

    private static Connection connect(Infrastructure infrastructure, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + infrastructure.postgresHost() + ":" + infrastructure.postgresPort()
                + "/" + database, infrastructure.postgresUser(), infrastructure.postgresPassword());
    }

    /**
     * Writes the rows of the named tables as insert statements, serial sequences moved past them.
     * Arguments: JDBC URL, user, password, output file, then the tables in the order they are to be filled.
     */
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            StringBuilder script = new StringBuilder();
            for (String table : List.of(args).subList(4, args.length)) {
                dumpRows(connection, table, script);
            }
            Files.writeString(Path.of(args[3]), script, StandardCharsets.UTF_8);
        }
    }

    private static void dumpRows(Connection connection, String table, StringBuilder script) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("select * from " + table)) {
            ResultSetMetaData columns = rows.getMetaData();
            StringBuilder names = new StringBuilder();
            for (int c = 1; c <= columns.getColumnCount(); c++) {
                names.append(c > 1 ? ", " : "").append(columns.getColumnName(c));
            }
            while (rows.next()) {
                script.append("insert into ").append(table).append(" (").append(names).append(") values (");
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    script.append(c > 1 ? ", " : "").append(literal(rows, c, columns.getColumnType(c)));
                }
                script.append(");\n");
            }
            for (int c = 1; c <= columns.getColumnCount(); c++) {
                if (columns.isAutoIncrement(c)) {
                    script.append("select setval(pg_get_serial_sequence('").append(table).append("', '").append(columns.getColumnName(c))
                            .append("'), (select coalesce(max(").append(columns.getColumnName(c)).append("), 1) from ").append(table).append("));\n");
                }
            }
        }
    }

    private static String literal(ResultSet rows, int column, int type) throws SQLException {
        if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY) {
            byte[] bytes = rows.getBytes(column);
            return bytes == null ? "null" : "'\\x" + HexFormat.of().formatHex(bytes) + "'::bytea";
        }
        String text = rows.getString(column);
        if (text == null) {
            return "null";
        }
        return switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.NUMERIC -> text;
            default -> "'" + text.replace("'", "''") + "'";
        };
    }
}
