package dev.pigeonhole.infra;

import java.time.LocalDate;
import java.util.Map;

/**
 * The runtimes the infrastructure may name, with the date each stops being supported (AWS Lambda's runtime table,
 * "Deprecation date": after it, no security patches; Azure Functions' supported-languages table for Java on Linux).
 * Anything not listed is refused, and so is a listed runtime once its date has passed: the build then says to move.
 */
final class SupportedRuntimes {

    /** Lambda runtime identifier to its deprecation date. java17 and nodejs20.x are left out on purpose (see README). */
    static final Map<String, LocalDate> LAMBDA = Map.of(
            "java21", LocalDate.of(2029, 6, 30),
            "java25", LocalDate.of(2029, 6, 30),
            "nodejs22.x", LocalDate.of(2027, 4, 30),
            "nodejs24.x", LocalDate.of(2028, 4, 30));

    /** Azure Functions (runtime 4.x) linuxFxVersion values generally available for Java on Linux. */
    static final Map<String, LocalDate> AZURE_FUNCTIONS_LINUX = Map.of(
            "Java|21", LocalDate.of(2028, 9, 30));

    private SupportedRuntimes() {
    }

    /** Null when {@code runtime} is supported on {@code day}, else why not. */
    static String problem(Map<String, LocalDate> supported, String runtime, LocalDate day) {
        LocalDate until = supported.get(runtime);
        if (until == null) {
            return runtime + " is not a supported runtime (supported: " + new java.util.TreeSet<>(supported.keySet()) + ")";
        }
        if (day.isAfter(until)) {
            return runtime + " reached its end of support on " + until + ": move to a newer one";
        }
        return null;
    }
}
