package org.tesseracrm.distribution;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** Pax Exam options that boot the real Tessera distribution on free ports. */
final class PaxExamSupport {

    /** System property that carries the HTTP port into the container. */
    static final String HTTP_PORT_PROPERTY = "tessera.it.httpPort";

    private PaxExamSupport() {
    }

    static Option[] distribution(int httpPort, Option... extra) throws IOException {
        return OptionUtils.combine(new Option[] {
                karafDistributionConfiguration()
                        .frameworkUrl(new File(System.getProperty("tessera.distribution")).toURI().toString())
                        .karafVersion(System.getProperty("karaf.version"))
                        .name("Tessera CRM")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort)),
                // the probe runs inside the container and must reach the same port
                systemProperty(HTTP_PORT_PROPERTY).value(String.valueOf(httpPort)),
        }, extra);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
