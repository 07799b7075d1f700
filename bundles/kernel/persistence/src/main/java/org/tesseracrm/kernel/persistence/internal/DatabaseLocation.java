package org.tesseracrm.kernel.persistence.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether the configured CRM database may be used at all. A misspelt placeholder in the
 * database URL (Karaf replaces an unknown {@code ${...}} with nothing) made embedded Derby create an
 * empty database at the file system root, and Tessera then started as a fresh installation with
 * admin/admin. So an unresolved placeholder, or an embedded Derby database outside the installation,
 * is refused before anything connects. Pure functions.
 */
final class DatabaseLocation {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final String DERBY = "jdbc:derby:";

    /** The configuration file of the CRM DataSource, as the distribution ships it. */
    static final String CONFIG_FILE = "etc/org.ops4j.datasource-crm.cfg";

    private DatabaseLocation() {
    }

    /**
     * Checks the CRM DataSource as registered: its configuration file as written, then its URL.
     *
     * @param serviceProperties the DataSource service's properties (pax-jdbc-config copies the configuration)
     * @param frameworkProperty a framework or system property by name; null when undefined
     * @return why the DataSource must not be used, empty if it may
     */
    static Optional<String> refusal(Map<String, ?> serviceProperties, UnaryOperator<String> frameworkProperty) {
        Optional<Path> file = configFile(serviceProperties.get("felix.fileinstall.filename"));
        String fileName = file.map(Path::toString).orElse(CONFIG_FILE);
        if (file.isPresent() && Files.isReadable(file.get())) {
            try {
                List<String> unresolved = unresolvedPlaceholders(Files.readString(file.get()), fileName, frameworkProperty);
                if (!unresolved.isEmpty()) {
                    return Optional.of(String.join(" ", unresolved));
                }
            } catch (IOException e) {
                // The URL check below still runs; the file is only read for a better message.
            }
        }
        List<Path> roots = Stream.of("karaf.base", "karaf.home", "karaf.data")
                .map(frameworkProperty).filter(Objects::nonNull).map(Path::of).toList();
        if (roots.isEmpty()) {
            return Optional.empty(); // not in Karaf (unit tests): no installation to compare with
        }
        Object url = serviceProperties.get("url");
        String derbyHome = frameworkProperty.apply("derby.system.home");
        Path workingDir = Path.of(derbyHome != null ? derbyHome : Objects.requireNonNullElse(frameworkProperty.apply("user.dir"), "."));
        return refusal(url == null ? null : url.toString(), fileName, roots, workingDir);
    }

    private static Optional<Path> configFile(Object fileInstallName) {
        if (fileInstallName == null) {
            return Optional.empty();
        }
        String name = fileInstallName.toString();
        try {
            return Optional.of(name.startsWith("file:") ? Path.of(URI.create(name)) : Path.of(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param url the DataSource's JDBC URL after Karaf's substitution
     * @param configFile where the URL was configured, for the message
     * @param allowedRoots folders an embedded database may live in (Karaf home, base and data)
     * @param workingDir what a relative Derby path is resolved against
     * @return why the URL must not be used, empty if it may
     */
    static Optional<String> refusal(String url, String configFile, List<Path> allowedRoots, Path workingDir) {
        if (url == null || url.isBlank()) {
            return Optional.of("The database connection 'crm' has no url: set url in " + configFile + ".");
        }
        Matcher placeholder = PLACEHOLDER.matcher(url);
        if (placeholder.find()) {
            return Optional.of("The database url " + url + " (property url in " + configFile
                    + ") still contains the placeholder " + placeholder.group() + ", which Karaf could not resolve.");
        }
        Optional<Path> derbyPath = derbyPath(url, workingDir);
        if (derbyPath.isEmpty()) {
            return Optional.empty();
        }
        Path path = derbyPath.get();
        for (Path root : allowedRoots) {
            if (path.startsWith(root.toAbsolutePath().normalize())) {
                return Optional.empty();
            }
        }
        return Optional.of("The embedded Derby database " + path + " (property url in " + configFile
                + ") is outside the Tessera installation (" + allowedRoots.get(0) + "). Most likely a ${...} "
                + "placeholder in the url is misspelt: Karaf replaces an unknown placeholder with nothing. Fix the "
                + "url; to keep the database on another disk, link a folder under data/ to it.");
    }

    /** @return the folder of an embedded Derby database; empty for other databases, network or in-memory Derby */
    static Optional<Path> derbyPath(String url, Path workingDir) {
        if (!url.regionMatches(true, 0, DERBY, 0, DERBY.length())) {
            return Optional.empty();
        }
        String name = url.substring(DERBY.length());
        int attributes = name.indexOf(';');
        if (attributes >= 0) {
            name = name.substring(0, attributes);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith("//") || lower.startsWith("memory:") || lower.startsWith("classpath:")
                || lower.startsWith("jar:")) {
            return Optional.empty();
        }
        if (lower.startsWith("directory:")) {
            name = name.substring("directory:".length());
        }
        return Optional.of(workingDir.resolve(name).toAbsolutePath().normalize());
    }

    /**
     * @param configText the text of a {@code .cfg} file as written, before substitution
     * @param configFile its name, for the message
     * @param lookup a framework or system property by name; null when undefined
     * @return one sentence per placeholder that Karaf cannot resolve (it would silently become empty)
     */
    static List<String> unresolvedPlaceholders(String configText, String configFile, UnaryOperator<String> lookup) {
        List<String> problems = new ArrayList<>();
        for (String line : configText.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            Matcher placeholder = PLACEHOLDER.matcher(trimmed);
            while (placeholder.find()) {
                String name = placeholder.group(1);
                String value = name.startsWith("env:") ? System.getenv(name.substring(4)) : lookup.apply(name);
                if (value == null) {
                    String property = trimmed.split("[=:\\s]", 2)[0];
                    problems.add(configFile + ": property " + property + " uses " + placeholder.group()
                            + ", which is not defined (Karaf would replace it with nothing).");
                }
            }
        }
        return problems;
    }
}
