package org.tesseracrm.kernel.core.internal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.FieldError;

/**
 * Which first admin account to create: the one an operator put in the environment, else the configured one.
 * As with Keycloak's bootstrap admin, a password from the environment ({@value #PASSWORD}, or a file named in
 * {@value #PASSWORD_FILE} by the Docker-secrets convention) needs no change at the first sign-in, so a script
 * can use the shell at once; it must pass the same password policy as any other. The configured password
 * (admin/admin by default) must be changed. An operator who asked for a password never silently gets the
 * configured one: anything wrong in the environment refuses the first admin altogether. No value is ever put
 * in a message.
 */
final class BootstrapAdmin {
    /** The first admin's user name (optional; else the configured one). */
    static final String USERNAME = "TESSERA_ADMIN_USERNAME";
    /** The first admin's password. */
    static final String PASSWORD = "TESSERA_ADMIN_PASSWORD";
    /** The path of a file holding the first admin's password; line breaks at its end are not part of it. */
    static final String PASSWORD_FILE = "TESSERA_ADMIN_PASSWORD_FILE";
    private static final List<String> VARIABLES = List.of(USERNAME, PASSWORD, PASSWORD_FILE);

    /**
     * The account to create.
     *
     * @param username its user name
     * @param password its password, to be hashed and then cleared
     * @param passwordSource where the password came from, for the log
     * @param mustChangePassword whether the first sign-in must replace the password (the configured one)
     */
    record Account(String username, char[] password, String passwordSource, boolean mustChangePassword) {
    }

    /** The environment asked for something Tessera cannot do; the message says what, for the log and /health. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message + " Tessera created no admin account, not even the configured one. Correct the "
                    + "environment and restart: the first admin is created at the next start.");
        }
    }

    private final Map<String, String> environment;

    /** @param environment the process's environment ({@link System#getenv()}), or a test's */
    BootstrapAdmin(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * @param configuredUsername the user name from configuration, used unless {@value #USERNAME} is set
     * @param configuredPassword the password from configuration, used unless the environment gives one
     * @param configuration where the configured values come from, for the log
     * @return the first admin to create
     * @throws Refused if a variable is set but empty, unreadable, or breaks the user name or password rules
     */
    Account account(String configuredUsername, String configuredPassword, String configuration) throws Refused {
        String username = configuredUsername;
        if (environment.containsKey(USERNAME)) {
            username = environment.get(USERNAME).trim();
            Optional<String> wrong = SecurityAdminImpl.usernameError(username);
            if (wrong.isPresent()) {
                throw new Refused(USERNAME + " is not a valid user name: " + wrong.get());
            }
        }
        boolean inVariable = environment.containsKey(PASSWORD);
        boolean inFile = environment.containsKey(PASSWORD_FILE);
        if (inVariable && inFile) {
            // As the official Docker images do with VAR and VAR_FILE: which one was meant is a guess.
            throw new Refused("Both " + PASSWORD + " and " + PASSWORD_FILE + " are set; set only one of them.");
        }
        if (!inVariable && !inFile) {
            return new Account(username, configuredPassword.toCharArray(), "configuration " + configuration, true);
        }
        String source = inVariable ? PASSWORD : PASSWORD_FILE + " (" + environment.get(PASSWORD_FILE) + ")";
        char[] password = inVariable ? environment.get(PASSWORD).toCharArray() : readFile(environment.get(PASSWORD_FILE));
        if (password.length == 0) {
            throw new Refused("The password in " + source + " is empty.");
        }
        List<FieldError> errors = LoginPolicy.checkNewPassword(username, new char[0], password, password);
        if (!errors.isEmpty()) {
            throw new Refused("The password in " + source + " does not meet the password policy: "
                    + errors.stream().map(FieldError::message).collect(Collectors.joining(" ")));
        }
        return new Account(username, password, source, false);
    }

    /** @return a notice that the variables set are ignored because accounts exist, if any is set */
    Optional<String> ignored() {
        List<String> set = VARIABLES.stream().filter(environment::containsKey).toList();
        if (set.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", set) + (set.size() == 1 ? " is" : " are") + " ignored: this "
                + "installation already has user accounts, and the first admin is only set up at the first start. "
                + "Change passwords in the web UI.");
    }

    private static char[] readFile(String name) throws Refused {
        if (name.isBlank()) {
            throw new Refused(PASSWORD_FILE + " is empty; it must name a file that holds the password.");
        }
        try {
            String text = Files.readString(Path.of(name));
            // "echo secret > file" ends with a line break that is not part of the password (as $(< file) in a shell)
            return text.replaceFirst("[\\r\\n]+\\z", "").toCharArray();
        } catch (IOException | InvalidPathException e) {
            throw new Refused("Cannot read the password file named in " + PASSWORD_FILE + ": " + e);
        }
    }
}
