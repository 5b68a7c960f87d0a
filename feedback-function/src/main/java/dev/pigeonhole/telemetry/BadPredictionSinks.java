package dev.pigeonhole.telemetry;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses where bad predictions go from the environment (APPLICATIONINSIGHTS_CONNECTION_STRING). */
public final class BadPredictionSinks {

    /** The variable that, when set, sends bad predictions to Application Insights as well as to the log. */
    public static final String CONNECTION_STRING = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    private static final Logger LOG = LoggerFactory.getLogger(BadPredictionSinks.class);
    private static final String AGENT_CLASS = "com.microsoft.applicationinsights.agent.Agent";

    private BadPredictionSinks() {
    }

    /**
     * The log alone when no connection string is set; the log and Application Insights when one is.
     * The connection string itself is read by the Application Insights agent, not here.
     */
    public static BadPredictionSink fromEnvironment(Map<String, String> env) {
        String connectionString = env.get(CONNECTION_STRING);
        if (connectionString == null || connectionString.isBlank()) {
            return new LogSink();
        }
        if (!agentAttached()) {
            LOG.warn("{} is set but the Application Insights Java agent is not attached (-javaagent); "
                    + "bad predictions reach the log only", CONNECTION_STRING);
        }
        return new FanOutSink(List.of(new LogSink(), new ApplicationInsightsSink()));
    }

    /** The process's own environment. */
    public static BadPredictionSink fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    // -javaagent appends the agent jar to the system class path, so its premain class is visible there.
    static boolean agentAttached() {
        try {
            Class.forName(AGENT_CLASS, false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
