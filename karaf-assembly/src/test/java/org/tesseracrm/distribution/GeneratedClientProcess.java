package org.tesseracrm.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Runs {@link GeneratedClientCheck} in a JVM of its own with the test's Maven class path (where openapi-generator is),
 * from a test that runs inside Karaf. Apart from that class so that the container never loads the generator's classes.
 */
final class GeneratedClientProcess {
    /** The last line of a run of {@link GeneratedClientCheck} where everything held. */
    static final String OK = "GENERATED CLIENT: CRUD OK";
    /** The system property, set for the container, naming the folder with the argument file and room for the client. */
    static final String FOLDER = "tessera.it.generatedClient";
    private static final String ARGS = "java.args";

    private GeneratedClientProcess() {
    }

    /**
     * Called in the test JVM, where the generator is on the class path: writes the {@code java} argument file that
     * starts {@link GeneratedClientCheck} with that class path.
     *
     * @return the folder, the value of {@value #FOLDER}
     */
    static String prepare() throws IOException {
        Path folder = Paths.get("target", "generated-client").toAbsolutePath();
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(ARGS), "-cp " + System.getProperty("java.class.path").replace("\\", "/") + "\n");
        return folder.toString();
    }

    /**
     * @param base the server's base address, e.g. {@code http://127.0.0.1:8181}
     * @param token a read-write API token
     * @return the command that runs {@link GeneratedClientCheck} from the folder {@value #FOLDER} names
     */
    static List<String> command(String base, String token) {
        Path folder = Paths.get(System.getProperty(FOLDER));
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), "@" + folder.resolve(ARGS), "org.tesseracrm.distribution.GeneratedClientCheck", base,
                token, folder.resolve("run-" + System.currentTimeMillis()).toString());
    }

    /** @return where a run's output goes */
    static Path log() {
        return Paths.get(System.getProperty(FOLDER), "run-" + System.currentTimeMillis() + ".log");
    }
}
