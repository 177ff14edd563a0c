package io.jvectorize.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jvectorize.runtime.DType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The one local Spark session every test class of the module shares (starting Spark takes
 * seconds), and a view of it per {@link Mode}: each mode is a {@code newSession()} with its
 * own SQL settings over the same SparkContext.
 */
final class SharedSpark {
    private SharedSpark() {}

    /** The settings a translation must not depend on. */
    enum Mode {
        /** Spark 4's default: ANSI mode; projections compiled by whole-stage codegen. */
        ANSI,
        /** ANSI mode off (Spark 3's default, and many users' sessions); codegen. */
        LEGACY,
        /** ANSI mode, projections of local data evaluated by the optimizer's interpreter. */
        INTERPRETED
    }

    /** The JDK feature releases Spark 4.2 runs on (its launcher's module options are for 17 to 25). */
    private static final int NEWEST_SUPPORTED_JDK = 25;

    private static SparkSession root;
    private static final Map<Mode, SparkSession> SESSIONS = new EnumMap<>(Mode.class);

    /** The session of {@code mode}; skips the calling test on a JDK Spark does not support. */
    static synchronized SparkSession session(Mode mode) {
        int jdk = Runtime.version().feature();
        assumeTrue(jdk <= NEWEST_SUPPORTED_JDK, "Spark 4.2 supports JDK 17 to " + NEWEST_SUPPORTED_JDK
                + "; this is JDK " + jdk + ": the Spark tests are skipped");
        if (root == null) {
            root = SparkSession.builder()
                    .master("local[2]")
                    .appName("jvectorize-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(root::stop, "stop-shared-spark"));
        }
        return SESSIONS.computeIfAbsent(mode, m -> {
            SparkSession session = root.newSession();
            session.conf().set("spark.sql.ansi.enabled", String.valueOf(m != Mode.LEGACY));
            if (m != Mode.INTERPRETED) {
                // Otherwise the optimizer computes projections of local data itself, interpreted.
                session.conf().set("spark.sql.optimizer.excludedRules",
                        "org.apache.spark.sql.catalyst.optimizer.ConvertToLocalRelation");
            }
            return session;
        });
    }

    /** A dataset of {@code columns}, without nulls; see {@link #table(SparkSession, Map, Map)}. */
    static Dataset<Row> table(SparkSession session, Map<String, Object> columns) {
        return table(session, columns, Map.of());
    }

    /** The default: ANSI mode, codegen. */
    static SparkSession session() {
        return session(Mode.ANSI);
    }

    /**
     * A dataset of the columns {@code columns} (name to Java array of a jvectorize type: double[],
     * float[], long[], int[], boolean[]; all of one length), in the map's order, with nulls where
     * {@code missing} has an array for the column, true at the row.
     */
    static Dataset<Row> table(SparkSession session, Map<String, Object> columns, Map<String, boolean[]> missing) {
        StructType schema = new StructType();
        List<Object> arrays = new ArrayList<>();
        List<boolean[]> masks = new ArrayList<>();
        int length = -1;
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            DType type = DType.ofArray(column.getValue()).orElseThrow();
            schema = schema.add(column.getKey(), SparkTypes.dataType(type), true);
            arrays.add(column.getValue());
            masks.add(missing.get(column.getKey()));
            length = java.lang.reflect.Array.getLength(column.getValue());
        }
        List<Row> rows = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            Object[] values = new Object[arrays.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = masks.get(c) != null && masks.get(c)[i] ? null : java.lang.reflect.Array.get(arrays.get(c), i);
            }
            rows.add(RowFactory.create(values));
        }
        return session.createDataFrame(rows, schema);
    }
}
