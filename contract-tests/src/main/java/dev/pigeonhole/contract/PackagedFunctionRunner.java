package dev.pigeonhole.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import io.micronaut.azure.function.AzureFunction;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs in a child JVM on a cloud package's own class path and calls its entry point the way the platform
 * does (created with its no-argument constructor, configured by environment variables), so a test can prove
 * the package runs. Arguments: {@code aws}, or {@code azure <function class> <function name>}. Reads one
 * request per line on stdin, {@code METHOD PATH CONTENT-TYPE|- BASE64-BODY|-}, and prints one line per answer,
 * {@code RESPONSE STATUS CONTENT-TYPE BASE64-BODY}.
 */
public final class PackagedFunctionRunner {

    private PackagedFunctionRunner() {
    }

    public static void main(String[] args) throws Exception {
        Function<ContractRequest, ContractResponse> transport = args[0].equals("aws")
                ? new AwsTransport(new APIGatewayV2HTTPEventFunction())::send
                : azure(args[1], args[2]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] fields = line.split(" ");
            Map<String, String> headers = decodeHeaders(fields[2]);
            byte[] body = fields[3].equals("-") ? null : Base64.getDecoder().decode(fields[3]);
            ContractResponse response = transport.apply(new ContractRequest(fields[0], fields[1], headers, body));
            System.out.println("RESPONSE " + response.status() + " "
                    + Optional.ofNullable(response.header("content-type")).map(t -> t.replace(" ", "%20")).orElse("-")
                    + " " + Base64.getEncoder().encodeToString(response.body()));
        }
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static Function<ContractRequest, ContractResponse> azure(String functionClass, String functionName)
            throws ReflectiveOperationException {
        AzureFunction function = (AzureFunction) Class.forName(functionClass).getConstructor().newInstance();
        Method trigger = function.getClass().getMethod("invoke", HttpRequestMessage.class, ExecutionContext.class);
        return new AzureTransport(function, functionName, (request, context) -> {
            try {
                return (HttpResponseMessage) trigger.invoke(function, request, context);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        })::send;
    }

    /** The headers PackagedFunction.encodeHeaders encoded. */
    private static Map<String, String> decodeHeaders(String field) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (!field.equals("-")) {
            for (String line : new String(Base64.getDecoder().decode(field), UTF_8).split("\n")) {
                int colon = line.indexOf(": ");
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return headers;
    }
}
