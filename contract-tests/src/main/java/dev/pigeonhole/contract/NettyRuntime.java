package dev.pigeonhole.contract;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/** The function on its embedded Netty server, as {@code java -jar} runs it, on a free port of 127.0.0.1. */
public final class NettyRuntime implements FunctionRuntime {

    @Override
    public RunningFunction start(Map<String, String> properties, AzureEntryPoint azure) {
        Map<String, Object> configuration = new HashMap<>(properties);
        configuration.putIfAbsent("micronaut.server.port", "-1");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, configuration, "test");
        NettyTransport transport = new NettyTransport(server);
        return RunningFunction.of(transport::send, transport::sendWithoutContentLength, server.getApplicationContext()::close);
    }
}
