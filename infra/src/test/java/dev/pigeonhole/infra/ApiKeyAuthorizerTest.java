package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Lambda authorizer of POST /feedback (infra/aws/authorizer), run in Node.js as Lambda would call it. */
class ApiKeyAuthorizerTest {

    private static final String CALLS = """
            import { handler } from './index.mjs';
            const answers = [];
            for (const headers of [{ 'x-api-key': 'key-of-web' }, { 'x-api-key': 'key-of-bot' },
                { 'x-api-key': 'not-a-key' }, { 'x-api-key': '' }, {}]) {
              answers.push(await handler({ version: '2.0', type: 'REQUEST', routeKey: 'POST /feedback', headers }));
            }
            console.log(JSON.stringify(answers));
            """;

    @Test
    void letsThroughOnlyKeysWhoseSha256IsListedAndNamesTheirClient() throws Exception {
        String keys = "web:" + sha256("key-of-web") + ", bot:" + sha256("key-of-bot").toUpperCase();

        String answers = runAuthorizer(keys);

        assertEquals("[{\"isAuthorized\":true,\"context\":{\"clientId\":\"web\"}},"
                + "{\"isAuthorized\":true,\"context\":{\"clientId\":\"bot\"}},"
                + "{\"isAuthorized\":false},{\"isAuthorized\":false},{\"isAuthorized\":false}]", answers);
    }

    @Test
    void refusesToStartOnAMalformedKeyList() {
        Path node = ExternalTool.require("node", "install Node.js 18 or newer");
        ExternalTool.Run run = ExternalTool.run(RepositoryFiles.path("infra/aws/authorizer"),
                List.of(node.toString(), "--input-type=module", "-e", CALLS),
                Map.of("PIGEONHOLE_API_KEYS", "web:not-a-hash"), 60);

        assertEquals(1, run.exitCode(), run.output());
        assertEquals(true, run.output().contains("entry 1 is not client-id:sha256-hex-of-key"), run.output());
    }

    private static String runAuthorizer(String keys) {
        Path node = ExternalTool.require("node", "install Node.js 18 or newer");
        ExternalTool.Run run = ExternalTool.run(RepositoryFiles.path("infra/aws/authorizer"),
                List.of(node.toString(), "--input-type=module", "-e", CALLS), Map.of("PIGEONHOLE_API_KEYS", keys), 60);
        assertEquals(0, run.exitCode(), run.output());
        return run.output().strip();
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
