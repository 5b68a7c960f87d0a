package dev.pigeonhole.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link StoreLocation} finds the S3 store through its provider. */
class S3StoreLocationTest {

    @Test
    void s3SpecReachesTheEndpointOverrideAndNamesAMissingBucket() {
        S3ProxyServer s3 = S3ProxyServer.shared();
        String endpoint = s3.settings().endpoint().orElseThrow().toString();
        // The default credentials chain reads these system properties; nothing here leaves 127.0.0.1.
        System.setProperty("aws.accessKeyId", "pigeonhole-test");
        System.setProperty("aws.secretAccessKey", "pigeonhole-test-secret");
        try {
            StoreException e = assertThrows(StoreException.class,
                    () -> StoreLocation.open("s3://absent-bucket/p", Map.of("AWS_ENDPOINT_URL_S3", endpoint)));

            assertTrue(e.getMessage().contains("S3 bucket 'absent-bucket' does not exist at " + endpoint), e.getMessage());
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
