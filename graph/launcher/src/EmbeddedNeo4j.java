import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Talent Graph's embedded Neo4j: opens the database in a folder and serves Bolt until stopped.
 *
 * Usage: java -cp JARS:CLASSES EmbeddedNeo4j HOME CONF READY
 *   HOME   the Neo4j home folder (data, logs and transaction logs live under it)
 *   CONF   a neo4j.conf-style settings file written by the Python side (Bolt address, memory)
 *   READY  a file written once the default database is available; removed on a clean stop
 *
 * SIGTERM or SIGINT shuts the database down cleanly; a killed process leaves a store that Neo4j
 * recovers from its transaction logs on the next start.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EmbeddedNeo4j HOME CONF READY");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path conf = Path.of(args[1]).toAbsolutePath();
        Path ready = Path.of(args[2]).toAbsolutePath();
        Files.deleteIfExists(ready);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // The ready file is advisory; the Python side also checks the process and Bolt.
            }
            dbms.shutdown();
            stopped.countDown();
        }, "talentgraph-shutdown"));

        GraphDatabaseService db = dbms.database("neo4j");
        if (!db.isAvailable(120_000)) {
            System.err.println("the default database did not become available within 120 s");
            System.exit(1);
        }
        long pid = ProcessHandle.current().pid();
        Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(tmp, Long.toString(pid) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("talentgraph: Neo4j embedded is ready (pid " + pid + ")");
        System.out.flush();
        stopped.await();
    }
}
