import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.server.security.auth.CommunitySecurityModule;

import picocli.CommandLine;

/**
 * Talent Graph's embedded Neo4j: opens the database in a folder and serves Bolt until stopped.
 *
 * Usage: java -cp JARS:CLASSES EmbeddedNeo4j HOME CONF READY PASSWORD
 *   HOME      the Neo4j home folder (data, logs and transaction logs live under it)
 *   CONF      a neo4j.conf-style settings file written by the Python side (Bolt address, memory)
 *   READY     a file written once the default database is available; removed on a clean stop
 *   PASSWORD  a file holding the password of the `neo4j` user (read here, never passed on the command line,
 *             where every local user could see it)
 *
 * CONF must be named neo4j.conf (its folder is the configuration folder of `neo4j-admin`).
 *
 * Authentication is always on, and no one can connect while the `neo4j` user has any other password:
 * - a new folder gets it as `neo4j-admin dbms set-initial-password` sets it, before the system database
 *   is created with its users;
 * - a folder that has a system database but not this password (one made by an earlier version, which ran
 *   without authentication and left the default password, or one whose password file was replaced) is
 *   first opened with Bolt off, the password is set with ALTER USER, and it is opened again with Bolt on.
 * HOME/password.sha256 records which password is in force.
 *
 * SIGTERM or SIGINT shuts the database down cleanly; a killed process leaves a store that Neo4j
 * recovers from its transaction logs on the next start.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: EmbeddedNeo4j HOME CONF READY PASSWORD");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path conf = Path.of(args[1]).toAbsolutePath();
        Path ready = Path.of(args[2]).toAbsolutePath();
        String password = Files.readString(Path.of(args[3]), StandardCharsets.UTF_8).strip();
        Files.deleteIfExists(ready);

        Path applied = home.resolve("password.sha256");
        String fingerprint = sha256(password);
        boolean inForce = Files.exists(applied)
                && Files.readString(applied, StandardCharsets.UTF_8).strip().equals(fingerprint);
        Path initialPassword = null;
        if (!inForce) {
            if (Files.exists(home.resolve("data").resolve("databases").resolve(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))) {
                alterPassword(home, conf, password);
            } else {
                initialPassword = setInitialPassword(home, conf, password);
            }
        }

        DatabaseManagementService dbms = builder(home, conf).build();
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
        // Cypher's parser, planner and runtime load and compile on their first query: several seconds on a
        // busy 2-core machine. Spent here, the first requests after a start or a restart do not wait for it.
        db.executeTransactionally("MATCH (n) RETURN count(n) AS nodes");
        if (!inForce) {
            if (initialPassword != null) {
                // Read once, when the system database was created; the user now lives there.
                Files.deleteIfExists(initialPassword);
            }
            replace(applied, fingerprint + "\n");
            System.out.println("talentgraph: the neo4j user's password is set");
        }
        long pid = ProcessHandle.current().pid();
        replace(ready, Long.toString(pid) + "\n");
        System.out.println("talentgraph: Neo4j embedded is ready (pid " + pid + ")");
        System.out.flush();
        stopped.await();
    }

    private static DatabaseManagementServiceBuilder builder(Path home, Path conf) {
        return new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .setConfig(GraphDatabaseSettings.auth_enabled, true);
    }

    /** `neo4j-admin dbms set-initial-password`, read when the system database is created; returns its file. */
    private static Path setInitialPassword(Path home, Path conf, String password) {
        // Its note that the password applies only before the first start is for people; this is that case.
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        ExecutionContext context =
                new ExecutionContext(home, conf.getParent(), quiet, System.err, new DefaultFileSystemAbstraction());
        int status = new CommandLine(new SetInitialPasswordCommand(context)).execute(password);
        if (status != 0) {
            throw new IllegalStateException("set-initial-password failed with status " + status);
        }
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).fromFileNoThrow(conf).build();
        return CommunitySecurityModule.getInitialUserRepositoryFile(config);
    }

    /** Sets the `neo4j` user's password in an existing system database with Bolt closed, then shuts down. */
    private static void alterPassword(Path home, Path conf, String password) {
        DatabaseManagementService dbms = builder(home, conf).setConfig(BoltConnector.enabled, false).build();
        try {
            GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            try {
                system.executeTransactionally(
                        "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("password", password));
            } catch (QueryExecutionException error) {
                // The record of the applied password was lost, but the password itself is in place.
                if (!String.valueOf(error.getMessage()).contains("Old password and new password cannot be the same")) {
                    throw error;
                }
            }
        } finally {
            dbms.shutdown();
        }
    }

    private static void replace(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
