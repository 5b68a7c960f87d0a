package dev.pigeonhole.contract;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.Map;

/** The function behind the Lambda handler, as API Gateway (HTTP API, payload 2.0) invokes it. */
public final class AwsRuntime implements FunctionRuntime {

    @Override
    public RunningFunction start(Map<String, String> properties, AzureEntryPoint azure) {
        ApplicationContext context = new LambdaApplicationContextBuilder().properties(Map.copyOf(properties))
                .environments("test").start();
        AwsTransport transport = new AwsTransport(new APIGatewayV2HTTPEventFunction(context));
        return RunningFunction.of(transport::send, transport::sendWithoutContentLength, context::close);
    }
}
