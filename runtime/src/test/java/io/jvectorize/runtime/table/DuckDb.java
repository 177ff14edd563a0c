package io.jvectorize.runtime.table;

import io.jvectorize.runtime.Column;
import io.jvectorize.runtime.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** An in-process DuckDB, the tests' oracle: tables loaded into it, queries read back. */
public final class DuckDb implements AutoCloseable {

    private final DuckDBConnection connection;

    private DuckDb(Connection connection) {
        this.connection = (DuckDBConnection) connection;
    }

    /** A new in-memory database, on one thread. */
    public static DuckDb open() throws SQLException {
        DuckDb db = new DuckDb(DriverManager.getConnection("jdbc:duckdb:"));
        db.execute("PRAGMA threads=1");
        return db;
    }

    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** {@code name} in SQL: between double quotes. */
    public static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Creates table {@code name} with {@code t}'s columns, types and values, nulls included. */
    public void load(String name, Table t) throws SQLException {
        StringJoiner columns = new StringJoiner(", ", "CREATE TABLE " + quote(name) + " (", ")");
        for (Column column : t.columns()) {
            columns.add(quote(column.name()) + " " + sqlType(column.typeName()));
        }
        execute(columns.toString());
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, name)) {
            for (int row = 0; row < t.rowCount(); row++) {
                appender.beginRow();
                for (Column column : t.columns()) {
                    Object value = column.get(row);
                    if (value == null) {
                        appender.appendNull();
                    } else if (value instanceof Double) {
                        appender.append((double) (Double) value);
                    } else if (value instanceof Float) {
                        appender.append((float) (Float) value);
                    } else if (value instanceof Long) {
                        appender.append((long) (Long) value);
                    } else if (value instanceof Integer) {
                        appender.append((int) (Integer) value);
                    } else if (value instanceof Boolean) {
                        appender.append((boolean) (Boolean) value);
                    } else {
                        appender.append((String) value);
                    }
                }
                appender.endRow();
            }
        }
    }

    private static String sqlType(String typeName) {
        switch (typeName) {
            case "float64": return "DOUBLE";
            case "float32": return "FLOAT";
            case "int64": return "BIGINT";
            case "int32": return "INTEGER";
            case "bool": return "BOOLEAN";
            default: return "VARCHAR";
        }
    }

    /** The rows of a query, each value as JDBC's getObject gives it (null for NULL). */
    public List<Object[]> rows(String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = result.getObject(c + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The first column of a query whose values are integers. */
    public long[] longs(String sql) throws SQLException {
        List<Object[]> rows = rows(sql);
        long[] values = new long[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((Number) rows.get(i)[0]).longValue();
        }
        return values;
    }

    /** The column types of a query's result, as DuckDB names them (DOUBLE, BIGINT, VARCHAR, ...). */
    public List<String> types(String sql) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                types.add(result.getMetaData().getColumnTypeName(c));
            }
        }
        return types;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
