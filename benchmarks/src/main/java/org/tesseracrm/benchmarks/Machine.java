package org.tesseracrm.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** One line about where the figures were measured; they mean little without it. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException e) {
            // not Linux: keep "unknown CPU"
        }
        return String.format("Measured %s on %s, %d cores available to the JVM, max heap %d MB, Java %s (%s).",
                LocalDate.now(), cpu, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"), System.getProperty("os.name"));
    }
}
