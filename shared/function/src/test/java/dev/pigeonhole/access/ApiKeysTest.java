package dev.pigeonhole.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void theDigestIsTheHexSha256OfTheKeysUtf8Bytes() {
        // printf '%s' abc | sha256sum
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeys.sha256Hex("abc"));
    }

    @Test
    void aKeyIsFoundByItsDigestAndNamesItsClient() {
        ApiKeys keys = ApiKeys.parse(" web:" + ApiKeys.sha256Hex("k1") + " , batch-job:"
                + ApiKeys.sha256Hex("k2").toUpperCase() + ",");

        assertEquals(2, keys.size());
        assertEquals(Optional.of("web"), keys.clientOf("k1"));
        assertEquals(Optional.of("batch-job"), keys.clientOf("k2"));
        assertEquals(Optional.empty(), keys.clientOf("k3"));
        assertEquals(Optional.empty(), keys.clientOf(null));
    }

    @Test
    void blankOrMissingConfigurationHoldsNoKey() {
        assertTrue(ApiKeys.parse(null).isEmpty());
        assertTrue(ApiKeys.parse("  ").isEmpty());
        assertEquals(Optional.empty(), ApiKeys.parse("").clientOf(""));
    }

    @Test
    void anUnresolvedKeyVaultReferenceHoldsNoKeyInsteadOfStoppingTheFunction() {
        // What App Service passes when the secret a reference names does not exist yet (infra/azure, no apiKeys given).
        String reference = "@Microsoft.KeyVault(VaultName=pigeonholekeys;SecretName=pigeonhole-api-keys)";

        assertTrue(ApiKeys.isUnresolvedReference(reference));
        assertTrue(ApiKeys.parse(reference).isEmpty());
        assertFalse(ApiKeys.isUnresolvedReference("web:" + ApiKeys.sha256Hex("k")));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("@Microsoft.KeyVault"));
    }

    @Test
    void aPlainKeyInsteadOfItsDigestIsRefusedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.parse("web:my-secret-key"));

        assertEquals("PIGEONHOLE_API_KEYS entry 1 (client 'web') is not followed by 64 hex digits: configure the "
                + "SHA-256 of the key, never the key itself", e.getMessage());
        assertFalse(e.getMessage().contains("my-secret-key"));
    }

    @Test
    void entriesWithoutColonBadClientIdsOrRepeatedDigestsAreRefused() {
        String digest = ApiKeys.sha256Hex("k");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(digest)).getMessage()
                .startsWith("PIGEONHOLE_API_KEYS entry 1 has no ':'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("a b:" + digest)).getMessage()
                .startsWith("PIGEONHOLE_API_KEYS entry 1 has client id 'a b'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("a:" + digest + ",b:" + digest))
                .getMessage().startsWith("PIGEONHOLE_API_KEYS entry 2 (client 'b') repeats the digest"));
    }

    @Test
    void itsDescriptionNamesClientsButNoDigest() {
        String digest = ApiKeys.sha256Hex("k");
        String described = ApiKeys.parse("web:" + digest).toString();

        assertEquals("ApiKeys[1 key(s) for [web]]", described);
    }
}
